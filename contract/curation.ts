// Curation: edits of nodes and relationships, merge, revert, sources, and the change history they leave.
import { z } from 'zod';
import { ENTITY_KINDS, isNodeKind, SOURCE_KIND, type EntityKind } from '../model/index.js';
import { graphRule, idSchema, intInRange, nonEmpty, text, versionSchema } from './fields.js';
import { graphEdgeSchema, graphNodeSchema } from './graph.js';
import { CHANGE_LIMIT } from './limits.js';

const version = versionSchema('read');

/** A property value: a string, a number, true/false or a list of strings (null removes, in updates). */
const propertyValue = z.union(
  [
    text('a value', 10_000),
    z.number().finite(),
    z.boolean(),
    z.array(text('a list item', 2_000)).max(200, 'expected at most 200 items'),
  ],
  { message: 'expected a string, a number, true/false or a list of strings' },
);
/** Property values a curator may set: scalars or lists of strings; `null` in a PATCH removes the property. */
export type PropertyValue = z.infer<typeof propertyValue>;
const properties = z.record(z.string().min(1).max(100), propertyValue, {
  message: 'expected an object of properties',
});
/** A new fact's properties (name to value), as curators send them; ingest's accept edits take the same. */
export const propertiesSchema = properties;
const propertyChanges = z.record(z.string().min(1).max(100), propertyValue.nullable(), {
  message: 'expected an object of properties (null removes one)',
});

/**
 * Evidence for a new fact: a verbatim quote from a source (the server checks it and derives the
 * offsets), or an explicit curator assertion (the server records the curator's username with it).
 */
export const evidenceInputSchema = z.union(
  [
    z.object({ sourceId: idSchema, quote: nonEmpty('quote', 5_000) }).strict(),
    z.object({ curatorAsserted: z.literal(true), note: nonEmpty('note', 2_000) }).strict(),
  ],
  { message: 'expected {sourceId, quote} or {curatorAsserted: true, note}' },
);
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;
const evidenceList = z
  .array(evidenceInputSchema, { message: 'expected a list of evidence' })
  .max(50, 'expected at most 50 pieces of evidence');
/** A new fact's evidence: absent or empty is a broken graph rule (422), not a malformed request. */
const requiredEvidence = evidenceList
  .optional()
  .transform((list, ctx) =>
    list?.length
      ? list
      : graphRule(
          ctx,
          '`evidence` is required for a new fact: at least one {sourceId, quote} from a source, or {curatorAsserted: true, note}.',
        ),
  );
const evidenceIndexes = z
  .array(z.number().int('expected integer indexes').min(0, 'expected indexes >= 0'), {
    message: 'expected a list of evidence indexes',
  })
  .max(100);

const aliases = z
  .array(nonEmpty('alias', 300), { message: 'expected a list of aliases' })
  .max(100, 'expected at most 100 aliases');
const name = nonEmpty('name', 300);

/** A kind a curator may create: any but Source (sources are added with POST /api/sources); another is a 422. */
const entityKind = nonEmpty('label', 40).transform((label, ctx): EntityKind =>
  isNodeKind(label) && label !== SOURCE_KIND
    ? label
    : graphRule(
        ctx,
        `\`label\` "${label}" is not a label a curator can create; expected one of: ${ENTITY_KINDS.join(', ')}.`,
      ),
);

/** `POST /api/nodes`: a new node. `id` defaults to a slug of the label and name (`country:new-zealand`). */
export const nodeCreateBody = z
  .object(
    {
      label: entityKind,
      name,
      id: z
        .string()
        .regex(
          /^[a-z]+:[a-z0-9][a-z0-9-]{0,150}$/,
          'expected an id like "country:new-zealand" (prefix, colon, kebab-case)',
        )
        .optional(),
      aliases: aliases.optional(),
      description: text('description', 5_000).optional(),
      properties: properties.optional(),
      evidence: requiredEvidence,
    },
    { message: 'expected a JSON object with `label`, `name` and `evidence`' },
  )
  .strict();
