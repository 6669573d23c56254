// Request validation at the boundary: every route is registered through `route`, which parses its path
// parameters, query and body by the endpoint's schemas in the contract (contract/endpoints.ts) before the
// handler runs, the same way for every route. Errors name the field, or the unknown key, and what was expected.
import type { Request, Response, RequestHandler, Router } from 'express';
import { z } from 'zod';
import {
  ENDPOINTS,
  isGraphRule,
  NOTHING,
  type Endpoint,
  type EndpointKey,
  type RequestOf,
  type ResponseOf,
} from '../../../contract/index.js';
import { UnprocessableError, ValidationError } from '../errors.js';
import { sendJson } from './json-reply.js';

/** Which part of the request a schema reads: said in the message of an unknown key. */
export type RequestPart = 'params' | 'query' | 'body';

/** The object schema at `path` inside `schema` (through optional, nullable, default and pipe), if there is one. */
function objectAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodObject | null {
  let s: z.ZodType | undefined = schema;
  for (let i = 0; s && i <= path.length;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault)
      s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else if (s instanceof z.ZodObject) {
      if (i === path.length) return s;
      s = s.shape[String(path[i++])] as z.ZodType | undefined;
    } else if (s instanceof z.ZodArray && typeof path[i] === 'number') {
      s = s.element as z.ZodType;
      i++;
    } else return null;
  }
  return null;
}

function unknownKeyMessage(
  schema: z.ZodType,
  issue: z.core.$ZodIssueUnrecognizedKeys,
  part: RequestPart,
): string {
  const what = part === 'query' ? 'query key' : 'key';
  const keys = issue.keys.map((k) => `\`${k.slice(0, 60)}\``).join(', ');
  const allowed = Object.keys(objectAt(schema, issue.path)?.shape ?? {});
  const expected = allowed.length
    ? `expected only ${allowed.join(', ')}`
    : `this endpoint takes no ${part === 'query' ? 'query' : 'body'}`;
  return `unknown ${what}${issue.keys.length > 1 ? 's' : ''} ${keys}; ${expected}`;
}

/**
 * Parses `source` (one part of the request) with `schema`. The first problem becomes the error: an unknown key
 * (400 naming it), else a malformed value (400 naming its field), else a broken graph rule (422, its own words).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  source: unknown,
  part: RequestPart = 'body',
): z.output<S> {
  const r = schema.safeParse(source);
  if (r.success) return r.data;
  const { issues } = r.error;
  const issue =
    issues.find((i) => i.code === 'unrecognized_keys') ?? issues.find((i) => !isGraphRule(i)) ?? issues[0]!;
  const field = issue.path.map(String).join('.') || 'request';
  if (isGraphRule(issue)) throw new UnprocessableError(issue.message, field);
  const message = issue.code === 'unrecognized_keys' ? unknownKeyMessage(schema, issue, part) : issue.message;
  throw new ValidationError(`Invalid \`${field}\`: ${message}.`, field);
}

/** The query string with repeated keys refused, so `?limit=1&limit=2` is an error, not a surprise. */
export function singleQuery(req: Pick<RequestParts, 'query'>): Record<string, unknown> {
  for (const [k, v] of Object.entries(req.query as Record<string, unknown>)) {
    if (Array.isArray(v))
      throw new ValidationError(`Invalid \`${k}\`: expected a single value, got ${v.length}.`, k);
    if (v !== undefined && typeof v !== 'string')
      throw new ValidationError(`Invalid \`${k}\`: expected a plain value.`, k);
  }
  return req.query as Record<string, unknown>;
}

/** The parts of a request the contract reads: an Express request, or the read lane's (read-lane.ts). */
export interface RequestParts {
  params: Record<string, string | string[]>;
  query: unknown;
  body?: unknown;
}

/** A path parameter's name and the length bounds of its string schema (`z.string().min(a).max(b)`). */
export type ParamBounds = readonly (readonly [key: string, min: number, max: number])[];

/**
 * The bounds of a path-parameter schema whose fields are all plain strings checked by length alone (`idParams`:
 * `{id}`, 1-200 characters), else null: such a schema accepts exactly the objects with those keys whose values are
 * strings of those lengths, and returns them as they are. Anything more (a trim, a pattern, a refinement, coercion,
 * an optional field) leaves the schema to zod.
 */
export function paramBounds(schema: z.ZodType): ParamBounds | null {
  if (!(schema instanceof z.ZodObject)) return null;
  const catchall = schema._zod.def.catchall;
  if (catchall !== undefined && !(catchall instanceof z.ZodNever)) return null;
  const bounds: [string, number, number][] = [];
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if (!(field instanceof z.ZodString) || (field._zod.def as { coerce?: boolean }).coerce) return null;
    const checks = field._zod.def.checks ?? [];
    if (!checks.every((c) => ['min_length', 'max_length'].includes(c._zod.def.check))) return null;
    bounds.push([key, field.minLength ?? 0, field.maxLength ?? Infinity]);
  }
  return bounds;
}

const boundsOf = new Map<z.ZodType, ParamBounds | null>();

/**
 * The path parameters as `schema` would return them, checked without running zod where `paramBounds` says that is
 * exact; null when the check does not pass or cannot be made, for zod to parse them (and word the error). zod's
 * parse of `{id}` was the largest of the API's own costs before a node read's query (70-80 µs at the median between
 * one request and the next, with zod's code and data out of the CPU caches; a few µs in a loop).
 */
