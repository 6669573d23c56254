// Use case: expand a node's neighbourhood, filtered and capped so a supernode cannot flood the view.
import type { NeighboursResponse } from '../api-types.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { neighbourPage } from '../store/graph-reads.js';
import { getNodeWithEvidence } from './nodes.js';
import { resolveThreat } from './threats.js';

export interface NeighbourParams {
  id: string;
  relTypes?: string[];
  labels?: string[];
  threat?: string;
  limit: number;
  skip: number;
}

/** The centre node, up to `limit` neighbours (most connected first) and the edges to them. */
export async function expandNeighbourhood(store: GraphStore, p: NeighbourParams): Promise<NeighboursResponse> {
  const threatIds = p.threat ? (await resolveThreat(store, p.threat)).threatIds : null;
  const page = await neighbourPage(store, {
    id: p.id, relTypes: p.relTypes ?? null, labels: p.labels ?? null, threatIds, skip: p.skip, limit: p.limit,
  });
  if (!page) {
    // No row: either the centre does not exist (404) or nothing matches the filters.
    const { node } = await getNodeWithEvidence(store, p.id);
    return { nodes: [node], edges: [], total: 0, truncated: false };
  }
  return { ...page.graph, total: page.total, truncated: p.skip + page.pageSize < page.total };
}
