// The error answer every 4xx and 5xx carries: `{error: {code, message, field?, ...}}`, codes from one list.
import { z } from 'zod';

export const ERROR_CODES = [
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNPROCESSABLE',
  'DATABASE_UNAVAILABLE',
  'INTERNAL',
  /** Console: the query would write, administer or read files. */
  'WRITE_REFUSED',
  /** Console: the query does not parse or fails to plan (message from Neo4j). */
  'CYPHER_ERROR',
  /** Console: the query ran past the timeout and was stopped. */
  'QUERY_TIMEOUT',
  /** Too many requests (login attempts, ...); retry after the time the message gives. */
  'RATE_LIMITED',
  /** A write with a cookie session lacks a valid `X-CSRF-Token` header. */
  'CSRF_FAILED',
  /** The URL and headers are past Node's limit (431), answered before routing. */
  'HEADERS_TOO_LARGE',
  /** 503: the query waited past DB_QUEUE_TIMEOUT_MS for one of the DB_MAX_CONCURRENT_QUERIES slots; retry shortly. */
  'BUSY',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorResponse = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    /** The request field at fault, as a path (`scene.nodes.0.x`), or `request` for the request as a whole. */
    field: z.string().optional(),
    /** With a 409: the current state of what the request was based on, so the client can reapply. */
    current: z.unknown().optional(),
    /** With a 413: the largest body accepted here, in bytes; with a 429: how many requests the rate limit allows. */
    limit: z.number().optional(),
    /** With a 429: when to retry, as the Retry-After header says. */
    retryAfterSeconds: z.number().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
