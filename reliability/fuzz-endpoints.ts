// Every API endpoint as the fuzzer sees it: path, query keys, who sends it, and for writes the fields and the poisons that guarantee failure.
import fc from 'fast-check';
import { hostileNumber, hostileString, jsonValue } from './fuzz-values.js';

/** Real ids and names read from the running API, so fuzzed requests reach past "not found" into the write paths. */
export interface FuzzContext {
  nodeIds: string[];
  edgeIds: string[];
  sourceIds: string[];
  labels: string[];
  relTypes: string[];
}

/** A body under construction: the JSON object, and the path id (raw, not yet encoded) when the route has one. */
export interface Draft {
  body: Record<string, unknown>;
  id: string;
}

/** A write endpoint's body: random fields (valid or not) and poisons; one poison at least is always applied, so no fuzzed write can succeed. */
export interface WriteBody {
  fields: (ctx: FuzzContext) => fc.Arbitrary<Record<string, unknown>>;
  poisons: (ctx: FuzzContext) => fc.Arbitrary<(d: Draft) => void>[];
}

export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Express path under /api; `:id` (or `:username`) is filled in. */
  path: string;
  /** Query keys the endpoint knows (the fuzzer adds unknown and repeated ones too). */
  query?: string[];
  /** Who sends it; write routes are sent as the role they need (and sometimes as nobody). */
  as: 'anyone' | 'curator' | 'admin';
  /** Any body may be sent without harm (reads, the read-only console, export, login). */
  freeBody?: () => fc.Arbitrary<Record<string, unknown>>;
  /** The body of a write: random fields plus poisons. */
  write?: WriteBody;
  /** Field paths (dot-separated) where a deeply nested value is planted in the raw text. */
  deep?: string[];
  /** Path ids: real ones from the context, or only random ones (for routes where a real id plus a valid body would change something). */
  ids?: 'real' | 'random';
}

const pick = <T>(xs: T[]): fc.Arbitrary<T> =>
  xs.length ? fc.constantFrom(...xs) : fc.constant(undefined as T);
/** Present half the time. */
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.option(a, { nil: undefined, freq: 2 });
/** Text a schema accepts (non-blank, short) but carrying NUL, lone surrogates, RTL marks or markup, so requests get past validation. */
const validText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }).filter((s) => s.trim().length > 0),
  fc.constantFrom(
    'a\u0000b',
    'x\uD800',
    '\uDFFFy',
    '\u202Eevil\u202C',
    '<script>alert(1)</script>',
    "x' OR 1=1 //",
    '👩‍👩‍👧‍👦',
    'é'.repeat(250),
    '$id',
    '*:*',
  ),
);
const text = fc.oneof({ weight: 6, arbitrary: validText }, { weight: 1, arbitrary: hostileString });
const anyScalar = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));
/** A source id that does not exist: evidence citing it always fails. */
const MISSING_SOURCE = 'source:fz-missing-source';
/** An unknown key: every body schema is strict. */
const unknownKey = fc
  .tuple(fc.string({ minLength: 1, maxLength: 10 }), jsonValue)
  .map(([k, v]) => (d: Draft) => {
    d.body[`zz${k}`] = v;
  });
/** Versions that never match a stored one (or are not versions at all). */
const badVersion = fc.oneof(
  fc.constantFrom<unknown>(0, -1, 1.5, '1', null, [], {}, true, 2 ** 53 + 2, 1e308),
  fc.integer({ min: 1_000_000, max: 2 ** 31 }),
);
const setField = (key: string, v: fc.Arbitrary<unknown>) =>
  v.map((x) => (d: Draft) => {
    d.body[key] = x;
  });
const evidence = (ctx: FuzzContext) =>
  fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.record({ sourceId: fc.oneof(pick(ctx.sourceIds), text), quote: text }) },
      {
        weight: 2,
        arbitrary: fc.record({
          curatorAsserted: fc.constantFrom<unknown>(true, true, false, 'true', 1),
          note: text,
        }),
      },
      { weight: 1, arbitrary: jsonValue },
    ),
    { maxLength: 3 },
  );
const properties = fc.dictionary(
  text,
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.oneof(validText, hostileNumber, fc.boolean(), fc.array(validText, { maxLength: 3 })),
    },
    { weight: 1, arbitrary: jsonValue },
  ),
  { maxKeys: 4 },
);
const missingEvidence = fc.constant((d: Draft) => {
  d.body.evidence = [
    ...(Array.isArray(d.body.evidence) ? d.body.evidence : []),
    { sourceId: MISSING_SOURCE, quote: 'not in any source' },
  ];
});

