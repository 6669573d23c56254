// CSV for neo4j-admin import: a zip of nodes.csv and relationships.csv, typed headers, RFC 4180 quoting.
import { Zip, ZipDeflate } from 'fflate';
import type { ExportGraph, PropType, PropValue } from '../../store/export-store.js';
import type { ExportFormatSpec } from './formats.js';
import { BATCH, type ExportSink } from './sink.js';

/** neo4j-admin's default array delimiter (also between labels in `:LABEL`). */
const ARRAY_DELIMITER = ';';
/** The CSV files' text, in the zip's order. */
export const CSV_FILES = ['nodes.csv', 'relationships.csv'] as const;

/**
 * RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled. An absent value (null) is an
 * empty field, which neo4j-admin reads as "no property"; an empty string is `""`, which it keeps.
 */
export function csvField(text: string | null): string {
  if (text === null) return '';
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const csvRow = (fields: (string | null)[]): string => `${fields.map(csvField).join(',')}\r\n`;

interface Column {
  name: string;
  type: PropType | 'json';
}

/** Property columns, sorted by name; a name with two types, or a list item holding the delimiter, becomes JSON text. */
function columnsFor(
  elements: { properties: Record<string, PropValue>; types: Record<string, PropType> }[],
  reserved: Set<string>,
): Column[] {
  const cols = new Map<string, Column>();
  for (const el of elements) {
    for (const [name, type] of Object.entries(el.types)) {
      if (reserved.has(name)) continue;
      const value = el.properties[name];
      const unsafeList = Array.isArray(value) && value.some((v) => String(v).includes(ARRAY_DELIMITER));
      const known = cols.get(name);
      if (!known) cols.set(name, { name, type: unsafeList ? 'json' : type });
      else if (known.type !== type || unsafeList)
        known.type = Array.isArray(value) || known.type.endsWith('[]') ? 'json' : 'string';
    }
  }
  return [...cols.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Header text of a property column: strings untyped, the rest `name:type` as neo4j-admin reads them. */
const header = (c: Column): string =>
  c.type === 'string' || c.type === 'json' ? c.name : `${c.name}:${c.type}`;

function cell(value: PropValue | undefined, c: Column): string | null {
  if (value === undefined) return null;
  if (c.type === 'json') return JSON.stringify(value);
  if (Array.isArray(value)) return value.map(String).join(ARRAY_DELIMITER);
  return String(value);
}

/** Exact headers of both files for `graph` (tests and the docs read them from here). */
export function csvHeaders(graph: ExportGraph): {
  nodes: string[];
  relationships: string[];
  nodeColumns: Column[];
  relColumns: Column[];
} {
  const nodeColumns = columnsFor(graph.nodes, new Set(['evidence']));
  const relColumns = columnsFor(graph.edges, new Set(['evidence']));
  return {
    nodes: ['id:ID', ':LABEL', ...nodeColumns.map(header), 'evidence'],
    relationships: [':START_ID', ':END_ID', ':TYPE', 'id', ...relColumns.map(header), 'evidence'],
    nodeColumns,
    relColumns,
  };
}

/** Streams a zip: each CSV is deflated batch by batch and the zip's output written with backpressure. */
async function write(graph: ExportGraph, sink: ExportSink): Promise<void> {
  const h = csvHeaders(graph);
  const pending: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else pending.push(chunk);
  });
  const flush = async (): Promise<void> => {
    if (failure) throw failure;
    while (pending.length) await sink.write(pending.shift()!);
  };
  const encoder = new TextEncoder();
  const file = async <T>(
    name: string,
    head: string[],
    items: readonly T[],
    row: (item: T) => (string | null)[],
  ): Promise<void> => {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = new Date();
    zip.add(entry);
    entry.push(encoder.encode(csvRow(head)));
    await flush();
    for (let i = 0; i < items.length; i += BATCH) {
      entry.push(
        encoder.encode(
          items
            .slice(i, i + BATCH)
            .map((item) => csvRow(row(item)))
            .join(''),
        ),
      );
      await flush();
    }
    entry.push(new Uint8Array(0), true);
    await flush();
  };
  await file(CSV_FILES[0], h.nodes, graph.nodes, (n) => [
    n.id,
    ['Entity', ...n.labels].join(ARRAY_DELIMITER),
    ...h.nodeColumns.map((c) => cell(n.properties[c.name], c)),
    n.evidenceJson,
  ]);
  await file(CSV_FILES[1], h.relationships, graph.edges, (e) => [
    e.source,
    e.target,
    e.type,
    e.id,
    ...h.relColumns.map((c) => cell(e.properties[c.name], c)),
    e.evidenceJson,
  ]);
  zip.end();
  await flush();
}

export const csvZipFormat: ExportFormatSpec = {
  format: 'csv',
  contentType: 'application/zip',
  extension: 'csv.zip',
  write: (graph, sink) => write(graph, sink),
};
