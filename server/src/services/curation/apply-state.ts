// Moves a locked part of the graph to a target state: the one write path of every curation change and revert.
import type { CurationTx, LockedState, RawEdge, RawNode, RawState } from '../../store/curation-store.js';
import { sameEdge, sameNode, versionOf } from './raw-state.js';

/** What a soft delete records on the node (besides keeping its labels in `deletedLabels`). */
export interface DeleteMarks {
  changeId: string;
  by: string;
  reason: 'deleted' | 'merged';
  mergedInto?: string;
}

/** The nodes and relationships a change may touch; everything else is left as it is. */
export interface Scope {
  nodeIds: Set<string>;
  edgeIds: Set<string>;
}

const withVersion = <T extends RawNode | RawEdge>(x: T, version: number): T => ({
  ...x,
  props: { ...x.props, version },
  ints: [...new Set([...x.ints, 'version'])].sort(),
});

/**
 * Writes `target` over the scope, under the locks already held (`locked` is what they read):
 * - a scope node absent from `target` is soft-deleted (its relationships stay, hidden with it);
 * - a target node is created, restored from soft-deleted, or replaced when its content differs;
 * - a scope relationship absent from `target` is deleted, unless an end is being soft-deleted;
 * - a target relationship is created, or replaced when its content differs.
 * Every element written gets a version above both its current and its target version, so versions only grow.
 * Returns the state readers see afterwards (relationships to a node that is not live stay hidden).
 */
export async function applyState(
  tx: CurationTx,
  locked: LockedState,
  scope: Scope,
  target: RawState,
  marks: DeleteMarks,
): Promise<RawState> {
  const targetNodes = new Map(target.nodes.map((n) => [n.id, n]));
  const targetEdges = new Map(target.edges.map((e) => [e.id, e]));
  const goingAway = new Set(
    [...scope.nodeIds].filter((id) => !targetNodes.has(id) && locked.nodes.get(id)?.live),
  );
  const written = new Map<string, RawNode | RawEdge>();

  // Relationships first: those leaving (or changing shape) go before any node changes.
  const present = new Map<string, (typeof locked.edges)[number]>();
  for (const e of locked.edges) {
    if (!scope.edgeIds.has(e.id)) continue;
    const t = targetEdges.get(e.id);
    const hiddenWithNode = goingAway.has(e.source) || goingAway.has(e.target);
    if (!t) {
      if (e.live && !hiddenWithNode) await tx.deleteEdge(e);
      continue;
    }
    if (t.type !== e.type || t.source !== e.source || t.target !== e.target) {
      await tx.deleteEdge(e);
      continue;
    }
    present.set(e.id, e);
  }

  for (const id of scope.nodeIds) {
    const cur = locked.nodes.get(id);
    const t = targetNodes.get(id);
    if (t) {
      const next = withVersion(
        t,
        Math.max(cur ? versionOf(cur) : 0, t.props.version === undefined ? 0 : versionOf(t)) + 1,
      );
      if (!cur) await tx.createNode(next);
      else if (!cur.live) await tx.putNode(next, 'deleted', true);
      else if (!sameNode(cur, t)) await tx.putNode(next, 'live', true);
      else continue;
      written.set(id, next);
    } else if (cur?.live) {
      const props = {
        ...cur.props,
        deleted: true,
        deletedLabels: cur.labels,
        deletedAt: new Date().toISOString(),
        deletedBy: marks.by,
        deletedChange: marks.changeId,
        deletedReason: marks.reason,
        ...(marks.mergedInto ? { mergedInto: marks.mergedInto } : {}),
      };
      await tx.putNode(withVersion({ ...cur, props }, versionOf(cur) + 1), 'live', false);
    }
  }

  for (const t of target.edges) {
    const cur = present.get(t.id);
    if (cur && sameEdge(cur, t)) continue;
    const next = withVersion(
      t,
      Math.max(cur ? versionOf(cur) : 0, t.props.version === undefined ? 0 : versionOf(t)) + 1,
    );
    if (cur) await tx.putEdge(next);
    else await tx.createEdge(next);
    written.set(`edge\u0000${t.id}`, next);
  }

  // What readers see now: target elements with their written versions; relationships need both ends live.
  const liveAfter = (id: string): boolean =>
    targetNodes.has(id) || (!scope.nodeIds.has(id) && !!locked.nodes.get(id)?.live);
  const nodes = target.nodes.map((n) => (written.get(n.id) as RawNode | undefined) ?? currentOr(locked, n));
  const edges = target.edges
    .filter((e) => liveAfter(e.source) && liveAfter(e.target))
    .map((e) => (written.get(`edge\u0000${e.id}`) as RawEdge | undefined) ?? present.get(e.id) ?? e)
    .map(({ live: _l, ...e }: RawEdge & { live?: boolean }) => e);
  return { nodes, edges };
}

/** An unchanged target node as it is stored now (with its current version). */
function currentOr(locked: LockedState, n: RawNode): RawNode {
  const cur = locked.nodes.get(n.id);
  if (!cur) return n;
  const { live: _live, ...rest } = cur;
  return rest;
}