export type NodeCreateRequest = z.infer<typeof nodeCreateBody>;

/** `PATCH /api/nodes/:id`: changes based on `version`. `properties` values of null remove them. */
export const nodeUpdateBody = z
  .object(
    {
      version,
      name: name.optional(),
      aliases: aliases.optional(),
      description: text('description', 5_000).nullable().optional(),
      properties: propertyChanges.optional(),
      /** Evidence to add (each checked like a new fact's). */
      addEvidence: evidenceList.optional(),
      /** Indexes into the current evidence list to remove (at least one piece must remain). */
      removeEvidence: evidenceIndexes.optional(),
    },
    { message: 'expected a JSON object with `version` and the changes' },
  )
  .strict();
export type NodeUpdateRequest = z.infer<typeof nodeUpdateBody>;

/** `POST /api/edges`: a new relationship; endpoints must suit the type (the model's rules; 422 otherwise). */
export const edgeCreateBody = z
  .object(
    {
      type: nonEmpty('relationship type', 60),
      source: idSchema,
      target: idSchema,
      properties: properties.optional(),
      evidence: requiredEvidence,
    },
    { message: 'expected a JSON object with `type`, `source`, `target` and `evidence`' },
  )
  .strict();
export type EdgeCreateRequest = z.infer<typeof edgeCreateBody>;

/** `PATCH /api/edges/:id`: like a node update. */
export const edgeUpdateBody = z
  .object(
    {
      version,
      properties: propertyChanges.optional(),
      addEvidence: evidenceList.optional(),
      removeEvidence: evidenceIndexes.optional(),
    },
    { message: 'expected a JSON object with `version` and the changes' },
  )
  .strict();
export type EdgeUpdateRequest = z.infer<typeof edgeUpdateBody>;

/**
 * `DELETE /api/nodes/:id` and `/api/edges/:id` take `{version}` as the body, or `?version=` for clients that
 * cannot send a body with DELETE; each part alone may leave it out, the route asks for one of them.
 */
export const deleteBody = z
  .object({ version: version.optional() }, { message: 'expected `{version}` as the body or `?version=`' })
  .strict();
export const deleteQuery = z.strictObject({
  version: z
    .string()
    .transform((v) => (/^\d+$/.test(v) ? Number(v) : v))
    .pipe(version)
    .optional(),
});
/** The body of a DELETE. */
export type DeleteRequest = { version: number };

/** `POST /api/nodes/:id/merge {otherId, version, otherVersion}`: `otherId` is merged into `:id` and removed. */
export const mergeBody = z
  .object(
    { otherId: idSchema, version, otherVersion: version },
    { message: 'expected a JSON object with `otherId`, `version` and `otherVersion`' },
  )
  .strict();
export type MergeRequest = z.infer<typeof mergeBody>;

