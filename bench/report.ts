// The API benchmark's figures: percentiles, the result file's shape, its Markdown table and the issue's targets.

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}
export interface OperationResult {
  name: string;
  samples: number;
  errors: number;
  api: Percentiles;
  raw: Percentiles;
  ratioP50: number;
  /** API p95 / raw p95. */
  ratioP95?: number;
  /**
   * The floor (bench/api-floor-server.ts): the same service call behind a bare node:http server, timed in the same
   * loop as the API and the raw driver. Absent for operations the floor does not serve.
   */
  floor?: Percentiles;
  /** Answers compared byte for byte between the floor and the API (during warm-up), and how many differed. */
  floorSame?: { compared: number; differed: number };
  /** The machine's 1-minute load average when the operation's samples were summarised (the machine is shared). */
  load1?: number;
  /** A hub operation's cold figures hub by hub (hub-bench.ts). */
  perHub?: { id: string; degree: number; apiMs: number; rawMs: number; apiOk: boolean; rawOk: boolean }[];
}

export interface BenchResult {
  date: string;
  /** `uptime`'s load averages (1, 5, 15 min) at the start and the end: the machine is shared. */
  load?: { start: number[]; end: number[] };
  graph: string;
  graphSize: { nodes: number; relationships: number };
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  /** The Node.js flags the API and floor processes ran with (`npm start`'s, package.json `config.serverNodeFlags`). */
  serverNodeFlags?: string[];
  /** The Node.js flags the benchmark's own process (the raw side, and the client of the HTTP sides) ran with. */
  benchNodeFlags?: string[];
  neo4j: {
    settings: Record<string, string>;
    embedded: boolean;
    heap: string | null;
    pageCacheMb: number | null;
  };
  samples: number;
  /**
   * The untimed mix every side answered before the first timed request (absent in results from before it): its
   * length, requests per side and, since each operation is given the same time, requests per operation.
   */
  warm?: { seconds: number; requestsPerSide: number; byOperation?: Record<string, number> };
  /** How the API and the floor were requested (`--client`): undici's fetch or node:http with a keep-alive Agent. */
  client?: 'fetch' | 'http';
  /**
   * How the raw side ran the operations of one named query (absent in results from before 2026-12-06, when they
   * ran in a managed transaction, `executeQuery`): `auto-commit`, the store's own `read` as the API sends it.
   */
  rawQueries?: 'auto-commit';
  /** The checkout whose server was measured when it was not this one (`--api-root`). */
  apiRoot?: string;
  operations: OperationResult[];
  ratios: Record<string, number>;
  throughput: {
    operation: string;
    connections: number;
    requestsPerSecond: number;
    latencyP50: number;
    latencyP99: number;
    errors: number;
    non2xx: number;
    /**
     * The raw side at the same concurrency for the same time: as many of the store's own 1-hop reads in flight in
     * the benchmark's process, each starting as the last ended (absent in results from before 2026-12-06).
     */
    raw?: { requestsPerSecond: number; latencyP50: number; latencyP99: number; errors: number };
  }[];
  serverRssMiB: { peak: number; end: number };
}

/** Nearest-rank percentile of sorted `xs`. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function stats(xs: readonly number[]): Percentiles {
  const s = [...xs].sort((a, b) => a - b);
  const round = (n: number): number => Number(n.toFixed(2));
  return {
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}

export function summarise(
  name: string,
  api: readonly number[],
  raw: readonly number[],
  errors: number,
  /** The machine's 1-minute load average as the samples end (`os.loadavg()[0]`; this file also runs in a browser). */
  load1?: number,
  /** The floor's times for the same inputs, when it served this operation. */
  floor?: readonly number[],
): OperationResult {
  const a = stats(api);
  const r = stats(raw);
  return {
    name,
    samples: api.length,
    errors,
    api: a,
    raw: r,
    ratioP50: Number((a.p50 / r.p50).toFixed(3)),
    ratioP95: Number((a.p95 / r.p95).toFixed(3)),
    ...(floor?.length ? { floor: stats(floor) } : {}),
    ...(load1 === undefined ? {} : { load1: Number(load1.toFixed(1)) }),
  };
}

