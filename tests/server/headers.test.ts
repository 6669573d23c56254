// Security headers, cookie flags and the static file server, read from outside over real HTTP: CSP, HSTS only over
// https, no X-Powered-By; `..`, encoded slashes and dotfiles never reach a file, and nothing under .data/ is served.
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropUser, ensureUser, testUsername } from '../setup/auth.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

/** A deployment's layout in a temporary root: the built client in dist/client, the secrets in .data/ beside it. */
let root: string;
const SECRET = `auth-secret-${Math.random().toString(36).slice(2)}-never-served`;
const HIDDEN = `hidden-${Math.random().toString(36).slice(2)}`;
const INDEX = '<!doctype html><title>explorer shell</title>';

let app: TestApp;
/** The same app behind a trusted proxy (TRUST_PROXY=1), as behind an https terminator. */
let proxied: TestApp;
let user: { username: string; password: string };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'secgraph-headers-'));
  const client = join(root, 'dist/client');
  mkdirSync(join(client, 'assets'), { recursive: true });
  mkdirSync(join(client, '.data'), { recursive: true });
  mkdirSync(join(root, '.data/neo4j'), { recursive: true });
  writeFileSync(join(client, 'index.html'), INDEX);
  writeFileSync(join(client, 'assets/app.js'), 'console.log("app");');
  writeFileSync(join(client, '.hidden'), HIDDEN);
  writeFileSync(join(client, '.data/inside'), HIDDEN);
  writeFileSync(join(client, '.env'), HIDDEN);
  writeFileSync(join(root, '.data/auth-secret'), SECRET);
  writeFileSync(join(root, '.data/neo4j/store'), SECRET);
  writeFileSync(join(root, 'package.json'), SECRET);
  app = await startTestApp({ clientDir: client });
  proxied = await startTestApp({ store: app.store, clientDir: client, trustProxy: 1 });
  const username = testUsername('headers');
  user = { username, password: (await ensureUser(app, { username, role: 'viewer' })).password };
});
afterAll(async () => {
  await dropUser(app, user.username);
  await proxied.close();
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with the path sent exactly as written (fetch and URL would normalise `..` and `%2e` away). */
function raw(
  on: TestApp,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Raw> {
  const { hostname, port } = new URL(on.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const json = (body: unknown) => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** A page, an asset, the API, an API 404, a 400, a 401, a static 404: every kind of answer. */
const SAMPLES = [
  '/',
  '/assets/app.js',
  '/api/health',
  '/api/nope',
  '/api/search',
  '/api/users',
  '/missing.js',
];

describe('security headers', () => {
  it('every answer carries the CSP (no inline script or style, no framing), nosniff, and no X-Powered-By', async () => {
    for (const path of SAMPLES) {
      const res = await raw(app, path);
      const csp = String(res.headers['content-security-policy'] ?? '');
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
      expect(res.headers['x-powered-by'], path).toBeUndefined();
      // Express's own 404 page for a missing file sets the strictest policy of all; that is fine too.
      if (csp === "default-src 'none'") continue;
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).toContain("script-src-attr 'none'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain('unsafe-inline');
      expect(csp, path).not.toContain('unsafe-eval');
    }
  });

  it('sends HSTS over https behind a trusted proxy, and never over plain http or to a spoofed X-Forwarded-Proto', async () => {
    for (const path of SAMPLES) {
      const https = await raw(proxied, path, { headers: { 'X-Forwarded-Proto': 'https' } });
      expect(https.headers['strict-transport-security'], path).toBe('max-age=31536000; includeSubDomains');
      expect(https.headers['x-powered-by'], path).toBeUndefined();
      expect((await raw(proxied, path)).headers['strict-transport-security'], path).toBeUndefined();
      // Without TRUST_PROXY the header is anyone's to send, so it is not believed.
      const spoofed = await raw(app, path, { headers: { 'X-Forwarded-Proto': 'https' } });
      expect(spoofed.headers['strict-transport-security'], path).toBeUndefined();
    }
  });
});

describe('cookie flags', () => {
  const cookieOf = (res: Raw, name: string): string =>
    ([res.headers['set-cookie'] ?? []].flat() as string[]).find((c) => c.startsWith(`${name}=`)) ?? '';

  it('the session cookie is HttpOnly, SameSite=Strict, Path=/, and Secure exactly when the request was https', async () => {
    const login = (on: TestApp, headers: Record<string, string> = {}) =>
      raw(on, '/api/auth/login', {
        method: 'POST',
        ...json({ username: user.username, password: user.password }),
        headers: { 'content-type': 'application/json', ...headers },
      });
    const http = cookieOf(await login(app), 'sid');
    expect(http).toMatch(/^sid=[A-Za-z0-9_-]{43};/);
    expect(http).toMatch(/; HttpOnly/i);
    expect(http).toMatch(/; SameSite=Strict/i);
    expect(http).toMatch(/; Path=\/(;|$)/);
    expect(http).not.toMatch(/Secure/i);
    const https = cookieOf(await login(proxied, { 'X-Forwarded-Proto': 'https' }), 'sid');
    expect(https).toMatch(/; Secure/i);
    expect(https).toMatch(/; HttpOnly/i);
    expect(https).toMatch(/; SameSite=Strict/i);

    // Logging out clears it with the same flags (a browser matches on them).
    const sid = /^sid=([^;]+)/.exec(https)![1];
    const me = await raw(proxied, '/api/auth/me', {
      headers: { Cookie: `sid=${sid}`, 'X-Forwarded-Proto': 'https' },
    });
    const csrf = JSON.parse(me.body).csrfToken as string;
    const out = await raw(proxied, '/api/auth/logout', {
      method: 'POST',
      headers: { Cookie: `sid=${sid}`, 'X-CSRF-Token': csrf, 'X-Forwarded-Proto': 'https' },
    });
    expect(out.status).toBe(204);
    const cleared = cookieOf(out, 'sid');
    expect(cleared).toMatch(/^sid=;/);
    expect(cleared).toMatch(/; HttpOnly/i);
    expect(cleared).toMatch(/; Secure/i);
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('the anonymous workspace key is HttpOnly, SameSite=Strict, Path=/api, a session cookie, and Secure over https', async () => {
    const ids: string[] = [];
    const save = async (on: TestApp, headers: Record<string, string> = {}) => {
      const res = await raw(on, '/api/workspaces', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          name: `Headers ${Math.random().toString(36).slice(2)}`,
          scene: { nodes: [] },
        }),
      });
      expect(res.status).toBe(201);
      ids.push(JSON.parse(res.body).id);
      return cookieOf(res, 'wsk');
    };
    try {
      const http = await save(app);
      expect(http).toMatch(/^wsk=[A-Za-z0-9_-]{43};/);
      expect(http).toMatch(/; HttpOnly/i);
      expect(http).toMatch(/; SameSite=Strict/i);
      expect(http).toMatch(/; Path=\/api(;|$)/);
      expect(http).not.toMatch(/Secure|Expires|Max-Age/i);
      expect(await save(proxied, { 'X-Forwarded-Proto': 'https' })).toMatch(/; Secure/i);
    } finally {
      await app.store.driver.executeQuery(
        'MATCH (w:Workspace) WHERE w.id IN $ids DELETE w',
        { ids },
        { database: app.store.database },
      );
    }
  });
});

describe('the static file server', () => {
  it('serves the client: the shell, its assets, and client-side paths', async () => {
    const home = await raw(app, '/');
    expect(home.status).toBe(200);
    expect(home.body).toBe(INDEX);
    expect((await raw(app, '/assets/app.js')).status).toBe(200);
    const route = await raw(app, '/explore/somewhere');
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX);
  });

  /** Ways to climb out of dist/client or reach a dotfile: plain, percent-encoded (either case), double-encoded, backslashes. */
  const PROBES = [
    '/.data/auth-secret',
    '/.data/neo4j/store',
    '/.data/',
    '/.data',
    '/.hidden',
    '/.env',
    '/.data/inside',
    '/assets/../.hidden',
    '/%2ehidden',
    '/%2Edata/inside',
    '/.git/config',
    '/../.data/auth-secret',
    '/../../.data/auth-secret',
    '/../../package.json',
    '/assets/../../../.data/auth-secret',
    '/%2e%2e/%2e%2e/.data/auth-secret',
    '/%2E%2E/%2E%2E/.data/auth-secret',
    '/%2e%2e/%2e%2e/package.json',
    '/..%2f..%2f.data%2fauth-secret',
    '/assets%2f..%2f..%2f..%2f.data%2fauth-secret',
    '/%2e%2e%2f%2e%2e%2f.data%2fauth-secret',
    '/%2F..%2F..%2F.data%2Fauth-secret',
    '/%252e%252e/%252e%252e/.data/auth-secret',
    '/..%5c..%5c.data%5cauth-secret',
    '/..\\..\\.data\\auth-secret',
    '//.data/auth-secret',
    '/assets/..%2f..%2f..%2f.data%2fauth-secret',
    '/api/../.data/auth-secret',
    '/api/%2e%2e/%2e%2e/.data/auth-secret',
    '/api/..%2f..%2f.data%2fauth-secret',
  ];

  it('answers 404 to every `..`, encoded slash or dot, backslash and dotfile probe, and never serves a byte under .data/', async () => {
    for (const path of PROBES) {
      for (const method of ['GET', 'HEAD']) {
        const res = await raw(app, path, { method });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.body, `${method} ${path}`).not.toContain(SECRET);
        expect(res.body, `${method} ${path}`).not.toContain(HIDDEN);
        expect(res.body, `${method} ${path}`).not.toContain('explorer shell');
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    }
  });
});
