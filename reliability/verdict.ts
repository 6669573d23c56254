// The reliability run's totals and verdict: what counts as a server error, a lost write, a failure; the printed summary.
import type { ApiKillResult } from './api-fault.js';
import type { ConsistencyReport } from './consistency.js';
import type { AckedWrite } from './curator-writes.js';
import type { FuzzResult } from './fuzz.js';
import type { ShutdownResult } from './graceful-shutdown.js';
import type { HostileResult } from './hostile.js';
import { ANSWER_WITHIN_MS, RECOVER_WITHIN_MS, type Neo4jKillResult } from './neo4j-fault.js';
import type { SoakResult } from './soak.js';

export interface PhaseResults {
  fuzz?: FuzzResult & { fingerprintUnchanged: boolean };
  hostile?: HostileResult & { fingerprintUnchanged: boolean };
  neo4jKill?: Omit<Neo4jKillResult, 'writes'> & {
    writes: {
      attempted: number;
      acknowledged: number;
      conflicts: number;
      failed: Record<string, number>;
      failedCodes: Record<string, number>;
    } | null;
    acked: AckedWrite[];
  };
  apiKill?: Omit<ApiKillResult, 'api'>;
  soak?: SoakResult;
  consistency?: ConsistencyReport;
  shutdown?: ShutdownResult;
}

/** How the figures are counted, written into every results file. */
export const RESULT_DEFINITIONS = {
  requests:
    'HTTP requests sent by every phase (fuzz, hostile, the load and writes of the fault phases and the soak, the shutdown probes).',
  serverErrors:
    'Answers with a 5xx status that no injected fault explains, plus requests that got no answer at all where the server was up. ' +
    'During the Neo4j kill, a 503 DATABASE_UNAVAILABLE (or a 504 QUERY_TIMEOUT of the cold database after its return) of a request ' +
    "answered after the kill and started before the API's first successful read after Neo4j's return is the fault's own answer (counted in neo4jKill.unavailableAnswers, not here); any other 5xx in that window, and any 5xx outside it, counts. " +
    "During the API kill, requests cut off by the dying server have no answer and are the fault's own (their outcome is checked by the consistency check).",
  faultsInjected:
    'kill -9 of Neo4j under load (then a restart on the same data directory and port), kill -9 of the API during concurrent curator writes (then a restart), SIGTERM to npm start with a read in flight.',
  answerWithinMs: `Every failed answer after the Neo4j kill must come within ${ANSWER_WITHIN_MS} ms of the later of the request's start and the kill.`,
  recoveryMs: `From Neo4j answering Bolt again to the API's first 200 on a read; must be within ${RECOVER_WITHIN_MS} ms.`,
  writesAcknowledged: 'Curator writes answered 2xx, over the Neo4j kill, the API kill and the soak.',
  writesPresent:
    'Acknowledged writes whose Change exists and whose target is at the acknowledged version or later after the run.',
  lostWrites: 'writesAcknowledged - writesPresent.',
  stableP99:
    'Soak: the median p99 of the last two windows is within 2x the median p99 of windows 2-3 (window 1 warms up); reported, not gating.',
  flatRss:
    "Soak: the slope of a least-squares line through the API server's RSS over the second half is under 2 MiB/min; reported, not gating.",
};

export interface Verdict {
  pass: boolean;
  failures: string[];
  totals: {
    requests: number;
    serverErrors: number;
    faultsInjected: { kind: string; [k: string]: unknown }[];
    recoveryMs: number | null;
    writesAcknowledged: number;
    writesPresent: number;
    lostWrites: number;
    consistencyViolations: number;
  };
}

