// Workspace endpoints: save, list, open, update, rename, delete. The scene schema is the contract's (contract/workspaces.ts).
import { Router } from 'express';
import type { GraphStore } from '../store/neo4j-store.js';
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
  route(r, 'GET /workspaces', async () => ({ workspaces: await allWorkspaces(store) }));
  route(r, 'POST /workspaces', async ({ body }, _req, res) => {
    const saved = await saveNewWorkspace(store, body.name, body.scene);
    res.status(201).location(`/api/workspaces/${encodeURIComponent(saved.id)}`);
    return saved;
  });
  route(r, 'GET /workspaces/:id', ({ params }) => openWorkspace(store, params.id));
  route(r, 'PUT /workspaces/:id', ({ params, body }) =>
    changeWorkspace(store, params.id, body.version, { scene: body.scene }),
  );
  route(r, 'PATCH /workspaces/:id', ({ params, body }) =>
    changeWorkspace(store, params.id, body.version, { name: body.name }),
  );
  route(r, 'DELETE /workspaces/:id', async ({ params }, _req, res) => {
    await removeWorkspace(store, params.id);
    res.status(204).end();
  });
  return r;
}
