// The read lane (server/src/read-lane.ts) answers what Express answers: the same requests sent to an app with the
// lane and to one without (`readLane: false`) get the same status, headers and body, and the lane did answer the
// ones it takes — so each comparison fails if the lane answers differently or stops answering at all.
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppDeps } from '../../server/src/app.js';
import { authSettings } from '../../server/src/auth/auth-settings.js';
import type { ReadLane } from '../../server/src/read-lane.js';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import { TEST_AUTH_SECRET, testStore } from '../setup/test-app.js';

interface Running {
  base: string;
  lane: ReadLane | undefined;
  lines: Record<string, unknown>[];
  close(): Promise<void>;
}

let store: GraphStore;
const running: Running[] = [];

async function start(opts: Partial<AppDeps> & { authRequired?: boolean } = {}): Promise<Running> {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n'))
        if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = createApp({
    store,
    logger: pino({ level: 'info' }, sink),
    auth: authSettings({ secret: TEST_AUTH_SECRET, authRequired: opts.authRequired }),
    ...opts,
  });
  const server = await new Promise<Server>((res) => {
    const s = app.listen(0, '127.0.0.1', () => res(s));
  });
  const r: Running = {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lane: app.get('read lane') as ReadLane | undefined,
    lines,
    close: () => new Promise<void>((res) => server.close(() => res())),
  };
  running.push(r);
  return r;
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, so nothing is added to the request (fetch adds headers of its own). */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // The path as written (a URL string would lose its fragment and normalise it).
    request(base, { path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: { ...res.headers }, body }));
    })
      .on('error', reject)
      .end();
  });
}

/**
 * What must be the same both ways: everything but the date, the request's own random id and the seconds left in
 * the rate limit's window (each app's window started when its first request came).
 */
function comparable(a: Answer): Answer {
  const headers = { ...a.headers };
  delete headers.date;
  delete headers['x-request-id'];
  if (typeof headers.ratelimit === 'string')
    headers.ratelimit = headers.ratelimit.replace(/; t=\d+$/, '; t=…');
  return { ...a, headers };
}

beforeAll(async () => {
  store = await testStore();
});
afterAll(async () => {
  await Promise.all(running.map((r) => r.close()));
  await store.close();
});

/** Requests the lane takes: each read endpoint, answers and refusals of the contract, encoded and odd paths. */
const LANE_TAKES = [
  '/api/health',
  '/api/schema',
  '/api/search?q=five',
  '/api/search?q=france&limit=3',
  '/api/search?q=five&limit=abc',
  '/api/search?q=five&limit=1&limit=2',
  '/api/search?q=five&colour=red',
  '/api/search',
  '/api/nodes/country:fr',
  '/api/nodes/country%3Afr',
  '/api/nodes/country:fr/',
  '/api/Nodes/country:fr',
  '/api/nodes/country:atlantis',
  '/api/nodes/country:uk/neighbours?limit=3&skip=3',
  '/api/nodes/country:uk/neighbours?relTypes=MEMBER_OF,HELD_IN',
  '/api/nodes/country:uk/neighbours?limit=0',
  '/api/nodes/country:fr/neighbour-counts',
  '/api/nodes/country:fr/neighbourhood?limit=20',
  '/api/paths?from=country:fr&to=country:us&mode=shortest',
  '/api/paths?from=country:fr&to=country:atlantis',
  '/api/cooperation?threat=threat:terrorism',
  '/api/cooperation?threat=nothing',
];

/** Requests the lane leaves to Express (it must not count them), with the headers that send them there. */
const EXPRESS_TAKES: [string, Record<string, string>][] = [
  ['/api/search?q=nato', { cookie: 'theme=dark' }],
  ['/api/search?q=nato', { authorization: 'Bearer not-a-valid-token-at-all-000000' }],
  ['/api/nodes/country:fr', { 'if-none-match': 'W/"1-abc"' }],
  ['/api/nodes/%E0%A4%A/neighbours', {}],
  ['/api/nodes/country:fr/history', {}],
  ['/api/no-such-endpoint', {}],
  ['/API/search?q=nato', {}],
  // A fragment: Express's URL parser reads the query without it (the lane would have read `q` as "nato#x").
  ['/api/search?q=nato#x', {}],
  ['/', {}],
];

