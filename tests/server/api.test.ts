// The read API against the real seeded Neo4j: good input, bad input, and the contract's shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CooperationResponse,
  ErrorResponse,
  Graph,
  GraphEdge,
  HealthResponse,
  NeighboursResponse,
  NodeResponse,
  PathsResponse,
  SchemaResponse,
  SearchResponse,
} from '../../contract/index.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const enc = encodeURIComponent;

describe('GET /api/health', () => {
  it('reports Neo4j connected with its version', async () => {
    const { status, body } = await app.get<HealthResponse>('/api/health');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ok', neo4j: { connected: true } });
    expect(body.neo4j.version).toMatch(/^5\.26\./);
  });
});

describe('GET /api/schema', () => {
  it('lists every model label and relationship type with counts that match the graph', async () => {
    // Other test files write sources while this runs: the answer is compared with counts read just before and just
    // after it, on an attempt where the two agree (the graph held still across the request).
    const sources = async (): Promise<number> =>
      Number(
        (
          await app.store.driver.executeQuery(
            'MATCH (s:Source) RETURN count(s) AS n',
            {},
            {
              database: app.store.database,
            },
          )
        ).records[0]!.get('n'),
      );
    let still: { body: SchemaResponse; sources: number } | undefined;
    for (let attempt = 0; attempt < 10 && !still; attempt++) {
      const before = await sources();
      const { status, body } = await app.get<SchemaResponse>('/api/schema');
      expect(status).toBe(200);
      if ((await sources()) === before) still = { body, sources: before };
    }
    expect(still, 'the graph held still across one request in ten').toBeDefined();
    const { body } = still!;
    const labels = Object.fromEntries(body.labels.map((l) => [l.label, l.count]));
    expect(labels.Country).toBeGreaterThanOrEqual(8);
    expect(labels.Source).toBeGreaterThanOrEqual(5);
    expect(labels.Source).toBe(still!.sources);
    expect(labels.Actor).toBe(labels.Country + labels.Person + labels.Organization);
    const rel = body.relationshipTypes.find((t) => t.type === 'PARTICIPATED_IN');
    expect(rel).toMatchObject({ from: ['Actor'], to: ['Forum', 'Event'] });
    expect(rel!.count).toBeGreaterThan(10);
    const sum = body.relationshipTypes.reduce((s: number, t) => s + t.count, 0);
    expect(sum).toBe(body.totals.relationships);
  });
});