export function checkedParams(
  schema: z.ZodType,
  params: Record<string, string | string[]>,
): Record<string, string> | null {
  let bounds = boundsOf.get(schema);
  if (bounds === undefined) boundsOf.set(schema, (bounds = paramBounds(schema)));
  if (bounds === null || Object.keys(params).length !== bounds.length) return null;
  const out: Record<string, string> = {};
  for (const [key, min, max] of bounds) {
    const v = Object.hasOwn(params, key) ? params[key] : undefined;
    if (typeof v !== 'string' || v.length < min || v.length > max) return null;
    out[key] = v;
  }
  return out;
}

/** The path parameters parsed by `schema`: checked as `checkedParams` checks them where it can, else by zod. */
export const parseParams = (schema: z.ZodType, params: Record<string, string | string[]>): unknown =>
  checkedParams(schema, params) ?? parseInput(schema, { ...params }, 'params');

/** How many parsed query strings are kept (all endpoints together), and the longest query string kept. */
export const PARSED_QUERIES = { max: 256, maxLength: 512 };
/** `<endpoint key>?<query string>` → its parsed query, frozen (the oldest dropped first past PARSED_QUERIES.max). */
const parsedQueries = new Map<string, unknown>();

/** Freezes a parsed query and the arrays in it: a cached one is shared by every request that sent its string. */
function frozen(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  for (const v of Object.values(query)) if (Array.isArray(v)) Object.freeze(v);
  return Object.freeze(query);
}

/** What makes Express's URL parser (the `parseurl` package) read a URL by `url.parse` rather than as it stands. */
const REPARSED = /[\t\n\f\r #\u00a0\ufeff]/;

/**
 * The query string `req.query` is parsed from, as Express reads it from `url`: what follows the first `?` (or '').
 * Undefined where Express's URL parser would read the URL another way (not a path, a fragment, white space).
 */
export const queryString = (url: string): string | undefined => {
  if (url.charCodeAt(0) !== 0x2f || REPARSED.test(url)) return undefined;
  const q = url.indexOf('?');
  return q < 0 ? '' : url.slice(q + 1);
};

/**
 * Parses the three parts of `req` by `endpoint`: a part the endpoint does not take must be empty.
 *
 * With `rawQuery` (the query string `req.query` was parsed from) a query that parsed is kept per endpoint and string:
 * a query is a pure function of its string, and the page sends a handful of strings (`limit=50`, `limit=500`) for
 * every node it opens. Parsing it again on each request was the largest of the API's own costs before a read's
 * query could start (60-90 µs at the median between one request and the next, where other processes have run and
 * zod's code and data are out of the CPU caches; 2 µs in a loop). A query that fails is never kept: its error is
 * worked out again each time.
 */
export function parseRequest<K extends EndpointKey>(
  key: K,
  req: RequestParts,
  rawQuery?: string,
): RequestOf<K> {
  const e: Endpoint = ENDPOINTS[key];
  const params = e.params ? parseParams(e.params, req.params) : undefined;
  const cacheKey =
    e.query && rawQuery !== undefined && rawQuery.length <= PARSED_QUERIES.maxLength
      ? `${key}?${rawQuery}`
      : null;
  let query: unknown = cacheKey === null ? undefined : parsedQueries.get(cacheKey);
  if (query === undefined) {
    // Without a query string nothing was sent: `req.query` is empty, and need not be read (the lane parses it then).
    const sent = rawQuery === '' ? {} : singleQuery(req);
    if (e.query) query = parseInput(e.query, sent, 'query');
    // A part the endpoint does not take is checked only when something was sent (the common case costs nothing).
    else if (Object.keys(sent).length) parseInput(NOTHING, sent, 'query');
    if (cacheKey !== null) {
      if (parsedQueries.size >= PARSED_QUERIES.max) parsedQueries.delete(parsedQueries.keys().next().value!);
      parsedQueries.set(cacheKey, frozen(query));
    }
  }
  let body: unknown;
  if (e.body) body = parseInput(e.body, req.body ?? undefined, 'body');
  else if (req.body !== undefined) parseInput(NOTHING, req.body, 'body');
  return { params, query, body } as RequestOf<K>;
}

/** A route's use of its parsed request: returns the JSON answer, or (endpoints without one) ends `res` itself. */
export type Handler<K extends EndpointKey> = (
  input: RequestOf<K>,
  req: Request,
  res: Response,
) => Promise<ResponseOf<K>> | ResponseOf<K>;

/**
 * Registers endpoint `key` (`'GET /nodes/:id'`) on `router`: `guards` (role checks, limiters) run first, then the
 * request is parsed by the contract and `handle` is called; what it returns is sent as JSON (as `res.json` sends it,
 * json-reply.ts), with the status it set.
 */
export function route<K extends EndpointKey>(router: Router, key: K, handle: Handler<K>): void;
export function route<K extends EndpointKey>(
  router: Router,
  key: K,
  guards: readonly RequestHandler[],
  handle: Handler<K>,
): void;
export function route<K extends EndpointKey>(
  router: Router,
  key: K,
  ...args: [Handler<K>] | [readonly RequestHandler[], Handler<K>]
): void {
  const [guards, handle] = args.length === 1 ? [[], args[0]] : args;
  const [method, path] = key.split(' ') as [string, string];
  const withJson = ENDPOINTS[key].response !== null;
  // Only a query the endpoint parses is kept: the others need not have their string read out of the URL.
  const keepsQuery = (ENDPOINTS[key] as Endpoint).query !== undefined;
  const run: RequestHandler = async (req, res) => {
    const out = await handle(parseRequest(key, req, keepsQuery ? queryString(req.url) : undefined), req, res);
    if (withJson) sendJson(req, res, out);
  };
  const register = router[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'].bind(router);
  register(path, ...guards, run);
}
