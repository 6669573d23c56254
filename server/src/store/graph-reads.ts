// Named read queries with their records mapped to plain wire objects; services call these, never the driver.
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { Graph, GraphEdge, GraphNode, PathMode } from '../../../contract/index.js';
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
  const rec = (await store.read('count-all')).records[0]!;
  return { nodes: num(rec.get('nodes')), relationships: num(rec.get('relationships')) };
}

export async function countEntities(store: GraphStore): Promise<number> {
  return num((await store.read('count-entities')).records[0]!.get('count'));
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

/** The centre and up to `limit` nodes within two hops with how many on each hop; null when the centre does not exist. */
export async function twoHopGraph(
  store: GraphStore,
  id: string,
  limit: number,
): Promise<{ graph: Graph; hop1: number; hop2: number } | null> {
  const rec = (await store.read('neighbourhood', { id, limit: neo4j.int(limit) })).records[0];
  if (!rec) return null;
  const hop1 = rec.get('hop1') as unknown[];
  const hop2 = rec.get('hop2') as unknown[];
  return { graph: collectGraph([rec.get('centre'), hop1, hop2]), hop1: hop1.length, hop2: hop2.length };
}

export interface PathQuery {
  from: string;
  to: string;
  maxHops: number;
  relTypes: string[] | null;
  threatIds: string[] | null;
  /** all-shortest: at most this many; k-paths: this many distinct paths. */
  limit: number;
}

const PATH_QUERY: Record<PathMode, QueryName> = {
  shortest: 'shortest-path',
  'all-shortest': 'all-shortest-paths',
  'k-paths': 'k-paths',
};

export async function pathsBetween(store: GraphStore, mode: PathMode, q: PathQuery): Promise<Graph[]> {
  const res = await store.read(PATH_QUERY[mode], {
    ...q,
    maxHops: neo4j.int(q.maxHops),
    limit: neo4j.int(q.limit),
    k: neo4j.int(q.limit),
  });
  return res.records.map((r) => collectGraph([r.get('path')]));
}

export async function threatWithSubtypes(
  store: GraphStore,
  threat: string,
): Promise<{ threat: GraphNode; threatIds: string[] } | null> {
  const rec = (await store.read('resolve-threat', { threat })).records[0];
  return rec ? { threat: toGraphNode(rec.get('threat')), threatIds: rec.get('threatIds') as string[] } : null;
}

export interface CooperationRow {
  a: GraphNode;
  b: GraphNode;
  via: GraphNode[];
  edges: GraphEdge[];
  graph: Graph;
}

/**
 * Caps of the cooperation query: forums/agreements pair up smallest first while they have at most
 * `maxParticipants` and the pair rows stay within `pairBudget`; at most `pairLimit` pairs and `leftLimit` left-out
 * forums are returned.
 */
export interface CooperationCaps {
  maxParticipants: number;
  pairBudget: number;
  pairLimit: number;
  leftLimit: number;
}

/** The cooperation query's parameters (the benchmark runs the same query with these through the raw driver). */
export function cooperationQueryParams(
  threatIds: string[],
  actor: string | null,
  caps: CooperationCaps,
): Record<string, unknown> {
  return {
    threatIds,
    actor,
    maxParticipants: neo4j.int(caps.maxParticipants),
    pairBudget: neo4j.int(caps.pairBudget),
    pairLimit: neo4j.int(caps.pairLimit),
    leftLimit: neo4j.int(caps.leftLimit),
  };
}

export interface CooperationRows {
  rows: CooperationRow[];
  /** Pairs before `pairLimit`. */
  total: number;
  /** Forums/agreements that were paired up. */
  paired: number;
  /** Forums/agreements left out of the pairing, largest first (at most `leftLimit`), and how many there were. */
  left: { via: GraphNode; participants: number }[];
  leftTotal: number;
}

/**
 * Actor pairs linked to a shared Forum/Agreement that addresses one of `threatIds` (most shared first, at most
 * `pairLimit`), how many pairs there were, and the forums/agreements left out of the pairing (with their size).
 */
export async function cooperationRows(
  store: GraphStore,
  threatIds: string[],
  actor: string | null,
  caps: CooperationCaps,
): Promise<CooperationRows> {
  const rec = (await store.read('cooperation', cooperationQueryParams(threatIds, actor, caps))).records[0]!;
  const pairs = rec.get('pairs') as {
    a: Node;
    b: Node;
    links: { via: Node; ra: Relationship; rb: Relationship }[];
  }[];
  const rows = pairs.map(({ a, b, links }) => {
    const graph = collectGraph([a, b, links.map((l) => [l.via, l.ra, l.rb])]);
    return {
      a: toGraphNode(a),
      b: toGraphNode(b),
      via: links.map((l) => toGraphNode(l.via)),
      edges: graph.edges,
      graph,
    };
  });
  const left = (rec.get('left') as { via: Node; participants: unknown }[]).map((x) => ({
    via: toGraphNode(x.via),
    participants: num(x.participants),
  }));
  return {
    rows,
    total: num(rec.get('total')),
    paired: num(rec.get('paired')),
    left,
    leftTotal: num(rec.get('leftTotal')),
  };
}
