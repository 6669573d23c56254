// The shortest-path query's hub guard: on the seed graph it finds exactly the paths the query before it found
// (tests/server/previous-queries/shortest-path.cypher, kept verbatim), for every pair of seed nodes, through
// topics or not; on a graph with a hub, paths go around it and through it only when nothing else connects, the
// answer says when a hub near the ends may make a shorter path (and names it), and throughHubs=true finds that one.
import { readFileSync } from 'node:fs';
import neo4j, { type Path } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, PathsResponse } from '../../contract/index.js';
import { readSeed } from '../../seed/read-seed.js';
import { PATH_HUB_DEGREE, throughLabels } from '../../server/src/services/paths.js';
import { pathQueryParams, type PathQuery } from '../../server/src/store/graph-reads.js';
import { loadQueries } from '../../server/src/store/queries.js';
import { createPathHubFixture, type PathHubFixture } from '../setup/path-hub-fixture.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const PREVIOUS = readFileSync(new URL('./previous-queries/shortest-path.cypher', import.meta.url), 'utf8');
const CURRENT = loadQueries()['shortest-path'];

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

/** A path as the ids of its nodes and relationships in order. */
const pathKey = (path: Path): string =>
  [
    path.start.properties.id as string,
    ...path.segments.flatMap((s) => [s.relationship.properties.id as string, s.end.properties.id as string]),
  ].join(' ');

/** The path `text` finds for `q` ('' when there is none). */
async function onePath(text: string, q: PathQuery): Promise<string> {
  const res = await app.store.driver.executeQuery(text, pathQueryParams(q), {
    database: app.store.database,
    routing: neo4j.routing.READ,
  });
  const path = res.records[0]?.get('path') as Path | undefined;
  return path ? pathKey(path) : '';
}

/**
 * The path `text` finds for each pair of `pairs` ([from, to]), keyed `from to`, in one request: the query runs once
 * per pair inside CALL, with `$from` and `$to` read from the list. One request for every pair rather than one per
 * start node: the pairs' searches are tiny, and hundreds of round trips were most of this test's time under load.
 */
async function pathsFor(text: string, q: PathQuery, pairs: [string, string][]): Promise<Map<string, string>> {
  const res = await app.store.driver.executeQuery(
    `UNWIND $pairs AS pair CALL (pair) { ${text.replace(/\$from\b/g, 'pair[0]').replace(/\$to\b/g, 'pair[1]')} }
     RETURN pair, path`,
    { ...pathQueryParams(q), pairs },
    { database: app.store.database, routing: neo4j.routing.READ },
  );
  return new Map(
    res.records.map((r) => [(r.get('pair') as string[]).join(' '), pathKey(r.get('path') as Path)]),
  );
}

const query = (from: string, to: string, throughTopics: boolean, hubDegree: number | null): PathQuery => ({
  from,
  to,
  maxHops: 6,
  relTypes: null,
  threatIds: null,
  through: throughLabels(throughTopics),
  levels: null,
  disputed: true,
  candidates: 100,
  hubDegree,
});