describe('GET /api/search', () => {
  it('finds a country by name, first', async () => {
    const { status, body } = await app.get<SearchResponse>('/api/search?q=France');
    expect(status).toBe(200);
    expect(body.nodes[0]).toMatchObject({ id: 'country:fr', name: 'France', labels: ['Actor', 'Country'] });
  });
  it('tolerates a typo (fuzzy)', async () => {
    const { body } = await app.get<SearchResponse>('/api/search?q=Interpool');
    expect(body.nodes.map((n) => n.id)).toContain('org:interpol');
  });
  it('matches aliases', async () => {
    const { body } = await app.get<SearchResponse>('/api/search?q=Five%20Eyes');
    expect(body.nodes[0].id).toBe('forum:five-eyes');
    const alias = await app.get<SearchResponse>('/api/search?q=Britain');
    expect(alias.body.nodes.map((n) => n.id)).toContain('country:uk');
  });
  it('restricts to labels and honours limit', async () => {
    const { body } = await app.get<SearchResponse>('/api/search?q=security&labels=Forum&limit=2');
    expect(body.nodes.length).toBeGreaterThan(0);
    expect(body.nodes.length).toBeLessThanOrEqual(2);
    for (const n of body.nodes) expect(n.labels).toContain('Forum');
  });
  it('treats Lucene syntax as plain words instead of failing', async () => {
    const { status, body } = await app.get<SearchResponse>(`/api/search?q=${enc('France" OR *:* AND (')}`);
    expect(status).toBe(200);
    expect(body.nodes[0].id).toBe('country:fr');
  });
  it.each([
    ['', 'q'],
    ['?q=', 'q'],
    ['?q=x&limit=0', 'limit'],
    ['?q=x&limit=101', 'limit'],
    ['?q=x&limit=abc', 'limit'],
    ['?q=x&labels=Spaceship', 'labels'],
    ['?q=a&q=b', 'q'],
    [`?q=${'x'.repeat(201)}`, 'q'],
  ])('refuses bad input %s with 400 naming %s', async (qs, field) => {
    const { status, body } = await app.get<ErrorResponse>(`/api/search${qs}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
    expect(body.error.message).toContain(field);
  });
});

describe('GET /api/nodes/:id', () => {
  it('returns the node with evidence: quote, source title and offsets', async () => {
    const { status, body } = await app.get<NodeResponse>('/api/nodes/country:fr');
    expect(status).toBe(200);
    expect(body.node).toMatchObject({ id: 'country:fr', name: 'France' });
    expect(body.evidence.length).toBeGreaterThan(0);
    for (const e of body.evidence) {
      expect(e.sourceTitle).toMatch(/Paris-London/);
      expect(e.end! - e.start!).toBe(e.quote!.length);
    }
  });
  it('404s an unknown id with the field named', async () => {
    const { status, body } = await app.get<ErrorResponse>('/api/nodes/country:atlantis');
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
  it('404s an unknown endpoint with JSON, not HTML', async () => {
    const { status, body } = await app.get<ErrorResponse>('/api/nope');
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/nodes/:id/neighbours', () => {
  it('expands with the centre, neighbours and the edges between them', async () => {
    const { status, body } = await app.get<NeighboursResponse>(
      '/api/nodes/forum:five-country-ministerial-2025/neighbours',
    );
    expect(status).toBe(200);
    const ids = body.nodes.map((n) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'forum:five-country-ministerial-2025',
        'country:us',
        'country:uk',
        'country:ca',
        'country:au',
        'country:nz',
        'person:kristi-noem',
      ]),
    );
    expect(body.truncated).toBe(false);
    expect(body.total).toBe(body.nodes.length - 1);
    for (const e of body.edges as GraphEdge[]) {
      expect([e.source, e.target]).toContain('forum:five-country-ministerial-2025');
      expect(e.evidence!.length).toBeGreaterThan(0);
    }
  });
  it('caps at limit, says truncated, and reports the total', async () => {
    const full = await app.get<NeighboursResponse>('/api/nodes/country:uk/neighbours?limit=500');
    const capped = await app.get<NeighboursResponse>('/api/nodes/country:uk/neighbours?limit=3');
    expect(full.body.total).toBeGreaterThan(3);
    expect(capped.body.nodes).toHaveLength(4);
    expect(capped.body).toMatchObject({ truncated: true, total: full.body.total });
  });
  it('pages with skip', async () => {
    const first = await app.get<NeighboursResponse>('/api/nodes/country:uk/neighbours?limit=3');
    const second = await app.get<NeighboursResponse>('/api/nodes/country:uk/neighbours?limit=3&skip=3');
    const a = first.body.nodes.map((n) => n.id).filter((id: string) => id !== 'country:uk');
    const b = second.body.nodes.map((n) => n.id).filter((id: string) => id !== 'country:uk');
    expect(b).toHaveLength(3);
    expect(a.filter((id: string) => b.includes(id))).toEqual([]);
  });
  it('filters by relationship type', async () => {
    const { body } = await app.get<NeighboursResponse>(
      '/api/nodes/country:uk/neighbours?relTypes=MEMBER_OF,HELD_IN',
    );
    expect(body.edges.length).toBeGreaterThan(0);
    for (const e of body.edges) expect(['MEMBER_OF', 'HELD_IN']).toContain(e.type);
    expect(body.nodes.map((n) => n.id)).toContain('forum:five-eyes');
  });
  it('filters by neighbour label', async () => {
    const { body } = await app.get<NeighboursResponse>('/api/nodes/country:uk/neighbours?labels=ThreatType');
    expect(body.nodes.length).toBeGreaterThan(1);
    for (const n of body.nodes.filter((n) => n.id !== 'country:uk')) expect(n.labels).toContain('ThreatType');
  });
  it('filters by threat, including sub-threats', async () => {
    const all = await app.get<NeighboursResponse>('/api/nodes/country:fr/neighbours?limit=500');
    const { body } = await app.get<NeighboursResponse>(
      '/api/nodes/country:fr/neighbours?threat=threat:terrorism&limit=500',
    );
    expect(body.total).toBeGreaterThan(0);
    expect(body.total).toBeLessThan(all.body.total);
    const ids = body.nodes.map((n) => n.id);
    // radicalisation is a sub-threat of terrorism; organised crime is not.
    expect(ids).toContain('threat:radicalisation');
    expect(ids).not.toContain('threat:organised-crime');
  });
  it.each([
    ['country:uk/neighbours?limit=0', 'limit'],
    ['country:uk/neighbours?limit=501', 'limit'],
    ['country:uk/neighbours?limit=-5', 'limit'],
    ['country:uk/neighbours?limit=1e3', 'limit'],
    ['country:uk/neighbours?skip=-1', 'skip'],
    ['country:uk/neighbours?relTypes=KNOWS', 'relTypes'],
    ['country:uk/neighbours?relTypes=PARTY_TO,`x`', 'relTypes'],
    ['country:uk/neighbours?labels=Person,Robot', 'labels'],
  ])('refuses %s with 400 naming %s', async (path, field) => {
    const { status, body } = await app.get<ErrorResponse>(`/api/nodes/${path}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });
  it('takes a threat by name, and 404s an unknown threat naming the field', async () => {
    const byName = await app.get<NeighboursResponse>(
      '/api/nodes/country:fr/neighbours?threat=Terrorism&limit=500',
    );
    const byId = await app.get<NeighboursResponse>(
      '/api/nodes/country:fr/neighbours?threat=threat:terrorism&limit=500',
    );
    expect(byName.body.total).toBe(byId.body.total);
    const unknown = await app.get<ErrorResponse>('/api/nodes/country:fr/neighbours?threat=boredom');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'NOT_FOUND', field: 'threat' });
  });
  it('404s an unknown node', async () => {
    const { status, body } = await app.get<ErrorResponse>('/api/nodes/country:atlantis/neighbours');
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });
});

