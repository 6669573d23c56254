// Export streaming without a database: large synthetic graphs go out in batches, writes wait for drain, a client leaving stops the export.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { MultiGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import cytoscape from 'cytoscape';
import { unzipSync, strFromU8 } from 'fflate';
import { parse as parseCsv } from 'csv-parse/sync';
import type { ExportGraph } from '../../server/src/store/export-store.js';
import { EXPORT_FORMATS } from '../../server/src/services/export/formats.js';
import {
  BATCH,
  ClientGoneError,
  memorySink,
  responseSink,
  writeBatched,
} from '../../server/src/services/export/sink.js';
import { csvField } from '../../server/src/services/export/csv-zip.js';
import { xmlEscape } from '../../server/src/services/export/graphml.js';
import { literal } from '../../server/src/services/export/cypher-script.js';

/** `n` nodes in a ring, each with a few typed properties and evidence. */
function ring(n: number): ExportGraph {
  const evidence = [{ sourceId: 'source:x', sourceTitle: 'X', quote: 'q "uoted"', start: 0, end: 9 }];
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `test:n${i}`,
    labels: ['Actor', 'Country'],
    properties: { name: `Node ${i}`, rank: i, share: i / 7, active: i % 2 === 0, tags: ['a', `t${i}`] },
    types: { name: 'string', rank: 'long', share: 'double', active: 'boolean', tags: 'string[]' } as const,
    evidence,
    evidenceJson: JSON.stringify(evidence),
  }));
  const edges = nodes.map((a, i) => ({
    id: `test:e${i}`,
    type: 'COOPERATES_WITH',
    source: a.id,
    target: nodes[(i + 1) % n]!.id,
    properties: { note: `edge ${i}` },
    types: { note: 'string' } as const,
    evidence,
    evidenceJson: JSON.stringify(evidence),
  }));
  return { nodes, edges };
}

const meta = { generatedAt: new Date('2026-01-02T03:04:05Z'), source: 'test', options: {} };
const text = (chunks: (string | Uint8Array)[]): string =>
  chunks.map((c) => (typeof c === 'string' ? c : strFromU8(c))).join('');

describe('export writers on a large graph', () => {
  const graph = ring(5 * BATCH + 3);

  it('write in batches and still read back whole', async () => {
    for (const [format, spec] of Object.entries(EXPORT_FORMATS)) {
      // A briefing is one document (numbering and tables need the whole subgraph); it is tested in briefing.test.ts.
      if (format === 'briefing') continue;
      const sink = memorySink();
      await spec!.write(graph, sink, meta);
      // Header, one chunk per batch of nodes and of edges, and a tail (the zip adds its own records).
      expect(sink.chunks.length, format).toBeGreaterThanOrEqual(12);
      if (format === 'graphml') {
        const g = parseGraphml(MultiGraph, text(sink.chunks));
        expect([g.order, g.size]).toEqual([graph.nodes.length, graph.edges.length]);
        expect(g.getNodeAttributes('test:n5')).toMatchObject({
          rank: 5,
          share: 5 / 7,
          active: false,
          name: 'Node 5',
          tags: '["a","t5"]',
        });
      } else if (format === 'json') {
        const cy = cytoscape({ headless: true, elements: JSON.parse(text(sink.chunks)).elements });
        expect([cy.nodes().length, cy.edges().length]).toEqual([graph.nodes.length, graph.edges.length]);
      } else if (format === 'csv') {
        const total = new Uint8Array(sink.chunks.reduce((s, c) => s + (c as Uint8Array).length, 0));
        let at = 0;
        for (const c of sink.chunks as Uint8Array[]) {
          total.set(c, at);
          at += c.length;
        }
        const files = unzipSync(total);
        const nodes = parseCsv(strFromU8(files['nodes.csv']!)) as string[][];
        expect(nodes[0]).toEqual([
          'id:ID',
          ':LABEL',
          'active:boolean',
          'name',
          'rank:long',
          'share:double',
          'tags:string[]',
          'evidence',
        ]);
        expect(nodes).toHaveLength(graph.nodes.length + 1);
        expect(nodes[1]!.slice(0, 7)).toEqual([
          'test:n0',
          'Entity;Actor;Country',
          'true',
          'Node 0',
          '0',
          '0',
          'a;t0',
        ]);
        expect(parseCsv(strFromU8(files['relationships.csv']!)) as string[][]).toHaveLength(
          graph.edges.length + 1,
        );
      } else {
        const lines = text(sink.chunks).split('\n');
        expect(lines.filter((l) => l.startsWith('MERGE')).length).toBe(graph.nodes.length);
        expect(lines.find((l) => l.includes('"test:n7"') && l.startsWith('MERGE'))).toContain(
          '`share`: 1.0,',
        );
      }
    }
  });
});

