// Accounts and sessions in Neo4j (:User, :Session); plain objects out, the password hash only to the login check.
import neo4j from 'neo4j-driver';
import type { AuthUser, Role, UserRecord } from '../../../contract/index.js';
import { ConflictError } from '../errors.js';
import { plain } from './mapping.js';
import type { GraphStore } from './neo4j-store.js';

/** The case-insensitive key behind a username ("Alice" and "alice" are one account). */
export const usernameKey = (username: string): string => username.toLocaleLowerCase('en');

/** An account with its hash: only for the login check, never sent anywhere. */
export interface StoredUser {
  username: string;
  role: Role;
  disabled: boolean;
  passwordHash: string;
}

/** How a session was opened: a browser cookie (CSRF token required on writes) or a bearer token for scripts. */
export type SessionKind = 'cookie' | 'bearer';

/** The user behind a live session, with its CSRF token. */
export interface SessionUser {
  user: AuthUser;
  csrfToken: string;
  kind: SessionKind;
}

const taken = (err: unknown, username: string): unknown =>
  (err as { code?: string })?.code === 'Neo.ClientError.Schema.ConstraintValidationFailed'
    ? new ConflictError(
        `The username "${username}" is taken (usernames ignore letter case); choose another.`,
        'username',
      )
    : err;

export async function createUser(
  store: GraphStore,
  u: { username: string; role: Role; passwordHash: string },
): Promise<UserRecord> {
  try {
    const res = await store.write('user-create', { ...u, usernameKey: usernameKey(u.username) });
    return plain(res.records[0]!.get('user')) as UserRecord;
  } catch (err) {
    throw taken(err, u.username);
  }
}

/** Creates the user or resets role, password and enabled state (ending its sessions); says which. */
export async function upsertUser(
  store: GraphStore,
  u: { username: string; role: Role; passwordHash: string },
): Promise<{ user: UserRecord; created: boolean }> {
  const rec = (await store.write('user-upsert', { ...u, usernameKey: usernameKey(u.username) })).records[0]!;
  return { user: plain(rec.get('user')) as UserRecord, created: rec.get('created') as boolean };
}

export async function findUserForLogin(store: GraphStore, username: string): Promise<StoredUser | null> {
  const rec = (await store.read('user-by-key', { usernameKey: usernameKey(username) })).records[0];
  return rec ? (plain(rec.get('user')) as StoredUser) : null;
}

export async function listUsers(store: GraphStore): Promise<UserRecord[]> {
  return (await store.read('user-list')).records.map((r) => plain(r.get('user')) as UserRecord);
}

/** Outcome of a guarded change: applied, refused because it would leave no enabled admin, or no such user. */
export type UserChangeOutcome =
  { kind: 'applied'; user: UserRecord } | { kind: 'last-admin' } | { kind: 'missing' };

export async function updateUser(
  store: GraphStore,
  username: string,
  change: { role?: Role; disabled?: boolean; passwordHash?: string; keepSession?: string },
): Promise<UserChangeOutcome> {
  const rec = (
    await store.write('user-update', {
      usernameKey: usernameKey(username),
      role: change.role ?? null,
      disabled: change.disabled ?? null,
      passwordHash: change.passwordHash ?? null,
      keepSession: change.keepSession ?? null,
    })
  ).records[0];
  if (!rec) return { kind: 'missing' };
  return rec.get('lastAdmin')
    ? { kind: 'last-admin' }
    : { kind: 'applied', user: plain(rec.get('user')) as UserRecord };
}

export async function deleteUser(
  store: GraphStore,
  username: string,
): Promise<'deleted' | 'last-admin' | 'missing'> {
  const rec = (await store.write('user-delete', { usernameKey: usernameKey(username) })).records[0];
  if (!rec) return 'missing';
  return rec.get('lastAdmin') ? 'last-admin' : 'deleted';
}

/** Stores a session under the hash of its token; false when the user no longer exists or is disabled. */
export async function createSession(
  store: GraphStore,
  s: { username: string; tokenHash: string; csrfToken: string; kind: SessionKind; ttlSeconds: number },
): Promise<boolean> {
  const res = await store.write('session-create', {
    usernameKey: usernameKey(s.username),
    tokenHash: s.tokenHash,
    csrfToken: s.csrfToken,
    kind: s.kind,
    ttlSeconds: neo4j.int(Math.round(s.ttlSeconds)),
  });
  return res.records.length > 0;
}

export async function findSession(store: GraphStore, tokenHash: string): Promise<SessionUser | null> {
  const rec = (await store.read('session-lookup', { tokenHash })).records[0];
  if (!rec) return null;
  return {
    user: { username: rec.get('username') as string, role: rec.get('role') as Role },
    csrfToken: rec.get('csrfToken') as string,
    kind: rec.get('kind') as SessionKind,
  };
}

export async function deleteSession(store: GraphStore, tokenHash: string): Promise<void> {
  await store.write('session-delete', { tokenHash });
}

/** Expired sessions deleted per purge: bounded so one login never does unbounded work. */
const PURGE_BATCH = 1000;

export async function purgeExpiredSessions(store: GraphStore): Promise<void> {
  await store.write('session-delete-expired', { limit: neo4j.int(PURGE_BATCH) });
}