const nodeFields = (ctx: FuzzContext) =>
  fc.record(
    {
      label: fc.oneof({ weight: 4, arbitrary: pick(ctx.labels) }, { weight: 1, arbitrary: text }),
      name: text,
      id: fc.option(fc.oneof(fc.stringMatching(/^[a-z]{1,8}:fz-[a-z0-9-]{1,20}$/), text), {
        nil: undefined,
        freq: 2,
      }),
      aliases: maybe(fc.array(text, { maxLength: 3 })),
      description: maybe(text),
      properties: maybe(properties),
      evidence: maybe(evidence(ctx)),
    },
    { requiredKeys: [] },
  );

const edgeFields = (ctx: FuzzContext) =>
  fc.record(
    {
      type: fc.oneof({ weight: 4, arbitrary: pick(ctx.relTypes) }, { weight: 1, arbitrary: text }),
      source: fc.oneof({ weight: 4, arbitrary: pick(ctx.nodeIds) }, { weight: 1, arbitrary: text }),
      target: fc.oneof({ weight: 4, arbitrary: pick(ctx.nodeIds) }, { weight: 1, arbitrary: text }),
      properties: maybe(properties),
      evidence: maybe(evidence(ctx)),
    },
    { requiredKeys: [] },
  );

const updateFields = (ctx: FuzzContext) =>
  fc.record(
    {
      version: fc.oneof(badVersion, hostileNumber),
      name: maybe(text),
      aliases: maybe(fc.array(text, { maxLength: 3 })),
      description: maybe(fc.oneof(text, fc.constant(null))),
      properties: maybe(
        fc.dictionary(text, fc.oneof(anyScalar, fc.array(text, { maxLength: 3 })), { maxKeys: 4 }),
      ),
      addEvidence: maybe(evidence(ctx)),
      removeEvidence: maybe(fc.array(fc.oneof(hostileNumber, fc.nat(5)), { maxLength: 3 })),
    },
    { requiredKeys: [] },
  );

/** Updates, deletes and merges of real elements fail on the version; of random ids, on the id. */
const versionPoisons = () => [
  badVersion.map((v) => (d: Draft) => {
    d.body.version = v;
  }),
  unknownKey,
];

const scene = fc.record(
  {
    nodes: fc.oneof(
      fc.array(
        fc.record(
          {
            id: text,
            x: fc.oneof(hostileNumber, text),
            y: hostileNumber,
            pinned: maybe(fc.boolean()),
            classes: maybe(fc.array(text, { maxLength: 2 })),
          },
          { requiredKeys: ['id'] },
        ),
        { maxLength: 3 },
      ),
      jsonValue,
    ),
    layout: maybe(text),
    filters: maybe(fc.dictionary(text, jsonValue, { maxKeys: 3 })),
    viewport: maybe(jsonValue),
  },
  { requiredKeys: [] },
);

const cypherQuery = fc.oneof(
  text,
  fc.constantFrom(
    'RETURN 1',
    'RETURN $p AS p',
    'MATCH (n) RETURN n LIMIT $limit',
    'UNWIND range(1, $n) AS x RETURN x',
    'CALL db.labels()',
    'RETURN 1 +',
  ),
);

