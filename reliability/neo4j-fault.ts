// Fault: kill -9 Neo4j under read and write load, then bring it back; measures the 503s and the recovery.
import { readInputs, startReadLoad, timedGet } from './read-load.js';
import { startCuratorWrites, type WriteLog } from './curator-writes.js';
import type { GraphStore } from '../server/src/store/neo4j-store.js';
import { round, statusCounts, type Sample } from './stats.js';

export interface Neo4jKillOptions {
  baseUrl: string;
  /** A store on the same database (for the read inputs, taken before the kill). */
  store: GraphStore;
  /** Kills Neo4j outright (SIGKILL). */
  kill(): void | Promise<void>;
  /** Starts Neo4j again on the same data directory and port; resolves once Bolt answers. */
  restart(): Promise<void>;
  /** Curator bearer headers and a quote, to add a write trickle; reads only without them. */
  writes?: { headers: Record<string, string>; quote: string };
  connections?: number;
  /** How long the database stays down before the restart (default 3 s). */
  downMs?: number;
}

/**
 * A request is "answered in time" when its answer came within this long of the later of its start and the kill.
 * The bar: 503 within 1 s, no hanging requests.
 */
export const ANSWER_WITHIN_MS = 1000;
/** The bar for the API's recovery once Neo4j is back. */
export const RECOVER_WITHIN_MS = 10_000;

