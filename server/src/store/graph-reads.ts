// Named read queries with their records mapped to plain wire objects; services call these, never the driver.
import neo4j from 'neo4j-driver';
import type { Graph, GraphNode, PathMode } from '../../../contract/index.js';
import type { QueryName } from './queries.js';
import type { GraphStore } from './neo4j-store.js';
import { collectGraph, plain, toGraphNode } from './mapping.js';

const num = (v: unknown): number => plain(v) as number;

export async function serverVersion(
  store: GraphStore,
): Promise<{ version: string | null; edition: string | null }> {
  const rec = (await store.read('server-version')).records[0];
  return {
    version: (rec?.get('version') as string) ?? null,
    edition: (rec?.get('edition') as string) ?? null,
  };
}

export async function countAll(store: GraphStore): Promise<{ nodes: number; relationships: number }> {
  // Scripts count before and after a load: no request time limit (a first query on a cold, busy JVM passed 5 s).
  const rec = (await store.transaction('read', (tx) => tx.run('count-all'), { timeout: null })).records[0]!;
  return { nodes: num(rec.get('nodes')), relationships: num(rec.get('relationships')) };
}

export async function countEntities(store: GraphStore): Promise<number> {
  // Start-up asks this before serving: no request time limit (a first query on a cold, busy JVM passed 5 s).
  const res = await store.transaction('read', (tx) => tx.run('count-entities'), { timeout: null });
  return num(res.records[0]!.get('count'));
}

export async function findNode(store: GraphStore, id: string): Promise<GraphNode | null> {
  const rec = (await store.read('node-by-id', { id })).records[0];
  return rec ? toGraphNode(rec.get('node')) : null;
}

/** Full-text hits, best first, without evidence (search lists stay light). */
/**
 * The search query's parameters. Lucene stops after `candidates` best hits instead of handing every match to
 * Cypher to sort: exactly `limit` without a label filter, more with one, since the filter runs after.
 */
export function searchQueryParams(
  query: string,
  labels: string[] | null,
  limit: number,
): Record<string, unknown> {
  return {
    query,
    labels,
    limit: neo4j.int(limit),
    candidates: neo4j.int(labels ? Math.max(limit * 25, 1000) : limit),
  };
}

export async function fullTextSearch(
  store: GraphStore,
  query: string,
  labels: string[] | null,
  limit: number,
): Promise<(GraphNode & { score: number })[]> {
  const res = await store.read('search', searchQueryParams(query, labels, limit));
  return res.records.map((r) => {
    const { evidence: _omit, ...node } = toGraphNode(r.get('node'));
    return { ...node, score: r.get('score') as number };
  });
}

/**
 * How many of a second-hop node's relationships the 2-hop query reads for one that leads back to the first hop before
 * it takes the way for hubs (cypher/neighbourhood.cypher). Either way gives the same answer; most nodes have fewer.
 */
export const NEIGHBOURHOOD_SCAN = 200;

/** The 2-hop query's parameters (the benchmarks run the same query with these through the raw driver). */
export function neighbourhoodParams(
  id: string,
  limit: number,
  scan = NEIGHBOURHOOD_SCAN,
): Record<string, unknown> {
  return { id, limit: neo4j.int(limit), scan: neo4j.int(scan) };
}

/**
 * The centre and up to `limit` nodes within two hops with how many on each hop; null when the centre does not exist.
 * `scan`: see NEIGHBOURHOOD_SCAN (tests set it to take the hubs' way everywhere).
 */
export async function twoHopGraph(
  store: GraphStore,
  id: string,
  limit: number,
  scan = NEIGHBOURHOOD_SCAN,
): Promise<{ graph: Graph; hop1: number; hop2: number } | null> {
  const { records } = await store.read('neighbourhood', neighbourhoodParams(id, limit, scan));
  if (!records.length) return null;
  const hops = [0, 0, 0];
  const found = records.map((r) => {
    hops[num(r.get('hop'))]!++;
    return [r.get('node'), r.get('rel')];
  });
  return { graph: collectGraph(found), hop1: hops[1]!, hop2: hops[2]! };
}

export interface PathQuery {
  from: string;
  to: string;
  maxHops: number;
  relTypes: string[] | null;
  threatIds: string[] | null;
  /** Labels a node between the ends may carry. */
  through: string[];
  /** shortest: the confidence levels every claim on the way must have (null: any), and whether one may be disputed. */
  levels: string[] | null;
  disputed: boolean;
  /** all-shortest: how many paths to find at most (k-paths always takes its 25 candidates). */
  candidates: number;
  /** shortest: nodes between the ends with more relationships than this are not passed through (null: no guard). */
  hubDegree: number | null;
}

const PATH_QUERY: Record<PathMode, QueryName> = {
  shortest: 'shortest-path',
  'all-shortest': 'all-shortest-paths',
  'k-paths': 'k-paths',
};

/** The path queries' parameters (the benchmark runs the same queries with these through the raw driver). */
export function pathQueryParams(q: PathQuery): Record<string, unknown> {
  return {
    ...q,
    maxHops: neo4j.int(q.maxHops),
    candidates: neo4j.int(q.candidates),
    hubDegree: q.hubDegree === null ? null : neo4j.int(q.hubDegree),
  };
}

/** The paths the mode's query finds, in its order. */
export async function pathsBetween(store: GraphStore, mode: PathMode, q: PathQuery): Promise<Graph[]> {
  const res = await store.read(PATH_QUERY[mode], pathQueryParams(q));
  return res.records.map((r) => collectGraph([r.get('path')]));
}

/** A hub a path between two nodes may pass through. */
export interface NearHub {
  id: string;
  name: string;
  degree: number;
}

/**
 * The hubs (more than `q.hubDegree` relationships) within `radius` hub-free hops of either end of `q` that a path
 * could pass through, most relationships first, at most `limit` (cypher/path-hubs-near.cypher).
 */
export async function hubsNear(
  store: GraphStore,
  q: PathQuery,
  radius: number,
  limit: number,
): Promise<NearHub[]> {
  const res = await store.read('path-hubs-near', hubsNearParams(q, radius, limit));
  return res.records.map((r) => ({
    id: r.get('id') as string,
    name: r.get('name') as string,
    degree: Number(r.get('degree')),
  }));
}

/** path-hubs-near's parameters (the exactness benchmark runs the query with these through the raw driver). */
export function hubsNearParams(q: PathQuery, radius: number, limit: number): Record<string, unknown> {
  return {
    from: q.from,
    to: q.to,
    radius: neo4j.int(radius),
    hubDegree: neo4j.int(q.hubDegree ?? 0),
    through: q.through,
    relTypes: q.relTypes,
    limit: neo4j.int(limit),
  };
}

export async function threatWithSubtypes(
  store: GraphStore,
  threat: string,
): Promise<{ threat: GraphNode; threatIds: string[] } | null> {
  const rec = (await store.read('resolve-threat', { threat })).records[0];
  return rec ? { threat: toGraphNode(rec.get('threat')), threatIds: rec.get('threatIds') as string[] } : null;
}
