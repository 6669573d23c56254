// Export panel logic without a browser: file names, Content-Disposition parsing, the request, and streamed reading.
import { describe, expect, it } from 'vitest';
import { downloadExport, type ExportProgress } from '../../client/src/export/export-download.js';
import {
  datedFilename,
  exportFilename,
  exportRequest,
  fileStamp,
  filenameFromDisposition,
  formatBytes,
  headerCount,
  safeFilename,
} from '../../client/src/export/export-names.js';
import { ApiError } from '../../client/src/api/api-error.js';

const NOW = new Date(2026, 10, 23, 9, 5);

describe('file names', () => {
  it('stamps local date and time, sortable', () => {
    expect(fileStamp(NOW)).toBe('2026-11-23-0905');
    expect(datedFilename('png', NOW)).toBe('security-graph-2026-11-23-0905.png');
    expect(datedFilename('svg', NOW, true)).toBe('security-graph-selection-2026-11-23-0905.svg');
  });

  it('keeps names safe: no folders, control or reserved characters', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\temp\\a.csv')).toBe('a.csv');
    expect(safeFilename('a<b>:c?.zip')).toBe('a_b__c_.zip');
    expect(safeFilename('  ..  ')).toBe('');
  });
});

describe('Content-Disposition', () => {
  it.each([
    ['attachment; filename="graph-2026.graphml"', 'graph-2026.graphml'],
    ['attachment; filename=graph.csv.zip', 'graph.csv.zip'],
    ['ATTACHMENT; FILENAME = "export.cypher" ; size=12', 'export.cypher'],
    ['attachment; filename="quote\\"d.json"', 'quote_d.json'],
    [
      'attachment; filename="fallback.html"; filename*=UTF-8\'\'briefing%20%E2%80%94%20UK.html',
      'briefing — UK.html',
    ],
    ["attachment; filename*=utf-8'en'na%C3%AFve.md", 'naïve.md'],
    ['attachment; filename="../../evil.sh"', 'evil.sh'],
  ])('%s -> %s', (header, name) => {
    expect(filenameFromDisposition(header)).toBe(name);
  });

  it('gives null without a usable name, and falls back from a broken encoding', () => {
    expect(filenameFromDisposition(null)).toBeNull();
    expect(filenameFromDisposition('attachment')).toBeNull();
    expect(filenameFromDisposition('attachment; filename=""')).toBeNull();
    expect(filenameFromDisposition('attachment; filename*=UTF-8\'\'%E2%ZZ; filename="ok.json"')).toBe(
      'ok.json',
    );
  });

  it('names the file from the header, else by date and format', () => {
    expect(exportFilename('attachment; filename="a.graphml"', 'graphml', NOW)).toBe('a.graphml');
    expect(exportFilename(null, 'csv', NOW)).toBe('security-graph-2026-11-23-0905.zip');
    expect(exportFilename(null, 'cypher', NOW, true)).toBe('security-graph-selection-2026-11-23-0905.cypher');
    expect(exportFilename(null, 'briefing', NOW)).toBe('security-graph-2026-11-23-0905.html');
    expect(exportFilename(null, 'briefing', NOW, false, 'markdown')).toBe(
      'security-graph-2026-11-23-0905.md',
    );
  });
});

