// Use cases: save, list, open, update, rename and delete workspaces (saved scenes of business keys).
import { randomBytes } from 'node:crypto';
import type {
  Workspace,
  WorkspaceOpenResponse,
  WorkspaceScene,
  WorkspaceSummary,
} from '../../../contract/index.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { GraphStore } from '../store/neo4j-store.js';
import {
  createWorkspace,
  deleteWorkspace,
  findWorkspace,
  listWorkspaces,
  subgraphByIds,
  updateWorkspace,
} from '../store/workspace-store.js';

/** Ids are random, not derived from the name: a shared URL keeps working after a rename. */
const newId = (): string => `ws-${randomBytes(9).toString('base64url')}`;

/** 409 whose message says what changed; the body carries the current state so the client can reapply. */
export class StaleWorkspaceError extends ConflictError {
  constructor(current: Workspace, sent: number) {
    super(
      `Workspace "${current.name}" was saved by someone else meanwhile (you had version ${sent}, it is now ${current.version}); reload it or save as new.`,
      'version',
      { current },
    );
    this.name = 'StaleWorkspaceError';
  }
}

const notFound = (id: string): NotFoundError =>
  new NotFoundError(`No workspace with id "${id}"; it may have been deleted.`, 'id');

export const saveNewWorkspace = (
  store: GraphStore,
  name: string,
  scene: WorkspaceScene,
): Promise<Workspace> => createWorkspace(store, { id: newId(), name, scene });

export const allWorkspaces = (store: GraphStore): Promise<WorkspaceSummary[]> => listWorkspaces(store);

/** The workspace with today's data for its nodes; ids that no longer exist are listed, not fatal. */
export async function openWorkspace(store: GraphStore, id: string): Promise<WorkspaceOpenResponse> {
  const workspace = await findWorkspace(store, id);
  if (!workspace) throw notFound(id);
  const ids = workspace.scene.nodes.map((n) => n.id);
  const graph = await subgraphByIds(store, ids);
  const found = new Set(graph.nodes.map((n) => n.id));
  return { workspace, graph, missing: ids.filter((n) => !found.has(n)) };
}

/** Applies a scene and/or name change based on `version`; stale versions never overwrite. */
export async function changeWorkspace(
  store: GraphStore,
  id: string,
  version: number,
  change: { scene?: WorkspaceScene; name?: string },
): Promise<Workspace> {
  const outcome = await updateWorkspace(store, id, version, change);
  if (outcome.kind === 'missing') throw notFound(id);
  if (outcome.kind === 'stale') throw new StaleWorkspaceError(outcome.workspace, version);
  return outcome.workspace;
}

export async function removeWorkspace(store: GraphStore, id: string): Promise<void> {
  if (!(await deleteWorkspace(store, id))) throw notFound(id);
}