/** The issues' p95 targets in ms, on the 1M-node graph (issue 19: page open and hubs). */
export const P95_TARGETS: Record<string, number> = {
  search: 30,
  neighbours_1hop: 15,
  neighbourhood_2hop: 50,
  shortest_path: 100,
  open_health: 300,
  open_me: 300,
  open_schema: 50,
  open_node: 300,
  open_neighbours: 300,
  open_counts: 300,
  hub_counts_cold: 1000,
  hub_counts_warm: 300,
  hub_page_cold: 1000,
  hub_page_warm: 300,
};
/** Issue 18.1: API / raw driver at p50 and at p95. */
export const RATIO_TARGET = 1.15;
export const RATIO_P95_TARGET = 1.3;
/** Issue 18.1's fallback: within 10% of the measured limit (the floor) where the floor itself misses the target. */
export const FLOOR_RATIO_TARGET = 1.1;
export const THROUGHPUT_TARGET = 500;
/** Where the raw driver alone stays under THROUGHPUT_TARGET, the API's share of its rate that counts as met. */
export const THROUGHPUT_RAW_SHARE = 0.9;

/**
 * Issue 18.3 at 32 connections: THROUGHPUT_TARGET requests/s with no errors, or, on a run where the raw side alone
 * stays under it, within 10% of the raw side's rate (the issue's rule for a target beyond what the machine allows).
 */
export function throughputMet(t: BenchResult['throughput'][number]): boolean {
  if (t.errors + t.non2xx > 0) return false;
  if (t.requestsPerSecond >= THROUGHPUT_TARGET) return true;
  return (
    t.raw !== undefined &&
    t.raw.requestsPerSecond < THROUGHPUT_TARGET &&
    t.requestsPerSecond >= THROUGHPUT_RAW_SHARE * t.raw.requestsPerSecond
  );
}
export const RSS_TARGET_MIB = 300;

const mark = (ok: boolean): string => (ok ? 'yes' : '**no**');

/**
 * A p95 target met outright, or, where the raw driver alone is over it on this run (the machine's limit for that
 * query, the issue's own rule), the API within 10% of the raw p95; the cell says which.
 */
export function p95Verdict(o: Pick<OperationResult, 'api' | 'raw'>, target: number): string {
  const plain = `≤ ${target} ms ${mark(o.api.p95 <= target)}`;
  if (o.api.p95 <= target || !(o.raw.p95 > target)) return plain;
  const ratio = o.api.p95 / o.raw.p95;
  return `${plain}; raw ${o.raw.p95} is over it: API/raw ${ratio.toFixed(2)} (≤ ${FLOOR_RATIO_TARGET}) ${mark(ratio <= FLOOR_RATIO_TARGET)}`;
}

export function renderMarkdown(r: BenchResult): string {
  const lines = [
    `# API benchmark: ${r.graph} (${r.graphSize.nodes.toLocaleString('en')} nodes, ${r.graphSize.relationships.toLocaleString('en')} relationships)`,
    '',
    `${r.date} · ${r.load ? `load ${r.load.start.map((x) => x.toFixed(1)).join(' ')} → ${r.load.end.map((x) => x.toFixed(1)).join(' ')} · ` : ''}${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}${r.serverNodeFlags?.length ? ` (server ${r.serverNodeFlags.join(' ')}${r.benchNodeFlags ? `; this benchmark and its raw side ${r.benchNodeFlags.join(' ') || 'none'}` : ''})` : ''} · Neo4j ${r.neo4j.embedded ? 'embedded' : 'external'}, heap ${r.neo4j.settings['server.memory.heap.max_size'] ?? r.neo4j.heap ?? '?'}, page cache ${r.neo4j.settings['server.memory.pagecache.size'] ?? (r.neo4j.pageCacheMb ? `${r.neo4j.pageCacheMb} MiB` : '?')} · ${r.samples} samples per operation${r.warm ? ` after ${r.warm.requestsPerSide.toLocaleString('en')} untimed requests per side (${r.warm.seconds} s${r.warm.byOperation ? ', the same time for each operation' : ''})` : ''}${r.client ? ` · client ${r.client === 'http' ? 'node:http keep-alive Agent' : 'fetch (undici)'}` : ''}${r.rawQueries ? ` · raw side's queries ${r.rawQueries}, as the API sends them` : ''}${r.apiRoot ? ` · API server from ${r.apiRoot}` : ''}`,
    '',
    `| Operation | API p50 | API p95 | API p99 | Raw p50 | Raw p95 | Raw p99 | Ratio p50 (≤ ${RATIO_TARGET}) | p95 target | Errors | Load (1 min) |`,
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...r.operations.map((o) => {
      const target = P95_TARGETS[o.name];
      // No raw side (a request that reads no database): no ratio either.
      const raw = (n: number): string => (Number.isFinite(n) ? String(n) : '–');
      const ratio = Number.isFinite(o.ratioP50) ? `${o.ratioP50} ${mark(o.ratioP50 <= RATIO_TARGET)}` : '–';
      return `| ${o.name} | ${o.api.p50} | ${o.api.p95} | ${o.api.p99} | ${raw(o.raw.p50)} | ${raw(o.raw.p95)} | ${raw(o.raw.p99)} | ${ratio} | ${target ? p95Verdict(o, target) : '–'} | ${o.errors} | ${o.load1 ?? '–'} |`;
    }),
    '',
    "Latencies in ms. `open_*`: the requests the page sends when it opens on a random actor. `hub_*`: the highest-degree nodes, each one's first request (cold) and repeats (warm); the API keeps a hub's answers 30 s, the raw side reruns the queries (warm page cache).",
    ...floorTable(r.operations),
    '',
    'Throughput of 1-hop neighbours (autocannon), beside the raw driver at the same concurrency (that many of the',
    "store's 1-hop reads in flight in the benchmark's process for the same time). Met at 32 connections: at least",
    `${THROUGHPUT_TARGET} requests/s with no errors, or, where the raw side alone stays under ${THROUGHPUT_TARGET} (what the machine allows`,
    `then), at least ${THROUGHPUT_RAW_SHARE} of the raw side's rate.`,
    '',
    '| Connections | Requests/s | p50 ms | p99 ms | Errors | Non-2xx | Raw requests/s | Raw p50 ms | Raw p99 ms | API/raw |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...r.throughput.map(
      (t) =>
        `| ${t.connections} | ${t.requestsPerSecond.toFixed(0)}${t.connections === 32 ? ` (≥ ${THROUGHPUT_TARGET} ${mark(throughputMet(t))})` : ''} | ${t.latencyP50} | ${t.latencyP99} | ${t.errors} | ${t.non2xx} | ${t.raw ? `${t.raw.requestsPerSecond.toFixed(0)} | ${t.raw.latencyP50} | ${t.raw.latencyP99} | ${(t.requestsPerSecond / t.raw.requestsPerSecond).toFixed(2)}` : '– | – | – | –'} |`,
    ),
    '',
    `Server RSS: peak ${r.serverRssMiB.peak} MiB, at the end ${r.serverRssMiB.end} MiB (< ${RSS_TARGET_MIB} MiB ${mark(r.serverRssMiB.peak < RSS_TARGET_MIB)}).`,
    '',
  ];
  return lines.join('\n');
}

