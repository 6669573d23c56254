// Before/after on the seed graph: the sampled neighbour page (cypher/neighbours-sampled.cypher) gives, for every seed
// node and filter, exactly the page and total the ranking of every neighbour gave before it (the statements below are
// main's neighbours.cypher and neighbours-total.cypher as they were, kept here as the reference).
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectGraph } from '../../server/src/store/mapping.js';
import { neighbourPage, PAGE_SAMPLING, type NeighbourQuery } from '../../server/src/store/neighbour-reads.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const FILTERS = `
    AND ($relTypes IS NULL OR type(r) IN $relTypes)
    AND ($direction IS NULL OR ($direction = 'out') = (startNode(r) = centre))
    AND ($labels IS NULL OR any(l IN labels(m) WHERE l IN $labels))
    AND ($threatIds IS NULL OR m.id IN $threatIds
         OR EXISTS { MATCH (m)-[:ADDRESSES|FOCUSES_ON]->(x:ThreatType) WHERE x.id IN $threatIds })`;

const BEFORE_PAGE = `MATCH (centre:Entity {id: $id})
CALL (centre) {
  MATCH (centre)-[r]-(m:Entity)
  WHERE true ${FILTERS}
  WITH DISTINCT m
  WITH m, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, elementId(m)
  SKIP $skip
  LIMIT $limit
  RETURN collect(m) AS pageNodes
}
RETURN centre, [m IN pageNodes | {
  node: m,
  rels: [(centre)-[r]-(m)
         WHERE ($relTypes IS NULL OR type(r) IN $relTypes)
           AND ($direction IS NULL OR ($direction = 'out') = (startNode(r) = centre)) | r]
}] AS page`;

const BEFORE_TOTAL = `MATCH (centre:Entity {id: $id})
CALL (centre) {
  MATCH (centre)-[r]-(m:Entity)
  WHERE true ${FILTERS}
  RETURN count(DISTINCT m) AS total
}
RETURN total`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

/** The page and total as the statements before sampling gave them (the total read whenever asked). */
async function before(q: NeighbourQuery) {
  const params = { ...q, skip: neo4j.int(q.skip), limit: neo4j.int(q.limit) };
  const opts = { database: app.store.database };
  const rec = (await app.store.driver.executeQuery(BEFORE_PAGE, params, opts)).records[0];
  if (!rec) return null;
  const page = rec.get('page') as unknown[];
  const total = Number(
    (await app.store.driver.executeQuery(BEFORE_TOTAL, params, opts)).records[0]!.get('total'),
  );
  return { graph: collectGraph([rec.get('centre'), page]), total, pageSize: page.length };
}

describe('the neighbour page on the seed graph, before and after sampling', () => {
  it('is identical for every node, with and without filters, on the first page and a later one', async () => {
    const opts = { database: app.store.database };
    const nodes = (
      await app.store.driver.executeQuery(
        'MATCH (n:Entity) RETURN n.id AS id, COUNT { (n)--() } AS degree ORDER BY id',
        {},
        opts,
      )
    ).records.map((r) => ({ id: r.get('id') as string, degree: Number(r.get('degree')) }));
    // Every seed node is under the hub threshold, so no page is sampled: the comparison covers the whole graph.
    expect(nodes.length).toBeGreaterThan(50);
    expect(Math.max(...nodes.map((n) => n.degree))).toBeLessThanOrEqual(PAGE_SAMPLING.hubDegree);
    const [threat] = (
      await app.store.driver.executeQuery('MATCH (t:ThreatType) RETURN t.id AS id LIMIT 1', {}, opts)
    ).records.map((r) => r.get('id') as string);
    const none = { relTypes: null, direction: null, labels: null, threatIds: null };
    const filters: Omit<NeighbourQuery, 'id' | 'skip' | 'limit'>[] = [
      none,
      { ...none, relTypes: ['MEMBER_OF', 'PARTICIPATED_IN'], direction: 'out' },
      { ...none, labels: ['Country', 'Organization'] },
      { ...none, threatIds: [threat!] },
    ];
    let compared = 0;
    let nonEmpty = 0;
    for (const { id } of nodes)
      for (const f of filters)
        for (const [skip, limit] of [
          [0, 5],
          [3, 4],
          [0, 50],
        ] as const) {
          const q = { id, ...f, skip, limit };
          const after = await neighbourPage(app.store, q);
          expect(after, `${id} ${JSON.stringify(q)}`).toEqual(await before(q));
          compared++;
          if (after && after.pageSize > 0) nonEmpty++;
        }
    expect(compared).toBe(nodes.length * filters.length * 3);
    expect(nonEmpty).toBeGreaterThan(nodes.length);
  }, 300_000);
});
