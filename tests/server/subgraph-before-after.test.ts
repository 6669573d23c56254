// Before/after on the seed graph: the subgraph read as one row per node and relationship (cypher/subgraph-by-ids.cypher)
// gives exactly the nodes and relationships, in the same order, that the single record of two lists gave (main's
// statement, kept as a fixture): for every seed node with its neighbours, the whole seed, and ids not in the graph.
import { readFileSync } from 'node:fs';
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed } from '../../seed/read-seed.js';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import { readSubgraph, type RawSubgraph } from '../../server/src/store/subgraph-reads.js';
import { testStore } from '../setup/test-app.js';

let store: GraphStore;
beforeAll(async () => {
  store = await testStore({ queryTimeoutMs: 60_000 });
});
afterAll(async () => {
  await store.close();
});

const ONE_RECORD = readFileSync(
  new URL('./fixtures/subgraph-by-ids-one-record.cypher', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((l) => !l.trimStart().startsWith('//'))
  .join('\n');

async function oneRecord(ids: string[]): Promise<RawSubgraph> {
  const rec = (
    await store.driver.executeQuery(
      ONE_RECORD,
      { ids },
      { database: store.database, routing: neo4j.routing.READ },
    )
  ).records[0]!;
  return { nodes: rec.get('nodes') as Node[], rels: rec.get('rels') as Relationship[] };
}

/** Everything the services read of the nodes and relationships, in order. */
function said(g: RawSubgraph) {
  return {
    nodes: g.nodes.map((n) => [n.elementId, n.labels, n.properties]),
    rels: g.rels.map((r) => [r.elementId, r.type, r.startNodeElementId, r.endNodeElementId, r.properties]),
  };
}

const seed = readSeed();
const ids = seed.nodes.map((n) => n.id);
const around = new Map<string, Set<string>>(ids.map((id) => [id, new Set([id])]));
for (const r of seed.relationships) {
  around.get(r.from)?.add(r.to);
  around.get(r.to)?.add(r.from);
}

describe('the subgraph by ids as rows and as one record', () => {
  it('reads every seed node with its neighbours as the one record did', async () => {
    let rels = 0;
    for (const [id, set] of around) {
      const now = await readSubgraph(store, [...set]);
      expect(said(now), id).toEqual(said(await oneRecord([...set])));
      rels += now.rels.length;
    }
    // Compared subgraphs with relationships in them, not empty ones.
    expect(rels).toBeGreaterThan(ids.length);
  }, 180_000);

  it('reads the whole seed, and ids not in the graph, as the one record did', async () => {
    const whole = await readSubgraph(store, ids);
    expect(whole.nodes.length).toBe(ids.length);
    expect(said(whole)).toEqual(said(await oneRecord(ids)));
    const some = [...ids.slice(0, 5), 'no-such-node'];
    expect(said(await readSubgraph(store, some))).toEqual(said(await oneRecord(some)));
    expect(said(await readSubgraph(store, ['no-such-node']))).toEqual(
      said(await oneRecord(['no-such-node'])),
    );
  });
});
