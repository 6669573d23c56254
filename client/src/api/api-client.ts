// Typed client for the JSON API under /api: one method per endpoint, failures as ApiError. Requests and answers
// are typed by the contract (contract/); the client imports its types only, so zod stays out of the bundle.
import type {
  CooperationQuery,
  CooperationResponse,
  HealthResponse,
  NeighbourCountsResponse,
  NeighboursQuery,
  NeighboursResponse,
  NodeResponse,
  PathMode,
  PathsQuery,
  PathsResponse,
  SchemaResponse,
  SearchQuery,
  SearchResponse,
} from '../../../contract';
import { callEndpoint, type ClientQuery } from './endpoint';

/** Path search modes the server accepts. */
export type { PathMode };

export type { ClientQuery };

/** Filters for a neighbourhood expansion (the contract's neighbour query); all optional. */
export type NeighbourQuery = ClientQuery<NeighboursQuery>;

/** Parameters of a path search: the contract's path query, with the endpoints, hops and mode always given. */
export type PathQuery = ClientQuery<PathsQuery> & Pick<PathsQuery, 'from' | 'to' | 'maxHops' | 'mode'>;

/** The API, as the rest of the client sees it. */
export interface ApiClient {
  health(): Promise<HealthResponse>;
  schema(): Promise<SchemaResponse>;
  search(
    q: string,
    opts?: ClientQuery<Pick<SearchQuery, 'labels' | 'limit'>> & { signal?: AbortSignal },
  ): Promise<SearchResponse>;
  node(id: string): Promise<NodeResponse>;
  neighbours(id: string, query?: NeighbourQuery): Promise<NeighboursResponse>;
  /** How many neighbours each selective-expand choice adds (per type and direction, label, threat). */
  neighbourCounts(id: string, signal?: AbortSignal): Promise<NeighbourCountsResponse>;
  paths(query: PathQuery): Promise<PathsResponse>;
  /**
   * Actor pairs who cooperate on `threat` (an id, name or alias), optionally around one actor, with the parties at
   * `level` (countries by default) and sharing at least `minWeight` forums or agreements.
   */
  cooperation(
    threat: string,
    opts?: ClientQuery<Pick<CooperationQuery, 'actor' | 'level' | 'minWeight'>>,
  ): Promise<CooperationResponse>;
}

/** Creates a client for the API at `base` (default `/api`, same origin). */
export function createApiClient(base = '/api'): ApiClient {
  return {
    health: () => callEndpoint(base, 'GET /health', { bodyStatuses: [503] }),
    schema: () => callEndpoint(base, 'GET /schema', {}),
    search: (q, opts = {}) =>
      callEndpoint(base, 'GET /search', {
        query: { q, labels: opts.labels, limit: opts.limit },
        signal: opts.signal,
      }),
    node: (id) => callEndpoint(base, 'GET /nodes/:id', { params: { id } }),
    neighbours: (id, query = {}) =>
      callEndpoint(base, 'GET /nodes/:id/neighbours', {
        params: { id },
        query: {
          relTypes: query.relTypes,
          direction: query.direction,
          labels: query.labels,
          threat: query.threat,
          limit: query.limit,
          skip: query.skip,
        },
      }),
    neighbourCounts: (id, signal) =>
      callEndpoint(base, 'GET /nodes/:id/neighbour-counts', { params: { id }, signal }),
    paths: (query) =>
      callEndpoint(base, 'GET /paths', {
        query: {
          from: query.from,
          to: query.to,
          maxHops: query.maxHops,
          mode: query.mode,
          k: query.mode === 'k-paths' ? query.k : undefined,
          threat: query.threat,
          relTypes: query.relTypes,
          // Sent only when on: the server's default (inner hops through actors, forums, agreements, events) is off.
          throughTopics: query.throughTopics ? true : undefined,
          throughHubs: query.throughHubs ? true : undefined,
        },
      }),
    cooperation: (threat, opts = {}) =>
      callEndpoint(base, 'GET /cooperation', {
        query: { threat, actor: opts.actor, level: opts.level, minWeight: opts.minWeight },
      }),
  };
}
