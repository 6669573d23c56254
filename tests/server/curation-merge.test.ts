// Merge: relationships move (duplicates united), aliases and evidence are united, the other node is soft-deleted; revert restores all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChangeListResponse,
  ChangeSnapshot,
  DeletedListResponse,
  ErrorResponse,
  GraphEdge,
  GraphNode,
  NeighboursResponse,
  NodeResponse,
  SearchResponse,
  WriteResponse,
} from '../../contract/index.js';
import { enc, SOURCE_ID, startCuration, suffix, type Curation } from '../setup/curation-fixtures.js';
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

const FCM = 'forum:five-country-ministerial-2025';

async function link(
  type: string,
  source: string,
  target: string,
  extra: Record<string, unknown> = {},
): Promise<GraphEdge> {
  const res = await app.send<WriteResponse<GraphEdge>>(
    'POST',
    '/api/edges',
    { type, source, target, evidence: [{ sourceId: SOURCE_ID, quote: c.quote }], ...extra },
    c.as.curator.headers,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.result!;
}

async function neighbourhood(id: string): Promise<{ nodes: string[]; edges: GraphEdge[] }> {
  const { body } = await app.get<NeighboursResponse>(`/api/nodes/${enc(id)}/neighbours?limit=500`);
  return {
    nodes: (body.nodes as GraphNode[]).map((n) => n.id).sort(),
    edges: (body.edges as GraphEdge[]).sort((a, b) => a.id.localeCompare(b.id)),
  };
}

describe('merge two nodes', () => {
  it('moves and unites relationships, aliases and evidence, and its revert restores both nodes and every relationship exactly', async () => {
    const keep = await c.country(`Mergeland ${suffix()}`);
    const other = await c.country(`Merge duplicate ${suffix()}`, {
      aliases: ['MDup'],
      description: 'The duplicate entry.',
      evidence: [{ curatorAsserted: true, note: 'Same country under another name.' }],
    });
    const kFcm = await link('PARTICIPATED_IN', keep.id, FCM, { properties: { role: 'attendee' } });
    await link('PARTICIPATED_IN', other.id, FCM, {
      properties: { role: 'host', confidence: 'reported' },
      evidence: [{ curatorAsserted: true, note: 'Hosted, per the organisers.' }],
    });
    await link('MEMBER_OF', other.id, 'forum:five-eyes');
    await link('COOPERATES_WITH', 'country:uk', other.id, { properties: { topic: 'testing' } });
    await link('COOPERATES_WITH', keep.id, other.id);
    const print = await graphFingerprint(app.store, { withoutHistory: true, ignoreVersions: true });
    const keptBefore = await neighbourhood(keep.id);
    const otherBefore = await neighbourhood(other.id);
    const ukBefore = await neighbourhood('country:uk');

    const res = await app.send<WriteResponse<GraphNode>>(
      'POST',
      `/api/nodes/${enc(keep.id)}/merge`,
      { otherId: other.id, version: 1, otherVersion: 1 },
      c.as.curator.headers,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const merged = res.body.result as GraphNode;
    expect(merged.properties.aliases).toEqual([other.name, 'MDup']);
    expect(merged.properties.description).toBe('The duplicate entry.');
    expect(merged.properties.version).toBe(2);
    expect(merged.evidence!.map((e) => e.note ?? e.quote)).toEqual([
      c.quote,
      'curator-asserted: Same country under another name.',
    ]);
    expect(res.body.change).toMatchObject({ operation: 'merge-nodes', targetId: keep.id, otherId: other.id });
    expect(res.body.change.summary).toContain('2 relationships moved, 1 united');

    // The other node is gone from reads and listed as restorable; its relationships now start or end at the kept one.
    expect((await app.get(`/api/nodes/${enc(other.id)}`)).status).toBe(404);
    const after = await neighbourhood(keep.id);
    expect(after.nodes).toEqual([keep.id, FCM, 'country:uk', 'forum:five-eyes'].sort());
    const toFcm = after.edges.filter((e) => e.target === FCM);
    expect(toFcm).toHaveLength(1);
    expect(toFcm[0]!.id).toBe(kFcm.id);
    expect(toFcm[0]!.properties).toMatchObject({ role: 'attendee', confidence: 'reported' });
    expect(toFcm[0]!.evidence!.map((e) => e.note ?? e.quote)).toEqual([
      c.quote,
      'curator-asserted: Hosted, per the organisers.',
    ]);
    expect(after.edges.find((e) => e.type === 'MEMBER_OF')).toMatchObject({
      id: `${keep.id}|MEMBER_OF|forum:five-eyes`,
      source: keep.id,
    });
    expect(after.edges.find((e) => e.type === 'COOPERATES_WITH')).toMatchObject({
      id: `country:uk|COOPERATES_WITH|${keep.id}`,
      source: 'country:uk',
      properties: { topic: 'testing' },
    });
    expect((await neighbourhood(FCM)).nodes).not.toContain(other.id);
    expect(
      (await app.get<SearchResponse>(`/api/search?q=MDup`)).body.nodes.map((n: GraphNode) => n.id),
    ).toContain(keep.id);
    expect(
      (await app.get<DeletedListResponse>('/api/deleted')).body.deleted.find(
        (d: { id: string }) => d.id === other.id,
      ),
    ).toMatchObject({ kind: 'node', name: other.name, change: { id: res.body.change.id } });
    expect(
      (await app.get<ChangeListResponse>(`/api/nodes/${enc(other.id)}/history`)).body.changes[0],
    ).toMatchObject({
      id: res.body.change.id,
    });
    // The merge recorded both nodes and all five relationships as they were.
    expect((res.body.change.before as ChangeSnapshot).nodes.map((n: GraphNode) => n.id).sort()).toEqual(
      [keep.id, other.id].sort(),
    );
    expect((res.body.change.before as ChangeSnapshot).edges).toHaveLength(5);

    const revert = await app.send<WriteResponse>(
      'POST',
      `/api/changes/${enc(res.body.change.id)}/revert`,
      undefined,
      c.as.curator.headers,
    );
    expect(revert.status, JSON.stringify(revert.body)).toBe(200);
    expect(revert.body.result).toMatchObject({ id: keep.id, name: keep.name });
    expect(revert.body.result!.properties.aliases).toBeUndefined();
    expect(await graphFingerprint(app.store, { withoutHistory: true, ignoreVersions: true })).toEqual(print);
    const strip = (n: { nodes: string[]; edges: GraphEdge[] }) => ({
      nodes: n.nodes,
      edges: n.edges.map(({ properties: { version: _v, ...p }, ...e }) => ({ ...e, properties: p })),
    });
    expect(strip(await neighbourhood(keep.id))).toEqual(strip(keptBefore));
    expect(strip(await neighbourhood(other.id))).toEqual(strip(otherBefore));
    expect(strip(await neighbourhood('country:uk'))).toEqual(strip(ukBefore));
    expect((await app.get<NodeResponse>(`/api/nodes/${enc(other.id)}`)).body.node).toMatchObject({
      name: other.name,
      properties: { aliases: ['MDup'] },
    });
    expect(
      (await app.get<DeletedListResponse>('/api/deleted')).body.deleted.map((d: { id: string }) => d.id),
    ).not.toContain(other.id);
  });

  it('refuses to revert a merge once the kept node has changed since', async () => {
    const keep = await c.country();
    const other = await c.country();
    const merge = await app.send<WriteResponse<GraphNode>>(
      'POST',
      `/api/nodes/${enc(keep.id)}/merge`,
      { otherId: other.id, version: 1, otherVersion: 1 },
      c.as.curator.headers,
    );
    expect(merge.status).toBe(200);
    await app.send(
      'PATCH',
      `/api/nodes/${enc(keep.id)}`,
      { version: 2, description: 'Edited after the merge.' },
      c.as.curator.headers,
    );
    const before = await graphFingerprint(app.store);
    const refused = await app.send<ErrorResponse>(
      'POST',
      `/api/changes/${enc(merge.body.change.id)}/revert`,
      undefined,
      c.as.curator.headers,
    );
    expect(refused.status).toBe(409);
    expect((refused.body.error.current as ChangeSnapshot).nodes[0]).toMatchObject({
      id: keep.id,
      properties: { description: 'Edited after the merge.' },
    });
    expect(await graphFingerprint(app.store)).toEqual(before);
  });
});
