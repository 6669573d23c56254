// The benchmark's "hub" operation: the graph's highest-degree nodes, their neighbour counts and first page of 50,
// cold (each hub's first request) and warm (repeated), through the API and the same Cypher through the raw driver.
// Each warm request is kept with its repetition and the seconds since the hub's cold request, so a slow warm figure
// shows whether it was a cache miss (the API keeps a hub's answers 30 s).
import { loadavg } from 'node:os';
import neo4j from 'neo4j-driver';
import { HUB_DEGREE, samplingRate } from '../server/src/services/neighbour-counts.js';
import type { GraphStore } from '../server/src/store/neo4j-store.js';
import { neighbourPage, readNeighbourCounting } from '../server/src/store/neighbour-reads.js';
import { summarise, type OperationResult } from './report.js';

export interface Hub {
  id: string;
  degree: number;
}

/** The `count` nodes with the most relationships (a scan of every node: run once, before timing). */
export async function highestDegreeNodes(store: GraphStore, count: number): Promise<Hub[]> {
  const res = await store.driver.executeQuery(
    `MATCH (n:Entity) WITH n, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT $count
     RETURN n.id AS id, degree`,
    { count: neo4j.int(count) },
    { database: store.database, routing: neo4j.routing.READ },
  );
  return res.records.map((r) => ({ id: r.get('id') as string, degree: Number(r.get('degree')) }));
}

/** One hub's first request, both sides (kept in the results file: the figures behind a cold percentile). */
export interface HubTiming {
  id: string;
  degree: number;
  apiMs: number;
  rawMs: number;
  apiOk: boolean;
  rawOk: boolean;
  /** Warm repetition (1 = the first after the cold pass); absent for a cold request. */
  rep?: number;
  /** Seconds since this hub's cold request: past the API's 30 s a warm request is a cache miss. */
  sinceColdS?: number;
}

export interface HubBenchOptions {
  /** The API's base URL. */
  base: string;
  /** A store without admission (the raw driver's side runs the service's own Cypher through it). */
  raw: GraphStore;
  hubs: readonly Hub[];
  /** Warm repetitions per hub. */
  warm: number;
}

/**
 * hub_counts_cold / hub_page_cold: each hub's first request, API first for even hubs and raw first for odd ones
 * (whichever goes second finds Neo4j's page cache warm). hub_counts_warm / hub_page_warm: `warm` more of each,
 * alternating. The API keeps a hub's answers 30 s (services/neighbour-counts.ts, neighbours.ts), the raw side has no
 * such cache: its warm figures are the queries themselves with a warm page cache.
 */
export async function benchHubs(o: HubBenchOptions): Promise<OperationResult[]> {
  const enc = encodeURIComponent;
  const api = async (path: string): Promise<{ ms: number; ok: boolean }> => {
    const t = performance.now();
    const r = await fetch(o.base + path);
    await r.arrayBuffer();
    return { ms: performance.now() - t, ok: r.ok };
  };
  // A raw run stopped at the time limit is timed and counted as an error, as the API's 504 is; any other error stops.
  const timed = async (work: () => Promise<unknown>): Promise<{ ms: number; ok: boolean }> => {
    const t = performance.now();
    try {
      await work();
      return { ms: performance.now() - t, ok: true };
    } catch (err) {
      if ((err as { code?: string }).code !== 'QUERY_TIMEOUT') throw err;
      return { ms: performance.now() - t, ok: false };
    }
  };
  const kinds = {
    counts: {
      path: (h: Hub) => `/api/nodes/${enc(h.id)}/neighbour-counts`,
      raw: (h: Hub) => () =>
        readNeighbourCounting(o.raw, h.id, { hubDegree: HUB_DEGREE, rateFor: samplingRate }),
    },
    page: {
      path: (h: Hub) => `/api/nodes/${enc(h.id)}/neighbours?limit=50`,
      raw: (h: Hub) => () =>
        neighbourPage(o.raw, {
          id: h.id,
          relTypes: null,
          direction: null,
          labels: null,
          threatIds: null,
          skip: 0,
          limit: 50,
        }),
    },
  } as const;

  const results: OperationResult[] = [];
  for (const [kind, k] of Object.entries(kinds)) {
    const cold = { api: [] as number[], raw: [] as number[], errors: 0, perHub: [] as HubTiming[] };
    const warm = { api: [] as number[], raw: [] as number[], errors: 0, perHub: [] as HubTiming[] };
    const coldAt = new Map<string, number>();
    const pair = async (h: Hub, apiFirst: boolean, into: typeof cold, rep?: number): Promise<void> => {
      const started = performance.now();
      if (rep === undefined) coldAt.set(h.id, started);
      let a = { ms: NaN, ok: false };
      let r = { ms: NaN, ok: false };
      const runApi = async () => {
        a = await api(k.path(h));
      };
      const runRaw = async () => {
        r = await timed(k.raw(h));
      };
      if (apiFirst) {
        await runApi();
        await runRaw();
      } else {
        await runRaw();
        await runApi();
      }
      into.errors += (a.ok ? 0 : 1) + (r.ok ? 0 : 1);
      into.api.push(a.ms);
      into.raw.push(r.ms);
      into.perHub.push({
        id: h.id,
        degree: h.degree,
        apiMs: Math.round(a.ms),
        rawMs: Math.round(r.ms),
        apiOk: a.ok,
        rawOk: r.ok,
        ...(rep === undefined
          ? {}
          : { rep, sinceColdS: Math.round((started - (coldAt.get(h.id) ?? started)) / 100) / 10 }),
      });
    };
    for (const [i, h] of o.hubs.entries()) await pair(h, i % 2 === 0, cold);
    for (let rep = 0; rep < o.warm; rep++)
      for (const [i, h] of o.hubs.entries()) await pair(h, (i + rep) % 2 === 1, warm, rep + 1);
    results.push({
      ...summarise(`hub_${kind}_cold`, cold.api, cold.raw, cold.errors, loadavg()[0]),
      perHub: cold.perHub,
    });
    results.push({
      ...summarise(`hub_${kind}_warm`, warm.api, warm.raw, warm.errors, loadavg()[0]),
      perHub: warm.perHub,
    });
    process.stdout.write(
      `hub ${kind}: cold api p95 ${results.at(-2)!.api.p95} ms, warm api p95 ${results.at(-1)!.api.p95} ms\n`,
    );
  }
  return results;
}
