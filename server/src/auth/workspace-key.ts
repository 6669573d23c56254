// The anonymous workspace key: an httpOnly session cookie that makes one browser session the owner of what it saved.
import type { Request, Response } from 'express';
import { newToken, tokenHash } from './session-token.js';

/** The cookie's name. */
export const WORKSPACE_KEY_COOKIE = 'wsk';
/** What newToken() makes (43 base64url characters); anything else in the cookie is ignored. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The SHA-256 of the request's workspace key, or null without a well-formed one. Workspaces store only this
 * hash (`creatorKeyHash`), so a leaked database does not let anyone edit them.
 */
export function workspaceKeyHash(req: Request): string | null {
  const key: unknown = req.cookies?.[WORKSPACE_KEY_COOKIE];
  return typeof key === 'string' && KEY_PATTERN.test(key) ? tokenHash(key) : null;
}

/**
 * The hash of the browser session's workspace key, issuing a key when the request has none. The cookie has no
 * expiry, so it lasts as long as the browser session: HttpOnly (scripts cannot read it), SameSite=Strict
 * (no other site can make the browser send it, which is what stands in for a CSRF token here), Secure over
 * https, and sent only to /api. Every workspace the session saves shares this one key.
 */
export function ensureWorkspaceKey(req: Request, res: Response): string {
  const existing = workspaceKeyHash(req);
  if (existing) return existing;
  const key = newToken();
  res.cookie(WORKSPACE_KEY_COOKIE, key, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/api',
    secure: req.secure,
  });
  return tokenHash(key);
}
