// Read endpoints: health, schema, search, a node, its neighbours (with counts), two hops, paths, cooperation.
import { z } from 'zod';
import { evidenceSchema, graphEdgeSchema, graphNodeSchema, graphSchema, graphShape } from './graph.js';
import { CONFIDENCE_LEVELS } from '../model/index.js';
import { booleanFlag, idSchema, intInRange, labelsSchema, relTypesSchema, threatSchema } from './fields.js';
import {
  COOPERATION_LEVELS,
  MAX_HOPS,
  MAX_MIN_WEIGHT,
  MAX_K_PATHS,
  NEIGHBOUR_LIMIT,
  NEIGHBOURHOOD_LIMIT,
  PAIR_LIMIT,
  PATH_MODES,
  SEARCH_LIMIT,
} from './limits.js';

// --- GET /health ----------------------------------------------------------------------------------

export const healthResponse = z.strictObject({
  status: z.enum(['ok', 'degraded']),
  neo4j: z.strictObject({
    connected: z.boolean(),
    version: z.string().nullable(),
    edition: z.string().nullable().optional(),
  }),
});
export type HealthResponse = z.infer<typeof healthResponse>;

// --- GET /schema ----------------------------------------------------------------------------------

/** A property's type in the allow-list; `date` is an ISO date (`2025`, `2025-04`, `2025-04-08`), `enum` lists its values. */
export const propertyTypeInfoSchema = z.union([
  z.strictObject({ kind: z.enum(['string', 'string[]', 'boolean', 'number', 'integer', 'date']) }),
  z.strictObject({ kind: z.literal('enum'), values: z.array(z.string()).readonly() }),
]);
export type PropertyTypeInfo = z.infer<typeof propertyTypeInfoSchema>;

/** `GET /api/schema` `properties`: per primary label (Country, Forum, ...) and per relationship type. */
export const schemaPropertiesSchema = z.strictObject({
  labels: z.record(z.string(), z.record(z.string(), propertyTypeInfoSchema)),
  relationshipTypes: z.record(z.string(), z.record(z.string(), propertyTypeInfoSchema)),
});
export type SchemaProperties = z.infer<typeof schemaPropertiesSchema>;

export const schemaResponse = z.strictObject({
  labels: z.array(z.strictObject({ label: z.string(), count: z.number() })),
  relationshipTypes: z.array(
    z.strictObject({
      type: z.string(),
      count: z.number(),
      from: z.array(z.string()),
      to: z.array(z.string()),
    }),
  ),
  totals: z.strictObject({ nodes: z.number(), relationships: z.number() }),
  /** Curation: the properties each primary label and relationship type may carry, with their types (for edit forms). */
  properties: schemaPropertiesSchema.optional(),
});
export type SchemaResponse = z.infer<typeof schemaResponse>;

// --- GET /search ----------------------------------------------------------------------------------

