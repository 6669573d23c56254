// Test accounts: create users directly through the user store, and log in as a fresh user of a role.
import { randomBytes } from 'node:crypto';
import type { LoginResponse, Role, UserRecord } from '../../contract/index.js';
import { deleteUser, upsertUser } from '../../server/src/store/user-store.js';
import type { TestApp } from './test-app.js';

/** A test user's name: recognisable, unique per call. */
export const testUsername = (role: string): string => `test-${role}-${randomBytes(4).toString('hex')}`;

/** A password long enough for the API's rule, random per call. */
export const testPassword = (): string => `pw-${randomBytes(12).toString('base64url')}`;

/**
 * Creates the user, or resets an existing one to this role and password (enabled again, sessions
 * ended), through the user store with the app's hasher. Returns the password used.
 */
export async function ensureUser(
  app: TestApp,
  u: { username: string; role: Role; password?: string },
): Promise<{ user: UserRecord; password: string }> {
  const password = u.password ?? testPassword();
  const { user } = await upsertUser(app.store, {
    username: u.username,
    role: u.role,
    passwordHash: await app.auth.hasher.hash(password),
  });
  return { user, password };
}

/** Removes a test user and its sessions (refused only for the last enabled admin). */
export async function dropUser(app: TestApp, username: string): Promise<void> {
  await deleteUser(app.store, username);
}

export interface LoggedIn {
  /** `Authorization: Bearer <token>`: pass to `app.send(method, path, body, headers)`. */
  headers: Record<string, string>;
  username: string;
  password: string;
  token: string;
}

/** Logs in through the API with `{token: true}` as a fresh user of `role` (or the given one) and returns bearer headers. */
export async function loginAs(app: TestApp, role: Role, username = testUsername(role)): Promise<LoggedIn> {
  const { password } = await ensureUser(app, { username, role });
  const { status, body } = await app.send<LoginResponse>('POST', '/api/auth/login', {
    username,
    password,
    token: true,
  });
  if (status !== 200 || typeof body?.token !== 'string')
    throw new Error(`loginAs(${role}): login answered ${status} ${JSON.stringify(body)}`);
  return { headers: { Authorization: `Bearer ${body.token}` }, username, password, token: body.token };
}

/** A browser-style login: the `sid` cookie and CSRF token, as headers for reads and for writes. */
export async function cookieLogin(
  app: TestApp,
  username: string,
  password: string,
): Promise<{
  cookie: string;
  csrfToken: string;
  setCookie: string;
  read: Record<string, string>;
  write: Record<string, string>;
}> {
  const { status, body, headers } = await app.send<LoginResponse>('POST', '/api/auth/login', {
    username,
    password,
  });
  const setCookie = headers.get('set-cookie') ?? '';
  const m = /(?:^|,\s*)sid=([^;]+)/.exec(setCookie);
  if (status !== 200 || !m || body.csrfToken === null)
    throw new Error(`cookieLogin(${username}): login answered ${status} ${JSON.stringify(body)}`);
  const cookie = `sid=${m[1]}`;
  return {
    cookie,
    csrfToken: body.csrfToken,
    setCookie,
    read: { Cookie: cookie },
    write: { Cookie: cookie, 'X-CSRF-Token': body.csrfToken },
  };
}
