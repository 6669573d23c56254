// Reads of a node's neighbours: a page of them, and what counting them needs (degrees, deleted links, a sample).
import neo4j, { type Node } from 'neo4j-driver';
import type { Graph, GraphNode, NeighbourCountsResponse } from '../../../contract/index.js';
import { RELATIONSHIP_TYPE_NAMES } from '../schema.js';
import type { GraphStore, Tx } from './neo4j-store.js';
import { collectGraph, plain, toGraphNode } from './mapping.js';
import { loadQueries } from './queries.js';
import { splice } from './spliced.js';

const num = (v: unknown): number => plain(v) as number;
const QUERIES = loadQueries();

export interface NeighbourQuery {
  id: string;
  relTypes: string[] | null;
  direction: 'out' | 'in' | null;
  labels: string[] | null;
  threatIds: string[] | null;
  skip: number;
  limit: number;
  /** When a node's page is ranked on a sample (default PAGE_SAMPLING). */
  sampling?: PageSampling;
}

/** Above `hubDegree` relationships a node's neighbours are ranked on a sample of about `sampleSize` of them. */
export interface PageSampling {
  hubDegree: number;
  sampleSize: number;
}

/**
 * The hub threshold is the counts' (services/neighbour-counts.ts HUB_DEGREE). 2,000 relationships ranked cost
 * 25-150 ms on the 1M graph's hubs where all of them cost 0.5-1.5 s cold, and fill 40 pages of 50.
 */
export const PAGE_SAMPLING: PageSampling = { hubDegree: 2_000, sampleSize: 2_000 };

/** The neighbours query's parameters (the benchmark runs the same query through the raw driver). */
export function neighbourQueryParams(q: NeighbourQuery): Record<string, unknown> {
  const { sampling = PAGE_SAMPLING, ...rest } = q;
  return {
    ...rest,
    skip: neo4j.int(q.skip),
    limit: neo4j.int(q.limit),
    hubDegree: neo4j.int(sampling.hubDegree),
    sampleSize: neo4j.int(sampling.sampleSize),
  };
}

/** A page of neighbours; `sample` is set when its order came from a hub's sample (contract: NeighboursResponse). */
export interface NeighbourPage {
  graph: Graph;
  total: number;
  pageSize: number;
  sample?: { size: number; of: number };
}

/**
 * One page of neighbours and how many match in all; null when the centre does not exist. Ranked on the node's
 * sample (neighbours-sampled.cypher: every neighbour unless the node is a hub); a hub's page past what its sample
 * holds comes from neighbours.cypher, which ranks every neighbour with the sampled ones first. The total comes with
 * the sample: one statement for every page the sample fills.
 */
export async function neighbourPage(store: GraphStore, q: NeighbourQuery): Promise<NeighbourPage | null> {
  const params = neighbourQueryParams(q);
  return store.transaction(
    'read',
    async (tx) => {
      const rec = (await tx.run('neighbours-sampled', params)).records[0];
      if (!rec) return null;
      const rate = num(rec.get('rate'));
      const sampled = num(rec.get('sampled'));
      const total = num(rec.get('total'));
      const sample = rate > 1 ? { sample: { size: sampled, of: num(rec.get('degree')) } } : {};
      const fromSample = rec.get('page') as unknown[];
      // The sample fills the page, or holds every match (always so with rate 1): its page is the answer.
      if (fromSample.length === q.limit || sampled === total) {
        return {
          graph: collectGraph([rec.get('centre'), fromSample]),
          total,
          pageSize: fromSample.length,
          ...sample,
        };
      }
      const full = (await tx.run('neighbours', { ...params, rate: neo4j.int(rate) })).records[0];
      if (!full) return null;
      const page = full.get('page') as unknown[];
      return { graph: collectGraph([full.get('centre'), page]), total, pageSize: page.length, ...sample };
    },
    { lane: 'traversal', coldStart: 'neighbours', firstAlone: true },
  );
}

/** A node's relationships of one type to live neighbours, per direction. */
export interface TypeDegree {
  type: string;
  out: number;
  in: number;
}

