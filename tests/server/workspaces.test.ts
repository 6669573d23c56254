// Workspaces: save, list, open, update with versions, rename, delete; and reopening after a wipe and re-seed.
// Owners, sharing and anonymous saves are in workspace-owners.test.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type {
  ErrorResponse,
  NeighboursResponse,
  Workspace,
  WorkspaceListResponse,
  WorkspaceOpenResponse,
  WorkspaceScene,
} from '../../contract/index.js';
import { seedDatabase } from '../../server/src/store/seed-load.js';
import { dropUser, loginAs, type LoggedIn } from '../setup/auth.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
/** The owner of every workspace these tests save (a viewer: saving workspaces is not curation). */
let owner: LoggedIn;
const created: string[] = [];
beforeAll(async () => {
  app = await startTestApp();
  owner = await loginAs(app, 'viewer');
});
afterAll(async () => {
  for (const id of created) await app.send('DELETE', `/api/workspaces/${id}`, undefined, owner.headers);
  await dropUser(app, owner.username);
  await app.close();
});

/** A request as the owner. */
const send = <T = unknown>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
) => app.send<T>(method, path, body, owner.headers);
const get = <T = unknown>(path: string) => send<T>('GET', path);

const unique = (base: string): string => `${base} ${Math.random().toString(36).slice(2, 8)}`;

/** A scene of FCM and its neighbours as the API returns them, laid out on a circle. */
async function sceneOf(centre: string): Promise<WorkspaceScene> {
  const { body } = await app.get<NeighboursResponse>(
    `/api/nodes/${encodeURIComponent(centre)}/neighbours?limit=12`,
  );
  const nodes = (body.nodes as { id: string }[]).map((n, i) => ({
    id: n.id,
    x: Math.round(300 * Math.cos(i)),
    y: Math.round(300 * Math.sin(i)) + 0.5,
  }));
  return {
    nodes: [
      ...nodes.slice(0, 1).map((n) => ({ ...n, pinned: true, classes: ['highlight-red'] })),
      ...nodes.slice(1),
    ],
    edges: (body.edges as { id: string }[]).slice(0, 5).map((e) => e.id),
    layout: 'concentric',
    viewport: { zoom: 1.25, pan: { x: 10, y: -20 } },
    filters: { hiddenLabels: ['ThreatType'], disputed: 'show' },
    history: { steps: ['Open', 'Expand Five Country Ministerial'], head: 1 },
  };
}

async function create(name: string, scene: WorkspaceScene): Promise<Workspace> {
  const { status, body } = await send<Workspace>('POST', '/api/workspaces', { name, scene });
  expect(status, JSON.stringify(body)).toBe(201);
  created.push(body.id);
  return body;
}