describe('escaping', () => {
  it('XML: markup, quotes, whitespace in attributes and forbidden characters', () => {
    expect(xmlEscape('a<b>&"c"\'d\'')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
    expect(xmlEscape('t\tn\nr\r')).toBe('t&#9;n&#10;r&#13;');
    expect(xmlEscape('x\u0000\u0008\u000B\u001F\uFFFE\uD800y\uDC00z😀')).toBe(
      'x\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDy\uFFFDz😀',
    );
  });
  it('CSV: RFC 4180 quoting; absent is empty, an empty string is ""', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('')).toBe('""');
    expect(csvField(null)).toBe('');
  });
  it('Cypher literals keep the Neo4j type', () => {
    expect(literal(3, 'double')).toBe('3.0');
    expect(literal(2.5, 'double')).toBe('2.5');
    expect(literal(1e21, 'double')).toBe('1e21');
    expect(literal(7, 'long')).toBe('7');
    expect(literal(true, 'boolean')).toBe('true');
    expect(literal('x"y\\z\n`', 'string')).toBe('"x\\"y\\\\z\\n`"');
    expect(literal(['a', 'b'], 'string[]')).toBe('["a", "b"]');
    expect(literal([1, 2], 'double[]')).toBe('[1.0, 2.0]');
  });
});

describe('responseSink', () => {
  /** A server whose handler streams `chunks` chunks of `size` bytes (a multiple of BATCH) through responseSink and reports what happened. */
  async function serve(
    chunks: number,
    size: number,
  ): Promise<{ server: Server; url: string; result: Promise<{ waits: number; error?: unknown }> }> {
    let report!: (r: { waits: number; error?: unknown }) => void;
    const result = new Promise<{ waits: number; error?: unknown }>((r) => {
      report = r;
    });
    const server = createServer(async (_req, res) => {
      const sink = responseSink(res as unknown as Response);
      let waits = 0;
      const write = res.write.bind(res);
      res.write = ((c: string | Uint8Array) => {
        const ok = write(c);
        if (!ok) waits++;
        return ok;
      }) as typeof res.write;
      res.setHeader('content-type', 'application/octet-stream');
      try {
        await writeBatched(
          sink,
          Array.from({ length: chunks * BATCH }, () => 'x'.repeat(size / BATCH)),
          (s) => s,
        );
        res.end();
        report({ waits });
      } catch (error) {
        report({ waits, error });
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, result };
  }

  it('waits for drain when the receiver is slow, and every byte arrives', async () => {
    const { server, url, result } = await serve(64, BATCH * 512);
    try {
      const r = await fetch(url);
      const reader = r.body!.getReader();
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.length;
        await new Promise((t) => setTimeout(t, 1));
      }
      expect(received).toBe(64 * BATCH * 512);
      const { waits, error } = await result;
      expect(error).toBeUndefined();
      expect(waits).toBeGreaterThan(0);
    } finally {
      server.close();
    }
  });

  it('stops with ClientGoneError when the client leaves mid-download', async () => {
    const { server, url, result } = await serve(256, BATCH * 512);
    try {
      const controller = new AbortController();
      const r = await fetch(url, { signal: controller.signal });
      const reader = r.body!.getReader();
      await reader.read();
      controller.abort();
      const { error } = await result;
      expect(error).toBeInstanceOf(ClientGoneError);
    } finally {
      server.close();
    }
  });
});
