// Use case: expand a node's neighbourhood, filtered and capped so a supernode cannot flood the view.
import type {
  NeighbourCountsResponse,
  NeighboursQuery,
  NeighboursResponse,
} from '../../../contract/index.js';
import { NotFoundError } from '../errors.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { neighbourCounts, neighbourPage } from '../store/graph-reads.js';
import { getNodeWithEvidence } from './nodes.js';
import { resolveThreat } from './threats.js';

/** The node and the contract's neighbour query (filter, limit, skip). */
export type NeighbourParams = { id: string } & NeighboursQuery;

/** The centre node, up to `limit` neighbours (most connected first) and the edges to them. */
export async function expandNeighbourhood(
  store: GraphStore,
  p: NeighbourParams,
): Promise<NeighboursResponse> {
  const threatIds = p.threat ? (await resolveThreat(store, p.threat)).threatIds : null;
  const page = await neighbourPage(store, {
    id: p.id,
    relTypes: p.relTypes ?? null,
    direction: p.direction ?? null,
    labels: p.labels ?? null,
    threatIds,
    skip: p.skip,
    limit: p.limit,
  });
  if (!page) {
    // No row: either the centre does not exist (404) or nothing matches the filters.
    const { node } = await getNodeWithEvidence(store, p.id);
    return { nodes: [node], edges: [], total: 0, truncated: false };
  }
  return { ...page.graph, total: page.total, truncated: p.skip + page.pageSize < page.total };
}

/** What each selective-expand choice would add, counted before anything is expanded. */
export async function countNeighbours(store: GraphStore, id: string): Promise<NeighbourCountsResponse> {
  const counts = await neighbourCounts(store, id);
  if (!counts) throw new NotFoundError(`No node with id "${id}".`, 'id');
  return counts;
}
