// The cypher/ folder: every named query exists with its header, none is orphaned, a missing one stops start-up,
// and the read path really is read-only.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { throughLabels } from '../../server/src/services/paths.js';
import { CYPHER_DIR, loadQueries, QUERY_NAMES } from '../../server/src/store/queries.js';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { testStore } from '../setup/test-app.js';

let store: GraphStore;
beforeAll(async () => {
  store = await testStore();
});
afterAll(async () => {
  await store.close();
});

describe('cypher/ queries', () => {
  it('has exactly one file per query name, each with a header naming its params and columns', () => {
    const files = readdirSync(CYPHER_DIR)
      .filter((f) => f.endsWith('.cypher'))
      .map((f) => f.replace(/\.cypher$/, ''))
      .sort();
    expect(files).toEqual([...QUERY_NAMES].sort());
    for (const name of QUERY_NAMES) {
      const text = readFileSync(join(CYPHER_DIR, `${name}.cypher`), 'utf8');
      expect(text, name).toMatch(/^\/\/ .+\n\/\/ .*Params:/m);
      expect(text, name).toMatch(/Returns:/);
    }
  });

  it('the shortest path is planned without the exhaustive fallback, with and without filters', async () => {
    // A non-universal predicate makes Neo4j add a fallback that enumerates every path of up to 6 hops when the
    // search finds none: for an unconnected pair that ran past the time limit under load.
    const ops = (plan: { operatorType: string; children: unknown[] }): string[] => [
      plan.operatorType,
      ...(plan.children as { operatorType: string; children: unknown[] }[]).flatMap(ops),
    ];
    const text = loadQueries()['shortest-path'];
    // Every filter the service sends: relationship types, a threat, the kinds a path may pass through, and the
    // strength floor it asks again with when looking for the strongest of the shortest paths.
    for (const filters of [
      { relTypes: null, threatIds: null, through: throughLabels(false), levels: null, disputed: true },
      {
        relTypes: ['MEMBER_OF'],
        threatIds: ['threat:terrorism'],
        through: throughLabels(true),
        levels: ['confirmed'],
        disputed: false,
      },
    ]) {
      const res = await store.driver.executeQuery(
        `EXPLAIN ${text}`,
        { from: 'country:fr', to: 'country:us', maxHops: 6, ...filters },
        { database: store.database },
      );
      const operators = ops(res.summary.plan as never);
      expect(
        operators.some((o) => o.startsWith('ShortestPath')),
        operators.join(' '),
      ).toBe(true);
      expect(
        operators.filter((o) => /AntiConditionalApply|VarLengthExpand/.test(o)),
        JSON.stringify(filters),
      ).toEqual([]);
    }
  });

  it('refuses to start without a query file, naming it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-cypher-'));
    expect(() => loadQueries(empty)).toThrow(/server-version\.cypher/);
  });

  it('a write sent down the read path is refused by Neo4j and changes nothing', async () => {
    const before = await graphFingerprint(store);
    const err = await store
      .read('seed-nodes', {
        nodes: [{ id: 'org:read-path-canary', labels: ['Organization'], props: { name: 'x' } }],
      })
      .catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('Neo.ClientError.Statement.AccessMode');
    expect(await graphFingerprint(store)).toEqual(before);
  });
});
