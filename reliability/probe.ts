// One HTTP probe against a running API and the rule every answer must keep: no 5xx, a 4xx carries a JSON {error: {code, message}}.
import { request } from 'node:http';

/** Bearer (or cookie) headers of a logged-in curator and admin, so write paths are probed too. */
export interface ProbeHeaders {
  curator: Record<string, string>;
  admin: Record<string, string>;
}

/** One request to send: `body` as raw text (sent as is, so malformed JSON and duplicate keys survive). */
export interface ProbeRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/** What came back: status, parsed JSON (or null) and the raw text. */
export interface ProbeAnswer {
  status: number;
  json: unknown;
  text: string;
  headers: Headers;
}

/** Sends `req` to `baseUrl` with fetch; a network failure becomes status 0 (itself a finding). */
export async function probe(baseUrl: string, req: ProbeRequest): Promise<ProbeAnswer> {
  try {
    const r = await fetch(baseUrl + req.path, {
      method: req.method,
      headers: req.headers ?? {},
      body: req.body,
    });
    const text = await r.text();
    let json: unknown = null;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      /* not JSON: judged by answerProblem */
    }
    return { status: r.status, json, text, headers: r.headers };
  } catch (err) {
    return { status: 0, json: null, text: String((err as Error).message ?? err), headers: new Headers() };
  }
}

/**
 * Sends `req` with node:http, keeping the path byte for byte: fetch (the WHATWG URL parser) resolves `/../`
 * and `%2e%2e` segments itself, so a path-traversal attempt would never leave the client.
 */
export function rawProbe(baseUrl: string, req: ProbeRequest): Promise<ProbeAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve) => {
    const r = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers: req.headers ?? {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = text === '' ? null : JSON.parse(text);
          } catch {
            /* not JSON */
          }
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
          resolve({ status: res.statusCode ?? 0, json, text, headers });
        });
      },
    );
    r.on('error', (err) => resolve({ status: 0, json: null, text: err.message, headers: new Headers() }));
    r.end(req.body);
  });
}

/** The error body of an answer, if it has the contract's shape. */
export function errorOf(a: ProbeAnswer): { code: string; message: string } | null {
  const e = (a.json as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return e && typeof e.code === 'string' && typeof e.message === 'string'
    ? { code: e.code, message: e.message }
    : null;
}

/** Null when the answer keeps the contract; otherwise a one-line description of what broke. */
export function answerProblem(req: ProbeRequest, a: ProbeAnswer): string | null {
  const what = `${req.method} ${req.path.slice(0, 160)}`;
  if (a.status === 0) return `${what}: no answer (${a.text.slice(0, 120)})`;
  if (a.status >= 500 && a.status !== 503) return `${what}: ${a.status} ${a.text.slice(0, 200)}`;
  if (a.status >= 400 && !errorOf(a))
    return `${what}: ${a.status} without a JSON {error: {code, message}} body: ${a.text.slice(0, 120)}`;
  return null;
}

/** True for a server error (any 5xx, or no answer at all). */
export const isServerError = (a: ProbeAnswer): boolean => a.status === 0 || a.status >= 500;