describe('GET /api/paths', () => {
  it('finds the shortest path with evidence on every relationship', async () => {
    const { status, body } = await app.get<PathsResponse>(
      '/api/paths?from=country:fr&to=person:kristi-noem&mode=shortest&maxHops=6',
    );
    expect(status).toBe(200);
    expect(body.paths).toHaveLength(1);
    const p = body.paths[0];
    expect(p.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(['country:fr', 'person:kristi-noem']));
    expect(p.edges.length).toBe(p.nodes.length - 1);
    for (const e of p.edges) expect(e.evidence!.length).toBeGreaterThan(0);
  });
  it('returns several equally short paths in all-shortest mode', async () => {
    const shortest = await app.get<PathsResponse>('/api/paths?from=country:fr&to=country:us&mode=shortest');
    const all = await app.get<PathsResponse>('/api/paths?from=country:fr&to=country:us&mode=all-shortest');
    expect(all.body.paths.length).toBeGreaterThan(1);
    const len = shortest.body.paths[0].edges.length;
    for (const p of all.body.paths) expect(p.edges.length).toBe(len);
  });
  it('respects maxHops', async () => {
    const { body } = await app.get<PathsResponse>(
      '/api/paths?from=country:fr&to=person:kristi-noem&maxHops=1',
    );
    expect(body.paths).toEqual([]);
  });
  it('applies a threat filter: forums and agreements on the way must address the threat', async () => {
    // The UN conference's circle meets the United Kingdom only through a shared threat type: let paths pass there.
    const open = await app.get<PathsResponse>(
      '/api/paths?from=org:unoct&to=country:uk&mode=all-shortest&maxHops=6&throughTopics=true',
    );
    const viaConference = (p: Graph) => p.nodes.some((n) => n.id === 'forum:un-ct-border-conference');
    expect(open.body.paths.some(viaConference)).toBe(true);
    // The UN conference does not address smuggling, so a smuggling-filtered path must avoid it.
    const { status, body } = await app.get<PathsResponse>(
      '/api/paths?from=org:unoct&to=country:uk&mode=all-shortest&maxHops=6&threat=threat:smuggling&throughTopics=true',
    );
    expect(status).toBe(200);
    expect(body.paths.length).toBeGreaterThan(0);
    expect(body.paths.some(viaConference)).toBe(false);
  });
  it.each([
    ['?to=country:us', 'from'],
    ['?from=country:fr', 'to'],
    ['?from=country:fr&to=country:us&maxHops=7', 'maxHops'],
    ['?from=country:fr&to=country:us&maxHops=0', 'maxHops'],
    ['?from=country:fr&to=country:us&mode=longest', 'mode'],
  ])('refuses %s with 400 naming %s', async (qs, field) => {
    const { status, body } = await app.get<ErrorResponse>(`/api/paths${qs}`);
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });
  it('404s unknown endpoints and unknown threats, naming the field', async () => {
    const a = await app.get<ErrorResponse>('/api/paths?from=country:atlantis&to=country:us');
    expect(a.status).toBe(404);
    expect(a.body.error.field).toBe('from');
    const b = await app.get<ErrorResponse>('/api/paths?from=country:fr&to=country:us&threat=threat:boredom');
    expect(b.status).toBe(404);
    expect(b.body.error.field).toBe('threat');
  });
});

