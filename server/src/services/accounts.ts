// Use cases of accounts: log in (cookie session or bearer token), log out, and admins managing users.
import type {
  LoginRequest,
  Role,
  UserCreateRequest,
  UserRecord,
  UserUpdateRequest,
} from '../../../contract/index.js';
import type { AuthSettings } from '../auth/auth-settings.js';
import { ForbiddenError, UnauthorizedError } from '../auth/roles.js';
import { newToken, tokenHash } from '../auth/session-token.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { GraphStore } from '../store/neo4j-store.js';
import {
  createSession,
  createUser,
  deleteSession,
  deleteUser,
  findUserForLogin,
  listUsers,
  purgeExpiredSessions,
  updateUser,
  type SessionKind,
} from '../store/user-store.js';

/** The one answer to a wrong username or password, so neither reveals whether the account exists. */
export const INVALID_CREDENTIALS = 'Invalid username or password.';

export interface LoginOutcome {
  user: { username: string; role: Role };
  /** The secret the client holds: the cookie's value, or the bearer token. */
  sessionToken: string;
  csrfToken: string;
  kind: SessionKind;
  ttlMs: number;
}

/**
 * Checks the password with argon2id (against a dummy hash when the user does not exist, so timing does not
 * tell), then opens a session. A disabled account is refused only once the password was right.
 */
export async function logIn(store: GraphStore, auth: AuthSettings, req: LoginRequest): Promise<LoginOutcome> {
  await purgeExpiredSessions(store).catch(() => undefined);
  const stored = await findUserForLogin(store, req.username);
  const ok = stored
    ? await auth.hasher.verify(stored.passwordHash, req.password)
    : await auth.hasher.verifyDummy(req.password);
  if (!stored || !ok) throw new UnauthorizedError(INVALID_CREDENTIALS);
  if (stored.disabled) throw new ForbiddenError('This account is disabled; ask an admin to enable it.');
  const sessionToken = newToken();
  const csrfToken = newToken();
  const kind: SessionKind = req.token ? 'bearer' : 'cookie';
  const ttlMs = auth.sessionTtlHours * 3_600_000;
  const opened = await createSession(store, {
    username: stored.username,
    tokenHash: tokenHash(sessionToken),
    csrfToken,
    kind,
    ttlSeconds: ttlMs / 1000,
  });
  // Disabled or deleted between the check and now.
  if (!opened) throw new UnauthorizedError(INVALID_CREDENTIALS);
  return { user: { username: stored.username, role: stored.role }, sessionToken, csrfToken, kind, ttlMs };
}

/** Ends the session whose token hash is given. */
export async function logOut(store: GraphStore, sessionHash: string): Promise<void> {
  await deleteSession(store, sessionHash);
}

export const allUsers = (store: GraphStore): Promise<UserRecord[]> => listUsers(store);

export async function addUser(
  store: GraphStore,
  auth: AuthSettings,
  req: UserCreateRequest,
): Promise<UserRecord> {
  return createUser(store, {
    username: req.username,
    role: req.role,
    passwordHash: await auth.hasher.hash(req.password),
  });
}

const lastAdmin = (username: string, what: string, field: string): ConflictError =>
  new ConflictError(
    `${username} is the last enabled admin: ${what} would leave nobody able to manage users. Make another user admin first.`,
    field,
  );

/** Changes role, password and/or enabled state; `keepSession` (the caller's own session) survives a password change. */
export async function changeUser(
  store: GraphStore,
  auth: AuthSettings,
  username: string,
  req: UserUpdateRequest,
  keepSession?: string,
): Promise<UserRecord> {
  const passwordHash = req.password === undefined ? undefined : await auth.hasher.hash(req.password);
  const out = await updateUser(store, username, {
    role: req.role,
    disabled: req.disabled,
    passwordHash,
    keepSession,
  });
  if (out.kind === 'missing') throw new NotFoundError(`No user named "${username}".`, 'username');
  if (out.kind === 'last-admin')
    throw req.disabled
      ? lastAdmin(username, 'disabling them', 'disabled')
      : lastAdmin(username, 'demoting them', 'role');
  return out.user;
}

export async function removeUser(store: GraphStore, username: string): Promise<void> {
  const out = await deleteUser(store, username);
  if (out === 'missing') throw new NotFoundError(`No user named "${username}".`, 'username');
  if (out === 'last-admin') throw lastAdmin(username, 'deleting them', 'username');
}
