// Use case: the neighbourhood of a node up to two hops, capped (a first look at an unfamiliar node, and a benchmark operation).
import neo4j from 'neo4j-driver';
import type { NeighbourhoodResponse } from '../api-types.js';
import { NotFoundError } from '../errors.js';
import { collectGraph } from '../store/mapping.js';
import type { GraphStore } from '../store/neo4j-store.js';

/** 500 nodes is what a canvas takes in at once; the same ceiling as a neighbour page. */
export const NEIGHBOURHOOD_LIMIT = { default: 500, max: 500 } as const;

/** The centre and up to `limit` nodes within two hops (first hop first, its best-connected first). */
export async function twoHopNeighbourhood(
  store: GraphStore,
  id: string,
  limit: number,
): Promise<NeighbourhoodResponse> {
  const rec = (await store.read('neighbourhood', { id, limit: neo4j.int(limit) })).records[0];
  if (!rec) throw new NotFoundError(`No node with id "${id}".`, 'id');
  const hop1 = rec.get('hop1') as unknown[];
  const hop2 = rec.get('hop2') as unknown[];
  const graph = collectGraph([rec.get('centre'), hop1, hop2]);
  return { ...graph, hop1: hop1.length, hop2: hop2.length, truncated: hop1.length + hop2.length >= limit };
}
