// Graceful shutdown, end to end: SIGTERM to `npm start` (embedded Neo4j) while a slow read is in flight.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApiProcess } from '../bench/api-process.js';
import { freePort } from '../server/src/embedded-neo4j.js';

/** The slow request: a genuinely slow read through the console (no test hook in the server). */
const SLOW_QUERY = 'UNWIND range(1, $n) AS x WITH x WHERE x % 7 = 3 RETURN count(x) AS c';
/** How long the slow read should take: well past the SIGTERM, well under the server's 10 s drain limit. */
const SLOW_TARGET_MS = 3000;
/** SIGTERM goes this long after the slow read was sent. */
const SIGTERM_AFTER_MS = 500;

export interface ShutdownResult {
  /** The slow read: how long it took, its status, and whether it was still in flight at the SIGTERM. */
  inFlight: { status: number; ms: number; answeredAfterSigterm: boolean };
  /** A new connection after the SIGTERM was refused (no listener any more). */
  newRequestRefused: boolean;
  exitCode: number | string;
  /** From the SIGTERM to the process's exit (drain + driver close + Neo4j stop). */
  exitMs: number;
  /** The slow read's calibration on this machine: n and how long each run took. */
  calibration: { n: number; ms: number }[];
  /** Launcher JVMs still running for the data directory after the exit. */
  jvmsLeft: number;
  ok: boolean;
}

/** Pids of launcher JVMs whose data directory is `dataDir`. */
export function jvmsFor(dataDir: string): number[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).stdout;
  return ps
    .split('\n')
    .filter((l) => l.includes('org.secgraph.Launcher') && l.includes(dataDir))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

async function cypher(baseUrl: string, n: number): Promise<{ status: number; ms: number; end: number }> {
  const t = Date.now();
  const r = await fetch(`${baseUrl}/api/cypher`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SLOW_QUERY, params: { n } }),
  });
  await r.arrayBuffer();
  return { status: r.status, ms: Date.now() - t, end: Date.now() };
}

/** A request on a fresh connection (no pooled socket): resolves true when the connection is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((res) => {
    const req = get({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (r) => {
      r.resume();
      res(false);
    });
    req.on('error', () => res(true));
    req.setTimeout(5000, () => {
      req.destroy();
      res(false);
    });
  });
}

export async function runGracefulShutdown(): Promise<ShutdownResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'secgraph-shutdown-'));
  try {
    const port = await freePort();
    const api = await startApiProcess({
      uri: '',
      port,
      healthyWithinMs: 300_000,
      // A long query limit: a cold JVM on a busy machine may take more than 5 s over a seed step (this is about shutdown).
      env: {
        NEO4J_DATA_DIR: dataDir,
        NEO4J_HEAP: '256m',
        NEO4J_PAGECACHE_MB: '64',
        AUTO_SEED: 'true',
        CONSOLE_TIMEOUT_MS: '60000',
        QUERY_TIMEOUT_MS: '60000',
      },
    });
    try {
      // Calibrate the slow read on this machine, now: double n until one run takes half the target, then double it.
      let n = 1_000_000;
      const calibration: { n: number; ms: number }[] = [];
      for (let i = 0; i < 12; i++) {
        const probe = await cypher(api.baseUrl, n);
        if (probe.status !== 200)
          throw new Error(`graceful shutdown: the console answered ${probe.status} to the calibration read`);
        calibration.push({ n, ms: probe.ms });
        if (probe.ms >= SLOW_TARGET_MS / 2) break;
        n *= 2;
      }
      n *= 2;
      const slow = cypher(api.baseUrl, n).catch(() => ({ status: 0, ms: 0, end: Date.now() }));
      await new Promise((r) => setTimeout(r, SIGTERM_AFTER_MS));
      const sigtermAt = Date.now();
      api.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 100));
      const newRequestRefused = await refused(port);
      const answer = await slow;
      const exitCode = await api.exited;
      const exitMs = Date.now() - sigtermAt;
      const jvmsLeft = jvmsFor(dataDir).length;
      const inFlight = { status: answer.status, ms: answer.ms, answeredAfterSigterm: answer.end > sigtermAt };
      return {
        inFlight,
        newRequestRefused,
        exitCode,
        exitMs,
        calibration,
        jvmsLeft,
        ok:
          inFlight.status === 200 &&
          inFlight.answeredAfterSigterm &&
          newRequestRefused &&
          exitCode === 0 &&
          jvmsLeft === 0,
      };
    } finally {
      if (api.child.exitCode === null && api.child.signalCode === null) {
        api.child.kill('SIGKILL');
        await api.exited;
      }
    }
  } finally {
    for (const pid of jvmsFor(dataDir)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}
