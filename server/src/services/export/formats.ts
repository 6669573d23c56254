// The export format registry: each format names its media type and file extension and writes a subgraph to a sink.
import type { ExportFormat, ExportVariant } from '../../../../contract/index.js';
import type { ExportGraph } from '../../store/export-store.js';
import type { ExportSink } from './sink.js';
import { graphmlFormat } from './graphml.js';
import { cytoscapeJsonFormat } from './cytoscape-json.js';
import { csvZipFormat } from './csv-zip.js';
import { cypherScriptFormat } from './cypher-script.js';
import { briefingFormat } from './briefing.js';

/** What produced the subgraph and when: formats that describe themselves (comments, a briefing) use it. */
export interface ExportMeta {
  /** When the export was made. */
  generatedAt: Date;
  /** Plain words for the selection, e.g. `3 selected nodes`, `workspace "FCM"`, `query: MATCH ...`. */
  source: string;
  /** Options a format may read (briefing: `variant`, `title`; csv: `variant`). */
  options: { variant?: ExportVariant; title?: string };
}

/** One export format. */
export interface ExportFormatSpec {
  format: ExportFormat;
  /** Content-Type of the answer. */
  contentType: string | ((meta: ExportMeta) => string);
  /** File extension of the download (no dot). */
  extension: string | ((meta: ExportMeta) => string);
  /** Writes the whole export to `sink`, in chunks. */
  write(graph: ExportGraph, sink: ExportSink, meta: ExportMeta): Promise<void>;
}

/** Every format that can be exported now; a format missing here answers 400 "not available yet". */
export const EXPORT_FORMATS: Partial<Record<ExportFormat, ExportFormatSpec>> = {
  graphml: graphmlFormat,
  json: cytoscapeJsonFormat,
  csv: csvZipFormat,
  cypher: cypherScriptFormat,
  briefing: briefingFormat,
};
