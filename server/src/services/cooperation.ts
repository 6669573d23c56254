// Use case: who cooperates with whom on a threat, derived through shared forums and agreements.
import {
  PAIR_LIMIT,
  type CooperationQuery,
  type CooperationResponse,
  type GraphEdge,
  type GraphNode,
} from '../../../contract/index.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { cooperationRows, type CooperationCaps } from '../store/graph-reads.js';
import { resolveThreat } from './threats.js';

/**
 * A forum or agreement with more participants than this gives no pairs (each member would pair with every
 * other: quadratic, and meaningless at that size); it is listed in `broad` instead. The seed's largest has 9.
 */
export const MAX_PAIRING_PARTICIPANTS = 200;
/**
 * Pair rows (about n² per forum of n) the pairing may read; the smallest forums pair up first, the rest are listed
 * in `broad`. The seed needs about 300. On the 1M-node graph this keeps the broadest threat near a second.
 */
export const PAIR_BUDGET = 400_000;
/** Left-out forums listed by name (the largest); `broadTotal` counts them all. */
export const BROAD_LISTED = 50;

/** The contract's cooperation query (`limit` optional for callers other than the route). */
export type CooperationParams = Omit<CooperationQuery, 'limit'> & {
  limit?: number;
  /** Overrides PAIR_BUDGET (tests use a small one). */
  pairBudget?: number;
};

/** The cooperation query's caps for a request (the benchmark uses these too). */
export function cooperationCaps(p: { limit?: number; pairBudget?: number }): CooperationCaps {
  return {
    maxParticipants: MAX_PAIRING_PARTICIPANTS,
    pairBudget: p.pairBudget ?? PAIR_BUDGET,
    pairLimit: p.limit ?? PAIR_LIMIT.default,
    leftLimit: BROAD_LISTED,
  };
}

export async function cooperationOnThreat(
  store: GraphStore,
  p: CooperationParams,
): Promise<CooperationResponse> {
  const { threat, threatIds } = await resolveThreat(store, p.threat);
  const { rows, total, paired, left, leftTotal } = await cooperationRows(
    store,
    threatIds,
    p.actor ?? null,
    cooperationCaps(p),
  );
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
    broad: left,
    broadTotal: leftTotal,
    paired,
  };
}
