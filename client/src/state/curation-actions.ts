// Curation's state transitions: the edit form, drawing a relationship, the history toggle, and
// applying what a write returned to the canvas. A write changes the graph itself, not the user's
// view of it, so updated and removed elements are patched into every undo snapshot too: undo
// never brings back an old name or a deleted node. New elements join the scene as one step.
import type { Graph, GraphEdge, GraphNode } from '../../../contract';
import type { Actions } from './actions';
import type { Scene } from './scene';
import type { State } from './state';
import type { WritableStore } from './store';

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

/** The curation UI at page load. */
export function initialCuration(): CurationUi {
  return { editing: null, drawFrom: null, historyOpen: false, revision: 0 };
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

/** Binds the curation actions to `store`; new elements join the scene through `actions.step`. */
export function createCurationActions(
  store: WritableStore<State>,
  actions: Pick<Actions, 'step' | 'addGraph'>,
): CurationActions {
  const set = (change: (s: State) => Partial<State>): void => {
    const s = store.get();
    store.set({ ...s, ...change(s) });
  };
  const ui = (change: (c: CurationUi) => Partial<CurationUi>): void =>
    set((s) => ({ curation: { ...s.curation, ...change(s.curation) } }));

  return {
    startEditing: (target) => ui(() => ({ editing: target, drawFrom: null })),
    stopEditing: () => ui((c) => (c.editing ? { editing: null } : {})),
    startDrawing: (fromId) => ui(() => ({ drawFrom: fromId, editing: null })),
    stopDrawing: () => ui((c) => (c.drawFrom ? { drawFrom: null } : {})),
    toggleHistory: () => ui((c) => ({ historyOpen: !c.historyOpen })),

    applyPatch: (patch) =>
      set((s) => {
        const scene = patchScene(s, patch);
        const history = {
          ...s.history,
          entries: s.history.entries.map((e) => {
            const snapshot = patchScene(e.snapshot, patch);
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
          ...scene,
          history,
          details: selectionGone ? { status: 'idle' } : details,
          selection: selectionGone ? { kind: 'none' } : sel,
          curation: { ...s.curation, editing, revision: s.curation.revision + 1 },
        };
      }),

    addWritten: (graph, label) => {
      actions.step(label, () => actions.addGraph(graph));
      ui((c) => ({ revision: c.revision + 1 }));
    },
  };
}
