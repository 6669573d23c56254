// Typed client for the JSON API under /api: one method per endpoint, failures as ApiError.
import type {
  ErrorResponse, HealthResponse, NeighbourCountsResponse, NeighboursResponse, NodeResponse, PathsResponse, SchemaResponse,
  SearchResponse,
} from '../../../server/src/api-types';
import { ApiError } from './api-error';

/** A request that takes longer than this is abandoned; the slowest endpoint (paths) is well under it. */
const REQUEST_TIMEOUT_MS = 20_000;

/** Path search modes the server accepts. */
export type PathMode = 'shortest' | 'all-shortest';

/** Filters for a neighbourhood expansion; all optional. */
export interface NeighbourQuery {
  relTypes?: readonly string[];
  labels?: readonly string[];
  threat?: string;
  limit?: number;
  skip?: number;
}

/** Parameters of a path search. */
export interface PathQuery {
  from: string;
  to: string;
  maxHops: number;
  mode: PathMode;
  threat?: string;
}

/** The API, as the rest of the client sees it. */
export interface ApiClient {
  health(): Promise<HealthResponse>;
  schema(): Promise<SchemaResponse>;
  search(q: string, opts?: { labels?: readonly string[]; limit?: number; signal?: AbortSignal }): Promise<SearchResponse>;
  node(id: string): Promise<NodeResponse>;
  neighbours(id: string, query?: NeighbourQuery): Promise<NeighboursResponse>;
  /** How many neighbours each selective-expand choice adds (per type and direction, label, threat). */
  neighbourCounts(id: string, signal?: AbortSignal): Promise<NeighbourCountsResponse>;
  paths(query: PathQuery): Promise<PathsResponse>;
}

type Params = Record<string, string | number | readonly string[] | undefined>;

function queryString(params: Params): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length) qs.set(key, value.join(','));
    } else {
      qs.set(key, String(value));
    }
  }
  const text = qs.toString();
  return text ? `?${text}` : '';
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  const error = (body as { error?: unknown } | null)?.error as { code?: unknown; message?: unknown } | undefined;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** Creates a client for the API at `base` (default `/api`, same origin). */
export function createApiClient(base = '/api'): ApiClient {
  /** GET `path`; `bodyStatuses` are error statuses whose body is still a `T` (health's 503). */
  async function get<T>(path: string, params: Params = {}, signal?: AbortSignal, bodyStatuses: number[] = []): Promise<T> {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    let res: Response;
    try {
      res = await fetch(`${base}${path}${queryString(params)}`, {
        headers: { Accept: 'application/json' },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (err) {
      if (err instanceof DOMException && err.name === 'TimeoutError') {
        throw new ApiError('TIMEOUT', 'The server took too long to answer.', 0);
      }
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      throw new ApiError('NETWORK', 'Cannot reach the server.', 0);
    }
    let body: unknown;
    try {
      body = await res.json();
    } catch {
      throw new ApiError(res.ok ? 'BAD_RESPONSE' : 'INTERNAL', `The server sent an unreadable reply (HTTP ${res.status}).`, res.status);
    }
    if (!res.ok && !bodyStatuses.includes(res.status)) {
      if (isErrorResponse(body)) throw new ApiError(body.error.code, body.error.message, res.status, body.error.field);
      throw new ApiError('INTERNAL', `The server failed (HTTP ${res.status}).`, res.status);
    }
    return body as T;
  }

  const nodePath = (id: string): string => `/nodes/${encodeURIComponent(id)}`;

  return {
    health: () => get<HealthResponse>('/health', {}, undefined, [503]),
    schema: () => get<SchemaResponse>('/schema'),
    search: (q, opts = {}) => get<SearchResponse>('/search', { q, labels: opts.labels, limit: opts.limit }, opts.signal),
    node: (id) => get<NodeResponse>(nodePath(id)),
    neighbours: (id, query = {}) => get<NeighboursResponse>(`${nodePath(id)}/neighbours`, {
      relTypes: query.relTypes, labels: query.labels, threat: query.threat, limit: query.limit, skip: query.skip,
    }),
    neighbourCounts: (id, signal) => get<NeighbourCountsResponse>(`${nodePath(id)}/neighbour-counts`, {}, signal),
    paths: (query) => get<PathsResponse>('/paths', {
      from: query.from, to: query.to, maxHops: query.maxHops, mode: query.mode, threat: query.threat,
    }),
  };
}
