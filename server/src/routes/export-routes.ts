// POST /api/export and GET /api/export (a download link): validate, plan (all checks), then stream the format.
import { Router, type Request, type Response } from 'express';
import type { GraphStore } from '../store/neo4j-store.js';
import {
  EXPORT_DEFAULTS,
  planExport,
  type ExportLimits,
  type ExportPlan,
  type ExportSource,
} from '../services/export/export-service.js';
import { ClientGoneError, responseSink } from '../services/export/sink.js';
import { readableWorkspace } from '../services/workspaces.js';
import { workspaceCaller } from '../auth/workspace-caller.js';
import { route } from './validate.js';

function sourceOf(v: {
  nodeIds?: string[];
  workspace?: string;
  query?: string;
  params?: Record<string, unknown>;
}): ExportSource {
  if (v.nodeIds) return { kind: 'nodeIds', nodeIds: v.nodeIds };
  if (v.workspace !== undefined) return { kind: 'workspace', workspace: v.workspace };
  return { kind: 'query', query: v.query!, params: v.params ?? {} };
}

/** Headers first (type, dated attachment name, element counts for progress; no Content-Length), then the chunks. */
async function stream(req: Request, res: Response, plan: ExportPlan): Promise<void> {
  res.status(200);
  const { contentType } = plan.spec;
  res.setHeader('Content-Type', typeof contentType === 'function' ? contentType(plan.meta) : contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${plan.filename}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Export-Nodes', String(plan.graph.nodes.length));
  res.setHeader('X-Export-Relationships', String(plan.graph.edges.length));
  res.flushHeaders();
  try {
    await plan.spec.write(plan.graph, responseSink(res), plan.meta);
    res.end();
  } catch (err) {
    if (err instanceof ClientGoneError) {
      req.log?.info('export: client left before the end');
      return;
    }
    // Headers are gone: the only honest signal left is a cut connection (the download fails, never looks complete).
    req.log?.error({ err }, 'export failed while streaming');
    res.destroy();
  }
}

export function exportRoutes(store: GraphStore, limits: ExportLimits = EXPORT_DEFAULTS): Router {
  const r = Router();
  route(r, 'POST /export', async ({ body }, req, res) => {
    const { format, variant, title } = body;
    // A private workspace exports only for those who may open it.
    if (body.workspace !== undefined)
      await readableWorkspace(store, workspaceCaller(req, res), body.workspace, 'workspace');
    await stream(req, res, await planExport(store, format, sourceOf(body), { variant, title }, limits));
  });
  route(r, 'GET /export', async ({ query }, req, res) => {
    const { format, variant, title } = query;
    // A private workspace exports only for those who may open it.
    if (query.workspace !== undefined)
      await readableWorkspace(store, workspaceCaller(req, res), query.workspace, 'workspace');
    await stream(req, res, await planExport(store, format, sourceOf(query), { variant, title }, limits));
  });
  return r;
}
