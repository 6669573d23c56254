// `npm run bench:2hop-floor`: how close the capped two-hop query is to the least any query can cost for its answer.
// For random actors, the 2-hop query (cypher/neighbourhood.cypher, as the benchmark's raw side runs it) against
// fetching exactly its answer (the same nodes and relationships, by element id, in the same rows), alternating,
// through the driver. Writes bench/results/<date>-<graph>-2hop-floor[-<tag>].json and .md. Point it at a graph with
// NEO4J_URI or NEO4J_DATA_DIR.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/database.js';
import { createLogger } from '../server/src/logger.js';
import { neighbourhoodParams } from '../server/src/store/graph-reads.js';
import { loadQueries } from '../server/src/store/queries.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    samples: { type: 'string', default: '150' },
    warmup: { type: 'string', default: '20' },
    limit: { type: 'string', default: '500' },
    graph: { type: 'string', default: 'generated-1m' },
    seed: { type: 'string', default: '42' },
    // Appended to the results' file name, so a comparison run does not overwrite the committed results.
    tag: { type: 'string', default: '' },
  },
});
/**
 * The answer read back by element id, in the rows the 2-hop query returns (a node and its walked relationship each).
 * Rows, not one record of lists: the driver decodes a record that spans many Bolt chunks far more slowly, which
 * once made this floor measure the driver's slow path instead of the answer's cost.
 */
const FLOOR = `UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.node
OPTIONAL MATCH ()-[r]->() WHERE elementId(r) = row.rel
RETURN n AS node, r AS rel`;

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(1));
};

async function main(): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config, createLogger('warn'));
  const hood = loadQueries().neighbourhood;
  const rng = xoroshiro128plus(Number(args.seed));
  const opts = { database: db.store.database, routing: neo4j.routing.READ };
  const read = (q: string, p: Record<string, unknown>) => db.store.driver.executeQuery(q, p, opts);
  try {
    const actors = (await read('MATCH (n:Actor) RETURN n.id AS v', {})).records.map(
      (r) => r.get('v') as string,
    );
    const times = { query: [] as number[], floor: [] as number[] };
    const loadStart = loadavg();
    const warmup = Number(args.warmup);
    for (let i = 0; i < warmup + Number(args.samples); i++) {
      const id = actors[Math.floor(uniformFloat64(rng) * actors.length)]!;
      const params = neighbourhoodParams(id, Number(args.limit));
      // The answer's ids, from a run that is not timed (it warms the cache alike for both sides).
      const ids = {
        rows: (await read(hood, params)).records.map((r) => ({
          node: (r.get('node') as Node).elementId,
          rel: (r.get('rel') as Relationship | null)?.elementId ?? null,
        })),
      };
      const time = async (q: string, p: Record<string, unknown>) => {
        const t = performance.now();
        await read(q, p);
        return performance.now() - t;
      };
      const [first, second] = i % 2 ? (['query', 'floor'] as const) : (['floor', 'query'] as const);
      const run = (k: 'query' | 'floor') => (k === 'query' ? time(hood, params) : time(FLOOR, ids));
      const a = await run(first);
      const b = await run(second);
      if (i >= warmup) {
        times[first].push(a);
        times[second].push(b);
      }
    }
    const result = {
      date: new Date().toISOString(),
      graph: args.graph,
      load: { start: loadStart, end: loadavg() },
      samples: times.query.length,
      limit: Number(args.limit),
      query: { p50: pct(times.query, 0.5), p95: pct(times.query, 0.95), p99: pct(times.query, 0.99) },
      floor: { p50: pct(times.floor, 0.5), p95: pct(times.floor, 0.95), p99: pct(times.floor, 0.99) },
    };
    const md = [
      `# Two-hop neighbourhood against its floor: ${result.graph}`,
      '',
      `${result.date} · load ${result.load.start.map((x) => x.toFixed(1)).join(' ')} → ${result.load.end.map((x) => x.toFixed(1)).join(' ')} · ${result.samples} random actors, cap ${result.limit}`,
      '',
      '| Raw driver | p50 | p95 | p99 |',
      '|---|---|---|---|',
      `| 2-hop query | ${result.query.p50} | ${result.query.p95} | ${result.query.p99} |`,
      `| its answer fetched by element id (floor) | ${result.floor.p50} | ${result.floor.p95} | ${result.floor.p99} |`,
      '',
      'Latencies in ms. The floor reads and sends the same nodes and relationships without finding them: what any',
      'query returning this answer costs on this machine.',
      '',
    ].join('\n');
    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(
      dir,
      `${result.date.slice(0, 10)}-${result.graph}-2hop-floor${args.tag ? `-${args.tag}` : ''}`,
    );
    writeFileSync(`${file}.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${file}.md`, md);
    process.stdout.write(`${md}\nWrote ${file}.json and .md\n`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
