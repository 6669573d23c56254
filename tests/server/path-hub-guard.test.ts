// The shortest-path query's hub guard: on the seed graph it finds exactly the paths the query before it found
// (tests/server/previous-queries/shortest-path.cypher, kept verbatim), for every pair of seed nodes, through
// topics or not; on a graph with a hub, paths go around it and through it only when nothing else connects.
import { readFileSync } from 'node:fs';
import neo4j, { type Path } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathsResponse } from '../../contract/index.js';
import { readSeed } from '../../seed/read-seed.js';
import { PATH_HUB_DEGREE, throughLabels } from '../../server/src/services/paths.js';
import { pathQueryParams, type PathQuery } from '../../server/src/store/graph-reads.js';
import { loadQueries } from '../../server/src/store/queries.js';
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
 * The path `text` finds from `q.from` to each of `tos`, by id of the other end, in one request: the query runs once
 * per end inside CALL, with `$to` read from the list (thousands of requests took minutes on a busy machine).
 */
async function pathsTo(text: string, q: PathQuery, tos: string[]): Promise<Map<string, string>> {
  const res = await app.store.driver.executeQuery(
    `UNWIND $tos AS to CALL (to) { ${text.replace(/\$to\b/g, 'to')} } RETURN to, path`,
    { ...pathQueryParams(q), tos },
    { database: app.store.database, routing: neo4j.routing.READ },
  );
  return new Map(res.records.map((r) => [r.get('to') as string, pathKey(r.get('path') as Path)]));
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
    let found = 0;
    let pairs = 0;
    const differ: string[] = [];
    for (const throughTopics of [false, true]) {
      for (const [i, a] of ids.entries()) {
        const tos = ids.slice(i + 1);
        pairs += tos.length;
        const before = await pathsTo(PREVIOUS, query(a, '', throughTopics, null), tos);
        const after = await pathsTo(CURRENT, query(a, '', throughTopics, PATH_HUB_DEGREE), tos);
        for (const b of tos) {
          if (before.has(b)) found++;
          if (before.get(b) !== after.get(b))
            differ.push(`${a} → ${b} (topics ${throughTopics}): ${before.get(b)} ≠ ${after.get(b)}`);
        }
      }
    }
    expect(differ).toEqual([]);
    // Not a comparison of two empty answers: most seed pairs are connected.
    expect(found).toBeGreaterThan(pairs / 2);
  }, 600_000);

  describe('with a hub', () => {
    const stamp = Math.random().toString(36).slice(2, 8);
    const id = (name: string): string => `${name}:zz-hub-${stamp}`;
    const [A, B, HUB, F1, F2, LONE] = ['a', 'b', 'hub', 'f1', 'f2', 'lone'].map((n) =>
      id(n === 'hub' ? 'forum' : n.startsWith('f') ? `forum-${n}` : `org-${n}`),
    ) as [string, string, string, string, string, string];
    const db = () => ({ database: app.store.database });

    beforeAll(async () => {
      // A and B share a forum with more members than the bound (two hops through it), and also meet through two
      // small forums and a third organisation (four hops). LONE reaches B only through the hub.
      await app.store.driver.executeQuery(
        `CREATE (a:Entity:Actor:Organization {id: $a, name: 'Hub fixture A', version: 1, evidence: '[]', sourceIds: []})
         CREATE (b:Entity:Actor:Organization {id: $b, name: 'Hub fixture B', version: 1, evidence: '[]', sourceIds: []})
         CREATE (l:Entity:Actor:Organization {id: $lone, name: 'Hub fixture lone', version: 1, evidence: '[]', sourceIds: []})
         CREATE (h:Entity:Forum {id: $hub, name: 'Hub fixture forum', version: 1, evidence: '[]', sourceIds: []})
         CREATE (f1:Entity:Forum {id: $f1, name: 'Hub fixture forum 1', version: 1, evidence: '[]', sourceIds: []})
         CREATE (f2:Entity:Forum {id: $f2, name: 'Hub fixture forum 2', version: 1, evidence: '[]', sourceIds: []})
         CREATE (m:Entity:Actor:Organization {id: $a + '-mid', name: 'Hub fixture middle', version: 1, evidence: '[]', sourceIds: []})
         FOREACH (x IN [a, b, l] | CREATE (x)-[:PARTICIPATED_IN {id: x.id + '|PARTICIPATED_IN|' + $hub, evidence: '[]'}]->(h))
         CREATE (a)-[:PARTICIPATED_IN {id: $a + '|PARTICIPATED_IN|' + $f1, evidence: '[]'}]->(f1)
         CREATE (m)-[:PARTICIPATED_IN {id: $a + '-mid|PARTICIPATED_IN|' + $f1, evidence: '[]'}]->(f1)
         CREATE (m)-[:PARTICIPATED_IN {id: $a + '-mid|PARTICIPATED_IN|' + $f2, evidence: '[]'}]->(f2)
         CREATE (b)-[:PARTICIPATED_IN {id: $b + '|PARTICIPATED_IN|' + $f2, evidence: '[]'}]->(f2)
         WITH h
         UNWIND range(1, $members) AS i
         CREATE (:Entity:Actor:Person {id: $hub + '-member-' + i, name: 'Hub member ' + i, version: 1, evidence: '[]', sourceIds: []})
           -[:PARTICIPATED_IN {id: $hub + '-member-' + i + '|PARTICIPATED_IN', evidence: '[]'}]->(h)`,
        { a: A, b: B, lone: LONE, hub: HUB, f1: F1, f2: F2, members: neo4j.int(PATH_HUB_DEGREE) },
        db(),
      );
    });
    afterAll(async () => {
      await app.store.driver.executeQuery(
        'MATCH (n:Entity) WHERE n.id ENDS WITH $suffix OR n.id STARTS WITH $hub OR n.id = $mid DETACH DELETE n',
        { suffix: `zz-hub-${stamp}`, hub: HUB, mid: `${A}-mid` },
        db(),
      );
    });

    const shortest = async (from: string, to: string) => {
      const { status, body } = await app.get(
        `/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&maxHops=6&mode=shortest`,
      );
      expect(status, JSON.stringify(body)).toBe(200);
      return (body as PathsResponse).paths.map((p) => p.nodes.map((n) => n.id));
    };

    it('goes around a hub when another path exists, even a longer one', async () => {
      // Before the guard the answer was the two hops through the hub.
      expect(await onePath(PREVIOUS, query(A, B, false, null))).toContain(HUB);
      const [path] = await shortest(A, B);
      expect(path).toHaveLength(5);
      expect(path).not.toContain(HUB);
      expect(path).toEqual(expect.arrayContaining([F1, F2]));
    });

    it('goes through the hub when nothing else connects the ends, and from or to it as an end', async () => {
      expect(await shortest(LONE, B)).toEqual([[LONE, HUB, B]]);
      expect((await shortest(HUB, A))[0]).toEqual([HUB, A]);
    });
  });
});
