// Scene analytics, pure: degree, betweenness, PageRank and Louvain communities of a graph given as ids (no DOM, no cytoscape).
import graphologyImport from 'graphology';
import louvainImport from 'graphology-communities-louvain';
import betweennessImport from 'graphology-metrics/centrality/betweenness.js';
import pagerankImport from 'graphology-metrics/centrality/pagerank.js';
import type * as GraphologyModule from 'graphology';
import type * as LouvainModule from 'graphology-communities-louvain';
import type * as BetweennessModule from 'graphology-metrics/centrality/betweenness.js';
import type * as PagerankModule from 'graphology-metrics/centrality/pagerank.js';
import { seededRandom } from '../../graph/seeded-random';

/**
 * graphology ships CommonJS. A bundler hands us its default export; Node's ESM typing (the tests'
 * tsconfig) sees the whole module object instead. This picks the export either way.
 */
function cjsDefault<T>(imported: unknown): T {
  const inner = (imported as { default?: unknown }).default;
  return (inner ?? imported) as T;
}

const Graph = cjsDefault<typeof GraphologyModule.default>(graphologyImport);
const louvain = cjsDefault<typeof LouvainModule.default>(louvainImport);
const betweennessCentrality = cjsDefault<typeof BetweennessModule.default>(betweennessImport);
const pagerank = cjsDefault<typeof PagerankModule.default>(pagerankImport);
type UndirectedGraph = InstanceType<typeof Graph>;

/** The node measures the analytics panel offers. */
export type Measure = 'degree' | 'betweenness' | 'pagerank';

/** Measures in the order the panel lists them. */
export const MEASURES: readonly Measure[] = ['degree', 'betweenness', 'pagerank'];

/** The graph to measure: node ids, and edges as endpoint pairs (direction and parallel edges allowed). */
export interface MetricsInput {
  nodes: readonly string[];
  edges: readonly { source: string; target: string }[];
}

/** What the analytics computed for one scene; plain data so it can cross a worker boundary. */
export interface SceneMetrics {
  /** Node ids measured, in input order. */
  nodes: string[];
  /** Per measure, each node's value. */
  values: Record<Measure, Record<string, number>>;
  /** Per measure, the largest value (0 for an empty graph). */
  max: Record<Measure, number>;
  /** Community index per node: 0 is the largest community, ties broken by the smallest member id. */
  community: Record<string, number>;
  communityCount: number;
}

/** The seed of the Louvain rng: fixed so the same scene always gives the same communities. */
export const COMMUNITY_SEED = 0x5eed;

/**
 * The undirected simple graph the centralities run on: relationships are read both ways
 * (an investigator's "who lies between whom" ignores arrow direction), parallel edges merge
 * and self-loops are dropped. Nodes are added in sorted order so results do not depend on
 * the order the scene was built in.
 */
function simpleGraph(input: MetricsInput): UndirectedGraph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of [...input.nodes].sort()) graph.mergeNode(id);
  const pairs = input.edges
    .filter((e) => e.source !== e.target && graph.hasNode(e.source) && graph.hasNode(e.target))
    .map((e): [string, string] => (e.source < e.target ? [e.source, e.target] : [e.target, e.source]))
    .sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0) : a[0] < b[0] ? -1 : 1));
  for (const [a, b] of pairs) graph.mergeEdge(a, b);
  return graph;
}

/** Louvain's raw community per node of `graph` (none on an edgeless graph), with the analytics' seeded order. */
function louvainOf(graph: UndirectedGraph, seed: number): Record<string, number> {
  return graph.size > 0 ? louvain(graph, { rng: seededRandom(seed), getEdgeWeight: null }) : {};
}

/**
 * Louvain's raw communities of `input` on the same simple graph and seed as the analytics panel, so another view
 * grouping by them finds the panel's communities (empty when there is no relationship).
 */
export function sceneCommunities(input: MetricsInput, seed = COMMUNITY_SEED): Record<string, number> {
  return louvainOf(simpleGraph(input), seed);
}

/** Degree: how many of the given relationships touch each node (parallel ones each count). */
function degrees(input: MetricsInput): Record<string, number> {
  const degree: Record<string, number> = {};
  for (const id of input.nodes) degree[id] = 0;
  for (const e of input.edges) {
    if (!(e.source in degree) || !(e.target in degree)) continue;
    degree[e.source] = (degree[e.source] ?? 0) + 1;
    if (e.target !== e.source) degree[e.target] = (degree[e.target] ?? 0) + 1;
  }
  return degree;
}

/** Renumbers raw Louvain ids so community 0 is the largest (ties: smallest member id first). */
function rankCommunities(raw: Record<string, number>): { community: Record<string, number>; count: number } {
  const members = new Map<number, string[]>();
  for (const [id, c] of Object.entries(raw)) members.set(c, [...(members.get(c) ?? []), id]);
  const ordered = [...members.values()]
    .map((ids) => ids.sort())
    .sort((a, b) => b.length - a.length || ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1));
  const community: Record<string, number> = {};
  ordered.forEach((ids, index) => {
    for (const id of ids) community[id] = index;
  });
  return { community, count: ordered.length };
}

function maxOf(values: Record<string, number>): number {
  let max = 0;
  for (const v of Object.values(values)) if (v > max) max = v;
  return max;
}

/**
 * Computes every measure for `input`. Betweenness is normalised to [0, 1] (a star's centre is 1);
 * PageRank sums to 1 over the nodes; isolated nodes get community of their own.
 */
export function computeSceneMetrics(input: MetricsInput, seed = COMMUNITY_SEED): SceneMetrics {
  const graph = simpleGraph(input);
  const nodes = [...input.nodes];
  const betweenness: Record<string, number> = {};
  const rank: Record<string, number> = {};
  let raw: Record<string, number> = {};
  if (graph.order > 0) {
    Object.assign(betweenness, betweennessCentrality(graph, { normalized: true }));
    // With no edges PageRank has nothing to iterate on: every node gets the same share.
    if (graph.size > 0) Object.assign(rank, pagerank(graph, { getEdgeWeight: null }));
    else for (const id of graph.nodes()) rank[id] = 1 / graph.order;
    raw = louvainOf(graph, seed);
  }
  // Louvain is skipped on an edgeless graph: there every node is a community of its own.
  graph.forEachNode((id: string) => {
    if (!(id in raw)) raw[id] = -1 - Object.keys(raw).length;
  });
  const { community, count } = rankCommunities(raw);
  const values: SceneMetrics['values'] = { degree: degrees(input), betweenness, pagerank: rank };
  return {
    nodes,
    values,
    max: { degree: maxOf(values.degree), betweenness: maxOf(betweenness), pagerank: maxOf(rank) },
    community,
    communityCount: count,
  };
}

/** A node and its betweenness, for the brokers list. */
export interface Broker {
  id: string;
  value: number;
}

/** The `limit` nodes with the highest betweenness above zero, highest first (ties by id). */
export function topBrokers(metrics: SceneMetrics, limit = 10): Broker[] {
  return Object.entries(metrics.values.betweenness)
    .filter(([, value]) => value > 0)
    .map(([id, value]) => ({ id, value }))
    .sort((a, b) => b.value - a.value || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}
