// GET /api/cooperation at scale: a pair limit (most shared first) and forums too broad to pair up listed apart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CooperationResponse, ErrorResponse } from '../../contract/index.js';
import { MAX_PAIRING_PARTICIPANTS, cooperationOnThreat } from '../../server/src/services/cooperation.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
const stamp = Math.random().toString(36).slice(2, 8);
const THREAT = `threat:zz-caps-${stamp}`;
const BROAD = `forum:zz-caps-broad-${stamp}`;
const SMALL = `forum:zz-caps-small-${stamp}`;
const actorId = (i: number): string => `org:zz-caps-${stamp}-${i}`;
const db = () => ({ database: app.store.database });

beforeAll(async () => {
  app = await startTestApp();
  // One forum with one participant more than the pairing cap, and a small one shared by three of them.
  await app.store.driver.executeQuery(
    `CREATE (t:Entity:ThreatType {id: $threat, name: 'Caps fixture threat', version: 1, evidence: '[]', sourceIds: []})
     CREATE (broad:Entity:Forum {id: $broad, name: 'Caps broad forum', version: 1, evidence: '[]', sourceIds: []})-[:ADDRESSES {id: $broad + '|ADDRESSES|' + $threat, evidence: '[]'}]->(t)
     CREATE (small:Entity:Forum {id: $small, name: 'Caps small forum', version: 1, evidence: '[]', sourceIds: []})-[:ADDRESSES {id: $small + '|ADDRESSES|' + $threat, evidence: '[]'}]->(t)
     WITH broad, small
     UNWIND range(0, $n - 1) AS i
     CREATE (a:Entity:Actor:Organization {id: $prefix + i, name: 'Caps org ' + i, version: 1, evidence: '[]', sourceIds: []})
     CREATE (a)-[:PARTICIPATED_IN {id: $prefix + i + '|PARTICIPATED_IN|' + $broad, evidence: '[]'}]->(broad)
     FOREACH (_ IN CASE WHEN i < 3 THEN [1] ELSE [] END | CREATE (a)-[:PARTICIPATED_IN {id: $prefix + i + '|PARTICIPATED_IN|' + $small, evidence: '[]'}]->(small))`,
    {
      threat: THREAT,
      broad: BROAD,
      small: SMALL,
      n: MAX_PAIRING_PARTICIPANTS + 1,
      prefix: `org:zz-caps-${stamp}-`,
    },
    db(),
  );
});
afterAll(async () => {
  await app.store.driver.executeQuery(
    'MATCH (n:Entity) WHERE n.id STARTS WITH $p OR n.id IN [$threat, $broad, $small] DETACH DELETE n',
    { p: `org:zz-caps-${stamp}-`, threat: THREAT, broad: BROAD, small: SMALL },
    db(),
  );
  await app.close();
});

const coop = async (query: string): Promise<CooperationResponse> => {
  const { status, body } = await app.get(`/api/cooperation?${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as CooperationResponse;
};

describe('cooperation caps', () => {
  it('a forum above the pairing cap gives no pairs and is listed as broad with its size; a small one still pairs', async () => {
    const r = await coop(`threat=${encodeURIComponent(THREAT)}`);
    expect(r.broad?.map((b) => [b.via.id, b.participants])).toEqual([[BROAD, MAX_PAIRING_PARTICIPANTS + 1]]);
    // Three members of the small forum: three pairs, each through the small forum only.
    expect(r.pairs.map((p) => [p.a.id, p.b.id].sort().join(' & ')).sort()).toEqual(
      [
        [0, 1],
        [0, 2],
        [1, 2],
      ]
        .map(([x, y]) => [actorId(x!), actorId(y!)].sort().join(' & '))
        .sort(),
    );
    for (const p of r.pairs) expect(p.via.map((v) => v.id)).toEqual([SMALL]);
    expect({ total: r.total, truncated: r.truncated }).toEqual({ total: 3, truncated: false });
  });

  it('limit keeps the pairs that share most, in the same order, and says how many there were', async () => {
    const all = await coop('threat=threat:terrorism');
    expect(all.pairs.length).toBeGreaterThan(3);
    expect({ total: all.total, truncated: all.truncated, broad: all.broad }).toEqual({
      total: all.pairs.length,
      truncated: false,
      broad: [],
    });
    const few = await coop('threat=threat:terrorism&limit=3');
    expect(few.pairs.map((p) => `${p.a.id}|${p.b.id}`)).toEqual(
      all.pairs.slice(0, 3).map((p) => `${p.a.id}|${p.b.id}`),
    );
    expect({ total: few.total, truncated: few.truncated }).toEqual({
      total: all.pairs.length,
      truncated: true,
    });
    const shared = all.pairs.map((p) => p.via.length);
    expect(shared).toEqual([...shared].sort((a, b) => b - a));
  });

  it('with a pair budget the smallest forums pair up first and the larger ones are listed, largest first, with their count', async () => {
    const full = await cooperationOnThreat(app.store, { threat: 'threat:terrorism' });
    expect({ broadTotal: full.broadTotal, broad: full.broad }).toEqual({ broadTotal: 0, broad: [] });
    const vias = full.paired!;
    expect(vias).toBeGreaterThan(2);
    // Room for a handful of pair rows (n participants give n(n-1)): only the smallest forums fit.
    const tight = await cooperationOnThreat(app.store, { threat: 'threat:terrorism', pairBudget: 12 });
    expect(tight.paired).toBeGreaterThan(0);
    expect(tight.paired! + tight.broadTotal!).toBe(vias);
    expect(tight.broad!.length).toBe(tight.broadTotal);
    const sizes = tight.broad!.map((b) => b.participants);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    // Every pair comes through forums that were paired up, never through one listed as left out.
    const left = new Set(tight.broad!.map((b) => b.via.id));
    for (const p of tight.pairs) for (const v of p.via) expect(left.has(v.id), v.id).toBe(false);
    expect(tight.total!).toBeLessThan(full.total!);
    expect(new Set(tight.pairs.flatMap((p) => p.via.map((v) => v.id))).size).toBeLessThanOrEqual(
      tight.paired!,
    );
  });

  it('refuses a bad limit with 400 naming it', async () => {
    const { status, body } = await app.get<ErrorResponse>('/api/cooperation?threat=threat:terrorism&limit=0');
    expect(status).toBe(400);
    expect(body.error.field).toBe('limit');
  });
});