describe('workspaces', () => {
  it('saves a scene, lists it, and opens it with the nodes as they are now and the relationships among them', async () => {
    const scene = await sceneOf('forum:five-country-ministerial-2025');
    const name = unique('FCM investigation');
    const saved = await create(name, scene);
    expect(saved).toMatchObject({ name, version: 1, nodeCount: scene.nodes.length, scene });
    // Saved with a login: the user owns it, shared (others open it read-only) unless they make it private.
    expect(saved).toMatchObject({ owner: owner.username, visibility: 'shared', yours: true, canEdit: true });
    expect(saved.id).toMatch(/^ws-/);

    const list = await get<WorkspaceListResponse>('/api/workspaces');
    expect(list.body.workspaces.find((w) => w.id === saved.id)).toMatchObject({
      name,
      nodeCount: scene.nodes.length,
      version: 1,
    });
    expect(list.body.workspaces[0]).not.toHaveProperty('scene');

    const { status, body } = await get(`/api/workspaces/${saved.id}`);
    expect(status).toBe(200);
    const open = body as WorkspaceOpenResponse;
    expect(open.workspace.scene).toEqual(scene);
    expect(open.missing).toEqual([]);
    expect(open.graph.nodes.map((n) => n.id).sort()).toEqual(scene.nodes.map((n) => n.id).sort());
    expect(open.graph.nodes.every((n) => (n.evidence ?? []).length > 0 || n.labels.includes('Source'))).toBe(
      true,
    );
    // Every edge the scene drew is among the relationships returned, and each joins two scene nodes.
    const edgeIds = open.graph.edges.map((e) => e.id);
    expect(edgeIds).toEqual(expect.arrayContaining(scene.edges!));
    const ids = new Set(scene.nodes.map((n) => n.id));
    expect(open.graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  // Runs on the test run's own database (always in CI); on a NEO4J_URI database only with TEST_ALLOW_WIPE=true.
  it.runIf(inject('mayWipe'))('still opens correctly after the graph is wiped and re-seeded', async () => {
    const wipe = () =>
      app.store.driver.executeQuery(
        'MATCH (n) WHERE n:Entity OR n:Source DETACH DELETE n',
        {},
        { database: app.store.database },
      );
    // Start from the seed alone: sources other files added (uploads, curation tests) are not the seed's to restore.
    await wipe();
    await seedDatabase(app.store);
    const scene = await sceneOf('country:uk');
    const saved = await create(unique('UK network'), scene);
    const before = (await get(`/api/workspaces/${saved.id}`)).body as WorkspaceOpenResponse;
    const fingerprint = await graphFingerprint(app.store);

    await wipe();
    const wiped = (await get(`/api/workspaces/${saved.id}`)).body as WorkspaceOpenResponse;
    expect(wiped.graph.nodes).toEqual([]);
    expect(wiped.missing.sort()).toEqual(scene.nodes.map((n) => n.id).sort());

    await seedDatabase(app.store);
    expect(await graphFingerprint(app.store)).toEqual(fingerprint);
    const after = (await get(`/api/workspaces/${saved.id}`)).body as WorkspaceOpenResponse;
    expect(after.missing).toEqual([]);
    expect(after.workspace.scene).toEqual(scene);
    expect(after.graph.nodes.map((n) => n.id).sort()).toEqual(before.graph.nodes.map((n) => n.id).sort());
    expect(after.graph.edges.map((e) => e.id).sort()).toEqual(before.graph.edges.map((e) => e.id).sort());
  });

  it('lists the most recently saved first, by time and not by the text of the time', async () => {
    const scene = await sceneOf('forum:five-country-ministerial-2025');
    const older = await create(unique('Older'), scene);
    const newer = await create(unique('Newer'), scene);
    // "…00Z" sorts after "…00.5Z" as text, though it is half a second earlier.
    await app.store.driver.executeQuery(
      'UNWIND $rows AS row MATCH (w:Workspace {id: row.id}) SET w.updatedAt = datetime(row.at)',
      {
        rows: [
          { id: older.id, at: '2000-01-01T00:00:00Z' },
          { id: newer.id, at: '2000-01-01T00:00:00.5Z' },
        ],
      },
      { database: app.store.database },
    );
    const ids = ((await get<WorkspaceListResponse>('/api/workspaces')).body.workspaces as Workspace[])
      .map((w) => w.id)
      .filter((id) => id === older.id || id === newer.id);
    expect(ids).toEqual([newer.id, older.id]);
  });

  it('saves a new scene with the version it read, and refuses a stale version with 409 and the current state', async () => {
    const scene = await sceneOf('country:fr');
    const saved = await create(unique('France'), scene);
    const moved: WorkspaceScene = { ...scene, nodes: scene.nodes.map((n) => ({ ...n, x: n.x + 100 })) };
    const ok = await send('PUT', `/api/workspaces/${saved.id}`, { scene: moved, version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, scene: moved });

    const stale = await send<ErrorResponse>('PUT', `/api/workspaces/${saved.id}`, { scene, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect(stale.body.error.current).toMatchObject({ id: saved.id, version: 2, scene: moved });
    expect((await get<WorkspaceOpenResponse>(`/api/workspaces/${saved.id}`)).body.workspace.scene).toEqual(
      moved,
    );
  });

  it('lets exactly one of two concurrent saves on the same version win', async () => {
    const scene = await sceneOf('country:us');
    const saved = await create(unique('Concurrent'), scene);
    const a: WorkspaceScene = { ...scene, layout: 'grid' };
    const b: WorkspaceScene = { ...scene, layout: 'circle' };
    const results = await Promise.all(
      [a, b, a, b].map((s) => send('PUT', `/api/workspaces/${saved.id}`, { scene: s, version: 1 })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const winner = results.find((r) => r.status === 200)!.body as Workspace;
    const now = (await get(`/api/workspaces/${saved.id}`)).body as WorkspaceOpenResponse;
    expect(now.workspace).toMatchObject({ version: 2, scene: { layout: winner.scene.layout } });
  });

  it('renames with the version, keeps names unique ignoring case, and deletes', async () => {
    const scene = await sceneOf('country:fr');
    const first = await create(unique('Alpha'), scene);
    const second = await create(unique('Beta'), scene);
    const dup = await send<ErrorResponse>('POST', '/api/workspaces', {
      name: first.name.toUpperCase(),
      scene,
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const clash = await send<ErrorResponse>('PATCH', `/api/workspaces/${second.id}`, {
      name: first.name,
      version: 1,
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.field).toBe('name');

    const newName = unique('Gamma');
    const renamed = await send('PATCH', `/api/workspaces/${second.id}`, {
      name: `  ${newName}  `,
      version: 1,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: second.id, name: newName, version: 2, scene });

    expect((await send('DELETE', `/api/workspaces/${second.id}`)).status).toBe(204);
    const gone = await get<ErrorResponse>(`/api/workspaces/${second.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await send('DELETE', `/api/workspaces/${second.id}`)).status).toBe(404);
    expect((await send('PUT', `/api/workspaces/${second.id}`, { scene, version: 2 })).status).toBe(404);
  });

  it('keeps what was folded (hubs with their leaves, communities by their top member), and refuses a malformed fold', async () => {
    const scene = await sceneOf('country:fr');
    const [hub, ...rest] = scene.nodes.map((n) => n.id);
    expect(rest.length).toBeGreaterThan(1);
    const fold = {
      leaves: [{ hub: hub!, nodes: rest.slice(0, 2) }],
      groups: [{ top: rest[0]!, nodes: rest }],
    };
    const saved = await create(unique('Folded'), { ...scene, fold });
    expect(
      (await get<WorkspaceOpenResponse>(`/api/workspaces/${saved.id}`)).body.workspace.scene.fold,
    ).toEqual(fold);
    for (const [bad, field] of [
      [{ leaves: [{ hub, nodes: 'all' }], groups: [] }, 'scene.fold.leaves.0.nodes'],
      [{ leaves: [], groups: [{ nodes: rest }] }, 'scene.fold.groups.0.top'],
      [{ leaves: [] }, 'scene.fold.groups'],
    ] as const) {
      const res = await send<ErrorResponse>('POST', '/api/workspaces', {
        name: unique('Bad fold'),
        scene: { ...scene, fold: bad },
      });
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
  });

  it('refuses bad bodies with 400 naming the field, and saves nothing', async () => {
    const scene = await sceneOf('country:fr');
    const before = (await get<WorkspaceListResponse>('/api/workspaces')).body.workspaces.length;
    const fingerprint = await graphFingerprint(app.store);
    const bad: [unknown, string][] = [
      [{ scene }, 'name'],
      [{ name: '   ', scene }, 'name'],
      [{ name: 'x'.repeat(121), scene }, 'name'],
      [{ name: 'ok', scene: { nodes: 'all' } }, 'scene.nodes'],
      [{ name: 'ok', scene: { nodes: [{ id: 'country:fr', x: 'left', y: 0 }] } }, 'scene.nodes.0.x'],
      [
        { name: 'ok', scene: { nodes: [{ id: 'country:fr', x: 0, y: 0, classes: ['<script>'] }] } },
        'scene.nodes.0.classes.0',
      ],
      [
        { name: 'ok', scene: { nodes: [], viewport: { zoom: -1, pan: { x: 0, y: 0 } } } },
        'scene.viewport.zoom',
      ],
      [{ name: 'ok', scene: { nodes: [], extra: true } }, 'scene'],
      [{ name: 'ok', scene: { nodes: [] }, owner: 'me' }, 'request'],
      [{ name: 'ok', scene: { nodes: [] }, visibility: 'public' }, 'visibility'],
      [[1, 2], 'request'],
    ];
    for (const [body, field] of bad) {
      const res = await send<ErrorResponse>('POST', '/api/workspaces', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    }
    expect(await graphFingerprint(app.store)).toEqual(fingerprint);
    expect((await get<WorkspaceListResponse>('/api/workspaces')).body.workspaces.length).toBe(before);
    const saved = await create(unique('Valid'), scene);
    for (const [body, field] of [
      [{ scene }, 'version'],
      [{ scene, version: 0 }, 'version'],
      [{ scene, version: '1' }, 'version'],
    ] as const) {
      const res = await send<ErrorResponse>('PUT', `/api/workspaces/${saved.id}`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe(field);
    }
    expect((await get<WorkspaceOpenResponse>(`/api/workspaces/${saved.id}`)).body.workspace.version).toBe(1);
  });
});
