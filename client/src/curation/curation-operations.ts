// Curation use cases: send a write, then show its outcome on the canvas and in the details panel
// without a reload. Failures are thrown as ApiError for the form that asked (409 and 422 are theirs to show).
import type {
  ChangeRecord, EdgeCreateRequest, EdgeUpdateRequest, GraphEdge, GraphNode, NodeCreateRequest, NodeUpdateRequest,
} from '../../../server/src/api-types';
import type { ApiClient } from '../api/api-client';
import { isAbortError } from '../api/api-error';
import type { CurationApi } from '../api/curation-api';
import type { Actions } from '../state/actions';
import type { CurationActions } from '../state/curation-actions';
import type { Selection, State } from '../state/state';
import type { ReadableStore } from '../state/store';

/** Neighbours fetched to redraw a node's relationships after a restore or merge (the API's page ceiling). */
const EDGE_REFRESH_LIMIT = 500;

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
  reads: Pick<ApiClient, 'node' | 'neighbours'>;
  store: ReadableStore<State>;
  actions: Pick<Actions, 'notify' | 'requestView'>;
  cur: CurationActions;
  select(selection: Selection): void;
}

const isEdge = (x: unknown): x is GraphEdge => !!x && typeof x === 'object' && 'source' in x && 'target' in x && 'type' in x;
const isNode = (x: unknown): x is GraphNode => !!x && typeof x === 'object' && 'labels' in x && 'id' in x;

/** Node ids named in a change snapshot (e.g. both nodes of a merge), found by their `id` fields. */
export function mentionedNodeIds(snapshot: unknown, depth = 3): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, d: number): void => {
    if (d < 0 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) { v.forEach((x) => walk(x, d - 1)); return; }
    if (isNode(v) && typeof v.id === 'string') out.add(v.id);
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (k !== 'properties' && k !== 'evidence') walk(x, d - 1);
  };
  walk(snapshot, depth);
  return [...out];
}

/** Binds the use cases. */
export function createCurationOperations(d: CurationOpsDeps): CurationOperations {
  const onCanvas = (id: string): boolean => d.store.get().nodes.has(id);

  /** Puts `node` on the canvas (or updates it there) with its relationships to what is shown. */
  const showWithEdges = async (node: GraphNode, label: string): Promise<void> => {
    let edges: GraphEdge[] = [];
    try {
      edges = (await d.reads.neighbours(node.id, { limit: EDGE_REFRESH_LIMIT })).edges;
    } catch (err) {
      if (isAbortError(err)) return;
      // The node itself is still right; its relationships appear on the next expansion.
    }
    if (onCanvas(node.id)) d.cur.applyPatch({ nodes: [node] });
    d.cur.addWritten({ nodes: [node], edges }, label);
  };

  const redrawNode = async (id: string, result: GraphNode | null, label: string): Promise<void> => {
    if (!result) { d.cur.applyPatch({ removedNodes: [id] }); return; }
    await showWithEdges(result, label);
  };

  return {
    saveNode: async (id, body) => {
      const res = await d.api.updateNode(id, body);
      const node = res.result as GraphNode;
      d.cur.applyPatch({ nodes: [node] });
      return node;
    },
    saveEdge: async (id, body) => {
      const res = await d.api.updateEdge(id, body);
      const edge = res.result as GraphEdge;
      d.cur.applyPatch({ edges: [edge] });
      return edge;
    },
    createNode: async (body) => {
      const res = await d.api.createNode(body);
      const node = res.result as GraphNode;
      d.cur.addWritten({ nodes: [node], edges: [] }, `Create ${node.name}`);
      d.select({ kind: 'node', id: node.id });
      d.actions.requestView({ kind: 'center', id: node.id });
      return node;
    },
    createEdge: async (body) => {
      const res = await d.api.createEdge(body);
      const edge = res.result as GraphEdge;
      d.cur.addWritten({ nodes: [], edges: [edge] }, `Draw ${edge.type}`);
      if (d.store.get().edges.has(edge.id)) d.select({ kind: 'edge', id: edge.id });
      return edge;
    },
    deleteNode: async (id, version) => {
      await d.api.deleteNode(id, version);
      d.cur.applyPatch({ removedNodes: [id] });
    },
    deleteEdge: async (id, version) => {
      await d.api.deleteEdge(id, version);
      d.cur.applyPatch({ removedEdges: [id] });
    },
    merge: async (keepId, otherId, version, otherVersion) => {
      const res = await d.api.merge(keepId, { otherId, version, otherVersion });
      const kept = res.result as GraphNode;
      const shown = onCanvas(keepId) || onCanvas(otherId);
      d.cur.applyPatch({ nodes: [kept], removedNodes: [otherId] });
      if (shown) await showWithEdges(kept, `Merge into ${kept.name}`);
      return kept;
    },
    revert: async (change) => {
      const res = await d.api.revert(change.id);
      const result = res.result;
      if (change.targetKind === 'edge') {
        if (!result) d.cur.applyPatch({ removedEdges: [change.targetId] });
        else if (isEdge(result)) {
          if (d.store.get().edges.has(result.id)) d.cur.applyPatch({ edges: [result] });
          else d.cur.addWritten({ nodes: [], edges: [result] }, `Restore ${result.type}`);
        }
        return;
      }
      if (change.targetKind !== 'node') { d.cur.applyPatch({}); return; }
      await redrawNode(change.targetId, isNode(result) ? result : null, `Revert: ${change.summary}`);
      // Undoing a merge brings the merged node back: show it beside the kept one.
      if (change.operation === 'merge-nodes') {
        for (const id of mentionedNodeIds(change.before).filter((x) => x !== change.targetId)) {
          try {
            await showWithEdges((await d.reads.node(id)).node, `Revert: ${change.summary}`);
          } catch { /* not restored as a node (already gone again): nothing to draw */ }
        }
      }
    },
  };
}
