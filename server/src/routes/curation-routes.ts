// Curation endpoints: edits, merge, revert and sources for curators (401/403 otherwise); history and sources for every reader.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { AuthUser } from '../api-types.js';
import { requireRole } from '../auth/roles.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { createNode, deleteNode, updateNode } from '../services/curation/node-edits.js';
import { createEdge, deleteEdge, updateEdge } from '../services/curation/edge-edits.js';
import { mergeNodes } from '../services/curation/merge.js';
import { revertChange } from '../services/curation/revert.js';
import { listChanges, listDeleted } from '../services/curation/history.js';
import { addSource, allSources, oneSource } from '../services/sources.js';
import {
  deleteBody,
  edgeCreateBody,
  edgeUpdateBody,
  mergeBody,
  nodeCreateBody,
  nodeUpdateBody,
  sourceCreateBody,
} from './curation-schemas.js';
import { idSchema, intInRange, parseInput, singleQuery } from './validate.js';

/** History pages: 50 changes by default, 200 at most. */
export const CHANGE_LIMIT = { default: 50, max: 200 } as const;

const listQuery = z
  .object({ limit: intInRange(1, CHANGE_LIMIT.max, CHANGE_LIMIT.default), before: idSchema.optional() })
  .strict();
const deletedQuery = z.object({ limit: intInRange(1, CHANGE_LIMIT.max, CHANGE_LIMIT.default) }).strict();

/** The curator behind a write (requireRole ran first, so there is one). */
const actor = (res: Response): AuthUser => res.locals.user!;
const body = (req: Request): unknown => req.body ?? undefined;

/** DELETE takes `{version}` as the body, or `?version=` for clients that cannot send a body with DELETE. */
function deleteVersion(req: Request): number {
  const query = singleQuery(req);
  const sent = req.body as { version?: unknown } | undefined;
  if (
    (sent === undefined || (typeof sent === 'object' && sent !== null && Object.keys(sent).length === 0)) &&
    typeof query.version === 'string'
  ) {
    return parseInput(deleteBody, {
      version: /^\d+$/.test(query.version) ? Number(query.version) : query.version,
    }).version;
  }
  return parseInput(deleteBody, body(req)).version;
}

export function curationRoutes(store: GraphStore): Router {
  const r = Router();
  const curator = requireRole('curator');
  const id = (req: Request): string => parseInput(idSchema, req.params.id);

  r.post('/nodes', curator, async (req, res) => {
    const out = await createNode(store, actor(res), parseInput(nodeCreateBody, body(req)));
    res
      .status(201)
      .location(`/api/nodes/${encodeURIComponent(out.result!.id)}`)
      .json(out);
  });
  r.patch('/nodes/:id', curator, async (req, res) => {
    res.json(await updateNode(store, actor(res), id(req), parseInput(nodeUpdateBody, body(req))));
  });
  r.delete('/nodes/:id', curator, async (req, res) => {
    res.json(await deleteNode(store, actor(res), id(req), deleteVersion(req)));
  });
  r.post('/nodes/:id/merge', curator, async (req, res) => {
    res.json(await mergeNodes(store, actor(res), id(req), parseInput(mergeBody, body(req))));
  });

  r.post('/edges', curator, async (req, res) => {
    const out = await createEdge(store, actor(res), parseInput(edgeCreateBody, body(req)));
    res.status(201).json(out);
  });
  r.patch('/edges/:id', curator, async (req, res) => {
    res.json(await updateEdge(store, actor(res), id(req), parseInput(edgeUpdateBody, body(req))));
  });
  r.delete('/edges/:id', curator, async (req, res) => {
    res.json(await deleteEdge(store, actor(res), id(req), deleteVersion(req)));
  });

  r.post('/changes/:id/revert', curator, async (req, res) => {
    parseInput(z.object({}).strict().optional(), body(req));
    res.json(await revertChange(store, actor(res), id(req)));
  });
  r.post('/sources', curator, async (req, res) => {
    const out = await addSource(store, actor(res), parseInput(sourceCreateBody, body(req)));
    res
      .status(201)
      .location(`/api/sources/${encodeURIComponent(out.result!.id)}`)
      .json(out);
  });

  r.get('/nodes/:id/history', async (req, res) => {
    res.json(await listChanges(store, { targetId: id(req), ...parseInput(listQuery, singleQuery(req)) }));
  });
  r.get('/edges/:id/history', async (req, res) => {
    res.json(await listChanges(store, { targetId: id(req), ...parseInput(listQuery, singleQuery(req)) }));
  });
  r.get('/changes', async (req, res) => {
    res.json(await listChanges(store, { targetId: null, ...parseInput(listQuery, singleQuery(req)) }));
  });
  r.get('/deleted', async (req, res) => {
    res.json(await listDeleted(store, parseInput(deletedQuery, singleQuery(req)).limit));
  });
  r.get('/sources', async (req, res) => {
    parseInput(z.object({}).strict(), singleQuery(req));
    res.json(await allSources(store));
  });
  r.get('/sources/:id', async (req, res) => {
    res.json(await oneSource(store, id(req)));
  });
  return r;
}
