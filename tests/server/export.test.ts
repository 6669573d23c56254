// POST/GET /api/export: every format read back by an independent parser or engine, plus the refusals (400, 404, 413).
import { readSources } from '../../seed/read-seed.js';
import { unescapeMarkdown } from '../../server/src/services/briefing/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import neo4j from 'neo4j-driver';
import { pino } from 'pino';
import type {
  CypherResponse,
  ErrorResponse,
  NeighboursResponse,
  Workspace,
  WorkspaceOpenResponse,
} from '../../contract/index.js';
import { createApp } from '../../server/src/app.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/src/embedded-neo4j.js';
import { plain } from '../../server/src/store/mapping.js';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import {
  expectSameAsApi,
  readCsv,
  readCytoscape,
  readGraphml,
  type CytoscapeExport,
} from '../setup/export-readers.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
const workspaces: string[] = [];
const stamp = Math.random().toString(36).slice(2, 8);

/** A node and relationship whose values exercise every escaping rule: markup, quotes, backticks, controls, CR/LF, a forbidden XML character. */
const FIXTURE_ID = `technology:zz-export-fixture-${stamp}`;
const FIXTURE_REL = `country:uk|USES_TECHNOLOGY|${FIXTURE_ID}`;
const NASTY = 'Fixture <&> "double" \'single\' `tick` \\back; semi, comma\u0001ctrl\ttab\r\nCRLF é 😀';
const FIXTURE_EVIDENCE = JSON.stringify([
  {
    sourceId: null,
    sourceTitle: null,
    quote: null,
    start: null,
    end: null,
    note: `curator-asserted: export test fixture ${NASTY}`,
  },
]);

async function addFixture(store: GraphStore): Promise<void> {
  await store.driver.executeQuery(
    `CREATE (t:Entity:Technology {id: $id, name: $name, description: $name, \`odd\`\`key\`: 'x', ratio: 2.5, whole: 3.0, count: 7, flag: true,
       tags: ['alpha', 'be;ta', $name], version: 1, confidence: 'reported', evidence: $ev, sourceIds: ['none']})
     WITH t MATCH (c:Entity {id: 'country:uk'})
     CREATE (c)-[:USES_TECHNOLOGY {id: $rid, note: $name, weight: 0.5, evidence: $ev, sourceIds: ['none']}]->(t)`,
    { id: FIXTURE_ID, rid: FIXTURE_REL, name: NASTY, ev: FIXTURE_EVIDENCE },
    { database: store.database },
  );
}

beforeAll(async () => {
  app = await startTestApp();
  await addFixture(app.store);
});
afterAll(async () => {
  for (const id of workspaces) await app.send('DELETE', `/api/workspaces/${id}`);
  await app.store.driver.executeQuery(
    'MATCH (n:Entity {id: $id}) DETACH DELETE n',
    { id: FIXTURE_ID },
    { database: app.store.database },
  );
  await app.close();
});

