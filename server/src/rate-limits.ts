// Request rate limits on /api: per client address and per logged-in user (429 RATE_LIMITED with Retry-After).
import { hash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
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

/** `derive(key)`, kept per key (up to 10,000 keys, then forgotten all at once). */
function keptPerKey(derive: (key: string) => string): (key: string) => string {
  const kept = new Map<string, string>();
  return (key) => {
    let v = kept.get(key);
    if (v === undefined) {
      if (kept.size >= 10_000) kept.clear();
      v = derive(key);
      kept.set(key, v);
    }
    return v;
  };
}

/**
 * The draft-8 partition key express-rate-limit writes for `key` (the first 12 hex digits of its SHA-256, in
 * base64), kept per key: hashing it again on every request was half of the limiter's cost on a small read.
 */
const partitionKey = keptPerKey((key) =>
  Buffer.from(hash('sha256', key, 'hex').slice(0, 12)).toString('base64'),
);

/**
 * The library's key for a client address (an IPv6 address's /56 network, an IPv4-mapped one's IPv4 address), kept
 * per address: parsing an IPv6 address takes about 9 µs, a server listening on `::` would pay it on every request.
 */
const addressKey = keptPerKey((ip) => `ip:${ipKeyGenerator(ip)}`);

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

/** A key's hits in its current window, and when that window ends (ms since the epoch). */
interface Window {
  hits: number;
  resetTime: number;
}

/**
 * Hit counts per key over fixed windows, kept as express-rate-limit's MemoryStore keeps them: a key's window starts
 * at its first hit and lasts `windowMs`; a hit after it starts a new one; keys not seen for a whole window are
 * dropped in bulk (two maps, swapped every `windowMs`). What differs is that a hit is counted at once: the library's
 * middleware awaits its skip test, key, store and limit in turn, and on a 2 ms read that chain, before the query can
 * start, was 4–7% of the answer (the API benchmark's open_node against its floor, the lane without the limiter).
 */
class FixedWindows {
  private current = new Map<string, Window>();
  private previous = new Map<string, Window>();

  constructor(private readonly windowMs: number) {
    setInterval(() => {
      this.previous = this.current;
      this.current = new Map();
    }, windowMs).unref();
  }

  hit(key: string, now: number): Window {
    let w = this.current.get(key);
    if (w === undefined) {
      w = this.previous.get(key) ?? { hits: 0, resetTime: now + this.windowMs };
      this.previous.delete(key);
      this.current.set(key, w);
    }
    if (w.resetTime <= now) {
      w.hits = 0;
      w.resetTime = now + this.windowMs;
    }
    w.hits++;
    return w;
  }
}

/**
 * One limit as Express middleware (counts the request, sets its RateLimit headers, and passes it on or refuses it
 * with 429), and the same count for the read lane as a plain call.
 */
export interface RequestLimit extends RequestHandler {
  /**
   * Counts `req` at once: the refusal (its RateLimit and Retry-After headers set), or, for a request let through,
   * a function that sets its RateLimit headers (the lane calls it while the query runs); undefined when the limit
   * does not apply (turned off, an exempt path, no key).
   */
  check(
    req: Parameters<RequestHandler>[0],
    res: Parameters<RequestHandler>[1],
  ): TooManyRequestsError | (() => void) | undefined;
}

function limiter(
  which: 'address' | 'user',
  limit: number,
  windowMs: number,
  key: (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) => string | undefined,
): RequestLimit {
  const name = policyName(limit, windowMs);
  const windowSeconds = Math.ceil(windowMs / 1000);
  const windows = new FixedWindows(windowMs);
  // The library's draft-8 RateLimit and RateLimit-Policy headers, byte for byte (tests/server/limits.test.ts
  // compares them with the library's own), with the partition key kept per key instead of hashed per request.
  const setHeaders = (res: ServerResponse, k: string, remaining: number, resetSeconds: number): void => {
    if (res.headersSent) return;
    res.appendHeader('RateLimit', `"${name}"; r=${remaining}; t=${resetSeconds}`);
    res.appendHeader(
      'RateLimit-Policy',
      `"${name}"; q=${limit}; w=${windowSeconds}; pk=:${partitionKey(k)}:`,
    );
  };
  const check: RequestLimit['check'] = (req, res) => {
    if (limit === 0 || exempt(req.path)) return undefined;
    const k = key(req, res);
    if (k === undefined) return undefined;
    const now = Date.now();
    const w = windows.hit(k, now);
    const remaining = Math.max(limit - w.hits, 0);
    const resetSeconds = Math.max(0, Math.ceil((w.resetTime - now) / 1000));
    if (w.hits <= limit) return () => setHeaders(res, k, remaining, resetSeconds);
    setHeaders(res, k, remaining, resetSeconds);
    if (!res.headersSent) res.setHeader('Retry-After', String(resetSeconds));
    return new TooManyRequestsError(which, limit, windowMs, Math.max(1, resetSeconds));
  };
  const middleware: RequestHandler = (req, res, next) => {
    const verdict = check(req, res);
    if (typeof verdict === 'function') verdict();
    next(verdict instanceof TooManyRequestsError ? verdict : undefined);
  };
  return Object.assign(middleware, { check });
}

/** Mount `perIp` before authentication (it protects the session lookup too) and `perUser` after it. */
export function apiRateLimits(limits: RateLimits = RATE_LIMIT_DEFAULTS): {
  perIp: RequestLimit;
  perUser: RequestHandler;
} {
  const perUser = limiter('user', limits.perUser, limits.windowMs, (_req, res) =>
    res.locals.user ? `user:${res.locals.user.username}` : undefined,
  );
  return {
    perIp: limiter('address', limits.perIp, limits.windowMs, (req) => addressKey(req.ip ?? '')),
    // Anonymous requests (nearly all reads) and a limit turned off pass straight on.
    perUser:
      limits.perUser === 0
        ? (_req, _res, next) => next()
        : (req, res, next) => (res.locals.user ? perUser(req, res, next) : next()),
  };
}