export function judge(r: PhaseResults): Verdict {
  const failures: string[] = [];
  const fail = (cond: boolean, msg: string): void => {
    if (cond) failures.push(msg);
  };
  const k = r.neo4jKill;
  const a = r.apiKill;
  const s = r.soak;
  const serverErrors =
    (r.fuzz?.serverErrors ?? 0) +
    (r.hostile?.serverErrors ?? 0) +
    (k ? k.serverErrors + k.unanswered : 0) +
    (a?.serverErrors ?? 0) +
    (s ? s.serverErrors + (s.statuses['0'] ?? 0) : 0) +
    (r.shutdown && r.shutdown.inFlight.status !== 200 ? 1 : 0);
  const acked = (k?.writes?.acknowledged ?? 0) + (a?.writesAcknowledged ?? 0) + (s?.writesAcknowledged ?? 0);
  const kPresent = k ? k.writes!.acknowledged - (r.consistency?.lostWrites ?? 0) : 0;
  const present = kPresent + (a?.writesPresent ?? 0) + (s?.writesPresent ?? 0);
  const violations =
    (r.consistency?.violations.length ?? 0) +
    (a?.consistency.violations.length ?? 0) +
    (s?.consistency.violations.length ?? 0);
  fail(serverErrors > 0, `${serverErrors} server errors`);
  fail(acked - present > 0, `${acked - present} lost writes`);
  fail(violations > 0, `${violations} consistency violations`);
  if (r.fuzz)
    fail(
      r.fuzz.failures.length > 0 || !r.fuzz.fingerprintUnchanged,
      `fuzz: ${r.fuzz.failures.length} failures${r.fuzz.fingerprintUnchanged ? '' : ', graph changed'}`,
    );
  if (r.hostile)
    fail(
      r.hostile.failures.length > 0 || !r.hostile.fingerprintUnchanged,
      `hostile: ${r.hostile.failures.length} failures${r.hostile.fingerprintUnchanged ? '' : ', graph changed'}`,
    );
  if (k) {
    fail(
      k.lateAnswers > 0,
      `Neo4j kill: ${k.lateAnswers} answers slower than ${ANSWER_WITHIN_MS} ms (slowest ${k.slowestFailureMs} ms)`,
    );
    fail(k.unavailableAnswers === 0, 'Neo4j kill: no 503 answer at all');
    fail(k.healthWhileDown.connected !== false, 'Neo4j kill: health did not report disconnected');
    fail(
      k.recoveryMs === null || k.recoveryMs > RECOVER_WITHIN_MS,
      `Neo4j kill: recovery ${k.recoveryMs === null ? 'never came' : `took ${k.recoveryMs} ms`}`,
    );
  }
  if (a)
    fail(
      !a.ok,
      `API kill: ${a.readBack.checked - a.readBack.ok} acknowledged nodes not read back, ${a.appliedWithoutAnswer} changes without answer for ${a.inFlightAtKill} in flight`,
    );
  if (r.shutdown) fail(!r.shutdown.ok, `graceful shutdown: ${JSON.stringify(r.shutdown)}`);
  const faults: Verdict['totals']['faultsInjected'] = [];
  if (k)
    faults.push({
      kind: 'neo4j-sigkill',
      downMs: k.downMs,
      firstUnavailableMs: k.firstUnavailableMs,
      slowestFailureMs: k.slowestFailureMs,
      healthConnectedMs: k.healthConnectedMs,
      recoveryMs: k.recoveryMs,
    });
  if (a) faults.push({ kind: 'api-sigkill', inFlightAtKill: a.inFlightAtKill, restartMs: a.restartMs });
  if (r.shutdown)
    faults.push({ kind: 'sigterm', exitMs: r.shutdown.exitMs, inFlightStatus: r.shutdown.inFlight.status });
  const requests =
    (r.fuzz?.requests ?? 0) +
    (r.hostile?.cases ?? 0) +
    (k?.requests ?? 0) +
    (a?.writesAttempted ?? 0) +
    (s?.requests ?? 0) +
    (r.shutdown ? 2 : 0);
  return {
    pass: failures.length === 0,
    failures,
    totals: {
      requests,
      serverErrors,
      faultsInjected: faults,
      recoveryMs: k?.recoveryMs ?? null,
      writesAcknowledged: acked,
      writesPresent: present,
      lostWrites: acked - present,
      consistencyViolations: violations,
    },
  };
}

