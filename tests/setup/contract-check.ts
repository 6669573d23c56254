// Every answer the API tests receive is parsed through the contract (contract/endpoints.ts): a success
// through its endpoint's response schema, an error through the error schema. A field the server sends and
// the contract does not list, or the other way round, fails the test that saw it: the contract cannot drift.
import { ENDPOINTS, errorResponse, type EndpointKey } from '../../contract/index.js';

/** Each endpoint's key with a pattern of its path (`:id` is one segment). */
const PATTERNS = (Object.keys(ENDPOINTS) as EndpointKey[]).map((key) => {
  const [method, path] = key.split(' ') as [string, string];
  const pattern = new RegExp(`^${path.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`);
  return { key, method, pattern };
});

/** The endpoint that answers `method` `path` (a path under /api, without the query string), if any. */
export function endpointOf(method: string, path: string): EndpointKey | null {
  return PATTERNS.find((p) => p.method === method && p.pattern.test(path))?.key ?? null;
}

/**
 * Throws when a JSON answer of the API does not match the contract. `url` is the request's path and query;
 * answers that are not JSON (downloads, the app shell) and paths outside /api are not checked.
 */
export function checkAnswer(
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  body: unknown,
): void {
  const path = url.split('?')[0]!;
  if (!path.startsWith('/api/') || !contentType?.includes('application/json')) return;
  const key = endpointOf(method, path.slice('/api'.length));
  const isError = status >= 400 && typeof body === 'object' && body !== null && 'error' in body;
  const schema = isError ? errorResponse : key ? ENDPOINTS[key].response : null;
  if (!schema) return;
  const r = schema.safeParse(body);
  if (r.success) return;
  const issue = r.error.issues[0]!;
  throw new Error(
    `Answer of ${method} ${url} (${status}) does not match the contract (${isError ? 'error' : key}): ` +
      `\`${issue.path.join('.') || 'answer'}\`: ${issue.message}`,
  );
}
