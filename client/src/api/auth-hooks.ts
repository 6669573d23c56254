// How API requests learn the CSRF token and report a lost login, without the api layer knowing the store.
import type { ApiError } from './api-error';

/** The header every non-GET request carries when a cookie session is open (the server checks it). */
export const CSRF_HEADER = 'X-CSRF-Token';

/** What main.ts plugs in: where the current CSRF token is, and who hears of a refused login. */
export interface AuthHooks {
  csrfToken(): string | null;
  /** A request was refused for want of a (valid) login: 401, or 403 CSRF_FAILED. */
  refused(err: ApiError): void;
}

let hooks: AuthHooks = { csrfToken: () => null, refused: () => undefined };

/** Installs the hooks (once, at start-up). */
export function installAuthHooks(h: AuthHooks): void {
  hooks = h;
}

/** Headers a request with `method` needs: the CSRF token on every request that may change something. */
export function authHeaders(method: string): Record<string, string> {
  const token = hooks.csrfToken();
  return token && !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase()) ? { [CSRF_HEADER]: token } : {};
}

/** Passes an auth refusal on; the auth endpoints' own refusals (a wrong password) are their caller's business. */
export function reportRefusal(err: ApiError, url: string): void {
  if (url.includes('/api/auth/')) return;
  if (err.status === 401 || err.code === 'CSRF_FAILED') hooks.refused(err);
}
