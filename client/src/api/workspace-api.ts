// Client for saved workspaces (/api/workspaces): list, create, open, save, rename, share, delete.
import type {
  Workspace,
  WorkspaceListResponse,
  WorkspaceOpenResponse,
  WorkspaceScene,
  WorkspaceVisibility,
} from '../../../contract';
import { callEndpoint } from './endpoint';

/**
 * Workspaces as the client sees them; every failure is an ApiError (409 CONFLICT, 404 NOT_FOUND, 401
 * UNAUTHORIZED when a login would help, 403 FORBIDDEN when this user may not: someone else's workspace).
 */
export interface WorkspaceApi {
  list(): Promise<WorkspaceListResponse>;
  /** Saves a new workspace owned by this user (or this browser session); 409 CONFLICT (field `name`) when the name is taken. */
  create(name: string, scene: WorkspaceScene, visibility?: WorkspaceVisibility): Promise<Workspace>;
  /** The workspace with today's data for its nodes and the ids that no longer exist. */
  open(id: string): Promise<WorkspaceOpenResponse>;
  /** Replaces the scene; 409 CONFLICT when `version` is not the stored one. */
  save(id: string, scene: WorkspaceScene, version: number): Promise<Workspace>;
  rename(id: string, name: string, version: number): Promise<Workspace>;
  /** Shares the workspace (others open it read-only) or makes it private (its owner and admins only). */
  setVisibility(id: string, visibility: WorkspaceVisibility, version: number): Promise<Workspace>;
  remove(id: string): Promise<void>;
}

/** Creates the workspace client for the API at `base` (default `/api`). */
export function createWorkspaceApi(base = '/api'): WorkspaceApi {
  return {
    list: () => callEndpoint(base, 'GET /workspaces', {}),
    create: (name, scene, visibility) =>
      callEndpoint(base, 'POST /workspaces', {
        body: visibility ? { name, scene, visibility } : { name, scene },
      }),
    open: (id) => callEndpoint(base, 'GET /workspaces/:id', { params: { id } }),
    save: (id, scene, version) =>
      callEndpoint(base, 'PUT /workspaces/:id', { params: { id }, body: { scene, version } }),
    rename: (id, name, version) =>
      callEndpoint(base, 'PATCH /workspaces/:id', { params: { id }, body: { name, version } }),
    setVisibility: (id, visibility, version) =>
      callEndpoint(base, 'PATCH /workspaces/:id', { params: { id }, body: { visibility, version } }),
    remove: (id) => callEndpoint(base, 'DELETE /workspaces/:id', { params: { id } }),
  };
}
