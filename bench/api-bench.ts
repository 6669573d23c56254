// `npm run bench`: API latency against the raw driver running the same Cypher, side by side in one run: the page's
// opening requests, search, neighbours, paths, cooperation, and the highest-degree hubs cold and warm; then 1-hop
// throughput with autocannon at 1, 8 and 32 connections, the server's RSS and Neo4j's memory settings. Beside both,
// the floor: the same service calls behind a bare node:http server (api-floor-server.ts), what an HTTP hop alone
// costs on this machine. Writes bench/results/<date>-<graph>[-<tag>].json and .md. Point it at a generated graph with NEO4J_URI or NEO4J_DATA_DIR.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { HUBS_AVOIDED_MAX, PAIR_LIMIT } from '../contract/index.js';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/database.js';
import { createLogger } from '../server/src/logger.js';
import { cooperationCaps, cooperationPairs } from '../server/src/services/cooperation.js';
import { hubCheckRadius, pathQuery } from '../server/src/services/paths.js';
import { candidatesFor, stagedSearch } from '../server/src/services/search.js';
import { searchPlan } from '../server/src/services/search-query.js';
import {
  hubsNearParams,
  neighbourhoodParams,
  pathQueryParams,
  searchQueryParams,
} from '../server/src/store/graph-reads.js';
import { readGraphCounts } from '../server/src/store/graph-counts.js';
import { createGraphStore } from '../server/src/store/neo4j-store.js';
import { neighbourPage, readNeighbourCounting } from '../server/src/store/neighbour-reads.js';
import { HUB_DEGREE, samplingRate } from '../server/src/services/neighbour-counts.js';
import { NODE_LABELS, RELATIONSHIP_TYPE_NAMES } from '../server/src/schema.js';
import { loadQueries, type QueryName } from '../server/src/store/queries.js';
import { percentile, renderMarkdown, summarise, type BenchResult, type OperationResult } from './report.js';
import { benchNodeFlags, rssMiB, serverNodeFlags, startApiProcess } from './api-process.js';
import { benchHubs, highestDegreeNodes } from './hub-bench.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    samples: { type: 'string', default: '300' },
    ops: { type: 'string' },
    hubs: { type: 'string', default: '20' },
    'hub-warm': { type: 'string', default: '5' },
    warmup: { type: 'string', default: '30' },
    // Seconds every side answers the operations' mix, untimed, before the first operation is timed (0: none).
    'warm-seconds': { type: 'string', default: '60' },
    duration: { type: 'string', default: '10' },
    // `--connections ''` skips the throughput runs (latency-only A/B runs).
    connections: { type: 'string', default: '1,8,32' },
    graph: { type: 'string' },
    seed: { type: 'string', default: '42' },
    // How the API and the floor are requested: `http` (node:http, a keep-alive Agent) or `fetch` (undici). The raw
    // side has no client: what a client spends reading an answer is charged to the HTTP sides alone, and fetch's
    // (its Response, Headers and body stream per request) was 190-300 µs more per request than node:http's on this
    // machine, 10-15% of a page of neighbours (docs/benchmarks.md).
    client: { type: 'string', default: 'http' },
    // `--no-floor` leaves the floor server out (its requests add a third of each operation's time).
    'no-floor': { type: 'boolean', default: false },
    // Another checkout's server (built there) in place of this one's: main against a branch in the same session.
    'api-root': { type: 'string' },
    // Appended to the result files' names, so a comparison run does not overwrite the reference files.
    tag: { type: 'string' },
  },
});
if (args.client !== 'fetch' && args.client !== 'http')
  throw new Error(`--client: expected "fetch" or "http", got "${args.client}"`);