export interface Neo4jKillResult {
  requests: number;
  statuses: Record<string, number>;
  /** 503 DATABASE_UNAVAILABLE (and 504 QUERY_TIMEOUT on the cold database) between the kill and recovery: the fault's own, explained. */
  unavailableAnswers: number;
  /** From the kill to the first 503 answer. */
  firstUnavailableMs: number | null;
  /**
   * The slowest failed answer (non-2xx) of a request in flight at the kill or started before Neo4j's return,
   * measured from the later of its start and the kill: how long
   * the API took to say "unavailable". Successes are not counted: they were served by a live Neo4j (before the
   * kill, or after its return, when a cold database may be slow).
   */
  slowestFailureMs: number;
  /** Failed answers that took longer than ANSWER_WITHIN_MS (each one a request left hanging). */
  lateAnswers: number;
  /** The slowest success of a request started between the restart and the recovery (informational: a cold database). */
  slowestSuccessAfterRestartMs: number;
  /** `/api/health` while down: its status and `neo4j.connected`. */
  healthWhileDown: { status: number; connected: boolean | null };
  /** From Neo4j answering Bolt again to the API's first 200 on a read. */
  recoveryMs: number | null;
  /** From Neo4j answering Bolt again to `/api/health` saying connected (the gate's probe found it). */
  healthConnectedMs: number | null;
  /**
   * From Neo4j answering Bolt again to the first success of each kind of request in the load (null: none came
   * before the phase ended). Key lookups come back first; a traversal's first run on the cold database is slower.
   */
  firstSuccessByOpMs: Record<string, number | null>;
  downMs: number;
  /** 5xx answers not explained by the fault: any 5xx before the kill or after recovery, and any other 5xx in between. */
  serverErrors: number;
  /** 5xx answers other than 503 DATABASE_UNAVAILABLE and 504 QUERY_TIMEOUT, whenever they came (a 500 is never the fault's). */
  otherServerErrors: number;
  /** Requests with no HTTP answer at all within the client's limit (30 s reads, 60 s writes): the API must answer even without its database. */
  unanswered: number;
  writes: WriteLog | null;
  /** Requests with no answer or a failure, relative to the kill (ms): for diagnosis. */
  notable: { op: string; status: number; code?: string; start: number; end: number }[];
  /** Restart and recovery, relative to the kill (ms). */
  timeline: { upAt: number; recoveredAt: number | null };
  ok: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function runNeo4jKill(opts: Neo4jKillOptions): Promise<Neo4jKillResult> {
  const inputs = await readInputs(opts.store);
  const samples: Sample[] = [];
  const load = startReadLoad({
    baseUrl: opts.baseUrl,
    inputs,
    connections: opts.connections ?? 8,
    onSample: (s) => samples.push(s),
    timeoutMs: 30_000,
  });
  const writes = opts.writes
    ? startCuratorWrites({
        baseUrl: opts.baseUrl,
        headers: opts.writes.headers,
        quote: opts.writes.quote,
        concurrency: 2,
        pauseMs: 20,
        timeoutMs: 60_000,
      })
    : null;
  let killAt = 0;
  let upAt = 0;
  let recoveredAt = 0;
  let healthAt = 0;
  let health: { status: number; connected: boolean | null };
  try {
    await sleep(2000);
    killAt = Date.now();
    await opts.kill();
    await sleep(1500);
    const h = await fetch(`${opts.baseUrl}/api/health`).then(
      async (r) => ({ status: r.status, body: (await r.json()) as { neo4j?: { connected?: boolean } } }),
      () => ({ status: 0, body: {} as { neo4j?: { connected?: boolean } } }),
    );
    health = { status: h.status, connected: h.body.neo4j?.connected ?? null };
    await sleep(Math.max(0, (opts.downMs ?? 3000) - 1500));
    await opts.restart();
    upAt = Date.now();
    // Recovery: the first read that succeeds once Neo4j answers again (probed apart from the load, every 100 ms).
    const healthPoll = (async () => {
      while (Date.now() - upAt < 180_000) {
        const h = await fetch(`${opts.baseUrl}/api/health`).then(
          async (r) => ((await r.json()) as { neo4j?: { connected?: boolean } }).neo4j?.connected,
          () => false,
        );
        if (h) {
          healthAt = Date.now();
          return;
        }
        await sleep(100);
      }
    })();
    while (Date.now() - upAt < 180_000) {
      const s = await timedGet(
        opts.baseUrl,
        'probe',
        `/api/nodes/${encodeURIComponent(inputs.actors[0]!)}`,
        5000,
      );
      if (s.status === 200) {
        recoveredAt = s.end;
        break;
      }
      await sleep(100);
    }
    await healthPoll;
    await sleep(2000);
  } finally {
    await load.stop();
    await writes?.stop();
  }

  const all = [...samples, ...(writes?.log.samples ?? [])];
  const downEnd = recoveredAt || Date.now();
  // While Neo4j is down (started before its return): every failure must be quick. After its return, slow
  // failures (a cold database timing out) belong to the recovery, which recoveryMs measures.
  const failuresAfterKill = all.filter(
    (s) => s.end >= killAt && s.start < upAt && (s.status < 200 || s.status >= 300) && s.status !== 409,
  );
  // The fault's own answers: 503 while the database is gone, and 504 of queries stopped on the cold database
  // after its return, until the API's first successful read.
  const explained = (s: Sample): boolean =>
    ((s.status === 503 && s.code === 'DATABASE_UNAVAILABLE') ||
      (s.status === 504 && s.code === 'QUERY_TIMEOUT')) &&
    s.end >= killAt &&
    s.start <= downEnd;
  const answerMs = (s: Sample): number => s.end - Math.max(s.start, killAt);
  const firstUnavailable = all
    .filter((s) => s.status === 503 && s.end >= killAt)
    .map((s) => s.end)
    .sort((a, b) => a - b)[0];
  const slowest = Math.max(0, ...failuresAfterKill.map(answerMs));
  const lateAnswers = failuresAfterKill.filter((s) => answerMs(s) > ANSWER_WITHIN_MS).length;
  const afterRestart = all
    .filter((s) => s.status >= 200 && s.status < 300 && s.start >= upAt && s.start <= downEnd)
    .map((s) => s.end - s.start);
  const serverErrors = all.filter((s) => s.status >= 500 && !explained(s)).length;
  const unanswered = all.filter((s) => s.status === 0).length;
  const otherServerErrors = all.filter(
    (s) =>
      s.status >= 500 &&
      !(
        (s.status === 503 && s.code === 'DATABASE_UNAVAILABLE') ||
        (s.status === 504 && s.code === 'QUERY_TIMEOUT')
      ),
  ).length;
  const recoveryMs = recoveredAt ? recoveredAt - upAt : null;
  const firstSuccessByOpMs: Record<string, number | null> = {};
  for (const op of [...new Set(all.map((s) => s.op))].sort()) {
    const ends = all
      .filter((s) => s.op === op && s.start >= upAt && s.status >= 200 && s.status < 300)
      .map((s) => s.end);
    firstSuccessByOpMs[op] = ends.length ? Math.min(...ends) - upAt : null;
  }
  return {
    requests: all.length,
    statuses: statusCounts(all),
    unavailableAnswers: all.filter(explained).length,
    firstUnavailableMs: firstUnavailable === undefined ? null : firstUnavailable - killAt,
    slowestFailureMs: round(slowest, 0),
    lateAnswers,
    slowestSuccessAfterRestartMs: round(Math.max(0, ...afterRestart), 0),
    healthWhileDown: health,
    recoveryMs,
    healthConnectedMs: healthAt ? healthAt - upAt : null,
    firstSuccessByOpMs,
    downMs: upAt - killAt,
    serverErrors,
    otherServerErrors,
    unanswered,
    writes: writes?.log ?? null,
    notable: [
      ...all.filter((x) => x.status === 0 || (x.status >= 500 && !explained(x))),
      ...failuresAfterKill.filter((x) => answerMs(x) > ANSWER_WITHIN_MS),
    ]
      .slice(0, 20)
      .map((x) => ({
        op: x.op,
        status: x.status,
        code: x.code,
        start: x.start - killAt,
        end: x.end - killAt,
      })),
    timeline: { upAt: upAt - killAt, recoveredAt: recoveredAt ? recoveredAt - killAt : null },
    ok:
      serverErrors === 0 &&
      unanswered === 0 &&
      lateAnswers === 0 &&
      health.connected === false &&
      recoveryMs !== null &&
      recoveryMs <= RECOVER_WITHIN_MS,
  };
}
