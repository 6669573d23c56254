// The client's API layer sends each call to its contract endpoint: method, URL (parameters encoded, lists
// comma-separated, empty values left out) and body, as the server's routes expect them.
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient } from '../../client/src/api/api-client.js';
import { createAuthApi } from '../../client/src/api/auth-api.js';
import { createCurationApi } from '../../client/src/api/curation-api.js';
import { createCypherApi } from '../../client/src/api/cypher-api.js';
import { createWorkspaceApi } from '../../client/src/api/workspace-api.js';

interface Sent {
  method: string;
  url: string;
  body: unknown;
}
let sent: Sent[] = [];
const realFetch = globalThis.fetch;
/** Records each request and answers 200 `{}` (204 for DELETE of a workspace or user, and logout). */
function recordFetch(): void {
  sent = [];
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    sent.push({
      method: init.method ?? 'GET',
      url,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    const empty = /\/(workspaces|users)\/|logout/.test(url) && init.method !== 'GET' && init.method !== 'PUT';
    return new Response(empty ? null : '{}', {
      status: empty ? 204 : 200,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
}
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('the client API layer', () => {
  it('builds the read URLs from the contract keys', async () => {
    recordFetch();
    const api = createApiClient();
    await api.health();
    await api.search('five eyes', { labels: ['Forum', 'Actor'], limit: 5 });
    await api.node('country:uk');
    await api.neighbours('country:uk', {
      relTypes: ['PARTICIPATED_IN'],
      direction: 'out',
      labels: [],
      limit: 50,
    });
    await api.neighbourCounts('country:uk');
    await api.paths({
      from: 'country:uk',
      to: 'country:fr',
      maxHops: 4,
      mode: 'k-paths',
      k: 3,
      relTypes: [],
    });
    await api.paths({
      from: 'a:b',
      to: 'c:d',
      maxHops: 2,
      mode: 'shortest',
      k: 3,
      threat: 'threat:terrorism',
    });
    await api.cooperation('terrorism', { actor: 'country:uk' });
    expect(sent.map((s) => `${s.method} ${s.url}`)).toEqual([
      'GET /api/health',
      'GET /api/search?q=five+eyes&labels=Forum%2CActor&limit=5',
      'GET /api/nodes/country%3Auk',
      'GET /api/nodes/country%3Auk/neighbours?relTypes=PARTICIPATED_IN&direction=out&limit=50',
      'GET /api/nodes/country%3Auk/neighbour-counts',
      'GET /api/paths?from=country%3Auk&to=country%3Afr&maxHops=4&mode=k-paths&k=3',
      'GET /api/paths?from=a%3Ab&to=c%3Ad&maxHops=2&mode=shortest&threat=threat%3Aterrorism',
      'GET /api/cooperation?threat=terrorism&actor=country%3Auk',
    ]);
  });

  it('sends writes with their method, URL and body', async () => {
    recordFetch();
    const cur = createCurationApi();
    const evidence = [{ curatorAsserted: true as const, note: 'n' }];
    await cur.createNode({ label: 'Country', name: 'X', evidence });
    await cur.updateNode('country:x', { version: 1, name: 'Y' });
    await cur.deleteNode('country:x', 2);
    await cur.merge('country:x', { otherId: 'country:y', version: 1, otherVersion: 1 });
    await cur.deleteEdge('e 1', 3);
    await cur.revert('chg-1');
    await cur.history('edge', 'e/1');
    await cur.changes({ limit: 20, before: 'chg-9' });
    await cur.changes();
    await cur.deleted(10);
    await createCypherApi().run({ query: 'RETURN 1' });
    const ws = createWorkspaceApi();
    await ws.rename('ws-1', 'N', 4);
    await ws.create('P', { nodes: [] }, 'private');
    await ws.create('S', { nodes: [] });
    await ws.setVisibility('ws-1', 'shared', 5);
    await ws.remove('ws-1');
    const auth = createAuthApi();
    await auth.logout();
    await auth.updateUser('a.b@c', { role: 'curator' });
    expect(sent).toEqual([
      { method: 'POST', url: '/api/nodes', body: { label: 'Country', name: 'X', evidence } },
      { method: 'PATCH', url: '/api/nodes/country%3Ax', body: { version: 1, name: 'Y' } },
      { method: 'DELETE', url: '/api/nodes/country%3Ax', body: { version: 2 } },
      {
        method: 'POST',
        url: '/api/nodes/country%3Ax/merge',
        body: { otherId: 'country:y', version: 1, otherVersion: 1 },
      },
      { method: 'DELETE', url: '/api/edges/e%201', body: { version: 3 } },
      { method: 'POST', url: '/api/changes/chg-1/revert', body: {} },
      { method: 'GET', url: '/api/edges/e%2F1/history', body: undefined },
      { method: 'GET', url: '/api/changes?limit=20&before=chg-9', body: undefined },
      { method: 'GET', url: '/api/changes', body: undefined },
      { method: 'GET', url: '/api/deleted?limit=10', body: undefined },
      { method: 'POST', url: '/api/cypher', body: { query: 'RETURN 1' } },
      { method: 'PATCH', url: '/api/workspaces/ws-1', body: { name: 'N', version: 4 } },
      {
        method: 'POST',
        url: '/api/workspaces',
        body: { name: 'P', scene: { nodes: [] }, visibility: 'private' },
      },
      { method: 'POST', url: '/api/workspaces', body: { name: 'S', scene: { nodes: [] } } },
      { method: 'PATCH', url: '/api/workspaces/ws-1', body: { visibility: 'shared', version: 5 } },
      { method: 'DELETE', url: '/api/workspaces/ws-1', body: undefined },
      { method: 'POST', url: '/api/auth/logout', body: undefined },
      { method: 'PATCH', url: '/api/users/a.b%40c', body: { role: 'curator' } },
    ]);
  });
});
