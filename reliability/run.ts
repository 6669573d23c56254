// `npm run reliability`: its own Neo4j and API processes, then fuzz, hostile input, faults, soak and shutdown, on the
// seed graph or (--graph) a copy of a generated one; writes reliability/results/<date>[-graph-<size>].json and exits
// non-zero when anything broke the bar.
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
import {
  sampleWriteTargets,
  WRITE_SOURCE_ID,
  writeQuote,
  writeSourceId,
  type WriteTargets,
} from './curator-writes.js';
import { GraphDirError, prepareGraphDir, type GraphDir } from './graph-dir.js';
import { startLoadMonitor } from './machine-load.js';
import { runFuzz } from './fuzz.js';
import { runGracefulShutdown } from './graceful-shutdown.js';
import { runHostile } from './hostile.js';
import { ANSWER_WITHIN_MS, RECOVER_WITHIN_MS, runNeo4jKill } from './neo4j-fault.js';
import { judge, RESULT_DEFINITIONS, summaryLines, type PhaseResults } from './verdict.js';
import { runSoak } from './soak.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PHASES = ['fuzz', 'hostile', 'neo4j-kill', 'api-kill', 'soak', 'shutdown'] as const;
type Phase = (typeof PHASES)[number];
/**
 * The phases that depend on the graph's size. Fuzz and hostile input aim at the seed's ids and compare a
 * fingerprint of the whole graph (every node in memory), and the shutdown phase runs its own seeded database.
 */
export const GRAPH_PHASES: readonly Phase[] = ['neo4j-kill', 'api-kill', 'soak'];
/** Existing actors and COOPERATES_WITH relationships each writing phase also updates and links to. */
const WRITE_TARGETS = 200;

