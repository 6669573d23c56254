// The access matrix, proven route by route: every route the app registers has a row, and every row answers every
// caller (anonymous, viewer, curator, admin, owner) as it says, in each deployment; the README shows the same table.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Router, type Express } from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  EndpointKey,
  ErrorResponse,
  GraphEdge,
  GraphNode,
  LoginResponse,
  NeighboursResponse,
  SourceAddResponse,
  Workspace,
  WorkspaceListResponse,
  WriteResponse,
} from '../../contract/index.js';
import {
  ACCESS_MATRIX,
  CALLERS,
  grantOf,
  mayReach,
  permits,
  type AccessRule,
  type Caller,
  type Deployment,
} from '../../server/src/auth/access-matrix.js';
import { withAccessTable } from '../../server/src/auth/access-table.js';
import { ruleMatcher } from '../../server/src/auth/access-guard.js';
import { createApp } from '../../server/src/app.js';
import { extractionPool } from '../../server/src/services/ingest/extraction-pool.js';
import { APP_SHELL_ROUTE } from '../../server/src/static-client.js';
import { ensureUser, testPassword, testUsername } from '../setup/auth.js';
import { enc, SOURCE_ID, startCuration, suffix, type Curation } from '../setup/curation-fixtures.js';
import {
  apiRouteKeys,
  registeredRoutes,
  tableGaps,
  type RegisteredRoute,
} from '../setup/registered-routes.js';
import { addArticle, dropIngestState } from '../setup/ingest-fixtures.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

/** Registered API routes with no matrix row, and matrix rows no route answers; any non-API route but the app shell. */
function unmatched(routes: RegisteredRoute[], rules: readonly AccessRule[] = ACCESS_MATRIX) {
  const gaps = tableGaps(
    apiRouteKeys(routes),
    rules.map((r) => `${r.method} ${r.path}`),
  );
  const api = (r: RegisteredRoute) => typeof r.path === 'string' && r.path.startsWith('/api/');
  return {
    withoutRow: gaps.withoutRow.map((k) => k.replace(' ', ' /api')),
    withoutRoute: gaps.withoutRoute.map((k) => k.replace(' ', ' /api')),
    other: routes
      .filter((r) => !api(r) && r.path !== APP_SHELL_ROUTE)
      .map((r) => `${r.method} ${String(r.path)}`),
  };
}

let clientDir: string;
/** The app as main.ts builds it, with a client directory so the static routes are registered too. */
function fullApp(): Express {
  return createApp({ store: c.app.store, logger: pino({ level: 'silent' }), clientDir });
}

// ---- fixtures -------------------------------------------------------------------------------------------

let base: TestApp;
let c: Curation;
/** A viewer who owns the workspaces called "own" below, and one who owns the "others'" ones. */
let ownerUser: { headers: Record<string, string> };
let someone: { headers: Record<string, string> };
/** The anonymous browser-session key cookie of an anonymous owner. */
let anonKey: Record<string, string>;
let edgeId: string;
const workspaces: string[] = [];
const sources: string[] = [];
const users: string[] = [];
/** Sources the ingest rows added (with their suggestions). */
const sourceIds: string[] = [];

