// Every invalid change is refused with the right code and field, and leaves the graph exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ErrorResponse,
  GraphNode,
  NodeResponse,
  SearchResponse,
  SourceResponse,
  WriteResponse,
} from '../../contract/index.js';
import { UnprocessableError } from '../../server/src/errors.js';
import { curationWrite } from '../../server/src/store/curation-store.js';
import { enc, SOURCE_ID, startCuration, suffix, type Curation } from '../setup/curation-fixtures.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
let c: Curation;
let node: GraphNode;
let forum: GraphNode;
beforeAll(async () => {
  app = await startTestApp();
  c = await startCuration(app);
  node = await c.country();
  const f = await app.send<WriteResponse<GraphNode>>(
    'POST',
    '/api/nodes',
    {
      label: 'Forum',
      name: `Test forum ${suffix()}`,
      properties: { kind: 'summit' },
      evidence: [{ sourceId: SOURCE_ID, quote: c.quote }],
    },
    c.as.curator.headers,
  );
  expect(f.status).toBe(201);
  forum = f.body.result!;
  c.nodes.add(forum.id);
});
afterAll(async () => {
  await c.cleanup();
  await app.close();
});

type Case = [
  name: string,
  method: 'POST' | 'PATCH' | 'DELETE',
  path: () => string,
  body: () => unknown,
  status: number,
  code: string,
  field: string,
];
const ev = () => [{ sourceId: SOURCE_ID, quote: c.quote }];
/** Overrides are built lazily: they may use fixtures made in beforeAll. */
type Over = () => Record<string, unknown>;
const newNode = (over: Over) => () => ({
  label: 'Country',
  name: `Nowhere ${suffix()}`,
  evidence: ev(),
  ...over(),
});
const newEdge = (over: Over) => () => ({
  type: 'PARTICIPATED_IN',
  source: node.id,
  target: forum.id,
  evidence: ev(),
  ...over(),
});
const patchNode = () => `/api/nodes/${enc(node.id)}`;
const patchForum = () => `/api/nodes/${enc(forum.id)}`;

