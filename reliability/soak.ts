// Soak: minutes of mixed reads at 32 connections plus a trickle of curator writes; latency per window, RSS, lost writes.
import type { GraphStore } from '../server/src/store/neo4j-store.js';
import { rssMiB } from '../bench/api-process.js';
import { checkConsistency, type ConsistencyReport } from './consistency.js';
import { startCuratorWrites, type WriteTargets } from './curator-writes.js';
import { readInputs, startReadLoad } from './read-load.js';
import {
  byOperation,
  latencySummary,
  latencyWindows,
  percentile,
  round,
  slope,
  statusCounts,
  type LatencySummary,
  type Sample,
  type Window,
} from './stats.js';

export interface SoakOptions {
  baseUrl: string;
  store: GraphStore;
  /** The API server's pid, for its RSS. */
  apiPid: number;
  minutes: number;
  connections?: number;
  /** Curator writes: bearer headers, the curator's name and a quote; a write every `writePauseMs` (default 250 ms). */
  writes: {
    headers: Record<string, string>;
    username: string;
    quote: string;
    sourceId?: string;
    targets?: WriteTargets;
    writePauseMs?: number;
  };
}

/** Windows per run: per minute for the 10-minute default, shorter for shorter runs. */
const WINDOWS = 10;
/** p99 is "stable" when the last windows' p99 is within this factor of the first windows'. */
export const STABLE_P99_FACTOR = 2;
/** RSS is "flat" when its fitted growth over the second half stays under this many MiB per minute. */
export const FLAT_RSS_MIB_PER_MIN = 2;
const RSS_EVERY_MS = 5000;

export interface SoakResult {
  minutes: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  statuses: Record<string, number>;
  /** Non-2xx answers and requests with no answer (reads and writes; 409s of racing writers are not errors). */
  errors: number;
  serverErrors: number;
  latency: LatencySummary;
  /** The same per kind of request, with its statuses (failures with their error code). */
  byOperation: ReturnType<typeof byOperation>;
  windows: Window[];
  /**
   * p99 of the first windows (the median of windows 2 and 3: the first warms caches up) against the last two
   * windows' (their median); stable when last <= STABLE_P99_FACTOR x first.
   */
  p99: { firstMs: number; lastMs: number; ratio: number; stable: boolean };
  /** Server RSS sampled every 5 s; slope of a least-squares line over the second half. */
  rss: {
    startMiB: number;
    endMiB: number;
    maxMiB: number;
    secondHalfSlopeMiBPerMin: number;
    flat: boolean;
    samples: number;
    /**
     * The lowest and highest RSS of each minute: the process's heap grows in steps and is given back after large
     * answers, so minima that keep rising point to a leak, and a saw-tooth over flat minima to a heap at its size.
     */
    byMinute: { minute: number; minMiB: number; maxMiB: number }[];
  };
  writes: {
    attempted: number;
    acknowledged: number;
    conflicts: number;
    failed: Record<string, number>;
    failedCodes: Record<string, number>;
  };
  writesAcknowledged: number;
  writesPresent: number;
  lostWrites: number;
  consistency: ConsistencyReport;
}

export async function runSoak(
  opts: SoakOptions,
  progress: (line: string) => void = () => {},
): Promise<SoakResult> {
  const inputs = await readInputs(opts.store);
  const connections = opts.connections ?? 32;
  const samples: Sample[] = [];
  const rss: { x: number; y: number }[] = [];
  const t0 = Date.now();
  const durationMs = opts.minutes * 60_000;
  const sampleRss = (): void => {
    const v = rssMiB(opts.apiPid);
    if (Number.isFinite(v)) rss.push({ x: (Date.now() - t0) / 60_000, y: v });
  };
  sampleRss();
  const rssTimer = setInterval(sampleRss, RSS_EVERY_MS);
  const load = startReadLoad({
    baseUrl: opts.baseUrl,
    inputs,
    connections,
    onSample: (s) => samples.push(s),
  });
  const writes = startCuratorWrites({
    baseUrl: opts.baseUrl,
    headers: opts.writes.headers,
    quote: opts.writes.quote,
    sourceId: opts.writes.sourceId,
    targets: opts.writes.targets,
    pauseMs: opts.writes.writePauseMs ?? 250,
  });
  const tick = setInterval(
    () =>
      progress(
        `soak: ${Math.round((Date.now() - t0) / 1000)} s, ${samples.length} reads, ${writes.log.acked.length} writes acknowledged`,
      ),
    60_000,
  );
  try {
    await new Promise((r) => setTimeout(r, durationMs));
  } finally {
    clearInterval(tick);
    await load.stop();
    await writes.stop();
    clearInterval(rssTimer);
    sampleRss();
  }
  const elapsed = (Date.now() - t0) / 1000;
  const all = [...samples, ...writes.log.samples];
  const windows = latencyWindows(all, t0, durationMs / WINDOWS, WINDOWS);
  const firstWindows = windows.slice(1, 3).map((w) => w.p99);
  const lastWindows = windows.slice(-2).map((w) => w.p99);
  const first = percentile(firstWindows.length ? firstWindows : [windows[0]?.p99 ?? NaN], 50);
  const last = percentile(lastWindows, 50);
  const half = rss.filter((p) => p.x >= opts.minutes / 2);
  const rssSlope = slope(half);
  const consistency = await checkConsistency(opts.store, {
    users: [opts.writes.username],
    acked: writes.log.acked,
  });
  return {
    minutes: opts.minutes,
    connections,
    requests: all.length,
    requestsPerSecond: round(all.length / elapsed),
    statuses: statusCounts(all),
    errors: all.filter((s) => (s.status < 200 || s.status >= 300) && s.status !== 409).length,
    serverErrors: all.filter((s) => s.status >= 500).length,
    latency: latencySummary(all),
    byOperation: byOperation(all),
    windows,
    p99: {
      firstMs: first,
      lastMs: last,
      ratio: round(last / first, 2),
      stable: last <= STABLE_P99_FACTOR * first,
    },
    rss: {
      startMiB: round(rss[0]?.y ?? NaN),
      endMiB: round(rss.at(-1)?.y ?? NaN),
      maxMiB: round(Math.max(...rss.map((p) => p.y))),
      secondHalfSlopeMiBPerMin: round(rssSlope, 2),
      flat: rssSlope < FLAT_RSS_MIB_PER_MIN,
      samples: rss.length,
      byMinute: Array.from({ length: Math.ceil(opts.minutes) }, (_, minute) => {
        const ys = rss.filter((p) => p.x >= minute && p.x < minute + 1).map((p) => p.y);
        return { minute, minMiB: round(Math.min(...ys)), maxMiB: round(Math.max(...ys)) };
      }).filter((m) => Number.isFinite(m.minMiB)),
    },
    writes: {
      attempted: writes.log.attempted,
      acknowledged: writes.log.acked.length,
      conflicts: writes.log.conflicts,
      failed: writes.log.failed,
      failedCodes: writes.log.failedCodes,
    },
    writesAcknowledged: consistency.writesAcknowledged,
    writesPresent: consistency.writesPresent,
    lostWrites: consistency.lostWrites,
    consistency,
  };
}
