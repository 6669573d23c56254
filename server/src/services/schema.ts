// Use case: describe the graph's model and its current counts.
import type { SchemaResponse } from '../api-types.js';
import { RELATIONSHIP_TYPES, NODE_LABELS, type RelationshipType } from '../schema.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { plain } from '../store/mapping.js';

/** Labels and relationship types of the model, each with its count (0 when absent). */
export async function describeSchema(store: GraphStore): Promise<SchemaResponse> {
  const [labelRes, relRes, totalRes] = await Promise.all([
    store.read('schema-label-counts'),
    store.read('schema-relationship-counts'),
    store.read('count-all'),
  ]);
  const labelCounts = new Map(labelRes.records.map((r) => [r.get('label') as string, plain(r.get('count')) as number]));
  const relCounts = new Map(relRes.records.map((r) => [r.get('type') as string, plain(r.get('count')) as number]));
  const total = totalRes.records[0]!;
  return {
    labels: NODE_LABELS.map((label) => ({ label, count: labelCounts.get(label) ?? 0 })),
    relationshipTypes: (Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).map((type) => ({
      type,
      count: relCounts.get(type) ?? 0,
      from: [...RELATIONSHIP_TYPES[type].from],
      to: [...RELATIONSHIP_TYPES[type].to],
    })),
    totals: { nodes: plain(total.get('nodes')) as number, relationships: plain(total.get('relationships')) as number },
  };
}