describe('GET /api/cooperation', () => {
  it('derives who cooperates on terrorism through shared forums and agreements, with evidence', async () => {
    const { status, body } = await app.get<CooperationResponse>('/api/cooperation?threat=threat:terrorism');
    expect(status).toBe(200);
    expect(body.threat.id).toBe('threat:terrorism');
    expect(body.threats).toEqual(
      expect.arrayContaining(['threat:terrorism', 'threat:violent-extremism', 'threat:radicalisation']),
    );
    const pair = body.pairs.find((p) => [p.a.id, p.b.id].sort().join() === 'country:fr,country:uk');
    expect(pair).toBeDefined();
    expect(pair!.via.length).toBeGreaterThan(0);
    for (const e of pair!.edges) expect(e.evidence!.length).toBeGreaterThan(0);
    expect(body.graph.nodes.length).toBeGreaterThan(2);
  });
  it('accepts a threat by name and includes sub-threats (smuggling covers drug trafficking)', async () => {
    const byName = await app.get<CooperationResponse>('/api/cooperation?threat=Smuggling');
    expect(byName.status).toBe(200);
    expect(byName.body.threat.id).toBe('threat:smuggling');
    expect(byName.body.threats).toContain('threat:drug-trafficking');
    expect(byName.body.pairs.length).toBeGreaterThan(0);
  });
  it('narrows to one actor', async () => {
    const { body } = await app.get<CooperationResponse>(
      '/api/cooperation?threat=threat:terrorism&actor=country:fr',
    );
    expect(body.pairs.length).toBeGreaterThan(0);
    for (const p of body.pairs) expect([p.a.id, p.b.id]).toContain('country:fr');
  });
  it('refuses a missing threat with 400 and 404s an unknown one', async () => {
    const missing = await app.get<ErrorResponse>('/api/cooperation');
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('threat');
    const unknown = await app.get<ErrorResponse>('/api/cooperation?threat=boredom');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
  });
});

describe('HTTP hygiene', () => {
  it('sets helmet headers and a request id', async () => {
    const r = await fetch(`${app.baseUrl}/api/health`);
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    expect(r.headers.get('x-powered-by')).toBeNull();
  });
});
