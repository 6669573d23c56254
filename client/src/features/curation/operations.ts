// Curation use cases: send a write, then show its outcome on the canvas and in the details panel
// without a reload (read from the change each write records). Failures are thrown as ApiError for the form
// that asked (409 and 422 are theirs to show).
import type {
  ChangeRecord,
  EdgeCreateRequest,
  EdgeUpdateRequest,
  GraphEdge,
  GraphNode,
  NodeCreateRequest,
  NodeUpdateRequest,
} from '../../../../contract';
import { changeEffect } from './change-sync';
import type { CurationApi } from '../../api/curation-api';
import type { Actions } from '../../state/actions';
import type { CurationActions } from './state';
import type { Selection, State } from '../../state/state';
import type { ReadableStore } from '../../state/store';

/** What the curation UI asks for. */
export interface CurationOperations {
  saveNode(id: string, body: NodeUpdateRequest): Promise<GraphNode>;
  saveEdge(id: string, body: EdgeUpdateRequest): Promise<GraphEdge>;
  createNode(body: NodeCreateRequest): Promise<GraphNode>;
  createEdge(body: EdgeCreateRequest): Promise<GraphEdge>;
  deleteNode(id: string, version: number): Promise<void>;
  deleteEdge(id: string, version: number): Promise<void>;
  /** Merges `otherId` into `keepId`; the canvas shows the kept node with the moved relationships. */
  merge(keepId: string, otherId: string, version: number, otherVersion: number): Promise<GraphNode>;
  /** Reverts `change` (restoring a deleted element, undoing a merge, ...) and redraws what it touched. */
  revert(change: ChangeRecord): Promise<void>;
}

/** What the use cases work with. */
export interface CurationOpsDeps {
  api: CurationApi;
  store: ReadableStore<State>;
  actions: Pick<Actions, 'notify' | 'requestView'>;
  cur: CurationActions;
  select(selection: Selection): void;
  /** Told of every write but a revert (the undo notice keeps them, so undo never hides one). */
  written?(change: ChangeRecord): void;
}

/** Binds the use cases. */
export function createCurationOperations(d: CurationOpsDeps): CurationOperations {
  /**
   * Shows what `change` did: updated elements are replaced wherever they are shown, removed ones
   * disappear, and elements it created or restored are drawn (`drawNew`: nodes too, else only
   * relationships between nodes already shown) as one step named `label`.
   */
  const show = (change: ChangeRecord, label: string, drawNew: boolean): void => {
    const { patch, appeared } = changeEffect(change);
    d.cur.applyPatch(patch);
    const s = d.store.get();
    const nodes = drawNew ? appeared.nodes.filter((n) => !s.nodes.has(n.id)) : [];
    const drawable = new Set([...s.nodes.keys(), ...nodes.map((n) => n.id)]);
    const edges = (patch.edges ?? []).filter(
      (e) => !s.edges.has(e.id) && drawable.has(e.source) && drawable.has(e.target),
    );
    if (nodes.length || edges.length) d.cur.addWritten({ nodes, edges }, label);
    if (change.operation !== 'revert' && change.operation !== 'create-source') d.written?.(change);
  };

  return {
    saveNode: async (id, body) => {
      const res = await d.api.updateNode(id, body);
      show(res.change, `Edit ${res.result?.name ?? id}`, false);
      return res.result as GraphNode;
    },
    saveEdge: async (id, body) => {
      const res = await d.api.updateEdge(id, body);
      show(res.change, `Edit ${res.result?.type ?? id}`, false);
      return res.result as GraphEdge;
    },
    createNode: async (body) => {
      const res = await d.api.createNode(body);
      const node = res.result as GraphNode;
      show(res.change, `Create ${node.name}`, true);
      d.select({ kind: 'node', id: node.id });
      d.actions.requestView({ kind: 'center', id: node.id });
      return node;
    },
    createEdge: async (body) => {
      const res = await d.api.createEdge(body);
      const edge = res.result as GraphEdge;
      show(res.change, `Draw ${edge.type}`, false);
      if (d.store.get().edges.has(edge.id)) d.select({ kind: 'edge', id: edge.id });
      return edge;
    },
    deleteNode: async (id, version) => {
      const res = await d.api.deleteNode(id, version);
      show(res.change, 'Delete', false);
    },
    deleteEdge: async (id, version) => {
      const res = await d.api.deleteEdge(id, version);
      show(res.change, 'Delete', false);
    },
    merge: async (keepId, otherId, version, otherVersion) => {
      const res = await d.api.merge(keepId, { otherId, version, otherVersion });
      const kept = res.result as GraphNode;
      const s = d.store.get();
      // The kept node takes the merged one's place on the canvas when only that one was shown.
      if (s.nodes.has(otherId) && !s.nodes.has(keepId))
        d.cur.addWritten({ nodes: [kept], edges: [] }, `Merge into ${kept.name}`);
      show(res.change, `Merge into ${kept.name}`, false);
      return kept;
    },
    revert: async (change) => {
      const res = await d.api.revert(change.id);
      // A revert brings back what the change removed (a deleted or merged node): draw it, as the curator asked.
      show(res.change, `Revert: ${change.summary}`, true);
    },
  };
}
