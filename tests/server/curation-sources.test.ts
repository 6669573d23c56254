// Sources (add, list, read with full text, quote as evidence) and the schema's property allow-list (fits the seed, exposed to clients).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ErrorResponse,
  GraphNode,
  NodeResponse,
  SchemaResponse,
  SourceListResponse,
  SourceResponse,
  SourceSummary,
  WriteResponse,
} from '../../contract/index.js';
import { readSeed } from '../../seed/read-seed.js';
import { checkProperties } from '../../server/src/services/curation/properties.js';
import {
  nodePropertyTypes,
  relationshipPropertyTypes,
  type RelationshipType,
} from '../../server/src/schema.js';
import { enc, startCuration, suffix, type Curation } from '../setup/curation-fixtures.js';
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

describe('sources', () => {
  it('adds a source like the seed stores one, lists it, gives its full text, and lets evidence quote it', async () => {
    const text = `Officials from ${suffix()} said the new border pact “will start in May”.\n\nA second  paragraph, with two spaces.`;
    const title = `Border pact report ${suffix()}`;
    const res = await app.send<WriteResponse<SourceSummary>>(
      'POST',
      '/api/sources',
      { title, publisher: 'Test Wire', date: '2025-04-08', url: 'https://example.org/pact', text },
      c.as.curator.headers,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.result!.id as string;
    c.nodes.add(id);
    expect(id).toMatch(/^source:border-pact-report-/);
    expect(res.body.result).toEqual({
      id,
      title,
      publisher: 'Test Wire',
      date: '2025-04-08',
      url: 'https://example.org/pact',
      length: text.length,
    });
    expect(res.body.change).toMatchObject({ operation: 'create-source', targetKind: 'source', targetId: id });

    const list = await app.get<SourceListResponse>('/api/sources');
    expect(list.body.sources.find((s: { id: string }) => s.id === id)).toEqual(res.body.result);
    expect(list.body.sources.length).toBeGreaterThanOrEqual(6);
    const one = await app.get<SourceResponse>(`/api/sources/${enc(id)}`);
    expect(one.body.source).toEqual({ ...res.body.result, text });
    // Stored as the seed stores its articles: a Source node with name = title and the full text.
    const node = (await app.get<NodeResponse>(`/api/nodes/${enc(id)}`)).body.node;
    expect(node).toMatchObject({
      id,
      labels: ['Source'],
      name: title,
      properties: { title, publisher: 'Test Wire', version: 1 },
    });

    const quote = 'A second  paragraph, with two spaces.';
    const fact = await app.send<WriteResponse<GraphNode>>(
      'POST',
      '/api/nodes',
      { label: 'Agreement', name: `Border pact ${suffix()}`, evidence: [{ sourceId: id, quote }] },
      c.as.curator.headers,
    );
    expect(fact.status, JSON.stringify(fact.body)).toBe(201);
    c.nodes.add(fact.body.result!.id);
    expect(fact.body.result!.evidence![0]).toEqual({
      sourceId: id,
      sourceTitle: title,
      quote,
      start: text.indexOf(quote),
      end: text.length,
    });
    const squashed = await app.send<ErrorResponse>(
      'POST',
      '/api/nodes',
      {
        label: 'Agreement',
        name: `Border pact ${suffix()}`,
        evidence: [{ sourceId: id, quote: 'A second paragraph, with two spaces.' }],
      },
      c.as.curator.headers,
    );
    expect(squashed.status).toBe(422);
    expect(squashed.body.error.field).toBe('evidence[0].quote');
  });

  it('a second source with the same title gets its own id', async () => {
    const body = { title: `Same title ${suffix()}`, text: 'Twenty or more characters of source text.' };
    const a = await app.send<WriteResponse<SourceSummary>>(
      'POST',
      '/api/sources',
      body,
      c.as.curator.headers,
    );
    // Another text: the same text again is refused (tests/server/ingest-api.test.ts).
    const b = await app.send<WriteResponse<SourceSummary>>(
      'POST',
      '/api/sources',
      { ...body, text: `${body.text} Another one.` },
      c.as.curator.headers,
    );
    c.nodes.add(a.body.result!.id);
    c.nodes.add(b.body.result!.id);
    expect(b.body.result!.id).toBe(`${a.body.result!.id}-2`);
    expect((await app.get('/api/sources/source:none')).status).toBe(404);
  });
});

describe('the property allow-list', () => {
  it('admits every property the seed graph uses, with its type', () => {
    const seed = readSeed();
    for (const n of seed.nodes) {
      const { aliases: _a, description: _d, ...props } = n.properties;
      const label = n.labels.at(-1) as Parameters<typeof nodePropertyTypes>[0];
      expect(() => checkProperties(props, nodePropertyTypes(label), n.id, 'node'), n.id).not.toThrow();
    }
    for (const r of seed.relationships) {
      expect(
        () =>
          checkProperties(
            r.properties,
            relationshipPropertyTypes(r.type as RelationshipType),
            r.id,
            'relationship',
          ),
        r.id,
      ).not.toThrow();
    }
    expect(seed.nodes.length).toBeGreaterThan(100);
  });

  it('is exposed in GET /api/schema for edit forms', async () => {
    const { body } = await app.get<SchemaResponse>('/api/schema');
    expect(body.properties!.labels.Forum.kind).toEqual({
      kind: 'enum',
      values: expect.arrayContaining(['ministerial', 'summit']),
    });
    expect(body.properties!.labels.Country).toMatchObject({
      confidence: { kind: 'enum' },
      aliases: { kind: 'string[]' },
      disputed: { kind: 'boolean' },
    });
    expect(body.properties!.relationshipTypes.PARTICIPATED_IN.role).toEqual({
      kind: 'enum',
      values: ['host', 'attendee', 'member', 'convener', 'organiser'],
    });
    expect(body.properties!.relationshipTypes.HOLDS_OFFICE).toMatchObject({
      title: { kind: 'string' },
      validFrom: { kind: 'date' },
    });
    expect(Object.keys(body.properties!.relationshipTypes).sort()).toEqual(
      body.relationshipTypes.map((t: { type: string }) => t.type).sort(),
    );
  });
});
