// `npm run bench:fold`: what folding buys on a large scene. In headless Chromium (the browser tests' flags) on the
// real app (test build, real Neo4j for the start view), a synthetic scene of N elements is loaded with folding
// off, with every hub's leaves folded, and with its communities grouped, in alternating rounds; each round takes
// the first paint, the layout, and the frames during a 4 s mouse-drag pan. Writes bench/results/<date>-fold.{json,md}.
/// <reference lib="dom" />
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import type {} from '../client/src/app/test-hooks.js';
import { freePort } from '../server/src/embedded-neo4j.js';
import { startApiProcess } from './api-process.js';
import { percentile } from './report.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLIENT_DIR = join(ROOT, 'dist/client-test');
/** The bench's own embedded database (seeded on first start), outside the repository. */
const DATA_DIR = '/tmp/fold-bench-neo4j';
const { values: args } = parseArgs({
  options: {
    elements: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3' },
    'pan-seconds': { type: 'string', default: '4' },
    'no-write': { type: 'boolean', default: false },
  },
});
const ELEMENTS = Number(args.elements);
const ROUNDS = Number(args.rounds);
const PAN_MS = Number(args['pan-seconds']) * 1000;
const MODES = ['off', 'leaves', 'communities'] as const;
type Mode = (typeof MODES)[number];
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

interface Sample {
  mode: Mode;
  round: number;
  /** Nodes plus edges the canvas draws. */
  drawn: number;
  /** From the load call to the second animation frame after it (scene generation and any folding included). */
  firstPaintMs: number;
  /** From the first paint until queued layouts and camera moves have finished. */
  layoutMs: number;
  fps: number;
  p95FrameMs: number;
}

/** Loads the scene in `mode` on an empty canvas and measures it. */
async function measure(page: Page, mode: Mode, round: number): Promise<Sample> {
  // Cleared first and outside the figure: removing the previous mode's scene is not this mode's first paint.
  await page.getByRole('button', { name: 'Clear canvas', exact: true }).click();
  await page.waitForFunction(() => window.__explorer!.nodeIds().length === 0);
  await page.evaluate(() => window.__explorer!.whenIdle());
  const firstPaintMs = await page.evaluate(
    async ({ n, fold }) => {
      const t0 = performance.now();
      await window.__explorer!.loadSynthetic!(n, fold ? { fold } : undefined);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    },
    { n: ELEMENTS, fold: mode === 'off' ? undefined : mode },
  );
  const t1 = Date.now();
  await page.evaluate(() => window.__explorer!.whenIdle());
  const layoutMs = Date.now() - t1;
  const drawn = await page.evaluate(
    () => window.__explorer!.nodeIds().length + window.__explorer!.edgeIds().length,
  );

  // Frames during a mouse-drag pan of the canvas, as a user pans: intervals between animation frames.
  const box = (await page.getByTestId('graph').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // A string, not a function: tsx's name helper (`__name`) does not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const start = Date.now();
  for (let i = 0; Date.now() - start < PAN_MS; i++) {
    const phase = (i % 60) / 60;
    await page.mouse.move(cx + 150 * Math.sin(phase * 2 * Math.PI), cy + 80 * Math.cos(phase * 2 * Math.PI));
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames;
  });
  const gaps = frames.slice(1).map((t, i) => t - (frames[i] as number));
  const span = (frames.at(-1) ?? 0) - (frames[0] ?? 0);
  return {
    mode,
    round,
    drawn,
    firstPaintMs,
    layoutMs,
    fps: span > 0 ? (gaps.length * 1000) / span : 0,
    p95FrameMs: percentile(
      [...gaps].sort((a, b) => a - b),
      95,
    ),
  };
}

const median = (xs: number[]): number =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

