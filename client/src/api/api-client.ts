// Typed client for the JSON API under /api: one method per endpoint, failures as ApiError.
import type {
  CooperationResponse,
  HealthResponse,
  NeighbourCountsResponse,
  NeighboursResponse,
  NodeResponse,
  PathMode,
  PathsResponse,
  SchemaResponse,
  SearchResponse,
} from '../../../server/src/api-types';
import { sendJson } from './send-json';

/** Path search modes the server accepts. */
export type { PathMode };

/** Filters for a neighbourhood expansion; all optional. */
export interface NeighbourQuery {
  relTypes?: readonly string[];
  /** `out`: node -> neighbour only; `in`: neighbour -> node only. */
  direction?: 'out' | 'in';
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
  /** With mode `k-paths`: how many distinct paths at most (1..10). */
  k?: number;
  threat?: string;
  /** Every hop must be one of these types; empty or absent means any. */
  relTypes?: readonly string[];
}

/** The API, as the rest of the client sees it. */
export interface ApiClient {
  health(): Promise<HealthResponse>;
  schema(): Promise<SchemaResponse>;
  search(
    q: string,
    opts?: { labels?: readonly string[]; limit?: number; signal?: AbortSignal },
  ): Promise<SearchResponse>;
  node(id: string): Promise<NodeResponse>;
  neighbours(id: string, query?: NeighbourQuery): Promise<NeighboursResponse>;
  /** How many neighbours each selective-expand choice adds (per type and direction, label, threat). */
  neighbourCounts(id: string, signal?: AbortSignal): Promise<NeighbourCountsResponse>;
  paths(query: PathQuery): Promise<PathsResponse>;
  /** Actor pairs who cooperate on `threat` (an id, name or alias), optionally around one actor. */
  cooperation(threat: string, opts?: { actor?: string }): Promise<CooperationResponse>;
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

/** Creates a client for the API at `base` (default `/api`, same origin). */
export function createApiClient(base = '/api'): ApiClient {
  /** GET `path`; `bodyStatuses` are error statuses whose body is still a `T` (health's 503). */
  const get = <T>(
    path: string,
    params: Params = {},
    signal?: AbortSignal,
    bodyStatuses: number[] = [],
  ): Promise<T> =>
    sendJson<T>('GET', `${base}${path}${queryString(params)}`, undefined, signal, bodyStatuses);

  const nodePath = (id: string): string => `/nodes/${encodeURIComponent(id)}`;

  return {
    health: () => get<HealthResponse>('/health', {}, undefined, [503]),
    schema: () => get<SchemaResponse>('/schema'),
    search: (q, opts = {}) =>
      get<SearchResponse>('/search', { q, labels: opts.labels, limit: opts.limit }, opts.signal),
    node: (id) => get<NodeResponse>(nodePath(id)),
    neighbours: (id, query = {}) =>
      get<NeighboursResponse>(`${nodePath(id)}/neighbours`, {
        relTypes: query.relTypes,
        direction: query.direction,
        labels: query.labels,
        threat: query.threat,
        limit: query.limit,
        skip: query.skip,
      }),
    neighbourCounts: (id, signal) =>
      get<NeighbourCountsResponse>(`${nodePath(id)}/neighbour-counts`, {}, signal),
    paths: (query) =>
      get<PathsResponse>('/paths', {
        from: query.from,
        to: query.to,
        maxHops: query.maxHops,
        mode: query.mode,
        k: query.mode === 'k-paths' ? query.k : undefined,
        threat: query.threat,
        relTypes: query.relTypes,
      }),
    cooperation: (threat, opts = {}) =>
      get<CooperationResponse>('/cooperation', { threat, actor: opts.actor }),
  };
}
