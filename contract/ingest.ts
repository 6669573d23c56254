// Ingest: adding an article as a Source (pasted text or an uploaded file), its extraction, and the review of the
// suggestions extraction leaves (accept, edit, reject, link a candidate to an existing node, accept all of a kind).
import { z } from 'zod';
import { CONFIDENCE_LEVELS } from '../model/index.js';
import { changeRecordSchema, propertiesSchema, sourceSummarySchema } from './curation.js';
import { idSchema, nonEmpty, text } from './fields.js';

/** Longest source text, in characters (about 150,000 words): past it a paste is an accident. */
export const MAX_SOURCE_CHARS = 900_000;
/** Largest uploaded file, in bytes: HTML carries markup besides its text, so more than the text limit. */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
/** File types an article may be uploaded as (by extension): plain text, Markdown, HTML. */
export const UPLOAD_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'] as const;

/** A source's text: UTF-8 text without NUL characters or lone surrogates, at least 20 characters of it. */
export const sourceTextSchema = text('text', MAX_SOURCE_CHARS)
  .refine((t) => !t.includes('\u0000'), 'expected text without NUL characters (is this a binary file?)')
  .refine((t) => !/\p{Cs}/u.test(t), 'expected well-formed Unicode text (it holds a lone surrogate)')
  .refine((t) => t.trim().length >= 20, 'expected the full text of the source (at least 20 characters)');

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected an ISO date such as "2025-04-08"');

/**
 * `POST /api/sources`: a new source (curators), as JSON or as multipart/form-data with the same fields as text parts
 * and the article as a `file` part (.txt, .md or .html; HTML is reduced to its readable text). `publishedAt` and
 * `date` are one field (`date` is its older name); `title` may be left out of an upload whose file names one.
 */
export const sourceAddBody = z
  .object(
    {
      title: nonEmpty('title', 500),
      publisher: text('publisher', 300).optional(),
      publishedAt: isoDate.optional(),
      date: isoDate.optional(),
      url: z
        .string()
        .max(2_000)
        .url('expected a URL')
        .refine((u) => /^https?:\/\//i.test(u), 'expected an http or https URL')
        .optional(),
      text: sourceTextSchema,
    },
    { message: 'expected a JSON object with `title` and `text` (or a multipart form with a `file`)' },
  )
  .strict()
  .refine((b) => !b.date || !b.publishedAt || b.date === b.publishedAt, {
    message: 'expected one publication date: `publishedAt` and `date` differ',
    path: ['publishedAt'],
  });
export type SourceAddRequest = z.infer<typeof sourceAddBody>;

// --- Extraction ------------------------------------------------------------------------------------

/** Where a source's extraction is: never run, running, done, failed, or cut off by a server stop. */
export const EXTRACTION_STATES = ['none', 'running', 'done', 'failed', 'interrupted'] as const;
export type ExtractionState = (typeof EXTRACTION_STATES)[number];

/** `GET /api/sources/:id/extraction`: the extraction's state and, while it runs, its progress. */
export const extractionStatusSchema = z.strictObject({
  sourceId: z.string(),
  state: z.enum(EXTRACTION_STATES),
  /** The engine's phase (`sentences`, `tagging`, `mentions`, `candidates`, `relationships`, `done`). */
  phase: z.string().nullable(),
  /** Sentences done of `total` in the phase. */
  done: z.number().int(),
  total: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Suggestions stored once done. */
  suggestions: z.number().int(),
  /** Wall time of the extraction itself, in ms. */
  ms: z.number().nullable(),
  /** Why it failed, when it did. */
  error: z.string().nullable(),
});
export type ExtractionStatus = z.infer<typeof extractionStatusSchema>;

// --- Suggestions -----------------------------------------------------------------------------------

export const SUGGESTION_KINDS = ['node', 'relationship'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];
/** `pending` until someone decides; `accepted` wrote a node or relationship, `linked` joined an existing node. */
export const SUGGESTION_STATES = ['pending', 'accepted', 'rejected', 'linked'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

/** One end of a suggested relationship: a node the graph has, or a candidate of the same source. */
export const suggestionEndSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('node'), nodeId: z.string(), name: z.string(), label: z.string() }),
  z.strictObject({
    kind: z.literal('candidate'),
    candidateKey: z.string(),
    /** The node suggestion that proposes it (null when extraction dropped it). */
    suggestionId: z.string().nullable(),
    name: z.string(),
    label: z.string(),
    state: z.enum(SUGGESTION_STATES),
    /** The node it became (accepted) or was linked to; the relationship then points there. */
    nodeId: z.string().nullable(),
  }),
]);
export type SuggestionEnd = z.infer<typeof suggestionEndSchema>;

