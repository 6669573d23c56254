// The routes an Express app has registered, read from its router stack: tests that must cover every route use it.
import type { Express } from 'express';

/** A route as the app registered it: method and full path (a RegExp for a pattern route such as the app shell). */
export interface RegisteredRoute {
  method: string;
  path: string | RegExp;
}

/** Walks the Express router stack (Express 5 / router 2: `app.router.stack`, `layer.route`, nested `handle.stack`). */
export function registeredRoutes(app: Express): RegisteredRoute[] {
  const out: RegisteredRoute[] = [];
  type Layer = {
    route?: { path: string | RegExp; methods: Record<string, boolean> };
    handle?: { stack?: Layer[] };
    rawPath?: unknown;
  };
  const walk = (stack: Layer[], prefix: string): void => {
    for (const layer of stack) {
      if (layer.route) {
        const { path, methods } = layer.route;
        for (const m of Object.keys(methods))
          out.push({
            method: m === '_all' ? 'ALL' : m.toUpperCase(),
            path: typeof path === 'string' ? prefix + path : path,
          });
      } else if (layer.handle?.stack) {
        const mount = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
        walk(layer.handle.stack, prefix + mount);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}

/** The API routes among `routes`, keyed as the contract and the access matrix key them: `METHOD /path` under /api. */
export function apiRouteKeys(routes: readonly RegisteredRoute[]): string[] {
  return routes
    .filter((r) => typeof r.path === 'string' && r.path.startsWith('/api/'))
    .map((r) => `${r.method} ${(r.path as string).slice('/api'.length)}`);
}

/** What a table keyed `METHOD /path` lacks against the registered API routes, and what it has that no route answers. */
export function tableGaps(
  apiKeys: readonly string[],
  rows: Iterable<string>,
): { withoutRow: string[]; withoutRoute: string[] } {
  const have = new Set(rows);
  return {
    withoutRow: apiKeys.filter((k) => !have.has(k)),
    withoutRoute: [...have].filter((k) => !apiKeys.includes(k)),
  };
}
