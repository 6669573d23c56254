// Use case: who cooperates with whom on a threat, derived through shared forums and agreements, with the parties
// at a chosen level: countries (people and agencies roll up), organisations, or every actor as it is.
import type { Node } from 'neo4j-driver';
import {
  PAIR_LIMIT,
  type CooperationLevel,
  type CooperationQuery,
  type CooperationResponse,
  type Graph,
  type GraphEdge,
  type GraphNode,
} from '../../../contract/index.js';
import { createAdmission, type Admission } from '../store/admission.js';
import {
  readCooperationForums,
  readCooperationMembers,
  type CooperationCaps,
  type CooperationView,
} from '../store/cooperation-reads.js';
import { collectGraph, toGraphNode } from '../store/mapping.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { cacheFor, type GraphCache } from './graph-cache.js';
import { pairParties } from './cooperation-pairing.js';
import { resolveThreat } from './threats.js';

/**
 * A forum or agreement with more participants than this gives no pairs (each member would pair with every
 * other: quadratic, and meaningless at that size); it is listed in `broad` instead. The seed's largest has 9.
 */
export const MAX_PAIRING_PARTICIPANTS = 200;
/**
 * Pair rows (about n² per forum of n) the pairing may read; the smallest forums pair up first, the rest are listed
 * in `broad`. The seed needs about 300.
 */
export const PAIR_BUDGET = 400_000;
/**
 * Participants (summed over the forums paired up) the pairing may roll up to their parties: the cost that counts at
 * scale (a walk up the office and part-of chain each, then again for the members shown). The seed needs about 100.
 * On the 100k-node graph the broadest threat has 10,495 forums with 110,000 participants; this pairs its 3,452
 * smallest (PAIR_BUDGET alone let 8,374 in, and the pairing ran 13-19 s at load 15).
 */
export const PARTICIPANT_BUDGET = 10_000;
/** Left-out forums listed by name (the largest); `broadTotal` counts them all. */
export const BROAD_LISTED = 50;
/** Members listed per party and forum besides the party itself: evidence enough, without a country's whole staff. */
export const MEMBERS_SHOWN = 3;
/**
 * Forums/agreements listed per pair, the smallest first (`weight` counts them all): at country level on the 1M-node
 * graph two countries share hundreds, and listing them all for 500 pairs made an answer of tens of megabytes.
 */
export const VIAS_SHOWN = 10;
/**
 * Cooperation reads running at once per process (the others wait their turn, 503 BUSY after WAIT_MS): each holds a
 * traversal slot for up to seconds on a large graph, and without this limit a crowd asking for it filled every slot
 * so that 1-hop reads and paths waited behind it (the 100k-graph soak: 379 × 504 and 24 × 503 BUSY).
 */
export const COOPERATION_CONCURRENCY = 1;
const WAIT_MS = 30_000;
/**
 * Answers kept per parameters until a write (or a minute, for other processes' writes); concurrent requests for one
 * answer share one read. Only answers of at most CACHED_ELEMENTS nodes and relationships are kept: at 500 pairs on
 * the 100k-node graph an answer is 10-20 MB of JSON, and a few of those would be most of the process's memory.
 */
const CACHE = { ttlMs: 60_000, maxEntries: 16 };
const CACHED_ELEMENTS = 5_000;

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
    participantBudget: PARTICIPANT_BUDGET,
    pairLimit: p.limit ?? PAIR_LIMIT.default,
    leftLimit: BROAD_LISTED,
    viasShown: VIAS_SHOWN,
    membersShown: MEMBERS_SHOWN,
  };
}

export interface CooperationRow {
  a: GraphNode;
  b: GraphNode;
  via: GraphNode[];
  /** How many forums/agreements a and b share (`via` lists the first `viasShown`, the smallest). */
  weight: number;
  /** a's and b's own relationships to the forums/agreements. */
  edges: GraphEdge[];
  /** The members below a and b that take part (people, agencies), and their ties: to the forums and up to a or b. */
  members: GraphNode[];
  memberEdges: GraphEdge[];
  /** All of the above as one graph. */
  graph: Graph;
}

export interface CooperationRows {
  rows: CooperationRow[];
  /** Pairs before `pairLimit`. */
  total: number;
  /** Forums/agreements that were paired up. */
  paired: number;
  left: { via: GraphNode; participants: number }[];
  leftTotal: number;
}

