// Cooperation's rewrite (pairing in the server, members walked up per forum) answers as the query before it did, on
// the seed graph: every threat, level, actor and minimum weight, and a tight pair budget. And its forum read as rows
// (one per forum, participant and party name) reads what the same statement returning one record of lists did.
import { readFileSync } from 'node:fs';
import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CooperationLevel, GraphEdge, GraphNode } from '../../contract/index.js';
import { readSeed } from '../../seed/read-seed.js';
import {
  cooperationCaps,
  cooperationPairs,
  type CooperationRows,
} from '../../server/src/services/cooperation.js';
import { pairParties } from '../../server/src/services/cooperation-pairing.js';
import { resolveThreat } from '../../server/src/services/threats.js';
import {
  cooperationQueryParams,
  readCooperationForums,
  type CooperationForums,
  toParticipant,
} from '../../server/src/store/cooperation-reads.js';
import { collectGraph, toGraphNode } from '../../server/src/store/mapping.js';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import { testStore } from '../setup/test-app.js';

let store: GraphStore;
beforeAll(async () => {
  store = await testStore({ queryTimeoutMs: 60_000 });
});
afterAll(async () => {
  await store.close();
});

/** The two queries as they were before the rewrite (kept as fixtures, comments stripped as the server strips them). */
const before = (file: string): string =>
  readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('//'))
    .join('\n');
const PAIRING = before('cooperation-before.cypher');
const MEMBERS = before('cooperation-members-before.cypher');
/** cooperation.cypher as it was before it answered in rows: one record of lists. */
const ONE_RECORD = before('cooperation-one-record.cypher');

/** The service's answer before the rewrite: the pairing query, then the members of the pairs shown. */
async function rowsBefore(
  threatIds: string[],
  actor: string | null,
  level: CooperationLevel,
  minWeight: number,
  pairBudget?: number,
): Promise<CooperationRows | null> {
  const caps = cooperationCaps({ pairBudget });
  const run = (q: string, p: Record<string, unknown>) =>
    store.driver.executeQuery(q, p, { database: store.database, routing: neo4j.routing.READ });
  const rec = (
    await run(PAIRING, {
      threatIds,
      actor,
      level,
      minWeight: neo4j.int(minWeight),
      maxParticipants: neo4j.int(caps.maxParticipants),
      pairBudget: neo4j.int(caps.pairBudget),
      pairLimit: neo4j.int(caps.pairLimit),
      leftLimit: neo4j.int(caps.leftLimit),
      viasShown: neo4j.int(caps.viasShown),
    })
  ).records[0];
  // No row when no participant counts for a party (the service then failed with a 500): see `compare`.
  if (!rec) return null;
  const pairs = rec.get('pairs') as { a: Node; b: Node; weight: unknown; vias: Node[] }[];
  const key = (p: Node, v: Node): string => `${p.elementId} ${v.elementId}`;
  const wanted = new Map<string, { party: string; via: string }>();
  for (const { a, b, vias } of pairs)
    for (const v of vias)
      for (const p of [a, b]) wanted.set(key(p, v), { party: p.elementId, via: v.elementId });
  const ties = new Map<string, { m: Node; r: Relationship; up: Path | null }[]>();
  if (wanted.size)
    for (const r of (
      await run(MEMBERS, { ties: [...wanted.values()], level, membersShown: neo4j.int(caps.membersShown) })
    ).records)
      ties.set(`${String(r.get('party'))} ${String(r.get('via'))}`, r.get('members'));
  const rows = pairs.map(({ a, b, weight, vias }) => {
    const members = vias.flatMap((v) => [...(ties.get(key(a, v)) ?? []), ...(ties.get(key(b, v)) ?? [])]);
    const graph = collectGraph([a, b, vias, members.map((t) => [t.m, t.r, t.up])]);
    const parties = new Set([String(a.properties.id), String(b.properties.id)]);
    const via = vias.map(toGraphNode);
    const viaIds = new Set(via.map((v) => v.id));
    const own = (e: GraphEdge): boolean => parties.has(e.source) && viaIds.has(e.target);
    return {
      a: toGraphNode(a),
      b: toGraphNode(b),
      weight: Number(weight),
      via,
      edges: graph.edges.filter(own),
      members: graph.nodes.filter((n) => !parties.has(n.id) && !viaIds.has(n.id)),
      memberEdges: graph.edges.filter((e) => !own(e)),
      graph,
    };
  });
  const left = (rec.get('left') as { via: Node; participants: unknown }[]).map((x) => ({
    via: toGraphNode(x.via),
    participants: Number(x.participants),
  }));
  return {
    rows,
    total: Number(rec.get('total')),
    paired: Number(rec.get('paired')),
    left,
    leftTotal: Number(rec.get('leftTotal')),
  };
}

/** What an answer says, with lists whose order the queries never fixed (members, edges) sorted. */
function said(r: CooperationRows) {
  const ids = (xs: (GraphNode | GraphEdge)[]) => xs.map((x) => x.id).sort();
  return {
    pairs: r.rows.map((p) => ({
      a: p.a,
      b: p.b,
      weight: p.weight,
      via: p.via,
      edges: ids(p.edges),
      members: ids(p.members),
      memberEdges: ids(p.memberEdges),
    })),
    total: r.total,
    paired: r.paired,
    left: r.left,
    leftTotal: r.leftTotal,
  };
}