const cases: Case[] = [
  [
    'an unknown label',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ label: 'Planet' })),
    422,
    'UNPROCESSABLE',
    'label',
  ],
  [
    'a Source through the node endpoint',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ label: 'Source' })),
    422,
    'UNPROCESSABLE',
    'label',
  ],
  [
    'an unknown property',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ properties: { colour: 'red' } })),
    422,
    'UNPROCESSABLE',
    'properties.colour',
  ],
  [
    'a property of another label (kind on a Country)',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ properties: { kind: 'summit' } })),
    422,
    'UNPROCESSABLE',
    'properties.kind',
  ],
  [
    'a value outside an enum',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ label: 'Forum', properties: { kind: 'picnic' } })),
    422,
    'UNPROCESSABLE',
    'properties.kind',
  ],
  [
    'a string where a list is expected',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ label: 'Forum', properties: { topics: 'one topic' } })),
    422,
    'UNPROCESSABLE',
    'properties.topics',
  ],
  [
    'a string where a boolean is expected',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ properties: { disputed: 'yes' } })),
    422,
    'UNPROCESSABLE',
    'properties.disputed',
  ],
  [
    'a date that is not ISO',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ label: 'Forum', properties: { date: '08/04/2025' } })),
    422,
    'UNPROCESSABLE',
    'properties.date',
  ],
  [
    'a confidence outside its levels',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ properties: { confidence: 'certain' } })),
    422,
    'UNPROCESSABLE',
    'properties.confidence',
  ],
  [
    'a server-kept property',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ properties: { version: 7 } })),
    422,
    'UNPROCESSABLE',
    'properties.version',
  ],
  [
    'no evidence',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ evidence: undefined })),
    422,
    'UNPROCESSABLE',
    'evidence',
  ],
  [
    'an empty evidence list',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ evidence: [] })),
    422,
    'UNPROCESSABLE',
    'evidence',
  ],
  [
    'a quote not in its source',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ evidence: [{ sourceId: SOURCE_ID, quote: 'Words the article never says.' }] })),
    422,
    'UNPROCESSABLE',
    'evidence[0].quote',
  ],
  [
    'a quote differing in case only',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ evidence: [{ sourceId: SOURCE_ID, quote: c.quote.toUpperCase() }] })),
    422,
    'UNPROCESSABLE',
    'evidence[0].quote',
  ],
  [
    'an unknown source',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ evidence: [{ sourceId: 'source:nowhere', quote: c.quote }] })),
    422,
    'UNPROCESSABLE',
    'evidence[0].sourceId',
  ],
  [
    'a bad second piece of evidence',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ evidence: [...ev(), { sourceId: SOURCE_ID, quote: 'not there at all' }] })),
    422,
    'UNPROCESSABLE',
    'evidence[1].quote',
  ],
  [
    'an id that exists',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ id: 'country:uk' })),
    422,
    'UNPROCESSABLE',
    'id',
  ],
  [
    "an id with another label's prefix",
    'POST',
    () => '/api/nodes',
    newNode(() => ({ id: `forum:x-${suffix()}` })),
    422,
    'UNPROCESSABLE',
    'id',
  ],
  [
    'a name that is not a string',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ name: 42 })),
    400,
    'VALIDATION_FAILED',
    'name',
  ],
  [
    'evidence of the wrong shape',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ evidence: [{ quote: c.quote }] })),
    400,
    'VALIDATION_FAILED',
    'evidence.0',
  ],
  [
    'a property value that is an object',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ properties: { role: { a: 1 } } })),
    400,
    'VALIDATION_FAILED',
    'properties.role',
  ],
  [
    'an unexpected field',
    'POST',
    () => '/api/nodes',
    newNode(() => ({ colour: 'red' })),
    400,
    'VALIDATION_FAILED',
    'request',
  ],

  [
    'an unknown relationship type',
    'POST',
    () => '/api/edges',
    newEdge(() => ({ type: 'LIKES' })),
    422,
    'UNPROCESSABLE',
    'type',
  ],
  [
    'an end label the type does not allow',
    'POST',
    () => '/api/edges',
    newEdge(() => ({ target: 'threat:terrorism' })),
    422,
    'UNPROCESSABLE',
    'target',
  ],
  [
    'a start label the type does not allow',
    'POST',
    () => '/api/edges',
    newEdge(() => ({ type: 'HOLDS_OFFICE', target: 'country:uk' })),
    422,
    'UNPROCESSABLE',
    'source',
  ],
  [
    'a missing end node',
    'POST',
    () => '/api/edges',
    newEdge(() => ({ target: 'forum:does-not-exist' })),
    422,
    'UNPROCESSABLE',
    'target',
  ],
  [
    'a relationship from a node to itself',
    'POST',
    () => '/api/edges',
    newEdge(() => ({ type: 'COOPERATES_WITH', target: node.id })),
    422,
    'UNPROCESSABLE',
    'target',
  ],
  [
    'a role outside its values',
    'POST',
    () => '/api/edges',
    newEdge(() => ({ properties: { role: 'spectator' } })),
    422,
    'UNPROCESSABLE',
    'properties.role',
  ],
  [
    'a relationship property of another type',
    'POST',
    () => '/api/edges',
    newEdge(() => ({ properties: { benefit: 'x' } })),
    422,
    'UNPROCESSABLE',
    'properties.benefit',
  ],
  [
    'a new relationship without evidence',
    'POST',
    () => '/api/edges',
    newEdge(() => ({ evidence: undefined })),
    422,
    'UNPROCESSABLE',
    'evidence',
  ],
  [
    'a relationship quote not in its source',
    'POST',
    () => '/api/edges',
    newEdge(() => ({ evidence: [{ sourceId: SOURCE_ID, quote: 'invented' }] })),
    422,
    'UNPROCESSABLE',
    'evidence[0].quote',
  ],

  ['a stale version', 'PATCH', patchNode, () => ({ version: 9, name: 'Stale' }), 409, 'CONFLICT', 'version'],
  ['no version', 'PATCH', patchNode, () => ({ name: 'No version' }), 400, 'VALIDATION_FAILED', 'version'],
  [
    'an unknown property in an update',
    'PATCH',
    patchNode,
    () => ({ version: 1, properties: { colour: 'red' } }),
    422,
    'UNPROCESSABLE',
    'properties.colour',
  ],
  [
    'a wrong type in an update',
    'PATCH',
    patchForum,
    () => ({ version: 1, properties: { objectives: 12 } }),
    422,
    'UNPROCESSABLE',
    'properties.objectives',
  ],
  [
    'removing the name through properties',
    'PATCH',
    patchNode,
    () => ({ version: 1, properties: { name: null } }),
    422,
    'UNPROCESSABLE',
    'properties.name',
  ],
  [
    'removing all evidence',
    'PATCH',
    patchNode,
    () => ({ version: 1, removeEvidence: [0] }),
    422,
    'UNPROCESSABLE',
    'removeEvidence',
  ],
  [
    'removing evidence that is not there',
    'PATCH',
    patchNode,
    () => ({ version: 1, removeEvidence: [5] }),
    422,
    'UNPROCESSABLE',
    'removeEvidence[0]',
  ],
  [
    'adding a quote not in its source',
    'PATCH',
    patchNode,
    () => ({ version: 1, addEvidence: [{ sourceId: SOURCE_ID, quote: 'never said' }] }),
    422,
    'UNPROCESSABLE',
    'addEvidence[0].quote',
  ],
  [
    'an update that changes nothing',
    'PATCH',
    patchNode,
    () => ({ version: 1, name: node.name }),
    422,
    'UNPROCESSABLE',
    'request',
  ],
  [
    'editing a source through the node endpoint',
    'PATCH',
    () => `/api/nodes/${enc(SOURCE_ID)}`,
    () => ({ version: 1, name: 'x' }),
    422,
    'UNPROCESSABLE',
    'id',
  ],
  [
    'editing a node that does not exist',
    'PATCH',
    () => '/api/nodes/country:nowhere',
    () => ({ version: 1, name: 'x' }),
    404,
    'NOT_FOUND',
    'id',
  ],
  ['deleting at a stale version', 'DELETE', patchNode, () => ({ version: 2 }), 409, 'CONFLICT', 'version'],
  [
    'deleting a source',
    'DELETE',
    () => `/api/nodes/${enc(SOURCE_ID)}`,
    () => ({ version: 1 }),
    422,
    'UNPROCESSABLE',
    'id',
  ],
  ['deleting without a version', 'DELETE', patchNode, () => ({}), 400, 'VALIDATION_FAILED', 'version'],

  [
    'merging a node into itself',
    'POST',
    () => `${patchNode()}/merge`,
    () => ({ otherId: node.id, version: 1, otherVersion: 1 }),
    422,
    'UNPROCESSABLE',
    'otherId',
  ],
  [
    'merging nodes of different labels',
    'POST',
    () => `${patchNode()}/merge`,
    () => ({ otherId: forum.id, version: 1, otherVersion: 1 }),
    422,
    'UNPROCESSABLE',
    'otherId',
  ],
  [
    'merging a node that does not exist',
    'POST',
    () => `${patchNode()}/merge`,
    () => ({ otherId: 'country:nowhere', version: 1, otherVersion: 1 }),
    422,
    'UNPROCESSABLE',
    'otherId',
  ],
  [
    'merging at a stale other version',
    'POST',
    () => `${patchNode()}/merge`,
    () => ({ otherId: 'country:uk', version: 1, otherVersion: 99 }),
    409,
    'CONFLICT',
    'otherVersion',
  ],

  [
    'a source without text',
    'POST',
    () => '/api/sources',
    () => ({ title: 'Untitled' }),
    400,
    'VALIDATION_FAILED',
    'text',
  ],
  [
    'a source with a non-http URL',
    'POST',
    () => '/api/sources',
    () => ({ title: 'T', text: 'A long enough source text for the rule.', url: 'javascript:alert(1)' }),
    400,
    'VALIDATION_FAILED',
    'url',
  ],
  [
    'reverting a change that does not exist',
    'POST',
    () => '/api/changes/chg-nope/revert',
    () => undefined,
    404,
    'NOT_FOUND',
    'id',
  ],
];

