// Use cases: save, list, open, update, rename, share and delete workspaces (saved scenes of business keys), owner-checked.
import { randomBytes } from 'node:crypto';
import type {
  Workspace,
  WorkspaceOpenResponse,
  WorkspaceScene,
  WorkspaceSummary,
  WorkspaceVisibility,
} from '../../../contract/index.js';
import { permits } from '../auth/access-matrix.js';
import { refusal } from '../auth/access-guard.js';
import type { WorkspaceCaller } from '../auth/workspace-caller.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { GraphStore } from '../store/neo4j-store.js';
import {
  createWorkspace,
  deleteWorkspace,
  findWorkspace,
  listWorkspaces,
  subgraphByIds,
  updateWorkspace,
  type StoredWorkspace,
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

const notFound = (id: string, field = 'id'): NotFoundError =>
  new NotFoundError(`No workspace with id "${id}"; it may have been deleted.`, field);

/** Whether the caller saved `w`: by their login, or (anonymous-saved) by this browser session's key. */
function isYours(
  who: WorkspaceCaller,
  w: { ownerKey: string | null; creatorKeyHash: string | null },
): boolean {
  return (
    (who.userKey !== null && w.ownerKey === who.userKey) ||
    (who.keyHash !== null && w.creatorKeyHash === who.keyHash)
  );
}

/** The stored workspace as this caller sees it: owner keys dropped, `yours` and `canEdit` from the matrix. */
function forCaller(who: WorkspaceCaller, w: StoredWorkspace): Workspace {
  const { ownerKey: _k, creatorKeyHash: _h, ...wire } = w;
  const yours = isYours(who, w);
  const canEdit = permits(who.change, { owned: yours, shared: w.visibility === 'shared' });
  return { ...wire, yours, canEdit };
}

/**
 * Refuses unless the caller may open `w` (`open`) or change it (`change`): 401 anonymous, 403 logged in.
 * A private workspace is not named to those who may not open it.
 */
function authorize(who: WorkspaceCaller, w: StoredWorkspace, action: 'open' | 'change'): void {
  const owned = isYours(who, w);
  const shared = w.visibility === 'shared';
  if (permits(who.open, { owned, shared })) {
    if (action === 'open' || permits(who.change, { owned, shared })) return;
    throw refusal(
      who.change.caller,
      `Workspace "${w.name}" belongs to ${w.owner ?? 'no account (saved without a login)'}: you may open it read-only and save a copy under a new name.`,
    );
  }
  throw refusal(
    who.open.caller,
    who.open.caller === 'anonymous'
      ? `Workspace "${w.id}" is private: log in as its owner or an admin to open it.`
      : `Workspace "${w.id}" is private: only its owner or an admin may open it.`,
  );
}

/** The workspace, if it exists and the caller may do `action` with it. */
async function authorized(
  store: GraphStore,
  who: WorkspaceCaller,
  id: string,
  action: 'open' | 'change',
  field = 'id',
): Promise<StoredWorkspace> {
  const w = await findWorkspace(store, id);
  if (!w) throw notFound(id, field);
  authorize(who, w, action);
  return w;
}

/** Saves a new workspace owned by the caller: their login, else their browser session's key (`keyHash`). */
export async function saveNewWorkspace(
  store: GraphStore,
  who: WorkspaceCaller,
  name: string,
  scene: WorkspaceScene,
  visibility: WorkspaceVisibility = 'shared',
): Promise<Workspace> {
  const saved = await createWorkspace(store, {
    id: newId(),
    name,
    scene,
    visibility,
    ownerKey: who.userKey,
    owner: who.username,
    creatorKeyHash: who.userKey ? null : who.keyHash,
  });
  return forCaller(who, saved);
}

/** Every workspace the caller may open: shared ones and their own (admins: all). */
export async function allWorkspaces(store: GraphStore, who: WorkspaceCaller): Promise<WorkspaceSummary[]> {
  const list = await listWorkspaces(store, {
    all: who.open.grant === 'yes',
    ownerKey: who.userKey,
    creatorKeyHash: who.keyHash,
  });
  return list.map((w) => ({
    ...w,
    canEdit: permits(who.change, { owned: w.yours, shared: w.visibility === 'shared' }),
  }));
}

/** The workspace with today's data for its nodes; ids that no longer exist are listed, not fatal. */
export async function openWorkspace(
  store: GraphStore,
  who: WorkspaceCaller,
  id: string,
): Promise<WorkspaceOpenResponse> {
  const workspace = await authorized(store, who, id, 'open');
  const ids = workspace.scene.nodes.map((n) => n.id);
  const graph = await subgraphByIds(store, ids);
  const found = new Set(graph.nodes.map((n) => n.id));
  return { workspace: forCaller(who, workspace), graph, missing: ids.filter((n) => !found.has(n)) };
}

/** A workspace the caller may open (exports check with it); 404 naming `field` when there is none. */
export async function readableWorkspace(
  store: GraphStore,
  who: WorkspaceCaller,
  id: string,
  field: string,
): Promise<StoredWorkspace> {
  return authorized(store, who, id, 'open', field);
}

/** Applies a scene, name and/or visibility change based on `version`; stale versions never overwrite. */
export async function changeWorkspace(
  store: GraphStore,
  who: WorkspaceCaller,
  id: string,
  version: number,
  change: { scene?: WorkspaceScene; name?: string; visibility?: WorkspaceVisibility },
): Promise<Workspace> {
  await authorized(store, who, id, 'change');
  const outcome = await updateWorkspace(store, id, version, change);
  if (outcome.kind === 'missing') throw notFound(id);
  const now = forCaller(who, outcome.workspace);
  if (outcome.kind === 'stale') throw new StaleWorkspaceError(now, version);
  return now;
}

export async function removeWorkspace(store: GraphStore, who: WorkspaceCaller, id: string): Promise<void> {
  await authorized(store, who, id, 'change');
  if (!(await deleteWorkspace(store, id))) throw notFound(id);
}
