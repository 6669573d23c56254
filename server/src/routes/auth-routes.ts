// Accounts over HTTP: login (cookie session or bearer token), logout, me; and admin user management.
import { Router, type Response } from 'express';
import type { MeResponse } from '../../../contract/index.js';
import type { AuthSettings } from '../auth/auth-settings.js';
import { clearSessionCookie, SESSION_COOKIE } from '../auth/authenticate.js';
import { loginLimiters } from '../auth/login-limiter.js';
import { requireRole } from '../auth/roles.js';
import { addUser, allUsers, changeUser, logIn, logOut, removeUser } from '../services/accounts.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { route } from './validate.js';

export function authRoutes(store: GraphStore, auth: AuthSettings): Router {
  const r = Router();
  const me = (res: Response): MeResponse => ({
    user: res.locals.user ?? null,
    csrfToken: res.locals.session?.kind === 'cookie' ? res.locals.session.csrfToken : null,
    authRequired: auth.authRequired,
  });

  route(r, 'POST /auth/login', loginLimiters(auth.loginLimits), async ({ body }, req, res) => {
    const out = await logIn(store, auth, body);
    // A new login replaces the session this browser had.
    if (res.locals.session?.kind === 'cookie') await logOut(store, res.locals.session.hash);
    if (out.kind === 'cookie')
      res.cookie(SESSION_COOKIE, out.sessionToken, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: req.secure,
        maxAge: out.ttlMs,
      });
    res.setHeader('Cache-Control', 'no-store');
    return out.kind === 'bearer'
      ? { user: out.user, csrfToken: null, token: out.sessionToken }
      : { user: out.user, csrfToken: out.csrfToken };
  });

  route(r, 'POST /auth/logout', async (_in, req, res) => {
    if (res.locals.session) await logOut(store, res.locals.session.hash);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  route(r, 'GET /auth/me', (_in, _req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    return me(res);
  });

  const admin = [requireRole('admin')];
  route(r, 'GET /users', admin, async () => ({ users: await allUsers(store) }));
  route(r, 'POST /users', admin, async ({ body }, _req, res) => {
    const user = await addUser(store, auth, body);
    res.status(201);
    return user;
  });
  route(r, 'PATCH /users/:username', admin, ({ params, body }, _req, res) =>
    changeUser(store, auth, params.username, body, res.locals.session?.hash),
  );
  route(r, 'DELETE /users/:username', admin, async ({ params }, _req, res) => {
    await removeUser(store, params.username);
    res.status(204).end();
  });
  return r;
}
