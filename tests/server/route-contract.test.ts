// Every route the app registers is in the contract and in this table, and refuses an unknown query key and an
// unknown body key by name (400 VALIDATION_FAILED) before doing anything: a typo such as `?relType=` is an error.
import { Router } from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ENDPOINTS,
  type EndpointKey,
  type ErrorResponse,
  type NeighboursResponse,
} from '../../contract/index.js';
import { createApp } from '../../server/src/app.js';
import { ACCESS_MATRIX } from '../../server/src/auth/access-matrix.js';
import { loginAs, type LoggedIn } from '../setup/auth.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { apiRouteKeys, registeredRoutes, tableGaps } from '../setup/registered-routes.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

/**
 * One row per endpoint of the contract (keyed as ENDPOINTS is, so a missing row does not compile): a concrete
 * path to call. Ids need not exist: the request is refused before any lookup. `anonymous` rows are sent without
 * the admin's token (logging out would end it).
 */
const ROUTES: { readonly [K in EndpointKey]: { path: string; anonymous?: true } } = {
  'GET /health': { path: '/api/health' },
  'GET /schema': { path: '/api/schema' },
  'GET /search': { path: '/api/search?q=France' },
  'GET /nodes/:id': { path: '/api/nodes/country:uk' },
  'GET /nodes/:id/neighbours': { path: '/api/nodes/country:uk/neighbours' },
  'GET /nodes/:id/neighbour-counts': { path: '/api/nodes/country:uk/neighbour-counts' },
  'GET /nodes/:id/neighbourhood': { path: '/api/nodes/country:uk/neighbourhood' },
  'GET /paths': { path: '/api/paths?from=country:uk&to=country:fr' },
  'GET /cooperation': { path: '/api/cooperation?threat=terrorism' },
  'POST /cypher': { path: '/api/cypher' },
  'POST /export': { path: '/api/export' },
  'GET /export': { path: '/api/export?format=json&nodeIds=country:uk' },
  'GET /workspaces': { path: '/api/workspaces' },
  'POST /workspaces': { path: '/api/workspaces' },
  'GET /workspaces/:id': { path: '/api/workspaces/ws-none' },
  'PUT /workspaces/:id': { path: '/api/workspaces/ws-none' },
  'PATCH /workspaces/:id': { path: '/api/workspaces/ws-none' },
  'DELETE /workspaces/:id': { path: '/api/workspaces/ws-none' },
  'POST /nodes': { path: '/api/nodes' },
  'PATCH /nodes/:id': { path: '/api/nodes/country:uk' },
  'DELETE /nodes/:id': { path: '/api/nodes/country:uk' },
  'POST /nodes/:id/merge': { path: '/api/nodes/country:uk/merge' },
  'POST /edges': { path: '/api/edges' },
  'PATCH /edges/:id': { path: '/api/edges/edge-none' },
  'DELETE /edges/:id': { path: '/api/edges/edge-none' },
  'POST /changes/:id/revert': { path: '/api/changes/chg-none/revert' },
  'POST /sources': { path: '/api/sources' },
  'GET /nodes/:id/history': { path: '/api/nodes/country:uk/history' },
  'GET /edges/:id/history': { path: '/api/edges/edge-none/history' },
  'GET /changes': { path: '/api/changes' },
  'GET /deleted': { path: '/api/deleted' },
  'GET /sources': { path: '/api/sources' },
  'GET /sources/:id': { path: '/api/sources/source:none' },
  'GET /sources/:id/extraction': { path: '/api/sources/source:none/extraction' },
  'POST /sources/:id/extraction': { path: '/api/sources/source:none/extraction' },
  'GET /sources/:id/suggestions': { path: '/api/sources/source:none/suggestions' },
  'POST /sources/:id/suggestions/accept': { path: '/api/sources/source:none/suggestions/accept' },
  'POST /suggestions/:id/accept': { path: '/api/suggestions/sug-none/accept' },
  'POST /suggestions/:id/reject': { path: '/api/suggestions/sug-none/reject' },
  'POST /suggestions/:id/link': { path: '/api/suggestions/sug-none/link' },
  'POST /auth/login': { path: '/api/auth/login', anonymous: true },
  'POST /auth/logout': { path: '/api/auth/logout', anonymous: true },
  'GET /auth/me': { path: '/api/auth/me' },
  'GET /users': { path: '/api/users' },
  'POST /users': { path: '/api/users' },
  'PATCH /users/:username': { path: '/api/users/nobody-here' },
  'DELETE /users/:username': { path: '/api/users/nobody-here' },
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

const withQuery = (path: string, extra: string): string => `${path}${path.includes('?') ? '&' : '?'}${extra}`;

describe('the route table', () => {
  it('has a row for every route the app registers, as the contract and the access matrix do, and no row the app lacks', () => {
    const express = createApp({ store: app.store, logger: pino({ level: 'silent' }) });
    const api = apiRouteKeys(registeredRoutes(express));
    expect(api.length).toBeGreaterThanOrEqual(40);
    const none = { withoutRow: [], withoutRoute: [] };
    expect(tableGaps(api, Object.keys(ROUTES)), "this file's ROUTES").toEqual(none);
    expect(tableGaps(api, Object.keys(ENDPOINTS)), 'contract/endpoints.ts').toEqual(none);
    expect(
      tableGaps(
        api,
        ACCESS_MATRIX.map((r) => `${r.method} ${r.path}`),
      ),
      'server/src/auth/access-matrix.ts',
    ).toEqual(none);
  });

  it('names a route registered without a row', () => {
    const express = createApp({ store: app.store, logger: pino({ level: 'silent' }) });
    const extra = Router();
    extra.delete('/workspaces/:id/everything', (_req, res) => res.status(204).end());
    express.use('/api', extra);
    expect(tableGaps(apiRouteKeys(registeredRoutes(express)), Object.keys(ROUTES))).toEqual({
      withoutRow: ['DELETE /workspaces/:id/everything'],
      withoutRoute: [],
    });
  });
});

describe('unknown keys', () => {
  const rows = Object.entries(ROUTES) as [EndpointKey, (typeof ROUTES)[EndpointKey]][];
  const send = (row: EndpointKey, path: string, body?: unknown) => {
    const [method] = row.split(' ') as ['GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'];
    return app.send<ErrorResponse>(method, path, body, ROUTES[row].anonymous ? {} : admin.headers);
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
