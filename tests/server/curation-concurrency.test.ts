// Concurrent edits: of several writes based on the same version exactly one wins, the rest get 409, nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChangeListResponse,
  ErrorResponse,
  GraphEdge,
  GraphNode,
  NeighboursResponse,
  NodeResponse,
  WriteResponse,
} from '../../contract/index.js';
import { enc, SOURCE_ID, startCuration, suffix, type Curation } from '../setup/curation-fixtures.js';
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

const N = 6;

describe('concurrent edits', () => {
  it("two edits of the same node at the same version: exactly one wins, the other gets 409 with the winner's state", async () => {
    const node = await c.country();
    const [a, b] = await Promise.all([
      app.send(
        'PATCH',
        `/api/nodes/${enc(node.id)}`,
        { version: 1, description: 'Edit by the curator.' },
        c.as.curator.headers,
      ),
      app.send(
        'PATCH',
        `/api/nodes/${enc(node.id)}`,
        { version: 1, description: 'Edit by the admin.' },
        c.as.admin.headers,
      ),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    const winner = (won.body as WriteResponse<GraphNode>).result!;
    expect(((lost.body as ErrorResponse).error.current as GraphNode).properties).toMatchObject({
      version: 2,
      description: winner.properties.description,
    });
    const now = (await app.get<NodeResponse>(`/api/nodes/${enc(node.id)}`)).body.node;
    expect(now.properties).toMatchObject({ version: 2, description: winner.properties.description });
    const history = (await app.get<ChangeListResponse>(`/api/nodes/${enc(node.id)}/history`)).body.changes;
    expect(history.filter((x: { operation: string }) => x.operation === 'update-node')).toHaveLength(1);
  });

  it(`${N} concurrent renames: one wins, ${N - 1} get 409; reapplying on the fresh version then succeeds, so no update is lost`, async () => {
    const node = await c.country();
    const names = Array.from({ length: N }, (_x, i) => `Contested ${i} ${suffix()}`);
    const answers = await Promise.all(
      names.map((name) =>
        app.send<WriteResponse<GraphNode>>(
          'PATCH',
          `/api/nodes/${enc(node.id)}`,
          { version: 1, name },
          c.as.curator.headers,
        ),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(N - 1);
    const winner = answers.find((r) => r.status === 200)!.body.result!.name;
    expect((await app.get<NodeResponse>(`/api/nodes/${enc(node.id)}`)).body.node).toMatchObject({
      name: winner,
      properties: { version: 2 },
    });
    // Each loser reapplies on the current state it was sent: one after another they all land.
    let version = 2;
    for (const r of answers.filter((x) => x.status === 409)) {
      const current = (await app.get<NodeResponse>(`/api/nodes/${enc(node.id)}`)).body.node;
      expect(current.properties.version).toBe(version);
      const name = names[answers.indexOf(r)]!;
      const retry = await app.send(
        'PATCH',
        `/api/nodes/${enc(node.id)}`,
        { version, name },
        c.as.curator.headers,
      );
      expect(retry.status, JSON.stringify(retry.body)).toBe(200);
      version++;
    }
    const history = (await app.get<ChangeListResponse>(`/api/nodes/${enc(node.id)}/history`)).body
      .changes as {
      operation: string;
      after: { nodes: { name: string }[] };
    }[];
    const renames = history.filter((x) => x.operation === 'update-node').map((x) => x.after.nodes[0]!.name);
    expect(renames.sort()).toEqual([...names].sort());
  });

  it('concurrent edits of the same relationship: exactly one wins', async () => {
    const x = await c.country();
    const edge = await app.send<WriteResponse<GraphEdge>>(
      'POST',
      '/api/edges',
      {
        type: 'MEMBER_OF',
        source: x.id,
        target: 'forum:five-eyes',
        evidence: [{ sourceId: SOURCE_ID, quote: c.quote }],
      },
      c.as.curator.headers,
    );
    expect(edge.status).toBe(201);
    const levels = ['confirmed', 'reported', 'speculative'];
    const answers = await Promise.all(
      levels.map((confidence) =>
        app.send<WriteResponse<GraphEdge>>(
          'PATCH',
          `/api/edges/${enc(edge.body.result!.id)}`,
          { version: 1, properties: { confidence } },
          c.as.curator.headers,
        ),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const won = answers.find((r) => r.status === 200)!.body.result!.properties.confidence;
    const now = (await app.get<NeighboursResponse>(`/api/nodes/${enc(x.id)}/neighbours`)).body.edges[0];
    expect(now.properties).toMatchObject({ confidence: won, version: 2 });
  });

  it('concurrent reverts of the same change: exactly one applies', async () => {
    const node = await c.country();
    const edit = await app.send<WriteResponse<GraphNode>>(
      'PATCH',
      `/api/nodes/${enc(node.id)}`,
      { version: 1, description: 'To be reverted once.' },
      c.as.curator.headers,
    );
    const answers = await Promise.all(
      [0, 1, 2].map(() =>
        app.send('POST', `/api/changes/${enc(edit.body.change.id)}/revert`, undefined, c.as.curator.headers),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const history = (await app.get<ChangeListResponse>(`/api/nodes/${enc(node.id)}/history`)).body.changes;
    expect(history.map((x: { operation: string }) => x.operation)).toEqual([
      'revert',
      'update-node',
      'create-node',
    ]);
    expect((await app.get<NodeResponse>(`/api/nodes/${enc(node.id)}`)).body.node.properties).toEqual({
      version: 3,
    });
  });
});
