// The scene: the undoable part of State (what is on the canvas and where), and the graph operations transitions build it with. History snapshots hold one.
import type { Graph, GraphEdge, GraphNode } from '../../../contract';
import type { CooperationView } from '../features/cooperation/state';
import type { Expansion } from '../features/explorer/state';
import { NO_FOLD, pruneFold, type FoldState } from '../features/explorer/fold/fold-state';
import { defaultFilters, type Filters } from '../features/filters/filters';
import type { PathHighlight } from '../features/paths/state';

/** A model-space position on the canvas. */
export interface Point {
  x: number;
  y: number;
}

/**
 * Everything undo restores. Each field is immutable (replaced, never mutated), so a snapshot
 * is one object of references. To make new state undoable, add it here and to SCENE_FIELDS.
 */
export interface Scene {
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphEdge>;
  /** Per expanded node: what its expansions fetched and added (paging and collapse use it). */
  expansions: ReadonlyMap<string, Expansion>;
  /** Where each node was last put (by placement, a layout or a drag); restored on undo. */
  positions: ReadonlyMap<string, Point>;
  /** Nodes that keep their position through layouts. */
  pinned: ReadonlySet<string>;
  path: PathHighlight | null;
  /** The open cooperation view, drawn over the explorer scene; null when closed. */
  cooperation: CooperationView | null;
  /** What the filter panel and timeline hide (plain JSON); changed only by `setFilters`, so each change is one step. */
  filters: Filters;
  /** What is folded out of sight (leaves into badges, communities into summary nodes); the nodes stay in `nodes`. */
  fold: FoldState;
}

/** The scene's fields; a `Record` so the compiler insists every Scene field is listed. */
export const SCENE_FIELDS: Readonly<Record<keyof Scene, true>> = {
  nodes: true,
  edges: true,
  expansions: true,
  positions: true,
  pinned: true,
  path: true,
  cooperation: true,
  filters: true,
  fold: true,
};

const FIELDS = Object.keys(SCENE_FIELDS) as (keyof Scene)[];

/** The scene part of a state (a cheap snapshot: references only). */
export function sceneOf(s: Scene): Scene {
  const out = {} as Record<keyof Scene, unknown>;
  for (const f of FIELDS) out[f] = s[f];
  return out as unknown as Scene;
}

/** True when any scene field was replaced between `a` and `b`. */
export function sceneChanged(a: Scene, b: Scene): boolean {
  return FIELDS.some((f) => a[f] !== b[f]);
}

/** An empty canvas. */
export function emptyScene(): Scene {
  return {
    nodes: new Map(),
    edges: new Map(),
    expansions: new Map(),
    positions: new Map(),
    pinned: new Set(),
    path: null,
    cooperation: null,
    filters: defaultFilters(),
    fold: NO_FOLD,
  };
}

function mergeNode(old: GraphNode | undefined, next: GraphNode): GraphNode {
  if (!old) return next;
  return {
    ...old,
    ...next,
    properties: { ...old.properties, ...next.properties },
    evidence: next.evidence ?? old.evidence,
  };
}

function mergeEdge(old: GraphEdge | undefined, next: GraphEdge): GraphEdge {
  if (!old) return next;
  return { ...old, ...next, evidence: next.evidence ?? old.evidence };
}

/** The scene's graph with `graph` merged in (evidence already held is kept). */
export function withGraph(s: Scene, graph: Graph): Pick<Scene, 'nodes' | 'edges'> {
  const nodes = new Map(s.nodes);
  for (const n of graph.nodes) nodes.set(n.id, mergeNode(nodes.get(n.id), n));
  const edges = new Map(s.edges);
  for (const e of graph.edges) {
    // An edge is drawable only when both endpoints are on the canvas.
    if (nodes.has(e.source) && nodes.has(e.target)) edges.set(e.id, mergeEdge(edges.get(e.id), e));
  }
  return { nodes, edges };
}

/** The nodes with `node` merged in over the one held (the details panel's fetch brings its evidence). */
export function withNode(s: Scene, node: GraphNode): Scene['nodes'] {
  return new Map(s.nodes).set(node.id, mergeNode(s.nodes.get(node.id), node));
}

/** The scene without `nodeIds` (and their edges) and `edgeIds`; per-node records of gone nodes are dropped. */
export function without(
  s: Scene,
  nodeIds: ReadonlySet<string>,
  edgeIds: ReadonlySet<string>,
): Pick<Scene, 'nodes' | 'edges' | 'expansions' | 'positions' | 'pinned' | 'fold'> {
  const nodes = new Map([...s.nodes].filter(([id]) => !nodeIds.has(id)));
  const edges = new Map(
    [...s.edges].filter(([id, e]) => !edgeIds.has(id) && nodes.has(e.source) && nodes.has(e.target)),
  );
  const keepNode = <V>(m: ReadonlyMap<string, V>): Map<string, V> =>
    new Map([...m].filter(([id]) => nodes.has(id)));
  return {
    nodes,
    edges,
    expansions: keepNode(s.expansions),
    positions: keepNode(s.positions),
    pinned: new Set([...s.pinned].filter((id) => nodes.has(id))),
    fold: pruneFold(s.fold, nodes),
  };
}
