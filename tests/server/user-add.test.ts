// `npm run user:add`: creates an account with the server's pepper, refuses duplicates and short passwords, resets with --reset.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LoginResponse } from '../../contract/index.js';
import { dropUser, testPassword, testUsername } from '../setup/auth.js';
import { startTestApp, TEST_AUTH_SECRET, type TestApp } from '../setup/test-app.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let app: TestApp;
const username = testUsername('cli');
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await dropUser(app, username);
  await app.close();
});

/** Runs the script as `npm run user:add` would, against the test database, with stdin not a terminal (async: the app under test shares this event loop). */
function userAdd(
  args: string[],
  password?: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USERNAME: inject('neo4jUser'),
    NEO4J_PASSWORD: inject('neo4jPassword'),
    AUTH_SECRET: TEST_AUTH_SECRET.toString('utf8'),
    LOG_LEVEL: 'silent',
  };
  delete env.SECGRAPH_PASSWORD;
  if (inject('neo4jDatabase')) env.NEO4J_DATABASE = inject('neo4jDatabase');
  if (password !== undefined) env.SECGRAPH_PASSWORD = password;
  const child = spawn('npx', ['tsx', 'scripts/user-add.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr.on('data', (d) => {
    stderr += String(d);
  });
  return new Promise((res) => child.on('close', (status) => res({ status, stdout, stderr })));
}

const login = (u: string, password: string) =>
  app.send<LoginResponse>('POST', '/api/auth/login', { username: u, password, token: true });

describe('npm run user:add', () => {
  it('creates an admin from SECGRAPH_PASSWORD that can log in to the app', async () => {
    const password = testPassword();
    const r = await userAdd(['--username', username, '--role', 'admin'], password);
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Created admin ${username}`);
    const { status, body } = await login(username, password);
    expect(status).toBe(200);
    expect(body.user).toEqual({ username, role: 'admin' });
  });

  it('refuses an existing username without --reset, a short password, a bad role and a missing password, changing nothing', async () => {
    const dup = await userAdd(['--username', username.toUpperCase(), '--role', 'viewer'], testPassword());
    expect(dup.status).toBe(1);
    expect(dup.stderr).toMatch(/already exists; add --reset/);
    expect((await userAdd(['--username', `${username}-b`], 'short')).stderr).toMatch(
      /at least 10 characters/,
    );
    expect((await userAdd(['--username', `${username}-b`, '--role', 'root'], testPassword())).stderr).toMatch(
      /--role "root": expected one of viewer, curator, admin/,
    );
    const noPassword = await userAdd(['--username', `${username}-b`]);
    expect(noPassword.status).toBe(1);
    expect(noPassword.stderr).toMatch(/SECGRAPH_PASSWORD/);
    expect((await userAdd([], testPassword())).stderr).toMatch(/--username is required/);
    const users = await app.store.driver.executeQuery(
      'MATCH (u:User) WHERE u.usernameKey STARTS WITH $k RETURN u.role AS role',
      { k: username },
      { database: app.store.database },
    );
    expect(users.records.map((r) => r.get('role'))).toEqual(['admin']);
  });

  it('--reset changes role and password and ends old sessions', async () => {
    const old = (await app.send('POST', '/api/auth/login', { username, password: 'x'.repeat(12) })).status;
    expect(old).toBe(401);
    const first = testPassword();
    await userAdd(['--username', username, '--role', 'admin', '--reset'], first);
    const session = await login(username, first);
    const next = testPassword();
    const r = await userAdd(['--username', username, '--role', 'curator', '--reset'], next);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Reset .*role curator/);
    expect(
      (await app.send('GET', '/api/auth/me', undefined, { Authorization: `Bearer ${session.body.token}` }))
        .status,
    ).toBe(401);
    expect((await login(username, first)).status).toBe(401);
    expect((await login(username, next)).body.user).toEqual({ username, role: 'curator' });
  });
});
