// GET /api/paths reads true: paths pass through actors, forums, agreements and events (a shared threat type or
// technology only with throughTopics=true), strongest first (undisputed, then confirmed, reported, speculative),
// then fewest hops, each with its weakest claim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse, GraphNode, PathsResponse } from '../../contract/index.js';
import { CONFIDENCE_LEVELS } from '../../model/index.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

type PathGraph = PathsResponse['paths'][number];

let app: TestApp;
const stamp = Math.random().toString(36).slice(2, 8);
const fx = (name: string): string => `${name}:zz-paths-${stamp}`;
const A = fx('org');
const B = fx('country');
const EVENT = fx('event');
const TECH = fx('tech');
const db = () => ({ database: app.store.database });

beforeAll(async () => {
  app = await startTestApp();
  // Two actors of their own: linked through an event, and (one hop shorter through each side) a shared technology.
  await app.store.driver.executeQuery(
    `CREATE (a:Entity:Actor:Organization {id: $a, name: 'Paths fixture agency', version: 1, evidence: '[]', sourceIds: []})
     CREATE (b:Entity:Actor:Country {id: $b, name: 'Paths fixture country', version: 1, evidence: '[]', sourceIds: []})
     CREATE (e:Entity:Event {id: $e, name: 'Paths fixture raid', version: 1, evidence: '[]', sourceIds: []})
     CREATE (t:Entity:Technology {id: $t, name: 'Paths fixture drones', version: 1, evidence: '[]', sourceIds: []})
     CREATE (a)-[:PARTICIPATED_IN {id: $a + '|PARTICIPATED_IN|' + $e, evidence: '[]'}]->(e)
     CREATE (b)-[:PARTICIPATED_IN {id: $b + '|PARTICIPATED_IN|' + $e, evidence: '[]', confidence: 'reported'}]->(e)
     CREATE (a)-[:USES_TECHNOLOGY {id: $a + '|USES_TECHNOLOGY|' + $t, evidence: '[]'}]->(t)
     CREATE (b)-[:USES_TECHNOLOGY {id: $b + '|USES_TECHNOLOGY|' + $t, evidence: '[]'}]->(t)`,
    { a: A, b: B, e: EVENT, t: TECH },
    db(),
  );
});
afterAll(async () => {
  await app.store.driver.executeQuery(
    'MATCH (n:Entity) WHERE n.id IN $ids DETACH DELETE n',
    { ids: [A, B, EVENT, TECH] },
    db(),
  );
  await app.close();
});