describe('invalid changes are refused and change nothing', () => {
  it.each(cases)('%s', async (_name, method, path, body, status, code, field) => {
    const before = await graphFingerprint(app.store);
    const res = await app.send<ErrorResponse>(method, path(), body(), c.as.curator.headers);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error).toMatchObject({ code, field });
    expect(res.body.error.message).toEqual(expect.any(String));
    if (status === 409)
      expect(res.body.error.current).toMatchObject({
        id: expect.any(String),
        properties: { version: expect.any(Number) },
      });
    expect(await graphFingerprint(app.store)).toEqual(before);
  });
});

describe('a refusal after a write', () => {
  it('rolls the whole transaction back: the node, the relationship and the change written before it are gone', async () => {
    const before = await graphFingerprint(app.store);
    const id = `country:rollback-${suffix()}`;
    const err = await curationWrite(app.store, async (tx) => {
      await tx.createNode({
        id,
        labels: ['Actor', 'Country'],
        props: { id, name: 'Rollback', version: 1 },
        ints: ['version'],
      });
      await tx.createEdge({
        id: `${id}|MEMBER_OF|forum:five-eyes`,
        type: 'MEMBER_OF',
        source: id,
        target: 'forum:five-eyes',
        props: { id: `${id}|MEMBER_OF|forum:five-eyes` },
        ints: [],
      });
      await tx.createChange({
        id: `chg-rollback-${suffix()}`,
        by: c.as.curator.username,
        operation: 'create-node',
        targetKind: 'node',
        targetId: id,
        summary: 'x',
        before: '{}',
        after: '{}',
      });
      expect((await tx.lockNodes([id])).nodes.get(id)?.live).toBe(true);
      throw new UnprocessableError('refused late', 'request');
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnprocessableError);
    expect(await graphFingerprint(app.store)).toEqual(before);
    expect((await app.get(`/api/nodes/${enc(id)}`)).status).toBe(404);
  });
});

describe('evidence is stored as the seed stores it', () => {
  it('derives offsets and the source title of a quote, and records a curator assertion with the curator', async () => {
    const res = await app.send<WriteResponse<GraphNode>>(
      'POST',
      '/api/nodes',
      {
        label: 'Agreement',
        name: `Pact ${suffix()}`,
        properties: { kind: 'bilateral', benefits: ['speed'] },
        evidence: [
          { sourceId: SOURCE_ID, quote: c.quote },
          { curatorAsserted: true, note: 'Known from the signing ceremony.' },
        ],
      },
      c.as.curator.headers,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    c.nodes.add(res.body.result!.id);
    const { body } = await app.get<NodeResponse>(`/api/nodes/${enc(res.body.result!.id)}`);
    const text = (await app.get<SourceResponse>(`/api/sources/${enc(SOURCE_ID)}`)).body.source.text as string;
    const [quoted, asserted] = body.evidence;
    expect(quoted).toEqual({
      sourceId: SOURCE_ID,
      sourceTitle: expect.any(String),
      quote: c.quote,
      start: text.indexOf(c.quote),
      end: text.indexOf(c.quote) + c.quote.length,
    });
    expect(text.slice(quoted.start!, quoted.end!)).toBe(c.quote);
    expect(asserted).toEqual({
      sourceId: null,
      sourceTitle: null,
      quote: null,
      start: null,
      end: null,
      note: 'curator-asserted: Known from the signing ceremony.',
      curatorAsserted: true,
      curator: c.as.curator.username,
    });
    expect(body.node.properties).toMatchObject({ kind: 'bilateral', benefits: ['speed'], version: 1 });
    // Stored like the seed: the evidence JSON plus the list of its sources, for queries.
    const stored = await app.store.driver.executeQuery(
      'MATCH (n:Entity {id: $id}) RETURN n.sourceIds AS s, n.evidence AS e',
      { id: body.node.id },
      { database: app.store.database },
    );
    expect(stored.records[0]!.get('s')).toEqual([SOURCE_ID]);
    expect(JSON.parse(stored.records[0]!.get('e'))).toEqual(body.evidence);
  });

  it('an edit adding a fact-bearing property may keep the existing evidence', async () => {
    const x = await c.country();
    const res = await app.send<WriteResponse<GraphNode>>(
      'PATCH',
      `/api/nodes/${enc(x.id)}`,
      {
        version: 1,
        properties: { confidence: 'reported', disputed: true, disputeNote: 'Two sources disagree.' },
        aliases: ['TL', 'Testia'],
      },
      c.as.curator.headers,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.result!.properties).toMatchObject({
      confidence: 'reported',
      disputed: true,
      disputeNote: 'Two sources disagree.',
      aliases: ['TL', 'Testia'],
      version: 2,
    });
    expect(res.body.result!.evidence).toEqual(x.evidence);
    // Aliases are searchable at once.
    const hits = await app.get<SearchResponse>('/api/search?q=Testia');
    expect(hits.body.nodes.map((n: GraphNode) => n.id)).toContain(x.id);
  });
});
