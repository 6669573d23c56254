// `npm run reliability`: its own Neo4j and API processes, then fuzz, hostile input, faults, soak and shutdown;
// writes reliability/results/<date>.json and exits non-zero when anything broke the bar.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startApiProcess, type ApiProcess } from '../bench/api-process.js';
import { freePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../server/src/embedded-neo4j.js';
import { createGraphStore } from '../server/src/store/neo4j-store.js';
import { loadSeed } from '../server/src/store/seed-load.js';
import { readSeed } from '../seed/read-seed.js';
import { graphFingerprint } from '../tests/setup/fingerprint.js';
import { apiAccount, newAuthSecret } from './accounts.js';
import { runApiKill } from './api-fault.js';
import { checkConsistency } from './consistency.js';
import { writeQuote } from './curator-writes.js';
import { runFuzz } from './fuzz.js';
import { runGracefulShutdown } from './graceful-shutdown.js';
import { runHostile } from './hostile.js';
import { ANSWER_WITHIN_MS, RECOVER_WITHIN_MS, runNeo4jKill } from './neo4j-fault.js';
import { judge, RESULT_DEFINITIONS, summaryLines, type PhaseResults } from './verdict.js';
import { runSoak } from './soak.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PHASES = ['fuzz', 'hostile', 'neo4j-kill', 'api-kill', 'soak', 'shutdown'] as const;
type Phase = (typeof PHASES)[number];

const USAGE = `Usage: npm run reliability -- [--phases ${PHASES.join(',')}] [--soak-minutes 10] [--fuzz-runs 25] [--seed n] [--out file]`;
const { values: args } = parseArgs({
  options: {
    phases: { type: 'string', default: PHASES.join(',') },
    'soak-minutes': { type: 'string', default: '10' },
    'fuzz-runs': { type: 'string', default: '25' },
    seed: { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const phases = args
  .phases!.split(',')
  .map((p) => p.trim())
  .filter(Boolean);
const unknown = phases.filter((p) => !(PHASES as readonly string[]).includes(p));
if (unknown.length) {
  process.stderr.write(
    `--phases: unknown phase ${unknown.join(', ')}; expected some of ${PHASES.join(', ')}\n`,
  );
  process.exit(2);
}
const soakMinutes = Number(args['soak-minutes']);
const fuzzRuns = Number(args['fuzz-runs']);
if (!(soakMinutes > 0) || !(fuzzRuns > 0)) {
  process.stderr.write(`--soak-minutes and --fuzz-runs: expected positive numbers.\n${USAGE}\n`);
  process.exit(2);
}
const wants = (p: Phase): boolean => phases.includes(p);
const log = (line: string): void => {
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

async function main(): Promise<number> {
  const startedAt = new Date();
  const dataDir = mkdtempSync(join(tmpdir(), 'secgraph-reliability-'));
  const neo4jPort = await freePort();
  const apiPort = await freePort();
  const secret = newAuthSecret();
  const startNeo4j = (): Promise<EmbeddedNeo4j> =>
    startEmbeddedNeo4j({ dataDir, port: neo4jPort, heap: '512m', pageCacheMb: 256 });
  log(`starting Neo4j on ${neo4jPort} (data in ${dataDir})`);
  let neo4j = await startNeo4j();
  const uri = neo4j.uri;
  // The runner's own store: a long time limit for the seed and the checks (the API keeps its own 5 s limit).
  const store = await createGraphStore({ uri, queryTimeoutMs: 120_000 });
  let api: ApiProcess | undefined;
  const results: PhaseResults = {};
  try {
    log('seeding');
    await loadSeed(store, readSeed());
    // Rate limits off: the soak plays 32 clients from one address, and the run measures the server, not its limiter
    // (the limits have their own tests).
    const startApi = (): Promise<ApiProcess> =>
      startApiProcess({
        uri,
        port: apiPort,
        env: { AUTH_SECRET: secret, RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_USER_PER_MINUTE: '0' },
      });
    api = await startApi();
    log(`API on ${api.baseUrl} (pid ${api.pid})`);
    // Every account logs in now, before the fuzz: its login attempts use up the per-address login limit (30 per
    // 15 minutes), as they should. The API-kill and soak phases write as curators of their own, so each phase's
    // check counts only its own changes (writes in flight at the Neo4j kill also have an unknown outcome).
    const curator = await apiAccount(store, secret, api.baseUrl, 'curator');
    const admin = await apiAccount(store, secret, api.baseUrl, 'admin');
    const killCurator = await apiAccount(store, secret, api.baseUrl, 'curator');
    const soakCurator = await apiAccount(store, secret, api.baseUrl, 'curator');
    const headers = { curator: curator.headers, admin: admin.headers };
    const quote = await writeQuote(api.baseUrl);

    if (wants('fuzz')) {
      log(`fuzz: ${fuzzRuns} runs per endpoint`);
      const before = await graphFingerprint(store);
      const r = await runFuzz({
        baseUrl: api.baseUrl,
        numRuns: fuzzRuns,
        seed: args.seed ? Number(args.seed) : undefined,
        headers,
      });
      const after = await graphFingerprint(store);
      results.fuzz = { ...r, fingerprintUnchanged: before.hash === after.hash };
    }
    if (wants('hostile')) {
      log('hostile input corpus');
      const before = await graphFingerprint(store);
      const r = await runHostile({ baseUrl: api.baseUrl, headers });
      const after = await graphFingerprint(store);
      results.hostile = { ...r, fingerprintUnchanged: before.hash === after.hash };
    }
    if (wants('neo4j-kill')) {
      log('fault: kill -9 Neo4j under load');
      const r = await runNeo4jKill({
        baseUrl: api.baseUrl,
        store,
        connections: 16,
        writes: { headers: curator.headers, quote },
        kill: () => {
          process.kill(neo4j.pid, 'SIGKILL');
        },
        restart: async () => {
          neo4j = await startNeo4j();
        },
      });
      results.neo4jKill = {
        ...r,
        writes: r.writes
          ? {
              attempted: r.writes.attempted,
              acknowledged: r.writes.acked.length,
              conflicts: r.writes.conflicts,
              failed: r.writes.failed,
            }
          : null,
        acked: r.writes?.acked ?? [],
      };
    }
    if (wants('api-kill')) {
      log('fault: kill -9 the API in the middle of curator writes');
      const r = await runApiKill({ api, restart: startApi, store, curator: killCurator, quote });
      api = r.api;
      const { api: _api, ...rest } = r;
      results.apiKill = rest;
    }
    if (wants('soak')) {
      log(`soak: ${soakMinutes} min at 32 connections plus curator writes`);
      const r = await runSoak(
        {
          baseUrl: api.baseUrl,
          store,
          apiPid: api.pid,
          minutes: soakMinutes,
          writes: { headers: soakCurator.headers, username: soakCurator.username, quote },
        },
        log,
      );
      results.soak = r;
    }
    // The whole history of this database against its graph (every change here is this run's).
    log('consistency check of the whole history');
    results.consistency = await checkConsistency(store, { acked: results.neo4jKill?.acked ?? [] });
    if (wants('shutdown')) {
      log('graceful shutdown (npm start with its own embedded Neo4j)');
      results.shutdown = await runGracefulShutdown();
    }
  } finally {
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await api.exited;
    }
    await store.close();
    await neo4j.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const verdict = judge(results);
  const finishedAt = new Date();
  const full = phases.length === PHASES.length && soakMinutes === 10;
  const file =
    args.out ??
    join(
      ROOT,
      'reliability/results',
      `${startedAt.toISOString().slice(0, 10)}${full ? '' : '-partial'}.json`,
    );
  const { neo4jKill, ...rest } = results;
  const report = {
    date: startedAt.toISOString(),
    durationSec: Math.round((finishedAt.getTime() - startedAt.getTime()) / 1000),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    options: { phases, soakMinutes, fuzzRuns, seed: args.seed ?? null },
    bars: { answerWithinMs: ANSWER_WITHIN_MS, recoverWithinMs: RECOVER_WITHIN_MS },
    pass: verdict.pass,
    failures: verdict.failures,
    ...verdict.totals,
    definitions: RESULT_DEFINITIONS,
    phases: { ...rest, ...(neo4jKill ? { neo4jKill: { ...neo4jKill, acked: undefined } } : {}) },
  };
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${summaryLines(report.durationSec, verdict, results).join('\n')}\nWrote ${file}\n`);
  return verdict.pass ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`reliability run failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
