// Use case: describe the graph's model, its property allow-list and its current counts.
// Counts come from Neo4j's count store (no scan, whatever the graph's size), cached briefly and dropped on writes.
import type { SchemaProperties, SchemaResponse } from '../../../contract/index.js';
import {
  LABEL_PROPERTIES,
  RELATIONSHIP_TYPES,
  NODE_LABELS,
  nodePropertyTypes,
  relationshipPropertyTypes,
  type RelationshipType,
} from '../schema.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { readGraphCounts } from '../store/graph-counts.js';
import { cacheFor, type GraphCache } from './graph-cache.js';

/**
 * How long a schema answer is served: the page asks for it on every load; counts a few seconds old are fine, and
 * this process's own writes drop it at once.
 */
export const SCHEMA_TTL_MS = 5_000;

const caches = new WeakMap<GraphStore, GraphCache<SchemaResponse>>();

/** The properties each primary label and relationship type may carry (for the client's edit forms). */
export function schemaProperties(): SchemaProperties {
  return {
    labels: Object.fromEntries(
      (Object.keys(LABEL_PROPERTIES) as (keyof typeof LABEL_PROPERTIES)[]).map((l) => [
        l,
        nodePropertyTypes(l),
      ]),
    ),
    relationshipTypes: Object.fromEntries(
      (Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).map((t) => [t, relationshipPropertyTypes(t)]),
    ),
  };
}

async function readSchema(store: GraphStore): Promise<SchemaResponse> {
  const types = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];
  const counts = await readGraphCounts(store, NODE_LABELS, types);
  const relationshipTypes = types.map((type) => ({
    type,
    count: counts.relationships.get(type) ?? 0,
    from: [...RELATIONSHIP_TYPES[type].from],
    to: [...RELATIONSHIP_TYPES[type].to],
  }));
  return {
    labels: NODE_LABELS.map((label) => ({ label, count: counts.labels.get(label) ?? 0 })),
    relationshipTypes,
    // Every relationship of the graph is of a model type, so the types' live counts add up to the total.
    totals: { nodes: counts.nodes, relationships: relationshipTypes.reduce((n, t) => n + t.count, 0) },
    properties: schemaProperties(),
  };
}

/** Labels and relationship types of the model, each with its count among live nodes (0 when absent). */
export function describeSchema(store: GraphStore): Promise<SchemaResponse> {
  return cacheFor(caches, store, { ttlMs: SCHEMA_TTL_MS, maxEntries: 1 }).get('schema', () =>
    readSchema(store),
  );
}
