// Fuzzing every endpoint (reliability/fuzz.ts): never a 5xx, a JSON error body with every 4xx, and the graph unchanged.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ErrorResponse, MeResponse } from '../../contract/index.js';
import { runFuzz } from '../../reliability/fuzz.js';
import { deepJsonText } from '../../reliability/fuzz-values.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { useReliabilityApp } from '../setup/reliability-app.js';

/** Runs per endpoint: enough to reach every generator branch in well under a minute (FUZZ_RUNS for a longer local run). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const r = useReliabilityApp();

describe('fuzzing every endpoint', () => {
  it('answers malformed parameters and bodies (curator and admin writes included) without a 5xx, and leaves the graph as it was', async ({
    annotate,
  }) => {
    const before = await graphFingerprint(r.app.store);
    expect(before.nodes).toBeGreaterThan(100);
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
    const result = await runFuzz({
      baseUrl: r.app.baseUrl,
      numRuns: RUNS,
      seed,
      headers: r.headers,
      only: process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined,
    });
    if (process.env.FUZZ_RUNS)
      await annotate(`fuzz: ${result.requests} requests, statuses ${JSON.stringify(result.statuses)}`);
    expect(result.failures).toEqual([]);
    expect(result.serverErrors).toBe(0);
    // Every endpoint was reached RUNS times.
    expect(result.requests).toBeGreaterThanOrEqual(RUNS * (process.env.FUZZ_ONLY ? 1 : 40));
    expect(await graphFingerprint(r.app.store)).toEqual(before);
    // The accounts it used still work: no fuzzed request logged them out or changed them.
    expect(
      (await r.app.send<MeResponse>('GET', '/api/auth/me', undefined, r.headers.curator)).body.user?.role,
    ).toBe('curator');
    expect(
      (await r.app.send<MeResponse>('GET', '/api/auth/me', undefined, r.headers.admin)).body.user?.role,
    ).toBe('admin');
  }, 180_000);
});

describe('what fuzzing found, pinned', () => {
  it('refuses a JSON body nested past 64 levels with 400 BAD_REQUEST on every route (it overflowed JSON.stringify and the Bolt packer: 500)', async () => {
    const before = await graphFingerprint(r.app.store);
    const deep = deepJsonText(10_000, 'object');
    const cases: [string, string, string][] = [
      ['POST', '/api/workspaces', `{"name":"deep","scene":{"nodes":[],"filters":${deep}}}`],
      [
        'POST',
        '/api/export',
        `{"format":"json","query":"RETURN $p AS p","params":{"p":${deepJsonText(10_000, 'array')}}}`,
      ],
      ['POST', '/api/cypher', `{"query":"RETURN 1","params":{"p":${deep}}}`],
      ['POST', '/api/nodes', `{"label":"Country","name":"Deep","properties":${deep}}`],
    ];
    for (const [method, path, text] of cases) {
      const { status, body } = await r.app.send<ErrorResponse>(
        method as 'POST',
        path,
        text,
        r.headers.curator,
      );
      expect(status, path).toBe(400);
      expect(body.error, path).toMatchObject({ code: 'BAD_REQUEST', field: 'body' });
    }
    // 64 levels is still fine where the schema takes free-form values.
    const ok = await r.app.send(
      'POST',
      '/api/cypher',
      `{"query":"RETURN size($p) AS n","params":{"p":${deepJsonText(30, 'array')}}}`,
    );
    expect(ok.status).toBe(200);
    expect(await graphFingerprint(r.app.store)).toEqual(before);
  });

  it('answers a URL past the header limit with 431 HEADERS_TOO_LARGE as JSON (Node answered a bare status line)', async () => {
    const { status, body } = await r.app.get<ErrorResponse>(`/api/search?q=${'%C3%A9'.repeat(20_000)}`);
    expect(status).toBe(431);
    expect(body.error.code).toBe('HEADERS_TOO_LARGE');
  });

  it('answers broken HTTP framing (no request line, Content-Length with chunked, NUL in a header) with a JSON 400', async () => {
    const { port } = new URL(r.app.baseUrl);
    const raw = (text: string) =>
      new Promise<string>((resolve) => {
        let out = '';
        const s = connect(Number(port), '127.0.0.1', () => s.end(text));
        s.on('data', (d) => {
          out += d;
        });
        s.on('close', () => resolve(out));
        s.on('error', () => resolve(out));
      });
    for (const text of [
      'GARBAGE\r\n\r\n',
      'GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      'GET /api/health HTTP/1.1\r\nHost: x\r\nX: a\u0000b\r\n\r\n',
    ]) {
      const answer = await raw(text);
      expect(answer, JSON.stringify(text)).toMatch(/^HTTP\/1\.1 400 /);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error.code).toBe('BAD_REQUEST');
    }
  });
});
