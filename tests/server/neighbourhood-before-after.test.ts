// Before/after on the seed graph: the two-hop neighbourhood read as one row per node (cypher/neighbourhood.cypher)
// gives, for every seed node and cap, exactly the answer the single-record statement gave before (the statement
// below is main's neighbourhood.cypher as it was, kept here as the reference). So does its way for second-hop hubs
// (a link looked up from the first hop's side), taken here for every second-hop node.
import neo4j, { type ProfiledPlan } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { twoHopNeighbourhood } from '../../server/src/services/neighbourhood.js';
import { neighbourhoodParams, twoHopGraph } from '../../server/src/store/graph-reads.js';
import { collectGraph } from '../../server/src/store/mapping.js';
import { loadQueries } from '../../server/src/store/queries.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const BEFORE = `MATCH (centre:Entity {id: $id})
CALL (centre) {
  MATCH (centre)-[r]-(m:Entity)
  WITH m, head(collect(r)) AS rel
  WITH m, rel, COUNT { (m)--() } AS degree
  ORDER BY degree DESC, m.id
  LIMIT $limit
  RETURN collect({node: m, rel: rel}) AS hop1
}
CALL (centre, hop1) {
  WITH centre, hop1, [h IN hop1 | h.node] AS firstNodes
  WHERE size(hop1) < $limit
  UNWIND firstNodes AS h
  MATCH (h)--(m:Entity)
  WHERE m <> centre AND NOT m IN firstNodes
  WITH DISTINCT m, firstNodes
  LIMIT $limit
  CALL (m, firstNodes) {
    MATCH (m)-[r]-(h:Entity)
    WHERE h IN firstNodes
    RETURN r LIMIT 1
  }
  RETURN collect({node: m, rel: r}) AS hop2
}
RETURN centre, hop1, hop2[..($limit - size(hop1))] AS hop2`;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

/** The answer as the service built it from the statement before (null: no such node). */
async function before(id: string, limit: number) {
  const rec = (
    await app.store.driver.executeQuery(
      BEFORE,
      { id, limit: neo4j.int(limit) },
      { database: app.store.database },
    )
  ).records[0];
  if (!rec) return null;
  const hop1 = (rec.get('hop1') as unknown[]).length;
  const hop2 = (rec.get('hop2') as unknown[]).length;
  const graph = collectGraph([rec.get('centre'), rec.get('hop1'), rec.get('hop2')]);
  return { ...graph, hop1, hop2, truncated: hop1 + hop2 >= limit };
}

/** Every seed node's id. */
async function seedIds(): Promise<string[]> {
  const ids = (
    await app.store.driver.executeQuery(
      'MATCH (n:Entity) RETURN n.id AS id ORDER BY id',
      {},
      { database: app.store.database },
    )
  ).records.map((r) => r.get('id') as string);
  expect(ids.length).toBeGreaterThan(50);
  return ids;
}

/** Rows of the PROFILE plan's operators whose details contain `text`, summed. */
function rowsWhere(plan: ProfiledPlan, text: string): number {
  const own = String(plan.arguments['Details'] ?? '').includes(text) ? plan.rows : 0;
  return own + plan.children.reduce((sum, c) => sum + rowsWhere(c, text), 0);
}

describe('the two-hop neighbourhood on the seed graph, before and after one row per node', () => {
  it('is identical for every node and cap, in the same order', async () => {
    const ids = await seedIds();
    let compared = 0;
    let secondHop = 0;
    let cut = 0;
    for (const id of ids)
      for (const limit of [500, 12, 3, 1]) {
        const after = await twoHopNeighbourhood(app.store, id, limit);
        expect(after, `${id} limit ${limit}`).toEqual(await before(id, limit));
        compared++;
        if (after.hop2 > 0) secondHop++;
        if (after.truncated && after.hop2 > 0) cut++;
      }
    expect(compared).toBe(ids.length * 4);
    // The comparison covers answers with a second hop, and second hops cut by the cap.
    expect(secondHop).toBeGreaterThan(ids.length);
    expect(cut).toBeGreaterThan(10);
    await expect(twoHopNeighbourhood(app.store, 'country:zz-none', 500)).rejects.toThrow(/No node/);
    expect(await before('country:zz-none', 500)).toBeNull();
  }, 300_000);

  it("is identical when every second-hop link is looked for the hubs' way, which takes both of its branches", async () => {
    const ids = await seedIds();
    const text = `PROFILE ${loadQueries().neighbourhood}`;
    let fromFirstHop = 0;
    let fromNode = 0;
    for (const id of ids)
      for (const limit of [500, 12, 3]) {
        // No relationship read from the second-hop node first: each link comes from the first hop's side or the full read.
        const found = await twoHopGraph(app.store, id, limit, 0);
        const after = found && {
          ...found.graph,
          hop1: found.hop1,
          hop2: found.hop2,
          truncated: found.hop1 + found.hop2 >= limit,
        };
        expect(after, `${id} limit ${limit}`).toEqual(await before(id, limit));
        const plan = (
          await app.store.driver.executeQuery(text, neighbourhoodParams(id, limit, 0), {
            database: app.store.database,
          })
        ).summary.profile;
        if (!plan) throw new Error('no profile');
        fromFirstHop += rowsWhere(plan, 'AS only');
        fromNode += rowsWhere(plan, 'only IS NULL');
      }
    // Both ways answered on the seed graph, so the comparison above covers each of them.
    expect(fromFirstHop).toBeGreaterThan(10);
    expect(fromNode).toBeGreaterThan(10);
  }, 300_000);
});
