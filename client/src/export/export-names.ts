// Pure helpers of the Export panel: dated file names, Content-Disposition parsing, the export request (no DOM).
import type { CsvVariant, ExportFormat, ExportRequest } from '../../../contract';

/** The data formats the server exports, with what the panel calls them and the extension used when the server names none. */
export const DATA_FORMATS: readonly { format: ExportFormat; label: string; ext: string }[] = [
  { format: 'graphml', label: 'GraphML (yEd, Gephi, graphology)', ext: 'graphml' },
  { format: 'json', label: 'Cytoscape JSON', ext: 'json' },
  { format: 'csv', label: 'CSV zip (neo4j-admin or spreadsheets)', ext: 'zip' },
  { format: 'cypher', label: 'Cypher script (MERGE by id)', ext: 'cypher' },
  { format: 'briefing', label: 'Briefing with citations (HTML or Markdown)', ext: 'html' },
];

/** The endpoint that streams an export. */
export const EXPORT_URL = '/api/export';

/** Two digits. */
const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-11-23-1415`: local date and time, sortable and safe in every file system. */
export function fileStamp(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

/** A dated file name, e.g. `security-graph-selection-2026-11-23-1415.png`. */
export function datedFilename(ext: string, now: Date, selectionOnly = false): string {
  return `security-graph${selectionOnly ? '-selection' : ''}-${fileStamp(now)}.${ext}`;
}

/** Strips what a file name must not carry (folders, control and reserved characters); empty when nothing is left. */
export function safeFilename(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  return (
    base
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_')
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, 200)
  );
}

/**
 * The file name a `Content-Disposition` header gives (RFC 6266): `filename*=UTF-8''…` wins over
 * `filename="…"` or a bare `filename=…`; null when there is none (or it is unusable).
 */
export function filenameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (star) {
    try {
      const name = safeFilename(decodeURIComponent((star[2] ?? '').trim().replace(/^"|"$/g, '')));
      if (name) return name;
    } catch {
      /* a malformed encoding falls back to the plain parameter */
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  const bare = /(?:^|;)\s*filename\s*=\s*([^";]+)/i.exec(header);
  const raw = quoted ? (quoted[1] ?? '').replace(/\\(.)/g, '$1') : bare ? (bare[1] ?? '').trim() : '';
  const name = safeFilename(raw);
  return name || null;
}

/** A non-negative integer header (Content-Length, X-Export-Nodes), or null when absent or malformed. */
export function headerCount(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

/** A briefing's options: the document kind and its title (a blank title lets the server name it). */
export interface BriefingOptions {
  variant: 'markdown' | 'html';
  title?: string;
}

/** The CSV flavours the panel offers, the default first. */
export const CSV_VARIANTS: readonly { variant: CsvVariant; label: string }[] = [
  { variant: 'neo4j-admin', label: 'neo4j-admin import (exact)' },
  { variant: 'spreadsheet', label: 'Spreadsheets (formulas neutralised)' },
];

/**
 * The request that asks the server for `format` of `nodeIds` (the scene's, or the selection's);
 * `briefing` options travel only with the briefing format, `csvVariant` only with the CSV.
 */
export function exportRequest(
  format: ExportFormat,
  nodeIds: readonly string[],
  briefing?: BriefingOptions,
  csvVariant?: CsvVariant,
): { url: string; init: RequestInit; body: ExportRequest } {
  const body: ExportRequest = { format, nodeIds: [...nodeIds] };
  if (format === 'csv' && csvVariant) body.variant = csvVariant;
  if (format === 'briefing' && briefing) {
    body.variant = briefing.variant;
    const title = briefing.title?.trim();
    if (title) body.title = title;
  }
  return {
    url: EXPORT_URL,
    body,
    init: {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: '*/*' },
      body: JSON.stringify(body),
    },
  };
}

/** The name to save an export under: the server's, else a dated one with the format's extension (`md` for a Markdown briefing). */
export function exportFilename(
  disposition: string | null,
  format: ExportFormat,
  now: Date,
  selectionOnly = false,
  variant?: BriefingOptions['variant'],
): string {
  const ext =
    format === 'briefing' && variant === 'markdown'
      ? 'md'
      : (DATA_FORMATS.find((f) => f.format === format)?.ext ?? 'dat');
  return filenameFromDisposition(disposition) ?? datedFilename(ext, now, selectionOnly);
}

/** `1.2 MB`, `340 kB`, `12 bytes`: sizes for the progress line. */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} bytes`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}
