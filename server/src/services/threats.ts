// Resolves a threat given by id, name or alias, with the ids of its sub-threats.
import type { GraphNode } from '../api-types.js';
import { NotFoundError } from '../errors.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { toGraphNode } from '../store/mapping.js';

export async function resolveThreat(store: GraphStore, threat: string): Promise<{ threat: GraphNode; threatIds: string[] }> {
  const res = await store.read('resolve-threat', { threat });
  const rec = res.records[0];
  if (!rec) throw new NotFoundError(`No threat type with id, name or alias "${threat}".`, 'threat');
  return { threat: toGraphNode(rec.get('threat')), threatIds: rec.get('threatIds') as string[] };
}
