// Workspace owners: only the owner (or an admin) changes one; others open it read-only, or not at all when private;
// anonymous saves belong to their browser session's key; ANONYMOUS_WORKSPACES; workspaces saved before owners.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ErrorResponse,
  LoginResponse,
  Workspace,
  WorkspaceListResponse,
  WorkspaceOpenResponse,
  WorkspaceScene,
  WorkspaceSummary,
} from '../../contract/index.js';
import { dropUser, ensureUser, loginAs, type LoggedIn } from '../setup/auth.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
let alice: LoggedIn;
let bob: LoggedIn;
let admin: LoggedIn;
const created: string[] = [];

beforeAll(async () => {
  app = await startTestApp();
  alice = await loginAs(app, 'viewer');
  bob = await loginAs(app, 'curator');
  admin = await loginAs(app, 'admin');
});
afterAll(async () => {
  await app.store.driver.executeQuery(
    'MATCH (w:Workspace) WHERE w.id IN $ids DELETE w',
    { ids: created },
    { database: app.store.database },
  );
  for (const u of [alice, bob]) await dropUser(app, u.username);
  await app.store.driver.executeQuery(
    'MATCH (u:User {username: $name}) OPTIONAL MATCH (s:Session {usernameKey: u.usernameKey}) DETACH DELETE s, u',
    { name: admin.username },
    { database: app.store.database },
  );
  await app.close();
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const scene: WorkspaceScene = {
  nodes: [
    { id: 'country:uk', x: 0, y: 0 },
    { id: 'country:fr', x: 120, y: 0 },
  ],
};
const unique = (base: string): string => `${base} ${Math.random().toString(36).slice(2, 8)}`;
const path = (id: string): string => `/api/workspaces/${encodeURIComponent(id)}`;

/** Saves a workspace with `headers` (a login, a key cookie, or none) and returns it with any cookie it set. */
async function save(
  headers: Record<string, string>,
  extra: Record<string, unknown> = {},
  on: TestApp = app,
): Promise<{ ws: Workspace; setCookie: string }> {
  const res = await on.send<Workspace>(
    'POST',
    '/api/workspaces',
    { name: unique('Owned'), scene, ...extra },
    headers,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  created.push(res.body.id);
  return { ws: res.body, setCookie: res.headers.get('set-cookie') ?? '' };
}

/** The stored workspace straight from Neo4j (what a refused request must not have changed). */
async function stored(id: string): Promise<Record<string, unknown> | null> {
  const { records } = await app.store.driver.executeQuery(
    'MATCH (w:Workspace {id: $id}) RETURN w {.*, updatedAt: toString(w.updatedAt)} AS w',
    { id },
    { database: app.store.database },
  );
  return (records[0]?.get('w') as Record<string, unknown>) ?? null;
}

/** Every change a non-owner could try, each valid in itself (so a refusal is about who, not what). */
const changes = (ws: Workspace): [Method, string, unknown][] => [
  ['PUT', path(ws.id), { scene: { nodes: [] }, version: ws.version }],
  ['PATCH', path(ws.id), { name: unique('Taken over'), version: ws.version }],
  ['PATCH', path(ws.id), { visibility: 'private', version: ws.version }],
  ['DELETE', path(ws.id), undefined],
];

async function expectRefused(headers: Record<string, string>, ws: Workspace, status: 401 | 403) {
  const before = await stored(ws.id);
  for (const [method, url, body] of changes(ws)) {
    const res = await app.send<ErrorResponse>(method, url, body, headers);
    expect(res.status, `${method} ${JSON.stringify(body)}`).toBe(status);
    expect(res.body.error.code).toBe(status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN');
  }
  expect(await stored(ws.id)).toEqual(before);
}

const listed = async (headers: Record<string, string>): Promise<WorkspaceSummary[]> => {
  const res = await app.send<WorkspaceListResponse>('GET', '/api/workspaces', undefined, headers);
  expect(res.status).toBe(200);
  return res.body.workspaces;
};

describe('workspace owners', () => {
  it('an anonymous DELETE (or save, rename) of a workspace someone saved is refused with 401 and changes nothing', async () => {
    const { ws } = await save(alice.headers);
    await expectRefused({}, ws, 401);
    // Also when the path is spelled differently: the guard matches as the router does.
    for (const variant of [`/api/WORKSPACES/${ws.id}`, `/api/workspaces/${ws.id}/`]) {
      expect((await app.send('DELETE', variant)).status, variant).toBe(401);
    }
    expect(await stored(ws.id)).not.toBeNull();
  });

  it('others open a shared workspace read-only: 200 with canEdit false, and 403 on every change', async () => {
    const { ws } = await save(alice.headers);
    expect(ws).toMatchObject({ owner: alice.username, visibility: 'shared', yours: true, canEdit: true });
    const opened = await app.send<WorkspaceOpenResponse>('GET', path(ws.id), undefined, bob.headers);
    expect(opened.status).toBe(200);
    expect(opened.body.workspace).toMatchObject({ owner: alice.username, yours: false, canEdit: false });
    expect(opened.body.graph.nodes.length).toBe(2);
    const anon = await app.get<WorkspaceOpenResponse>(path(ws.id));
    expect(anon.body.workspace).toMatchObject({ yours: false, canEdit: false });
    expect((await listed(bob.headers)).find((w) => w.id === ws.id)).toMatchObject({ canEdit: false });
    await expectRefused(bob.headers, ws, 403);
    // Never the owner's keys on the wire.
    expect(JSON.stringify(opened.body)).not.toMatch(/ownerKey|creatorKeyHash/);
  });

  it('the owner saves, renames and deletes; so does an admin, on anyone’s workspace', async () => {
    const { ws } = await save(alice.headers);
    const put = await app.send('PUT', path(ws.id), { scene: { nodes: [] }, version: 1 }, alice.headers);
    expect(put.status).toBe(200);
    const renamed = await app.send(
      'PATCH',
      path(ws.id),
      { name: unique('By admin'), version: 2 },
      admin.headers,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ owner: alice.username, yours: false, canEdit: true });
    expect((await app.send('DELETE', path(ws.id), undefined, alice.headers)).status).toBe(204);
    const other = (await save(bob.headers)).ws;
    expect((await app.send('DELETE', path(other.id), undefined, admin.headers)).status).toBe(204);
    expect(await stored(other.id)).toBeNull();
  });

  it('a private workspace is its owner’s and the admins’ only: not listed, not opened, not exported for others', async () => {
    const { ws } = await save(alice.headers);
    const made = await app.send('PATCH', path(ws.id), { visibility: 'private', version: 1 }, alice.headers);
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ visibility: 'private', version: 2 });

    expect((await app.send('GET', path(ws.id), undefined, bob.headers)).status).toBe(403);
    const anon = await app.get<ErrorResponse>(path(ws.id));
    expect(anon.status).toBe(401);
    // The refusal does not name it.
    expect(anon.body.error.message).not.toContain(ws.name);
    expect((await listed(bob.headers)).map((w) => w.id)).not.toContain(ws.id);
    expect((await listed({})).map((w) => w.id)).not.toContain(ws.id);
    expect((await listed(alice.headers)).find((w) => w.id === ws.id)).toMatchObject({
      visibility: 'private',
      yours: true,
    });
    expect((await listed(admin.headers)).map((w) => w.id)).toContain(ws.id);
    expect((await app.send('GET', path(ws.id), undefined, admin.headers)).status).toBe(200);

    // Nor through an export or the Cypher console.
    const exported = await app.send(
      'GET',
      `/api/export?format=json&workspace=${ws.id}`,
      undefined,
      bob.headers,
    );
    expect(exported.status).toBe(403);
    const posted = await app.send('POST', '/api/export', { format: 'json', workspace: ws.id }, bob.headers);
    expect(posted.status).toBe(403);
    expect(
      (await app.send('GET', `/api/export?format=json&workspace=${ws.id}`, undefined, alice.headers)).status,
    ).toBe(200);
    const consoleRead = await app.send<ErrorResponse>('POST', '/api/cypher', {
      query: 'MATCH (w:Workspace) RETURN w.name, w.scene',
    });
    expect(consoleRead.status).toBe(403);
    expect(consoleRead.body.error.code).toBe('FORBIDDEN');

    // Shared again: bob opens it.
    expect(
      (await app.send('PATCH', path(ws.id), { visibility: 'shared', version: 2 }, alice.headers)).status,
    ).toBe(200);
    expect((await app.send('GET', path(ws.id), undefined, bob.headers)).status).toBe(200);
  });

  it('an anonymous save belongs to its browser session: an httpOnly key cookie, needed for every change', async () => {
    const { ws, setCookie } = await save({});
    expect(ws).toMatchObject({ owner: null, yours: true, canEdit: true });
    const m = /(?:^|,\s*)wsk=([^;]+)/.exec(setCookie);
    expect(m, setCookie).not.toBeNull();
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/api/i);
    // A browser-session cookie: no expiry.
    expect(setCookie).not.toMatch(/Expires|Max-Age/i);
    const key = { Cookie: `wsk=${m![1]}` };

    // The database keeps only a hash of the key.
    expect(JSON.stringify(await stored(ws.id))).not.toContain(m![1]);
    // A second save in the same session reuses the key (no new cookie), and both are the session's.
    const second = await save(key);
    expect(second.setCookie).toBe('');
    expect((await listed(key)).filter((w) => w.yours).map((w) => w.id)).toEqual(
      expect.arrayContaining([ws.id, second.ws.id]),
    );

    // Another browser session (no key, or another key) and logged-in users may not change it.
    await expectRefused({}, ws, 401);
    const other = (await save({})).setCookie;
    const otherKey = { Cookie: `wsk=${/wsk=([^;]+)/.exec(other)![1]}` };
    await expectRefused(otherKey, ws, 401);
    await expectRefused(bob.headers, ws, 403);

    // The session that saved it does.
    expect((await app.send('PATCH', path(ws.id), { name: unique('Mine'), version: 1 }, key)).status).toBe(
      200,
    );
    expect((await app.send('DELETE', path(ws.id), undefined, key)).status).toBe(204);
    expect((await app.send('DELETE', path(second.ws.id), undefined, admin.headers)).status).toBe(204);
  });

  it('with AUTH_REQUIRED=true anonymous visitors may not save or open workspaces (ANONYMOUS_WORKSPACES off by default)', async () => {
    const closed = await startTestApp({ store: app.store, authRequired: true });
    try {
      const { ws } = await save(alice.headers, {}, closed);
      expect((await closed.get('/api/workspaces')).status).toBe(401);
      expect((await closed.get(path(ws.id))).status).toBe(401);
      const post = await closed.send('POST', '/api/workspaces', { name: unique('Anon'), scene });
      expect(post.status).toBe(401);
      expect(post.headers.get('set-cookie')).toBeNull();
      expect((await closed.send('GET', path(ws.id), undefined, bob.headers)).status).toBe(200);
    } finally {
      await closed.close();
    }
    // An open explorer may still keep workspaces to logged-in users; the graph stays readable.
    const noAnon = await startTestApp({ store: app.store, anonymousWorkspaces: false });
    try {
      expect((await noAnon.get('/api/workspaces')).status).toBe(401);
      expect((await noAnon.send('POST', '/api/workspaces', { name: unique('Anon'), scene })).status).toBe(
        401,
      );
      expect((await noAnon.get('/api/nodes/country:uk')).status).toBe(200);
      // A key cookie from an anonymous save is no pass either.
      const { setCookie } = await save({});
      const key = { Cookie: `wsk=${/wsk=([^;]+)/.exec(setCookie)![1]}` };
      expect((await noAnon.send('GET', '/api/workspaces', undefined, key)).status).toBe(401);
    } finally {
      await noAnon.close();
    }
    // And a closed explorer may open workspaces to anonymous visitors when told to.
    const anonOk = await startTestApp({ store: app.store, authRequired: true, anonymousWorkspaces: true });
    try {
      expect((await anonOk.get('/api/workspaces')).status).toBe(200);
      expect((await anonOk.get('/api/nodes/country:uk')).status).toBe(401);
    } finally {
      await anonOk.close();
    }
  });

  it('a workspace saved before owners existed is shared and ownerless: anyone may open it, only admins change it', async () => {
    const id = `ws-legacy-${Math.random().toString(36).slice(2, 10)}`;
    const name = unique('Legacy');
    await app.store.driver.executeQuery(
      `CREATE (:Workspace {id: $id, name: $name, nameKey: toLower($name), scene: $scene, nodeCount: 2,
                           version: 1, createdAt: datetime(), updatedAt: datetime()})`,
      { id, name, scene: JSON.stringify(scene) },
      { database: app.store.database },
    );
    created.push(id);
    const ws = (await app.get<WorkspaceOpenResponse>(path(id))).body.workspace;
    expect(ws).toMatchObject({ owner: null, visibility: 'shared', yours: false, canEdit: false });
    await expectRefused({}, ws, 401);
    await expectRefused(alice.headers, ws, 403);
    expect(
      (await app.send('PATCH', path(id), { name: unique('Adopted'), version: 1 }, admin.headers)).status,
    ).toBe(200);
  });

  it('deleting a user leaves their workspaces ownerless, so a new account of the same name inherits nothing', async () => {
    const carol = await loginAs(app, 'viewer');
    const { ws } = await save(carol.headers);
    expect((await app.send('DELETE', `/api/users/${carol.username}`, undefined, admin.headers)).status).toBe(
      204,
    );
    const again = await ensureUser(app, { username: carol.username, role: 'viewer' });
    const login = await app.send<LoginResponse>('POST', '/api/auth/login', {
      username: carol.username,
      password: again.password,
      token: true,
    });
    const headers = { Authorization: `Bearer ${login.body.token}` };
    const opened = await app.send<WorkspaceOpenResponse>('GET', path(ws.id), undefined, headers);
    expect(opened.body.workspace).toMatchObject({ owner: null, yours: false, canEdit: false });
    await expectRefused(headers, opened.body.workspace, 403);
    await dropUser(app, carol.username);
  });
});
