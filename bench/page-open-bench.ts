// `npm run bench:page-open`: the explorer opening in headless Chromium against the configured graph (NEO4J_URI or
// NEO4J_DATA_DIR), at `?node=` on the highest-degree hubs and on random actors, first visit (cold) then a reload
// (warm): each API request it sends with its timing, when the start view is drawn and when its layout has settled.
// Writes bench/results/<date>-<graph>-page-open.json and .md beside the client benchmark's results.
/// <reference lib="dom" />
import type {} from '../client/src/app/test-hooks.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { chromium, type Browser, type Page, type Request, type Response } from 'playwright-core';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/database.js';
import { freePort } from '../server/src/embedded-neo4j.js';
import { createLogger } from '../server/src/logger.js';
import { HUB_DEGREE, samplingRate } from '../server/src/services/neighbour-counts.js';
import { createGraphStore, type GraphStore } from '../server/src/store/neo4j-store.js';
import { neighbourPage, readNeighbourCounting } from '../server/src/store/neighbour-reads.js';
import { startApiProcess } from './api-process.js';
import { highestDegreeNodes, type Hub } from './hub-bench.js';
import { percentile } from './report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    hubs: { type: 'string', default: '5' },
    actors: { type: 'string', default: '5' },
    graph: { type: 'string' },
    /** A folder: the first hub opened at 1280×800 and 1440×900 is saved there as PNG, its status line in view. */
    screenshots: { type: 'string' },
  },
});
/** The targets: the page usable within 1.5 s of navigation, each opening request within 300 ms (p95). */
const USABLE_TARGET_MS = 1500;
const REQUEST_TARGET_MS = 300;
const VIEWPORT = { width: 1280, height: 800 };
/** The browser tests' flags: canvas drawn on the CPU, as on a machine without a GPU. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];

interface RequestTiming {
  path: string;
  status: number;
  startMs: number;
  endMs: number;
}
interface Visit {
  /** Navigation to the DOMContentLoaded event. */
  domReadyMs: number;
  /** Navigation to the start node and its neighbours on the canvas. */
  drawnMs: number;
  /** Navigation to the start view's layout having settled (the page is usable). */
  usableMs: number;
  /** The machine's 1-minute load average when the visit began. */
  load1: number;
  requests: RequestTiming[];
}
interface Opening {
  id: string;
  kind: 'hub' | 'actor';
  degree: number;
  cold: Visit;
  warm: Visit;
  /**
   * The reference, right after the visits: the page's neighbours request and the counts as the same store reads
   * through the raw driver (no HTTP, no admission), in ms.
   */
  raw: { pageMs: number; countsMs: number };
}

/** Opens `url` in `page`'s context (first visit, or a reload) and times it. */
async function visit(browser: Browser, url: string, id: string, reuse?: Page) {
  const page = reuse ?? (await (await browser.newContext({ viewport: VIEWPORT })).newPage());
  const requests: RequestTiming[] = [];
  const started = new Map<unknown, number>();
  let t0 = 0;
  const onRequest = (r: Request): void => {
    if (r.url().includes('/api/')) started.set(r, performance.now() - t0);
  };
  const onResponse = (r: Response): void => {
    const start = started.get(r.request());
    if (start === undefined) return;
    requests.push({
      path: new URL(r.url()).pathname + new URL(r.url()).search,
      status: r.status(),
      startMs: Math.round(start),
      endMs: Math.round(performance.now() - t0),
    });
  };
  page.on('request', onRequest);
  page.on('response', onResponse);
  const load1 = loadavg()[0]!;
  t0 = performance.now();
  if (reuse) await page.reload({ waitUntil: 'domcontentloaded' });
  else await page.goto(url, { waitUntil: 'domcontentloaded' });
  const domReadyMs = Math.round(performance.now() - t0);
  await page.waitForFunction(
    (nodeId) => {
      const ids = window.__explorer?.nodeIds() ?? [];
      return ids.includes(nodeId) && ids.length > 1;
    },
    id,
    { timeout: 60_000, polling: 10 },
  );
  const drawnMs = Math.round(performance.now() - t0);
  await page.evaluate(() => window.__explorer!.whenIdle());
  const usableMs = Math.round(performance.now() - t0);
  // Requests still in flight at this point belong to the visit too (a deferred prefetch).
  await page.waitForTimeout(300);
  page.off('request', onRequest);
  page.off('response', onResponse);
  return { page, visit: { domReadyMs, drawnMs, usableMs, load1, requests } satisfies Visit };
}