async function main(): Promise<void> {
  if (!existsSync(join(CLIENT_DIR, 'index.html')))
    throw new Error('dist/client-test is missing: run `npx vite build --mode test` first');
  const loadBefore = loadavg();
  log(
    `fold bench: ${ELEMENTS} elements, ${ROUNDS} rounds, load ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`,
  );
  // The production server on the test build of the client, with its own embedded Neo4j (seeded: the start view).
  const app = await startApiProcess({
    uri: '',
    port: await freePort(),
    env: { CLIENT_DIR: 'dist/client-test', NEO4J_DATA_DIR: DATA_DIR, AUTO_SEED: 'true' },
    healthyWithinMs: 300_000,
  });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const samples: Sample[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${app.baseUrl}/`);
    await page.waitForFunction(() => (window.__explorer?.nodeIds().length ?? 0) > 0);
    // A warm-up load: the generator's module and the Louvain chunk are fetched once, outside the figures.
    await page.evaluate((n) => window.__explorer!.loadSynthetic!(n, { fold: 'communities' }), ELEMENTS);
    await page.evaluate(() => window.__explorer!.whenIdle());
    for (let round = 1; round <= ROUNDS; round++) {
      // Modes alternate within each round, so a load spike on the shared machine hits all of them alike.
      for (const mode of MODES) {
        const s = await measure(page, mode, round);
        samples.push(s);
        log(
          `round ${round} ${mode.padEnd(11)} drawn ${s.drawn} first paint ${s.firstPaintMs.toFixed(0)} ms, layout ${s.layoutMs} ms, pan ${s.fps.toFixed(1)} fps p95 ${s.p95FrameMs.toFixed(1)} ms`,
        );
      }
    }
  } finally {
    await browser.close();
    app.child.kill('SIGTERM');
    await app.exited;
  }
  const loadAfter = loadavg();
  const summary = MODES.map((mode) => {
    const of = samples.filter((s) => s.mode === mode);
    return {
      mode,
      drawn: median(of.map((s) => s.drawn)),
      firstPaintMs: median(of.map((s) => s.firstPaintMs)),
      layoutMs: median(of.map((s) => s.layoutMs)),
      fps: median(of.map((s) => s.fps)),
      p95FrameMs: median(of.map((s) => s.p95FrameMs)),
    };
  });
  const off = summary[0]!;
  const ratio = (a: number, b: number): string => (b > 0 ? (a / b).toFixed(2) : 'n/a');
  const date = new Date().toISOString().slice(0, 10);
  const machine = `${cpus().length} cores, load ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after`;
  const md = [
    `# Folding on a ${ELEMENTS.toLocaleString('en')}-element scene (${date})`,
    '',
    `\`npm run bench:fold\` (bench/fold-bench.ts): headless Chromium without GPU on the real app (test build), synthetic scene (graph/synthetic-scene.ts), ${ROUNDS} rounds, modes alternating in each round, medians. Machine: ${machine}. Timings on a shared machine are noisy: read the ratios to "off" from the same run.`,
    '',
    '| Mode | Drawn elements | First paint (ms) | vs off | Layout (ms) | vs off | Pan frames/s | vs off | p95 frame (ms) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...summary.map(
      (s) =>
        `| ${s.mode} | ${s.drawn} | ${s.firstPaintMs.toFixed(0)} | ${ratio(s.firstPaintMs, off.firstPaintMs)} | ${s.layoutMs.toFixed(0)} | ${ratio(s.layoutMs, off.layoutMs)} | ${s.fps.toFixed(1)} | ${ratio(s.fps, off.fps)} | ${s.p95FrameMs.toFixed(1)} |`,
    ),
    '',
    'First paint runs from the load call to the second animation frame after it: generating the scene and computing the',
    'folds (Louvain for communities) are inside it. "leaves" folds every hub with two or more leaves (Fold all leaves).',
    summary[1]!.drawn === off.drawn
      ? 'The generated scene has no node tied to only one other, so "leaves" folds nothing here: its row is the cost of looking, and its differences from "off" are the machine\'s noise.'
      : `"leaves" folded ${off.drawn - summary[1]!.drawn} drawn elements away.`,
    '',
  ].join('\n');
  process.stdout.write(`${md}\n`);
  if (!args['no-write']) {
    const dir = join(ROOT, 'bench/results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `${date}-fold.json`),
      `${JSON.stringify({ date, elements: ELEMENTS, rounds: ROUNDS, machine, loadBefore, loadAfter, summary, samples }, null, 2)}\n`,
    );
    writeFileSync(join(dir, `${date}-fold.md`), md);
    log(`wrote bench/results/${date}-fold.{json,md}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
