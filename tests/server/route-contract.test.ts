// Every route the app registers is in the contract and in this table, and refuses an unknown query key and an
// unknown body key by name (400 VALIDATION_FAILED) before doing anything: a typo such as `?relType=` is an error.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ENDPOINTS,
  type EndpointKey,
  type ErrorResponse,
  type NeighboursResponse,
} from '../../contract/index.js';
import { createApp } from '../../server/src/app.js';
import { loginAs, type LoggedIn } from '../setup/auth.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { registeredRoutes } from '../setup/registered-routes.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

/**
 * One row per route (`METHOD /api/path`): a concrete path to call. Ids need not exist: the request is refused
 * before any lookup. `anonymous` rows are sent without the admin's token (logging out would end it).
 */
const ROUTES: Record<string, { path: string; anonymous?: true }> = {
  'GET /api/health': { path: '/api/health' },
  'GET /api/schema': { path: '/api/schema' },
  'GET /api/search': { path: '/api/search?q=France' },
  'GET /api/nodes/:id': { path: '/api/nodes/country:uk' },
  'GET /api/nodes/:id/neighbours': { path: '/api/nodes/country:uk/neighbours' },
  'GET /api/nodes/:id/neighbour-counts': { path: '/api/nodes/country:uk/neighbour-counts' },
  'GET /api/nodes/:id/neighbourhood': { path: '/api/nodes/country:uk/neighbourhood' },
  'GET /api/paths': { path: '/api/paths?from=country:uk&to=country:fr' },
  'GET /api/cooperation': { path: '/api/cooperation?threat=terrorism' },
  'POST /api/cypher': { path: '/api/cypher' },
  'POST /api/export': { path: '/api/export' },
  'GET /api/export': { path: '/api/export?format=json&nodeIds=country:uk' },
  'GET /api/workspaces': { path: '/api/workspaces' },
  'POST /api/workspaces': { path: '/api/workspaces' },
  'GET /api/workspaces/:id': { path: '/api/workspaces/ws-none' },
  'PUT /api/workspaces/:id': { path: '/api/workspaces/ws-none' },
  'PATCH /api/workspaces/:id': { path: '/api/workspaces/ws-none' },
  'DELETE /api/workspaces/:id': { path: '/api/workspaces/ws-none' },
  'POST /api/nodes': { path: '/api/nodes' },
  'PATCH /api/nodes/:id': { path: '/api/nodes/country:uk' },
  'DELETE /api/nodes/:id': { path: '/api/nodes/country:uk' },
  'POST /api/nodes/:id/merge': { path: '/api/nodes/country:uk/merge' },
  'POST /api/edges': { path: '/api/edges' },
  'PATCH /api/edges/:id': { path: '/api/edges/edge-none' },
  'DELETE /api/edges/:id': { path: '/api/edges/edge-none' },
  'POST /api/changes/:id/revert': { path: '/api/changes/chg-none/revert' },
  'POST /api/sources': { path: '/api/sources' },
  'GET /api/nodes/:id/history': { path: '/api/nodes/country:uk/history' },
  'GET /api/edges/:id/history': { path: '/api/edges/edge-none/history' },
  'GET /api/changes': { path: '/api/changes' },
  'GET /api/deleted': { path: '/api/deleted' },
  'GET /api/sources': { path: '/api/sources' },
  'GET /api/sources/:id': { path: '/api/sources/source:none' },
  'POST /api/auth/login': { path: '/api/auth/login', anonymous: true },
  'POST /api/auth/logout': { path: '/api/auth/logout', anonymous: true },
  'GET /api/auth/me': { path: '/api/auth/me' },
  'GET /api/users': { path: '/api/users' },
  'POST /api/users': { path: '/api/users' },
  'PATCH /api/users/:username': { path: '/api/users/nobody-here' },
  'DELETE /api/users/:username': { path: '/api/users/nobody-here' },
};

/** A key no endpoint takes: it must come back named in the message. */
const UNKNOWN = 'bogusKey';

let app: TestApp;
let admin: LoggedIn;
beforeAll(async () => {
  app = await startTestApp();
  admin = await loginAs(app, 'admin');
});
afterAll(async () => {
  await app.close();
});

const contractKey = (row: string): EndpointKey => row.replace(' /api/', ' /') as EndpointKey;
const withQuery = (path: string, extra: string): string => `${path}${path.includes('?') ? '&' : '?'}${extra}`;

describe('the route table', () => {
  it('lists every route the app registers, each in the contract, and no route the app lacks', () => {
    const express = createApp({ store: app.store, logger: pino({ level: 'silent' }) });
    const api = registeredRoutes(express)
      .filter((r) => typeof r.path === 'string' && r.path.startsWith('/api/'))
      .map((r) => `${r.method} ${r.path as string}`);
    expect(api.length).toBeGreaterThanOrEqual(40);
    expect(api.filter((k) => !(k in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((k) => !api.includes(k))).toEqual([]);
    expect(api.filter((k) => !(contractKey(k) in ENDPOINTS))).toEqual([]);
    expect(Object.keys(ENDPOINTS).length).toBe(api.length);
  });
});

describe('unknown keys', () => {
  const rows = Object.entries(ROUTES);
  const send = (row: string, path: string, body?: unknown) => {
    const [method] = row.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'];
    return app.send<ErrorResponse>(method, path, body, ROUTES[row]!.anonymous ? {} : admin.headers);
  };

  it.each(rows)('%s refuses an unknown query key with 400 naming it', async (row, { path }) => {
    const res = await send(row, withQuery(path, `${UNKNOWN}=1`));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.message).toContain(`\`${UNKNOWN}\``);
  });

  it.each(rows.filter(([row]) => !row.startsWith('GET ')))(
    '%s refuses an unknown body key with 400 naming it',
    async (row, { path }) => {
      const res = await send(row, path, { [UNKNOWN]: 1 });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toContain(`\`${UNKNOWN}\``);
    },
  );

  it('a typo in a neighbour filter (`?relType=`) is refused, where it used to return unfiltered results', async () => {
    const typo = await app.get<ErrorResponse>('/api/nodes/country:uk/neighbours?relType=PARTICIPATED_IN');
    expect(typo.status).toBe(400);
    expect(typo.body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'request' });
    expect(typo.body.error.message).toContain('`relType`');
    expect(typo.body.error.message).toContain('relTypes');
    const right = await app.get<NeighboursResponse>(
      '/api/nodes/country:uk/neighbours?relTypes=PARTICIPATED_IN',
    );
    expect(right.status).toBe(200);
    expect(right.body.edges.length).toBeGreaterThan(0);
    for (const e of right.body.edges) expect(e.type).toBe('PARTICIPATED_IN');
  });

  it('a route that takes no query says so', async () => {
    const res = await app.get<ErrorResponse>(`/api/health?${UNKNOWN}=1`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('takes no query');
  });

  it('changes nothing in the graph on the way', async () => {
    const before = await graphFingerprint(app.store);
    for (const [row, { path }] of rows.filter(([r]) => !r.startsWith('GET '))) {
      expect((await send(row, withQuery(path, `${UNKNOWN}=1`), { [UNKNOWN]: 1 })).status, row).toBe(400);
    }
    expect(await graphFingerprint(app.store)).toEqual(before);
    expect(before.nodes).toBeGreaterThan(100);
  });
});