/** Times the page's neighbours request (its limit as the page sent it) and the counts through `raw`. */
async function rawReference(raw: GraphStore, id: string, sent: RequestTiming[]): Promise<Opening['raw']> {
  const limit = Number(
    new URLSearchParams(sent.find((q) => q.path.includes('/neighbours?'))?.path.split('?')[1]).get('limit') ??
      50,
  );
  let t = performance.now();
  await neighbourPage(raw, {
    id,
    relTypes: null,
    direction: null,
    labels: null,
    threatIds: null,
    skip: 0,
    limit,
  });
  const pageMs = Math.round(performance.now() - t);
  t = performance.now();
  await readNeighbourCounting(raw, id, { hubDegree: HUB_DEGREE, rateFor: samplingRate });
  return { pageMs, countsMs: Math.round(performance.now() - t) };
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1) ?? NaN };
};
const mark = (ok: boolean): string => (ok ? 'yes' : '**no**');
/** A request's kind: its path with the node id taken out. */
const kindOf = (path: string): string =>
  path
    .replace(/\/nodes\/[^/?]+/, '/nodes/:id')
    .replace(/\?.*$/, (q) => (q.includes('limit=') ? '?limit=…' : ''));

function renderMarkdown(r: {
  date: string;
  graph: string;
  load: { start: number[]; end: number[] };
  machine: string;
  openings: Opening[];
}): string {
  const rows: string[] = [];
  for (const kind of ['hub', 'actor'] as const)
    for (const when of ['cold', 'warm'] as const) {
      const visits = r.openings.filter((o) => o.kind === kind).map((o) => o[when]);
      if (!visits.length) continue;
      const u = stats(visits.map((v) => v.usableMs));
      const d = stats(visits.map((v) => v.drawnMs));
      rows.push(
        `| ${kind}s, ${when} | ${visits.length} | ${d.p50} / ${d.p95} | ${u.p50} / ${u.p95} | ≤ ${USABLE_TARGET_MS} ms ${mark(u.p95 <= USABLE_TARGET_MS)} |`,
      );
    }
  const byKind = new Map<string, number[]>();
  for (const o of r.openings)
    for (const v of [o.cold, o.warm])
      for (const q of v.requests) {
        const k = kindOf(q.path);
        byKind.set(k, [...(byKind.get(k) ?? []), q.endMs - q.startMs]);
      }
  return [
    `# Page open: ${r.graph}`,
    '',
    `${r.date} · load ${r.load.start.map((x) => x.toFixed(1)).join(' ')} → ${r.load.end.map((x) => x.toFixed(1)).join(' ')} · ${r.machine}`,
    '',
    'From navigation: drawn = the start node and its neighbours on the canvas; usable = its layout settled.',
    'Cold: first visit in a fresh browser context. Warm: a reload.',
    '',
    '| Opening on | Visits | Drawn p50 / p95 ms | Usable p50 / p95 ms | Target |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    'Requests the page sent while opening (every visit), duration in ms:',
    '',
    '| Request | Count | p50 | p95 | max | p95 ≤ 300 ms |',
    '|---|---|---|---|---|---|',
    ...[...byKind].map(([k, xs]) => {
      const s = stats(xs);
      return `| ${k} | ${xs.length} | ${s.p50} | ${s.p95} | ${s.max} | ${mark(s.p95 <= REQUEST_TARGET_MS)} |`;
    }),
    '',
    'Raw: the same neighbours page and counts through the raw driver right after the visits (warm), in ms. Load:',
    "the machine's 1-minute load average when each visit began (2 cores).",
    '',
    '| Node | Degree | Cold drawn / usable ms (load) | Warm drawn / usable ms (load) | Raw page / counts ms |',
    '|---|---|---|---|---|',
    ...r.openings.map(
      (o) =>
        `| ${o.id} | ${o.degree} | ${o.cold.drawnMs} / ${o.cold.usableMs} (${o.cold.load1.toFixed(1)}) | ${o.warm.drawnMs} / ${o.warm.usableMs} (${o.warm.load1.toFixed(1)}) | ${o.raw.pageMs} / ${o.raw.countsMs} |`,
    ),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const load = { start: loadavg(), end: [] as number[] };
  const config = loadConfig();
  const db = await openDatabase(config, createLogger('warn'));
  const uri = config.neo4j.uri ?? db.embedded!.uri;
  let browser: Browser | undefined;
  let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
  // The raw side: the store's own reads without admission, as the API benchmark's raw driver runs them.
  const raw = await createGraphStore({ ...config.neo4j, uri, queryTimeoutMs: config.queryTimeoutMs });
  try {
    const hubs = await highestDegreeNodes(db.store, Number(args.hubs));
    // Random actors across the whole label (its first nodes are all countries).
    const actorCount = await db.store.driver.executeQuery(
      'MATCH (n:Actor) RETURN count(n) AS n',
      {},
      {
        database: db.store.database,
      },
    );
    const actors: Hub[] = [];
    for (let i = 0; i < Number(args.actors); i++) {
      const skip = Math.floor(Math.random() * Number(actorCount.records[0]!.get('n')));
      const r = await db.store.driver.executeQuery(
        'MATCH (n:Actor) WITH n SKIP $skip LIMIT 1 RETURN n.id AS id, COUNT { (n)--() } AS degree',
        { skip: neo4j.int(skip) },
        { database: db.store.database, routing: neo4j.routing.READ },
      );
      const rec = r.records[0];
      if (rec) actors.push({ id: rec.get('id') as string, degree: Number(rec.get('degree')) });
    }
    const counts = await db.store.driver.executeQuery(
      'MATCH (n:Entity) RETURN count(n) AS n',
      {},
      {
        database: db.store.database,
      },
    );
    const graph = args.graph ?? `graph-${Math.round(Number(counts.records[0]!.get('n')) / 1000)}k`;
    // The page is the test build (the same client plus window.__explorer, which says when the view is drawn).
    const built = spawnSync('npx', ['vite', 'build', '--mode', 'test', '--logLevel', 'warn'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: 'inherit',
    });
    if (built.status !== 0) throw new Error('the test build of the client failed');
    api = await startApiProcess({ uri, port: await freePort(), env: { CLIENT_DIR: 'dist/client-test' } });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const openings: Opening[] = [];
    for (const [kind, nodes] of [
      ['hub', hubs],
      ['actor', actors],
    ] as const) {
      for (const n of nodes) {
        const url = `${api.baseUrl}/?node=${encodeURIComponent(n.id)}`;
        const cold = await visit(browser, url, n.id);
        const warm = await visit(browser, url, n.id, cold.page);
        await cold.page.context().close();
        const ref = await rawReference(raw, n.id, cold.visit.requests);
        openings.push({ id: n.id, kind, degree: n.degree, cold: cold.visit, warm: warm.visit, raw: ref });
        process.stdout.write(
          `${n.id} (${n.degree}): cold usable ${cold.visit.usableMs} ms, warm ${warm.visit.usableMs} ms\n`,
        );
      }
    }
    load.end = loadavg();
    if (args.screenshots && hubs[0]) {
      mkdirSync(args.screenshots, { recursive: true });
      for (const viewport of [VIEWPORT, { width: 1440, height: 900 }]) {
        const page = await (await browser.newContext({ viewport })).newPage();
        await page.goto(`${api.baseUrl}/?node=${encodeURIComponent(hubs[0].id)}`);
        await page.waitForFunction(() => (window.__explorer?.nodeIds().length ?? 0) > 1, null, {
          timeout: 60_000,
        });
        await page.evaluate(() => window.__explorer!.whenIdle());
        const file = join(args.screenshots, `hub-page-${viewport.width}x${viewport.height}.png`);
        await page.screenshot({ path: file });
        process.stdout.write(`screenshot: ${file}\n`);
        await page.context().close();
      }
    }
    const result = {
      date: new Date().toISOString(),
      graph,
      load,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Chromium headless ${browser.version()} (${CHROMIUM_ARGS.join(' ')}), ${VIEWPORT.width}×${VIEWPORT.height}`,
      openings,
    };
    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${result.date.slice(0, 10)}-${graph}-page-open`);
    writeFileSync(`${file}.json`, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(`${file}.md`, renderMarkdown(result));
    process.stdout.write(`\n${renderMarkdown(result)}\nWrote ${file}.json and .md\n`);
  } finally {
    await browser?.close();
    api?.child.kill('SIGTERM');
    await raw.close();
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`page-open bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
