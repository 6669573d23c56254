// Use case: expand a node's neighbourhood, filtered and capped so a supernode cannot flood the view.
import type { NeighboursQuery, NeighboursResponse } from '../../../contract/index.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { neighbourPage } from '../store/neighbour-reads.js';
import { cacheFor, type GraphCache } from './graph-cache.js';
import { getNodeWithEvidence } from './nodes.js';
import { resolveThreat } from './threats.js';

/** The node and the contract's neighbour query (filter, limit, skip). */
export type NeighbourParams = { id: string } & NeighboursQuery;

/**
 * A page of a node with at least this many matching neighbours is kept for HUB_PAGE_TTL_MS: ranking a hub's
 * neighbours reads every one of them (40,000 for the generated 1M graph's biggest forum), and hubs are what
 * investigators open first and come back to.
 */
export const HUB_PAGE_MIN_TOTAL = 2_000;
/** How long a hub's page is served again (dropped at once by any write through the store). */
export const HUB_PAGE_TTL_MS = 30_000;

const caches = new WeakMap<GraphStore, GraphCache<NeighboursResponse>>();

/** The centre node, up to `limit` neighbours (most connected first) and the edges to them. */
export async function expandNeighbourhood(
  store: GraphStore,
  p: NeighbourParams,
): Promise<NeighboursResponse> {
  const threatIds = p.threat ? (await resolveThreat(store, p.threat)).threatIds : null;
  const query = {
    id: p.id,
    relTypes: p.relTypes ?? null,
    direction: p.direction ?? null,
    labels: p.labels ?? null,
    threatIds,
    skip: p.skip,
    limit: p.limit,
  };
  return cacheFor(caches, store, { ttlMs: HUB_PAGE_TTL_MS, maxEntries: 100 }).get(
    JSON.stringify(query),
    async () => {
      const page = await neighbourPage(store, query);
      // No row: the centre does not exist (404).
      if (!page) {
        const { node } = await getNodeWithEvidence(store, p.id);
        return { nodes: [node], edges: [], total: 0, truncated: false };
      }
      return {
        ...page.graph,
        total: page.total,
        truncated: p.skip + page.pageSize < page.total,
        ...(page.sample ? { sample: page.sample } : {}),
      };
    },
    (res) => res.total >= HUB_PAGE_MIN_TOTAL,
  );
}
