// Use case: how are two nodes connected? Shortest, all shortest or k distinct paths through actors, forums,
// agreements and events (shared topics only when asked), strongest first, each edge with its evidence.
import {
  HUBS_AVOIDED_MAX,
  PATH_HUB_DEGREE,
  type PathsQuery,
  type PathsResponse,
} from '../../../contract/index.js';
import { NODE_KINDS, type NodeKind } from '../../../model/index.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { hubsNear, pathsBetween, type PathQuery } from '../store/graph-reads.js';
import { getNodeWithEvidence } from './nodes.js';
import { pathStrength, rankPaths, strongerFilters } from './path-strength.js';
import { resolveThreat } from './threats.js';

/** The most paths all-shortest returns; more than this is noise on a canvas. */
const MAX_PATHS = 25;
/** Shortest paths all-shortest finds before ranking them by strength: enough to hold the strong ones among many. */
const ALL_SHORTEST_CANDIDATES = 100;
/**
 * Shortest: a node between the ends with more relationships than PATH_HUB_DEGREE (contract/limits.ts) is a hub the
 * search does not pass through (expanding one cost more than the rest of the search on the 1M-node graph), unless
 * no path avoids every hub or the caller asks (`throughHubs`). On 100 random actor pairs of the 1M graph, 10,000
 * kept the length of 76 paths and cut p95 from 430 to 151 ms; 2,000 kept 41 for 129 ms. The seed's busiest node has
 * far fewer, so on it the guard changes nothing. Where a hub near the ends could make the path shorter, the answer
 * says so and names the hubs (hub check below).
 */
export { PATH_HUB_DEGREE };

/**
 * How far from an end the hub check looks for a guarded path of `length` hops: a shorter path passes through a hub,
 * and the hub on it nearest to one of its ends is at most floor((length-1)/2) hub-free hops from that end
 * (0: a path of 1 or 2 hops cannot be shortened through a node between its ends).
 */
export function hubCheckRadius(length: number): number {
  return Math.max(0, Math.floor((length - 1) / 2));
}

/**
 * How a path may pass through a node of each kind between its ends. Actors, forums, agreements and events are
 * where cooperation happens; two actors that merely share a topic (a threat type, a technology) are not thereby
 * connected, so a path goes through one only when the caller asks; sources are never on a path.
 */
const PASSAGE: Record<NodeKind, 'through' | 'topic' | 'never'> = {
  Country: 'through',
  Person: 'through',
  Organization: 'through',
  Forum: 'through',
  Agreement: 'through',
  Event: 'through',
  ThreatType: 'topic',
  Technology: 'topic',
  Source: 'never',
};

/** The labels a node between a path's ends may carry. */
export function throughLabels(throughTopics: boolean): string[] {
  return NODE_KINDS.filter((k) => PASSAGE[k] === 'through' || (throughTopics && PASSAGE[k] === 'topic'));
}

/** The contract's paths query (`throughTopics`, `throughHubs` optional for callers other than the route). */
export type PathParams = Omit<PathsQuery, 'throughTopics' | 'throughHubs'> & {
  throughTopics?: boolean;
  throughHubs?: boolean;
};

export async function findPaths(store: GraphStore, p: PathParams): Promise<PathsResponse> {
  // Without a threat the path query runs first: its query matches both ends by id, so a path found proves they exist
  // and the two lookups (which only tell a missing end, 404 naming `from` or `to`) run only when it finds none.
  const first = !p.threat && p.from !== p.to ? await pathsFor(store, p, null) : null;
  if (first?.paths.length) return first;
  await getNodeWithEvidence(store, p.from, 'from');
  await getNodeWithEvidence(store, p.to, 'to');
  if (p.from === p.to) return { paths: [] };
  if (first) return first;
  const threatIds = p.threat ? (await resolveThreat(store, p.threat)).threatIds : null;
  return pathsFor(store, p, threatIds);
}

/** The store's path query for `p` once its threat (if any) is resolved to `threatIds` (the benchmarks run it raw). */
export function pathQuery(
  p: Pick<PathParams, 'from' | 'to' | 'maxHops'> &
    Partial<Pick<PathParams, 'relTypes' | 'throughTopics' | 'throughHubs'>>,
  threatIds: string[] | null,
): PathQuery {
  return {
    from: p.from,
    to: p.to,
    maxHops: p.maxHops,
    relTypes: p.relTypes ?? null,
    threatIds,
    through: throughLabels(p.throughTopics ?? false),
    levels: null,
    disputed: true,
    candidates: ALL_SHORTEST_CANDIDATES,
    hubDegree: p.throughHubs ? null : PATH_HUB_DEGREE,
  };
}

/** The paths of `p`'s mode between its ends, ranked, once the threat (if any) is resolved to `threatIds`. */
async function pathsFor(
  store: GraphStore,
  p: PathParams,
  threatIds: string[] | null,
): Promise<PathsResponse> {
  const q = pathQuery(p, threatIds);
  if (p.mode === 'shortest') {
    const { path, hubsAvoided } = await strongestShortest(store, q);
    const paths = rankPaths(path ? [path] : [], p.from, p.to);
    return hubsAvoided.length ? { paths, mayNotBeShortest: true, hubsAvoided } : { paths };
  }
  const ranked = rankPaths(await pathsBetween(store, p.mode, q), p.from, p.to);
  if (p.mode === 'all-shortest') return { paths: ranked.slice(0, MAX_PATHS) };
  // k distinct paths: of those through the same nodes (parallel relationships), the strongest.
  const seen = new Set<string>();
  const distinct = ranked.filter((path) => {
    const key = path.nodes.map((n) => n.id).join('>');
    return !seen.has(key) && seen.add(key);
  });
  return { paths: distinct.slice(0, p.k) };
}

/**
 * The strongest of the shortest paths: the shortest path found, unless a path as short exists whose claims are
 * all stronger than its weakest one (asked strongest first; on a graph without hedged claims, one query).
 * Paths avoid hubs; only when none does is the search run again through them. A path found round the hubs comes
 * with the hubs near its ends that a shorter path may pass through (none: it is the shortest there is).
 */
async function strongestShortest(store: GraphStore, guarded: PathQuery) {
  let q = guarded;
  let [first] = await pathsBetween(store, 'shortest', q);
  if (!first && q.hubDegree !== null) {
    q = { ...q, hubDegree: null };
    [first] = await pathsBetween(store, 'shortest', q);
  }
  if (!first) return { path: null, hubsAvoided: [] };
  const radius = q.hubDegree === null ? 0 : hubCheckRadius(first.edges.length);
  // Asked after the path, not beside it: how far to look depends on its length (none for 1 or 2 hops).
  const hubsAvoided = radius > 0 ? await hubsNear(store, q, radius, HUBS_AVOIDED_MAX) : [];
  for (const filter of strongerFilters(pathStrength(first, q.from, q.to))) {
    const [stronger] = await pathsBetween(store, 'shortest', { ...q, ...filter });
    if (stronger && stronger.edges.length === first.edges.length) return { path: stronger, hubsAvoided };
  }
  return { path: first, hubsAvoided };
}
