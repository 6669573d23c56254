// POST /api/cypher: reads come back as table + graph; every kind of write or admin step is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherResponse, ErrorResponse } from '../../contract/index.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
let tight: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  tight = await startTestApp({ store: app.store, console: { timeoutMs: 300, rowCap: 7 } });
});
afterAll(async () => {
  await tight.close();
  await app.close();
});

const cypher = <T = CypherResponse>(body: unknown, on = app) => on.send<T>('POST', '/api/cypher', body);

/** The console's references to graph values in a cell (see CypherValue). */
type NodeRef = { $node: string | null; labels: string[] };
type RelationshipRef = { $relationship: string; type: string; source: string; target: string };
type PathRef = { $path: { nodes: string[]; edges: string[] } };

describe('POST /api/cypher reads', () => {
  it('returns columns, rows with node and relationship references, and the graph they name', async () => {
    const { status, body } = await cypher({
      query: 'MATCH (c:Country)-[r:PARTICIPATED_IN]->(f:Forum) RETURN c, r, f ORDER BY r.id LIMIT $n',
      params: { n: 4 },
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const res = body as CypherResponse;
    expect(res.columns).toEqual(['c', 'r', 'f']);
    expect(res.rows).toHaveLength(4);
    expect(res.truncated).toBe(false);
    for (const [c, r, f] of res.rows as [NodeRef, RelationshipRef, NodeRef][]) {
      expect(c.labels).toContain('Country');
      expect(r).toMatchObject({ type: 'PARTICIPATED_IN', source: c.$node, target: f.$node });
      expect(res.graph.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([c.$node, f.$node]));
      const edge = res.graph.edges.find((e) => e.id === r.$relationship)!;
      expect(edge.evidence!.length).toBeGreaterThan(0);
    }
    // The same rows the database gives for the same query.
    const direct = await app.store.driver.executeQuery(
      'MATCH (c:Country)-[r:PARTICIPATED_IN]->(f:Forum) RETURN r.id AS id ORDER BY r.id LIMIT 4',
      {},
      { database: app.store.database },
    );
    expect((res.rows as [NodeRef, RelationshipRef][]).map((row) => row[1].$relationship)).toEqual(
      direct.records.map((rec) => rec.get('id')),
    );
  });

  it('passes parameters as values, including integers for LIMIT', async () => {
    const { status, body } = await cypher({
      query: 'MATCH (c:Country {id: $id}) RETURN c.name AS name, $list AS list',
      params: { id: 'country:fr', list: [1, 'two', { three: 3 }] },
    });
    expect(status).toBe(200);
    expect(body.rows).toEqual([['France', [1, 'two', { three: 3 }]]]);
  });

  it('returns paths as node and edge id lists', async () => {
    const { body } = await cypher({
      query: "MATCH p = (:Country {id: 'country:fr'})-[:COOPERATES_WITH]->(:Country) RETURN p LIMIT 1",
    });
    const cell = body.rows[0]![0] as PathRef;
    expect(cell.$path.nodes[0]).toBe('country:fr');
    expect(cell.$path.edges).toHaveLength(1);
    expect(body.graph.edges.map((e) => e.id)).toEqual(cell.$path.edges);
  });

  it('stops at the row cap and says it cut (default 1000)', async () => {
    const big = await cypher({ query: 'UNWIND range(1, 2500) AS x RETURN x' });
    expect(big.status).toBe(200);
    expect(big.body).toMatchObject({ truncated: true, rowCap: 1000 });
    expect(big.body.rows).toHaveLength(1000);
    const exact = await cypher({ query: 'UNWIND range(1, 7) AS x RETURN x' }, tight);
    expect(exact.body).toMatchObject({ truncated: false, rowCap: 7 });
    const cut = await cypher({ query: 'UNWIND range(1, 8) AS x RETURN x' }, tight);
    expect(cut.body.rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(cut.body.truncated).toBe(true);
  });

  it('stops a query that runs past the time limit with QUERY_TIMEOUT', async () => {
    const { status, body } = await cypher<ErrorResponse>(
      {
        query:
          // a four-way product (about 2×10⁸ rows on the seed graph): no machine finishes it in 300 ms
          'MATCH (a:Entity), (b:Entity), (c:Entity), (d:Entity) WHERE a.name + b.name + c.name + d.name = "x" RETURN count(*) AS n',
      },
      tight,
    );
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'QUERY_TIMEOUT', field: 'query' });
  });

  it('reports syntax errors and missing parameters as CYPHER_ERROR', async () => {
    const syntax = await cypher<ErrorResponse>({ query: 'MATCH (n RETURN n' });
    expect(syntax.status).toBe(400);
    expect(syntax.body.error).toMatchObject({ code: 'CYPHER_ERROR', field: 'query' });
    const missing = await cypher<ErrorResponse>({ query: 'RETURN $absent AS a' });
    expect(missing.body.error).toMatchObject({ code: 'CYPHER_ERROR', field: 'params' });
  });
});

describe('POST /api/cypher refuses writes', () => {
  const writes: Record<string, string> = {
    CREATE: "CREATE (:Country {id: 'country:zz', name: 'Nowhere'})",
    'create, lower case after a comment': "/* harmless */ create (n:Country {id: 'country:zz'}) return n",
    MERGE: "MERGE (c:Country {id: 'country:zz'}) RETURN c",
    SET: "MATCH (c:Country {id: 'country:fr'}) SET c.name = 'Gaul' RETURN c",
    'SET in a subquery': 'MATCH (c:Country) CALL (c) { SET c.flag = true } RETURN count(*)',
    DELETE: "MATCH (c:Country {id: 'country:fr'})-[r]-() DELETE r",
    'DETACH DELETE': "MATCH (c:Country {id: 'country:fr'}) DETACH DELETE c",
    REMOVE: 'MATCH (c:Country) REMOVE c:Country',
    FOREACH: 'FOREACH (i IN range(1, 3) | CREATE (:Country))',
    'CALL IN TRANSACTIONS': 'MATCH (n) CALL (n) { SET n.touched = 1 } IN TRANSACTIONS RETURN 1',
    // Found by the hostile corpus: even a reading one opened transactions the read transaction cannot hold (500).
    'CALL IN TRANSACTIONS that only reads':
      'MATCH (c:Country) CALL (c) { RETURN c.name AS n } IN TRANSACTIONS RETURN n',
    'CREATE INDEX': 'CREATE INDEX country_name_x FOR (c:Country) ON (c.name)',
    'DROP INDEX': 'DROP INDEX entity_search',
    'CREATE CONSTRAINT': 'CREATE CONSTRAINT c_x FOR (c:Country) REQUIRE c.name IS UNIQUE',
    'DROP CONSTRAINT': 'DROP CONSTRAINT entity_id IF EXISTS',
    'write procedure': "CALL db.createLabel('Intruder')",
    'write procedure (property)': "CALL db.createProperty('intruder')",
    'admin procedure': 'CALL dbms.listConfig()',
    'admin procedure (caches)': 'CALL db.clearQueryCaches()',
    'statistics procedure': "CALL db.stats.clear('QUERIES')",
    'administration command': "CREATE USER intruder SET PASSWORD 'not-a-real-password'",
    'SHOW USERS': 'SHOW USERS',
    'TERMINATE TRANSACTIONS': "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    'SHOW TRANSACTIONS': 'SHOW TRANSACTIONS',
    'LOAD CSV': "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    'LOAD CSV with a write': "LOAD CSV FROM 'file:///etc/hosts' AS line CREATE (:Country {name: line[0]})",
  };

  it('refuses every kind of write, schema change, admin step and file read with 400 WRITE_REFUSED, changing nothing', async () => {
    const before = await graphFingerprint(app.store);
    for (const [kind, query] of Object.entries(writes)) {
      const { status, body } = await cypher<ErrorResponse>({ query });
      expect(status, kind).toBe(400);
      expect(body.error, kind).toMatchObject({ code: 'WRITE_REFUSED', field: 'query' });
      expect(body.error.message, kind).toMatch(/read-only/);
    }
    expect(await graphFingerprint(app.store)).toEqual(before);
    const labels = await cypher({ query: 'CALL db.labels() YIELD label RETURN collect(label) AS labels' });
    expect(labels.body.rows[0][0]).not.toContain('Intruder');
    const indexes = await cypher({ query: 'SHOW INDEXES YIELD name RETURN collect(name) AS names' });
    expect(indexes.body.rows[0][0]).toContain('entity_search');
  });
});

describe('POST /api/cypher bad bodies', () => {
  const bad: [string, unknown, string][] = [
    ['no query', {}, 'query'],
    ['empty query', { query: '   ' }, 'query'],
    ['query not a string', { query: 42 }, 'query'],
    ['params an array', { query: 'RETURN 1', params: [1] }, 'params'],
    ['bad parameter name', { query: 'RETURN 1', params: { 'a b': 1 } }, 'params.a b'],
    ['unknown key', { query: 'RETURN 1', limit: 5 }, 'request'],
    [
      'params nested too deep',
      { query: 'RETURN 1', params: { p: JSON.parse('['.repeat(40) + ']'.repeat(40)) } },
      'params',
    ],
    ['huge query', { query: `RETURN '${'x'.repeat(20_001)}'` }, 'query'],
  ];
  for (const [what, body, field] of bad) {
    it(`answers 400 VALIDATION_FAILED naming \`${field}\` for ${what}`, async () => {
      const res = await cypher<ErrorResponse>(body);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    });
  }

  it('answers 400 for a body that is not JSON', async () => {
    const res = await cypher<ErrorResponse>('{"query": ');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });
});
