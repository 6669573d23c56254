// Roles and the route guard: who may do what. `res.locals.user` is set by the authentication middleware.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ROLES, type AuthUser, type Role } from '../../../contract/index.js';
import { AppError } from '../errors.js';

/** Roles from least to most trusted (the contract's list). */
export { ROLES };

declare global {
  namespace Express {
    interface Locals {
      /** The logged-in user, when the request carries a valid session cookie or bearer token. */
      user?: AuthUser;
    }
  }
}

/** True when `role` is `min` or a more trusted role. */
export function roleAtLeast(role: Role, min: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(min);
}

/** 401: the request needs a login it does not carry. */
export class UnauthorizedError extends AppError {
  constructor(message = 'Log in to do this.') {
    super('UNAUTHORIZED', 401, message);
    this.name = 'UnauthorizedError';
  }
}

/** 403: the user is logged in, but their role does not allow this. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super('FORBIDDEN', 403, message);
    this.name = 'ForbiddenError';
  }
}

/** Lets the request through only for a logged-in user of role `min` or above: 401 anonymous, 403 lower roles. */
export function requireRole(min: Role): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const user = res.locals.user;
    if (!user) {
      next(new UnauthorizedError(`Log in as a ${min}${min === 'admin' ? '' : ' or admin'} to do this.`));
      return;
    }
    if (!roleAtLeast(user.role, min)) {
      next(
        new ForbiddenError(
          `Your role (${user.role}) may not do this: it needs ${min}${min === 'admin' ? '' : ' or admin'}.`,
        ),
      );
      return;
    }
    next();
  };
}