/** Every route in server/src/routes/*, with what the fuzzer may vary. */
export const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: '/health', as: 'anyone' },
  { method: 'GET', path: '/schema', as: 'anyone' },
  { method: 'GET', path: '/search', query: ['q', 'labels', 'limit'], as: 'anyone' },
  { method: 'GET', path: '/nodes/:id', as: 'anyone', ids: 'real' },
  {
    method: 'GET',
    path: '/nodes/:id/neighbours',
    query: ['relTypes', 'direction', 'labels', 'threat', 'limit', 'skip'],
    as: 'anyone',
    ids: 'real',
  },
  { method: 'GET', path: '/nodes/:id/neighbour-counts', as: 'anyone', ids: 'real' },
  { method: 'GET', path: '/nodes/:id/neighbourhood', query: ['limit'], as: 'anyone', ids: 'real' },
  {
    method: 'GET',
    path: '/paths',
    query: ['from', 'to', 'maxHops', 'mode', 'k', 'relTypes', 'threat'],
    as: 'anyone',
  },
  { method: 'GET', path: '/cooperation', query: ['threat', 'actor', 'limit'], as: 'anyone' },
  { method: 'GET', path: '/nodes/:id/history', query: ['limit', 'before'], as: 'anyone', ids: 'real' },
  { method: 'GET', path: '/edges/:id/history', query: ['limit', 'before'], as: 'anyone', ids: 'real' },
  { method: 'GET', path: '/changes', query: ['limit', 'before'], as: 'anyone' },
  { method: 'GET', path: '/deleted', query: ['limit'], as: 'anyone' },
  { method: 'GET', path: '/sources', as: 'anyone' },
  { method: 'GET', path: '/sources/:id', as: 'anyone', ids: 'real' },
  { method: 'GET', path: '/workspaces', as: 'anyone' },
  { method: 'GET', path: '/workspaces/:id', as: 'anyone', ids: 'random' },
  {
    method: 'GET',
    path: '/export',
    query: ['format', 'nodeIds', 'workspace', 'variant', 'title'],
    as: 'anyone',
  },
  { method: 'GET', path: '/auth/me', as: 'anyone' },
  { method: 'GET', path: '/users', as: 'admin' },
  {
    method: 'POST',
    path: '/cypher',
    as: 'anyone',
    deep: ['params.p'],
    freeBody: () =>
      fc.record(
        {
          query: fc.oneof(cypherQuery, jsonValue),
          params: maybe(fc.oneof(fc.dictionary(text, jsonValue, { maxKeys: 3 }), jsonValue)),
        },
        { requiredKeys: [] },
      ),
  },
  {
    method: 'POST',
    path: '/export',
    as: 'anyone',
    deep: ['params.p', 'nodeIds'],
    freeBody: () =>
      fc.record(
        {
          format: fc.oneof(fc.constantFrom('graphml', 'json', 'csv', 'cypher', 'briefing'), text),
          nodeIds: maybe(fc.oneof(fc.array(text, { maxLength: 3 }), jsonValue)),
          workspace: maybe(text),
          query: maybe(cypherQuery),
          params: maybe(jsonValue),
          variant: maybe(fc.oneof(fc.constantFrom('markdown', 'html'), text)),
          title: maybe(text),
        },
        { requiredKeys: [] },
      ),
  },
  {
    method: 'POST',
    path: '/auth/login',
    as: 'anyone',
    freeBody: () =>
      fc.record(
        { username: fc.oneof(text, jsonValue), password: fc.oneof(text, jsonValue), token: maybe(jsonValue) },
        { requiredKeys: [] },
      ),
  },
  {
    method: 'POST',
    path: '/auth/logout',
    as: 'anyone',
    freeBody: () => fc.dictionary(text, jsonValue, { maxKeys: 2 }),
  },
  {
    method: 'POST',
    path: '/workspaces',
    as: 'anyone',
    deep: ['scene.filters', 'scene'],
    write: {
      fields: () =>
        fc.record(
          { name: fc.oneof(text, jsonValue), scene: fc.oneof(scene, jsonValue) },
          { requiredKeys: [] },
        ),
      poisons: () => [
        unknownKey,
        setField('name', fc.constantFrom<unknown>('', '   ', 'a\u0000b', 'x'.repeat(121), 5, null, [])),
        setField('scene', fc.constantFrom<unknown>(null, 'scene', [], 7)),
      ],
    },
  },
  {
    method: 'PUT',
    path: '/workspaces/:id',
    as: 'anyone',
    ids: 'random',
    deep: ['scene'],
    write: {
      fields: () =>
        fc.record(
          { scene: fc.oneof(scene, jsonValue), version: fc.oneof(badVersion, hostileNumber) },
          { requiredKeys: [] },
        ),
      poisons: () => [unknownKey],
    },
  },
  {
    method: 'PATCH',
    path: '/workspaces/:id',
    as: 'anyone',
    ids: 'random',
    write: {
      fields: () =>
        fc.record({ name: text, version: fc.oneof(badVersion, hostileNumber) }, { requiredKeys: [] }),
      poisons: () => [unknownKey],
    },
  },
  { method: 'DELETE', path: '/workspaces/:id', as: 'anyone', ids: 'random' },
  {
    method: 'POST',
    path: '/nodes',
    as: 'curator',
    deep: ['properties', 'evidence'],
    write: {
      fields: nodeFields,
      poisons: (ctx) => [
        unknownKey,
        missingEvidence,
        setField(
          'label',
          fc.oneof(
            text.map((t) => `Fz${t}`),
            jsonValue.filter((v) => typeof v !== 'string'),
          ),
        ),
        setField('name', fc.constantFrom<unknown>('', ' \t ', 'x'.repeat(301), 42, null, [], {})),
        setField(
          'id',
          fc.constantFrom<unknown>(
            'Country:UK',
            'country',
            ':x',
            'country:-x',
            7,
            ...ctx.nodeIds.slice(0, 1).map((i) => `${i} `),
          ),
        ),
      ],
    },
  },
  {
    method: 'PATCH',
    path: '/nodes/:id',
    as: 'curator',
    ids: 'real',
    deep: ['properties'],
    write: { fields: updateFields, poisons: versionPoisons },
  },
  {
    method: 'DELETE',
    path: '/nodes/:id',
    query: ['version'],
    as: 'curator',
    ids: 'real',
    write: {
      fields: () => fc.record({ version: fc.oneof(badVersion, hostileNumber) }, { requiredKeys: [] }),
      poisons: versionPoisons,
    },
  },
  {
    method: 'POST',
    path: '/nodes/:id/merge',
    as: 'curator',
    ids: 'real',
    write: {
      fields: (ctx) =>
        fc.record(
          {
            otherId: fc.oneof(pick(ctx.nodeIds), text),
            version: fc.oneof(badVersion, hostileNumber),
            otherVersion: fc.oneof(badVersion, hostileNumber),
          },
          { requiredKeys: [] },
        ),
      poisons: () => [
        unknownKey,
        badVersion.map((v) => (d: Draft) => {
          d.body.version = v;
          d.body.otherVersion = v;
        }),
      ],
    },
  },
  {
    method: 'POST',
    path: '/edges',
    as: 'curator',
    deep: ['properties', 'evidence'],
    write: {
      fields: edgeFields,
      poisons: () => [
        unknownKey,
        missingEvidence,
        setField(
          'type',
          text.map((t) => `FZ_${t}`),
        ),
        setField('source', fc.constant('country:fz-missing-node')),
        setField('target', fc.constantFrom<unknown>(5, null, [], 'actor:fz-missing')),
      ],
    },
  },
  {
    method: 'PATCH',
    path: '/edges/:id',
    as: 'curator',
    ids: 'real',
    deep: ['properties'],
    write: {
      fields: (ctx) => updateFields(ctx).map(({ name: _n, aliases: _a, description: _d, ...rest }) => rest),
      poisons: versionPoisons,
    },
  },
  {
    method: 'DELETE',
    path: '/edges/:id',
    query: ['version'],
    as: 'curator',
    ids: 'real',
    write: {
      fields: () => fc.record({ version: fc.oneof(badVersion, hostileNumber) }, { requiredKeys: [] }),
      poisons: versionPoisons,
    },
  },
  {
    method: 'POST',
    path: '/changes/:id/revert',
    as: 'curator',
    ids: 'random',
    freeBody: () => fc.dictionary(text, jsonValue, { maxKeys: 2 }),
  },
  {
    method: 'POST',
    path: '/sources',
    as: 'curator',
    deep: ['text'],
    write: {
      fields: () =>
        fc.record(
          {
            title: fc.oneof(text, jsonValue),
            publisher: maybe(text),
            date: maybe(text),
            url: maybe(fc.oneof(text, fc.webUrl())),
            text: fc.oneof(text, fc.string({ minLength: 20, maxLength: 400 })),
          },
          { requiredKeys: [] },
        ),
      poisons: () => [
        unknownKey,
        setField('text', fc.constantFrom<unknown>('too short', ' '.repeat(40), 7, null)),
        setField('title', fc.constantFrom<unknown>('', '  ', null, 9)),
        setField(
          'url',
          fc.constantFrom<unknown>(
            'javascript:alert(1)',
            'file:///etc/passwd',
            'not a url',
            'data:text/html,<script>alert(1)</script>',
          ),
        ),
        setField('date', fc.constantFrom<unknown>('yesterday', '2025/04/08', 20250408)),
      ],
    },
  },
  {
    method: 'POST',
    path: '/users',
    as: 'admin',
    write: {
      fields: () =>
        fc.record(
          {
            username: fc.oneof(text, jsonValue),
            password: fc.oneof(text, jsonValue),
            role: fc.oneof(fc.constantFrom('viewer', 'curator', 'admin'), text),
          },
          { requiredKeys: [] },
        ),
      poisons: () => [
        unknownKey,
        setField('password', fc.constantFrom<unknown>('', 'short', 5, null)),
        setField('role', fc.constantFrom<unknown>('root', 'ADMIN', '', null, ['admin'])),
        setField('username', fc.constantFrom<unknown>('', 'a b', '../admin', 'x'.repeat(100), null)),
      ],
    },
  },
  {
    method: 'PATCH',
    path: '/users/:username',
    as: 'admin',
    ids: 'random',
    freeBody: () =>
      fc.record(
        {
          role: maybe(fc.oneof(fc.constantFrom('viewer', 'curator'), text)),
          password: maybe(text),
          disabled: maybe(jsonValue),
        },
        { requiredKeys: [] },
      ),
  },
  { method: 'DELETE', path: '/users/:username', as: 'admin', ids: 'random' },
];