beforeAll(async () => {
  base = await startTestApp();
  c = await startCuration(base);
  await extractionPool.warmUp();
  ownerUser = { headers: (await bearer('viewer')).headers };
  someone = { headers: (await bearer('viewer')).headers };
  const anon = await base.send<Workspace>('POST', '/api/workspaces', {
    name: `Access key ${suffix()}`,
    scene: { nodes: [] },
  });
  expect(anon.status).toBe(201);
  workspaces.push(anon.body.id);
  anonKey = { Cookie: `wsk=${/wsk=([^;]+)/.exec(anon.headers.get('set-cookie') ?? '')![1]}` };
  const edges = await base.get<NeighboursResponse>('/api/nodes/country:uk/neighbours?limit=1');
  edgeId = edges.body.edges[0].id;
  clientDir = mkdtempSync(join(tmpdir(), 'secgraph-acl-client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>app</title>');
});
afterAll(async () => {
  const db = { database: base.store.database };
  await dropIngestState(base, [...sourceIds, ...sources]);
  await base.store.driver.executeQuery(
    'MATCH (w:Workspace) WHERE w.id IN $ids DELETE w',
    { ids: workspaces },
    db,
  );
  await base.store.driver.executeQuery(
    'MATCH (s:Source) WHERE s.id IN $ids DETACH DELETE s',
    { ids: sources },
    db,
  );
  await base.store.driver.executeQuery(
    'MATCH (u:User) WHERE u.username IN $users OPTIONAL MATCH (s:Session {usernameKey: u.usernameKey}) DETACH DELETE s, u',
    { users },
    db,
  );
  await c.cleanup();
  await base.close();
  rmSync(clientDir, { recursive: true, force: true });
});

/** A fresh user of `role`, logged in with a bearer token (removed after the file). */
async function bearer(role: 'viewer' | 'curator' | 'admin', username = testUsername(`acl-${role}`)) {
  const { password } = await ensureUser(base, { username, role });
  if (!users.includes(username)) users.push(username);
  const res = await base.send<LoginResponse>('POST', '/api/auth/login', { username, password, token: true });
  expect(res.status).toBe(200);
  return { username, password, headers: { Authorization: `Bearer ${res.body.token}` } };
}

/** A workspace saved by `headers` (on the base app, where anonymous saves are allowed). */
async function workspace(headers: Record<string, string>, visibility: 'shared' | 'private'): Promise<string> {
  const res = await base.send<Workspace>(
    'POST',
    '/api/workspaces',
    { name: `Access ${suffix()}`, scene: { nodes: [{ id: 'country:uk', x: 0, y: 0 }] }, visibility },
    headers,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  workspaces.push(res.body.id);
  return res.body.id;
}

// ---- one valid request per row ---------------------------------------------------------------------------

interface Req {
  path: string;
  body?: unknown;
  /** Headers of the same caller to use instead of theirs (a fresh session for logout). */
  headers?: Record<string, string>;
}
/** Who calls, for samples that need a session of their own or a resource. */
interface Ctx {
  caller: Caller;
  /** A second session of the same caller (anonymous: none). */
  fresh(): Promise<Record<string, string>>;
  /** The workspace the request is about (rows with an owner column). */
  workspaceId: string;
}

const ev = () => [{ sourceId: SOURCE_ID, quote: c.quote }];
const edgeFixture = async (): Promise<string> => {
  const x = await c.country();
  const res = await base.send<WriteResponse<GraphEdge>>(
    'POST',
    '/api/edges',
    { type: 'MEMBER_OF', source: x.id, target: 'forum:five-eyes', evidence: ev() },
    c.as.curator.headers,
  );
  expect(res.status).toBe(201);
  return res.body.result!.id;
};
/** A new article added by the curator: its id and its suggestions. */
const article = async (): Promise<SourceAddResponse> => {
  const out = await addArticle(base, c, c.as.curator.headers);
  sourceIds.push(out.result!.id);
  return out;
};
let shared: SourceAddResponse | undefined;
/** A source with suggestions (one for every row that only reads or accepts nothing). */
const ingested = async (): Promise<string> => (shared ??= await article()).result!.id;
/** A pending node suggestion of its own (each decision uses one up). */
const pendingNode = async (): Promise<string> =>
  (await article()).suggestions.find((s) => s.kind === 'node')!.id;
/** A source stored without an extraction record, as sources from before ingest are. */
const unextracted = async (): Promise<string> => {
  const out = await article();
  await dropIngestState(base, [out.result!.id]);
  return out.result!.id;
};
const throwawayUser = async (): Promise<string> => {
  const username = testUsername('acl-target');
  await ensureUser(base, { username, role: 'viewer' });
  users.push(username);
  return username;
};

/**
 * Each row's request: valid in itself, so a refusal is the matrix's doing, and an allowed call must answer 2xx.
 * Keyed as the contract's ENDPOINTS are, so an endpoint without a sample does not compile.
 */
const SAMPLES: { readonly [K in EndpointKey]: (x: Ctx) => Promise<Req> } = {
  'GET /health': async () => ({ path: '/api/health' }),
  'POST /auth/login': async () => {
    const u = await bearer('viewer');
    return { path: '/api/auth/login', body: { username: u.username, password: u.password, token: true } };
  },
  'POST /auth/logout': async (x) => ({ path: '/api/auth/logout', headers: await x.fresh() }),
  'GET /auth/me': async () => ({ path: '/api/auth/me' }),
  'GET /schema': async () => ({ path: '/api/schema' }),
  'GET /search': async () => ({ path: '/api/search?q=france' }),
  'GET /nodes/:id': async () => ({ path: '/api/nodes/country%3Auk' }),
  'GET /nodes/:id/neighbours': async () => ({ path: '/api/nodes/country%3Auk/neighbours?limit=5' }),
  'GET /nodes/:id/neighbour-counts': async () => ({ path: '/api/nodes/country%3Auk/neighbour-counts' }),
  'GET /nodes/:id/neighbourhood': async () => ({ path: '/api/nodes/country%3Auk/neighbourhood?limit=20' }),
  'GET /paths': async () => ({ path: '/api/paths?from=country%3Auk&to=country%3Afr' }),
  'GET /cooperation': async () => ({ path: '/api/cooperation?threat=terrorism&limit=5' }),
  'POST /cypher': async () => ({
    path: '/api/cypher',
    body: { query: 'MATCH (c:Country) RETURN c.name LIMIT 1' },
  }),
  'POST /export': async () => ({ path: '/api/export', body: { format: 'json', nodeIds: ['country:uk'] } }),
  'GET /export': async () => ({ path: '/api/export?format=json&nodeIds=country%3Auk' }),
  'GET /nodes/:id/history': async () => ({ path: '/api/nodes/country%3Auk/history' }),
  'GET /edges/:id/history': async () => ({ path: `/api/edges/${enc(edgeId)}/history` }),
  'GET /changes': async () => ({ path: '/api/changes?limit=3' }),
  'GET /deleted': async () => ({ path: '/api/deleted?limit=3' }),
  'GET /sources': async () => ({ path: '/api/sources' }),
  'GET /sources/:id': async () => ({ path: `/api/sources/${enc(SOURCE_ID)}` }),

  'GET /workspaces': async () => ({ path: '/api/workspaces' }),
  'POST /workspaces': async () => ({
    path: '/api/workspaces',
    body: { name: `Access new ${suffix()}`, scene: { nodes: [{ id: 'country:fr', x: 1, y: 2 }] } },
  }),
  'GET /workspaces/:id': async (x) => ({ path: `/api/workspaces/${x.workspaceId}` }),
  'PUT /workspaces/:id': async (x) => ({
    path: `/api/workspaces/${x.workspaceId}`,
    body: { scene: { nodes: [] }, version: 1 },
  }),
  'PATCH /workspaces/:id': async (x) => ({
    path: `/api/workspaces/${x.workspaceId}`,
    body: { name: `Access renamed ${suffix()}`, version: 1 },
  }),
  'DELETE /workspaces/:id': async (x) => ({ path: `/api/workspaces/${x.workspaceId}` }),

  'POST /nodes': async () => ({
    path: '/api/nodes',
    body: { label: 'Country', name: `Accessland ${suffix()}`, evidence: ev() },
  }),
  'PATCH /nodes/:id': async () => ({
    path: `/api/nodes/${enc((await c.country()).id)}`,
    body: { version: 1, description: 'Edited.' },
  }),
  'DELETE /nodes/:id': async () => ({
    path: `/api/nodes/${enc((await c.country()).id)}`,
    body: { version: 1 },
  }),
  'POST /nodes/:id/merge': async () => {
    const [a, b] = [await c.country(), await c.country()];
    return { path: `/api/nodes/${enc(a.id)}/merge`, body: { otherId: b.id, version: 1, otherVersion: 1 } };
  },
  'POST /edges': async () => ({
    path: '/api/edges',
    body: { type: 'MEMBER_OF', source: (await c.country()).id, target: 'forum:five-eyes', evidence: ev() },
  }),
  'PATCH /edges/:id': async () => ({
    path: `/api/edges/${enc(await edgeFixture())}`,
    body: { version: 1, properties: { confidence: 'reported' } },
  }),
  'DELETE /edges/:id': async () => ({ path: `/api/edges/${enc(await edgeFixture())}`, body: { version: 1 } }),
  'POST /changes/:id/revert': async () => {
    const x = await c.country();
    const edit = await base.send<WriteResponse<GraphNode>>(
      'PATCH',
      `/api/nodes/${enc(x.id)}`,
      { version: 1, description: 'To revert.' },
      c.as.curator.headers,
    );
    return { path: `/api/changes/${enc(edit.body.change.id)}/revert` };
  },
  'POST /sources': async () => ({
    path: '/api/sources',
    body: {
      title: `Access matrix source ${suffix()}`,
      publisher: 'Tests',
      date: '2025-04-08',
      url: 'https://example.org/a',
      text: `The full text of a source (${suffix()}) that the access matrix test adds and removes again.`,
    },
  }),
  'GET /sources/:id/extraction': async () => ({ path: `/api/sources/${enc(await ingested())}/extraction` }),
  'POST /sources/:id/extraction': async () => ({
    path: `/api/sources/${enc(await unextracted())}/extraction`,
  }),
  'GET /sources/:id/suggestions': async () => ({ path: `/api/sources/${enc(await ingested())}/suggestions` }),
  'POST /sources/:id/suggestions/accept': async () => ({
    path: `/api/sources/${enc(await ingested())}/suggestions/accept`,
    body: { kind: 'node', minScore: 1 },
  }),
  'POST /suggestions/:id/accept': async () => ({ path: `/api/suggestions/${await pendingNode()}/accept` }),
  'POST /suggestions/:id/reject': async () => ({ path: `/api/suggestions/${await pendingNode()}/reject` }),
  'POST /suggestions/:id/link': async () => ({
    path: `/api/suggestions/${await pendingNode()}/link`,
    body: { nodeId: (await c.country()).id },
  }),

  'GET /users': async () => ({ path: '/api/users' }),
  'POST /users': async () => {
    const username = testUsername('acl-new');
    users.push(username);
    return { path: '/api/users', body: { username, password: testPassword(), role: 'viewer' } };
  },
  'PATCH /users/:username': async () => ({
    path: `/api/users/${await throwawayUser()}`,
    body: { role: 'curator' },
  }),
  'DELETE /users/:username': async () => ({ path: `/api/users/${await throwawayUser()}` }),
};

// ---- the checks ------------------------------------------------------------------------------------------

/** Who calls: a caller of the matrix, or an owner (a viewer, or an anonymous browser session, that saved it). */
type Actor = { name: string; caller: Caller; owner: boolean; headers: () => Record<string, string> };
const ACTORS: Actor[] = [
  ...CALLERS.map((caller) => ({
    name: caller,
    caller,
    owner: false,
    headers: () => (caller === 'anonymous' ? {} : c.as[caller].headers),
  })),
  { name: 'owner (viewer)', caller: 'viewer', owner: true, headers: () => ownerUser.headers },
  { name: 'owner (anonymous)', caller: 'anonymous', owner: true, headers: () => anonKey },
];

/** Sends one row's sample as `actor` on `app` (about a workspace of `visibility` when the row has an owner) and checks it. */
async function check(
  app: TestApp,
  d: Deployment,
  rule: AccessRule,
  actor: Actor,
  visibility: 'shared' | 'private',
) {
  const g = grantOf(rule, actor.caller, d);
  const headers = actor.headers();
  const workspaceId = rule.owner ? await workspace(actor.owner ? headers : someone.headers, visibility) : '';
  const fresh = async () => {
    if (actor.caller === 'anonymous') return headers;
    const u = actor.owner ? null : c.as[actor.caller];
    if (!u) return headers;
    const res = await base.send<LoginResponse>('POST', '/api/auth/login', {
      username: u.username,
      password: u.password,
      token: true,
    });
    return { Authorization: `Bearer ${res.body.token}` };
  };
  const req = await SAMPLES[`${rule.method} ${rule.path}` as EndpointKey]({
    caller: actor.caller,
    fresh,
    workspaceId,
  });
  const res = await app.send<Partial<WriteResponse & ErrorResponse & WorkspaceListResponse & Workspace>>(
    rule.method,
    req.path,
    req.body,
    req.headers ?? headers,
  );
  const what = `${rule.method} ${req.path} as ${actor.name}${rule.owner ? ` on a ${visibility} workspace` : ''}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
  if (res.status === 201 && typeof res.body?.result?.id === 'string') {
    if (rule.path === '/sources') sources.push(res.body.result!.id);
    else c.nodes.add(res.body.result!.id);
  }
  if (res.status === 201 && rule.path === '/workspaces') workspaces.push(res.body.id!);

  // The list is reachable on a `shared` grant; which workspaces it holds is what the grant decides.
  const listing = rule.method === 'GET' && rule.path === '/workspaces';
  const allowed = listing
    ? mayReach(g)
    : rule.owner
      ? permits(g, { owned: actor.owner, shared: visibility === 'shared' })
      : g.grant === 'yes';
  expect(res.status, what).toBeLessThan(500);
  if (allowed) {
    expect(res.status, what).toBeGreaterThanOrEqual(200);
    expect(res.status, what).toBeLessThan(300);
  } else {
    expect(res.status, what).toBe(actor.caller === 'anonymous' ? 401 : 403);
    expect(res.body.error?.code, what).toBe(actor.caller === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
  }
  if (listing && allowed) {
    const ids = res.body.workspaces!.map((w) => w.id);
    const should = permits(g, { owned: actor.owner, shared: visibility === 'shared' });
    expect(ids.includes(workspaceId), `${what}: lists the workspace`).toBe(should);
  }
}

const DEPLOYMENTS: (Deployment & { name: string; actors: (a: Actor) => boolean })[] = [
  { name: 'open (the defaults)', authRequired: false, anonymousWorkspaces: true, actors: () => true },
  { name: 'AUTH_REQUIRED=true', authRequired: true, anonymousWorkspaces: false, actors: () => true },
  // The switches only change what anonymous callers get (grantOf): the logged-in answers are checked above.
  {
    name: 'open, ANONYMOUS_WORKSPACES=false',
    authRequired: false,
    anonymousWorkspaces: false,
    actors: (a) => a.caller === 'anonymous',
  },
  {
    name: 'AUTH_REQUIRED=true, ANONYMOUS_WORKSPACES=true',
    authRequired: true,
    anonymousWorkspaces: true,
    actors: (a) => a.caller === 'anonymous',
  },
];

describe('the access matrix', () => {
  it('has a row for every route the app registers and a route for every row; nothing else is routed but the app shell', () => {
    const routes = registeredRoutes(fullApp());
    expect(routes.length).toBeGreaterThan(ACCESS_MATRIX.length);
    expect(unmatched(routes)).toEqual({ withoutRow: [], withoutRoute: [], other: [] });
    expect(Object.keys(SAMPLES).sort()).toEqual(ACCESS_MATRIX.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('notices a route registered without a row', () => {
    const app = fullApp();
    const extra = Router();
    extra.delete('/workspaces/:id/everything', (_req, res) => res.status(204).end());
    app.use('/api', extra);
    expect(unmatched(registeredRoutes(app)).withoutRow).toEqual(['DELETE /api/workspaces/:id/everything']);
  });

  it('finds a row however the router would spell its path: any letter case, a trailing slash, encoded parameters', () => {
    const find = ruleMatcher();
    for (const rule of ACCESS_MATRIX) {
      const path = rule.path.replace(/:\w+/g, 'country%3Auk');
      for (const spelled of [path, path.toUpperCase(), `${path}/`]) {
        // A HEAD is answered by the GET route.
        expect(find(rule.method, spelled), `${rule.method} ${spelled}`).toBe(rule);
        if (rule.method === 'GET') expect(find('HEAD', spelled)).toBe(rule);
      }
      expect(find(rule.method, `${path}/extra`), `${rule.method} ${path}/extra`).not.toBe(rule);
    }
  });

  it('is the table in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(withAccessTable(readme), 'run `npx tsx scripts/access-table.ts --write`').toBe(readme);
  });
});

for (const d of DEPLOYMENTS) {
  describe(`every route for every caller: ${d.name}`, () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp({ store: base.store, ...d });
    });
    afterAll(async () => {
      await app.close();
    });
    for (const rule of ACCESS_MATRIX) {
      it(`${rule.method} /api${rule.path}`, async () => {
        for (const actor of ACTORS.filter(d.actors)) {
          if (actor.owner && !rule.owner) continue;
          for (const visibility of rule.owner ? (['shared', 'private'] as const) : (['shared'] as const))
            await check(app, d, rule, actor, visibility);
        }
      });
    }
  });
}
