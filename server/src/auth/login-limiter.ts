// Rate limits on POST /api/auth/login: failed attempts per client IP and per username (429 RATE_LIMITED).
import type { RequestHandler } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import { AppError } from '../errors.js';
import { usernameKey } from '../store/user-store.js';
import type { LoginLimits } from './auth-settings.js';

/** 429 RATE_LIMITED, saying when to retry. */
export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super(
      'RATE_LIMITED',
      429,
      `Too many failed logins; try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minute(s).`,
    );
    this.name = 'RateLimitedError';
  }
}

/**
 * Two limiters in a row: per IP (behind a proxy, set TRUST_PROXY so the client's address is used) and per
 * username (so one account cannot be guessed at from many addresses). Only failed logins count, so people
 * who type their password right are never slowed. Counters live in this process's memory: with several
 * server processes each one limits on its own.
 */
export function loginLimiters(limits: LoginLimits): RequestHandler[] {
  const common = {
    windowMs: limits.windowMs,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8' as const,
    legacyHeaders: false,
    handler: ((req, _res, next) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      next(new RateLimitedError(reset ? (reset.getTime() - Date.now()) / 1000 : limits.windowMs / 1000));
    }) as RequestHandler,
  };
  const perIp = rateLimit({
    ...common,
    limit: limits.perIp,
    keyGenerator: (req) => `ip:${ipKeyGenerator(req.ip ?? '')}`,
  });
  const perUsername = rateLimit({
    ...common,
    limit: limits.perUsername,
    keyGenerator: (req) => {
      const name = (req.body as { username?: unknown } | undefined)?.username;
      return `user:${typeof name === 'string' ? usernameKey(name.trim()).slice(0, 100) : ''}`;
    },
  });
  return [perIp, perUsername];
}
