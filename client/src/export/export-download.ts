// Streams a data export from POST /api/export, reporting bytes received, and hands back the file to save.
import type { CsvVariant, ExportFormat } from '../../../contract';
import { ApiError } from '../api/api-error';
import { authHeaders, reportRefusal } from '../api/auth-hooks';
import { apiErrorFrom } from '../api/send-json';
import { type BriefingOptions, exportFilename, exportRequest, headerCount } from './export-names';

/** How far a download has got; `total` is null when the server sent no Content-Length (streamed). */
export interface ExportProgress {
  received: number;
  total: number | null;
  /** The server's X-Export-Nodes / X-Export-Relationships counts, when sent. */
  nodes: number | null;
  relationships: number | null;
}

/** A finished export, ready to save. */
export interface ExportFile extends ExportProgress {
  blob: Blob;
  filename: string;
}

/** What a download needs besides the format and ids. */
export interface ExportDownloadOptions {
  onProgress(progress: ExportProgress): void;
  signal?: AbortSignal;
  /** Names the file when the server does not (and stamps it); defaults to now. */
  now?: Date;
  selectionOnly?: boolean;
  /** The briefing's variant and title (ignored for the other formats). */
  briefing?: BriefingOptions;
  /** The CSV's flavour (ignored for the other formats; the server's default is neo4j-admin). */
  csvVariant?: CsvVariant;
  /** For tests: the fetch to use. */
  fetchFn?: typeof fetch;
}

async function failure(res: Response): Promise<ApiError> {
  let parsed: unknown = null;
  try {
    parsed = await res.json();
  } catch {
    /* not JSON: a generic failure below */
  }
  return apiErrorFrom(res.status, parsed, `The export failed (HTTP ${res.status}).`);
}

/** Asks for `format` of `nodeIds` and reads the streamed answer chunk by chunk; errors become ApiError. */
export async function downloadExport(
  format: ExportFormat,
  nodeIds: readonly string[],
  opts: ExportDownloadOptions,
): Promise<ExportFile> {
  const { url, init } = exportRequest(format, nodeIds, opts.briefing, opts.csvVariant);
  let res: Response;
  try {
    const headers = {
      ...(init.headers as Record<string, string> | undefined),
      ...authHeaders(init.method ?? 'GET'),
    };
    res = await (opts.fetchFn ?? fetch)(url, { ...init, headers, signal: opts.signal ?? null });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('NETWORK', 'Cannot reach the server.', 0);
  }
  if (!res.ok) {
    const err = await failure(res);
    reportRefusal(err, url);
    throw err;
  }

  const progress: ExportProgress = {
    received: 0,
    total: headerCount(res.headers.get('Content-Length')),
    nodes: headerCount(res.headers.get('X-Export-Nodes')),
    relationships: headerCount(res.headers.get('X-Export-Relationships')),
  };
  opts.onProgress({ ...progress });
  const chunks: Uint8Array[] = [];
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      progress.received += value.byteLength;
      opts.onProgress({ ...progress });
    }
  }
  const type = res.headers.get('Content-Type') ?? 'application/octet-stream';
  const filename = exportFilename(
    res.headers.get('Content-Disposition'),
    format,
    opts.now ?? new Date(),
    opts.selectionOnly,
    opts.briefing?.variant,
  );
  return { ...progress, blob: new Blob(chunks as BlobPart[], { type }), filename };
}
