// Accounts: login/logout/me with cookie sessions and bearer tokens, CSRF, rate limits, AUTH_REQUIRED, admin user management.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CypherResponse,
  ErrorResponse,
  LoginResponse,
  MeResponse,
  UserListResponse,
  UserRecord,
  Workspace,
  WorkspaceListResponse,
} from '../../contract/index.js';
import { pino } from 'pino';
import {
  cookieLogin,
  dropUser,
  ensureUser,
  loginAs,
  testPassword,
  testUsername,
  type LoggedIn,
} from '../setup/auth.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

/** Every line the app logs, to prove no password, token or cookie ever reaches the log. */
const logLines: string[] = [];
const capture = new Writable({
  write(chunk, _enc, done) {
    logLines.push(String(chunk));
    done();
  },
});

let app: TestApp;
let admin: LoggedIn;
const users: string[] = [];
/** Every response body and header this file saw, to prove no password or hash ever leaves the server. */
const answers: string[] = [];

beforeAll(async () => {
  app = await startTestApp({
    logger: pino({ level: 'trace' }, capture),
    loginLimits: { perUsername: 4, perIp: 1000 },
  });
  admin = await loginAs(app, 'admin');
  users.push(admin.username);
});
afterAll(async () => {
  for (const u of users.reverse()) await dropUser(app, u).catch(() => undefined);
  await app.close();
});

/** A request through the app that records what came back. */
async function call<T = unknown>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) {
  const res = await app.send<T>(method, path, body, headers);
  answers.push(JSON.stringify(res.body), JSON.stringify([...res.headers.entries()]));
  return res;
}

async function newUser(
  role: 'viewer' | 'curator' | 'admin',
): Promise<{ username: string; password: string }> {
  const username = testUsername(role);
  const { password } = await ensureUser(app, { username, role });
  users.push(username);
  return { username, password };
}

