// Curation over HTTP: rename with versions (409 when stale), the node's history, the recent-changes feed, and revert.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChangeListResponse,
  ChangeSnapshot,
  ChangeRecord,
  ErrorResponse,
  GraphNode,
  NodeResponse,
  WriteResponse,
} from '../../contract/index.js';
import { enc, startCuration, suffix, type Curation } from '../setup/curation-fixtures.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
let c: Curation;
beforeAll(async () => {
  app = await startTestApp();
  c = await startCuration(app);
});
afterAll(async () => {
  await c.cleanup();
  await app.close();
});

describe('rename, history and revert', () => {
  it('renames a node at its version, lists the change in its history and the feed, and a revert brings the old name back', async () => {
    const node = await c.country();
    expect(node.properties.version).toBe(1);
    const newName = `Renamed ${suffix()}`;
    const patch = await app.send<WriteResponse<GraphNode>>(
      'PATCH',
      `/api/nodes/${enc(node.id)}`,
      { version: 1, name: newName },
      c.as.curator.headers,
    );
    expect(patch.status, JSON.stringify(patch.body)).toBe(200);
    expect(patch.body.result).toMatchObject({ id: node.id, name: newName, properties: { version: 2 } });
    const change = patch.body.change as ChangeRecord;
    expect(change).toMatchObject({
      operation: 'update-node',
      targetKind: 'node',
      targetId: node.id,
      by: c.as.curator.username,
    });
    expect(change.summary).toContain(`renamed "${node.name}" to "${newName}"`);
    expect((change.before as ChangeSnapshot).nodes[0]!.name).toBe(node.name);
    expect((change.after as ChangeSnapshot).nodes[0]!.name).toBe(newName);

    expect((await app.get<NodeResponse>(`/api/nodes/${enc(node.id)}`)).body.node.name).toBe(newName);
    const history = await app.get<ChangeListResponse>(`/api/nodes/${enc(node.id)}/history`);
    expect(history.status).toBe(200);
    expect(history.body.changes.map((x: ChangeRecord) => x.operation)).toEqual([
      'update-node',
      'create-node',
    ]);
    const feed = await app.get<ChangeListResponse>('/api/changes?limit=5');
    expect(feed.body.changes[0].id).toBe(change.id);

    const revert = await app.send<WriteResponse>(
      'POST',
      `/api/changes/${enc(change.id)}/revert`,
      undefined,
      c.as.curator.headers,
    );
    expect(revert.status, JSON.stringify(revert.body)).toBe(200);
    expect(revert.body.result).toMatchObject({ id: node.id, name: node.name, properties: { version: 3 } });
    expect(revert.body.change).toMatchObject({ operation: 'revert', revertOf: change.id, targetId: node.id });
    expect((await app.get<NodeResponse>(`/api/nodes/${enc(node.id)}`)).body.node.name).toBe(node.name);
    const after = await app.get<ChangeListResponse>(`/api/nodes/${enc(node.id)}/history`);
    expect(after.body.changes.map((x: ChangeRecord) => x.operation)).toEqual([
      'revert',
      'update-node',
      'create-node',
    ]);
    expect(after.body.changes[1].revertedBy).toBe(revert.body.change.id);

    // Reverting twice is refused and changes nothing.
    const print = await graphFingerprint(app.store);
    const again = await app.send<ErrorResponse>(
      'POST',
      `/api/changes/${enc(change.id)}/revert`,
      undefined,
      c.as.curator.headers,
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
    expect(await graphFingerprint(app.store)).toEqual(print);

    // Reverting the revert redoes the rename.
    const redo = await app.send<WriteResponse>(
      'POST',
      `/api/changes/${enc(revert.body.change.id)}/revert`,
      undefined,
      c.as.curator.headers,
    );
    expect(redo.status, JSON.stringify(redo.body)).toBe(200);
    expect(redo.body.result).toMatchObject({ name: newName, properties: { version: 4 } });
  });

  it('refuses a stale version with 409 and the current node, and never overwrites', async () => {
    const node = await c.country();
    const first = await app.send(
      'PATCH',
      `/api/nodes/${enc(node.id)}`,
      { version: 1, description: 'First edit.' },
      c.as.curator.headers,
    );
    expect(first.status).toBe(200);
    const print = await graphFingerprint(app.store);
    const stale = await app.send<ErrorResponse>(
      'PATCH',
      `/api/nodes/${enc(node.id)}`,
      { version: 1, description: 'Stale edit.' },
      c.as.admin.headers,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'CONFLICT',
      field: 'version',
      current: { id: node.id, properties: { version: 2, description: 'First edit.' } },
    });
    expect(await graphFingerprint(app.store)).toEqual(print);
  });

  it('refuses to revert a change whose target has changed since, unless it is back to what the change left', async () => {
    const node = await c.country();
    const a = await app.send<WriteResponse<GraphNode>>(
      'PATCH',
      `/api/nodes/${enc(node.id)}`,
      { version: 1, description: 'A' },
      c.as.curator.headers,
    );
    await app.send(
      'PATCH',
      `/api/nodes/${enc(node.id)}`,
      { version: 2, description: 'B' },
      c.as.curator.headers,
    );
    const print = await graphFingerprint(app.store);
    const refused = await app.send<ErrorResponse>(
      'POST',
      `/api/changes/${enc(a.body.change.id)}/revert`,
      {},
      c.as.curator.headers,
    );
    expect(refused.status).toBe(409);
    expect((refused.body.error.current as ChangeSnapshot).nodes[0]!.properties.description).toBe('B');
    expect(await graphFingerprint(app.store)).toEqual(print);
    // Back to "A" by hand: the first change's after state again, so its revert is allowed.
    await app.send(
      'PATCH',
      `/api/nodes/${enc(node.id)}`,
      { version: 3, description: 'A' },
      c.as.curator.headers,
    );
    const allowed = await app.send<WriteResponse>(
      'POST',
      `/api/changes/${enc(a.body.change.id)}/revert`,
      {},
      c.as.curator.headers,
    );
    expect(allowed.status, JSON.stringify(allowed.body)).toBe(200);
    expect(allowed.body.result!.properties.description).toBeUndefined();
    expect(allowed.body.result!.properties.version).toBe(5);
  });

  it('pages the feed with limit and before', async () => {
    const node = await c.country();
    for (let v = 1; v <= 3; v++)
      await app.send(
        'PATCH',
        `/api/nodes/${enc(node.id)}`,
        { version: v, description: `v${v}` },
        c.as.curator.headers,
      );
    const page1 = await app.get<ChangeListResponse>(`/api/nodes/${enc(node.id)}/history?limit=2`);
    expect(page1.body.changes).toHaveLength(2);
    expect(page1.body.hasMore).toBe(true);
    const page2 = await app.get<ChangeListResponse>(
      `/api/nodes/${enc(node.id)}/history?limit=2&before=${enc(page1.body.changes[1].id)}`,
    );
    expect(page2.body.changes.map((x: ChangeRecord) => x.operation)).toEqual(['update-node', 'create-node']);
    expect(page2.body.hasMore).toBe(false);
    const all = [...page1.body.changes, ...page2.body.changes].map((x: ChangeRecord) => x.id);
    expect(new Set(all).size).toBe(4);
    // The global feed pages the same way: two pages of two are the first four.
    const feed = (await app.get<ChangeListResponse>('/api/changes?limit=4')).body.changes.map(
      (x: ChangeRecord) => x.id,
    );
    expect(feed).toEqual(all);
    const f1 = await app.get<ChangeListResponse>('/api/changes?limit=2');
    expect(f1.body.hasMore).toBe(true);
    const f2 = await app.get<ChangeListResponse>(`/api/changes?limit=2&before=${enc(f1.body.changes[1].id)}`);
    expect([...f1.body.changes, ...f2.body.changes].map((x: ChangeRecord) => x.id)).toEqual(feed);
    expect((await app.get('/api/changes?before=chg-none')).status).toBe(404);
  });

  it('orders the history and the feed by time, not by the text of the time (which drops trailing zeros)', async () => {
    const node = await c.country();
    for (let v = 1; v <= 3; v++)
      await app.send(
        'PATCH',
        `/api/nodes/${enc(node.id)}`,
        { version: v, description: `v${v}` },
        c.as.curator.headers,
      );
    const mine = (await app.get<ChangeListResponse>(`/api/nodes/${enc(node.id)}/history`)).body
      .changes as ChangeRecord[];
    expect(
      mine.map((x) => (x.after as ChangeSnapshot).nodes[0]!.properties.description ?? x.operation),
    ).toEqual(['v3', 'v2', 'v1', 'create-node']);
    // Times in the past whose text sorts the other way round: "…00Z" > "…00.5Z" > "…00.123Z" > "…00.05Z".
    const at = [
      '2000-01-01T00:00:00.5Z',
      '2000-01-01T00:00:00.123Z',
      '2000-01-01T00:00:00.05Z',
      '2000-01-01T00:00:00Z',
    ];
    await app.store.driver.executeQuery(
      'UNWIND range(0, size($ids) - 1) AS i MATCH (c:Change {id: $ids[i]}) SET c.at = datetime($at[i])',
      { ids: mine.map((x) => x.id), at },
      { database: app.store.database },
    );
    const history = (await app.get<ChangeListResponse>(`/api/nodes/${enc(node.id)}/history`)).body
      .changes as ChangeRecord[];
    expect(history.map((x) => x.id)).toEqual(mine.map((x) => x.id));
    expect(history.map((x) => Date.parse(x.at))).toEqual(at.map((t) => Date.parse(t)));
    const page2 = (
      await app.get<ChangeListResponse>(
        `/api/nodes/${enc(node.id)}/history?limit=2&before=${enc(mine[1].id)}`,
      )
    ).body.changes as ChangeRecord[];
    expect(page2.map((x) => x.id)).toEqual(mine.slice(2).map((x) => x.id));
    // The feed from the newest of them on: nothing else in the graph is that old.
    const feed = (await app.get<ChangeListResponse>(`/api/changes?limit=10&before=${enc(mine[0].id)}`)).body
      .changes as ChangeRecord[];
    expect(feed.map((x) => x.id)).toEqual(mine.slice(1).map((x) => x.id));
  });
});
