// Accounts for the reliability runs: users made through the user store (as `npm run user:add` does), logged in over the API.
import { randomBytes } from 'node:crypto';
import type { Role } from '../contract/index.js';
import { resolveAuthSecret } from '../server/src/auth/auth-secret.js';
import { createPasswordHasher } from '../server/src/auth/password-hasher.js';
import type { GraphStore } from '../server/src/store/neo4j-store.js';
import { upsertUser } from '../server/src/store/user-store.js';

/** A fresh AUTH_SECRET for an API process the run starts (so the run can hash passwords that process accepts). */
export const newAuthSecret = (): string => randomBytes(36).toString('base64url');

export interface Account {
  username: string;
  role: Role;
  headers: Record<string, string>;
}

/**
 * Creates (or resets) `username` with `role` in the store, hashed with `authSecret` (the API process's
 * AUTH_SECRET), then logs in over the API for a bearer token.
 */
export async function apiAccount(
  store: GraphStore,
  authSecret: string,
  baseUrl: string,
  role: Role,
  username = `rel-${role}-${randomBytes(3).toString('hex')}`,
): Promise<Account> {
  const password = `pw-${randomBytes(12).toString('base64url')}`;
  const hasher = createPasswordHasher(resolveAuthSecret({ secret: authSecret, file: '' }));
  await upsertUser(store, { username, role, passwordHash: await hasher.hash(password) });
  const r = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, token: true }),
  });
  const body = (await r.json().catch(() => null)) as { token?: string } | null;
  if (!r.ok || typeof body?.token !== 'string') throw new Error(`login as ${username} answered ${r.status}`);
  return { username, role, headers: { Authorization: `Bearer ${body.token}` } };
}

/** Removes what a run's writes left in a shared database: its nodes (by id prefix), its users' changes, the users and their sessions. */
export async function removeRunData(
  store: GraphStore,
  opts: { idPrefixes: string[]; usernames: string[] },
): Promise<void> {
  const q = (cypher: string, params: Record<string, unknown>) =>
    store.driver.executeQuery(cypher, params, { database: store.database });
  for (const p of opts.idPrefixes)
    await q('MATCH (n) WHERE (n:Entity OR n:Deleted) AND n.id STARTS WITH $p DETACH DELETE n', { p });
  await q('MATCH (c:Change) WHERE c.by IN $users DELETE c', { users: opts.usernames });
  await q(
    'MATCH (u:User) WHERE u.username IN $users OPTIONAL MATCH (s:Session {usernameKey: u.usernameKey}) DETACH DELETE s, u',
    { users: opts.usernames },
  );
}