/** POSTs an export and returns the raw bytes with the headers. */
async function exportRaw<T = unknown>(
  body: unknown,
  base = app.baseUrl,
): Promise<{ status: number; headers: Headers; bytes: Uint8Array; text: string; json: T }> {
  const r = await fetch(`${base}/api/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const bytes = new Uint8Array(await r.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: r.status, headers: r.headers, bytes, text, json: json as T };
}

/** A node or relationship as storedGraph reads it: its fields, with `labels` (nodes) and `types` (`key:TYPE`). */
type StoredRow = Record<string, unknown> & { labels?: string[]; types: string[] };

/** Every stored property with its Neo4j type, straight from a database (the ground truth for the Cypher round trip). */
async function storedGraph(store: { driver: GraphStore['driver']; database?: string }, ids: string[]) {
  const q = async (cypher: string) =>
    (
      await store.driver.executeQuery(
        cypher,
        { ids },
        { database: store.database, routing: neo4j.routing.READ },
      )
    ).records.map((r) => plain(r.toObject()) as StoredRow);
  const nodes = await q(`MATCH (n:Entity) WHERE n.id IN $ids
    RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, [k IN keys(n) | k + ':' + valueType(n[k])] AS types ORDER BY id`);
  const rels = await q(`MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids
    RETURN r.id AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props, [k IN keys(r) | k + ':' + valueType(r[k])] AS types ORDER BY id`);
  const sorted = (rows: StoredRow[]) =>
    rows.map((r) => ({
      ...r,
      ...(r.labels ? { labels: [...r.labels].sort() } : {}),
      types: [...r.types].sort(),
    }));
  return { nodes: sorted(nodes), rels: sorted(rels) };
}

/** Ids of every business node, from the console (as a client would get them). */
async function allIds(): Promise<string[]> {
  const { status, body } = await app.send<CypherResponse>('POST', '/api/cypher', {
    query: 'MATCH (n:Entity) RETURN n.id AS id ORDER BY id',
  });
  expect(status).toBe(200);
  return (body.rows as string[][]).map((r) => r[0]!);
}

/** A workspace of the fixture, the UK and FCM's neighbourhood, opened through the API. */
async function fixtureWorkspace(): Promise<WorkspaceOpenResponse> {
  const nb = await app.get<NeighboursResponse>(
    `/api/nodes/${encodeURIComponent('forum:five-country-ministerial-2025')}/neighbours?limit=30`,
  );
  const ids = [
    ...new Set([FIXTURE_ID, 'country:uk', ...(nb.body.nodes as { id: string }[]).map((n) => n.id)]),
  ];
  const { status, body } = await app.send<Workspace>('POST', '/api/workspaces', {
    name: `export ${stamp}`,
    scene: { nodes: ids.map((id, i) => ({ id, x: i, y: -i })) },
  });
  expect(status, JSON.stringify(body)).toBe(201);
  workspaces.push(body.id);
  const open = await app.get<WorkspaceOpenResponse>(`/api/workspaces/${body.id}`);
  expect(open.body.missing).toEqual([]);
  return open.body as WorkspaceOpenResponse;
}

describe('export formats, read back by independent parsers', () => {
  let ws: WorkspaceOpenResponse;
  beforeAll(async () => {
    ws = await fixtureWorkspace();
  });

  it('GraphML: well-formed, every attribute declared and typed, counts, properties and evidence equal the workspace graph', async () => {
    const res = await exportRaw({ format: 'graphml', workspace: ws.workspace.id });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="secgraph-workspace-export-[a-z0-9]+-\d{4}-\d{2}-\d{2}\.graphml"$/,
    );
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('x-export-nodes')).toBe(String(ws.graph.nodes.length));
    expect(res.headers.get('x-export-relationships')).toBe(String(ws.graph.edges.length));
    // The one character XML 1.0 cannot carry became U+FFFD; everything else survives exactly.
    expectSameAsApi(readGraphml(res.text), ws.graph, (s) => s.replaceAll('\u0001', '\uFFFD'));
    expect(res.text).toContain('attr.name="ratio" attr.type="double"');
    expect(res.text).toContain('attr.name="count" attr.type="long"');
    expect(res.text).toContain('attr.name="flag" attr.type="boolean"');
  });

  it('Cytoscape JSON: loads into headless cytoscape.js with the same counts, properties and evidence', async () => {
    const res = await exportRaw<CytoscapeExport>({ format: 'json', workspace: ws.workspace.id });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="secgraph-workspace-[\w-]+-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const { back, nodes, edges } = readCytoscape(res.json);
    expect([nodes, edges]).toEqual([ws.graph.nodes.length, ws.graph.edges.length]);
    expectSameAsApi(back, ws.graph);
  });

  it('CSV: a zip of nodes.csv and relationships.csv with neo4j-admin headers, same counts and values', async () => {
    const res = await exportRaw({ format: 'csv', nodeIds: ws.graph.nodes.map((n) => n.id) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="secgraph-selection-\d{4}-\d{2}-\d{2}\.csv\.zip"$/,
    );
    const { back, headers } = readCsv(res.bytes);
    // Exact headers: fixed columns, then every stored property (sorted) typed as neo4j-admin reads it, then evidence.
    const stored = await storedGraph(
      app.store,
      ws.graph.nodes.map((n) => n.id),
    );
    const typed = (rows: { types: string[] }[]): string[] => {
      const cols = new Map<string, string>();
      for (const r of rows)
        for (const t of r.types) {
          const [k, vt] = [t.slice(0, t.indexOf(':')), t.slice(t.indexOf(':') + 1)];
          if (k === 'id' || k === 'evidence') continue;
          const suffix = vt.startsWith('INTEGER')
            ? ':long'
            : vt.startsWith('FLOAT')
              ? ':double'
              : vt.startsWith('BOOLEAN')
                ? ':boolean'
                : vt.startsWith('LIST')
                  ? ':string[]'
                  : '';
          cols.set(k, k + suffix);
        }
      return [...cols.keys()].sort((a, b) => a.localeCompare(b)).map((k) => cols.get(k)!);
    };
    // A list holding the delimiter travels as JSON text in an untyped column.
    const nodeCols = typed(stored.nodes).map((c) => (c === 'tags:string[]' ? 'tags' : c));
    expect(headers.nodes).toEqual(['id:ID', ':LABEL', ...nodeCols, 'evidence']);
    expect(headers.relationships).toEqual([
      ':START_ID',
      ':END_ID',
      ':TYPE',
      'id',
      ...typed(stored.rels).filter((c) => c !== 'id'),
      'evidence',
    ]);
    const tags = back.nodes.get(FIXTURE_ID)!.props.tags as string;
    back.nodes.get(FIXTURE_ID)!.props.tags = JSON.parse(tags);
    expectSameAsApi(back, ws.graph);
  });

  it('Cypher: executed statement by statement in a fresh, empty Neo4j, it recreates ids, labels, types, properties and evidence', async () => {
    const ids = ws.graph.nodes.map((n) => n.id);
    const res = await exportRaw({ format: 'cypher', nodeIds: ids });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="secgraph-selection-\d{4}-\d{2}-\d{2}\.cypher"$/,
    );
    const statements = res.text.split('\n').filter((l) => l.trim() && !l.startsWith('//'));
    expect(statements.every((s) => s.endsWith(';'))).toBe(true);
    expect(statements[0]).toMatch(
      /^CREATE CONSTRAINT entity_id IF NOT EXISTS FOR \(n:Entity\) REQUIRE n\.id IS UNIQUE;$/,
    );

    const dataDir = mkdtempSync(join(tmpdir(), 'secgraph-export-neo4j-'));
    let fresh: EmbeddedNeo4j | undefined;
    let freshDriver: ReturnType<typeof neo4j.driver> | undefined;
    try {
      fresh = await startEmbeddedNeo4j({ dataDir, heap: '256m', pageCacheMb: 32 });
      freshDriver = neo4j.driver(fresh.uri, neo4j.auth.basic('neo4j', ''));
      const count = await freshDriver.executeQuery('MATCH (n) RETURN count(n) AS c');
      expect(count.records[0]!.get('c').toNumber()).toBe(0);
      for (const s of statements) await freshDriver.executeQuery(s.slice(0, -1));
      const source = await storedGraph(app.store, ids);
      const copy = await storedGraph({ driver: freshDriver }, ids);
      expect(copy.nodes.length).toBe(ws.graph.nodes.length);
      expect(copy.rels.length).toBe(ws.graph.edges.length);
      expect(copy).toEqual(source);
      // Same constraint as the seed: a second MERGE run changes nothing, a duplicate id is refused.
      for (const s of statements.slice(2, 6)) await freshDriver.executeQuery(s.slice(0, -1));
      expect(await storedGraph({ driver: freshDriver }, ids)).toEqual(source);
      await expect(freshDriver.executeQuery('CREATE (:Entity {id: $id})', { id: ids[0] })).rejects.toThrow(
        /already exists/,
      );
    } finally {
      await freshDriver?.close();
      await fresh?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);

  it('exports only the nodes asked for and the relationships among them; GET is a download link for the same', async () => {
    const ids = ['country:uk', 'country:fr', 'forum:five-country-ministerial-2025'];
    const post = await exportRaw<CytoscapeExport>({ format: 'json', nodeIds: ids });
    const r = await fetch(
      `${app.baseUrl}/api/export?format=json&nodeIds=${ids.map(encodeURIComponent).join(',')}`,
    );
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
    const get = (await r.json()) as CytoscapeExport;
    expect(get.elements).toEqual(post.json.elements);
    expect(post.json.elements.nodes.map((n) => n.data.id).sort()).toEqual([...ids].sort());
    const direct = await app.store.driver.executeQuery(
      'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN r.id AS id ORDER BY id',
      { ids },
      { database: app.store.database },
    );
    expect(post.json.elements.edges.map((e) => e.data.id).sort()).toEqual(
      direct.records.map((x) => x.get('id')),
    );
    expect(direct.records.length).toBeGreaterThan(0);
  });

  it('a read-only query exports the model nodes it returns and the relationships among them', async () => {
    const query = 'MATCH (c:Country)-[:PARTICIPATED_IN]->(f:Forum {id: $forum}) RETURN c, f';
    const console = await app.send<CypherResponse>('POST', '/api/cypher', {
      query,
      params: { forum: 'forum:five-country-ministerial-2025' },
    });
    const ids: string[] = console.body.graph.nodes.map((n: { id: string }) => n.id);
    expect(ids.length).toBeGreaterThan(2);
    const res = await exportRaw({
      format: 'graphml',
      query,
      params: { forum: 'forum:five-country-ministerial-2025' },
    });
    expect(res.status, res.text.slice(0, 300)).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="secgraph-query-\d{4}-\d{2}-\d{2}\.graphml"$/,
    );
    const back = readGraphml(res.text);
    expect([...back.nodes.keys()].sort()).toEqual([...ids].sort());
    const sub = await app.send<CypherResponse>('POST', '/api/cypher', {
      query: 'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN r.id',
      params: { ids },
    });
    expect([...back.edges.keys()].sort()).toEqual((sub.body.rows as string[][]).map((r) => r[0]).sort());
  });

  it('exports the whole seed graph in every format', async () => {
    const ids = await allIds();
    expect(ids.length).toBeGreaterThan(100);
    const counts = await app.send<CypherResponse>('POST', '/api/cypher', {
      query: 'MATCH (a:Entity)-[r]->(b:Entity) RETURN count(r) AS c',
    });
    const rels = counts.body.rows[0][0] as number;
    for (const format of ['graphml', 'json', 'csv', 'cypher'] as const) {
      const res = await exportRaw<CytoscapeExport>({ format, nodeIds: ids });
      expect(res.status, `${format}: ${res.text.slice(0, 200)}`).toBe(200);
      expect(res.headers.get('x-export-nodes')).toBe(String(ids.length));
      expect(res.headers.get('x-export-relationships')).toBe(String(rels));
      if (format === 'graphml') {
        const back = readGraphml(res.text);
        expect([back.nodes.size, back.edges.size]).toEqual([ids.length, rels]);
      } else if (format === 'json') {
        expect(readCytoscape(res.json).nodes).toBe(ids.length);
        expect(readCytoscape(res.json).edges).toBe(rels);
      } else if (format === 'csv') {
        const { back } = readCsv(res.bytes);
        expect([back.nodes.size, back.edges.size]).toEqual([ids.length, rels]);
      } else {
        const lines = res.text.split('\n');
        expect(lines.filter((l) => l.startsWith('MERGE (n:Entity')).length).toBe(ids.length);
        expect(lines.filter((l) => l.startsWith('MATCH (a:Entity')).length).toBe(rels);
      }
    }
  });
});

describe('export refusals', () => {
  it('names unknown node ids in a 400 and exports nothing', async () => {
    const res = await exportRaw<ErrorResponse>({
      format: 'graphml',
      nodeIds: ['country:uk', 'country:atlantis', 'nope:1'],
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'nodeIds' });
    expect(res.json.error.message).toContain('"country:atlantis"');
    expect(res.json.error.message).toContain('"nope:1"');
    expect(res.json.error.message).not.toContain('"country:uk"');
    expect(res.headers.get('content-disposition')).toBeNull();
    const many = await exportRaw<ErrorResponse>({
      format: 'json',
      nodeIds: Array.from({ length: 30 }, (_, i) => `missing:${i}`),
    });
    expect(many.status).toBe(400);
    expect(many.json.error.message).toContain('"missing:19"');
    expect(many.json.error.message).not.toContain('"missing:20"');
    expect(many.json.error.message).toContain('and 10 more');
    const link = await app.get<ErrorResponse>('/api/export?format=csv&nodeIds=country:uk,country:atlantis');
    expect(link.status).toBe(400);
    expect(link.body.error.field).toBe('nodeIds');
  });

  it('a workspace: unknown is 404, ids no longer in the graph are named', async () => {
    expect((await exportRaw({ format: 'json', workspace: 'ws-nope' })).status).toBe(404);
    const { body } = await app.send<Workspace>('POST', '/api/workspaces', {
      name: `export gone ${stamp}`,
      scene: {
        nodes: [
          { id: 'country:uk', x: 0, y: 0 },
          { id: 'country:gone', x: 1, y: 1 },
        ],
      },
    });
    workspaces.push(body.id);
    const res = await exportRaw<ErrorResponse>({ format: 'json', workspace: body.id });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'workspace' });
    expect(res.json.error.message).toContain('"country:gone"');
  });

  it('refuses a writing query with WRITE_REFUSED and changes nothing', async () => {
    const before = await graphFingerprint(app.store);
    for (const query of [
      "MATCH (n:Entity {id: 'country:uk'}) SET n.name = 'x' RETURN n",
      "CREATE (n:Entity {id: 'evil'}) RETURN n",
      "MATCH (n:Entity {id: 'country:uk'}) DETACH DELETE n RETURN 1",
    ]) {
      const res = await exportRaw<ErrorResponse>({ format: 'cypher', query });
      expect(res.status, query).toBe(400);
      expect(res.json.error).toMatchObject({ code: 'WRITE_REFUSED', field: 'query' });
    }
    expect(await graphFingerprint(app.store)).toEqual(before);
  });

  it('bad bodies get 400 naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ nodeIds: ['country:uk'] }, 'format'],
      [{ format: 'pdf', nodeIds: ['country:uk'] }, 'format'],
      [{ format: 'json' }, 'nodeIds'],
      [{ format: 'json', nodeIds: [] }, 'nodeIds'],
      [{ format: 'json', nodeIds: 'country:uk' }, 'nodeIds'],
      [{ format: 'json', nodeIds: [''] }, 'nodeIds.0'],
      [{ format: 'json', nodeIds: ['country:uk'], workspace: 'ws-x' }, 'workspace'],
      [{ format: 'json', workspace: 'ws-x', params: {} }, 'params'],
      [{ format: 'json', query: '   ' }, 'query'],
      [{ format: 'json', query: 'RETURN 1', params: { 'bad name': 1 } }, 'params.bad name'],
      [{ format: 'json', nodeIds: ['country:uk'], colour: 'red' }, 'request'],
      [[1, 2], 'request'],
    ];
    for (const [body, field] of cases) {
      const res = await exportRaw<ErrorResponse>(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code, JSON.stringify(body)).toBe('VALIDATION_FAILED');
      expect(res.json.error.field, JSON.stringify(body)).toBe(field);
      expect(res.json.error.message).toContain(field === 'request' ? '' : `\`${field}\``);
    }
    expect((await app.get<ErrorResponse>('/api/export?format=json')).body.error.field).toBe('nodeIds');
    expect(
      (await app.get<ErrorResponse>('/api/export?format=json&nodeIds=country:uk&extra=1')).body.error.field,
    ).toBe('request');
    const syntax = await exportRaw<ErrorResponse>({ format: 'json', query: 'MATCH (n RETURN n' });
    expect(syntax.json.error).toMatchObject({ code: 'CYPHER_ERROR', field: 'query' });
  });

  it('answers 413 with the limit past the configured maximum, before streaming anything', async () => {
    const small = createApp({ store: app.store, logger: pino({ level: 'silent' }), export: { maxNodes: 3 } });
    const server = await new Promise<Server>((res) => {
      const s = small.listen(0, '127.0.0.1', () => res(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const four = ['country:uk', 'country:fr', 'country:us', 'country:ca'];
      const res = await exportRaw<ErrorResponse>({ format: 'graphml', nodeIds: four }, base);
      expect(res.status).toBe(413);
      expect(res.json.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'nodeIds' });
      expect(res.json.error.message).toContain('limit of 3');
      expect(res.headers.get('content-disposition')).toBeNull();
      const ok = await exportRaw({ format: 'graphml', nodeIds: four.slice(0, 3) }, base);
      expect(ok.status).toBe(200);
      const query = await exportRaw<ErrorResponse>(
        { format: 'json', query: 'MATCH (c:Country) RETURN c' },
        base,
      );
      expect(query.status).toBe(413);
      expect(query.json.error.message).toContain('limit of 3');
      const link = await fetch(`${base}/api/export?format=csv&nodeIds=${four.join(',')}`);
      expect(link.status).toBe(413);
    } finally {
      await new Promise<void>((res) => server.close(() => res()));
    }
  });
});

describe('POST /api/export briefing', () => {
  it('answers a cited HTML page or Markdown document for the subgraph, quotes verbatim in their sources', async () => {
    const { body } = await app.get<NeighboursResponse>('/api/nodes/country:uk/neighbours?limit=8');
    const nodeIds = (body.nodes as { id: string }[]).map((n) => n.id);
    const html = await exportRaw({ format: 'briefing', nodeIds, title: 'UK & partners' });
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.headers.get('content-disposition')).toMatch(/\.html"?$/);
    expect(html.text).toContain('UK &amp; partners');
    expect(html.text).toContain('<svg');
    expect(html.text).not.toMatch(/<script/i);
    const md = await exportRaw({ format: 'briefing', nodeIds, variant: 'markdown' });
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    const texts = readSources().map((s) => s.text);
    const quotes = [...md.text.matchAll(/^- \[(\d+)\] .*?“(.+)”/gm)].map((m) => m[2]!);
    expect(quotes.length).toBeGreaterThan(0);
    // Markdown escapes some characters in quotes; compare with the escapes removed.
    for (const q of quotes)
      expect(
        texts.some((t) => t.includes(unescapeMarkdown(q))),
        q,
      ).toBe(true);
  });
});