describe('the read lane', () => {
  it('answers every read as Express does: status, headers (rate limit and ETag included) and body', async () => {
    const lane = await start();
    const plain = await start({ readLane: false });
    expect(lane.lane, 'the app with the lane has one').toBeDefined();
    expect(plain.lane).toBeUndefined();
    for (const path of LANE_TAKES) {
      const before = lane.lane!.served;
      const a = await get(lane.base, path);
      const b = await get(plain.base, path);
      expect(lane.lane!.served, `${path}: answered by the lane`).toBe(before + 1);
      expect(comparable(a), path).toEqual(comparable(b));
      expect(a.headers['x-request-id'], path).toMatch(/^[\w-]{36}$/);
    }
    // The answers were real ones, not one error repeated.
    const statuses = new Set<number>();
    for (const path of LANE_TAKES) statuses.add((await get(lane.base, path)).status);
    expect([...statuses].sort()).toEqual([200, 400, 404]);
    const found = JSON.parse((await get(lane.base, '/api/search?q=five')).body) as {
      nodes: { id: string }[];
    };
    expect(found.nodes.map((n) => n.id)).toContain('forum:five-eyes');
  });

  it('leaves requests with credentials, validators, undecodable paths and other routes to Express', async () => {
    const lane = await start();
    const plain = await start({ readLane: false });
    for (const [path, headers] of EXPRESS_TAKES) {
      const before = lane.lane!.served;
      const a = await get(lane.base, path, headers);
      const b = await get(plain.base, path, headers);
      expect(lane.lane!.served, `${path}: not the lane's`).toBe(before);
      expect(comparable(a).status, path).toBe(comparable(b).status);
    }
  });

  it('keeps the caller id it was sent and logs each answer as Express does', async () => {
    const lane = await start();
    const plain = await start({ readLane: false });
    for (const r of [lane, plain]) {
      const ok = await get(r.base, '/api/nodes/country:fr', { 'x-request-id': 'trace-42' });
      expect(ok.headers['x-request-id']).toBe('trace-42');
      await get(r.base, '/api/search?q=five&limit=abc', { 'x-request-id': 'trace-43' });
    }
    await new Promise((res) => setTimeout(res, 50));
    const seen = (r: Running) =>
      r.lines.map((l) => ({
        msg: l.msg,
        req: l.req,
        res: l.res,
        code: l.code,
        field: l.field,
      }));
    expect(seen(lane)).toEqual(seen(plain));
    expect(seen(lane).map((l) => l.msg)).toEqual([
      'request completed',
      'request refused',
      'request completed',
    ]);
  });

  it('counts one address across both ways and refuses past the limit as Express does', async () => {
    const limits = { perIp: 3, perUser: 0, windowMs: 60_000 };
    const lane = await start({ rateLimits: limits });
    const plain = await start({ rateLimits: limits, readLane: false });
    const both = async (path: string, headers: Record<string, string> = {}) => {
      const a = await get(lane.base, path, headers);
      const b = await get(plain.base, path, headers);
      expect(comparable(a), path).toEqual(comparable(b));
      return a;
    };
    const served = lane.lane!.served;
    await both('/api/search?q=nato');
    // A request Express answers (it carries a cookie) takes from the same count.
    await both('/api/search?q=nato', { cookie: 'theme=dark' });
    const third = await both('/api/nodes/country:fr');
    expect(third.headers.ratelimit).toMatch(/r=0/);
    const refused = await both('/api/nodes/country:fr');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    // The health check is never limited.
    expect((await both('/api/health')).status).toBe(200);
    expect(lane.lane!.served).toBe(served + 4);
  });

  it('takes nothing when anonymous reads are refused (AUTH_REQUIRED): Express answers the 401', async () => {
    const lane = await start({ authRequired: true });
    const plain = await start({ authRequired: true, readLane: false });
    for (const path of ['/api/search?q=nato', '/api/nodes/country:fr', '/api/health']) {
      const a = await get(lane.base, path);
      expect(comparable(a), path).toEqual(comparable(await get(plain.base, path)));
    }
    expect((await get(lane.base, '/api/search?q=nato')).status).toBe(401);
    // The health probe stays open to everyone, so the lane still answers it.
    expect(lane.lane!.served).toBe(1);
  });

  it('is off behind a proxy (TRUST_PROXY): addresses and https come from headers Express reads', async () => {
    const proxied = await start({ trustProxy: 1 });
    expect(proxied.lane).toBeUndefined();
    expect((await get(proxied.base, '/api/nodes/country:fr')).status).toBe(200);
  });
});
