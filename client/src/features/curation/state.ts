// Curation's slice of State and its transitions: the edit form, drawing a relationship, the history toggle, and
// applying what a write returned to the canvas. A write changes the graph itself, not the user's
// view of it, so updated and removed elements are patched into every undo snapshot too: undo
// never brings back an old name or a deleted node. New elements join the scene as one step.
import type { Graph, GraphEdge, GraphNode } from '../../../../contract';
import { sceneOf, type Scene } from '../../state/scene';
import type { Updater } from '../../state/update';
import type { ExplorerActions } from '../explorer/state';

/** What the curation controls show (not part of the scene: undo leaves it alone). */
export interface CurationUi {
  /** The node or relationship whose edit form replaces the details panel's body; null when not editing. */
  editing: { kind: 'node' | 'edge'; id: string } | null;
  /** The first node of a relationship being drawn: the next node clicked is its target. */
  drawFrom: string | null;
  /** Whether the details panel lists the selected element's history. */
  historyOpen: boolean;
  /** Grows after every write, so history lists and the changes feed reload. */
  revision: number;
}

/** Curation's part of State. */
export interface CurationSlice {
  /** The curation controls: edit form, relationship drawing, history toggle. */
  curation: CurationUi;
}

/** The curation UI at page load. */
export function initialCuration(): CurationSlice {
  return { curation: { editing: null, drawFrom: null, historyOpen: false, revision: 0 } };
}

/** What a write changed in the graph. */
export interface GraphPatch {
  /** Elements with their new state (replaced where they are shown). */
  nodes?: readonly GraphNode[];
  edges?: readonly GraphEdge[];
  /** Elements that no longer exist (deleted, or merged into another node). */
  removedNodes?: readonly string[];
  removedEdges?: readonly string[];
}

/** The curation transitions. */
export interface CurationActions {
  startEditing(target: NonNullable<CurationUi['editing']>): void;
  stopEditing(): void;
  startDrawing(fromId: string): void;
  stopDrawing(): void;
  toggleHistory(): void;
  /** Applies a write's outcome to the scene, every undo snapshot and the details panel. */
  applyPatch(patch: GraphPatch): void;
  /** Puts elements a write created (or restored) on the canvas as one step named `label`. */
  addWritten(graph: Graph, label: string): void;
}

/** `scene` with the patch applied to its nodes and edges (unchanged maps are kept as they are). */
export function patchScene<S extends Scene>(scene: S, patch: GraphPatch): S {
  const goneNodes = new Set(patch.removedNodes ?? []);
  const goneEdges = new Set(patch.removedEdges ?? []);
  let nodes = scene.nodes;
  let edges = scene.edges;
  const touchesNodes = goneNodes.size > 0 || (patch.nodes ?? []).some((n) => nodes.has(n.id));
  if (touchesNodes) {
    const next = new Map(nodes);
    for (const id of goneNodes) next.delete(id);
    for (const n of patch.nodes ?? []) {
      const old = next.get(n.id);
      if (old) next.set(n.id, { ...n, evidence: n.evidence ?? old.evidence });
    }
    nodes = next;
  }
  const touchesEdges =
    goneEdges.size > 0 || goneNodes.size > 0 || (patch.edges ?? []).some((e) => edges.has(e.id));
  if (touchesEdges) {
    const next = new Map(
      [...edges].filter(([id, e]) => !goneEdges.has(id) && nodes.has(e.source) && nodes.has(e.target)),
    );
    for (const e of patch.edges ?? []) {
      const old = next.get(e.id);
      if (old) next.set(e.id, { ...e, evidence: e.evidence ?? old.evidence });
    }
    edges = next;
  }
  if (nodes === scene.nodes && edges === scene.edges) return scene;
  const keep = <V>(m: ReadonlyMap<string, V>): ReadonlyMap<string, V> =>
    goneNodes.size ? new Map([...m].filter(([id]) => !goneNodes.has(id))) : m;
  return {
    ...scene,
    nodes,
    edges,
    expansions: keep(scene.expansions),
    positions: keep(scene.positions),
    pinned: goneNodes.size ? new Set([...scene.pinned].filter((id) => !goneNodes.has(id))) : scene.pinned,
  };
}

/** The curation transitions, each one call of `u.update` (a new element's step through `u.step`). */
export function curationActions(u: Updater, actions: Pick<ExplorerActions, 'addGraph'>): CurationActions {
  // A new `curation` object even when nothing changed: panels keyed on it redraw, as they always have.
  const ui = (change: (c: CurationUi) => Partial<CurationUi>): void =>
    u.update((s) => ({ curation: { ...s.curation, ...change(s.curation) } }));

  return {
    startEditing: (target) => ui(() => ({ editing: target, drawFrom: null })),
    stopEditing: () => ui((c) => (c.editing ? { editing: null } : {})),
    startDrawing: (fromId) => ui(() => ({ drawFrom: fromId, editing: null })),
    stopDrawing: () => ui((c) => (c.drawFrom ? { drawFrom: null } : {})),
    toggleHistory: () => ui((c) => ({ historyOpen: !c.historyOpen })),

    applyPatch: (patch) =>
      u.update((s) => {
        const patched = patchScene(s, patch);
        // Every step is patched; the current one gets the patched scene itself, so it stays the scene as it is.
        const history = {
          ...s.history,
          entries: s.history.entries.map((e, i) => {
            const snapshot =
              i !== s.history.head
                ? patchScene(e.snapshot, patch)
                : patched === s
                  ? e.snapshot
                  : sceneOf(patched);
            return snapshot === e.snapshot ? e : { ...e, snapshot };
          }),
        };
        const gone = (id: string): boolean =>
          (patch.removedNodes ?? []).includes(id) || (patch.removedEdges ?? []).includes(id);
        const sel = s.selection;
        const selectionGone = (sel.kind === 'node' || sel.kind === 'edge') && gone(sel.id);
        let details = s.details;
        if (details.status === 'loaded') {
          const fresh = (patch.nodes ?? []).find((n) => n.id === (details as { id: string }).id);
          if (fresh)
            details = {
              ...details,
              response: { node: fresh, evidence: fresh.evidence ?? details.response.evidence },
            };
        }
        const editing = s.curation.editing && gone(s.curation.editing.id) ? null : s.curation.editing;
        return {
          ...sceneOf(patched),
          history,
          details: selectionGone ? { status: 'idle' } : details,
          selection: selectionGone ? { kind: 'none' } : sel,
          curation: { ...s.curation, editing, revision: s.curation.revision + 1 },
        };
      }),

    addWritten: (graph, label) => {
      u.step(label, () => actions.addGraph(graph));
      ui((c) => ({ revision: c.revision + 1 }));
    },
  };
}
