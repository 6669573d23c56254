// What a recorded change means for the canvas: the elements it updated, removed and brought (back) into being,
// read from its before/after snapshots. One rule for every write, revert, restore and merge.
import type { ChangeRecord, ChangeSnapshot, Graph, GraphEdge, GraphNode } from '../../../contract';
import type { GraphPatch } from '../state/curation-actions';

/** A change's before or after as a snapshot; anything else (an older record shape) reads as empty. */
export function snapshotOf(value: unknown): ChangeSnapshot {
  const v = value as Partial<ChangeSnapshot> | null;
  return {
    nodes: Array.isArray(v?.nodes) ? v.nodes : [],
    edges: Array.isArray(v?.edges) ? v.edges : [],
  };
}

/** The change's effect: updates and removals for what is shown, and what appeared (created or restored). */
export interface ChangeEffect {
  patch: GraphPatch;
  /** Elements absent before the change and present after it: candidates to draw. */
  appeared: Graph;
}

/** Reads the effect of `change` from its snapshots. */
export function changeEffect(change: Pick<ChangeRecord, 'before' | 'after'>): ChangeEffect {
  const before = snapshotOf(change.before);
  const after = snapshotOf(change.after);
  const ids = (xs: readonly { id: string }[]): Set<string> => new Set(xs.map((x) => x.id));
  const afterNodes = ids(after.nodes);
  const afterEdges = ids(after.edges);
  const beforeNodes = ids(before.nodes);
  const beforeEdges = ids(before.edges);
  return {
    patch: {
      nodes: after.nodes,
      edges: after.edges,
      removedNodes: before.nodes.filter((n) => !afterNodes.has(n.id)).map((n) => n.id),
      removedEdges: before.edges.filter((e) => !afterEdges.has(e.id)).map((e) => e.id),
    },
    appeared: {
      nodes: after.nodes.filter((n: GraphNode) => !beforeNodes.has(n.id)),
      edges: after.edges.filter((e: GraphEdge) => !beforeEdges.has(e.id)),
    },
  };
}