describe('request and counts', () => {
  it('POSTs {format, nodeIds} as JSON to /api/export', () => {
    const req = exportRequest('graphml', ['country:uk', 'country:fr']);
    expect(req.url).toBe('/api/export');
    expect(req.init.method).toBe('POST');
    expect((req.init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(JSON.parse(req.init.body as string)).toEqual({
      format: 'graphml',
      nodeIds: ['country:uk', 'country:fr'],
    });
  });

  it('sends the briefing variant and a trimmed title with a briefing only; a blank title is left to the server', () => {
    const body = (r: ReturnType<typeof exportRequest>): unknown => JSON.parse(r.init.body as string);
    expect(
      body(exportRequest('briefing', ['country:uk'], { variant: 'markdown', title: '  Five Eyes  ' })),
    ).toEqual({ format: 'briefing', nodeIds: ['country:uk'], variant: 'markdown', title: 'Five Eyes' });
    expect(body(exportRequest('briefing', ['country:uk'], { variant: 'html', title: '   ' }))).toEqual({
      format: 'briefing',
      nodeIds: ['country:uk'],
      variant: 'html',
    });
    expect(body(exportRequest('json', ['country:uk'], { variant: 'markdown', title: 'x' }))).toEqual({
      format: 'json',
      nodeIds: ['country:uk'],
    });
  });

  it('sends the CSV variant with the CSV only', () => {
    const body = (r: ReturnType<typeof exportRequest>): unknown => JSON.parse(r.init.body as string);
    expect(body(exportRequest('csv', ['country:uk'], undefined, 'spreadsheet'))).toEqual({
      format: 'csv',
      nodeIds: ['country:uk'],
      variant: 'spreadsheet',
    });
    expect(body(exportRequest('csv', ['country:uk'], { variant: 'markdown' }, 'neo4j-admin'))).toEqual({
      format: 'csv',
      nodeIds: ['country:uk'],
      variant: 'neo4j-admin',
    });
    expect(body(exportRequest('graphml', ['country:uk'], undefined, 'spreadsheet'))).toEqual({
      format: 'graphml',
      nodeIds: ['country:uk'],
    });
  });

  it('reads integer headers only', () => {
    expect(headerCount('42')).toBe(42);
    expect(headerCount(' 7 ')).toBe(7);
    expect(headerCount('-1')).toBeNull();
    expect(headerCount('1e3')).toBeNull();
    expect(headerCount(null)).toBeNull();
  });

  it('formats sizes', () => {
    expect(formatBytes(12)).toBe('12 bytes');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(340_000)).toBe('340 kB');
    expect(formatBytes(1_250_000)).toBe('1.3 MB');
  });
});

/** A fetch that answers with `chunks` streamed one by one and `headers`. */
function fakeFetch(
  status: number,
  chunks: string[],
  headers: Record<string, string>,
): { fetchFn: typeof fetch; calls: { url: string; init: RequestInit }[] } {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(enc.encode(c));
        controller.close();
      },
    });
    return new Response(body, { status, headers });
  }) as unknown as typeof fetch;
  return { fetchFn, calls };
}

describe('downloadExport', () => {
  it('streams the body, reports bytes received and the counts, and names the file from the header', async () => {
    const chunks = ['<graphml>', '<graph/>', '</graphml>'];
    const total = chunks.join('').length;
    const { fetchFn, calls } = fakeFetch(200, chunks, {
      'Content-Type': 'application/xml',
      'Content-Length': String(total),
      'Content-Disposition': 'attachment; filename="subgraph.graphml"',
      'X-Export-Nodes': '2',
      'X-Export-Relationships': '1',
    });
    const seen: ExportProgress[] = [];
    const file = await downloadExport('graphml', ['country:uk', 'country:fr'], {
      onProgress: (p) => seen.push(p),
      fetchFn,
      now: NOW,
    });
    expect(calls[0]?.url).toBe('/api/export');
    expect(JSON.parse(calls[0]?.init.body as string)).toEqual({
      format: 'graphml',
      nodeIds: ['country:uk', 'country:fr'],
    });
    expect(file.filename).toBe('subgraph.graphml');
    expect(file.nodes).toBe(2);
    expect(file.relationships).toBe(1);
    expect(await file.blob.text()).toBe(chunks.join(''));
    expect(seen.map((p) => p.received)).toEqual([0, 9, 17, total]);
    expect(seen.every((p) => p.total === total)).toBe(true);
  });

  it('works without Content-Length or a file name (streamed): total null, a dated name', async () => {
    const { fetchFn } = fakeFetch(200, ['a,b\n', '1,2\n'], { 'Content-Type': 'application/zip' });
    const seen: ExportProgress[] = [];
    const file = await downloadExport('csv', ['country:uk'], {
      onProgress: (p) => seen.push(p),
      fetchFn,
      now: NOW,
    });
    expect(file.filename).toBe('security-graph-2026-11-23-0905.zip');
    expect(seen.at(-1)).toEqual({ received: 8, total: null, nodes: null, relationships: null });
  });

  it('turns an error body into an ApiError with its code, status and field', async () => {
    const body = JSON.stringify({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'At most 50000 nodes per export.', field: 'nodeIds' },
    });
    const { fetchFn } = fakeFetch(413, [body], { 'Content-Type': 'application/json' });
    const err = await downloadExport('json', ['x'], { onProgress: () => {}, fetchFn }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
      field: 'nodeIds',
      message: 'At most 50000 nodes per export.',
    });
  });

  it('a non-JSON failure is INTERNAL, a refused connection NETWORK', async () => {
    const { fetchFn } = fakeFetch(502, ['Bad gateway'], {});
    await expect(downloadExport('json', ['x'], { onProgress: () => {}, fetchFn })).rejects.toMatchObject({
      code: 'INTERNAL',
      status: 502,
    });
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(
      downloadExport('json', ['x'], { onProgress: () => {}, fetchFn: down }),
    ).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
