// JSON requests with a method and a body (POST, PUT, PATCH, DELETE), failures as ApiError like GETs.
import type { ErrorResponse } from '../../../contract';
import { ApiError } from './api-error';
import { authHeaders, reportRefusal } from './auth-hooks';

/** A write or a console query that takes longer than this is abandoned (the server's own timeout is 5 s). */
const REQUEST_TIMEOUT_MS = 20_000;

/** HTTP methods that carry (or may carry) a JSON body. */
export type JsonMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isErrorResponse(body: unknown): body is ErrorResponse {
  const error = (body as { error?: unknown } | null)?.error as
    { code?: unknown; message?: unknown } | undefined;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** The ApiError an error answer stands for: its `{error:{code,message,field,current}}`, else `fallback` as INTERNAL. */
export function apiErrorFrom(
  status: number,
  body: unknown,
  fallback = `The server failed (HTTP ${status}).`,
): ApiError {
  return isErrorResponse(body)
    ? new ApiError(body.error.code, body.error.message, status, body.error.field, body.error.current)
    : new ApiError('INTERNAL', fallback, status);
}

/**
 * Sends `body` (if any) as JSON to `url` and parses the JSON answer; a 204 resolves to undefined.
 * Error bodies `{error:{code,message,field}}` become an ApiError with that code; a network
 * failure is NETWORK, a timeout TIMEOUT. A caller's abort is rethrown as the AbortError it is.
 * Non-GET requests carry the CSRF token; a 401 or CSRF refusal is also reported to the auth hooks.
 * `bodyStatuses` are error statuses whose body is still a `T` (health's 503).
 */
export async function sendJson<T>(
  method: JsonMethod,
  url: string,
  body?: unknown,
  signal?: AbortSignal,
  bodyStatuses: readonly number[] = [],
): Promise<T> {
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const headers: Record<string, string> = { Accept: 'application/json', ...authHeaders(method) };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'TimeoutError') {
      throw new ApiError('TIMEOUT', 'The server took too long to answer.', 0);
    }
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('NETWORK', 'Cannot reach the server.', 0);
  }
  if (res.status === 204) return undefined as T;
  let parsed: unknown;
  try {
    parsed = await res.json();
  } catch {
    throw new ApiError(
      res.ok ? 'BAD_RESPONSE' : 'INTERNAL',
      `The server sent an unreadable reply (HTTP ${res.status}).`,
      res.status,
    );
  }
  if (!res.ok && !bodyStatuses.includes(res.status)) {
    const err = apiErrorFrom(res.status, parsed);
    reportRefusal(err, url);
    throw err;
  }
  return parsed as T;
}
