// Request rate limits on /api: per client address and per logged-in user (429 RATE_LIMITED with Retry-After).
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

function limiter(
  which: 'address' | 'user',
  limit: number,
  windowMs: number,
  key: (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) => string | undefined,
): RequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req, res) => limit === 0 || exempt(req.path) || key(req, res) === undefined,
    keyGenerator: (req, res) => key(req, res)!,
    handler: (req, _res, next) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = Math.max(1, Math.ceil(reset ? (reset.getTime() - Date.now()) / 1000 : windowMs / 1000));
      next(new TooManyRequestsError(which, limit, windowMs, seconds));
    },
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
