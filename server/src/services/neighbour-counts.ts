// Use case: how many neighbours each selective-expand choice adds, counted before anything is expanded.
// A node with up to HUB_DEGREE relationships has every neighbour read (exact). A hub is counted without reading
// every neighbour: per type and direction from its degree store (less the links to soft-deleted neighbours, found
// from the deleted side), by label and threat from a sample of about SAMPLE_PER_TYPE neighbours per type, scaled up
// and marked `estimate`.
import type { NeighbourCountsResponse } from '../../../contract/index.js';
import { NotFoundError } from '../errors.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { readNeighbourCounting, type SampledNeighbour, type TypeDegree } from '../store/neighbour-reads.js';
import { cacheFor, type GraphCache } from './graph-cache.js';

/** Above this many relationships a node is a hub: reading all its neighbours costs more than a click may wait. */
export const HUB_DEGREE = 2_000;
/** Neighbours sampled per relationship type of a hub: enough for a label or threat of 1 in 50 to show. */
export const SAMPLE_PER_TYPE = 500;
/** A hub's counts are kept this long (and dropped on every write through the store). */
export const HUB_COUNTS_TTL_MS = 30_000;

const caches = new WeakMap<GraphStore, GraphCache<NeighbourCountsResponse>>();

/** 1 in `rate` of a type's relationships is sampled: all of them up to SAMPLE_PER_TYPE. */
export const samplingRate = (relationships: number): number =>
  Math.max(1, Math.ceil(relationships / SAMPLE_PER_TYPE));

/** What each selective-expand choice would add; exact for most nodes, partly estimated for hubs. */
export function countNeighbours(store: GraphStore, id: string): Promise<NeighbourCountsResponse> {
  return cacheFor(caches, store, { ttlMs: HUB_COUNTS_TTL_MS, maxEntries: 50 }).get(
    id,
    async () => {
      const counting = await readNeighbourCounting(store, id, {
        hubDegree: HUB_DEGREE,
        rateFor: samplingRate,
      });
      if (!counting) throw new NotFoundError(`No node with id "${id}".`, 'id');
      return counting.kind === 'exact'
        ? counting.counts
        : { node: counting.node, ...estimateHubCounts(counting.degrees, counting.rates, counting.sample) };
    },
    // Only hubs are worth keeping: any other node is counted exactly in a few milliseconds.
    (counts) => counts.sample !== undefined,
  );
}

type Tally = Map<string, { exact: Set<string>; scaled: number }>;

function add(tally: Tally, key: string, neighbour: string, weight: number | null): void {
  let t = tally.get(key);
  if (!t) tally.set(key, (t = { exact: new Set(), scaled: 0 }));
  if (weight === null) t.exact.add(neighbour);
  else t.scaled += weight;
}

const figure = (t: { exact: Set<string>; scaled: number }) => ({
  count: t.exact.size + Math.round(t.scaled),
  ...(t.scaled > 0 ? { estimate: true as const } : {}),
});

const byCount =
  <T extends { count: number }>(name: (x: T) => string) =>
  (a: T, b: T) =>
    b.count - a.count || name(a).localeCompare(name(b));

/**
 * A hub's counts from its degrees and its sample. A fully read type (rate 1) gives exact distinct neighbours; a
 * sampled one gives its relationships per direction, and weighs each sampled neighbour by relationships / sampled
 * in its type and direction for the label and threat estimates.
 */
export function estimateHubCounts(
  degrees: readonly TypeDegree[],
  rates: Readonly<Record<string, number>>,
  sample: readonly SampledNeighbour[],
): Omit<NeighbourCountsResponse, 'node'> {
  const sampled = new Map<string, number>();
  for (const s of sample) sampled.set(`${s.type}|${s.out}`, (sampled.get(`${s.type}|${s.out}`) ?? 0) + 1);
  const degreeOf = (type: string, out: boolean): number => {
    const d = degrees.find((x) => x.type === type);
    return d ? (out ? d.out : d.in) : 0;
  };
  /** null: the neighbour was read with every other one of its type, so it counts once, exactly. */
  const weight = (s: SampledNeighbour): number | null =>
    (rates[s.type] ?? 1) === 1 ? null : degreeOf(s.type, s.out) / sampled.get(`${s.type}|${s.out}`)!;

  const labels: Tally = new Map();
  const threats: Tally = new Map();
  const threatNames = new Map<string, string>();
  const exactTypes = new Map<string, { out: Set<string>; in: Set<string>; all: Set<string> }>();
  const everyone = new Set<string>();
  for (const s of sample) {
    const w = weight(s);
    for (const l of s.labels) add(labels, l, s.neighbour, w);
    for (const t of s.threats) {
      threatNames.set(t.id, t.name);
      add(threats, t.id, s.neighbour, w);
    }
    if (w === null) {
      let e = exactTypes.get(s.type);
      if (!e) exactTypes.set(s.type, (e = { out: new Set(), in: new Set(), all: new Set() }));
      e[s.out ? 'out' : 'in'].add(s.neighbour);
      e.all.add(s.neighbour);
      everyone.add(s.neighbour);
    }
  }

  const byType: NeighbourCountsResponse['byType'] = degrees
    .map((d) => {
      const e = exactTypes.get(d.type);
      if ((rates[d.type] ?? 1) === 1)
        return { type: d.type, count: e?.all.size ?? 0, out: e?.out.size ?? 0, in: e?.in.size ?? 0 };
      // A neighbour linked both ways counts twice in the sum: an upper bound then.
      return {
        type: d.type,
        count: d.out + d.in,
        out: d.out,
        in: d.in,
        ...(d.out > 0 && d.in > 0 ? { estimate: true as const } : {}),
      };
    })
    .filter((t) => t.count > 0)
    .sort(byCount((t) => t.type));

  const sampledTypes = byType.filter((t) => (rates[t.type] ?? 1) > 1);
  const total = everyone.size + sampledTypes.reduce((n, t) => n + t.count, 0);
  // Exact when every type was read, or one type holds every neighbour; otherwise a neighbour linked by two types
  // counts twice.
  const totalExact = sampledTypes.length === 0 || (byType.length === 1 && !byType[0]!.estimate);

  return {
    total,
    ...(totalExact ? {} : { totalEstimate: true as const }),
    byType,
    byLabel: [...labels]
      .map(([label, t]) => ({ label, ...figure(t) }))
      .filter((l) => l.count > 0)
      .sort(byCount((l) => l.label)),
    byThreat: [...threats]
      .map(([id, t]) => ({ threat: { id, name: threatNames.get(id) ?? id }, ...figure(t) }))
      .filter((t) => t.count > 0)
      .sort(byCount((t) => t.threat.name)),
    sample: { size: sample.length, of: degrees.reduce((n, d) => n + d.out + d.in, 0) },
  };
}
