// Workspace use cases: save (new, update, overwrite, copy), open (also from the URL), rename, share, delete.
import type { Workspace, WorkspaceAccess, WorkspaceSummary, WorkspaceVisibility } from '../../../contract';
import { ApiError, describeError } from '../api/api-error';
import type { WorkspaceApi } from '../api/workspace-api';
import type { Actions } from '../state/actions';
import type { State } from '../state/state';
import type { ReadableStore } from '../state/store';
import { applyScene, captureScene, type CanvasSnapshot } from './scene-capture';
import { setWorkspaceInUrl } from './workspace-url';
import { ownerPhrase } from './workspace-owner';

/** Missing ids named in a notice; the rest are counted. */
const MISSING_SHOWN = 5;

/** What the workspace panel (and Ctrl+S) can ask for. Failures reject with the ApiError. */
export interface WorkspaceOperations {
  list(): Promise<WorkspaceSummary[]>;
  /** Saves the scene as a new workspace named `name` and makes it the open one. */
  saveAsNew(name: string): Promise<Workspace>;
  /**
   * Saves the scene over the open workspace with the version read; 409 CONFLICT when it changed since.
   * A workspace open read-only (someone else's) is refused here with FORBIDDEN, before any request.
   */
  saveOpen(): Promise<Workspace>;
  /** Saves the scene as a new workspace of this user named `name`, or "<open name> (copy)". */
  saveCopy(name?: string): Promise<Workspace>;
  /** Shares the open workspace or makes it private (its owner and admins). */
  setVisibility(visibility: WorkspaceVisibility): Promise<Workspace>;
  /** Takes the open workspace's owner and rights from a fresh list (they change with a login or logout). */
  syncAccess(list: readonly WorkspaceSummary[]): void;
  /** Re-reads the open workspace's version and saves over it (after a conflict). */
  overwriteOpen(): Promise<Workspace>;
  /** Opens a workspace: its scene replaces the canvas, the URL names it, missing nodes are reported. */
  open(id: string): Promise<void>;
  /**
   * Opens the workspace the page's URL names. On failure a notice says why and `fallback` (the
   * start view) runs; a workspace that no longer exists is also dropped from the URL. Never rejects.
   */
  openFromUrl(id: string, fallback: () => Promise<void>): Promise<void>;
  rename(summary: WorkspaceSummary, name: string): Promise<Workspace>;
  remove(summary: WorkspaceSummary): Promise<void>;
}

/** What the use cases need from the app. */
export interface WorkspaceDeps {
  api: WorkspaceApi;
  store: ReadableStore<State>;
  actions: Actions;
  /** Positions and camera from the graph view. */
  snapshot(): CanvasSnapshot;
  /** Waits for queued layouts, so positions are final before they are saved. */
  whenIdle(): Promise<void>;
}

function quoted(name: string): string {
  return `‘${name}’`;
}

/** The owner fields of a workspace or summary. */
const accessOf = (w: WorkspaceAccess): WorkspaceAccess => ({
  owner: w.owner,
  visibility: w.visibility,
  yours: w.yours,
  canEdit: w.canEdit,
});

