// Curation endpoints: edits, merge and revert for curators (401/403 otherwise); history and sources for every reader (sources are added in ingest-routes.ts).
import { Router, type Response } from 'express';
import type { AuthUser, RequestOf } from '../../../contract/index.js';
import { requireRole } from '../auth/roles.js';
import { ValidationError } from '../errors.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { createNode, deleteNode, updateNode } from '../services/curation/node-edits.js';
import { createEdge, deleteEdge, updateEdge } from '../services/curation/edge-edits.js';
import { mergeNodes } from '../services/curation/merge.js';
import { revertChange } from '../services/curation/revert.js';
import { listChanges, listDeleted } from '../services/curation/history.js';
import { allSources, oneSource } from '../services/sources.js';
import { route } from './validate.js';

/** The curator behind a write (requireRole ran first, so there is one). */
const actor = (res: Response): AuthUser => res.locals.user!;

/** DELETE takes `{version}` as the body, or `?version=` for clients that cannot send a body with DELETE. */
function deleteVersion({ query, body }: RequestOf<'DELETE /nodes/:id' | 'DELETE /edges/:id'>): number {
  const version = body?.version ?? query.version;
  if (version !== undefined) return version;
  if (body === undefined)
    throw new ValidationError(
      'Invalid `request`: expected `{version}` as the body or `?version=`.',
      'request',
    );
  throw new ValidationError('Invalid `version`: expected the version you read, as a number.', 'version');
}

export function curationRoutes(store: GraphStore): Router {
  const r = Router();
  const curator = [requireRole('curator')];

  route(r, 'POST /nodes', curator, async ({ body }, _req, res) => {
    const out = await createNode(store, actor(res), body);
    res.status(201).location(`/api/nodes/${encodeURIComponent(out.result!.id)}`);
    return out;
  });
  route(r, 'PATCH /nodes/:id', curator, ({ params, body }, _req, res) =>
    updateNode(store, actor(res), params.id, body),
  );
  route(r, 'DELETE /nodes/:id', curator, (input, _req, res) =>
    deleteNode(store, actor(res), input.params.id, deleteVersion(input)),
  );
  route(r, 'POST /nodes/:id/merge', curator, ({ params, body }, _req, res) =>
    mergeNodes(store, actor(res), params.id, body),
  );

  route(r, 'POST /edges', curator, async ({ body }, _req, res) => {
    const out = await createEdge(store, actor(res), body);
    res.status(201);
    return out;
  });
  route(r, 'PATCH /edges/:id', curator, ({ params, body }, _req, res) =>
    updateEdge(store, actor(res), params.id, body),
  );
  route(r, 'DELETE /edges/:id', curator, (input, _req, res) =>
    deleteEdge(store, actor(res), input.params.id, deleteVersion(input)),
  );

  route(r, 'POST /changes/:id/revert', curator, ({ params }, _req, res) =>
    revertChange(store, actor(res), params.id),
  );
  route(r, 'GET /nodes/:id/history', ({ params, query }) =>
    listChanges(store, { targetId: params.id, ...query }),
  );
  route(r, 'GET /edges/:id/history', ({ params, query }) =>
    listChanges(store, { targetId: params.id, ...query }),
  );
  route(r, 'GET /changes', ({ query }) => listChanges(store, { targetId: null, ...query }));
  route(r, 'GET /deleted', ({ query }) => listDeleted(store, query.limit));
  route(r, 'GET /sources', () => allSources(store));
  route(r, 'GET /sources/:id', ({ params }) => oneSource(store, params.id));
  return r;
}
