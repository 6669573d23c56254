// Authentication middleware: who is calling (session cookie or bearer token) and the CSRF check.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { findSession, type SessionKind } from '../store/user-store.js';
import { UnauthorizedError } from './roles.js';
import { sameSecret, tokenHash } from './session-token.js';

/** The session cookie's name. */
export const SESSION_COOKIE = 'sid';
/** The header every cookie-authenticated write must carry. */
export const CSRF_HEADER = 'x-csrf-token';

declare global {
  namespace Express {
    interface Locals {
      /** The session behind `user`: its token hash (for logout), CSRF token and transport. */
      session?: { hash: string; csrfToken: string; kind: SessionKind };
    }
  }
}

/** 403 CSRF_FAILED: a write with a cookie session lacks the matching `X-CSRF-Token` header. */
export class CsrfError extends AppError {
  constructor() {
    super(
      'CSRF_FAILED',
      403,
      'Missing or wrong X-CSRF-Token header: send the csrfToken from login or GET /api/auth/me with every write.',
      'X-CSRF-Token',
    );
    this.name = 'CsrfError';
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The token of an `Authorization: Bearer <token>` header; undefined when there is none. */
function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})\s*$/i.exec(header);
  if (!m)
    throw new UnauthorizedError(
      'Malformed Authorization header: expected "Bearer <token>" with a token from POST /api/auth/login {token: true}.',
    );
  return m[1];
}

/** Clears the session cookie with the attributes it was set with (browsers match on path). */
export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.secure });
}

/**
 * Mounted on /api: sets `res.locals.user` and `res.locals.session` from a bearer token (an invalid one is a
 * 401) or the `sid` cookie (an invalid one is cleared and the caller is anonymous). The session is looked
 * up on every request, so a disabled or deleted user's sessions stop working at once. Cookie-authenticated
 * writes need the session's CSRF token in `X-CSRF-Token` (403 CSRF_FAILED); bearer requests do not, since
 * a browser never sends that header by itself. Who may do what (AUTH_REQUIRED included) is the access
 * guard's business (access-guard.ts), which runs next.
 */
export function authenticate(store: GraphStore): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const bearer = bearerToken(req);
    const cookie =
      typeof req.cookies?.[SESSION_COOKIE] === 'string' ? (req.cookies[SESSION_COOKIE] as string) : undefined;
    if (bearer !== undefined) {
      const hash = tokenHash(bearer);
      const found = await findSession(store, hash);
      if (!found || found.kind !== 'bearer')
        throw new UnauthorizedError(
          'The bearer token is invalid or has expired; log in again for a new one.',
        );
      res.locals.user = found.user;
      res.locals.session = { hash, csrfToken: found.csrfToken, kind: 'bearer' };
    } else if (cookie) {
      const hash = tokenHash(cookie);
      const found = await findSession(store, hash);
      if (found && found.kind === 'cookie') {
        res.locals.user = found.user;
        res.locals.session = { hash, csrfToken: found.csrfToken, kind: 'cookie' };
        // The login itself is exempt: it sends no token yet and replaces the session anyway.
        const header = req.get(CSRF_HEADER);
        if (
          !SAFE_METHODS.has(req.method) &&
          req.path !== '/auth/login' &&
          !(header && sameSecret(header, found.csrfToken))
        )
          throw new CsrfError();
      } else {
        clearSessionCookie(req, res);
      }
    }
    next();
  };
}
