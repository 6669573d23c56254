// The route guard derived from the access matrix: finds the request's row and refuses callers it does not admit.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { match } from 'path-to-regexp';
import type { AppError } from '../errors.js';
import {
  ACCESS_MATRIX,
  grantOf,
  mayReach,
  type AccessRule,
  type Caller,
  type CallerGrant,
  type Deployment,
  type Method,
} from './access-matrix.js';
import { ForbiddenError, UnauthorizedError } from './roles.js';

declare global {
  namespace Express {
    interface Locals {
      /** The matrix row of this request and what the caller gets on it (set by the access guard). */
      access?: { rule: AccessRule } & CallerGrant;
      /** The deployment the guard enforces (AUTH_REQUIRED, ANONYMOUS_WORKSPACES). */
      deployment?: Deployment;
    }
  }
}

/** The caller of this request, as the matrix names it. */
export const callerOf = (res: Response): Caller => res.locals.user?.role ?? 'anonymous';

/** 401 for an anonymous caller (a login may help), 403 for a logged-in one; `message` says what and why. */
export function refusal(caller: Caller, message: string): AppError {
  return caller === 'anonymous' ? new UnauthorizedError(message) : new ForbiddenError(message);
}

/** What the guard left for the handler; a handler mounted without the guard fails closed. */
export function accessOf(res: Response): NonNullable<Express.Locals['access']> {
  const access = res.locals.access;
  if (!access) throw new ForbiddenError('This route is not in the access matrix; it is refused to everyone.');
  return access;
}

/** The deployment the guard recorded; a handler mounted without the guard fails closed. */
export function deploymentOf(res: Response): Deployment {
  const d = res.locals.deployment;
  if (!d) throw new ForbiddenError('The access guard did not run; the request is refused.');
  return d;
}

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Matches like Express's router does (router 2.x: path-to-regexp, case-insensitive, a trailing slash
 * allowed), so the row found is the route that will answer; a path no row matches reaches no route.
 */
export function ruleMatcher(
  rules: readonly AccessRule[] = ACCESS_MATRIX,
): (method: string, path: string) => AccessRule | undefined {
  const matchers = rules.map((rule) => ({
    rule,
    test: match(rule.path, { sensitive: false, end: true, trailing: true, decode: false }),
  }));
  return (method, path) => {
    const m = method === 'HEAD' ? 'GET' : method;
    if (!METHODS.has(m)) return undefined;
    return matchers.find((x) => x.rule.method === (m as Method) && x.test(path) !== false)?.rule;
  };
}

/** Why a caller is refused, in words that say what would help. */
function deniedMessage(rule: AccessRule, g: CallerGrant, d: Deployment): string {
  if (g.caller === 'anonymous') {
    if (rule.anonymousWhen === 'if-anonymous-workspaces' && !d.anonymousWorkspaces && rule.anonymous !== 'no')
      return 'Saved workspaces need a login on this server (ANONYMOUS_WORKSPACES is off): log in first.';
    if (rule.anonymousWhen === 'unless-auth-required' && d.authRequired && rule.anonymous !== 'no')
      return 'This explorer needs a login: POST /api/auth/login first.';
  }
  const who = (['viewer', 'curator', 'admin'] as const).filter((r) => rule[r] !== 'no');
  const needs = who.length ? `a ${who.join(' or ')}` : 'the owner';
  return g.caller === 'anonymous'
    ? `Log in as ${needs} to do this.`
    : `Your role (${g.caller}) may not do this: it needs ${needs}.`;
}

/**
 * Mounted on /api after `authenticate`: looks the request up in the matrix, refuses a caller the row does not
 * admit (401 anonymous, 403 logged in), and leaves the row and grant in `res.locals.access` for handlers
 * that check an owned resource. A request no row matches reaches no route (404), except that with
 * AUTH_REQUIRED an anonymous caller gets 401 there too, as before, so the API's shape stays hidden.
 */
export function accessGuard(d: Deployment, rules: readonly AccessRule[] = ACCESS_MATRIX): RequestHandler {
  const find = ruleMatcher(rules);
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.deployment = d;
    const caller = callerOf(res);
    const rule = find(req.method, req.path);
    if (!rule) {
      if (d.authRequired && caller === 'anonymous')
        throw new UnauthorizedError('This explorer needs a login: POST /api/auth/login first.');
      next();
      return;
    }
    const g = grantOf(rule, caller, d);
    if (!mayReach(g)) throw refusal(caller, deniedMessage(rule, g, d));
    res.locals.access = { rule, ...g };
    next();
  };
}