describe('shortest-path hub guard', () => {
  it('on the seed graph, every pair of nodes gets the same path as before the guard', async () => {
    const ids = readSeed().nodes.map((n) => n.id);
    const degrees = (
      await app.store.driver.executeQuery(
        'MATCH (n:Entity) WHERE n.id IN $ids RETURN max(COUNT { (n)--() }) AS d',
        { ids },
        { database: app.store.database },
      )
    ).records[0]!.get('d') as number;
    // Below the bound everywhere: the guard must change nothing here (a bound this low would be a mistake).
    expect(Number(degrees)).toBeLessThan(PATH_HUB_DEGREE);
    const pairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b): [string, string] => [a, b]));
    let found = 0;
    const differ: string[] = [];
    // Two at a time: each is a few thousand small searches, and Neo4j runs them on separate cores.
    const runs = await Promise.all(
      [false, true].map(async (throughTopics) => ({
        throughTopics,
        before: await pathsFor(PREVIOUS, query('', '', throughTopics, null), pairs),
        after: await pathsFor(CURRENT, query('', '', throughTopics, PATH_HUB_DEGREE), pairs),
      })),
    );
    for (const { throughTopics, before, after } of runs) {
      for (const [a, b] of pairs) {
        const key = `${a} ${b}`;
        if (before.has(key)) found++;
        if (before.get(key) !== after.get(key))
          differ.push(`${a} → ${b} (topics ${throughTopics}): ${before.get(key)} ≠ ${after.get(key)}`);
      }
    }
    expect(differ).toEqual([]);
    // Not a comparison of two empty answers: most seed pairs are connected.
    expect(found).toBeGreaterThan(pairs.length); // of 2 × pairs.length searches
  }, 600_000);

  describe('with a hub', () => {
    let fx: PathHubFixture;
    let A: string,
      B: string,
      C: string,
      D: string,
      HUB: string,
      F1: string,
      F2: string,
      LONE: string,
      MID: string;
    const db = () => ({ database: app.store.database });

    beforeAll(async () => {
      fx = await createPathHubFixture(app);
      ({ A, B, C, D, HUB, F1, F2, LONE, MID } = fx);
    });
    afterAll(async () => {
      await fx.remove();
    });

    const shortest = async (from: string, to: string, extra = '') => {
      const { status, body } = await app.get<PathsResponse>(
        `/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&maxHops=6&mode=shortest${extra}`,
      );
      expect(status, JSON.stringify(body)).toBe(200);
      return { ...body, ids: body.paths.map((p) => p.nodes.map((n) => n.id)) };
    };

    it('the hub is one: more relationships than the bound, its members far fewer', async () => {
      const res = await app.store.driver.executeQuery(
        'MATCH (n:Entity) WHERE n.id IN [$hub, $member] RETURN n.id AS id, COUNT { (n)--() } AS degree',
        { hub: HUB, member: `${HUB}-member-1` },
        db(),
      );
      const degree = new Map(res.records.map((r) => [r.get('id') as string, Number(r.get('degree'))]));
      expect(degree.get(HUB)).toBeGreaterThan(PATH_HUB_DEGREE);
      expect(degree.get(`${HUB}-member-1`)).toBeLessThanOrEqual(PATH_HUB_DEGREE);
    });

    it('goes around a hub when another path exists, and says a shorter one may pass through it', async () => {
      // Before the guard the answer was the two hops through the hub.
      expect(await onePath(PREVIOUS, query(A, B, false, null))).toContain(HUB);
      const res = await shortest(A, B);
      const [path] = res.ids;
      expect(path).toHaveLength(5);
      expect(path).not.toContain(HUB);
      expect(path).toEqual(expect.arrayContaining([F1, F2]));
      expect(res.mayNotBeShortest).toBe(true);
      expect(res.hubsAvoided).toEqual([{ id: HUB, name: 'Hub fixture forum', degree: PATH_HUB_DEGREE + 3 }]);
    });

    it('with throughHubs=true, finds the shorter path through the hub and flags nothing', async () => {
      const res = await shortest(A, B, '&throughHubs=true');
      expect(res.ids).toEqual([[A, HUB, B]]);
      expect(res).not.toHaveProperty('mayNotBeShortest');
      expect(res).not.toHaveProperty('hubsAvoided');
    });

    it('says nothing when no hub is near either end (the path is the shortest there is)', async () => {
      const res = await shortest(D, C);
      expect(res.ids).toEqual([[D, F1, MID, F2, C]]);
      expect(res).not.toHaveProperty('mayNotBeShortest');
      expect(res).not.toHaveProperty('hubsAvoided');
      // The same path with the guard off: it really is the shortest.
      expect((await shortest(D, C, '&throughHubs=true')).ids).toEqual(res.ids);
    });

    it('goes through the hub when nothing else connects the ends, and from or to it as an end', async () => {
      const lone = await shortest(LONE, B);
      expect(lone.ids).toEqual([[LONE, HUB, B]]);
      expect(lone).not.toHaveProperty('mayNotBeShortest');
      expect((await shortest(HUB, A)).ids[0]).toEqual([HUB, A]);
    });

    it.each(['maybe', '1', 'TRUE'])('refuses throughHubs=%s with 400 naming the field', async (value) => {
      const { status, body } = await app.get<ErrorResponse>(
        `/api/paths?from=${encodeURIComponent(A)}&to=${encodeURIComponent(B)}&throughHubs=${value}`,
      );
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'throughHubs' });
      expect(body.error.message).toContain('"true" or "false"');
    });
  });
});
