// The Cypher console and the exports never return account data: every way to reach :User or :Session nodes is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherResponse, ErrorResponse } from '../../contract/index.js';
import type { CytoscapeExport } from '../setup/export-readers.js';
import { cookieLogin, dropUser, ensureUser, testUsername } from '../setup/auth.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
let username: string;
let password: string;
/** Strings that must never appear in an answer: the user's name, password, hash, session token hash and CSRF token. */
let secrets: string[];
let userElementId: string;

beforeAll(async () => {
  app = await startTestApp();
  username = testUsername('privacy');
  ({ password } = await ensureUser(app, { username, role: 'admin' }));
  const s = await cookieLogin(app, username, password);
  const row = (
    await app.store.driver.executeQuery(
      'MATCH (u:User {usernameKey: $k}), (s:Session {usernameKey: $k}) RETURN u.passwordHash AS h, s.tokenHash AS t, elementId(u) AS e',
      { k: username },
      { database: app.store.database },
    )
  ).records[0]!;
  userElementId = row.get('e') as string;
  secrets = [username, password, row.get('h') as string, row.get('t') as string, s.csrfToken];
});
afterAll(async () => {
  await dropUser(app, username);
  await app.close();
});

function expectNoSecret(body: unknown): void {
  const text = JSON.stringify(body);
  for (const s of secrets) expect(text.includes(s), `answer holds "${s.slice(0, 12)}…"`).toBe(false);
}

const queries: [string, string, Record<string, unknown>?][] = [
  ['every node', 'MATCH (n) RETURN n'],
  ["every node's properties", 'MATCH (n) RETURN properties(n)'],
  ['the hash by label', 'MATCH (u:User) RETURN u.passwordHash'],
  ['every value by dynamic key', 'MATCH (n) UNWIND keys(n) AS k RETURN n[k]'],
  ['a map projection of all nodes', 'MATCH (n) RETURN n {.*} AS m'],
  ['sessions by label', 'MATCH (s:Session) RETURN s.csrfToken'],
  ['the hash property on labelled nodes', 'MATCH (n:Entity) RETURN n.passwordHash'],
  ['a label union', 'MATCH (n:Entity|User) RETURN n'],
  ['a negated label', 'MATCH (n:!Entity) RETURN n'],
  ['a dynamic label', 'MATCH (n:$($l)) RETURN n', { l: 'User' }],
  ['a label test on a parameter', 'MATCH (n) WHERE $l IN labels(n) RETURN n.username', { l: 'User' }],
  ['an element id seek', 'MATCH (n) WHERE elementId(n) = $id RETURN n', {}],
  ['a count of all nodes', 'MATCH (n) RETURN count(n) AS c'],
  [
    'an EXISTS subquery',
    "MATCH (c:Country) WHERE EXISTS { MATCH (n) WHERE n.role = 'admin' } RETURN c.name LIMIT 1",
  ],
  [
    'a COLLECT subquery',
    'MATCH (c:Country) RETURN c.name, COLLECT { MATCH (u:User) RETURN u.username } AS names LIMIT 1',
  ],
  ['a backticked label', 'MATCH (u:`User`) RETURN u'],
];

describe('the Cypher console', () => {
  it('still answers a query over labelled graph nodes (control)', async () => {
    const { status, body } = await app.send<CypherResponse>('POST', '/api/cypher', {
      query: 'MATCH (n:Entity) RETURN n LIMIT 3',
    });
    expect(status).toBe(200);
    expect(body.rows).toHaveLength(3);
  });

  it.each(queries)(
    'refuses %s with 403 FORBIDDEN and returns nothing of the accounts',
    async (_what, query, params) => {
      const p = query.includes('$id') ? { id: userElementId } : (params ?? {});
      const { status, body } = await app.send<ErrorResponse>('POST', '/api/cypher', { query, params: p });
      expect(status, JSON.stringify(body).slice(0, 300)).toBe(403);
      expect(body.error).toMatchObject({ code: 'FORBIDDEN', field: 'query' });
      expect(body).not.toHaveProperty('rows');
      expectNoSecret(body);
    },
  );
});

describe('exports', () => {
  it.each(queries.slice(0, 6))('refuse a query export of %s', async (_what, query) => {
    const { status, body } = await app.send<ErrorResponse>('POST', '/api/export', { format: 'json', query });
    expect(status).toBe(403);
    expect(body.error.code).toBe('FORBIDDEN');
    expectNoSecret(body);
  });

  it('do not find a user by its username as a node id', async () => {
    for (const path of [
      `/api/export?format=json&nodeIds=${encodeURIComponent(username)}`,
      `/api/nodes/${encodeURIComponent(username)}`,
    ]) {
      const { status, body } = await app.get(path);
      expect(status, path).toBeGreaterThanOrEqual(400);
      expect(status, path).toBeLessThan(500);
      expect(JSON.stringify(body)).not.toContain('passwordHash');
    }
  });

  it('leave accounts out of a whole-graph export', async () => {
    const ids = (
      await app.send<CypherResponse>('POST', '/api/cypher', { query: 'MATCH (n:Entity) RETURN n.id AS id' })
    ).body.rows.map((r) => r[0]);
    const { status, body } = await app.send<CytoscapeExport>('POST', '/api/export', {
      format: 'json',
      nodeIds: ids,
    });
    expect(status).toBe(200);
    expect(body.elements.nodes.length).toBe(ids.length);
    expectNoSecret(body);
  });
});