async function paths(qs: string): Promise<PathGraph[]> {
  const { status, body } = await app.get(`/api/paths?${qs}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return (body as PathsResponse).paths;
}

/** The nodes between a path's ends. */
const inner = (p: PathGraph, from: string, to: string): GraphNode[] =>
  p.nodes.filter((n) => n.id !== from && n.id !== to);
const isTopic = (n: GraphNode): boolean => n.labels.includes('ThreatType') || n.labels.includes('Technology');

/** The weakest claim of a path, worked out here from its relationships and inner nodes. */
function weakestOf(p: PathGraph, from: string, to: string): { weakest: string; disputed: boolean } {
  const claims = [...p.edges.map((e) => e.properties), ...inner(p, from, to).map((n) => n.properties)];
  const level = (c: Record<string, unknown>): number =>
    CONFIDENCE_LEVELS.indexOf((c.confidence as never) ?? 'confirmed');
  return {
    weakest: CONFIDENCE_LEVELS[Math.max(...claims.map(level))]!,
    disputed: claims.some((c) => c.disputed === true),
  };
}

/** A path's place in the order: undisputed first, then its weakest level, then hops. */
const rank = (p: PathGraph): number[] => [
  Number(p.strength.disputed),
  CONFIDENCE_LEVELS.indexOf(p.strength.weakest),
  p.edges.length,
];
const compare = (a: number[], b: number[]): number => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
const ordered = (ps: PathGraph[]): boolean =>
  ps.every((p, i) => i === 0 || compare(rank(ps[i - 1]!), rank(p)) <= 0);

describe('GET /api/paths: through cooperation, not shared topics', () => {
  it('France → Canada goes through the United Kingdom, never through a threat type', async () => {
    const fr = 'country:fr';
    const ca = 'country:ca';
    const [shortest] = await paths(`from=${fr}&to=${ca}&mode=shortest`);
    expect(shortest).toBeDefined();
    expect(shortest!.nodes.map((n) => n.id)).toContain('country:uk');
    expect(inner(shortest!, fr, ca).some(isTopic)).toBe(false);
    for (const mode of ['all-shortest', 'k-paths&k=10']) {
      const all = await paths(`from=${fr}&to=${ca}&mode=${mode}&maxHops=4`);
      expect(all.length, mode).toBeGreaterThan(1);
      for (const p of all) expect(inner(p, fr, ca).some(isTopic), mode).toBe(false);
    }
    // Shared topics are a shortcut only when asked for: then some equally short path runs through one.
    const withTopics = await paths(`from=${fr}&to=${ca}&mode=all-shortest&throughTopics=true`);
    expect(withTopics.some((p) => inner(p, fr, ca).some(isTopic))).toBe(true);
    expect(withTopics[0]!.edges.length).toBe(shortest!.edges.length);
  });

  it('passes through an event, and through a shared technology only with throughTopics=true', async () => {
    const off = await paths(`from=${A}&to=${B}&mode=all-shortest`);
    expect(off.map((p) => inner(p, A, B).map((n) => n.id))).toEqual([[EVENT]]);
    const on = await paths(`from=${A}&to=${B}&mode=all-shortest&throughTopics=true`);
    expect(on.map((p) => inner(p, A, B).map((n) => n.id))).toEqual([[TECH], [EVENT]]);
    // Equally short: the confirmed path through the technology comes before the reported one through the event.
    expect(on.map((p) => p.strength.weakest)).toEqual(['confirmed', 'reported']);
    const [one] = await paths(`from=${A}&to=${B}&mode=shortest&throughTopics=true`);
    expect(inner(one!, A, B).map((n) => n.id)).toEqual([TECH]);
    expect(await paths(`from=${A}&to=${B}&mode=shortest&relTypes=USES_TECHNOLOGY`)).toEqual([]);
  });
});

describe('GET /api/paths: strongest first', () => {
  it('all-shortest ranks a path over a confirmed COOPERATES_WITH before one over a speculative RECOMMENDED_PARTNER', async () => {
    const fr = 'country:fr';
    const ca = 'country:ca';
    const all = await paths(`from=${fr}&to=${ca}&mode=all-shortest`);
    const over = (type: string) => all.findIndex((p) => p.edges.some((e) => e.type === type));
    expect(over('COOPERATES_WITH')).toBeGreaterThanOrEqual(0);
    expect(over('RECOMMENDED_PARTNER')).toBeGreaterThan(over('COOPERATES_WITH'));
    expect(all[0]!.strength).toEqual({ weakest: 'confirmed', disputed: false });
    const speculative = all.find((p) => p.edges.some((e) => e.type === 'RECOMMENDED_PARTNER'))!;
    expect(speculative.strength.weakest).toBe('speculative');
    expect(ordered(all)).toBe(true);
  });

  it('every path carries its weakest claim, and the lists are in order of strength, then hops', async () => {
    for (const qs of [
      'from=country:fr&to=country:ca&mode=all-shortest',
      'from=country:fr&to=person:kristi-noem&mode=k-paths&k=10&maxHops=5',
      'from=country:uk&to=person:mahmood&mode=k-paths&k=10&maxHops=4',
      'from=org:unoct&to=country:uk&mode=all-shortest&throughTopics=true&maxHops=6',
    ]) {
      const ps = await paths(qs);
      expect(ps.length, qs).toBeGreaterThan(0);
      const from = new URLSearchParams(qs).get('from')!;
      const to = new URLSearchParams(qs).get('to')!;
      for (const p of ps) expect(p.strength, qs).toEqual(weakestOf(p, from, to));
      expect(ordered(ps), qs).toBe(true);
    }
  });

  it('shortest gives the strongest of the shortest paths, and a disputed one when that is all there is', async () => {
    const all = await paths('from=country:fr&to=country:ca&mode=all-shortest');
    const [one] = await paths('from=country:fr&to=country:ca&mode=shortest');
    expect(one!.strength).toEqual(all[0]!.strength);
    expect(one!.edges.length).toBe(all[0]!.edges.length);
    // Mahmood and Cleverly are rival claims to one office: every short path between them is disputed.
    const [rivals] = await paths('from=person:mahmood&to=person:james-cleverly&mode=shortest');
    expect(rivals!.strength.disputed).toBe(true);
    expect(rivals!.edges.some((e) => e.properties.disputed === true)).toBe(true);
  });

  it.each([
    ['throughTopics=yes', 'throughTopics'],
    ['throughTopics=1', 'throughTopics'],
    ['throughTopics=TRUE', 'throughTopics'],
  ])('refuses %s with 400 naming %s', async (qs, field) => {
    const { status, body } = await app.get<ErrorResponse>(`/api/paths?from=country:fr&to=country:ca&${qs}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });
});
