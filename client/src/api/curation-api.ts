// Typed client for the curation endpoints: writes (nodes, edges, merge, revert, sources) and their history reads.
import type {
  ChangeListResponse,
  DeletedListResponse,
  EdgeCreateRequest,
  EdgeUpdateRequest,
  GraphEdge,
  GraphNode,
  MergeRequest,
  NodeCreateRequest,
  NodeUpdateRequest,
  SourceCreateRequest,
  SourceListResponse,
  SourceResponse,
  WriteResponse,
} from '../../../contract';
import { callEndpoint } from './endpoint';

/** What a curator can do through the API; every write answers the new state and the change it recorded. */
export interface CurationApi {
  createNode(body: NodeCreateRequest): Promise<WriteResponse<GraphNode>>;
  updateNode(id: string, body: NodeUpdateRequest): Promise<WriteResponse<GraphNode>>;
  deleteNode(id: string, version: number): Promise<WriteResponse<GraphNode>>;
  createEdge(body: EdgeCreateRequest): Promise<WriteResponse<GraphEdge>>;
  updateEdge(id: string, body: EdgeUpdateRequest): Promise<WriteResponse<GraphEdge>>;
  deleteEdge(id: string, version: number): Promise<WriteResponse<GraphEdge>>;
  /** Merges `body.otherId` into `keepId` (the other node is removed). */
  merge(keepId: string, body: MergeRequest): Promise<WriteResponse<GraphNode>>;
  /** Undoes a change by recording its inverse (also how a soft delete is restored). */
  revert(changeId: string): Promise<WriteResponse>;
  history(kind: 'node' | 'edge', id: string): Promise<ChangeListResponse>;
  /** Newest first; `before` is the id of the last change already shown (paging). */
  changes(opts?: { limit?: number; before?: string }): Promise<ChangeListResponse>;
  deleted(limit?: number): Promise<DeletedListResponse>;
  sources(): Promise<SourceListResponse>;
  source(id: string): Promise<SourceResponse>;
  createSource(body: SourceCreateRequest): Promise<WriteResponse<unknown>>;
}

/** Creates the curation client for the API at `base` (default `/api`). */
export function createCurationApi(base = '/api'): CurationApi {
  return {
    createNode: (body) => callEndpoint(base, 'POST /nodes', { body }),
    updateNode: (id, body) => callEndpoint(base, 'PATCH /nodes/:id', { params: { id }, body }),
    deleteNode: (id, version) =>
      callEndpoint(base, 'DELETE /nodes/:id', { params: { id }, body: { version } }),
    createEdge: (body) => callEndpoint(base, 'POST /edges', { body }),
    updateEdge: (id, body) => callEndpoint(base, 'PATCH /edges/:id', { params: { id }, body }),
    deleteEdge: (id, version) =>
      callEndpoint(base, 'DELETE /edges/:id', { params: { id }, body: { version } }),
    merge: (keepId, body) => callEndpoint(base, 'POST /nodes/:id/merge', { params: { id: keepId }, body }),
    revert: (changeId) =>
      callEndpoint(base, 'POST /changes/:id/revert', { params: { id: changeId }, body: {} }),
    history: (kind, id) =>
      callEndpoint(base, kind === 'node' ? 'GET /nodes/:id/history' : 'GET /edges/:id/history', {
        params: { id },
      }),
    changes: (opts = {}) =>
      callEndpoint(base, 'GET /changes', { query: { limit: opts.limit, before: opts.before } }),
    deleted: (limit) => callEndpoint(base, 'GET /deleted', { query: { limit } }),
    sources: () => callEndpoint(base, 'GET /sources', {}),
    source: (id) => callEndpoint(base, 'GET /sources/:id', { params: { id } }),
    createSource: (body) => callEndpoint(base, 'POST /sources', { body }),
  };
}