export function summaryLines(durationSec: number, v: Verdict, r: PhaseResults): string[] {
  const t = v.totals;
  const lines = [
    `Reliability: ${v.pass ? 'PASS' : 'FAIL'} in ${Math.round(durationSec / 60)} min`,
    `  requests ${t.requests}, serverErrors ${t.serverErrors}, writes acknowledged ${t.writesAcknowledged}, present ${t.writesPresent}, lost ${t.lostWrites}, consistency violations ${t.consistencyViolations}`,
  ];
  if (r.fuzz)
    lines.push(
      `  fuzz: ${r.fuzz.requests} requests, ${r.fuzz.serverErrors} 5xx, ${r.fuzz.failures.length} failures, graph ${r.fuzz.fingerprintUnchanged ? 'unchanged' : 'CHANGED'}`,
    );
  if (r.hostile)
    lines.push(
      `  hostile: ${r.hostile.cases} cases, ${r.hostile.refused} refused, ${r.hostile.neutralised} neutralised, ${r.hostile.failures.length} failures, graph ${r.hostile.fingerprintUnchanged ? 'unchanged' : 'CHANGED'}`,
    );
  const k = r.neo4jKill;
  if (k)
    lines.push(
      `  Neo4j kill: first 503 after ${k.firstUnavailableMs} ms, slowest failure ${k.slowestFailureMs} ms, ${k.unavailableAnswers} 503s, health ${k.healthWhileDown.status} connected=${k.healthWhileDown.connected}, health connected ${k.healthConnectedMs} ms and first read ${k.recoveryMs} ms after Neo4j's return`,
    );
  if (k)
    lines.push(
      `        first success after the return, by request: ${Object.entries(k.firstSuccessByOpMs)
        .map(([op, ms]) => `${op} ${ms ?? 'none'}`)
        .join(', ')} (ms)`,
    );
  const a = r.apiKill;
  if (a)
    lines.push(
      `  API kill: ${a.writesAcknowledged} acknowledged, ${a.inFlightAtKill} in flight at the kill (${a.appliedWithoutAnswer} applied anyway), ${a.lostWrites} lost, restart ${a.restartMs} ms`,
    );
  const s = r.soak;
  if (s) {
    lines.push(
      `  soak: ${s.minutes} min, ${s.requests} requests (${s.requestsPerSecond}/s), errors ${s.errors}, p50/p95/p99 ${s.latency.p50}/${s.latency.p95}/${s.latency.p99} ms`,
    );
    lines.push(
      `        by request (p50/p99 ms, failures): ${Object.entries(s.byOperation)
        .map(([op, o]) => {
          const bad = Object.entries(o.statuses).filter(([k]) => !/^2\d\d$/.test(k));
          return `${op} ${o.p50}/${o.p99}${bad.length ? ` [${bad.map(([k, n]) => `${n}x ${k}`).join(', ')}]` : ''}`;
        })
        .join('; ')}`,
    );
    lines.push(
      `        p99 first ${s.p99.firstMs} ms, last ${s.p99.lastMs} ms (x${s.p99.ratio}, ${s.p99.stable ? 'stable' : 'NOT stable'}); RSS ${s.rss.startMiB} -> ${s.rss.endMiB} MiB (max ${s.rss.maxMiB}, ${s.rss.secondHalfSlopeMiBPerMin} MiB/min, ${s.rss.flat ? 'flat' : 'GROWING'})`,
    );
  }
  if (r.shutdown)
    lines.push(
      `  shutdown: in-flight read ${r.shutdown.inFlight.status} after SIGTERM, new connection ${r.shutdown.newRequestRefused ? 'refused' : 'SERVED'}, exit ${r.shutdown.exitCode} in ${r.shutdown.exitMs} ms, JVMs left ${r.shutdown.jvmsLeft}`,
    );
  for (const f of v.failures) lines.push(`  FAILED: ${f}`);
  return lines;
}
