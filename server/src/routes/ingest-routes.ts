// Ingest endpoints (curators): add an article (JSON or an uploaded file) with its extraction, read and rerun the
// extraction, list the suggestions, and decide them (accept with edits, reject, link, accept all of a kind).
import { Router, type Request, type Response } from 'express';
import type { AuthUser } from '../../../contract/index.js';
import { requireRole } from '../auth/roles.js';
import { addArticle } from '../services/ingest/add-source.js';
import {
  acceptSuggestion,
  linkSuggestion,
  rejectSuggestion,
  type DecisionContext,
} from '../services/ingest/decide.js';
import { acceptAll, extractionOf, listSuggestions, startExtraction } from '../services/ingest/review.js';
import { articleUpload } from '../services/ingest/source-upload.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { route } from './validate.js';

/** The curator behind a write (requireRole ran first, so there is one). */
const actor = (res: Response): AuthUser => res.locals.user!;
/** A person's decision in the review. */
const byHand = (res: Response): DecisionContext => ({ actor: actor(res), automatic: false });

export function ingestRoutes(store: GraphStore): Router {
  const r = Router();
  const curator = [requireRole('curator')];

  route(r, 'POST /sources', [...curator, articleUpload], async ({ body }, req: Request, res) => {
    const out = await addArticle(store, actor(res), body, { logger: req.log });
    res.status(out.complete ? 201 : 202).location(`/api/sources/${encodeURIComponent(out.body.result!.id)}`);
    return out.body;
  });
  route(r, 'GET /sources/:id/extraction', curator, ({ params }) => extractionOf(store, params.id));
  route(r, 'POST /sources/:id/extraction', curator, async ({ params }, req, res) => {
    const out = await startExtraction(store, actor(res), params.id, req.log);
    res.status(202);
    return out;
  });
  route(r, 'GET /sources/:id/suggestions', curator, ({ params, query }) =>
    listSuggestions(store, params.id, query),
  );
  route(r, 'POST /sources/:id/suggestions/accept', curator, ({ params, body }, _req, res) =>
    acceptAll(store, byHand(res), params.id, body),
  );
  route(r, 'POST /suggestions/:id/accept', curator, ({ params, body }, _req, res) =>
    acceptSuggestion(store, byHand(res), params.id, body ?? {}),
  );
  route(r, 'POST /suggestions/:id/reject', curator, ({ params, body }, _req, res) =>
    rejectSuggestion(store, byHand(res), params.id, body?.note),
  );
  route(r, 'POST /suggestions/:id/link', curator, ({ params, body }, _req, res) =>
    linkSuggestion(store, byHand(res), params.id, body.nodeId),
  );
  return r;
}