describe('login, me and logout', () => {
  it('logs in with a cookie session: httpOnly, SameSite=Strict, Path=/, not Secure over http; me names the user and the CSRF token', async () => {
    const u = await newUser('curator');
    const s = await cookieLogin(app, u.username.toUpperCase(), u.password);
    expect(s.setCookie).toMatch(/^sid=[A-Za-z0-9_-]{43};/);
    expect(s.setCookie).toMatch(/HttpOnly/i);
    expect(s.setCookie).toMatch(/SameSite=Strict/i);
    expect(s.setCookie).toMatch(/Path=\//);
    expect(s.setCookie).toMatch(/Max-Age=43200/);
    expect(s.setCookie).not.toMatch(/Secure/i);
    expect(s.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await call('GET', '/api/auth/me', undefined, s.read);
    expect(me.body).toEqual({
      user: { username: u.username, role: 'curator' },
      csrfToken: s.csrfToken,
      authRequired: false,
    });

    const out = await call('POST', '/api/auth/logout', undefined, s.write);
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^sid=;/);
    expect((await call('GET', '/api/auth/me', undefined, s.read)).body).toEqual({
      user: null,
      csrfToken: null,
      authRequired: false,
    });
  });

  it('marks the cookie Secure when the request came over https (behind a trusted proxy), and only then', async () => {
    const u = await newUser('viewer');
    const proxied = await startTestApp({ store: app.store, trustProxy: 1 });
    try {
      const https = await proxied.send(
        'POST',
        '/api/auth/login',
        { username: u.username, password: u.password },
        { 'X-Forwarded-Proto': 'https' },
      );
      expect(https.headers.get('set-cookie')).toMatch(/; Secure/i);
      const http = await proxied.send('POST', '/api/auth/login', {
        username: u.username,
        password: u.password,
      });
      expect(http.headers.get('set-cookie')).not.toMatch(/Secure/i);
    } finally {
      await proxied.close();
    }
    // Without TRUST_PROXY the header is not believed.
    const spoofed = await call(
      'POST',
      '/api/auth/login',
      { username: u.username, password: u.password },
      { 'X-Forwarded-Proto': 'https' },
    );
    expect(spoofed.headers.get('set-cookie')).not.toMatch(/Secure/i);
  });

  it('stores only a SHA-256 of the session token, never the token', async () => {
    const u = await newUser('viewer');
    const s = await cookieLogin(app, u.username, u.password);
    const token = s.cookie.slice('sid='.length);
    const rows = await app.store.driver.executeQuery(
      'MATCH (s:Session {usernameKey: $k}) RETURN properties(s) AS p',
      { k: u.username },
      { database: app.store.database },
    );
    expect(rows.records).toHaveLength(1);
    const stored = JSON.stringify(rows.records[0]!.get('p'));
    expect(stored).not.toContain(token);
    expect(stored).toMatch(/"tokenHash":"[0-9a-f]{64}"/);
  });

  it('anonymous me says so', async () => {
    expect((await call('GET', '/api/auth/me')).body).toEqual({
      user: null,
      csrfToken: null,
      authRequired: false,
    });
  });

  it('gives a bearer token for scripts, which works without CSRF and ends with logout', async () => {
    const u = await newUser('curator');
    const login = await call<LoginResponse>('POST', '/api/auth/login', {
      username: u.username,
      password: u.password,
      token: true,
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toBeNull();
    expect(login.body).toMatchObject({ user: { username: u.username, role: 'curator' }, csrfToken: null });
    const headers = { Authorization: `Bearer ${login.body.token}` };
    expect((await call<MeResponse>('GET', '/api/auth/me', undefined, headers)).body.user).toEqual({
      username: u.username,
      role: 'curator',
    });
    // A write without any CSRF header: bearer requests need none.
    const ws = await call<Workspace>(
      'POST',
      '/api/workspaces',
      { name: `bearer ${u.username}`, scene: { nodes: [] } },
      headers,
    );
    expect(ws.status).toBe(201);
    await call('DELETE', `/api/workspaces/${ws.body.id}`, undefined, headers);
    expect((await call('POST', '/api/auth/logout', undefined, headers)).status).toBe(204);
    const after = await call<ErrorResponse>('GET', '/api/auth/me', undefined, headers);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHORIZED');
    expect(
      (await call<ErrorResponse>('GET', '/api/auth/me', undefined, { Authorization: 'Bearer nonsense' })).body
        .error.code,
    ).toBe('UNAUTHORIZED');
  });

  it('answers a wrong password and an unknown username alike, in similar time', async () => {
    const u = await newUser('viewer');
    const time = async (body: unknown) => {
      const t = performance.now();
      const r = await call<ErrorResponse>('POST', '/api/auth/login', body);
      return { r, ms: performance.now() - t };
    };
    /** The median of three tries, so one slow moment on a shared machine does not decide. */
    const median = async (body: unknown) => {
      const runs = [await time(body), await time(body), await time(body)].sort((a, b) => a.ms - b.ms);
      return runs[1]!;
    };
    // Warm both paths (the dummy hash is made on first use).
    await time({ username: `warm-${u.username}`, password: 'whatever-long' });
    const wrong = await median({ username: u.username, password: 'not-the-password' });
    const unknown = await median({ username: `nobody-${u.username}`, password: 'not-the-password' });
    expect(wrong.r.status).toBe(401);
    expect(unknown.r.status).toBe(401);
    expect(wrong.r.body).toEqual(unknown.r.body);
    expect(wrong.r.body.error).toEqual({ code: 'UNAUTHORIZED', message: 'Invalid username or password.' });
    // Both run one argon2id verification: within a factor of three of each other, and neither instant.
    expect(Math.min(wrong.ms, unknown.ms)).toBeGreaterThan(Math.max(wrong.ms, unknown.ms) / 3);
  });

  it('rate-limits failed logins per username with 429 RATE_LIMITED, even for the right password', async () => {
    const u = await newUser('viewer');
    for (let i = 0; i < 4; i++)
      expect(
        (await call('POST', '/api/auth/login', { username: u.username, password: `wrong-${i}-xxxxx` }))
          .status,
      ).toBe(401);
    const limited = await call<ErrorResponse>('POST', '/api/auth/login', {
      username: u.username,
      password: u.password,
    });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    // Another username from the same address is not held back by that counter.
    const other = await newUser('viewer');
    expect(
      (
        await call('POST', '/api/auth/login', {
          username: other.username,
          password: other.password,
          token: true,
        })
      ).status,
    ).toBe(200);
  });

  it('rate-limits failed logins per IP', async () => {
    const tight = await startTestApp({ store: app.store, loginLimits: { perIp: 3, perUsername: 100 } });
    try {
      for (let i = 0; i < 3; i++)
        expect(
          (
            await tight.send('POST', '/api/auth/login', {
              username: `ghost-${i}`,
              password: 'wrong-password',
            })
          ).status,
        ).toBe(401);
      const r = await tight.send<ErrorResponse>('POST', '/api/auth/login', {
        username: 'ghost-4',
        password: 'wrong-password',
      });
      expect(r.status).toBe(429);
      expect(r.body.error.code).toBe('RATE_LIMITED');
      expect(r.headers.get('ratelimit-policy')).toBeTruthy();
    } finally {
      await tight.close();
    }
  });

  it('refuses a malformed login with 400 naming the field', async () => {
    const r = await call<ErrorResponse>('POST', '/api/auth/login', { username: 'x' });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token (403 CSRF_FAILED) or with a wrong one, and accepts the right one', async () => {
    const u = await newUser('viewer');
    const s = await cookieLogin(app, u.username, u.password);
    const body = { name: `csrf ${u.username}`, scene: { nodes: [] } };
    const none = await call<ErrorResponse>('POST', '/api/workspaces', body, s.read);
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('CSRF_FAILED');
    const wrong = await call<ErrorResponse>('POST', '/api/workspaces', body, {
      ...s.read,
      'X-CSRF-Token': 'A'.repeat(43),
    });
    expect(wrong.body.error.code).toBe('CSRF_FAILED');
    expect((await call<ErrorResponse>('POST', '/api/auth/logout', undefined, s.read)).body.error.code).toBe(
      'CSRF_FAILED',
    );
    const names = (await call<WorkspaceListResponse>('GET', '/api/workspaces')).body.workspaces.map(
      (w: { name: string }) => w.name,
    );
    expect(names).not.toContain(body.name);

    const ok = await call<Workspace>('POST', '/api/workspaces', body, s.write);
    expect(ok.status).toBe(201);
    expect((await call('DELETE', `/api/workspaces/${ok.body.id}`, undefined, s.write)).status).toBe(204);
  });
});

describe('disabled and deleted users', () => {
  it("a disabled user's sessions stop at once, and the user cannot log in again", async () => {
    const u = await newUser('curator');
    const s = await cookieLogin(app, u.username, u.password);
    const bearer = await call<LoginResponse>('POST', '/api/auth/login', {
      username: u.username,
      password: u.password,
      token: true,
    });
    const off = await call('PATCH', `/api/users/${u.username}`, { disabled: true }, admin.headers);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ username: u.username, disabled: true });
    expect((await call<MeResponse>('GET', '/api/auth/me', undefined, s.read)).body.user).toBeNull();
    expect(
      (
        await call<MeResponse>('GET', '/api/auth/me', undefined, {
          Authorization: `Bearer ${bearer.body.token}`,
        })
      ).status,
    ).toBe(401);
    const again = await call<ErrorResponse>('POST', '/api/auth/login', {
      username: u.username,
      password: u.password,
    });
    expect(again.status).toBe(403);
    expect(again.body.error.code).toBe('FORBIDDEN');
    // Wrong password for a disabled account: the same answer as for anyone else.
    expect(
      (
        await call<ErrorResponse>('POST', '/api/auth/login', {
          username: u.username,
          password: 'wrong-password-x',
        })
      ).body.error.message,
    ).toBe('Invalid username or password.');
  });

  it("a deleted user's bearer token stops working at once", async () => {
    const u = await loginAs(app, 'viewer');
    expect((await call('DELETE', `/api/users/${u.username}`, undefined, admin.headers)).status).toBe(204);
    expect((await call('GET', '/api/auth/me', undefined, u.headers)).status).toBe(401);
  });
});

describe('AUTH_REQUIRED', () => {
  let closed: TestApp;
  beforeAll(async () => {
    closed = await startTestApp({ store: app.store, authRequired: true });
  });
  afterAll(async () => {
    await closed.close();
  });

  const reads = [
    '/api/schema',
    '/api/search?q=france',
    '/api/nodes/country:fr',
    '/api/nodes/country:fr/neighbours',
    '/api/nodes/country:fr/neighbour-counts',
    '/api/paths?from=country:fr&to=country:uk',
    '/api/cooperation?threat=threat:terrorism',
    '/api/workspaces',
    '/api/export?format=json&nodeIds=country:fr',
    '/api/users',
  ];

  it('answers 401 to anonymous reads and writes, except health and the auth endpoints', async () => {
    for (const path of reads) {
      const r = await closed.get<ErrorResponse>(path);
      expect(r.status, path).toBe(401);
      expect(r.body.error.code, path).toBe('UNAUTHORIZED');
    }
    expect((await closed.send('POST', '/api/cypher', { query: 'RETURN 1' })).status).toBe(401);
    expect((await closed.get('/api/health')).status).toBe(200);
    expect((await closed.get('/api/auth/me')).body).toEqual({
      user: null,
      csrfToken: null,
      authRequired: true,
    });
  });

  it('lets a logged-in viewer read', async () => {
    const v = await loginAs(closed, 'viewer');
    users.push(v.username);
    for (const path of reads.filter((p) => p !== '/api/users'))
      expect((await closed.send('GET', path, undefined, v.headers)).status, path).toBe(200);
    expect(
      (await closed.send<CypherResponse>('POST', '/api/cypher', { query: 'RETURN 1 AS one' }, v.headers)).body
        .rows,
    ).toEqual([[1]]);
    expect((await closed.send('GET', '/api/users', undefined, v.headers)).status).toBe(403);
  });

  it('is off by default: the open app serves anonymous reads', async () => {
    for (const path of reads.filter((p) => p !== '/api/users'))
      expect((await call('GET', path)).status, path).toBe(200);
  });
});

describe('user management', () => {
  it('is for admins only: 401 anonymous, 403 viewer and curator', async () => {
    const viewer = await loginAs(app, 'viewer');
    const curator = await loginAs(app, 'curator');
    users.push(viewer.username, curator.username);
    const attempts: [string, 'GET' | 'POST' | 'PATCH' | 'DELETE', unknown][] = [
      ['/api/users', 'GET', undefined],
      ['/api/users', 'POST', { username: testUsername('x'), password: testPassword(), role: 'viewer' }],
      [`/api/users/${viewer.username}`, 'PATCH', { role: 'admin' }],
      [`/api/users/${viewer.username}`, 'DELETE', undefined],
    ];
    for (const [path, method, body] of attempts) {
      expect((await call(method, path, body)).status, `anonymous ${method} ${path}`).toBe(401);
      for (const who of [viewer, curator]) {
        const r = await call<ErrorResponse>(method, path, body, who.headers);
        expect(r.status, `${who.username} ${method} ${path}`).toBe(403);
        expect(r.body.error.code).toBe('FORBIDDEN');
      }
    }
    expect((await call<MeResponse>('GET', '/api/auth/me', undefined, viewer.headers)).body.user?.role).toBe(
      'viewer',
    );
  });

  it('creates, lists, changes role, resets the password, and deletes a user', async () => {
    const username = testUsername('made');
    const password = testPassword();
    const made = await call('POST', '/api/users', { username, password, role: 'viewer' }, admin.headers);
    expect(made.status).toBe(201);
    expect(made.body).toEqual({
      username,
      role: 'viewer',
      disabled: false,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    users.push(username);
    const list = await call<UserListResponse>('GET', '/api/users', undefined, admin.headers);
    expect(list.body.users.find((u: { username: string }) => u.username === username)).toEqual(made.body);

    const taken = await call<ErrorResponse>(
      'POST',
      '/api/users',
      { username: username.toUpperCase(), password, role: 'viewer' },
      admin.headers,
    );
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'CONFLICT', field: 'username' });

    expect(
      (await call<UserRecord>('PATCH', `/api/users/${username}`, { role: 'curator' }, admin.headers)).body
        .role,
    ).toBe('curator');
    const first = await call<LoginResponse>('POST', '/api/auth/login', { username, password, token: true });
    expect(first.body.user.role).toBe('curator');
    const newPassword = testPassword();
    expect(
      (await call('PATCH', `/api/users/${username}`, { password: newPassword }, admin.headers)).status,
    ).toBe(200);
    // The reset ends the old sessions; only the new password logs in.
    expect(
      (
        await call<MeResponse>('GET', '/api/auth/me', undefined, {
          Authorization: `Bearer ${first.body.token}`,
        })
      ).status,
    ).toBe(401);
    expect((await call('POST', '/api/auth/login', { username, password })).status).toBe(401);
    expect(
      (await call('POST', '/api/auth/login', { username, password: newPassword, token: true })).status,
    ).toBe(200);

    expect((await call('DELETE', `/api/users/${username}`, undefined, admin.headers)).status).toBe(204);
    expect((await call('DELETE', `/api/users/${username}`, undefined, admin.headers)).status).toBe(404);
    expect((await call('POST', '/api/auth/login', { username, password: newPassword })).status).toBe(401);
  });

  it('refuses short passwords, unknown roles and empty changes with 400 naming the field', async () => {
    const short = await call<ErrorResponse>(
      'POST',
      '/api/users',
      { username: testUsername('s'), password: 'short', role: 'viewer' },
      admin.headers,
    );
    expect(short.status).toBe(400);
    expect(short.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
    const role = await call<ErrorResponse>(
      'POST',
      '/api/users',
      { username: testUsername('s'), password: testPassword(), role: 'root' },
      admin.headers,
    );
    expect(role.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'role' });
    const badName = await call<ErrorResponse>(
      'POST',
      '/api/users',
      { username: 'a b', password: testPassword(), role: 'viewer' },
      admin.headers,
    );
    expect(badName.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'username' });
    const empty = await call('PATCH', `/api/users/${admin.username}`, {}, admin.headers);
    expect(empty.status).toBe(400);
    const resetShort = await call<ErrorResponse>(
      'PATCH',
      `/api/users/${admin.username}`,
      { password: 'short' },
      admin.headers,
    );
    expect(resetShort.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'password' });
  });

  it('never lets the last enabled admin be demoted, disabled or deleted', async () => {
    // Make this test's admin the only enabled one: disable the others for the duration, then restore them.
    const others = (await call<UserListResponse>('GET', '/api/users', undefined, admin.headers)).body.users
      .filter(
        (u: { username: string; role: string; disabled: boolean }) =>
          u.role === 'admin' && !u.disabled && u.username !== admin.username,
      )
      .map((u: { username: string }) => u.username) as string[];
    try {
      for (const o of others)
        expect((await call('PATCH', `/api/users/${o}`, { disabled: true }, admin.headers)).status).toBe(200);
      for (const [method, body, field] of [
        ['PATCH', { role: 'curator' }, 'role'],
        ['PATCH', { disabled: true }, 'disabled'],
        ['DELETE', undefined, 'username'],
      ] as const) {
        const r = await call<ErrorResponse>(method, `/api/users/${admin.username}`, body, admin.headers);
        expect(r.status, `${method} ${JSON.stringify(body)}`).toBe(409);
        expect(r.body.error).toMatchObject({ code: 'CONFLICT', field });
      }
      expect((await call<MeResponse>('GET', '/api/auth/me', undefined, admin.headers)).body.user).toEqual({
        username: admin.username,
        role: 'admin',
      });
      // With a second admin, demoting the first is allowed.
      const second = await newUser('admin');
      const demote = await call('PATCH', `/api/users/${admin.username}`, { role: 'curator' }, admin.headers);
      expect(demote.status).toBe(200);
      const secondLogin = await loginAs(app, 'admin', second.username);
      expect(
        (
          await call<UserRecord>(
            'PATCH',
            `/api/users/${admin.username}`,
            { role: 'admin' },
            secondLogin.headers,
          )
        ).body.role,
      ).toBe('admin');
    } finally {
      for (const o of others) await call('PATCH', `/api/users/${o}`, { disabled: false }, admin.headers);
    }
  });
});

