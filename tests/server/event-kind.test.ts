// The Event kind, added through the model alone: seed records, curation, search, neighbours, the API's schema
// and the briefing all take it without an edit of their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_STYLES, KINDS } from '../../model/index.js';
import { compileSeed, SeedValidationError } from '../../seed/compile.js';
import { readSources } from '../../seed/read-seed.js';
import type {
  ErrorResponse,
  GraphEdge,
  GraphNode,
  NeighboursResponse,
  SchemaResponse,
  SearchResponse,
  WriteResponse,
} from '../../contract/index.js';
import { enc, SOURCE_ID, startCuration, suffix, type Curation } from '../setup/curation-fixtures.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

describe('Event in seed records', () => {
  const sources = readSources();
  const source = sources.find((s) => s.id === SOURCE_ID)!;
  const quote = source.text
    .split('\n')
    .find((l) => l.trim().length > 60)!
    .trim();
  const file = (relationships: unknown[]) => ({
    name: 'events.json',
    data: {
      source: SOURCE_ID,
      nodes: [
        { id: 'country:uk', label: 'Country', name: 'United Kingdom', evidence: [{ quote }] },
        {
          id: 'event:test-raid',
          label: 'Event',
          name: 'Test raid',
          properties: { date: '2025-04-08', place: 'Dover' },
          evidence: [{ quote }],
        },
      ],
      relationships,
    },
  });

  it('compiles an Event with its date and place, an Actor taking part and the country it was held in', () => {
    const seed = compileSeed(sources, [
      file([
        {
          type: 'PARTICIPATED_IN',
          from: 'country:uk',
          to: 'event:test-raid',
          properties: { role: 'host' },
          evidence: [{ quote }],
        },
        {
          type: 'HELD_IN',
          from: 'event:test-raid',
          to: 'country:uk',
          properties: { city: 'Dover' },
          evidence: [{ quote }],
        },
      ]),
    ]);
    const event = seed.nodes.find((n) => n.id === 'event:test-raid')!;
    expect(event.labels).toEqual(['Event']);
    expect(event.properties).toMatchObject({ date: '2025-04-08', place: 'Dover' });
    expect(seed.relationships.map((r) => r.type).sort()).toEqual(['HELD_IN', 'PARTICIPATED_IN']);
  });

  it('refuses an Event at an end its relationship type does not allow, naming the record', () => {
    let err: unknown;
    try {
      compileSeed(sources, [
        file([{ type: 'PARTY_TO', from: 'country:uk', to: 'event:test-raid', evidence: [{ quote }] }]),
      ]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SeedValidationError);
    expect((err as SeedValidationError).problems.map((p) => p.reason)).toEqual([
      'PARTY_TO may not end at a Event ("event:test-raid")',
    ]);
  });
});

describe('Event through the API', () => {
  let app: TestApp;
  let c: Curation;
  let event: GraphNode;
  const name = `Model test joint raid ${suffix()}`;
  beforeAll(async () => {
    app = await startTestApp();
    c = await startCuration(app);
    const res = await app.send<WriteResponse<GraphNode>>(
      'POST',
      '/api/nodes',
      {
        label: 'Event',
        name,
        properties: { date: '2025-04-08', place: 'Dover' },
        evidence: [{ sourceId: SOURCE_ID, quote: c.quote }],
      },
      c.as.curator.headers,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    event = res.body.result!;
    c.nodes.add(event.id);
  });
  afterAll(async () => {
    await c?.cleanup();
    await app?.close();
  });

  const edge = <T = WriteResponse<GraphEdge>>(
    type: string,
    source: string,
    target: string,
    properties: Record<string, unknown> = {},
  ) =>
    app.send<T>(
      'POST',
      '/api/edges',
      { type, source, target, properties, evidence: [{ sourceId: SOURCE_ID, quote: c.quote }] },
      c.as.curator.headers,
    );

  it('creates an Event with the model id prefix, labels and properties', () => {
    expect(event.id.startsWith(`${KINDS.Event.idPrefix}:`)).toBe(true);
    expect(event.labels).toEqual(['Event']);
    expect(event.properties).toMatchObject({ date: '2025-04-08', place: 'Dover' });
  });

  it('links it by the model rules and refuses a type that does not allow it', async () => {
    expect((await edge('PARTICIPATED_IN', 'country:uk', event.id, { role: 'host' })).status).toBe(201);
    expect((await edge('HELD_IN', event.id, 'country:uk', { city: 'Dover' })).status).toBe(201);
    const refused = await edge<ErrorResponse>('PARTY_TO', 'country:uk', event.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.field).toBe('target');
    const neighbours = await app.get<NeighboursResponse>(`/api/nodes/${enc(event.id)}/neighbours`);
    expect(neighbours.status).toBe(200);
    expect(neighbours.body.nodes.map((n: GraphNode) => n.id)).toContain('country:uk');
    expect(neighbours.body.edges.map((e: { type: string }) => e.type).sort()).toEqual([
      'HELD_IN',
      'PARTICIPATED_IN',
    ]);
  });

  it('is found by search, by name and restricted to its label, and counted in the schema', async () => {
    const all = await app.get<SearchResponse>(`/api/search?q=${enc(name)}`);
    expect(all.body.nodes.map((n: GraphNode) => n.id)).toContain(event.id);
    const only = await app.get<SearchResponse>(`/api/search?q=${enc(name)}&labels=Event`);
    expect(only.status).toBe(200);
    expect(only.body.nodes.map((n: GraphNode) => n.id)).toEqual([event.id]);
    const schema = await app.get<SchemaResponse>('/api/schema');
    expect(
      schema.body.labels.find((l: { label: string }) => l.label === 'Event')!.count,
    ).toBeGreaterThanOrEqual(1);
    expect(schema.body.properties!.labels.Event).toMatchObject({
      date: { kind: 'date' },
      place: { kind: 'string' },
    });
  });

  it('has its own table and its own colour and shape in the briefing', async () => {
    const res = await fetch(`${app.baseUrl}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'briefing', nodeIds: [event.id, 'country:uk'] }),
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    // The annex keeps a table per kind (under the prose findings), headed by the model's plural.
    expect(html).toContain('<section id="events"><h3>Events</h3>');
    const group = html.split(`data-id="${event.id}"`)[1]!.split('</g>')[0]!;
    expect(group).toContain(`fill="${KIND_STYLES.Event.colour}"`);
    expect(group).toContain(`data-shape="${KIND_STYLES.Event.shape}"`);
    expect(group).toContain(`${name} (Event)`);
  });
});