const SAMPLES = Number(args.samples);
const WARMUP = Number(args.warmup);
const WARM_SECONDS = Number(args['warm-seconds']);
const DURATION = Number(args.duration);
const rng = xoroshiro128plus(Number(args.seed));
const rand = (): number => uniformFloat64(rng);
const pickFrom = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** One keep-alive connection per server, as undici's pool keeps for sequential requests. */
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/**
 * GET `url` and read the whole body; the client is the same for the API and the floor. A request sent on a kept-alive
 * socket that the server closed meanwhile (Node's servers close one idle for 5 s) fails at once with a reset; it is
 * sent once more on a new socket, as Node's documentation of `request.reusedSocket` advises. The broadest cooperation
 * met that race on 2026-12-07: the API's socket waits while the raw side and the floor answer, 1.6-2 s each that day.
 */
async function request(url: string, retried = false): Promise<{ ok: boolean; body: Uint8Array }> {
  if (args.client === 'fetch') {
    const r = await fetch(url);
    return { ok: r.ok, body: new Uint8Array(await r.arrayBuffer()) };
  }
  return new Promise((resolve, reject) => {
    const req = httpGet(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          ok: (res.statusCode ?? 500) < 400,
          body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (!retried && req.reusedSocket && err.code === 'ECONNRESET') resolve(request(url, true));
      else reject(err);
    });
  });
}

/**
 * The raw side's throughput: `concurrency` loops of `read` for `seconds`, each starting its next read as the last
 * ends (as autocannon's connections do), with the rate, p50 and p99 in ms (whole ms, as autocannon reports them) and
 * the reads that failed.
 */