/**
 * Pairs of parties (at `view.level`) linked through a shared Forum/Agreement that addresses one of `threatIds`
 * (most shared first, at most `pairLimit`), how many pairs there were, and the forums/agreements left out of the
 * pairing (with their size). Each pair's first `viasShown` forums come with who took part in them for a and b.
 * No admission of its own beyond the store's (the benchmark's raw side runs it as it is).
 */
export async function cooperationPairs(
  store: GraphStore,
  threatIds: string[],
  actor: string | null,
  caps: CooperationCaps,
  view: CooperationView,
): Promise<CooperationRows> {
  const forums = await readCooperationForums(store, threatIds, actor, caps, view.level);
  const ranked = pairParties(forums.members, forums.names, view.minWeight);
  const shown = ranked.slice(0, caps.pairLimit).map((p) => ({
    a: p.a,
    b: p.b,
    weight: p.places.length,
    vias: p.places.slice(0, caps.viasShown).map((i) => forums.narrow[i]!),
  }));
  const wanted = new Map<string, { party: string; via: string }>();
  for (const { a, b, vias } of shown)
    for (const via of vias) for (const party of [a, b]) wanted.set(`${party} ${via}`, { party, via });
  const { ties, nodes } = await readCooperationMembers(
    store,
    [...wanted.values()],
    view.level,
    caps.membersShown,
  );
  const node = (id: string): Node => nodes.get(id)!;
  // A node deleted between the two reads takes its pairs with it (the next request counts without it).
  const whole = shown.filter((p) => [p.a, p.b, ...p.vias].every((id) => nodes.has(id)));
  const rows = whole.map(({ a, b, weight, vias }) => {
    const members = vias.flatMap((v) => [...(ties.get(`${a} ${v}`) ?? []), ...(ties.get(`${b} ${v}`) ?? [])]);
    const graph = collectGraph([node(a), node(b), vias.map(node), members.map((t) => [t.m, t.r, t.up])]);
    const aNode = toGraphNode(node(a));
    const bNode = toGraphNode(node(b));
    const parties = new Set([aNode.id, bNode.id]);
    const via = vias.map((v) => toGraphNode(node(v)));
    const viaIds = new Set(via.map((v) => v.id));
    const own = (e: GraphEdge): boolean => parties.has(e.source) && viaIds.has(e.target);
    return {
      a: aNode,
      b: bNode,
      weight,
      via,
      edges: graph.edges.filter(own),
      members: graph.nodes.filter((n) => !parties.has(n.id) && !viaIds.has(n.id)),
      memberEdges: graph.edges.filter((e) => !own(e)),
      graph,
    };
  });
  return {
    rows,
    total: ranked.length,
    paired: forums.narrow.length,
    left: forums.left,
    leftTotal: forums.leftTotal,
  };
}

const caches = new WeakMap<GraphStore, GraphCache<CooperationResponse>>();
const gates = new WeakMap<GraphStore, Admission>();

/** The process's cooperation gate for `store`: at most COOPERATION_CONCURRENCY reads at once. */
function gateFor(store: GraphStore): Admission {
  let gate = gates.get(store);
  if (!gate) {
    gate = createAdmission({ maxConcurrent: COOPERATION_CONCURRENCY, maxWaitMs: WAIT_MS });
    gates.set(store, gate);
  }
  return gate;
}

export async function cooperationOnThreat(
  store: GraphStore,
  p: CooperationParams,
): Promise<CooperationResponse> {
  const { threat, threatIds } = await resolveThreat(store, p.threat);
  const level: CooperationLevel = p.level ?? 'countries';
  const minWeight = p.minWeight ?? 1;
  const caps = cooperationCaps(p);
  const key = JSON.stringify([threat.id, p.actor ?? null, level, minWeight, caps.pairLimit, caps.pairBudget]);
  const small = (r: CooperationResponse): boolean =>
    r.graph.nodes.length + r.graph.edges.length <= CACHED_ELEMENTS;
  return cacheFor(caches, store, CACHE).get(
    key,
    () =>
      gateFor(store).run(async () => {
        const { rows, total, paired, left, leftTotal } = await cooperationPairs(
          store,
          threatIds,
          p.actor ?? null,
          caps,
          {
            level,
            minWeight,
          },
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
          pairs: rows.map(({ graph: _, ...pair }) => pair),
          graph: { nodes: [...nodes.values()], edges: [...edges.values()] },
          total,
          truncated: total > rows.length,
          broad: left,
          broadTotal: leftTotal,
          paired,
        };
      }),
    small,
  );
}
