// POST /export (a body) and GET /export (a download link): the format and exactly one source of the subgraph.
import { z } from 'zod';
import { cypherParamsSchema, idSchema } from './fields.js';
import { cypherTextSchema } from './console.js';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMAT_VARIANTS, EXPORT_VARIANT_NAMES } from './limits.js';

const formatSchema = z.enum(EXPORT_FORMAT_NAMES, {
  message: `expected one of ${EXPORT_FORMAT_NAMES.join(', ')}`,
});
const variantSchema = z.enum(EXPORT_VARIANT_NAMES, {
  message: `expected one of ${EXPORT_VARIANT_NAMES.join(', ')}`,
});
const sourceKeys = ['nodeIds', 'workspace', 'query'] as const;

const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(' or ');

/** A `variant` must be one its format takes (briefing: html/markdown; csv: neo4j-admin/spreadsheet). */
function variantFits(body: { format: string; variant?: string }, ctx: z.RefinementCtx): void {
  if (body.variant === undefined) return;
  const allowed = EXPORT_FORMAT_VARIANTS[body.format as keyof typeof EXPORT_FORMAT_VARIANTS] ?? [];
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

/**
 * Body of POST /api/export: the format and exactly one source of the subgraph: business-key
 * `nodeIds` (those nodes and the relationships among them), a saved `workspace` id, or a
 * read-only console `query` (with `params`) whose nodes are exported.
 */
export const exportBody = z
  .object(
    {
      format: formatSchema,
      nodeIds: z
        .array(idSchema, { message: 'expected a list of node ids' })
        .min(1, 'expected at least one node id')
        .optional(),
      workspace: idSchema.optional(),
      query: cypherTextSchema.optional(),
      params: cypherParamsSchema.optional(),
      /** briefing: `markdown` or `html` (default html); csv: `neo4j-admin` (default) or `spreadsheet`. */
      variant: variantSchema.optional(),
      /** briefing only: the document's title. */
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
export type ExportRequest = z.infer<typeof exportBody>;

/** GET /api/export: the same without a query (`nodeIds` comma-separated), for a plain download link. */
export const exportQuery = z
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
export type ExportQuery = z.infer<typeof exportQuery>;
