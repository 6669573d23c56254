// Accounts over HTTP: login (cookie session or bearer token), logout, me; and admin user management.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { LoginResponse, MeResponse, UserListResponse } from '../api-types.js';
import type { AuthSettings } from '../auth/auth-settings.js';
import { clearSessionCookie, SESSION_COOKIE } from '../auth/authenticate.js';
import { loginLimiters } from '../auth/login-limiter.js';
import {
  MAX_PASSWORD_CHARS,
  MIN_PASSWORD_CHARS,
  USERNAME_PATTERN,
  USERNAME_RULE,
} from '../auth/account-rules.js';
import { requireRole, ROLES } from '../auth/roles.js';
import { addUser, allUsers, changeUser, logIn, logOut, removeUser } from '../services/accounts.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { parseInput } from './validate.js';

const usernameSchema = z
  .string({ message: 'expected a username' })
  .trim()
  .regex(USERNAME_PATTERN, USERNAME_RULE);
const passwordSchema = z
  .string({ message: 'expected a password' })
  .min(MIN_PASSWORD_CHARS, `expected a password of at least ${MIN_PASSWORD_CHARS} characters`)
  .max(MAX_PASSWORD_CHARS, `expected a password of at most ${MAX_PASSWORD_CHARS} characters`);
const roleSchema = z.enum(ROLES, { message: `expected one of ${ROLES.join(', ')}` });

const loginBody = z
  .object(
    {
      username: z
        .string({ message: 'expected a username' })
        .trim()
        .min(1, 'expected a username')
        .max(64, 'expected at most 64 characters'),
      // Not held to MIN_PASSWORD_CHARS: a wrong password gets the same answer whatever its length.
      password: z
        .string({ message: 'expected a password' })
        .min(1, 'expected a password')
        .max(MAX_PASSWORD_CHARS, `expected at most ${MAX_PASSWORD_CHARS} characters`),
      token: z.boolean({ message: 'expected true or false' }).optional(),
    },
    { message: 'expected a JSON object with `username` and `password`' },
  )
  .strict();
const createBody = z
  .object(
    { username: usernameSchema, password: passwordSchema, role: roleSchema },
    { message: 'expected a JSON object with `username`, `password` and `role`' },
  )
  .strict();
const updateBody = z
  .object(
    {
      role: roleSchema.optional(),
      password: passwordSchema.optional(),
      disabled: z.boolean({ message: 'expected true or false' }).optional(),
    },
    { message: 'expected a JSON object with `role`, `password` and/or `disabled`' },
  )
  .strict()
  .refine(
    (b) => b.role !== undefined || b.password !== undefined || b.disabled !== undefined,
    'expected at least one of `role`, `password`, `disabled`',
  );

export function authRoutes(store: GraphStore, auth: AuthSettings): Router {
  const r = Router();
  const me = (res: Response): MeResponse => ({
    user: res.locals.user ?? null,
    csrfToken: res.locals.session?.kind === 'cookie' ? res.locals.session.csrfToken : null,
    authRequired: auth.authRequired,
  });

  r.post('/auth/login', ...loginLimiters(auth.loginLimits), async (req: Request, res: Response) => {
    const body = parseInput(loginBody, req.body ?? undefined);
    const out = await logIn(store, auth, body);
    // A new login replaces the session this browser had.
    if (res.locals.session?.kind === 'cookie') await logOut(store, res.locals.session.hash);
    const answer: LoginResponse = { user: out.user, csrfToken: out.kind === 'cookie' ? out.csrfToken : null };
    if (out.kind === 'bearer') answer.token = out.sessionToken;
    else
      res.cookie(SESSION_COOKIE, out.sessionToken, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: req.secure,
        maxAge: out.ttlMs,
      });
    res.setHeader('Cache-Control', 'no-store');
    res.json(answer);
  });

  r.post('/auth/logout', async (req, res) => {
    if (res.locals.session) await logOut(store, res.locals.session.hash);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  r.get('/auth/me', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(me(res));
  });

  const admin = requireRole('admin');
  const nameParam = (raw: string): string => parseInput(usernameSchema, raw);
  r.get('/users', admin, async (_req, res) => {
    const body: UserListResponse = { users: await allUsers(store) };
    res.json(body);
  });
  r.post('/users', admin, async (req, res) => {
    res.status(201).json(await addUser(store, auth, parseInput(createBody, req.body ?? undefined)));
  });
  r.patch('/users/:username', admin, async (req, res) => {
    const username = nameParam(req.params.username as string);
    res.json(
      await changeUser(
        store,
        auth,
        username,
        parseInput(updateBody, req.body ?? undefined),
        res.locals.session?.hash,
      ),
    );
  });
  r.delete('/users/:username', admin, async (req, res) => {
    await removeUser(store, nameParam(req.params.username as string));
    res.status(204).end();
  });
  return r;
}
