// Use case: the neighbourhood of a node up to two hops, capped (a first look at an unfamiliar node, and a benchmark operation).
import type { NeighbourhoodResponse } from '../../../contract/index.js';
import { NotFoundError } from '../errors.js';
import { twoHopGraph } from '../store/graph-reads.js';
import type { GraphStore } from '../store/neo4j-store.js';

/** The centre and up to `limit` nodes within two hops (first hop first, its best-connected first). */
export async function twoHopNeighbourhood(
  store: GraphStore,
  id: string,
  limit: number,
): Promise<NeighbourhoodResponse> {
  const found = await twoHopGraph(store, id, limit);
  if (!found) throw new NotFoundError(`No node with id "${id}".`, 'id');
  const { graph, hop1, hop2 } = found;
  return { ...graph, hop1, hop2, truncated: hop1 + hop2 >= limit };
}