/** `POST /api/sources`: a new source document (curators); evidence can then quote it. */
export const sourceCreateBody = z
  .object(
    {
      title: nonEmpty('title', 500),
      publisher: text('publisher', 300).optional(),
      date: z
        .string()
        .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected an ISO date such as "2025-04-08"')
        .optional(),
      url: z
        .string()
        .max(2_000)
        .url('expected a URL')
        .refine((u) => /^https?:\/\//i.test(u), 'expected an http or https URL')
        .optional(),
      text: text('text', 900_000).refine(
        (t) => t.trim().length >= 20,
        'expected the full text of the source (at least 20 characters)',
      ),
    },
    { message: 'expected a JSON object with `title` and `text`' },
  )
  .strict();
export type SourceCreateRequest = z.infer<typeof sourceCreateBody>;

// --- Answers ---------------------------------------------------------------------------------------

export const CHANGE_OPERATIONS = [
  'create-node',
  'update-node',
  'delete-node',
  'restore-node',
  'create-edge',
  'update-edge',
  'delete-edge',
  'restore-edge',
  'merge-nodes',
  'create-source',
  'revert',
] as const;
export type ChangeOperation = (typeof CHANGE_OPERATIONS)[number];

/**
 * `ChangeRecord.before` / `.after`: the nodes and relationships the change touched, as the API shows them
 * (properties include `version`), before and after it. A node or relationship absent from `after` was
 * deleted (a node soft-deleted); one absent from `before` was created. Null never occurs: empty lists do.
 */
export const changeSnapshotSchema = z.strictObject({
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
});
export type ChangeSnapshot = z.infer<typeof changeSnapshotSchema>;

/** One recorded change: who, when, what, and the state before and after. */
export const changeRecordSchema = z.strictObject({
  id: z.string(),
  at: z.string(),
  by: z.string(),
  operation: z.enum(CHANGE_OPERATIONS),
  targetKind: z.enum(['node', 'edge', 'source']),
  targetId: z.string(),
  /** Plain words, e.g. `renamed "UK" to "United Kingdom"`. */
  summary: z.string(),
  /** Always sent; readers of older records stay tolerant of its absence (the client's change view is). */
  before: changeSnapshotSchema.nullish(),
  after: changeSnapshotSchema.nullish(),
  /** For a revert: the change it undid. */
  revertOf: z.string().optional(),
  /** Set when a later change reverted this one. */
  revertedBy: z.string().optional(),
  /** For a merge: the node merged into the target (and soft-deleted). */
  otherId: z.string().optional(),
});
export type ChangeRecord = z.infer<typeof changeRecordSchema>;

/** Answer of every write: the new state of the target (null once deleted) and the change recorded. */
export interface WriteResponse<T = GraphNodeOrEdge> {
  result: T | null;
  change: ChangeRecord;
}
type GraphNodeOrEdge = z.infer<typeof graphNodeSchema> | z.infer<typeof graphEdgeSchema>;
/** The schema of a write's answer whose result is `result`. */
export const writeResponse = <S extends z.ZodType>(result: S) =>
  z.strictObject({ result: result.nullable(), change: changeRecordSchema });

/** `GET /api/nodes/:id/history`, `/api/edges/:id/history`, `/api/changes?limit=&before=` (newest first). */
export const changeListResponse = z.strictObject({
  changes: z.array(changeRecordSchema),
  hasMore: z.boolean(),
});
export type ChangeListResponse = z.infer<typeof changeListResponse>;

/** `GET /api/deleted?limit=`: soft-deleted nodes and relationships that can be restored (revert of the delete). */
export const deletedListResponse = z.strictObject({
  deleted: z.array(
    z.strictObject({
      change: changeRecordSchema,
      kind: z.enum(['node', 'edge']),
      id: z.string(),
      name: z.string(),
    }),
  ),
});
export type DeletedListResponse = z.infer<typeof deletedListResponse>;

/** `GET /api/sources` lists them; `GET /api/sources/:id` gives one with its full text for the source viewer. */
export const sourceSummarySchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  date: z.string().nullable(),
  url: z.string().nullable(),
  length: z.number(),
});
export type SourceSummary = z.infer<typeof sourceSummarySchema>;
export const sourceListResponse = z.strictObject({ sources: z.array(sourceSummarySchema) });
export type SourceListResponse = z.infer<typeof sourceListResponse>;
export const sourceResponse = z.strictObject({ source: sourceSummarySchema.extend({ text: z.string() }) });
export type SourceResponse = z.infer<typeof sourceResponse>;

// --- History queries -------------------------------------------------------------------------------

/** `?limit=&before=` of the history lists: a page size and the id of the last change already shown. */
export const changeListQuery = z.strictObject({
  limit: intInRange(1, CHANGE_LIMIT.max, CHANGE_LIMIT.default),
  before: idSchema.optional(),
});
export type ChangeListQuery = z.infer<typeof changeListQuery>;
export const deletedListQuery = z.strictObject({
  limit: intInRange(1, CHANGE_LIMIT.max, CHANGE_LIMIT.default),
});