/** One sampled relationship of a hub and the neighbour at its other end. */
export interface SampledNeighbour {
  type: string;
  out: boolean;
  neighbour: string;
  labels: string[];
  threats: { id: string; name: string }[];
}

/** What counting a node's neighbours read: every neighbour (`exact`), or a hub's degrees and a sample. */
export type NeighbourCounting =
  | { kind: 'exact'; counts: NeighbourCountsResponse }
  | {
      kind: 'hub';
      node: GraphNode;
      /** Per type with any: relationships to live neighbours (degree store, less those to deleted ones). */
      degrees: TypeDegree[];
      /** The sampling rate of each type (1: every relationship was read). */
      rates: Record<string, number>;
      sample: SampledNeighbour[];
    };

export interface CountingPlan {
  /** Above this many relationships a node is a hub: counted from degrees and a sample. */
  hubDegree: number;
  /** The sampling rate of a type with this many relationships to live neighbours. */
  rateFor(relationships: number): number;
}

/** Per type, the node's relationships each way from its degree store; null when there is no such node. */
async function typeDegrees(tx: Tx, id: string): Promise<TypeDegree[] | null> {
  const text = splice(QUERIES['neighbour-degree'], { type: RELATIONSHIP_TYPE_NAMES });
  const rec = (await tx.runText(text, { id })).records[0];
  return rec ? (plain(rec.get('degrees')) as TypeDegree[]) : null;
}

/**
 * Counts a node's neighbours in one read transaction: every neighbour read when the node has at most
 * `plan.hubDegree` relationships (one statement), otherwise its degrees less the links to deleted neighbours, and a
 * sample. Null when there is no such node.
 */
export async function readNeighbourCounting(
  store: GraphStore,
  id: string,
  plan: CountingPlan,
): Promise<NeighbourCounting | null> {
  return store.transaction(
    'read',
    async (tx) => {
      const rec = (await tx.run('neighbour-counts', { id, hubDegree: neo4j.int(plan.hubDegree) })).records[0];
      if (!rec) return null;
      if (num(rec.get('degree')) <= plan.hubDegree)
        return { kind: 'exact' as const, counts: exactCounts(rec) };
      const degrees = await typeDegrees(tx, id);
      if (!degrees) return null;
      for (const r of (await tx.run('neighbour-deleted', { id })).records) {
        const d = degrees.find((x) => x.type === r.get('type'));
        if (d) d[r.get('out') ? 'out' : 'in'] -= num(r.get('count'));
      }
      const rates = Object.fromEntries(
        RELATIONSHIP_TYPE_NAMES.map((t) => {
          const d = degrees.find((x) => x.type === t);
          return [t, neo4j.int(plan.rateFor(d ? d.out + d.in : 0))];
        }),
      );
      const sample = (await tx.run('neighbour-sample', { id, rates })).records.map((r) => ({
        type: r.get('type') as string,
        out: r.get('out') as boolean,
        neighbour: r.get('neighbour') as string,
        labels: r.get('labels') as string[],
        threats: (plain(r.get('threats')) as { id: string; name: string }[]) ?? [],
      }));
      return {
        kind: 'hub' as const,
        node: toGraphNode(rec.get('centre')),
        degrees: degrees.filter((d) => d.out + d.in > 0),
        rates: Object.fromEntries(Object.entries(rates).map(([t, k]) => [t, k.toNumber()])),
        sample,
      };
    },
    { lane: 'traversal', coldStart: 'neighbour-counts', firstAlone: true },
  );
}

/** Per-type, per-label and per-threat counts of a record of neighbour-counts.cypher (every neighbour read). */
function exactCounts(rec: { get(key: string): unknown }): NeighbourCountsResponse {
  const byThreat = plain(rec.get('byThreat')) as { id: string; name: string; count: number }[];
  return {
    node: toGraphNode(rec.get('centre') as Node),
    total: num(rec.get('total')),
    byType: plain(rec.get('byType')) as NeighbourCountsResponse['byType'],
    byLabel: plain(rec.get('byLabel')) as NeighbourCountsResponse['byLabel'],
    byThreat: byThreat.map(({ id: threatId, name, count }) => ({ threat: { id: threatId, name }, count })),
  };
}