/** Binds the workspace use cases. */
export function createWorkspaceOperations(deps: WorkspaceDeps): WorkspaceOperations {
  const { api, store, actions } = deps;

  /** Runs `task` with the busy indicator on. */
  const busy = async <T>(task: () => Promise<T>): Promise<T> => {
    actions.beginWork();
    try {
      return await task();
    } finally {
      actions.endWork();
    }
  };

  const scene = async () => {
    await deps.whenIdle();
    return captureScene(store.get(), deps.snapshot());
  };

  const becameOpen = (ws: Workspace, verb: string): Workspace => {
    actions.setWorkspace({ id: ws.id, name: ws.name, version: ws.version, access: accessOf(ws) });
    setWorkspaceInUrl(ws.id);
    actions.setStatus(
      `${verb} workspace ${quoted(ws.name)} (${ws.nodeCount} node${ws.nodeCount === 1 ? '' : 's'}).`,
    );
    return ws;
  };

  const openOrFail = (): NonNullable<State['workspace']> => {
    const ws = store.get().workspace;
    if (!ws) throw new ApiError('BAD_REQUEST', 'No workspace is open: save the scene under a name first.', 0);
    return ws;
  };

  /** The open workspace, if this user may save over it; else the FORBIDDEN the server would answer. */
  const editableOrFail = (): NonNullable<State['workspace']> => {
    const ws = openOrFail();
    if (!ws.access.canEdit)
      throw new ApiError(
        'FORBIDDEN',
        `${quoted(ws.name)} is ${ownerPhrase(ws.access)} and open read-only: save a copy to keep your changes.`,
        403,
      );
    return ws;
  };
  const saveNew = async (name: string): Promise<Workspace> =>
    becameOpen(await api.create(name.trim(), await scene()), 'Saved');

  const open = (id: string): Promise<void> =>
    busy(async () => {
      const res = await api.open(id);
      const { missing } = applyScene(actions, res);
      becameOpen(res.workspace, 'Opened');
      if (missing.length) {
        const named = missing.slice(0, MISSING_SHOWN).join(', ');
        const more = missing.length > MISSING_SHOWN ? ` and ${missing.length - MISSING_SHOWN} more` : '';
        const verb = missing.length === 1 ? 'no longer exists' : 'no longer exist';
        actions.notify(
          'error',
          `${missing.length} node${missing.length === 1 ? '' : 's'} of ${quoted(res.workspace.name)} ${verb} in the graph: ${named}${more}.`,
          'MISSING_NODES',
        );
      }
    });

  return {
    open,

    openFromUrl: async (id, fallback) => {
      try {
        await open(id);
      } catch (err) {
        const gone = err instanceof ApiError && err.code === 'NOT_FOUND';
        actions.notify(
          'error',
          gone
            ? `Workspace "${id}" does not exist (it may have been deleted). Showing the start view instead.`
            : `Workspace "${id}" could not be opened: ${describeError(err)} Showing the start view instead.`,
          err instanceof ApiError ? err.code : undefined,
        );
        if (gone) setWorkspaceInUrl(null);
        await fallback();
      }
    },

    list: () => busy(async () => (await api.list()).workspaces),

    saveAsNew: (name) => busy(() => saveNew(name)),

    saveCopy: (name) =>
      busy(() => {
        const ws = openOrFail();
        return saveNew(name?.trim() || `${ws.name} (copy)`);
      }),

    setVisibility: (visibility) =>
      busy(async () => {
        const ws = editableOrFail();
        const saved = await api.setVisibility(ws.id, visibility, ws.version);
        actions.setWorkspace({
          id: saved.id,
          name: saved.name,
          version: saved.version,
          access: accessOf(saved),
        });
        actions.setStatus(
          visibility === 'private'
            ? `${quoted(saved.name)} is private: only you and admins can open it.`
            : `${quoted(saved.name)} is shared: others can open it read-only through its link.`,
        );
        return saved;
      }),

    syncAccess: (list) => {
      const open = store.get().workspace;
      const fresh = open && list.find((w) => w.id === open.id);
      if (!open || !fresh) return;
      const access = accessOf(fresh);
      const was = open.access;
      if (Object.entries(access).some(([k, v]) => was[k as keyof WorkspaceAccess] !== v))
        actions.setWorkspace({ ...open, access });
    },

    saveOpen: () =>
      busy(async () => {
        const ws = editableOrFail();
        return becameOpen(await api.save(ws.id, await scene(), ws.version), 'Saved');
      }),

    overwriteOpen: () =>
      busy(async () => {
        const ws = editableOrFail();
        const { workspace } = await api.open(ws.id);
        return becameOpen(await api.save(ws.id, await scene(), workspace.version), 'Overwrote');
      }),

    rename: (summary, name) =>
      busy(async () => {
        const ws = await api.rename(summary.id, name.trim(), summary.version);
        if (store.get().workspace?.id === ws.id)
          actions.setWorkspace({ id: ws.id, name: ws.name, version: ws.version, access: accessOf(ws) });
        actions.setStatus(`Renamed ${quoted(summary.name)} to ${quoted(ws.name)}.`);
        return ws;
      }),

    remove: (summary) =>
      busy(async () => {
        await api.remove(summary.id);
        if (store.get().workspace?.id === summary.id) {
          actions.setWorkspace(null);
          setWorkspaceInUrl(null);
        }
        actions.setStatus(`Deleted workspace ${quoted(summary.name)}; the canvas keeps its scene.`);
      }),
  };
}
