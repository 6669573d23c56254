// Projects a cooperation answer onto an actor-to-actor graph: one synthetic edge per pair, weighted.
import type { CooperationPair, CooperationResponse, Graph, GraphEdge, GraphNode } from '../../../../contract';

/**
 * Prefix of synthetic cooperation edge ids. Real relationship ids are `source|TYPE|target`
 * (or a Neo4j element id), never starting with this prefix and never containing `~`.
 */
export const COOPERATION_EDGE_PREFIX = 'coop:';
/** The synthetic edges' type: not a relationship type of the graph model, on purpose. */
export const COOPERATION_EDGE_TYPE = 'COOPERATE_ON';

/** The synthetic edge id of the pair (a, b): `coop:<a>~<b>`. */
export function cooperationEdgeId(a: string, b: string): string {
  return `${COOPERATION_EDGE_PREFIX}${a}~${b}`;
}

/** True for a synthetic cooperation edge id. */
export function isCooperationEdgeId(id: string): boolean {
  return id.startsWith(COOPERATION_EDGE_PREFIX) && id.includes('~');
}

/** A pair's weight: how many forums and agreements (addressing the threat) both parties are tied to (`via` lists at most 10). */
export function pairWeight(pair: CooperationPair): number {
  return pair.weight ?? pair.via.length;
}

/** The synthetic edge standing for `pair`: undirected in meaning, drawn from a to b. */
export function cooperationEdge(pair: CooperationPair, threat: GraphNode): GraphEdge {
  return {
    id: cooperationEdgeId(pair.a.id, pair.b.id),
    type: COOPERATION_EDGE_TYPE,
    source: pair.a.id,
    target: pair.b.id,
    properties: { weight: pairWeight(pair), threat: threat.name },
  };
}

/** The actor-to-actor graph: the actors of every pair, and one edge per pair. */
export function projectCooperation(res: CooperationResponse): Graph {
  const nodes = new Map<string, GraphNode>();
  for (const pair of res.pairs) {
    nodes.set(pair.a.id, nodes.get(pair.a.id) ?? pair.a);
    nodes.set(pair.b.id, nodes.get(pair.b.id) ?? pair.b);
  }
  return { nodes: [...nodes.values()], edges: res.pairs.map((p) => cooperationEdge(p, res.threat)) };
}

/** The pair a synthetic edge stands for, or null. */
export function pairOfEdge(res: CooperationResponse, edgeId: string): CooperationPair | null {
  return res.pairs.find((p) => cooperationEdgeId(p.a.id, p.b.id) === edgeId) ?? null;
}

/**
 * The real subgraph behind a pair: both parties, the connecting forums/agreements, the members whose part counts
 * for a party (people, agencies), and the relationships among them.
 */
export function pairGraph(pair: CooperationPair): Graph {
  const nodes = new Map<string, GraphNode>([
    [pair.a.id, pair.a],
    [pair.b.id, pair.b],
  ]);
  for (const v of pair.via) nodes.set(v.id, v);
  for (const m of pair.members ?? []) nodes.set(m.id, m);
  const edges = new Map<string, GraphEdge>();
  for (const e of [...pair.edges, ...(pair.memberEdges ?? [])]) edges.set(e.id, e);
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** True when the cooperation view of `res` draws `id`: an actor of some pair, or a pair's synthetic edge. */
export function cooperationShows(res: CooperationResponse, id: string): boolean {
  return isCooperationEdgeId(id)
    ? pairOfEdge(res, id) !== null
    : res.pairs.some((p) => p.a.id === id || p.b.id === id);
}
