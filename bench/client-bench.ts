// `npm run bench:client`: builds the bench page with Vite, then in headless Chromium draws synthetic scenes of
// 1k-20k elements with stock Cytoscape, the project's canvas (its own modules) and WebGL, side by side in one run:
// first paint, layout (and the longest main-thread block during it), frames during a scripted pan and zoom,
// click-to-expand, and each level-of-detail lever alone. Writes bench/results/<date>-client[-<name>].json and .md.
// Before/after runs of the worker layout alone: `npm run bench:client -- --layout-only --name <name>`.
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { FAST_LEVERS, FULL_DETAIL, LEVER_NAMES, fastModeOn } from '../client/src/graph/level-of-detail.js';
import { percentile } from './report.js';
import { renderClientMarkdown, type ClientBenchResult, type RenderRun } from './client-report.js';
import type { Driver, FrameStats, InDriver, Variant } from './client/bench-types.js';
import { dragPoint, wheelDelta } from './client/input-drivers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist/bench-client');
const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,5000,10000,20000' },
    'lever-sizes': { type: 'string', default: '10000,20000' },
    'driver-sizes': { type: 'string', default: '1000,10000' },
    'driver-seconds': { type: 'string', default: '3' },
    drivers: { type: 'string', default: '' },
    'pan-seconds': { type: 'string', default: '4' },
    'expand-tries': { type: 'string', default: '20' },
    // First paints per variant and scene: stock and project take turns on fresh pages, and the median is reported.
    'paint-reps': { type: 'string', default: '5' },
    'main-layout': { type: 'string', default: '5000' },
    'no-write': { type: 'boolean', default: false },
    // Only the worker layouts (no drawing variants, drivers, levers or expansions): before/after runs of the layout.
    'layout-only': { type: 'boolean', default: false },
    // Suffix of the results files (<date>-client-<name>.json), so a side run does not overwrite the committed one.
    name: { type: 'string', default: '' },
    // SwiftShader's software WebGL drew every scene several times slower than the 2D canvas (2026-11-23 and
    // 2026-12-04 runs) and took a third of the run: opt in to measure it again.
    webgl: { type: 'boolean', default: false },
  },
});
const list = (v: string): number[] => (v ? v.split(',').map(Number) : []);
const SIZES = list(args.sizes);
const DRIVER_SIZES = list(args['driver-sizes']);
const DRIVER_SECONDS = Number(args['driver-seconds']);
/** Every input driver, compared on stock Cytoscape (see bench-types' Driver). */
const DRIVERS: readonly Driver[] = [
  'panBy',
  'drag',
  'drag-element',
  'cdp-drag',
  'hover',
  'hover-nohit',
  'zoomBy',
  'wheel',
  'cdp-wheel',
];
const DRIVERS_RUN: readonly Driver[] = args.drivers ? (args.drivers.split(',') as Driver[]) : DRIVERS;
/** Idle time after the first paint before input starts, as a user's first gesture comes after a look. */
const SETTLE_MS = 1000;
const LEVER_SIZES = args['lever-sizes'] ? args['lever-sizes'].split(',').map(Number) : [];
const PAN_SECONDS = Number(args['pan-seconds']);
const EXPAND_TRIES = Number(args['expand-tries']);
/**
 * One first paint per variant moved 0.8-1.6× against its pair on this shared 2-core machine (2026-12-07: six
 * alternating pairs of the same 10k scene, same build), so one sample decided a target by chance. Each scene's first
 * paint is the median of this many, stock and project taking turns; the last of each is the mount the gesture uses.
 */
const PAINT_REPS = Math.max(1, Number(args['paint-reps']));
const MAIN_LAYOUT = args['main-layout'] ? args['main-layout'].split(',').map(Number) : [];
/** The browser tests' flags: canvas drawn by Skia on the CPU, as on a machine without a GPU. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'];
/**
 * The WebGL variant's browser: SwiftShader, so Chromium offers (software) WebGL without a GPU. Only that variant runs
 * there: these flags also send the 2D canvas through SwiftShader, which made stock Cytoscape several times slower.
 */
