// Use case: who cooperates with whom on a threat, derived through shared forums and agreements, with the parties
// at a chosen level: countries (people and agencies roll up), organisations, or every actor as it is.
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
/** Members listed per party and forum besides the party itself: evidence enough, without a country's whole staff. */
export const MEMBERS_SHOWN = 3;
/**
 * Forums/agreements listed per pair, the smallest first (`weight` counts them all): at country level on the 1M-node
 * graph two countries share hundreds, and listing them all for 500 pairs made an answer of tens of megabytes.
 */
export const VIAS_SHOWN = 10;

/** The contract's cooperation query (`limit` optional for callers other than the route). */
export type CooperationParams = Omit<CooperationQuery, 'limit' | 'level' | 'minWeight'> &
  Partial<Pick<CooperationQuery, 'level' | 'minWeight'>> & {
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
    viasShown: VIAS_SHOWN,
    membersShown: MEMBERS_SHOWN,
  };
}

export async function cooperationOnThreat(
  store: GraphStore,
  p: CooperationParams,
): Promise<CooperationResponse> {
  const { threat, threatIds } = await resolveThreat(store, p.threat);
  const level = p.level ?? 'countries';
  const minWeight = p.minWeight ?? 1;
  const { rows, total, paired, left, leftTotal } = await cooperationRows(
    store,
    threatIds,
    p.actor ?? null,
    cooperationCaps(p),
    { level, minWeight },
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
    level,
    minWeight,
    pairs: rows.map(({ a, b, weight, via, edges: own, members, memberEdges }) => ({
      a,
      b,
      weight,
      via,
      edges: own,
      members,
      memberEdges,
    })),
    graph: { nodes: [...nodes.values()], edges: [...edges.values()] },
    total,
    truncated: total > rows.length,
    broad: left,
    broadTotal: leftTotal,
    paired,
  };
}
