// Puts a path's edges in walking order from one end, and writes the path as a readable chain.
import type { Graph, GraphEdge, GraphNode } from '../../../contract';

/** One hop of a path: the edge taken, the node it leads to, and whether it was walked along its direction. */
export interface PathStep {
  edge: GraphEdge;
  /** The node this hop reaches. */
  to: GraphNode | { id: string; name: string };
  /** True when the hop goes from the edge's source to its target. */
  forward: boolean;
}

/** A path as a start node and its hops in order. */
export interface OrderedPath {
  start: { id: string; name: string };
  steps: PathStep[];
}

/**
 * Walks `path` from `fromId`: each hop takes the one unused edge at the current node.
 * Paths from the API are simple, so the walk is unique; an edge the walk cannot reach
 * (a malformed path) is appended in the server's order rather than dropped.
 */
export function orderPath(path: Graph, fromId: string): OrderedPath {
  const byId = new Map(path.nodes.map((n) => [n.id, n]));
  const ref = (id: string): GraphNode | { id: string; name: string } => byId.get(id) ?? { id, name: id };
  const unused = [...path.edges];
  const steps: PathStep[] = [];
  let at =
    byId.has(fromId) || unused.some((e) => e.source === fromId || e.target === fromId)
      ? fromId
      : (path.nodes[0]?.id ?? fromId);
  const start = ref(at);
  while (unused.length) {
    const i = unused.findIndex((e) => e.source === at || e.target === at);
    if (i < 0) break;
    const [edge] = unused.splice(i, 1) as [GraphEdge];
    const forward = edge.source === at;
    at = forward ? edge.target : edge.source;
    steps.push({ edge, to: ref(at), forward });
  }
  for (const edge of unused) steps.push({ edge, to: ref(edge.target), forward: true });
  return { start: { id: start.id, name: start.name }, steps };
}

/** The path as text, e.g. `France → PARTICIPATED_IN → Five Country Ministerial ← HELD_IN ← …`. */
export function pathChain(path: OrderedPath): string {
  let text = path.start.name;
  for (const step of path.steps) {
    text += step.forward
      ? ` → ${step.edge.type} → ${step.to.name}`
      : ` ← ${step.edge.type} ← ${step.to.name}`;
  }
  return text;
}

/** Node and edge ids of `paths[index]`, or of every path when `index` is null. */
export function pathElementIds(
  paths: readonly Graph[],
  index: number | null,
): { nodeIds: Set<string>; edgeIds: Set<string> } {
  const chosen = index === null ? paths : paths.slice(index, index + 1);
  return {
    nodeIds: new Set(chosen.flatMap((p) => p.nodes.map((n) => n.id))),
    edgeIds: new Set(chosen.flatMap((p) => p.edges.map((e) => e.id))),
  };
}
