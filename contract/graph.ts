// The wire shapes of the graph itself: evidence, nodes, relationships and a graph of both.
import { z } from 'zod';
import { NODE_LABELS, type NodeLabel } from '../model/index.js';

/** One piece of provenance: a verbatim quote from a source, or a curator's assertion. */
export const evidenceSchema = z.strictObject({
  sourceId: z.string().nullable(),
  sourceTitle: z.string().nullable(),
  /** Verbatim substring of the source text (null for curator-asserted evidence). */
  quote: z.string().nullable(),
  /** Character offsets of `quote` in the source text, derived by the server. */
  start: z.number().int().nullable(),
  end: z.number().int().nullable(),
  /** Present when the fact is asserted by a curator rather than quoted. */
  note: z.string().optional(),
  /** Curation: true on evidence a curator asserted through the API (with `note` and `curator`). */
  curatorAsserted: z.boolean().optional(),
  /** Curation: the username of the curator who asserted it. */
  curator: z.string().optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** Labels a node can carry (Actor nodes also carry Country, Person or Organization): the model's. */
export const nodeLabelSchema = z.enum(NODE_LABELS as [NodeLabel, ...NodeLabel[]]);

export const graphNodeSchema = z.strictObject({
  /** Stable business key, e.g. `country:uk`. Never an internal element id. */
  id: z.string(),
  labels: z.array(nodeLabelSchema),
  name: z.string(),
  properties: z.record(z.string(), z.unknown()),
  evidence: z.array(evidenceSchema).optional(),
});
export type GraphNode = z.infer<typeof graphNodeSchema>;

export const graphEdgeSchema = z.strictObject({
  /** Stable business key of the relationship. */
  id: z.string(),
  type: z.string(),
  /** Business key of the start node. */
  source: z.string(),
  /** Business key of the end node. */
  target: z.string(),
  properties: z.record(z.string(), z.unknown()),
  evidence: z.array(evidenceSchema).optional(),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

/** Fields of a graph, for responses that are a graph plus more. */
export const graphShape = { nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema) };
export const graphSchema = z.strictObject(graphShape);
export type Graph = z.infer<typeof graphSchema>;
