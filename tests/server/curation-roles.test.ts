// Every curation write against anonymous (401), viewer (403), curator and admin (allowed); refusals change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChangeListResponse,
  ErrorResponse,
  GraphEdge,
  GraphNode,
  Role,
  WriteResponse,
} from '../../contract/index.js';
import { cookieLogin } from '../setup/auth.js';
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

type Method = 'POST' | 'PATCH' | 'DELETE';
type Prepared = { method: Method; path: string; body?: unknown; status: number };
const ev = () => [{ sourceId: SOURCE_ID, quote: c.quote }];

async function edgeFixture(): Promise<string> {
  const x = await c.country();
  const res = await app.send<WriteResponse<GraphEdge>>(
    'POST',
    '/api/edges',
    { type: 'MEMBER_OF', source: x.id, target: 'forum:five-eyes', evidence: ev() },
    c.as.curator.headers,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.result!.id;
}

/** Each write endpoint with a fresh, valid request: any refusal below is the role's doing, not the request's. */
const endpoints: [string, () => Promise<Prepared>][] = [
  [
    'POST /api/nodes',
    async () => ({
      method: 'POST',
      path: '/api/nodes',
      body: { label: 'Country', name: `Roleland ${suffix()}`, evidence: ev() },
      status: 201,
    }),
  ],
  [
    'PATCH /api/nodes/:id',
    async () => ({
      method: 'PATCH',
      path: `/api/nodes/${enc((await c.country()).id)}`,
      body: { version: 1, description: 'Edited.' },
      status: 200,
    }),
  ],
  [
    'DELETE /api/nodes/:id',
    async () => ({
      method: 'DELETE',
      path: `/api/nodes/${enc((await c.country()).id)}`,
      body: { version: 1 },
      status: 200,
    }),
  ],
  [
    'POST /api/nodes/:id/merge',
    async () => {
      const [a, b] = [await c.country(), await c.country()];
      return {
        method: 'POST',
        path: `/api/nodes/${enc(a.id)}/merge`,
        body: { otherId: b.id, version: 1, otherVersion: 1 },
        status: 200,
      };
    },
  ],
  [
    'POST /api/edges',
    async () => ({
      method: 'POST',
      path: '/api/edges',
      body: { type: 'MEMBER_OF', source: (await c.country()).id, target: 'forum:five-eyes', evidence: ev() },
      status: 201,
    }),
  ],
  [
    'PATCH /api/edges/:id',
    async () => ({
      method: 'PATCH',
      path: `/api/edges/${enc(await edgeFixture())}`,
      body: { version: 1, properties: { confidence: 'reported' } },
      status: 200,
    }),
  ],
  [
    'DELETE /api/edges/:id',
    async () => ({
      method: 'DELETE',
      path: `/api/edges/${enc(await edgeFixture())}`,
      body: { version: 1 },
      status: 200,
    }),
  ],
  [
    'POST /api/changes/:id/revert',
    async () => {
      const x = await c.country();
      const edit = await app.send<WriteResponse<GraphNode>>(
        'PATCH',
        `/api/nodes/${enc(x.id)}`,
        { version: 1, description: 'To revert.' },
        c.as.curator.headers,
      );
      return { method: 'POST', path: `/api/changes/${enc(edit.body.change.id)}/revert`, status: 200 };
    },
  ],
  [
    'POST /api/sources',
    async () => {
      // A text of its own each time: a source's text is stored once, and the same text again is refused (409).
      const tag = suffix();
      return {
        method: 'POST',
        path: '/api/sources',
        body: {
          title: `Role test source ${tag}`,
          publisher: 'Tests',
          date: '2025-04-08',
          url: 'https://example.org/a',
          text: `The full text of a source that tests add and remove again (${tag}).`,
        },
        status: 201,
      };
    },
  ],
];

const roles: (Role | 'anonymous')[] = ['anonymous', 'viewer', 'curator', 'admin'];

describe('the write matrix', () => {
  for (const [name, prepare] of endpoints) {
    for (const role of roles) {
      const expected = role === 'anonymous' ? 401 : role === 'viewer' ? 403 : null;
      it(`${name} as ${role}: ${expected ?? 'allowed'}`, async () => {
        const req = await prepare();
        const before = await graphFingerprint(app.store);
        const user = role === 'anonymous' ? null : c.as[role];
        const res = await app.send<Partial<WriteResponse & ErrorResponse>>(
          req.method,
          req.path,
          req.body,
          user?.headers ?? {},
        );
        if (res.status === 201 && typeof res.body?.result?.id === 'string') c.nodes.add(res.body.result.id);
        if (expected) {
          expect(res.status).toBe(expected);
          expect(res.body.error?.code).toBe(expected === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN');
          expect(await graphFingerprint(app.store)).toEqual(before);
        } else {
          expect(res.status, JSON.stringify(res.body)).toBe(req.status);
          expect(res.body.change).toMatchObject({ by: user!.username, id: expect.stringMatching(/^chg-/) });
          expect(await graphFingerprint(app.store)).not.toEqual(before);
        }
      });
    }
  }

  it('a browser session writes with its CSRF token, and not without it', async () => {
    const s = await cookieLogin(app, c.as.curator.username, c.as.curator.password);
    const x = await c.country();
    const before = await graphFingerprint(app.store);
    const noToken = await app.send<ErrorResponse>(
      'PATCH',
      `/api/nodes/${enc(x.id)}`,
      { version: 1, description: 'Cookie edit.' },
      s.read,
    );
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe('CSRF_FAILED');
    expect(await graphFingerprint(app.store)).toEqual(before);
    const ok = await app.send(
      'PATCH',
      `/api/nodes/${enc(x.id)}`,
      { version: 1, description: 'Cookie edit.' },
      s.write,
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('history, changes, deleted and sources are readable without a login', async () => {
    const x = await c.country();
    for (const path of [
      `/api/nodes/${enc(x.id)}/history`,
      '/api/changes?limit=3',
      '/api/deleted',
      '/api/sources',
      `/api/sources/${enc(SOURCE_ID)}`,
    ]) {
      const res = await app.get(path);
      expect(res.status, path).toBe(200);
    }
    expect(
      (await app.get<ChangeListResponse>(`/api/nodes/${enc(x.id)}/history`)).body.changes[0],
    ).toMatchObject({
      operation: 'create-node',
      targetId: x.id,
    });
  });
});
