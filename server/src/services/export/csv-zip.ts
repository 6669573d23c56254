// CSV zip of nodes.csv and relationships.csv, typed headers, RFC 4180 quoting: exact for neo4j-admin import, or
// (the `spreadsheet` variant) with formula-like cells neutralised and a README.txt saying so.
import { Zip, ZipDeflate } from 'fflate';
import type { CsvVariant } from '../../../../contract/index.js';
import type { ExportGraph, PropType, PropValue } from '../../store/export-store.js';
import type { ExportFormatSpec, ExportMeta } from './formats.js';
import { BATCH, type ExportSink } from './sink.js';
import { spreadsheetField, spreadsheetReadme } from './spreadsheet-safe.js';

/** neo4j-admin's default array delimiter (also between labels in `:LABEL`). */
const ARRAY_DELIMITER = ';';
/** The CSV files' text, in the zip's order. */
export const CSV_FILES = ['nodes.csv', 'relationships.csv'] as const;
/** The spreadsheet variant's third file, after the CSVs. */
export const SPREADSHEET_README = 'README.txt';

/**
 * RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled. An absent value (null) is an
 * empty field, which neo4j-admin reads as "no property"; an empty string is `""`, which it keeps.
 */
export function csvField(text: string | null): string {
  if (text === null) return '';
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const csvRow = (fields: (string | null)[]): string => `${fields.map(csvField).join(',')}\r\n`;

/** The variant a request asked for; neo4j-admin unless it said `spreadsheet`. */
export const csvVariant = (meta: ExportMeta): CsvVariant =>
  meta.options.variant === 'spreadsheet' ? 'spreadsheet' : 'neo4j-admin';

/** Turns a row's fields into a CSV line; `numeric[i]` says field i is in a numeric column. */
type RowWriter = (fields: (string | null)[], numeric: readonly boolean[]) => string;

/** The spreadsheet row writer, counting the cells it neutralised. */
function spreadsheetRows(): { row: RowWriter; neutralised: () => number } {
  let count = 0;
  return {
    row(fields, numeric) {
      const out = fields.map((f, i) => {
        const cell = spreadsheetField(f, numeric[i] ?? false, csvField);
        if (cell.neutralised) count++;
        return cell.field;
      });
      return `${out.join(',')}\r\n`;
    },
    neutralised: () => count,
  };
}

const isNumeric = (c: Column): boolean => c.type === 'long' || c.type === 'double';

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

/**
 * Streams a zip: each CSV is deflated batch by batch and the zip's output written with backpressure. The
 * neo4j-admin variant's bytes must never change (tests compare them with a golden file); the spreadsheet variant
 * adds a byte-order mark, neutralises formula-like cells and ends with a README.txt.
 */
async function write(graph: ExportGraph, sink: ExportSink, variant: CsvVariant): Promise<void> {
  const h = csvHeaders(graph);
  const sheet = variant === 'spreadsheet' ? spreadsheetRows() : null;
  const toRow: RowWriter = sheet ? sheet.row : (fields) => csvRow(fields);
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
    numeric: readonly boolean[],
    items: readonly T[],
    row: (item: T) => (string | null)[],
  ): Promise<void> => {
    const entry = new ZipDeflate(name, { level: 6 });
    entry.mtime = new Date();
    zip.add(entry);
    // Excel reads a CSV as the local code page unless it starts with a UTF-8 byte-order mark.
    entry.push(encoder.encode((sheet ? '\uFEFF' : '') + toRow(head, [])));
    await flush();
    for (let i = 0; i < items.length; i += BATCH) {
      entry.push(
        encoder.encode(
          items
            .slice(i, i + BATCH)
            .map((item) => toRow(row(item), numeric))
            .join(''),
        ),
      );
      await flush();
    }
    entry.push(new Uint8Array(0), true);
    await flush();
  };
  const numericNodes = [false, false, ...h.nodeColumns.map(isNumeric), false];
  const numericRels = [false, false, false, false, ...h.relColumns.map(isNumeric), false];
  await file(CSV_FILES[0], h.nodes, numericNodes, graph.nodes, (n) => [
    n.id,
    ['Entity', ...n.labels].join(ARRAY_DELIMITER),
    ...h.nodeColumns.map((c) => cell(n.properties[c.name], c)),
    n.evidenceJson,
  ]);
  await file(CSV_FILES[1], h.relationships, numericRels, graph.edges, (e) => [
    e.source,
    e.target,
    e.type,
    e.id,
    ...h.relColumns.map((c) => cell(e.properties[c.name], c)),
    e.evidenceJson,
  ]);
  if (sheet) {
    const readme = new ZipDeflate(SPREADSHEET_README, { level: 6 });
    readme.mtime = new Date();
    zip.add(readme);
    const counts = { nodes: graph.nodes.length, relationships: graph.edges.length };
    readme.push(encoder.encode(spreadsheetReadme({ ...counts, neutralised: sheet.neutralised() })), true);
    await flush();
  }
  zip.end();
  await flush();
}

export const csvZipFormat: ExportFormatSpec = {
  format: 'csv',
  contentType: 'application/zip',
  extension: (meta) => (csvVariant(meta) === 'spreadsheet' ? 'spreadsheet.csv.zip' : 'csv.zip'),
  write: (graph, sink, meta) => write(graph, sink, csvVariant(meta)),
};
