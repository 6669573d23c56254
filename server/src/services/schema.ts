// Use case: describe the graph's model, its property allow-list and its current counts.
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
import { countBusiness, labelCounts, relationshipCounts } from '../store/graph-reads.js';

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

/** Labels and relationship types of the model, each with its count among live nodes (0 when absent). */
export async function describeSchema(store: GraphStore): Promise<SchemaResponse> {
  const [labels, rels, totals] = await Promise.all([
    labelCounts(store),
    relationshipCounts(store),
    countBusiness(store),
  ]);
  return {
    labels: NODE_LABELS.map((label) => ({ label, count: labels.get(label) ?? 0 })),
    relationshipTypes: (Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).map((type) => ({
      type,
      count: rels.get(type) ?? 0,
      from: [...RELATIONSHIP_TYPES[type].from],
      to: [...RELATIONSHIP_TYPES[type].to],
    })),
    totals,
    properties: schemaProperties(),
  };
}
