// Use case: who cooperates with whom on a threat, derived through shared forums and agreements.
import type { CooperationResponse, GraphEdge, GraphNode } from '../api-types.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { cooperationRows } from '../store/graph-reads.js';
import { resolveThreat } from './threats.js';

export interface CooperationParams { threat: string; actor?: string; limit?: number }

/**
 * A forum or agreement with more participants than this gives no pairs (each member would pair with every
 * other: quadratic, and meaningless at that size); it is listed in `broad` instead. The seed's largest has 9.
 */
export const MAX_PAIRING_PARTICIPANTS = 200;
/** Pairs returned by default (most shared forums/agreements first) and at most. */
export const PAIR_LIMIT = { default: 500, max: 5000 } as const;

export async function cooperationOnThreat(store: GraphStore, p: CooperationParams): Promise<CooperationResponse> {
  const { threat, threatIds } = await resolveThreat(store, p.threat);
  const limit = p.limit ?? PAIR_LIMIT.default;
  const { rows, total, broad } = await cooperationRows(store, threatIds, p.actor ?? null, { maxParticipants: MAX_PAIRING_PARTICIPANTS, pairLimit: limit });
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const row of rows) {
    for (const n of row.graph.nodes) nodes.set(n.id, n);
    for (const e of row.graph.edges) edges.set(e.id, e);
  }
  return {
    threat,
    threats: threatIds,
    pairs: rows.map(({ a, b, via, edges: pairEdges }) => ({ a, b, via, edges: pairEdges })),
    graph: { nodes: [...nodes.values()], edges: [...edges.values()] },
    total,
    truncated: total > rows.length,
    broad,
  };
}