const USAGE = `Usage: npm run reliability -- [--phases ${PHASES.join(',')}] [--soak-minutes 10] [--fuzz-runs 25] [--seed n] [--out file]
       npm run reliability -- --graph <data dir> [--in-place] [--phases ${GRAPH_PHASES.join(',')}] [--soak-minutes 10]
                              [--heap 1g] [--pagecache-mb N] [--out file]
--graph runs the fault and soak phases on a copy of a data directory written by npm run generate (the original is
left as it was; --in-place uses it directly and leaves the run's users, nodes and Changes in it).`;
const { values: args } = parseArgs({
  options: {
    phases: { type: 'string' },
    'soak-minutes': { type: 'string', default: '10' },
    'fuzz-runs': { type: 'string', default: '25' },
    seed: { type: 'string' },
    out: { type: 'string' },
    graph: { type: 'string' },
    'in-place': { type: 'boolean', default: false },
    heap: { type: 'string' },
    'pagecache-mb': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const usageError = (message: string): never => {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
};
const graphMode = args.graph !== undefined;
if (!graphMode && (args['in-place'] || args.heap || args['pagecache-mb']))
  usageError('--in-place, --heap and --pagecache-mb go with --graph <data dir>.');
const phases = (args.phases ?? (graphMode ? GRAPH_PHASES : PHASES).join(','))
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);
const unknown = phases.filter((p) => !(PHASES as readonly string[]).includes(p));
if (unknown.length)
  usageError(`--phases: unknown phase ${unknown.join(', ')}; expected some of ${PHASES.join(', ')}`);
const notForGraph = phases.filter((p) => !(GRAPH_PHASES as readonly string[]).includes(p));
if (graphMode && notForGraph.length)
  usageError(
    `--phases: ${notForGraph.join(', ')} run on the seed graph only (they aim at the seed's ids or start their own database); with --graph choose from ${GRAPH_PHASES.join(', ')}`,
  );
const soakMinutes = Number(args['soak-minutes']);
const fuzzRuns = Number(args['fuzz-runs']);
if (!(soakMinutes > 0) || !(fuzzRuns > 0))
  usageError('--soak-minutes and --fuzz-runs: expected positive numbers.');
if (args.heap !== undefined && !/^\d+[mg]$/.test(args.heap))
  usageError(`--heap: expected a JVM size such as 512m or 1g, got ${args.heap}.`);
const pageCacheArg = args['pagecache-mb'] === undefined ? undefined : Number(args['pagecache-mb']);
if (pageCacheArg !== undefined && !(Number.isInteger(pageCacheArg) && pageCacheArg >= 64))
  usageError('--pagecache-mb: expected an integer of at least 64.');
const wants = (p: Phase): boolean => phases.includes(p);
const log = (line: string): void => {
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

/** What the run's graph was: the seed, or a generated graph's size and where it came from. */
interface GraphInfo {
  kind: 'seed' | 'generated';
  nodes: number;
  relationships: number;
  /** The generator's run key (`nodes=N;seed=S`), when the graph came from npm run generate. */
  generator: string | null;
  source: string | null;
  copiedTo: string | null;
  copySec: number | null;
  sizeMiB: number | null;
  /** Changes and users already in the database before the run (a fresh generated graph has none). */
  changesBefore: number;
  usersBefore: number;
  neo4j: { heap: string; pageCacheMb: number };
}

async function describeGraph(
  store: Awaited<ReturnType<typeof createGraphStore>>,
): Promise<Pick<GraphInfo, 'nodes' | 'relationships' | 'generator' | 'changesBefore' | 'usersBefore'>> {
  const one = async (cypher: string): Promise<unknown> =>
    (await store.driver.executeQuery(cypher, {}, { database: store.database })).records[0]?.get(0) ?? null;
  return {
    nodes: Number(await one('MATCH (n:Entity) RETURN count(n)')),
    relationships: Number(await one('MATCH ()-[r]->() RETURN count(r)')),
    generator: (await one('MATCH (g:GeneratorRun) RETURN g.key LIMIT 1')) as string | null,
    changesBefore: Number(await one('MATCH (c:Change) RETURN count(c)')),
    usersBefore: Number(await one('MATCH (u:User) RETURN count(u)')),
  };
}

/** `100k`, `1m`, or the count itself: the size in a results file's name. */
const sizeLabel = (n: number): string =>
  n >= 1_000_000 && n % 1_000_000 === 0
    ? `${n / 1_000_000}m`
    : n >= 1000 && n % 1000 === 0
      ? `${n / 1000}k`
      : String(n);

async function main(): Promise<number> {
  const startedAt = new Date();
  const load = startLoadMonitor();
  load.phase('start-up');
  let graphDir: GraphDir | null = null;
  if (graphMode) {
    log(`--graph ${args.graph}: ${args['in-place'] ? 'using it in place' : 'copying it (cp -a)'}`);
    graphDir = prepareGraphDir(args.graph!, { inPlace: args['in-place']! });
    if (graphDir.copied)
      log(`copied ${graphDir.sizeMiB} MiB to ${graphDir.dataDir} in ${graphDir.copySec} s`);
  }
  const dataDir = graphDir?.dataDir ?? mkdtempSync(join(tmpdir(), 'secgraph-reliability-'));
  const removeDataDir = (): void =>
    graphDir ? graphDir.remove() : rmSync(dataDir, { recursive: true, force: true });
  // The seed fits any page cache; a generated graph gets one as large as its store (up to 2 GiB), as a
  // deployment would, so the figures measure the API rather than disk reads.
  const heap = args.heap ?? (graphMode ? '1g' : '512m');
  const pageCacheMb =
    pageCacheArg ?? (graphDir ? Math.min(2048, Math.max(256, Math.ceil(graphDir.storeMiB * 1.1))) : 256);
  const neo4jPort = await freePort();
  const apiPort = await freePort();
  const secret = newAuthSecret();
  const startNeo4j = (): Promise<EmbeddedNeo4j> =>
    startEmbeddedNeo4j({ dataDir, port: neo4jPort, heap, pageCacheMb });
  log(`starting Neo4j on ${neo4jPort} (data in ${dataDir}, heap ${heap}, page cache ${pageCacheMb} MiB)`);
  let neo4j: EmbeddedNeo4j;
  try {
    neo4j = await startNeo4j();
  } catch (err) {
    removeDataDir();
    throw err;
  }
  const uri = neo4j.uri;
  // The runner's own store: a long time limit for the seed and the checks (the API keeps its own 5 s limit).
  // Its first connection may pass the driver's 3 s connect limit just after Neo4j says it is ready on a loaded
  // machine (seen at load 37): try a few times before giving up, and stop Neo4j if it never answers.
  let store: Awaited<ReturnType<typeof createGraphStore>> | undefined;
  for (let attempt = 1; !store; attempt++) {
    try {
      store = await createGraphStore({ uri, queryTimeoutMs: 120_000 });
    } catch (err) {
      if (attempt >= 5) {
        await neo4j.stop();
        removeDataDir();
        throw err;
      }
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
  let api: ApiProcess | undefined;
  const results: PhaseResults = {};
  let graph: GraphInfo | undefined;
  let consistencyScope: string | undefined;
  try {
    if (graphDir) {
      const d = await describeGraph(store);
      if (d.nodes === 0) throw new GraphDirError(`--graph ${args.graph}: the database holds no graph`);
      graph = {
        kind: 'generated',
        ...d,
        source: graphDir.source,
        copiedTo: graphDir.copied ? graphDir.dataDir : null,
        copySec: graphDir.copySec,
        sizeMiB: graphDir.sizeMiB,
        neo4j: { heap, pageCacheMb },
      };
      log(
        `graph: ${d.nodes.toLocaleString('en')} nodes, ${d.relationships.toLocaleString('en')} relationships (${d.generator ?? 'not from npm run generate'}), ${d.changesBefore} changes and ${d.usersBefore} users before the run`,
      );
    } else {
      log('seeding');
      await loadSeed(store, readSeed());
      graph = {
        kind: 'seed',
        ...(await describeGraph(store)),
        source: null,
        copiedTo: null,
        copySec: null,
        sizeMiB: null,
        neo4j: { heap, pageCacheMb },
      };
    }
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
    // The writes quote a source of the graph: the seed's own, or the first generated one.
    const sourceId = graphMode ? await writeSourceId(store) : WRITE_SOURCE_ID;
    const quote = await writeQuote(api.baseUrl, {}, sourceId);
    // Each writing phase also edits and links to existing elements picked at random from the whole graph (sampled
    // afresh, at their current versions), so on a generated graph the writes land among its nodes, not beside them.
    const targets = async (): Promise<WriteTargets> => {
      const t = await sampleWriteTargets(store, WRITE_TARGETS);
      log(`  write targets: ${t.nodes.length} existing actors, ${t.edges.length} existing relationships`);
      return t;
    };

    if (wants('fuzz')) {
      load.phase('fuzz');
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
      load.phase('hostile');
      log('hostile input corpus');
      const before = await graphFingerprint(store);
      const r = await runHostile({ baseUrl: api.baseUrl, headers });
      const after = await graphFingerprint(store);
      results.hostile = { ...r, fingerprintUnchanged: before.hash === after.hash };
    }
    if (wants('neo4j-kill')) {
      load.phase('neo4j-kill');
      log('fault: kill -9 Neo4j under load');
      const r = await runNeo4jKill({
        baseUrl: api.baseUrl,
        store,
        connections: 16,
        writes: { headers: curator.headers, quote, sourceId, targets: await targets() },
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
              failedCodes: r.writes.failedCodes,
            }
          : null,
        acked: r.writes?.acked ?? [],
      };
    }
    if (wants('api-kill')) {
      load.phase('api-kill');
      log('fault: kill -9 the API in the middle of curator writes');
      const r = await runApiKill({
        api,
        restart: startApi,
        store,
        curator: killCurator,
        quote,
        sourceId,
        targets: await targets(),
      });
      api = r.api;
      const { api: _api, ...rest } = r;
      results.apiKill = rest;
    }
    if (wants('soak')) {
      load.phase('soak');
      log(`soak: ${soakMinutes} min at 32 connections plus curator writes`);
      const r = await runSoak(
        {
          baseUrl: api.baseUrl,
          store,
          apiPid: api.pid,
          minutes: soakMinutes,
          writes: {
            headers: soakCurator.headers,
            username: soakCurator.username,
            quote,
            sourceId,
            targets: await targets(),
          },
        },
        log,
      );
      results.soak = r;
    }
    load.phase('consistency');
    if (graphMode) {
      // A generated graph may be used in place and hold earlier runs' history: check what this run's curators
      // did (every change they made, across all phases, against the graph as it is now). The check looks
      // elements up by id, so it grows with the run's changes, not with the graph.
      const users = [curator.username, killCurator.username, soakCurator.username];
      consistencyScope = `the changes of this run's curators (${users.join(', ')}), checked against the graph by id`;
      log('consistency check of every change this run made');
      results.consistency = await checkConsistency(store, {
        users,
        acked: results.neo4jKill?.acked ?? [],
      });
    } else {
      // The whole history of this database against its graph (every change here is this run's).
      consistencyScope = 'the whole history of the database (every change in it is this run’s)';
      log('consistency check of the whole history');
      results.consistency = await checkConsistency(store, { acked: results.neo4jKill?.acked ?? [] });
    }
    if (wants('shutdown')) {
      load.phase('shutdown');
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
    removeDataDir();
  }
  const machineLoad = load.finish();

  const verdict = judge(results);
  const finishedAt = new Date();
  const full = phases.length === (graphMode ? GRAPH_PHASES : PHASES).length && soakMinutes === 10;
  const name = graphMode ? `-graph-${sizeLabel(graph!.nodes)}` : '';
  const file =
    args.out ??
    join(
      ROOT,
      'reliability/results',
      `${startedAt.toISOString().slice(0, 10)}${name}${full ? '' : '-partial'}.json`,
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
    command: `npm run reliability -- ${process.argv.slice(2).join(' ')}`.trim(),
    machineLoad,
    graph,
    options: { phases, soakMinutes, fuzzRuns, seed: args.seed ?? null },
    consistencyScope,
    bars: { answerWithinMs: ANSWER_WITHIN_MS, recoverWithinMs: RECOVER_WITHIN_MS },
    pass: verdict.pass,
    failures: verdict.failures,
    ...verdict.totals,
    definitions: RESULT_DEFINITIONS,
    phases: { ...rest, ...(neo4jKill ? { neo4jKill: { ...neo4jKill, acked: undefined } } : {}) },
  };
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const loadLine = `  machine load (1-min average, ${machineLoad.cpus} CPUs): ${machineLoad.phases.map((p) => `${p.phase} mean ${p.mean1m} max ${p.max1m}`).join(', ')}`;
  const graphLine = graph
    ? `  graph: ${graph.kind}, ${graph.nodes.toLocaleString('en')} nodes, ${graph.relationships.toLocaleString('en')} relationships${graph.source ? ` from ${graph.source}${graph.copiedTo ? ' (run on a copy)' : ' (in place)'}` : ''}`
    : '';
  process.stdout.write(
    `\n${[...summaryLines(report.durationSec, verdict, results), graphLine, loadLine].filter(Boolean).join('\n')}\nWrote ${file}\n`,
  );
  return verdict.pass ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `reliability run failed: ${err instanceof GraphDirError ? err.message : err instanceof Error ? err.stack : String(err)}\n`,
    );
    process.exit(1);
  },
);
