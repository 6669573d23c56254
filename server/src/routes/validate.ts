// Request validation at the boundary: one zod schema per endpoint, errors that name the field.
import { z } from 'zod';
import type { Request } from 'express';
import { ValidationError } from '../errors.js';
import { isNodeLabel, isRelationshipType, NODE_LABELS, RELATIONSHIP_TYPE_NAMES } from '../schema.js';

/** Parses `source` with `schema`; the first problem becomes a ValidationError naming its field. */
export function parseInput<S extends z.ZodType>(schema: S, source: unknown): z.infer<S> {
  const r = schema.safeParse(source);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.join('.') || 'request';
  throw new ValidationError(`Invalid \`${field}\`: ${issue.message}.`, field);
}

/** The query string with repeated keys refused, so `?limit=1&limit=2` is an error, not a surprise. */
export function singleQuery(req: Request): Record<string, unknown> {
  for (const [k, v] of Object.entries(req.query)) {
    if (Array.isArray(v))
      throw new ValidationError(`Invalid \`${k}\`: expected a single value, got ${v.length}.`, k);
    if (v !== undefined && typeof v !== 'string')
      throw new ValidationError(`Invalid \`${k}\`: expected a plain value.`, k);
  }
  return req.query as Record<string, unknown>;
}

/** A business-key id such as `country:uk`. */
export const idSchema = z
  .string({ message: 'expected a node id such as "country:uk"' })
  .min(1, 'expected a node id such as "country:uk"')
  .max(200, 'expected at most 200 characters');

/** An integer in [min, max] given as a query-string value. */
export function intInRange(min: number, max: number, dflt: number) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return dflt;
      const n = Number(v);
      if (!/^-?\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `expected an integer from ${min} to ${max}, got "${v.slice(0, 40)}"`,
        });
        return z.NEVER;
      }
      return n;
    });
}

/** A yes/no switch given as a query-string value: `true` or `false` (absent or empty: `dflt`). */
export function booleanFlag(dflt: boolean) {
  return z
    .union([z.literal(''), z.enum(['true', 'false'])], { message: 'expected "true" or "false"' })
    .optional()
    .transform((v) => (v === undefined || v === '' ? dflt : v === 'true'));
}

function csvOf(what: string, allowed: readonly string[], check: (s: string) => boolean) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === '') return undefined;
      const items = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = items.find((s) => !check(s));
      if (bad !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `unknown ${what} "${bad.slice(0, 60)}"; expected a comma-separated list of ${allowed.join(', ')}`,
        });
        return z.NEVER;
      }
      return items;
    });
}

/** A comma-separated list of relationship types from the schema's allow-list. */
export const relTypesSchema = csvOf('relationship type', RELATIONSHIP_TYPE_NAMES, isRelationshipType);
/** A comma-separated list of node labels from the schema's allow-list. */
export const labelsSchema = csvOf('label', NODE_LABELS, isNodeLabel);