/** An existing node a candidate may be, ranked by name similarity and the neighbours it shares with the candidate. */
export const suggestionMatchSchema = z.strictObject({
  nodeId: z.string(),
  name: z.string(),
  label: z.string(),
  /** 0-1, of the name or an alias against the candidate's name and aliases. */
  similarity: z.number(),
  /** Nodes this article relates the candidate to that the existing node is already related to. */
  sharedNeighbours: z.number().int(),
  /** The rank's score (0-1). */
  score: z.number(),
});
export type SuggestionMatch = z.infer<typeof suggestionMatchSchema>;

/** Who decided, when, and what it wrote. */
export const suggestionDecisionSchema = z.strictObject({
  by: z.string(),
  at: z.string(),
  /** True for decisions taken by `npm run ingest -- --accept-above`. */
  automatic: z.boolean(),
  /** The node or relationship it created or joined (null for a rejection). */
  resultId: z.string().nullable(),
  /** The Change records it left (revert them in the history like any other change). */
  changeIds: z.array(z.string()),
  note: z.string().nullable(),
});
export type SuggestionDecision = z.infer<typeof suggestionDecisionSchema>;

const quotedSpan = z.strictObject({ quote: z.string(), start: z.number().int(), end: z.number().int() });

/** One suggestion of a source: a node to create (a candidate) or a relationship to add, with its sentence. */
export const suggestionSchema = z.strictObject({
  id: z.string(),
  sourceId: z.string(),
  kind: z.enum(SUGGESTION_KINDS),
  /** Node suggestions: the proposed kind (`Person`, `Forum`...); null for relationships. */
  label: z.string().nullable(),
  /** Relationship suggestions: the proposed type (`PARTICIPATED_IN`...); null for nodes. */
  type: z.string().nullable(),
  /** Node suggestions: the candidate's key within the source, its name and aliases. */
  candidateKey: z.string().nullable(),
  name: z.string().nullable(),
  aliases: z.array(z.string()),
  properties: z.record(z.string(), z.string()),
  /** Relationship suggestions: its ends. */
  from: suggestionEndSchema.nullable(),
  to: suggestionEndSchema.nullable(),
  /** The sentence it rests on: `text.slice(start, end) === quote` in the stored source text. */
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  /** Every sentence supporting it (relationships may have several). */
  evidence: z.array(quotedSpan),
  /** The source's own hedging. */
  confidence: z.enum(CONFIDENCE_LEVELS),
  /** 0-1: how sure extraction is. */
  score: z.number(),
  /** Which extraction rule proposed it. */
  rule: z.string(),
  /** A possible contradiction with the graph or another sentence: accepting it marks both claims disputed. */
  disputed: z.boolean(),
  disputeNote: z.string().nullable(),
  /** Pending node suggestions: the existing nodes it most likely is, best first (link to one instead of creating). */
  matches: z.array(suggestionMatchSchema),
  state: z.enum(SUGGESTION_STATES),
  decision: suggestionDecisionSchema.nullable(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

/** A place the article names a node or a candidate: for highlighting the text in the review panel. */
export const sourceMentionSchema = z.strictObject({
  start: z.number().int(),
  end: z.number().int(),
  label: z.string(),
  /** The existing node, or the candidate (with its node suggestion's id when there is one). */
  nodeId: z.string().nullable(),
  candidateKey: z.string().nullable(),
  suggestionId: z.string().nullable(),
});
export type SourceMention = z.infer<typeof sourceMentionSchema>;

const suggestionCounts = z.strictObject(
  Object.fromEntries(SUGGESTION_STATES.map((s) => [s, z.number().int()])) as Record<
    SuggestionState,
    z.ZodNumber
  >,
);

/** `GET /api/sources/:id/suggestions?state=&kind=`: the source's suggestions in text order, nodes first. */
export const suggestionListQuery = z.strictObject({
  state: z.enum(SUGGESTION_STATES).optional(),
  kind: z.enum(SUGGESTION_KINDS).optional(),
});
export const suggestionListResponse = z.strictObject({
  source: sourceSummarySchema.extend({ sha256: z.string().nullable() }),
  extraction: extractionStatusSchema,
  suggestions: z.array(suggestionSchema),
  /** Every mention extraction found, in text order. */
  mentions: z.array(sourceMentionSchema),
  /** Suggestions by state (all of them, whatever the filter). */
  counts: suggestionCounts,
});
export type SuggestionListResponse = z.infer<typeof suggestionListResponse>;

/** `POST /api/sources`: the new source and its change, its SHA-256, the extraction and its suggestions. */
export const sourceAddResponse = z.strictObject({
  result: sourceSummarySchema.nullable(),
  change: changeRecordSchema,
  sha256: z.string(),
  /** `done` within the request (201); `running` for a long text (202): poll GET /api/sources/:id/extraction. */
  extraction: extractionStatusSchema,
  suggestions: z.array(suggestionSchema),
});
export type SourceAddResponse = z.infer<typeof sourceAddResponse>;

// --- Decisions -------------------------------------------------------------------------------------

/**
 * `POST /api/suggestions/:id/accept`, optionally with edits. A node suggestion takes `name`, `label`, `aliases`,
 * `description` and `properties`; a relationship suggestion `type`, `properties`, and `from`/`to` as existing node
 * ids; either takes `confidence`. The quote and its offsets are never edited: the fact keeps the source's sentence.
 * An edit that does not fit is refused (400 or 422 naming the field) and nothing is written.
 */
export const suggestionAcceptBody = z
  .object(
    {
      name: nonEmpty('name', 300).optional(),
      label: nonEmpty('label', 40).optional(),
      aliases: z.array(nonEmpty('alias', 300)).max(100, 'expected at most 100 aliases').optional(),
      description: text('description', 5_000).optional(),
      properties: propertiesSchema.optional(),
      type: nonEmpty('relationship type', 60).optional(),
      from: idSchema.optional(),
      to: idSchema.optional(),
      confidence: z
        .enum(CONFIDENCE_LEVELS, {
          message: `expected \`confidence\`: one of ${CONFIDENCE_LEVELS.join(', ')}`,
        })
        .optional(),
    },
    { message: 'expected a JSON object of edits (or no body)' },
  )
  .strict();
export type SuggestionAcceptRequest = z.infer<typeof suggestionAcceptBody>;

/** `POST /api/suggestions/:id/reject`, optionally saying why. */
export const suggestionRejectBody = z
  .object({ note: text('note', 2_000).optional() }, { message: 'expected `{note?}` or no body' })
  .strict();
export type SuggestionRejectRequest = z.infer<typeof suggestionRejectBody>;

/** `POST /api/suggestions/:id/link {nodeId}`: the candidate is this existing node (its name becomes an alias). */
export const suggestionLinkBody = z
  .object({ nodeId: idSchema }, { message: 'expected `{nodeId}`: the existing node the candidate is' })
  .strict();
export type SuggestionLinkRequest = z.infer<typeof suggestionLinkBody>;

/** What a decision did: the suggestion as it now is, the changes written, and the suggestions decided with it. */
export const suggestionDecisionResponse = z.strictObject({
  suggestion: suggestionSchema,
  changes: z.array(changeRecordSchema),
  /** Candidates accepted first because an accepted relationship needed them as ends. */
  alsoAccepted: z.array(z.string()),
});
export type SuggestionDecisionResponse = z.infer<typeof suggestionDecisionResponse>;

/**
 * `POST /api/sources/:id/suggestions/accept`: accepts every pending suggestion of `kind` (optionally of one label
 * or type) scoring at least `minScore` and hedged no more than `minConfidence`. Each is accepted in its own
 * transaction; disputed ones are left for a person unless `includeDisputed`.
 */
export const acceptAllBody = z
  .object(
    {
      kind: z.enum(SUGGESTION_KINDS, { message: 'expected `kind`: "node" or "relationship"' }),
      label: nonEmpty('label or type', 60).optional(),
      minScore: z
        .number()
        .min(0, 'expected a score from 0 to 1')
        .max(1, 'expected a score from 0 to 1')
        .optional(),
      minConfidence: z.enum(CONFIDENCE_LEVELS).optional(),
      includeDisputed: z.boolean().optional(),
    },
    { message: 'expected a JSON object with `kind`' },
  )
  .strict();
export type AcceptAllRequest = z.infer<typeof acceptAllBody>;

export const acceptAllResponse = z.strictObject({
  accepted: z.array(z.strictObject({ id: z.string(), resultId: z.string().nullable() })),
  /** Refused one by one (the others went ahead): the error each got. */
  refused: z.array(z.strictObject({ id: z.string(), code: z.string(), message: z.string() })),
  /** Left pending on purpose (disputed, below the thresholds). */
  skipped: z.array(z.strictObject({ id: z.string(), reason: z.string() })),
});
export type AcceptAllResponse = z.infer<typeof acceptAllResponse>;

/** `{id}` of a suggestion. */
export const suggestionParams = z.object({ id: nonEmpty('suggestion id', 100) }).strict();