/**
 * The same answer as before; where the query before gave no row at all (a threat whose forums have no participant
 * counting for a party: the service failed on it), now an answer without pairs.
 */
function compare(now: CooperationRows, then: CooperationRows | null, what: string): void {
  if (then) expect(said(now), what).toEqual(said(then));
  else expect({ rows: now.rows, total: now.total }, what).toEqual({ rows: [], total: 0 });
}

const seed = readSeed();
const threats = seed.nodes.filter((n) => n.labels.includes('ThreatType')).map((n) => n.id);
const LEVELS: CooperationLevel[] = ['countries', 'organisations', 'people'];
let paired = 0;

describe('cooperation before and after the rewrite', () => {
  it('the seed has threats to ask about', () => {
    expect(threats.length).toBeGreaterThan(5);
  });

  // One test per threat: 12 answers each, both ways, beside other engineers' runs.
  for (const threat of threats)
    it(`answers ${threat} at every level, with and without an actor and a minimum weight, as before`, async () => {
      const { threatIds } = await resolveThreat(store, threat);
      for (const level of LEVELS)
        for (const [actor, minWeight] of [
          [null, 1],
          [null, 2],
          ['country:uk', 1],
          ['org:uk-home-office', 1],
        ] as const) {
          const now = await cooperationPairs(store, threatIds, actor, cooperationCaps({}), {
            level,
            minWeight,
          });
          compare(
            now,
            await rowsBefore(threatIds, actor, level, minWeight),
            `${level} ${actor} ${minWeight}`,
          );
          paired += now.rows.length;
        }
    }, 180_000);

  it('compared answers with pairs in them, not empty ones', () => {
    expect(paired).toBeGreaterThan(100);
  });

  it('a tight pair budget leaves out the same forums as before', async () => {
    const { threatIds } = await resolveThreat(store, 'threat:terrorism');
    const now = await cooperationPairs(store, threatIds, null, cooperationCaps({ pairBudget: 12 }), {
      level: 'countries',
      minWeight: 1,
    });
    expect(now.leftTotal).toBeGreaterThan(0);
    compare(now, await rowsBefore(threatIds, null, 'countries', 1, 12), 'budget 12');
  });
});

/** The forum read as it was when cooperation.cypher returned one record (main before the rows). */
async function forumsOneRecord(
  threatIds: string[],
  actor: string | null,
  level: CooperationLevel,
  pairBudget?: number,
): Promise<CooperationForums> {
  const params = cooperationQueryParams(threatIds, actor, cooperationCaps({ pairBudget }), level);
  const rec = (
    await store.driver.executeQuery(ONE_RECORD, params, {
      database: store.database,
      routing: neo4j.routing.READ,
    })
  ).records[0]!;
  const members = (rec.get('members') as Record<string, unknown>[]).map(toParticipant);
  return {
    narrow: rec.get('narrow') as string[],
    members,
    names: new Map(rec.get('names') as [string, string | null][]),
    left: (rec.get('left') as { via: Node; participants: unknown }[]).map((x) => ({
      via: toGraphNode(x.via),
      participants: Number(x.participants),
    })),
    leftTotal: Number(rec.get('leftTotal')),
  };
}

/** A forum read with the lists whose order the query never fixed (participants, names) sorted. */
function forumsSaid(f: CooperationForums) {
  return {
    narrow: f.narrow,
    members: [...f.members].sort((x, y) => (x.m < y.m ? -1 : x.m > y.m ? 1 : 0)),
    names: [...f.names].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
    left: f.left,
    leftTotal: f.leftTotal,
  };
}

let compared = 0;
describe('cooperation forums as rows and as one record', () => {
  for (const threat of threats)
    it(`reads ${threat} at every level, with and without an actor, as the one record did`, async () => {
      const { threatIds } = await resolveThreat(store, threat);
      for (const level of LEVELS)
        for (const actor of [null, 'country:uk', 'org:uk-home-office']) {
          const caps = cooperationCaps({});
          const rows = await readCooperationForums(store, threatIds, actor, caps, level);
          const one = await forumsOneRecord(threatIds, actor, level);
          const what = `${level} ${actor}`;
          expect(forumsSaid(rows), what).toEqual(forumsSaid(one));
          // The pairs made of them, in their order (the rest of the answer reads cooperation-members.cypher).
          for (const minWeight of [1, 2])
            expect(pairParties(rows.members, rows.names, minWeight), what).toEqual(
              pairParties(one.members, one.names, minWeight),
            );
          compared += rows.members.length;
        }
    }, 180_000);

  it('compared reads with participants in them, not empty ones', () => {
    expect(compared).toBeGreaterThan(100);
  });

  it('a tight pair budget leaves out the same forums as the one record did', async () => {
    const { threatIds } = await resolveThreat(store, 'threat:terrorism');
    const caps = cooperationCaps({ pairBudget: 12 });
    const rows = await readCooperationForums(store, threatIds, null, caps, 'countries');
    expect(rows.leftTotal).toBeGreaterThan(0);
    expect(forumsSaid(rows)).toEqual(forumsSaid(await forumsOneRecord(threatIds, null, 'countries', 12)));
  });
});
