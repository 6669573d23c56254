// Resolves a threat given by id, name or alias, with the ids of its sub-threats.
import type { GraphNode } from '../../../contract/index.js';
import { NotFoundError } from '../errors.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { threatWithSubtypes } from '../store/graph-reads.js';

export async function resolveThreat(
  store: GraphStore,
  threat: string,
): Promise<{ threat: GraphNode; threatIds: string[] }> {
  const found = await threatWithSubtypes(store, threat);
  if (!found) throw new NotFoundError(`No threat type with id, name or alias "${threat}".`, 'threat');
  return found;
}
