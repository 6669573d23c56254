// `npm run bench:path-hubs`: how often the shortest-path hub guard returns a longer path than the true shortest, and
// what telling (or fixing) it costs. For random actor pairs, through the raw driver: the guarded search (as the
// service runs it), the hub check near the ends (path-hubs-near), and the search without the guard (the true
// length). Writes bench/results/<date>-<graph>-path-hubs.json and .md. Point it at a graph with NEO4J_URI.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j, { type Path } from 'neo4j-driver';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { hubCheckRadius, PATH_HUB_DEGREE, pathQuery } from '../server/src/services/paths.js';
import { hubsNearParams, pathQueryParams, type PathQuery } from '../server/src/store/graph-reads.js';
import { loadQueries } from '../server/src/store/queries.js';
import { percentile } from './report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    samples: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '10' },
    graph: { type: 'string', default: 'graph' },
    seed: { type: 'string', default: '42' },
  },
});
const rng = xoroshiro128plus(Number(args.seed));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(uniformFloat64(rng) * xs.length)]!;

const uri = process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687';
const driver = neo4j.driver(uri);
const queries = loadQueries();
const run = async (text: string, params: Record<string, unknown>) => {
  const t = performance.now();
  const res = await driver.executeQuery(text, params, {
    database: 'neo4j',
    routing: neo4j.routing.READ,
    transactionConfig: { timeout: 30_000 },
  });
  return { res, ms: performance.now() - t };
};

/** The service's query between two actors, with the hub guard (`throughHubs` false) or without it. */
const base = (from: string, to: string, maxHops: number, throughHubs: boolean): PathQuery =>
  pathQuery({ from, to, maxHops, throughHubs }, null);

/** The length of the path found (null: none) and the time taken. */
async function shortest(q: PathQuery): Promise<{ length: number | null; ms: number }> {
  const { res, ms } = await run(queries['shortest-path'], pathQueryParams(q));
  const path = res.records[0]?.get('path') as Path | undefined;
  return { length: path ? path.length : null, ms };
}

interface PairResult {
  from: string;
  to: string;
  /** Guarded search as the service runs it (unguarded again when it finds nothing). */
  guarded: number | null;
  guardedMs: number;
  /** Hubs found near the ends (null: no check needed, the path is too short for a hub to shorten it). */
  hubsNear: string[] | null;
  checkMs: number;
  /** Without the guard: the true shortest length. */
  unguarded: number | null;
  unguardedMs: number;
}

async function pair(from: string, to: string): Promise<PairResult> {
  let g = await shortest(base(from, to, 6, false));
  let guardedMs = g.ms;
  if (g.length === null) {
    g = await shortest(base(from, to, 6, true));
    guardedMs += g.ms;
  }
  let hubs: string[] | null = null;
  let checkMs = 0;
  const radius = g.length === null ? 0 : hubCheckRadius(g.length);
  if (radius > 0) {
    const { res, ms } = await run(
      queries['path-hubs-near'],
      hubsNearParams(base(from, to, 6, false), radius, 5),
    );
    hubs = res.records.map((r) => r.get('name') as string);
    checkMs = ms;
  }
  const u = await shortest(base(from, to, 6, true));
  return {
    from,
    to,
    guarded: g.length,
    guardedMs,
    hubsNear: hubs,
    checkMs,
    unguarded: u.length,
    unguardedMs: u.ms,
  };
}

const p = (xs: number[], q: number): number =>
  Number(
    percentile(
      [...xs].sort((a, b) => a - b),
      q,
    ).toFixed(1),
  );

async function main(): Promise<void> {
  const loadStart = loadavg();
  const actors = (
    await driver.executeQuery('MATCH (n:Actor) RETURN n.id AS v LIMIT 200000', {}, { database: 'neo4j' })
  ).records.map((r) => r.get('v') as string);
  const pairs = (n: number) =>
    Array.from({ length: n }, () => {
      const a = pick(actors);
      let b = pick(actors);
      while (b === a) b = pick(actors);
      return [a, b] as const;
    });
  for (const [a, b] of pairs(Number(args.warmup))) await pair(a, b);
  const results: PairResult[] = [];
  for (const [a, b] of pairs(Number(args.samples))) results.push(await pair(a, b));
  const loadEnd = loadavg();

  const longer = results.filter((r) => r.guarded !== null && r.unguarded !== null && r.guarded > r.unguarded);
  const flagged = results.filter((r) => r.hubsNear?.length);
  const missed = longer.filter((r) => !r.hubsNear?.length);
  const summary = {
    pairs: results.length,
    connected: results.filter((r) => r.unguarded !== null).length,
    longerThanShortest: longer.length,
    flagged: flagged.length,
    flaggedAndLonger: flagged.filter((r) => longer.includes(r)).length,
    missedByCheck: missed.length,
    p95: {
      guarded: p(
        results.map((r) => r.guardedMs),
        95,
      ),
      guardedPlusCheck: p(
        results.map((r) => r.guardedMs + r.checkMs),
        95,
      ),
      check: p(
        results.map((r) => r.checkMs),
        95,
      ),
      // The exact variant: when the check finds hubs, the search runs again without the guard.
      exact: p(
        results.map((r) => r.guardedMs + r.checkMs + (r.hubsNear?.length ? r.unguardedMs : 0)),
        95,
      ),
      unguarded: p(
        results.map((r) => r.unguardedMs),
        95,
      ),
    },
    p50: {
      guarded: p(
        results.map((r) => r.guardedMs),
        50,
      ),
      guardedPlusCheck: p(
        results.map((r) => r.guardedMs + r.checkMs),
        50,
      ),
      unguarded: p(
        results.map((r) => r.unguardedMs),
        50,
      ),
    },
  };
  const out = {
    date: new Date().toISOString(),
    graph: args.graph,
    uri,
    hubDegree: PATH_HUB_DEGREE,
    load: { start: loadStart, end: loadEnd },
    summary,
    results,
  };
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${out.date.slice(0, 10)}-${args.graph}-path-hubs`);
  writeFileSync(`${file}.json`, JSON.stringify(out, null, 2));
  const md = [
    `# Shortest-path hub guard: ${args.graph}, ${out.date}`,
    '',
    `Raw driver, ${summary.pairs} random actor pairs (seed ${args.seed}), hub = more than ${PATH_HUB_DEGREE} relationships;` +
      ` load ${loadStart.map((l) => l.toFixed(1)).join('/')} at start, ${loadEnd.map((l) => l.toFixed(1)).join('/')} at end.`,
    '',
    `- connected pairs: ${summary.connected}`,
    `- guarded path longer than the true shortest: **${summary.longerThanShortest}**`,
    `- hub check found hubs near the ends (answer says it may not be shortest): ${summary.flagged} (${summary.flaggedAndLonger} of them really longer)`,
    `- longer but not flagged (must be 0): **${summary.missedByCheck}**`,
    '',
    '| ms | p50 | p95 |',
    '|---|---|---|',
    `| guarded search | ${summary.p50.guarded} | ${summary.p95.guarded} |`,
    `| hub check alone | | ${summary.p95.check} |`,
    `| guarded + hub check | ${summary.p50.guardedPlusCheck} | ${summary.p95.guardedPlusCheck} |`,
    `| exact (guarded + check + unguarded when hubs are near) | | ${summary.p95.exact} |`,
    `| unguarded search | ${summary.p50.unguarded} | ${summary.p95.unguarded} |`,
    '',
  ].join('\n');
  writeFileSync(`${file}.md`, md);
  process.stdout.write(md);
}

try {
  await main();
} finally {
  await driver.close();
}
