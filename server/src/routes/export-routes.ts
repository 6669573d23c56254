// POST /api/export and GET /api/export (a download link): validate, plan (all checks), then stream the format.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { GraphStore } from '../store/neo4j-store.js';
import {
  EXPORT_DEFAULTS,
  planExport,
  type ExportLimits,
  type ExportPlan,
  type ExportSource,
} from '../services/export/export-service.js';
import { FORMAT_NAMES, FORMAT_VARIANTS, VARIANT_NAMES } from '../services/export/formats.js';
import { ClientGoneError, responseSink } from '../services/export/sink.js';
import { idSchema, parseInput, singleQuery } from './validate.js';
import { readableWorkspace } from '../services/workspaces.js';
import { workspaceCaller } from '../auth/workspace-caller.js';

/** A saved query is longer than anything typed by hand; the console allows the same. */
const MAX_QUERY_CHARS = 20_000;

const formatSchema = z.enum(FORMAT_NAMES, { message: `expected one of ${FORMAT_NAMES.join(', ')}` });
const sourceKeys = ['nodeIds', 'workspace', 'query'] as const;
const variantSchema = z.enum(VARIANT_NAMES, { message: `expected one of ${VARIANT_NAMES.join(', ')}` });

const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(' or ');

/** A `variant` must be one its format takes (briefing: markdown/html; csv: neo4j-admin/spreadsheet). */
function variantFits(body: { format: string; variant?: string }, ctx: z.RefinementCtx): void {
  if (body.variant === undefined) return;
  const allowed = FORMAT_VARIANTS[body.format as keyof typeof FORMAT_VARIANTS] ?? [];
  if (!allowed.includes(body.variant as never))
    ctx.addIssue({
      code: 'custom',
      path: ['variant'],
      message: allowed.length
        ? `expected ${quoted(allowed)} for format ${body.format}`
        : `expected no variant for format ${body.format}`,
    });
}

/** Both refinements of a request: one source, and a variant its format takes. */
function checkRequest(
  body: Record<string, unknown> & { format: string; variant?: string },
  ctx: z.RefinementCtx,
): void {
  oneSource(body, ctx);
  variantFits(body, ctx);
}

/** Exactly one of nodeIds, workspace or query; `params` only with a query. */
function oneSource(body: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const given = sourceKeys.filter((k) => body[k] !== undefined);
  if (given.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: [given[1] ?? 'nodeIds'],
      message: given.length
        ? `expected exactly one of nodeIds, workspace or query, got ${given.join(' and ')}`
        : 'expected one of nodeIds, workspace or query',
    });
  } else if (body.params !== undefined && given[0] !== 'query') {
    ctx.addIssue({ code: 'custom', path: ['params'], message: 'expected params only with a query' });
  }
}

const exportBody = z
  .object(
    {
      format: formatSchema,
      nodeIds: z
        .array(idSchema, { message: 'expected a list of node ids' })
        .min(1, 'expected at least one node id')
        .optional(),
      workspace: idSchema.optional(),
      query: z
        .string({ message: 'expected the Cypher text as a string' })
        .trim()
        .min(1, 'expected a Cypher query')
        .max(MAX_QUERY_CHARS, `expected at most ${MAX_QUERY_CHARS} characters`)
        .optional(),
      params: z
        .record(
          z
            .string()
            .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected parameter names made of letters, digits and _'),
          z.unknown(),
          { message: 'expected an object of parameter values' },
        )
        .optional(),
      variant: variantSchema.optional(),
      title: z
        .string({ message: 'expected a title' })
        .trim()
        .min(1, 'expected a non-empty title')
        .max(200, 'expected at most 200 characters')
        .optional(),
    },
    { message: 'expected a JSON object with `format` and one of `nodeIds`, `workspace` or `query`' },
  )
  .strict()
  .superRefine(checkRequest);

const exportQuery = z
  .object({
    format: formatSchema,
    nodeIds: z
      .string()
      .optional()
      .transform((v) =>
        v === undefined
          ? undefined
          : v
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
      )
      .pipe(z.array(idSchema).min(1, 'expected a comma-separated list of node ids').optional()),
    workspace: idSchema.optional(),
    variant: variantSchema.optional(),
    title: z
      .string()
      .trim()
      .min(1, 'expected a non-empty title')
      .max(200, 'expected at most 200 characters')
      .optional(),
  })
  .strict()
  .superRefine(checkRequest);

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
  r.post('/export', async (req, res) => {
    const body = parseInput(exportBody, req.body ?? undefined);
    // A private workspace exports only for those who may open it.
    if (body.workspace !== undefined)
      await readableWorkspace(store, workspaceCaller(req, res), body.workspace, 'workspace');
    await stream(
      req,
      res,
      await planExport(
        store,
        body.format,
        sourceOf(body),
        { variant: body.variant, title: body.title },
        limits,
      ),
    );
  });
  r.get('/export', async (req, res) => {
    const q = parseInput(exportQuery, singleQuery(req));
    // A private workspace exports only for those who may open it.
    if (q.workspace !== undefined)
      await readableWorkspace(store, workspaceCaller(req, res), q.workspace, 'workspace');
    await stream(
      req,
      res,
      await planExport(store, q.format, sourceOf(q), { variant: q.variant, title: q.title }, limits),
    );
  });
  return r;
}
