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
} from '../../../server/src/api-types';
import { sendJson } from './send-json';

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
  const enc = encodeURIComponent;
  const qs = (params: Record<string, string | number | undefined>): string => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
    const text = q.toString();
    return text ? `?${text}` : '';
  };
  return {
    createNode: (body) => sendJson('POST', `${base}/nodes`, body),
    updateNode: (id, body) => sendJson('PATCH', `${base}/nodes/${enc(id)}`, body),
    deleteNode: (id, version) => sendJson('DELETE', `${base}/nodes/${enc(id)}`, { version }),
    createEdge: (body) => sendJson('POST', `${base}/edges`, body),
    updateEdge: (id, body) => sendJson('PATCH', `${base}/edges/${enc(id)}`, body),
    deleteEdge: (id, version) => sendJson('DELETE', `${base}/edges/${enc(id)}`, { version }),
    merge: (keepId, body) => sendJson('POST', `${base}/nodes/${enc(keepId)}/merge`, body),
    revert: (changeId) => sendJson('POST', `${base}/changes/${enc(changeId)}/revert`, {}),
    history: (kind, id) =>
      sendJson('GET', `${base}/${kind === 'node' ? 'nodes' : 'edges'}/${enc(id)}/history`),
    changes: (opts = {}) =>
      sendJson('GET', `${base}/changes${qs({ limit: opts.limit, before: opts.before })}`),
    deleted: (limit) => sendJson('GET', `${base}/deleted${qs({ limit })}`),
    sources: () => sendJson('GET', `${base}/sources`),
    source: (id) => sendJson('GET', `${base}/sources/${enc(id)}`),
    createSource: (body) => sendJson('POST', `${base}/sources`, body),
  };
}
