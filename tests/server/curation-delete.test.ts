// Soft delete: a deleted node and its relationships vanish from every read, and restoring it brings all of it back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChangeListResponse,
  ChangeSnapshot,
  CooperationResponse,
  CypherResponse,
  DeletedListResponse,
  ErrorResponse,
  GraphEdge,
  GraphNode,
  NeighbourCountsResponse,
  NeighboursResponse,
  NodeResponse,
  PathsResponse,
  SchemaResponse,
  SearchResponse,
  Workspace,
  WorkspaceOpenResponse,
  WriteResponse,
} from '../../contract/index.js';
import { enc, SOURCE_ID, startCuration, suffix, type Curation } from '../setup/curation-fixtures.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
let c: Curation;
const workspaces: string[] = [];
beforeAll(async () => {
  app = await startTestApp();
  c = await startCuration(app);
});
afterAll(async () => {
  for (const id of workspaces) await app.send('DELETE', `/api/workspaces/${id}`);
  await c.cleanup();
  await app.close();
});

const FCM = 'forum:five-country-ministerial-2025';
const ids = (list: { id: string }[]): string[] => list.map((n) => n.id);

async function link(
  type: string,
  source: string,
  target: string,
  properties?: Record<string, unknown>,
): Promise<string> {
  const res = await app.send<WriteResponse<GraphEdge>>(
    'POST',
    '/api/edges',
    { type, source, target, properties, evidence: [{ sourceId: SOURCE_ID, quote: c.quote }] },
    c.as.curator.headers,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.result!.id;
}

/** Everything a reader can see of node `x` (and of `y`, which reaches the forum only through x). */
async function readerView(x: GraphNode, y: GraphNode, workspace: string) {
  const schema = (await app.get<SchemaResponse>('/api/schema')).body;
  const count = (label: string): number =>
    schema.labels.find((l: { label: string }) => l.label === label)!.count;
  const relCount = (type: string): number =>
    schema.relationshipTypes.find((t: { type: string }) => t.type === type)!.count;
  const consoleRun = await app.send<CypherResponse>('POST', '/api/cypher', {
    query: 'MATCH (a)-[r]-(f:Forum {id: $id}) RETURN a, r, f',
    params: { id: FCM },
  });
  expect(consoleRun.status, JSON.stringify(consoleRun.body)).toBe(200);
  return {
    node: (await app.get(`/api/nodes/${enc(x.id)}`)).status,
    search: ids((await app.get<SearchResponse>(`/api/search?q=${enc(x.name)}`)).body.nodes),
    forumNeighbours: ids(
      (await app.get<NeighboursResponse>(`/api/nodes/${enc(FCM)}/neighbours?limit=500`)).body.nodes,
    ),
    forumCounts: (await app.get<NeighbourCountsResponse>(`/api/nodes/${enc(FCM)}/neighbour-counts`)).body
      .total as number,
    yNeighbours: ids(
      (await app.get<NeighboursResponse>(`/api/nodes/${enc(y.id)}/neighbours`)).body.nodes ?? [],
    ).filter((id) => id !== y.id),
    paths:
      (await app.get<PathsResponse>(`/api/paths?from=${enc(y.id)}&to=${enc(FCM)}&maxHops=3`)).body.paths
        ?.length ?? 0,
    cooperation: (
      (await app.get<CooperationResponse>(`/api/cooperation?threat=threat:terrorism&actor=country:uk`)).body
        .pairs as {
        a: GraphNode;
        b: GraphNode;
      }[]
    ).flatMap((p) => [p.a.id, p.b.id]),
    schema: {
      countries: count('Country'),
      cooperates: relCount('COOPERATES_WITH'),
      rels: schema.totals.relationships,
      nodes: schema.totals.nodes,
    },
    exported: (await app.send('POST', '/api/export', { format: 'json', nodeIds: [x.id, FCM] })).status,
    workspaceMissing: (await app.get<WorkspaceOpenResponse>(`/api/workspaces/${workspace}`)).body
      .missing as string[],
    consoleGraph: ids(consoleRun.body.graph.nodes),
    consoleEdges: (consoleRun.body.graph.edges as { source: string; target: string }[]).filter(
      (e) => e.source === x.id || e.target === x.id,
    ).length,
  };
}

describe('soft delete and restore', () => {
  it('hides a deleted node and its relationships from every read endpoint, lists it as deleted, and restores it with them', async () => {
    const x = await c.country(`Delland ${suffix()}`);
    const y = await c.country(`Yonder ${suffix()}`);
    await link('PARTICIPATED_IN', x.id, FCM, { role: 'attendee' });
    await link('COOPERATES_WITH', y.id, x.id);
    await link('FOCUSES_ON', x.id, 'threat:terrorism', { contribution: 'Test contribution' });
    const ws = await app.send<Workspace>('POST', '/api/workspaces', {
      name: `Delete test ${suffix()}`,
      scene: {
        nodes: [
          { id: x.id, x: 0, y: 0 },
          { id: FCM, x: 10, y: 10 },
        ],
      },
    });
    workspaces.push(ws.body.id);

    const shown = await readerView(x, y, ws.body.id);
    // The fixture is visible everywhere first, so every check below can fail.
    expect(shown.node).toBe(200);
    expect(shown.search).toContain(x.id);
    expect(shown.forumNeighbours).toContain(x.id);
    expect(shown.yNeighbours).toEqual([x.id]);
    expect(shown.paths).toBe(1);
    expect(shown.cooperation).toContain(x.id);
    expect(shown.exported).toBe(200);
    expect(shown.workspaceMissing).toEqual([]);
    expect(shown.consoleGraph).toContain(x.id);
    expect(shown.consoleEdges).toBe(1);
    const print = await graphFingerprint(app.store, { withoutHistory: true, ignoreVersions: true });

    const del = await app.send<WriteResponse<GraphNode>>(
      'DELETE',
      `/api/nodes/${enc(x.id)}`,
      { version: 1 },
      c.as.curator.headers,
    );
    expect(del.status, JSON.stringify(del.body)).toBe(200);
    expect(del.body.result).toBeNull();
    expect(del.body.change).toMatchObject({ operation: 'delete-node', targetId: x.id });
    expect((del.body.change.before as ChangeSnapshot).edges).toHaveLength(3);

    const hidden = await readerView(x, y, ws.body.id);
    expect(hidden.node).toBe(404);
    expect(hidden.search).not.toContain(x.id);
    expect(hidden.forumNeighbours).not.toContain(x.id);
    expect(hidden.forumCounts).toBe(shown.forumCounts - 1);
    expect(hidden.yNeighbours).toEqual([]);
    expect(hidden.paths).toBe(0);
    expect(hidden.cooperation).not.toContain(x.id);
    expect(hidden.schema).toEqual({
      countries: shown.schema.countries - 1,
      cooperates: shown.schema.cooperates - 1,
      rels: shown.schema.rels - 3,
      nodes: shown.schema.nodes - 1,
    });
    expect(hidden.exported).toBe(400);
    expect(hidden.workspaceMissing).toEqual([x.id]);
    expect(hidden.consoleGraph).not.toContain(x.id);
    expect(hidden.consoleEdges).toBe(0);
    // Its relationships cannot be edited while it is deleted, nor can it be linked to.
    const edgeId = (del.body.change.before as ChangeSnapshot).edges[0].id;
    expect(
      (
        await app.send(
          'PATCH',
          `/api/edges/${enc(edgeId)}`,
          { version: 1, properties: { confidence: 'reported' } },
          c.as.curator.headers,
        )
      ).status,
    ).toBe(404);
    const relink = await app.send<ErrorResponse>(
      'POST',
      '/api/edges',
      {
        type: 'COOPERATES_WITH',
        source: y.id,
        target: x.id,
        evidence: [{ sourceId: SOURCE_ID, quote: c.quote }],
      },
      c.as.curator.headers,
    );
    expect(relink.status).toBe(422);
    expect(relink.body.error.field).toBe('target');

    const deleted = await app.get<DeletedListResponse>('/api/deleted');
    const entry = deleted.body.deleted.find((d: { id: string }) => d.id === x.id);
    expect(entry).toMatchObject({ kind: 'node', id: x.id, name: x.name, change: { id: del.body.change.id } });

    const restore = await app.send<WriteResponse>(
      'POST',
      `/api/changes/${enc(entry!.change.id)}/revert`,
      undefined,
      c.as.curator.headers,
    );
    expect(restore.status, JSON.stringify(restore.body)).toBe(200);
    expect(restore.body.result).toMatchObject({ id: x.id, name: x.name });
    expect(restore.body.result!.properties.version).toBeGreaterThan(1);
    expect(restore.body.change).toMatchObject({
      operation: 'restore-node',
      revertOf: del.body.change.id,
      summary: `restored: Country "${x.name}"`,
    });
    const back = await readerView(x, y, ws.body.id);
    expect(back).toEqual(shown);
    expect(await graphFingerprint(app.store, { withoutHistory: true, ignoreVersions: true })).toEqual(print);
    expect(
      (await app.get<DeletedListResponse>('/api/deleted')).body.deleted.map((d: { id: string }) => d.id),
    ).not.toContain(x.id);
  });

  it('a deleted threat no longer links its sub-threats to its parent', async () => {
    const quote = c.quote;
    const make = async (name: string): Promise<string> => {
      const res = await app.send<WriteResponse<GraphNode>>(
        'POST',
        '/api/nodes',
        { label: 'ThreatType', name, evidence: [{ sourceId: SOURCE_ID, quote }] },
        c.as.curator.headers,
      );
      expect(res.status).toBe(201);
      c.nodes.add(res.body.result!.id);
      return res.body.result!.id;
    };
    const mid = await make(`Mid threat ${suffix()}`);
    const leaf = await make(`Leaf threat ${suffix()}`);
    await link('SUBTYPE_OF', mid, 'threat:terrorism');
    await link('SUBTYPE_OF', leaf, mid);
    const before = (await app.get<CooperationResponse>('/api/cooperation?threat=threat:terrorism')).body
      .threats as string[];
    expect(before).toEqual(expect.arrayContaining([mid, leaf]));
    const del = await app.send('DELETE', `/api/nodes/${enc(mid)}?version=1`, undefined, c.as.curator.headers);
    expect(del.status, JSON.stringify(del.body)).toBe(200);
    const after = (await app.get<CooperationResponse>('/api/cooperation?threat=threat:terrorism')).body
      .threats as string[];
    expect(after).not.toContain(mid);
    expect(after).not.toContain(leaf);
    expect(after.length).toBe(before.length - 2);
  });

  it('deletes a single relationship (kept in the change) and restores it exactly', async () => {
    const x = await c.country();
    const edgeId = await link('PARTICIPATED_IN', x.id, FCM, { role: 'host' });
    const print = await graphFingerprint(app.store, { withoutHistory: true, ignoreVersions: true });
    const del = await app.send<WriteResponse<GraphEdge>>(
      'DELETE',
      `/api/edges/${enc(edgeId)}`,
      { version: 1 },
      c.as.curator.headers,
    );
    expect(del.status, JSON.stringify(del.body)).toBe(200);
    expect((del.body.change.before as ChangeSnapshot).edges[0]).toMatchObject({
      id: edgeId,
      type: 'PARTICIPATED_IN',
      properties: { role: 'host' },
    });
    expect(ids((await app.get<NeighboursResponse>(`/api/nodes/${enc(x.id)}/neighbours`)).body.nodes)).toEqual(
      [x.id],
    );
    const listed = (await app.get<DeletedListResponse>('/api/deleted')).body.deleted.find(
      (d: { id: string }) => d.id === edgeId,
    );
    const forumName = (await app.get<NodeResponse>(`/api/nodes/${enc(FCM)}`)).body.node.name;
    expect(listed).toMatchObject({ kind: 'edge', name: `${x.name} PARTICIPATED_IN ${forumName}` });
    const restore = await app.send<WriteResponse>(
      'POST',
      `/api/changes/${enc(del.body.change.id)}/revert`,
      undefined,
      c.as.curator.headers,
    );
    expect(restore.status, JSON.stringify(restore.body)).toBe(200);
    expect(restore.body.result).toMatchObject({
      id: edgeId,
      source: x.id,
      target: FCM,
      properties: { role: 'host', version: 2 },
    });
    expect(
      ids((await app.get<NeighboursResponse>(`/api/nodes/${enc(x.id)}/neighbours`)).body.nodes).sort(),
    ).toEqual([FCM, x.id].sort());
    expect(await graphFingerprint(app.store, { withoutHistory: true, ignoreVersions: true })).toEqual(print);
    const history = await app.get<ChangeListResponse>(`/api/edges/${enc(edgeId)}/history`);
    expect(history.body.changes.map((x: { operation: string }) => x.operation)).toEqual([
      'restore-edge',
      'delete-edge',
      'create-edge',
    ]);
  });
});