describe('secrets stay secret', () => {
  it('no response and no log line ever carried a password, hash, session token or cookie', async () => {
    const u = await newUser('viewer');
    const s = await cookieLogin(app, u.username, u.password);
    await call('GET', '/api/auth/me', undefined, s.read);
    await call('POST', '/api/workspaces', 'not json', { ...s.write, 'content-type': 'application/json' });
    await call('POST', '/api/auth/login', `{"username":"${u.username}","password":"${u.password}"`, {
      'content-type': 'application/json',
    });
    const hashes = (
      await app.store.driver.executeQuery(
        'MATCH (u:User) RETURN u.passwordHash AS h',
        {},
        { database: app.store.database },
      )
    ).records.map((r) => r.get('h') as string);
    expect(hashes.length).toBeGreaterThan(3);
    expect(logLines.length).toBeGreaterThan(20);
    const logs = logLines.join('\n');
    const seen = answers.join('\n');
    expect(logs).toContain('/api/auth/login');
    for (const secret of [
      u.password,
      admin.password,
      s.cookie.slice(4),
      s.csrfToken,
      admin.token,
      ...hashes,
    ]) {
      expect(logs.includes(secret), 'a secret in the log').toBe(false);
    }
    for (const secret of [u.password, admin.password, ...hashes])
      expect(seen.includes(secret), 'a secret in a response').toBe(false);
    expect(seen).not.toMatch(/passwordHash|\$argon2/);
    expect(logs).not.toMatch(/passwordHash|\$argon2|authorization|"cookie"|set-cookie/i);
  });
});
