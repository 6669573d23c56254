// Use case: describe the graph's model and its current counts.
import type { SchemaResponse } from '../api-types.js';
import { RELATIONSHIP_TYPES, NODE_LABELS, type RelationshipType } from '../schema.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { countAll, labelCounts, relationshipCounts } from '../store/graph-reads.js';

/** Labels and relationship types of the model, each with its count (0 when absent). */
export async function describeSchema(store: GraphStore): Promise<SchemaResponse> {
  const [labels, rels, totals] = await Promise.all([labelCounts(store), relationshipCounts(store), countAll(store)]);
  return {
    labels: NODE_LABELS.map((label) => ({ label, count: labels.get(label) ?? 0 })),
    relationshipTypes: (Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).map((type) => ({
      type,
      count: rels.get(type) ?? 0,
      from: [...RELATIONSHIP_TYPES[type].from],
      to: [...RELATIONSHIP_TYPES[type].to],
    })),
    totals,
  };
}
