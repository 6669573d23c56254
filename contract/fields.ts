// Field schemas the endpoints share: ids, integers and lists in query strings, texts, versions, and the
// marker that turns a broken graph rule into a 422 instead of a 400.
import { z } from 'zod';
import { isNodeLabel, isRelationshipType, NODE_LABELS, RELATIONSHIP_TYPE_NAMES } from '../model/index.js';

/**
 * Issue params of a broken graph rule (a label a curator may not create, a new fact without evidence): the
 * request is well-formed, so it is answered 422 UNPROCESSABLE with the issue's message as it is, not 400.
 */
export const GRAPH_RULE = { status: 422 } as const;

/** True for an issue raised by `graphRule` (see GRAPH_RULE). */
export function isGraphRule(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && (issue.params as { status?: unknown } | undefined)?.status === 422;
}

/** Reports a broken graph rule from inside a transform; `message` is the whole sentence sent to the client. */
export function graphRule(ctx: z.RefinementCtx, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: GRAPH_RULE });
  return z.NEVER;
}

/** The empty object: the body or query of an endpoint that takes none (any key is refused by name). */
export const NOTHING = z.object({}, { message: 'expected no body, or an empty object' }).strict();

/** A business-key id such as `country:uk`. */
export const idSchema = z
  .string({ message: 'expected a node id such as "country:uk"' })
  .min(1, 'expected a node id such as "country:uk"')
  .max(200, 'expected at most 200 characters');

/** `{id}`: the path parameter of every `/…/:id` route. */
export const idParams = z.object({ id: idSchema }).strict();

/** An integer in [min, max] given as a query-string value; absent or empty means `dflt`. */
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

/** A comma-separated list of relationship types from the model's allow-list. */
export const relTypesSchema = csvOf('relationship type', RELATIONSHIP_TYPE_NAMES, isRelationshipType);
/** A comma-separated list of node labels from the model's allow-list. */
export const labelsSchema = csvOf('label', NODE_LABELS, isNodeLabel);

/** A threat by id, name or alias (the server resolves it, with its sub-threats). */
export const threatSchema = z
  .string({ message: 'expected a threat id or name' })
  .trim()
  .min(1, 'expected a threat id or name')
  .max(200, 'expected at most 200 characters');

/** A string of at most `max` characters. */
export const text = (what: string, max: number) =>
  z.string({ message: `expected ${what} as a string` }).max(max, `expected at most ${max} characters`);
/** A trimmed, non-empty string of at most `max` characters. */
export const nonEmpty = (what: string, max: number) =>
  text(what, max).trim().min(1, `expected a non-empty ${what}`);

/** The version a write is based on (409 when stale); `what` says where it came from ("read", "opened"). */
export const versionSchema = (what: string) =>
  z
    .number({ message: `expected the version you ${what}, as a number` })
    .int('expected an integer version')
    .min(1, 'expected a version >= 1');

/** Cypher parameters by name (console and export): any JSON value, under names Cypher accepts. */
export const cypherParamsSchema = z.record(
  z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected parameter names made of letters, digits and _'),
  // The body came through JSON.parse, so every value is JSON; only its depth needs a bound (where it matters).
  z.unknown(),
  { message: 'expected an object of parameter values' },
);
