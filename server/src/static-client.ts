// Serves the built client: its files, and the app shell for client-side paths; never a dotfile or a path that climbs.
import express, { type Request, type RequestHandler, type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, relative, sep } from 'node:path';

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

/** Cache-Control of a file whose name carries a hash of its content: it never changes, so it is never asked for again. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Cache-Control of everything else (index.html above all): kept, but revalidated (a 304 when unchanged). */
export const REVALIDATE = 'no-cache';

/**
 * Whether a file (path relative to the client root, `/`-separated) is one Vite named by its content hash:
 * under assets/, `name-HASH.ext` with an 8-character base64url hash. A pre-compressed `.br`/`.gz` twin counts as its original.
 */
export function isHashedAsset(file: string): boolean {
  return /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(file.replace(/\.(br|gz)$/, ''));
}

/**
 * The built client in `clientDir` (null when it has no index.html). serve-static (send) already refuses `..`
 * and ignores dotfiles; both then fall through to the shell route, which answers only `isShellPath`s. Each file
 * goes as the brotli or gzip twin the build wrote beside it when the browser accepts one (Vary: Accept-Encoding).
 */
export function staticClient(clientDir: string): Router | null {
  if (!existsSync(join(clientDir, 'index.html'))) return null;
  const router = express.Router();
  const setHeaders = (res: ServerResponse, path: string): void => {
    const file = relative(clientDir, path).split(sep).join('/');
    res.setHeader('Cache-Control', isHashedAsset(file) ? IMMUTABLE : REVALIDATE);
  };
  router.use(
    expressStaticGzip(clientDir, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: 'index.html',
      serveStatic: { index: 'index.html', dotfiles: 'ignore', setHeaders },
    }),
  );
  const shell: RequestHandler = (req: Request, res, next) => {
    if (!isShellPath(req.path)) {
      next();
      return;
    }
    res.sendFile(join(clientDir, 'index.html'), {
      dotfiles: 'deny',
      headers: { 'Cache-Control': REVALIDATE },
    });
  };
  router.get(APP_SHELL_ROUTE, shell);
  return router;
}
