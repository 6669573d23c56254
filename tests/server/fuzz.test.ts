// Fuzzing every endpoint (reliability/fuzz.ts): never a 5xx, a JSON error body with every 4xx, and the graph unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFuzz } from '../../reliability/fuzz.js';
import { deepJsonText } from '../../reliability/fuzz-values.js';
import { dropUser, loginAs, type LoggedIn } from '../setup/auth.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

/** Runs per endpoint: enough to reach every generator branch in well under a minute (FUZZ_RUNS for a longer local run). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

let app: TestApp;
let curator: LoggedIn;
let admin: LoggedIn;
beforeAll(async () => {
  app = await startTestApp();
  curator = await loginAs(app, 'curator');
  admin = await loginAs(app, 'admin');
});
afterAll(async () => {
  await dropUser(app, curator.username);
  await dropUser(app, admin.username);
  await app.close();
});

describe('fuzzing every endpoint', () => {
  it('answers malformed parameters and bodies (curator and admin writes included) without a 5xx, and leaves the graph as it was', async () => {
    const before = await graphFingerprint(app.store);
    expect(before.nodes).toBeGreaterThan(100);
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
    const result = await runFuzz({ baseUrl: app.baseUrl, numRuns: RUNS, seed, headers: { curator: curator.headers, admin: admin.headers }, only: process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined });
    if (process.env.FUZZ_RUNS) console.info('fuzz', result.requests, 'requests', result.statuses);
    expect(result.failures).toEqual([]);
    expect(result.serverErrors).toBe(0);
    // Every endpoint was reached RUNS times.
    expect(result.requests).toBeGreaterThanOrEqual(RUNS * (process.env.FUZZ_ONLY ? 1 : 40));
    expect(await graphFingerprint(app.store)).toEqual(before);
    // The accounts it used still work: no fuzzed request logged them out or changed them.
    expect((await app.send('GET', '/api/auth/me', undefined, curator.headers)).body.user.role).toBe('curator');
    expect((await app.send('GET', '/api/auth/me', undefined, admin.headers)).body.user.role).toBe('admin');
  }, 180_000);
});

describe('what fuzzing found, pinned', () => {
  it('refuses a JSON body nested past 64 levels with 400 BAD_REQUEST on every route (it overflowed JSON.stringify and the Bolt packer: 500)', async () => {
    const before = await graphFingerprint(app.store);
    const deep = deepJsonText(10_000, 'object');
    const cases: [string, string, string][] = [
      ['POST', '/api/workspaces', `{"name":"deep","scene":{"nodes":[],"filters":${deep}}}`],
      ['POST', '/api/export', `{"format":"json","query":"RETURN $p AS p","params":{"p":${deepJsonText(10_000, 'array')}}}`],
      ['POST', '/api/cypher', `{"query":"RETURN 1","params":{"p":${deep}}}`],
      ['POST', '/api/nodes', `{"label":"Country","name":"Deep","properties":${deep}}`],
    ];
    for (const [method, path, text] of cases) {
      const { status, body } = await app.send(method as 'POST', path, text, curator.headers);
      expect(status, path).toBe(400);
      expect(body.error, path).toMatchObject({ code: 'BAD_REQUEST', field: 'body' });
    }
    // 64 levels is still fine where the schema takes free-form values.
    const ok = await app.send('POST', '/api/cypher', `{"query":"RETURN size($p) AS n","params":{"p":${deepJsonText(30, 'array')}}}`);
    expect(ok.status).toBe(200);
    expect(await graphFingerprint(app.store)).toEqual(before);
  });

  it('answers a URL past the header limit with 431 HEADERS_TOO_LARGE as JSON (Node answered a bare status line)', async () => {
    const { status, body } = await app.get(`/api/search?q=${'%C3%A9'.repeat(20_000)}`);
    expect(status).toBe(431);
    expect(body.error.code).toBe('HEADERS_TOO_LARGE');
  });
});
