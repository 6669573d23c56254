// Fault: kill -9 the API server in the middle of concurrent curator writes, restart it, and check consistency.
import type { ApiProcess } from '../bench/api-process.js';
import type { GraphStore } from '../server/src/store/neo4j-store.js';
import { checkConsistency, type ConsistencyReport } from './consistency.js';
import { startCuratorWrites, type AckedWrite, type WriteTargets } from './curator-writes.js';

export interface ApiKillOptions {
  /** The running API process to kill. */
  api: ApiProcess;
  /** Starts the API process again (same port and database); resolves once healthy. */
  restart(): Promise<ApiProcess>;
  store: GraphStore;
  curator: { username: string; headers: Record<string, string> };
  quote: string;
  /** The source the quote is from (default the seed's write source). */
  sourceId?: string;
  /** Existing elements the writers also update and link to (default none). */
  targets?: WriteTargets;
  /** Concurrent writers (default 12), so that several writes are in flight at the kill. */
  concurrency?: number;
  /** Tag of the writes' node ids (`country:rel-<tag>-<n>`); random by default. */
  tag?: string;
  /** Acknowledged writes to wait for before the kill (default 30). */
  ackedBeforeKill?: number;
}

export interface ApiKillResult {
  writesAttempted: number;
  writesAcknowledged: number;
  /** Write requests in flight when the server died: their outcome is unknown to the client, so either is fine. */
  inFlightAtKill: number;
  /** Of those, how many were applied after all (their Change exists though no answer came). */
  appliedWithoutAnswer: number;
  writesPresent: number;
  lostWrites: number;
  /** 5xx answers before the kill (a dying server answers nothing, so there is no fault to explain them). */
  serverErrors: number;
  /** From the kill to the restarted server answering health. */
  restartMs: number;
  /** Acknowledged nodes read back through the restarted API at their acknowledged version or later. */
  readBack: { checked: number; ok: number };
  consistency: ConsistencyReport;
  ok: boolean;
  /** The restarted server (the caller stops it). */
  api: ApiProcess;
}

export async function runApiKill(opts: ApiKillOptions): Promise<ApiKillResult> {
  const writes = startCuratorWrites({
    baseUrl: opts.api.baseUrl,
    headers: opts.curator.headers,
    quote: opts.quote,
    sourceId: opts.sourceId,
    targets: opts.targets,
    concurrency: opts.concurrency ?? 12,
    timeoutMs: 20_000,
    tag: opts.tag,
  });
  const started = Date.now();
  while (writes.log.acked.length < (opts.ackedBeforeKill ?? 30) && Date.now() - started < 60_000)
    await new Promise((r) => setTimeout(r, 20));
  const inFlightAtKill = writes.inFlight();
  const killAt = Date.now();
  process.kill(opts.api.pid, 'SIGKILL');
  const log = await writes.stop();
  await opts.api.exited;
  const api = await opts.restart();
  const restartMs = Date.now() - killAt;

  const consistency = await checkConsistency(opts.store, {
    users: [opts.curator.username],
    acked: log.acked,
    orphanPrefix: `country:rel-${log.tag}-`,
  });
  // Read back through the API the latest acknowledged version of every node (relationships have no GET of their own).
  const latest = new Map<string, AckedWrite>();
  for (const a of log.acked)
    if (a.targetKind === 'node' && (latest.get(a.targetId)?.version ?? 0) < a.version)
      latest.set(a.targetId, a);
  let ok = 0;
  for (const a of latest.values()) {
    const r = await fetch(`${api.baseUrl}/api/nodes/${encodeURIComponent(a.targetId)}`);
    const body = (await r.json().catch(() => null)) as { node?: { properties: { version: number } } } | null;
    const v = body?.node?.properties.version;
    if (r.ok && typeof v === 'number' && v >= a.version) ok++;
  }
  const serverErrors = log.samples.filter((s) => s.status >= 500 && s.end < killAt).length;
  return {
    writesAttempted: log.attempted,
    writesAcknowledged: log.acked.length,
    inFlightAtKill,
    appliedWithoutAnswer: consistency.unacknowledgedChanges,
    writesPresent: consistency.writesPresent,
    lostWrites: consistency.lostWrites,
    serverErrors,
    restartMs,
    readBack: { checked: latest.size, ok },
    consistency,
    ok:
      consistency.ok &&
      consistency.lostWrites === 0 &&
      serverErrors === 0 &&
      ok === latest.size &&
      consistency.unacknowledgedChanges <= inFlightAtKill,
    api,
  };
}
