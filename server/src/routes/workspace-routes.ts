// Workspace endpoints: save, list, open, update, rename, share, delete. The schemas are the contract's
// (contract/workspaces.ts); who may call each is in auth/access-matrix.ts, the owner checks are the use cases'
// (services/workspaces.ts).
import { Router } from 'express';
import type { GraphStore } from '../store/neo4j-store.js';
import { workspaceCaller } from '../auth/workspace-caller.js';
import { ensureWorkspaceKey } from '../auth/workspace-key.js';
import {
  allWorkspaces,
  changeWorkspace,
  openWorkspace,
  removeWorkspace,
  saveNewWorkspace,
} from '../services/workspaces.js';
import { route } from './validate.js';

export function workspaceRoutes(store: GraphStore): Router {
  const r = Router();
  route(r, 'GET /workspaces', async (_in, req, res) => ({
    workspaces: await allWorkspaces(store, workspaceCaller(req, res)),
  }));
  route(r, 'POST /workspaces', async ({ body }, req, res) => {
    const who = workspaceCaller(req, res);
    // Without a login, this browser session's key makes the caller the owner (issued on its first save).
    if (!who.userKey) who.keyHash = ensureWorkspaceKey(req, res);
    const saved = await saveNewWorkspace(store, who, body.name, body.scene, body.visibility);
    res.status(201).location(`/api/workspaces/${encodeURIComponent(saved.id)}`);
    return saved;
  });
  route(r, 'GET /workspaces/:id', ({ params }, req, res) =>
    openWorkspace(store, workspaceCaller(req, res), params.id),
  );
  route(r, 'PUT /workspaces/:id', ({ params, body }, req, res) =>
    changeWorkspace(store, workspaceCaller(req, res), params.id, body.version, { scene: body.scene }),
  );
  route(r, 'PATCH /workspaces/:id', ({ params, body }, req, res) =>
    changeWorkspace(store, workspaceCaller(req, res), params.id, body.version, {
      name: body.name,
      visibility: body.visibility,
    }),
  );
  route(r, 'DELETE /workspaces/:id', async ({ params }, req, res) => {
    await removeWorkspace(store, workspaceCaller(req, res), params.id);
    res.status(204).end();
  });
  return r;
}
