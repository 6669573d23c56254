// Figures for the reliability runs: percentiles, per-window latency, status counts, and a least-squares slope.

/** One answered (or failed) request: when it started and ended (ms since epoch), its status (0: no answer), its error code. */
export interface Sample {
  op: string;
  start: number;
  end: number;
  status: number;
  code?: string;
}

/** The p-th percentile (0-100) of `xs` by nearest rank; NaN for an empty list. */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (x: number, digits = 1): number => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencySummary(samples: readonly Sample[]): LatencySummary {
  const ms = samples.map((s) => s.end - s.start);
  return {
    count: ms.length,
    p50: round(percentile(ms, 50)),
    p95: round(percentile(ms, 95)),
    p99: round(percentile(ms, 99)),
    max: round(Math.max(0, ...ms)),
  };
}

/** Requests by status: `{"200": 1234, "503": 2, "0": 1}` (0: no HTTP answer at all). */
export function statusCounts(samples: readonly Sample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) out[String(s.status)] = (out[String(s.status)] ?? 0) + 1;
  return out;
}

/** Latency and statuses (with error codes of failures: `504 QUERY_TIMEOUT`) of each kind of request. */
export function byOperation(
  samples: readonly Sample[],
): Record<string, LatencySummary & { statuses: Record<string, number> }> {
  const ops = new Map<string, Sample[]>();
  for (const s of samples) ops.set(s.op, [...(ops.get(s.op) ?? []), s]);
  return Object.fromEntries(
    [...ops.keys()].sort().map((op) => {
      const xs = ops.get(op)!;
      const statuses: Record<string, number> = {};
      for (const s of xs) {
        const k = s.status >= 200 && s.status < 300 ? String(s.status) : `${s.status} ${s.code ?? ''}`.trim();
        statuses[k] = (statuses[k] ?? 0) + 1;
      }
      return [op, { ...latencySummary(xs), statuses }];
    }),
  );
}

export interface Window extends LatencySummary {
  fromSec: number;
  errors: number;
}

/**
 * Latency per window of `windowMs` from `t0`, by when each request started; errors are non-2xx answers and no
 * answers. With `windows`, requests started after the last window (the stragglers of a stop) count in the last one.
 */
export function latencyWindows(
  samples: readonly Sample[],
  t0: number,
  windowMs: number,
  windows = Infinity,
): Window[] {
  const buckets = new Map<number, Sample[]>();
  for (const s of samples) {
    const k = Math.min(windows - 1, Math.floor((s.start - t0) / windowMs));
    if (!buckets.has(k)) buckets.set(k, []);
    buckets.get(k)!.push(s);
  }
  return [...buckets.keys()]
    .sort((a, b) => a - b)
    .map((k) => {
      const xs = buckets.get(k)!;
      return {
        fromSec: (k * windowMs) / 1000,
        ...latencySummary(xs),
        errors: xs.filter((s) => s.status < 200 || s.status >= 300).length,
      };
    });
}

/** Slope of the least-squares line through (x, y) points, in y units per x unit; 0 with fewer than two points. */
export function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const sxy = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

export { round };