const WEBGL_ARGS = [...CHROMIUM_ARGS, '--enable-unsafe-swiftshader', '--use-angle=swiftshader'];
const VIEWPORT = { width: 1400, height: 900 };
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` });
    }),
  );
}

/** The old scripted input, through the DevTools protocol: a mouse drag with 8 ms waits, or wheel notches 60 ms apart. */
async function cdpInput(page: Page, driver: 'cdp-drag' | 'cdp-wheel', seconds: number): Promise<FrameStats> {
  const cx = VIEWPORT.width / 2;
  const cy = VIEWPORT.height / 2;
  await page.mouse.move(cx, cy);
  await page.evaluate(() => window.__bench!.startFrames());
  const start = Date.now();
  if (driver === 'cdp-drag') {
    await page.mouse.down();
    for (let t = 0; Date.now() - start < seconds * 1000; t++) {
      const p = dragPoint(t, cx, cy);
      await page.mouse.move(p.x, p.y, { steps: 1 });
      await page.waitForTimeout(8);
    }
    await page.mouse.up();
  } else {
    for (let t = 0; Date.now() - start < seconds * 1000; t++) {
      await page.mouse.wheel(0, wheelDelta(t));
      await page.waitForTimeout(60);
    }
  }
  return page.evaluate((s) => window.__bench!.stopFrames(s), (Date.now() - start) / 1000);
}

/** Frames drawn while `driver` pans or zooms the mounted scene for `seconds`. */
async function driveScene(page: Page, driver: Driver, seconds: number): Promise<FrameStats> {
  if (driver === 'cdp-drag' || driver === 'cdp-wheel') return cdpInput(page, driver, seconds);
  return page.evaluate(([d, s]) => window.__bench!.drive(d as InDriver, s as number), [
    driver,
    seconds,
  ] as const);
}

/**
 * The scene's gesture: a mouse drag for half the time, then wheel notches in and out, both dispatched in the page
 * once per animation frame (as Chromium delivers a real mouse's moves) to Cytoscape's own listeners.
 */
async function panAndZoom(page: Page): Promise<FrameStats> {
  return page.evaluate((s) => window.__bench!.gesture(s), PAN_SECONDS);
}

const round = (n: number): number => Number(n.toFixed(1));

async function main(): Promise<void> {
  log('building the bench page…');
  await build({
    configFile: false,
    root: join(ROOT, 'bench/client'),
    base: './',
    logLevel: 'warn',
    build: {
      outDir: OUT,
      emptyOutDir: true,
      // Readable names in a profile of the page; minifying changes no drawing work.
      minify: false,
      // The page bundles Cytoscape, fcose and the generator's model in one chunk; it is never served to users.
      chunkSizeWarningLimit: 2500,
    },
  });
  const { server, url } = await serve(OUT);
  const launch = (flags: string[]): Promise<Browser> =>
    chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
  let browser = await launch(CHROMIUM_ARGS);
  let webglBrowser = await launch(WEBGL_ARGS);
  const started = Date.now();
  /** Measurements redone because their page (or the browser) crashed, with what it said. */
  const retries: { what: string; error: string }[] = [];
  /**
   * Runs one measurement; when its page or browser crashes (a renderer can die late in a long run: 2026-12-05, at
   * the 20k levers), runs it once more on a fresh page, relaunching a browser that went with it, instead of losing
   * the whole run. Any other error, or a second crash, ends the run as before.
   */
  const once = async <T>(what: string, measure: () => Promise<T>): Promise<T> => {
    try {
      return await measure();
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim();
      if (!/closed|crash/i.test(message)) throw err;
      log(`  ${what}: the page crashed (${message}); once more on a fresh page`);
      retries.push({ what, error: message });
      if (!browser.isConnected()) browser = await launch(CHROMIUM_ARGS);
      if (!webglBrowser.isConnected()) webglBrowser = await launch(WEBGL_ARGS);
      return measure();
    }
  };
  try {
    const open = async (webglPage = false): Promise<Page> => {
      const page = await (webglPage ? webglBrowser : browser).newPage({ viewport: VIEWPORT });
      page.on('pageerror', (e) => log(`page error: ${e.message}`));
      page.on('crash', () => log('page crashed'));
      await page.goto(url);
      await page.waitForFunction(() => !!window.__bench);
      return page;
    };
    const probe = await open(true);
    const webgl = await probe.evaluate(() => window.__bench!.webglInfo());
    await probe.close();
    const project = (size: number): Variant => ({
      name: 'project',
      stock: false,
      levers: fastModeOn('auto', size) ? FAST_LEVERS : FULL_DETAIL,
      webgl: false,
    });

    const result: ClientBenchResult = {
      date: new Date().toISOString(),
      machine: {
        cpuModel: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGiB: round(totalmem() / 2 ** 30),
        chromium: browser.version(),
        flags: CHROMIUM_ARGS,
        webglFlags: WEBGL_ARGS,
        viewport: VIEWPORT,
        loadStart: loadavg(),
      },
      webgl,
      panSeconds: PAN_SECONDS,
      scenes: [],
      levers: [],
      drivers: [],
      expand: null,
      expandStock: null,
      mainThreadLayouts: [],
      durationS: 0,
    };

    const runVariant = (
      v: Variant,
      size: number,
      positions: unknown,
      earlierPaints: readonly number[] = [],
    ): Promise<RenderRun> => once(`${size} ${v.name}`, () => drawVariant(v, size, positions, earlierPaints));
    /** Draws the scene with `v` on `page`; its first paint, ms. */
    const mountOn = async (page: Page, v: Variant, size: number, positions: unknown): Promise<number> =>
      (
        await page.evaluate(([vv, s, p]) => window.__bench!.mount(vv as Variant, s as number, p as never), [
          v,
          size,
          positions,
        ] as const)
      ).firstPaintMs;
    /** The scene's first paint with `v` on a fresh page, nothing else. */
    const paintOnly = (v: Variant, size: number, positions: unknown): Promise<number> =>
      once(`${size} ${v.name} first paint`, async () => {
        const page = await open(v.webgl);
        try {
          return await mountOn(page, v, size, positions);
        } finally {
          await page.close();
        }
      });
    const drawVariant = async (
      v: Variant,
      size: number,
      positions: unknown,
      earlierPaints: readonly number[],
    ): Promise<RenderRun> => {
      const page = await open(v.webgl);
      try {
        const paints = [...earlierPaints, await mountOn(page, v, size, positions)].map(round);
        const firstPaintMs = percentile(
          [...paints].sort((a, b) => a - b),
          50,
        );
        await page.waitForTimeout(SETTLE_MS);
        const frames = await panAndZoom(page);
        log(
          `  ${size} ${v.name}: first paint ${Math.round(firstPaintMs)} ms${paints.length > 1 ? ` (median of ${paints.join(', ')})` : ''}, ${frames.fps.toFixed(1)} frames/s, p95 ${Math.round(frames.p95IntervalMs)} ms`,
        );
        // Click-to-expand on the project's canvas, and the same additions on stock Cytoscape's: what drawing the
        // scene once more costs on this machine in this run (the reference for the issue's machine-limit rule).
        if (size === 10000 && EXPAND_TRIES > 0 && !v.webgl) {
          const expandMs = await page.evaluate((n) => window.__bench!.expand(n, 100), EXPAND_TRIES);
          const s = [...expandMs].sort((a, b) => a - b);
          const measured = {
            sceneElements: size,
            added: 200,
            tries: s.length,
            p50Ms: round(percentile(s, 50)),
            p95Ms: round(percentile(s, 95)),
          };
          if (v.name === 'project') result.expand = measured;
          else if (v.stock) result.expandStock = measured;
          log(`  expand (${v.name}): p50 ${measured.p50Ms} ms, p95 ${measured.p95Ms} ms`);
        }
        return {
          variant: v.name,
          levers: v.levers,
          webgl: v.webgl,
          firstPaintMs: round(firstPaintMs),
          ...(paints.length > 1 ? { firstPaintSamplesMs: paints } : {}),
          ...frames,
          fps: round(frames.fps),
          p50IntervalMs: round(frames.p50IntervalMs),
          p95IntervalMs: round(frames.p95IntervalMs),
        };
      } finally {
        await page.close();
      }
    };

    /** The scene of `size` elements laid out in the worker, on a page of its own. */
    const workerLayout = (size: number) =>
      once(`${size} worker layout`, async () => {
        const page = await open();
        try {
          const counts = await page.evaluate((s) => window.__bench!.sceneSize(s), size);
          const layout = await page.evaluate(([s, l]) => window.__bench!.layout(s, 'worker', l), [
            size,
            project(size).levers!,
          ] as const);
          return { counts, ...layout };
        } finally {
          await page.close();
        }
      });

    for (const size of args['layout-only'] ? [] : DRIVER_SIZES) {
      const { positions } = await workerLayout(size);
      for (const driver of DRIVERS_RUN) {
        await once(`drivers ${size} ${driver}`, async () => {
          const p = await open();
          try {
            await p.evaluate(
              ([s, pos]) =>
                window.__bench!.mount(
                  { name: 'stock', stock: true, levers: null, webgl: false },
                  s as number,
                  pos as never,
                ),
              [size, positions] as const,
            );
            await p.waitForTimeout(SETTLE_MS);
            const f = await driveScene(p, driver, DRIVER_SECONDS);
            log(
              `  drivers ${size} ${driver}: ${f.fps.toFixed(1)} frames/s, ${((f.inputs ?? 0) / DRIVER_SECONDS).toFixed(0)} inputs/s, p95 ${Math.round(f.p95IntervalMs)} ms`,
            );
            result.drivers.push({
              elements: size,
              driver,
              seconds: DRIVER_SECONDS,
              inputsPerS: round((f.inputs ?? 0) / DRIVER_SECONDS),
              frames: f.frames,
              fps: round(f.fps),
              p50IntervalMs: round(f.p50IntervalMs),
              p95IntervalMs: round(f.p95IntervalMs),
            });
          } finally {
            await p.close();
          }
        });
      }
    }

    for (const size of SIZES) {
      log(`scene ${size}: worker layout…`);
      const { counts, positions, ...layout } = await workerLayout(size);
      log(`  ${counts.nodes} nodes, ${counts.edges} edges`);
      log(
        `  layout ${Math.round(layout.ms)} ms, longest long task ${Math.round(layout.longestLongTaskMs)} ms (scene's first paint: ${Math.round(layout.sceneLongestTaskMs)} ms), ${layout.progressSteps} progress reports, longest gap ${Math.round(layout.progressMaxGapMs)} ms`,
      );
      const layoutRow = {
        ...layout,
        ms: round(layout.ms),
        longestLongTaskMs: round(layout.longestLongTaskMs),
        progressMaxGapMs: round(layout.progressMaxGapMs),
        sceneLongestTaskMs: round(layout.sceneLongestTaskMs),
      };
      if (args['layout-only']) {
        result.scenes.push({ elements: size, ...counts, layout: layoutRow, runs: [] });
        continue;
      }
      const runs: RenderRun[] = [];
      const stock: Variant = { name: 'stock', stock: true, levers: null, webgl: false };
      const paints = { stock: [] as number[], project: [] as number[] };
      for (let i = 1; i < PAINT_REPS; i++) {
        paints.stock.push(await paintOnly(stock, size, positions));
        paints.project.push(await paintOnly(project(size), size, positions));
      }
      runs.push(await runVariant(stock, size, positions, paints.stock));
      runs.push(await runVariant(project(size), size, positions, paints.project));
      if (args.webgl && webgl.available)
        runs.push(
          await runVariant({ ...project(size), name: 'project-webgl', webgl: true }, size, positions),
        );
      result.scenes.push({
        elements: size,
        ...counts,
        layout: layoutRow,
        runs,
      });

      if (MAIN_LAYOUT.includes(size)) {
        log(`  stock fcose on the main thread at ${size}…`);
        const { positions: _p, ...main } = await once(`${size} main-thread layout`, async () => {
          const p = await open();
          try {
            return await p.evaluate(([s, l]) => window.__bench!.layout(s, 'main', l), [
              size,
              FULL_DETAIL,
            ] as const);
          } finally {
            await p.close();
          }
        });
        result.mainThreadLayouts.push({
          elements: size,
          ms: round(main.ms),
          longestLongTaskMs: round(main.longestLongTaskMs),
        });
      }
      if (LEVER_SIZES.includes(size)) {
        const variants: Variant[] = [
          { name: 'full detail', stock: false, levers: FULL_DETAIL, webgl: false },
          ...LEVER_NAMES.map((k) => ({
            name: `only ${k}`,
            stock: false,
            levers: { ...FULL_DETAIL, [k]: true },
            webgl: false,
          })),
          { name: 'fast mode', stock: false, levers: FAST_LEVERS, webgl: false },
        ];
        for (const v of variants)
          result.levers.push({ elements: size, ...(await runVariant(v, size, positions)) });
      }
    }
    result.retries = retries;
    result.durationS = Math.round((Date.now() - started) / 1000);
    result.machine.loadEnd = loadavg();
    const md = renderClientMarkdown(result);
    if (!args['no-write']) {
      const dir = join(ROOT, 'bench/results');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${result.date.slice(0, 10)}-client${args.name ? `-${args.name}` : ''}`);
      writeFileSync(`${file}.json`, `${JSON.stringify(result, null, 2)}\n`);
      writeFileSync(`${file}.md`, md);
      log(`wrote ${file}.json and .md (${result.durationS} s)`);
    }
    process.stdout.write(md);
  } finally {
    await browser.close();
    await webglBrowser.close();
    server.close();
  }
}

main().catch((err: unknown) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 1;
});
