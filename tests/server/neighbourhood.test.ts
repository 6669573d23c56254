// GET /api/nodes/:id/neighbourhood: the capped two-hop neighbourhood against an independent variable-length query.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, NeighbourhoodResponse } from '../../contract/index.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const enc = encodeURIComponent;

/** Business nodes within one and within two hops of `id` (besides it), by a plain variable-length match. */
async function within(id: string): Promise<{ one: Set<string>; two: Set<string> }> {
  const q = async (hops: string) =>
    new Set(
      (
        await app.store.driver.executeQuery(
          `MATCH (c:Entity {id: $id})-[${hops}]-(m:Entity) WHERE m <> c RETURN DISTINCT m.id AS id`,
          { id },
          { database: app.store.database, routing: neo4j.routing.READ },
        )
      ).records.map((r) => r.get('id') as string),
    );
  return { one: await q('*1..1'), two: await q('*1..2') };
}

describe('GET /api/nodes/:id/neighbourhood', () => {
  for (const id of ['country:uk', 'forum:five-country-ministerial-2025']) {
    it(`uncapped, ${id}'s neighbourhood is every node within two hops, first hop first`, async () => {
      const { one, two } = await within(id);
      expect(two.size).toBeGreaterThan(one.size);
      const { status, body } = await app.get(`/api/nodes/${enc(id)}/neighbourhood?limit=500`);
      expect(status).toBe(200);
      const n = body as NeighbourhoodResponse;
      expect(two.size).toBeLessThan(500);
      expect(new Set(n.nodes.map((x) => x.id).filter((x) => x !== id))).toEqual(two);
      expect(n.nodes.some((x) => x.id === id)).toBe(true);
      expect({ hop1: n.hop1, hop2: n.hop2, truncated: n.truncated }).toEqual({
        hop1: one.size,
        hop2: two.size - one.size,
        truncated: false,
      });
      // Every reached node has a walked relationship, and every relationship joins two returned nodes.
      const ids = new Set(n.nodes.map((x) => x.id));
      for (const e of n.edges) expect(ids.has(e.source) && ids.has(e.target), e.id).toBe(true);
      const touched = new Set(n.edges.flatMap((e) => [e.source, e.target]));
      for (const x of ids) expect(touched.has(x), x).toBe(true);
    });
  }

  it('a cap keeps exactly that many nodes, the best-connected first-hop neighbours first', async () => {
    const id = 'country:uk';
    const { one } = await within(id);
    const cap = Math.max(2, Math.floor(one.size / 2));
    const n = (await app.get(`/api/nodes/${enc(id)}/neighbourhood?limit=${cap}`))
      .body as NeighbourhoodResponse;
    expect(n.nodes.length).toBe(cap + 1);
    expect({ hop1: n.hop1, hop2: n.hop2, truncated: n.truncated }).toEqual({
      hop1: cap,
      hop2: 0,
      truncated: true,
    });
    const counts = (await app.get(`/api/nodes/${enc(id)}/neighbours?limit=500`)).body as {
      nodes: { id: string }[];
    };
    // The neighbours endpoint orders the same way (most connected first, then name): the top `cap` by degree are kept.
    const degree = new Map(
      (
        await app.store.driver.executeQuery(
          'MATCH (m:Entity) WHERE m.id IN $ids RETURN m.id AS id, COUNT { (m)--() } AS d',
          { ids: counts.nodes.map((x) => x.id) },
          { database: app.store.database },
        )
      ).records.map((r) => [r.get('id') as string, Number(r.get('d'))]),
    );
    const kept = n.nodes.filter((x) => x.id !== id).map((x) => degree.get(x.id)!);
    const dropped = [...one].filter((x) => !n.nodes.some((k) => k.id === x)).map((x) => degree.get(x)!);
    expect(Math.min(...kept)).toBeGreaterThanOrEqual(Math.max(...dropped));
  });

  it('404 for an unknown node, 400 for a bad limit', async () => {
    expect((await app.get('/api/nodes/country%3Azz-none/neighbourhood')).status).toBe(404);
    const bad = await app.get<ErrorResponse>(`/api/nodes/${enc('country:uk')}/neighbourhood?limit=501`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('limit');
  });
});
