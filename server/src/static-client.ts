// Serves the built client: its files, and the app shell for client-side paths; never a dotfile or a path that climbs.
import express, { type Request, type RequestHandler, type Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The app-shell route (exported so the access-matrix test can tell it from an API route): GET of any path
 * outside /api that `isShellPath` accepts.
 */
export const APP_SHELL_ROUTE = /^\/(?!api(?:\/|$)).*/;

/**
 * Paths the app shell may answer: readable client-side routes only. A segment starting with a dot (`.data`,
 * `.env`, `..`), an encoded slash, backslash or dot, or a file extension gets the 404 it deserves instead of
 * index.html, so a probe for `/.data/auth-secret` or `/%2e%2e/...` is told plainly that nothing is there.
 */
export function isShellPath(path: string): boolean {
  if (/%(2e|2f|5c|00)|\\/i.test(path)) return false;
  const segments = path.split('/').filter(Boolean);
  return segments.every((s) => !s.startsWith('.') && !/\.[A-Za-z0-9]+$/.test(s));
}

/**
 * The built client in `clientDir` (null when it has no index.html). express.static (send) already refuses
 * `..` and ignores dotfiles; both then fall through to the shell route, which answers only `isShellPath`s.
 */
export function staticClient(clientDir: string): Router | null {
  if (!existsSync(join(clientDir, 'index.html'))) return null;
  const router = express.Router();
  router.use(express.static(clientDir, { index: 'index.html', maxAge: '1h', dotfiles: 'ignore' }));
  const shell: RequestHandler = (req: Request, res, next) => {
    if (!isShellPath(req.path)) {
      next();
      return;
    }
    res.sendFile(join(clientDir, 'index.html'), { dotfiles: 'deny' });
  };
  router.get(APP_SHELL_ROUTE, shell);
  return router;
}