async function rawThroughput(
  concurrency: number,
  seconds: number,
  read: () => Promise<unknown>,
): Promise<{ requestsPerSecond: number; latencyP50: number; latencyP99: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const loop = async (): Promise<void> => {
    while (performance.now() < end) {
      const t = performance.now();
      try {
        await read();
        times.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  return {
    requestsPerSecond: Number((times.length / elapsed).toFixed(1)),
    latencyP50: Math.round(percentile(times, 50)),
    latencyP99: Math.round(percentile(times, 99)),
    errors,
  };
}

/** The orders of the three sides (raw, API, floor), taken in turn so none always runs first or last. */
const ORDERS = [
  [0, 1, 2],
  [1, 2, 0],
  [2, 0, 1],
  [0, 2, 1],
  [2, 1, 0],
  [1, 0, 2],
] as const;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Neo4j stopped the query at its time limit (the API answers those with an error too, counted alike). */
// The store's own reads (the neighbour page) report it as QUERY_TIMEOUT, as the API does.
const isTimeout = (err: unknown): boolean =>
  /TransactionTimedOut|Transaction.*[Tt]imed ?[Oo]ut|^QUERY_TIMEOUT$/.test(
    String((err as { code?: string }).code ?? err),
  );

async function main(): Promise<void> {
  const loadAtStart = loadavg();
  // Read once: the start-up note and the results both name them.
  const serverFlags = serverNodeFlags(args['api-root'] ?? ROOT);
  const benchFlags = benchNodeFlags();
  const missing = serverFlags.filter((f) => !benchFlags.includes(f));
  if (missing.length)
    process.stderr.write(
      `note: this process runs without the server's Node.js flags ${missing.join(' ')}: its raw side then runs the driver under other V8 settings than the API's (\`npm run bench\` passes them)\n`,
    );
  const config = loadConfig();
  const logger = createLogger('warn');
  const db = await openDatabase(config, logger);
  const queries = loadQueries();
  const uri = config.neo4j.uri ?? db.embedded!.uri;
  // The raw side: the store's own driver calls, without HTTP, admission or mapping, with the API's own time limit
  // (a query the API would stop is stopped here too). Every named query goes as the API sends it: `store.read`, an
  // auto-commit query (RUN and PULL, no BEGIN and COMMIT round trips). Until 2026-12-06 the operations that run one
  // named query (health, node, search, 2-hop, shortest path) ran it through `executeQuery`, a managed transaction,
  // which was slower than what the API does (1.7 ms at p50 on a 2-hop of 500, 0.33 ms on a node read) and so
  // flattered their ratios. The other operations' raw sides were already store functions.
  const rawStore = await createGraphStore({ ...config.neo4j, uri, queryTimeoutMs: config.queryTimeoutMs });
  const read = (name: QueryName, params: Record<string, unknown>) => rawStore.read(name, params);
  const port = await freePort();
  let server: ChildProcess | undefined;
  let floorServer: ChildProcess | undefined;
  let peakRss = 0;
  let rssTimer: NodeJS.Timeout | undefined;
  try {
    // The graph and the inputs: random actors, names to search for, threats.
    // Set-up reads are not timed and have no time limit: on a cold 1M graph under load, counting (it skips accounts
    // and sessions, so it scans every node) and resolving a threat each took over the API's 5 s.
    const setupRead = (name: QueryName, params: Record<string, unknown>) =>
      db.store.driver.executeQuery(queries[name], params, {
        database: db.store.database,
        routing: neo4j.routing.READ,
      });
    const counts = (await setupRead('count-all', {})).records[0]!;
    const graphSize = {
      nodes: Number(counts.get('nodes')),
      relationships: Number(counts.get('relationships')),
    };
    const run = (
      await db.store.driver.executeQuery(
        'MATCH (r:GeneratorRun) RETURN r.key AS key LIMIT 1',
        {},
        { database: db.store.database },
      )
    ).records[0];
    // A generated graph by its preset's size (generated-100k, generated-1m; the generator's run node is one more).
    const size =
      graphSize.nodes >= 1e6
        ? `${Math.round(graphSize.nodes / 1e6)}m`
        : `${Math.round(graphSize.nodes / 1000)}k`;
    const graph = args.graph ?? (run ? `generated-${size}` : `seed-${graphSize.nodes}`);
    const sample = async (cypher: string, limit: number): Promise<string[]> =>
      (
        await db.store.driver.executeQuery(
          cypher,
          { limit: neo4j.int(limit) },
          { database: db.store.database, routing: neo4j.routing.READ },
        )
      ).records.map((r) => r.get('v') as string);
    const actors = await sample('MATCH (n:Actor) RETURN n.id AS v LIMIT $limit', 200_000);
    const names = await sample('MATCH (n:Actor) RETURN n.name AS v LIMIT $limit', 20_000);
    const threats = await sample('MATCH (t:ThreatType) RETURN t.id AS v LIMIT $limit', 1000);
    const settings = await db.store.driver
      .executeQuery(
        "SHOW SETTINGS YIELD name, value WHERE name IN ['server.memory.heap.max_size', 'server.memory.heap.initial_size', 'server.memory.pagecache.size'] RETURN name, value",
        {},
        { database: db.store.database },
      )
      .then(
        (r) => Object.fromEntries(r.records.map((x) => [x.get('name') as string, x.get('value') as string])),
        () => ({}) as Record<string, string>,
      );
    // A heap given as -Xmx (as the embedded launcher does) leaves the setting empty: the JVM's own figure says it.
    if (!settings['server.memory.heap.max_size']) {
      const max = await db.store.driver
        .executeQuery(
          "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties.max AS max",
          {},
          { database: db.store.database },
        )
        .then(
          (r) => Number(r.records[0]?.get('max')),
          () => NaN,
        );
      if (Number.isFinite(max) && max > 0)
        settings['server.memory.heap.max_size'] = `${(max / 2 ** 30).toFixed(2)}GiB (JVM maximum)`;
    }
    const threatIds = new Map<string, string[]>();
    for (const t of threats.slice(0, 50))
      threatIds.set(
        t,
        ((await setupRead('resolve-threat', { threat: t })).records[0]?.get('threatIds') as string[]) ?? [t],
      );

    // The threat whose own and sub-threats' forums and agreements are the most.
    const broadest = String((await setupRead('broadest-threat', {})).records[0]?.get('threat') ?? threats[0]);
    if (!threatIds.has(broadest))
      threatIds.set(
        broadest,
        ((await setupRead('resolve-threat', { threat: broadest })).records[0]?.get(
          'threatIds',
        ) as string[]) ?? [broadest],
      );

    // Start-up (schema check, every query planned ahead) did not finish within the default 120 s at load 35 on 1M.
    server = (
      await startApiProcess({
        uri,
        port,
        healthyWithinMs: 300_000,
        ...(args['api-root'] ? { root: args['api-root'] } : {}),
      })
    ).child;
    const floorPort = await freePort();
    if (!args['no-floor'])
      floorServer = (
        await startApiProcess({
          uri,
          port: floorPort,
          healthyWithinMs: 300_000,
          entry: 'dist/node/bench/api-floor-server.js',
        })
      ).child;
    const floorBase = `http://127.0.0.1:${floorPort}`;
    const serverPid = server.pid!;
    rssTimer = setInterval(() => {
      peakRss = Math.max(peakRss, rssMiB(serverPid));
    }, 200);
    const base = `http://127.0.0.1:${port}`;
    const enc = encodeURIComponent;

    /**
     * Each operation: its API request and the same Cypher with the same parameters through the driver (a store
     * function without admission where the server runs several statements, e.g. a page and its total).
     */
    const same = (query: QueryName, params: Record<string, unknown>) => () => read(query, params);
    // `raw: null`: nothing to compare with (GET /api/auth/me of a visitor reads no database).
    /** A random actor's first page of neighbours, unfiltered: through the API and the store's own page read. */
    const unfilteredPage = (limit: number) => {
      const id = pickFrom(actors);
      const page = { id, relTypes: null, direction: null, labels: null, threatIds: null, skip: 0, limit };
      return {
        path: `/api/nodes/${enc(id)}/neighbours?limit=${limit}`,
        raw: () => neighbourPage(rawStore, page),
      };
    };
    // Cooperation: the API and the service's own reads and pairing (two queries with the pairing between them). The
    // API keeps answers per parameters until a write; each request asks for a different `limit` so that every one
    // is answered from the graph, as a first request would be.
    let cooperationCount = 0;
    const cooperationInput = (t: string) => {
      const limit = PAIR_LIMIT.default - (cooperationCount++ % 400);
      return {
        path: `/api/cooperation?threat=${enc(t)}&limit=${limit}`,
        raw: () =>
          cooperationPairs(rawStore, threatIds.get(t)!, null, cooperationCaps({ limit }), {
            level: 'countries',
            minWeight: 1,
          }),
      };
    };
    /** `floor`: the floor server answers this operation (api-floor-server.ts). */
    const ops: {
      name: string;
      floor?: true;
      input(): { path: string; raw: (() => Promise<unknown>) | null };
    }[] = [
      // What the page asks for when it opens (?node=<id>): each request as the page sends it.
      {
        name: 'open_health',
        floor: true,
        input: () => ({ path: '/api/health', raw: same('server-version', {}) }),
      },
      { name: 'open_me', input: () => ({ path: '/api/auth/me', raw: null }) },
      {
        name: 'open_schema',
        input: () => ({
          path: '/api/schema',
          raw: () => readGraphCounts(rawStore, NODE_LABELS, RELATIONSHIP_TYPE_NAMES),
        }),
      },
      {
        name: 'open_node',
        floor: true,
        input: () => {
          const id = pickFrom(actors);
          return { path: `/api/nodes/${enc(id)}`, raw: same('node-by-id', { id }) };
        },
      },
      {
        name: 'open_neighbours',
        floor: true,
        input: () => unfilteredPage(50),
      },
      {
        name: 'open_counts',
        floor: true,
        input: () => {
          const id = pickFrom(actors);
          return {
            path: `/api/nodes/${enc(id)}/neighbour-counts`,
            raw: () => readNeighbourCounting(rawStore, id, { hubDegree: HUB_DEGREE, rateFor: samplingRate }),
          };
        },
      },
      {
        name: 'search',
        floor: true,
        input: () => {
          const q = pickFrom(names).split(' ')[0]!;
          // The service's stages (exact and prefix, fuzzy only when those find too few), each stage the same Cypher.
          const raw = () =>
            stagedSearch(
              searchPlan(q),
              20,
              async (query) =>
                (await read('search', searchQueryParams(query, null, candidatesFor(20)))).records,
            );
          return { path: `/api/search?q=${enc(q)}&limit=20`, raw };
        },
      },
      {
        name: 'neighbours_1hop',
        floor: true,
        input: () => unfilteredPage(100),
      },
      {
        name: 'neighbourhood_2hop',
        floor: true,
        input: () => {
          const id = pickFrom(actors);
          return {
            path: `/api/nodes/${enc(id)}/neighbourhood?limit=500`,
            raw: same('neighbourhood', neighbourhoodParams(id, 500)),
          };
        },
      },
      {
        name: 'shortest_path',
        floor: true,
        input: () => {
          const from = pickFrom(actors);
          let to = pickFrom(actors);
          while (to === from) to = pickFrom(actors);
          return {
            path: `/api/paths?from=${enc(from)}&to=${enc(to)}&maxHops=6&mode=shortest`,
            // The service's database work: the guarded search (unguarded if it finds none), then the hub check
            // near the ends when the path is long enough for a hub to shorten it (a third query runs only when
            // the path has hedged or disputed claims).
            raw: async () => {
              const q = pathQuery({ from, to, maxHops: 6 }, null);
              const res = await read('shortest-path', pathQueryParams(q));
              const path = res.records[0]?.get('path') as { length: number } | undefined;
              // No path round the hubs: the service asks again through them.
              if (!path) return read('shortest-path', pathQueryParams({ ...q, hubDegree: null }));
              const radius = hubCheckRadius(path.length);
              if (radius > 0) await read('path-hubs-near', hubsNearParams(q, radius, HUBS_AVOIDED_MAX));
              return res;
            },
          };
        },
      },
      {
        name: 'cooperation',
        floor: true,
        input: () => cooperationInput(pickFrom([...threatIds.keys()])),
      },
      {
        // The threat with the most forums and agreements (with its sub-threats): the one the caps are for.
        name: 'cooperation_broadest',
        floor: true,
        input: () => cooperationInput(broadest),
      },
    ];

    // `--ops search,shortest_path` runs only those operations (all by default).
    const chosen = args.ops ? new Set(args.ops.split(',').map((o) => o.trim())) : null;
    const unknown = chosen ? [...chosen].filter((o) => o !== 'hub' && !ops.some((op) => op.name === o)) : [];
    if (unknown.length)
      throw new Error(
        `--ops: unknown operation ${unknown.join(', ')}; expected some of ${[...ops.map((o) => o.name), 'hub'].join(', ')}`,
      );
    // The API, the floor and this process (the raw side) are new processes: their JIT-compiled code settles over the
    // first thousands of requests. A second floor server started beside a running one answered node reads 13%, 10%
    // and 5.5% slower at p50 over its first three runs of 2,700 requests, then 2-3% (the same code); a new API server
    // answered them 1.22, 1.12, 0.97, 0.92 times as long as the raw driver over its first four blocks of 500 (then
    // 0.87-0.94), V8 still compiling per-request functions after 4,500 requests. So every side first answers the
    // operations' mix, untimed, for WARM_SECONDS, each turn going to the operation with the least warm time so far:
    // every operation gets the same time, so the cheap reads (the most sensitive to it) get 700-1,000 turns each and
    // the code every request runs 3,300-5,300 (1M graph, 60 s), where taking them in turn gave each the same 130 or
    // so (a 2-hop costs what 15 node reads do). Cooperation is left out: the API keeps its answers until a write, and a
    // warm request would make a later timed one a cache hit.
    const selected = ops.filter((o) => !chosen || chosen.has(o.name));
    const warmMix = selected.filter((o) => !o.name.startsWith('cooperation'));
    const warmEnd = performance.now() + WARM_SECONDS * 1000;
    const warm = new Map(warmMix.map((o) => [o.name, { ms: 0, turns: 0 }]));
    while (warmMix.length && performance.now() < warmEnd) {
      const op = warmMix.reduce((a, b) => (warm.get(b.name)!.ms < warm.get(a.name)!.ms ? b : a));
      const started = performance.now();
      const x = op.input();
      await x.raw?.().catch(() => undefined);
      await request(base + x.path);
      if (op.floor && floorServer !== undefined) await request(floorBase + x.path);
      const w = warm.get(op.name)!;
      w.ms += performance.now() - started;
      w.turns++;
    }
    const warmTurns = Object.fromEntries([...warm].map(([name, w]) => [name, w.turns]));
    const warmRounds = Object.values(warmTurns).reduce((a, b) => a + b, 0);
    if (warmMix.length)
      process.stdout.write(
        `warmed: ${warmRounds} requests per side in ${WARM_SECONDS} s (${Object.entries(warmTurns)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})\n`,
      );

    const operations: OperationResult[] = [];
    const decoder = new TextDecoder();
    for (const op of selected) {
      const api: number[] = [];
      const raw: number[] = [];
      const floor: number[] = [];
      const withFloor = op.floor && floorServer !== undefined;
      const same = { compared: 0, differed: 0 };
      let errors = 0;
      for (let i = 0; i < WARMUP + SAMPLES; i++) {
        const x = op.input();
        let apiBody: Uint8Array | undefined;
        let floorBody: Uint8Array | undefined;
        /** Times one GET of `x.path` on `server` (the API or the floor) and hands its body to `keep`. */
        const timeHttp = async (server: string, keep: (body: Uint8Array) => void) => {
          const t = performance.now();
          const r = await request(server + x.path);
          const ms = performance.now() - t;
          if (!r.ok) errors++;
          keep(r.body);
          return ms;
        };
        const timeApi = () => timeHttp(base, (b) => (apiBody = b));
        const timeFloor = async () => (withFloor ? timeHttp(floorBase, (b) => (floorBody = b)) : NaN);
        // A raw error other than the time limit means the two sides do not run the same query: stop, do not time it.
        const timeRaw = async () => {
          if (!x.raw) return NaN;
          const t = performance.now();
          try {
            await x.raw();
          } catch (err) {
            if (!isTimeout(err)) throw err;
            errors++;
          }
          return performance.now() - t;
        };
        // Rotate which goes first, so none always benefits from another's warm cache.
        const times = [NaN, NaN, NaN];
        const sides = [timeRaw, timeApi, timeFloor];
        for (const k of ORDERS[i % ORDERS.length]!) times[k] = await sides[k]!();
        // The floor must answer what the API answers, byte for byte (compared outside the timed part).
        if (withFloor && i < WARMUP && apiBody && floorBody) {
          same.compared++;
          const a = decoder.decode(apiBody);
          const f = decoder.decode(floorBody);
          if (a !== f) {
            if (!same.differed)
              process.stdout.write(
                `${op.name}: floor and API differ for ${x.path}\n  api   ${a.slice(0, 300)}\n  floor ${f.slice(0, 300)}\n`,
              );
            same.differed++;
          }
        }
        if (i >= WARMUP) {
          raw.push(times[0]!);
          api.push(times[1]!);
          floor.push(times[2]!);
        }
      }
      const o = summarise(
        op.name,
        api,
        raw.filter(Number.isFinite),
        errors,
        loadavg()[0],
        floor.filter(Number.isFinite),
      );
      operations.push(withFloor ? { ...o, floorSame: same } : o);
      process.stdout.write(
        `${op.name}: api p50 ${o.api.p50.toFixed(2)} ms, raw p50 ${o.raw.p50.toFixed(2)} ms${o.floor ? `, floor p50 ${o.floor.p50.toFixed(2)} ms (api/floor ${(o.api.p50 / o.floor.p50).toFixed(2)}, floor/raw ${(o.floor.p50 / o.raw.p50).toFixed(2)})` : ''}\n`,
      );
    }

    // The hub operation: the highest-degree nodes, counts and first page, cold then warm (`--ops hub` alone).
    if (!chosen || chosen.has('hub')) {
      const hubs = await highestDegreeNodes(db.store, Number(args.hubs));
      process.stdout.write(`hubs: ${hubs.map((h) => `${h.id} (${h.degree})`).join(', ')}\n`);
      operations.push(
        ...(await benchHubs({
          base,
          raw: rawStore,
          hubs,
          warm: Number(args['hub-warm']),
        })),
      );
    }

    const throughput: BenchResult['throughput'] = [];
    const connectionCounts = args.connections
      .split(',')
      .filter((c) => c.trim() !== '')
      .map(Number);
    // `--duration 0` leaves out the throughput runs too (a look at some operations' latency alone).
    for (const connections of DURATION > 0 ? connectionCounts : []) {
      const result = await autocannon({
        url: base,
        connections,
        duration: DURATION,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => ({
              ...req,
              path: `/api/nodes/${enc(pickFrom(actors))}/neighbours?limit=100`,
            }),
          },
        ],
      });
      // The same reads through the raw driver, at the same concurrency, for as long.
      const raw = await rawThroughput(connections, DURATION, () => unfilteredPage(100).raw());
      throughput.push({
        operation: 'neighbours_1hop',
        connections,
        requestsPerSecond: result.requests.average,
        latencyP50: result.latency.p50,
        latencyP99: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
        raw,
      });
      process.stdout.write(
        `1-hop at ${connections} connections: ${result.requests.average.toFixed(0)} req/s, ${result.errors + result.timeouts + result.non2xx} errors; raw ${raw.requestsPerSecond.toFixed(0)} req/s\n`,
      );
    }
    clearInterval(rssTimer);
    const result: BenchResult = {
      date: new Date().toISOString(),
      load: { start: loadAtStart, end: loadavg() },
      graph,
      graphSize,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
      },
      serverNodeFlags: serverFlags,
      benchNodeFlags: benchFlags,
      rawQueries: 'auto-commit',
      neo4j: {
        settings,
        embedded: !config.neo4j.uri,
        heap: config.neo4j.uri ? null : config.embedded.heap,
        pageCacheMb: config.neo4j.uri ? null : config.embedded.pageCacheMb,
      },
      samples: SAMPLES,
      warm: {
        seconds: WARM_SECONDS,
        requestsPerSide: warmRounds,
        byOperation: warmTurns,
      },
      client: args.client as 'fetch' | 'http',
      ...(args['api-root'] ? { apiRoot: args['api-root'] } : {}),
      operations,
      ratios: Object.fromEntries(
        operations.map((o) => [`ratio_${o.name}`, Number((o.api.p50 / o.raw.p50).toFixed(3))]),
      ),
      throughput,
      serverRssMiB: { peak: Number(peakRss.toFixed(1)), end: Number(rssMiB(serverPid).toFixed(1)) },
    };
    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${result.date.slice(0, 10)}-${graph}${args.tag ? `-${args.tag}` : ''}`);
    writeFileSync(`${file}.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${file}.md`, renderMarkdown(result));
    process.stdout.write(`\n${renderMarkdown(result)}\nWrote ${file}.json and .md\n`);
  } finally {
    if (rssTimer) clearInterval(rssTimer);
    server?.kill('SIGTERM');
    floorServer?.kill('SIGTERM');
    await rawStore.close();
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
