// Request rate limits on /api: per client address and per logged-in user (429 RATE_LIMITED with Retry-After).
import { hash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { AppError } from './errors.js';

/** Requests per window (0 turns a limit off). Counters live in this process's memory: each server process limits on its own. */
export interface RateLimits {
  /** Per client IP (behind a proxy, TRUST_PROXY must be set or every client shares the proxy's address). RATE_LIMIT_PER_MINUTE. */
  perIp: number;
  /** Per logged-in user, whatever address they come from. RATE_LIMIT_USER_PER_MINUTE. */
  perUser: number;
  /** The window the counts are over (one minute; tests shorten it). */
  windowMs: number;
}

/**
 * 1,000 requests a second from one address and 200 a second for one user: far above what a person's browser
 * sends (a busy explorer session is a few requests a second) and above the benchmark (32 connections, about
 * 500 requests a second from one address), so only runaway scripts and floods are slowed.
 */
export const RATE_LIMIT_DEFAULTS: RateLimits = { perIp: 60_000, perUser: 12_000, windowMs: 60_000 };

/** 429 RATE_LIMITED: the message says which limit and when to retry (the Retry-After header says it in seconds). */
export class TooManyRequestsError extends AppError {
  constructor(which: 'address' | 'user', limit: number, windowMs: number, retryAfterSeconds: number) {
    super(
      'RATE_LIMITED',
      429,
      `Too many requests from this ${which}: at most ${limit} per ${windowMs / 1000} s; retry in ${retryAfterSeconds} s.`,
      undefined,
      true,
      { limit, retryAfterSeconds },
    );
    this.name = 'TooManyRequestsError';
  }
}

/** Health checks (load balancers, the reliability runner) are never limited. */
const exempt = (path: string): boolean => path === '/health';

/**
 * The draft-8 partition key express-rate-limit writes for `key` (the first 12 hex digits of its SHA-256, in
 * base64), kept per key: hashing it again on every request was half of the limiter's cost on a small read.
 */
const partitionKeys = new Map<string, string>();
function partitionKey(key: string): string {
  let pk = partitionKeys.get(key);
  if (pk === undefined) {
    if (partitionKeys.size >= 10_000) partitionKeys.clear();
    pk = Buffer.from(hash('sha256', key, 'hex').slice(0, 12)).toString('base64');
    partitionKeys.set(key, pk);
  }
  return pk;
}

/** express-rate-limit's default policy name: `<limit>-in-<window>` (`60000-in-1min`). */
function policyName(limit: number, windowMs: number): string {
  const seconds = windowMs / 1000;
  const minutes = seconds / 60;
  const hours = minutes / 60;
  const days = hours / 24;
  const window =
    seconds < 60
      ? `${seconds}sec`
      : minutes < 60
        ? `${minutes}min`
        : hours < 24
          ? `${hours}hr${hours > 1 ? 's' : ''}`
          : `${days}day${days > 1 ? 's' : ''}`;
  return `${limit}-in-${window}`;
}

/**
 * Set to true on a request by the read lane: the limiter then leaves its headers on the response, under the same
 * symbol, as a function the lane calls while the query runs, instead of setting them before the query starts.
 */
export const RATE_LIMIT_HEADERS = Symbol('rate limit headers later');
/** A request that asks for the headers later (the read lane's). */
export interface DefersRateLimitHeaders {
  [RATE_LIMIT_HEADERS]?: true;
}
/** Its response, holding them until the lane sets them. */
export interface PendingRateLimitHeaders {
  [RATE_LIMIT_HEADERS]?: () => void;
}

/** What express-rate-limit leaves on the request it counted (`requestPropertyName`). */
interface Counted {
  limit: number;
  remaining: number;
  resetTime?: Date;
  key: string;
}

function limiter(
  which: 'address' | 'user',
  limit: number,
  windowMs: number,
  key: (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) => string | undefined,
): RequestHandler {
  // Each limiter leaves its count under its own name, so one limiter's wrapper never reads the other's.
  const property = which === 'address' ? 'rateLimit' : 'userRateLimit';
  const name = policyName(limit, windowMs);
  const windowSeconds = Math.ceil(windowMs / 1000);
  const resetSeconds = (info: Counted): number =>
    info.resetTime ? Math.max(0, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000)) : windowSeconds;
  // The library's draft-8 RateLimit and RateLimit-Policy headers, byte for byte (tests/server/limits.test.ts
  // compares them with the library's own), with the partition key kept per key instead of hashed per request.
  const setHeaders = (res: ServerResponse, info: Counted): void => {
    if (res.headersSent) return;
    res.appendHeader('RateLimit', `"${name}"; r=${info.remaining}; t=${resetSeconds(info)}`);
    res.appendHeader(
      'RateLimit-Policy',
      `"${name}"; q=${info.limit}; w=${windowSeconds}; pk=:${partitionKey(info.key)}:`,
    );
  };
  const counted = (req: Parameters<RequestHandler>[0]): Counted | undefined =>
    (req as unknown as Record<string, Counted | undefined>)[property];
  const count = rateLimit({
    windowMs,
    limit,
    requestPropertyName: property,
    // The headers are set below (the library's draft-8 headers hash the partition key on every request).
    standardHeaders: false,
    legacyHeaders: false,
    skip: (req, res) => limit === 0 || exempt(req.path) || key(req, res) === undefined,
    keyGenerator: (req, res) => key(req, res)!,
    handler: (req, res, next) => {
      const info = counted(req)!;
      setHeaders(res, info);
      const retryAfter = resetSeconds(info);
      if (!res.headersSent) res.setHeader('Retry-After', String(retryAfter));
      next(new TooManyRequestsError(which, limit, windowMs, Math.max(1, retryAfter)));
    },
  });
  return (req, res, next) =>
    void count(req, res, (err?: unknown) => {
      // Counted and let through: its headers (a refused request got them in `handler`).
      const info = err === undefined ? counted(req) : undefined;
      if (info && (req as DefersRateLimitHeaders)[RATE_LIMIT_HEADERS])
        (res as PendingRateLimitHeaders)[RATE_LIMIT_HEADERS] = () => setHeaders(res, info);
      else if (info) setHeaders(res, info);
      next(err);
    });
}

/** Mount `perIp` before authentication (it protects the session lookup too) and `perUser` after it. */
export function apiRateLimits(limits: RateLimits = RATE_LIMIT_DEFAULTS): {
  perIp: RequestHandler;
  perUser: RequestHandler;
} {
  const perUser = limiter('user', limits.perUser, limits.windowMs, (_req, res) =>
    res.locals.user ? `user:${res.locals.user.username}` : undefined,
  );
  return {
    perIp: limiter('address', limits.perIp, limits.windowMs, (req) => `ip:${ipKeyGenerator(req.ip ?? '')}`),
    // An anonymous request (or a limit turned off) is skipped before the limiter's own chain of awaits, which
    // would reach the same `skip` and count nothing.
    perUser:
      limits.perUser === 0
        ? (_req, _res, next) => next()
        : (req, res, next) => (res.locals.user ? perUser(req, res, next) : next()),
  };
}