const fixed = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : '–');

/**
 * The API against the floor (the same work behind a bare node:http server) and the raw driver: where the floor's
 * own ratio to raw misses the target, that is what an HTTP hop costs on this machine, and the API is held to
 * within FLOOR_RATIO_TARGET of the floor instead.
 */
function floorTable(ops: readonly OperationResult[]): string[] {
  const withFloor = ops.filter((o) => o.floor);
  if (!withFloor.length) return [];
  const row = (o: OperationResult, p: 'p50' | 'p95', target: number): string => {
    const f = o.floor!;
    const apiRaw = o.api[p] / o.raw[p];
    const floorRaw = f[p] / o.raw[p];
    const apiFloor = o.api[p] / f[p];
    // Met outright, or (the floor itself missing the target) within 10% of the floor.
    const met = apiRaw <= target || (floorRaw > target && apiFloor <= FLOOR_RATIO_TARGET);
    return `${o.raw[p]} | ${f[p]} | ${o.api[p]} | ${fixed(apiRaw)} | ${fixed(floorRaw)} | ${fixed(apiFloor)} ${mark(met)}`;
  };
  return [
    '',
    'The API against its floor: the same service call (same Cypher, parameters, driver settings, mapping and',
    'JSON) behind a bare node:http server in its own process, answering with the headers every API answer carries',
    '(security headers, request id, Content-Type, Content-Length, ETag), requested by the same client in the same loop.',
    `Met: API/raw within the target (p50 ≤ ${RATIO_TARGET}, p95 ≤ ${RATIO_P95_TARGET}), or, where floor/raw is itself above it,`,
    `API/floor ≤ ${FLOOR_RATIO_TARGET}. "Same": answers compared byte for byte during warm-up (differing / compared).`,
    '',
    '| Operation | Raw p50 | Floor p50 | API p50 | API/raw | floor/raw | API/floor, met | Raw p95 | Floor p95 | API p95 | API/raw | floor/raw | API/floor, met | Same |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...withFloor.map(
      (o) =>
        `| ${o.name} | ${row(o, 'p50', RATIO_TARGET)} | ${row(o, 'p95', RATIO_P95_TARGET)} | ${o.floorSame ? `${o.floorSame.differed} / ${o.floorSame.compared}` : '–'} |`,
    ),
  ];
}