export const searchQuery = z.strictObject({
  q: z
    .string({ message: 'expected search text' })
    .trim()
    .min(1, 'expected search text')
    .max(200, 'expected at most 200 characters'),
  labels: labelsSchema,
  limit: intInRange(1, SEARCH_LIMIT.max, SEARCH_LIMIT.default),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchResponse = z.strictObject({
  nodes: z.array(graphNodeSchema.extend({ score: z.number() })),
});
export type SearchResponse = z.infer<typeof searchResponse>;

// --- GET /nodes/:id -------------------------------------------------------------------------------

export const nodeResponse = z.strictObject({ node: graphNodeSchema, evidence: z.array(evidenceSchema) });
export type NodeResponse = z.infer<typeof nodeResponse>;

// --- GET /nodes/:id/neighbours --------------------------------------------------------------------

/**
 * Which neighbours an expansion takes (every field optional): the filter written once for the route, the
 * use case and the client (whose expansion filter and "expand by type" menu send exactly these).
 */
export const neighbourFilterShape = {
  relTypes: relTypesSchema,
  /** Only relationships leaving (`out`: node -> neighbour) or entering (`in`) the node. */
  direction: z.enum(['out', 'in'], { message: 'expected "out" (node -> neighbour) or "in"' }).optional(),
  labels: labelsSchema,
  /** Neighbours that are the threat (or a sub-threat) or address/focus on it. */
  threat: threatSchema.optional(),
};
export const neighbourFilter = z.strictObject(neighbourFilterShape);
export type NeighbourFilter = z.infer<typeof neighbourFilter>;

export const neighboursQuery = z.strictObject({
  ...neighbourFilterShape,
  limit: intInRange(1, NEIGHBOUR_LIMIT.max, NEIGHBOUR_LIMIT.default),
  skip: intInRange(0, 1_000_000, 0),
});
export type NeighboursQuery = z.infer<typeof neighboursQuery>;

export const neighboursResponse = z.strictObject({
  ...graphShape,
  /** How many neighbours match the filters in total, before the limit. */
  total: z.number(),
  truncated: z.boolean(),
  /**
   * Set on a hub: the order is "most connected" among `size` sampled neighbours (matching the filters) out of `of`
   * relationships, who come first; the neighbours outside the sample follow, most connected first.
   */
  sample: z.strictObject({ size: z.number(), of: z.number() }).optional(),
});
export type NeighboursResponse = z.infer<typeof neighboursResponse>;

// --- GET /nodes/:id/neighbour-counts --------------------------------------------------------------

/** Marks a figure that is an estimate (the client shows "≈"); absent when it is exact. */
const estimateFlag = z.literal(true).optional();

/**
 * How many distinct neighbours each selective-expand choice would add. On a hub (`sample` set) some figures are
 * estimates, each marked `estimate: true`.
 */
export const neighbourCountsResponse = z.strictObject({
  node: graphNodeSchema,
  /** Distinct neighbours over all relationship types. */
  total: z.number(),
  /** `total` is an estimate: on a hub, a neighbour linked by several types may be counted once per type. */
  totalEstimate: estimateFlag,
  /**
   * Per relationship type: `count` distinct neighbours (what `?relTypes=<type>` expands), of which
   * `out` are reached by node -> neighbour and `in` by neighbour -> node (both when linked both ways).
   * On a hub, a sampled type's `out` and `in` count relationships (from the degree store, those to deleted
   * neighbours taken off) and `count` is their sum, an estimate when the type runs both ways.
   */
  byType: z.array(
    z.strictObject({
      type: z.string(),
      count: z.number(),
      out: z.number(),
      in: z.number(),
      estimate: estimateFlag,
    }),
  ),
  /** Per neighbour label (a neighbour counts once under each of its labels). */
  byLabel: z.array(z.strictObject({ label: z.string(), count: z.number(), estimate: estimateFlag })),
  /** Per threat: neighbours that are the threat (or a sub-threat) or address/focus on it, as `?threat=` expands them. */
  byThreat: z.array(
    z.strictObject({
      threat: z.strictObject({ id: z.string(), name: z.string() }),
      count: z.number(),
      estimate: estimateFlag,
    }),
  ),
  /**
   * Set on a hub: labels and threats were counted on `size` sampled neighbours out of `of` relationships to live
   * neighbours, and scaled up.
   */
  sample: z.strictObject({ size: z.number(), of: z.number() }).optional(),
});
export type NeighbourCountsResponse = z.infer<typeof neighbourCountsResponse>;

// --- GET /nodes/:id/neighbourhood -----------------------------------------------------------------

export const neighbourhoodQuery = z.strictObject({
  limit: intInRange(1, NEIGHBOURHOOD_LIMIT.max, NEIGHBOURHOOD_LIMIT.default),
});

/** The centre and up to `limit` nodes within two hops, with the walked relationships. */
export const neighbourhoodResponse = z.strictObject({
  ...graphShape,
  /** Nodes reached at one hop and at two hops (besides the centre). */
  hop1: z.number(),
  hop2: z.number(),
  /** True when `limit` stopped the walk before the whole two-hop neighbourhood was reached. */
  truncated: z.boolean(),
});
export type NeighbourhoodResponse = z.infer<typeof neighbourhoodResponse>;

// --- GET /paths -----------------------------------------------------------------------------------

export const pathsQuery = z.strictObject({
  from: idSchema,
  to: idSchema,
  maxHops: intInRange(1, MAX_HOPS, 4),
  mode: z
    .enum(PATH_MODES, { message: 'expected "shortest", "all-shortest" or "k-paths"' })
    .default('shortest'),
  /** With mode `k-paths`: how many distinct paths at most. */
  k: intInRange(1, MAX_K_PATHS, 3),
  /** Every hop must be one of these types; absent means any. */
  relTypes: relTypesSchema,
  threat: threatSchema.optional(),
  /** Let a path pass through a threat type or technology both sides share (off: actors, forums, agreements, events). */
  throughTopics: booleanFlag(false),
  /**
   * With mode `shortest`: let the path pass through hubs (nodes of more than PATH_HUB_DEGREE relationships). Off, the
   * search goes round them (much faster on a big graph) and the answer says when a shorter path may pass through one.
   */
  throughHubs: booleanFlag(false),
});
export type PathsQuery = z.infer<typeof pathsQuery>;

/** A path's weakest claim (its relationships and the nodes between its ends) and whether any is disputed. */
export const pathStrengthSchema = z.strictObject({
  weakest: z.enum(CONFIDENCE_LEVELS),
  disputed: z.boolean(),
});
export type PathStrength = z.infer<typeof pathStrengthSchema>;

export const pathsResponse = z.strictObject({
  /** Strongest first (undisputed before disputed, then confirmed, reported, speculative), then fewest hops. */
  paths: z.array(graphSchema.extend({ strength: pathStrengthSchema })),
  /**
   * Mode `shortest` without `throughHubs`: set (true) when the path went round hubs near its ends and a shorter one
   * may pass through them; absent, the path is the shortest there is (none of its ends is near a hub).
   */
  mayNotBeShortest: z.literal(true).optional(),
  /** With `mayNotBeShortest`: the hubs near the ends a shorter path may pass through, most connected first (at most HUBS_AVOIDED_MAX). */
  hubsAvoided: z.array(z.strictObject({ id: z.string(), name: z.string(), degree: z.number() })).optional(),
});
export type PathsResponse = z.infer<typeof pathsResponse>;

// --- GET /cooperation -----------------------------------------------------------------------------

export const cooperationQuery = z.strictObject({
  threat: threatSchema,
  actor: idSchema.optional(),
  limit: intInRange(1, PAIR_LIMIT.max, PAIR_LIMIT.default),
  /** Who is paired: countries (people and agencies roll up), organisations (people roll up), or people (no roll-up). */
  level: z
    .enum(COOPERATION_LEVELS, { message: 'expected "countries", "organisations" or "people"' })
    .default('countries'),
  /** The fewest forums/agreements a pair must share. */
  minWeight: intInRange(1, MAX_MIN_WEIGHT, 1),
});
export type CooperationQuery = z.infer<typeof cooperationQuery>;

export const cooperationPairSchema = z.strictObject({
  a: graphNodeSchema,
  b: graphNodeSchema,
  /** How many forums and agreements that address the threat both parties take part in (themselves or through members). */
  weight: z.number().optional(),
  /** Those forums and agreements, the smallest first, at most 10 (all of them when `weight` is at most 10). */
  via: z.array(graphNodeSchema),
  /** The relationships that tie a and b themselves to the connecting forums/agreements. */
  edges: z.array(graphEdgeSchema),
  /**
   * The members below a and b whose part counts for them (people, agencies, and the offices between), at most
   * three per party and forum of `via`; none at level `people`.
   */
  members: z.array(graphNodeSchema).optional(),
  /** Their relationships to the forums/agreements and the HOLDS_OFFICE / PART_OF chains up to a or b. */
  memberEdges: z.array(graphEdgeSchema).optional(),
});
export type CooperationPair = z.infer<typeof cooperationPairSchema>;

export const cooperationResponse = z.strictObject({
  threat: graphNodeSchema,
  /** The level the parties are at, and the fewest forums/agreements a pair shares. */
  level: z.enum(COOPERATION_LEVELS).optional(),
  minWeight: z.number().optional(),
  /** Threat ids included: the threat and its sub-threats. */
  threats: z.array(z.string()),
  pairs: z.array(cooperationPairSchema),
  graph: graphSchema,
  /** Pairs found before `limit` (most shared forums/agreements first); `truncated` when more than `pairs`. */
  total: z.number().optional(),
  truncated: z.boolean().optional(),
  /**
   * Forums/agreements on the threat left out of the pairing, largest first (at most 50), with their size: those
   * with more than 200 participants, and at scale the largest beyond the pairing budget (smallest pair up first).
   */
  broad: z.array(z.strictObject({ via: graphNodeSchema, participants: z.number() })).optional(),
  /** How many were left out (`broad` lists at most 50 of them). */
  broadTotal: z.number().optional(),
  /** How many forums/agreements on the threat were paired up. */
  paired: z.number().optional(),
});
export type CooperationResponse = z.infer<typeof cooperationResponse>;
