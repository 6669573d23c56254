// The client benchmark's result file shape, the issue's targets and the Markdown table beside them.
import type { LodLevers } from '../client/src/graph/level-of-detail.js';
import type { FrameStats, LayoutStats, WebglInfo } from './client/bench-types.js';

/** One scene drawn one way: first paint and the frames during the scripted pan and zoom. */
export interface RenderRun extends FrameStats {
  variant: string;
  levers: LodLevers | null;
  webgl: boolean;
  /** The median of firstPaintSamplesMs when there are several (runs from 2026-12-07 on), else the one mount's. */
  firstPaintMs: number;
  /** Every first paint of this variant and scene, in order, each on a fresh page; the last is the gesture's mount. */
  firstPaintSamplesMs?: number[];
}

export interface ClientBenchResult {
  date: string;
  machine: {
    cpuModel: string;
    cores: number;
    memoryGiB: number;
    chromium: string;
    flags: string[];
    webglFlags: string[];
    viewport: { width: number; height: number };
    /** 1-, 5- and 15-minute load averages at the start and the end of the run (the machine is shared). */
    loadStart?: number[];
    loadEnd?: number[];
  };
  webgl: WebglInfo;
  panSeconds: number;
  scenes: { elements: number; nodes: number; edges: number; layout: LayoutStats; runs: RenderRun[] }[];
  /** The project's canvas at full detail, with each lever alone, and in fast mode. */
  levers: (RenderRun & { elements: number })[];
  /** Stock Cytoscape under each input driver (bench-types' Driver), to tell input delivery from drawing. */
  drivers: {
    elements: number;
    driver: string;
    seconds: number;
    inputsPerS: number;
    frames: number;
    fps: number;
    p50IntervalMs: number;
    p95IntervalMs: number;
  }[];
  expand: ExpandRun | null;
  /** The same additions into the same scene on stock Cytoscape (absent in runs before 2026-12-07). */
  expandStock?: ExpandRun | null;
  /** Stock fcose on the main thread, for comparison with the worker. */
  mainThreadLayouts: { elements: number; ms: number; longestLongTaskMs: number }[];
  durationS: number;
  /** Measurements redone on a fresh page because their page or browser crashed (absent in runs before 2026-12-05). */
  retries?: { what: string; error: string }[];
}

/** Click-to-expand timings: `tries` additions of `added` elements into a scene of `sceneElements`. */
export interface ExpandRun {
  sceneElements: number;
  added: number;
  tries: number;
  p50Ms: number;
  p95Ms: number;
}

/** The issue's targets (software rendering, a 2-core machine). */
export const CLIENT_TARGETS = {
  fps10k: 30,
  p95Interval10kMs: 100,
  /** The project's canvas draws at least as many frames as stock Cytoscape for the same scene. */
  stockFactor: 1,
  firstPaint10kMs: 1500,
  expandP95Ms: 200,
  /** "Never freezes": our reading is no main-thread task longer than this during a large layout. */
  layoutLongTaskMs: 200,
  /** The progress bar moves at least this often during a large layout. */
  layoutProgressGapMs: 250,
} as const;

const mark = (ok: boolean): string => (ok ? 'met' : 'missed');

/** The issue's rule for a target beyond the machine: within 10% of the limit measured in the same run. */
export const MACHINE_LIMIT_FACTOR = 1.1;

/**
 * Stock Cytoscape doing the same work in the same run, beside an absolute target. Where stock alone is over the
 * target, that is what this machine allowed in this run, and the project is held to MACHINE_LIMIT_FACTOR of it
 * instead; where stock is under it, the absolute target stands (the row above) and this one only reports.
 */
function machineLimitRow(what: string, target: number, project: number, stock: number): string {
  const ratio = `${(project / stock).toFixed(2)}× stock`;
  if (stock <= target)
    return `| ${what}: stock Cytoscape, same run (reference) | stock ≤ ${target} ms: the target above stands | stock ${stock} ms, project ${project} ms (${ratio}) | |`;
  const limit = Math.round(stock * MACHINE_LIMIT_FACTOR);
  return `| ${what} against this run's machine (stock alone ${stock} ms, over ${target}) | ≤ ${MACHINE_LIMIT_FACTOR}× stock = ${limit} ms | ${project} ms (${ratio}) | ${mark(project <= limit)} |`;
}

function targetRows(r: ClientBenchResult): string[] {
  const run = (size: number, variant: string): RenderRun | undefined =>
    r.scenes.find((s) => s.elements === size)?.runs.find((x) => x.variant === variant);
  const rows: string[] = [];
  const p10 = run(10000, 'project');
  if (p10) {
    rows.push(
      `| 10k frames/s during pan and zoom (project) | ≥ ${CLIENT_TARGETS.fps10k} | ${p10.fps} | ${mark(p10.fps >= CLIENT_TARGETS.fps10k)} |`,
    );
    rows.push(
      `| 10k p95 frame interval (project) | ≤ ${CLIENT_TARGETS.p95Interval10kMs} ms | ${p10.p95IntervalMs} ms | ${mark(p10.p95IntervalMs <= CLIENT_TARGETS.p95Interval10kMs)} |`,
    );
    rows.push(
      `| 10k first paint (project${p10.firstPaintSamplesMs ? `, median of ${p10.firstPaintSamplesMs.length}` : ''}) | ≤ ${CLIENT_TARGETS.firstPaint10kMs} ms | ${p10.firstPaintMs} ms | ${mark(p10.firstPaintMs <= CLIENT_TARGETS.firstPaint10kMs)} |`,
    );
    const s10 = run(10000, 'stock');
    if (s10)
      rows.push(
        machineLimitRow(
          '10k first paint',
          CLIENT_TARGETS.firstPaint10kMs,
          p10.firstPaintMs,
          s10.firstPaintMs,
        ),
      );
  }
  // Issue 18.5: never slower than stock for the same scene, in the same run.
  for (const sc of r.scenes) {
    const p = sc.runs.find((x) => x.variant === 'project');
    const st = sc.runs.find((x) => x.variant === 'stock');
    if (!p || !st) continue;
    const factor = st.fps > 0 ? p.fps / st.fps : Infinity;
    rows.push(
      `| ${sc.elements / 1000}k frames/s, project vs stock (same run) | ≥ ${CLIENT_TARGETS.stockFactor}× | ${p.fps} vs ${st.fps} (${factor.toFixed(2)}×) | ${mark(factor >= CLIENT_TARGETS.stockFactor)} |`,
    );
  }
  if (r.expand)
    rows.push(
      `| click-to-expand (+${r.expand.added} elements into ${r.expand.sceneElements / 1000}k), p95 of ${r.expand.tries} | ≤ ${CLIENT_TARGETS.expandP95Ms} ms | ${r.expand.p95Ms} ms (p50 ${r.expand.p50Ms}) | ${mark(r.expand.p95Ms <= CLIENT_TARGETS.expandP95Ms)} |`,
    );
  if (r.expand && r.expandStock)
    rows.push(
      machineLimitRow('click-to-expand p95', CLIENT_TARGETS.expandP95Ms, r.expand.p95Ms, r.expandStock.p95Ms),
    );
  for (const s of r.scenes.filter((x) => x.elements > 2000)) {
    rows.push(
      `| ${s.elements / 1000}k layout in the worker: longest main-thread task | ≤ ${CLIENT_TARGETS.layoutLongTaskMs} ms | ${s.layout.longestLongTaskMs} ms (layout ${(s.layout.ms / 1000).toFixed(1)} s, ${s.layout.progressSteps} progress steps) | ${mark(s.layout.longestLongTaskMs <= CLIENT_TARGETS.layoutLongTaskMs)} |`,
    );
    if (s.layout.progressMaxGapMs !== undefined)
      rows.push(
        `| ${s.elements / 1000}k layout in the worker: longest gap between progress reports | ≤ ${CLIENT_TARGETS.layoutProgressGapMs} ms | ${s.layout.progressMaxGapMs} ms | ${mark(s.layout.progressMaxGapMs <= CLIENT_TARGETS.layoutProgressGapMs)} |`,
      );
  }
  return rows;
}

/** A first paint: the one mount's, or the median with the range and count of the mounts behind it. */
function paintCell(x: RenderRun): string {
  const s = x.firstPaintSamplesMs;
  if (!s || s.length < 2) return String(x.firstPaintMs);
  return `${x.firstPaintMs} (${Math.min(...s)}-${Math.max(...s)}, ${s.length} mounts)`;
}

const runRow = (label: string, x: RenderRun): string =>
  `| ${label} | ${x.variant} | ${paintCell(x)} | ${x.fps} | ${x.p50IntervalMs} | ${x.p95IntervalMs} | ${x.frames} |`;

/** The result as Markdown: targets first, then every run. */
export function renderClientMarkdown(r: ClientBenchResult): string {
  const lines = [
    `# Client benchmark, ${r.date.slice(0, 10)}`,
    '',
    `Machine: ${r.machine.cpuModel}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB; Chromium ${r.machine.chromium} headless (${r.machine.flags.join(' ')}; the WebGL variant: ${r.machine.webglFlags.join(' ')}), viewport ${r.machine.viewport.width}×${r.machine.viewport.height}.`,
    `WebGL: ${r.webgl.available ? `${r.webgl.renderer} (${r.webgl.software ? 'software' : 'hardware'})` : 'not offered'}. Pan and zoom: ${r.panSeconds} s, a mouse drag then wheel notches, one event per animation frame dispatched to Cytoscape's listeners; first input 1 s after the first paint. Run took ${r.durationS} s. Load average ${(r.machine.loadStart ?? []).map((x) => x.toFixed(1)).join(' / ')} at the start, ${(r.machine.loadEnd ?? []).map((x) => x.toFixed(1)).join(' / ')} at the end (2 cores: compare variants within this run, not with other runs).`,
    ...(r.retries?.length
      ? [
          '',
          `Redone on a fresh page after their page crashed: ${r.retries.map((x) => `${x.what} (${x.error})`).join('; ')}. The figures below are from the second try.`,
        ]
      : []),
    '',
    '## Targets',
    '',
    '| Measure | Target | Measured | |',
    '|---|---|---|---|',
    ...targetRows(r),
    '',
    '## Scenes',
    '',
    ...(r.scenes.some((sc) => sc.runs.some((x) => (x.firstPaintSamplesMs?.length ?? 0) > 1))
      ? [
          'First paint: the median of several mounts of the scene, each on a fresh page, stock and project taking',
          'turns; the range of all of them beside it. The frames are from the last mount.',
          '',
        ]
      : []),
    '| Scene | Variant | First paint ms | Frames/s | p50 interval ms | p95 interval ms | Frames |',
    '|---|---|---|---|---|---|---|',
    ...r.scenes.flatMap((s) => s.runs.map((x) => runRow(`${s.elements} (${s.nodes} n, ${s.edges} e)`, x))),
    '',
    '## Input drivers (stock Cytoscape, the same scene and gesture path)',
    '',
    'Each row drives a freshly mounted scene for the given seconds, 1 s after its first paint. In-page drivers send one',
    'event (or camera call) per animation frame, as Chromium delivers a real mouse; `cdp-*` send real input through the',
    'DevTools protocol with a wait between events, as this benchmark did before 2026-12-04.',
    '',
    '| Scene | Driver | Inputs/s received | Frames/s | p50 interval ms | p95 interval ms | Frames |',
    '|---|---|---|---|---|---|---|',
    ...r.drivers.map(
      (d) =>
        `| ${d.elements} | ${d.driver} | ${d.inputsPerS} | ${d.fps} | ${d.p50IntervalMs} | ${d.p95IntervalMs} | ${d.frames} |`,
    ),
    '',
    '## Layout',
    '',
    'Reference in the same run: the longest task while the same scene was first drawn, before its layout.',
    '',
    '| Scene | Runner | Time s | Longest main-thread task ms | Scene first-paint task ms | Progress reports | Longest progress gap ms |',
    '|---|---|---|---|---|---|---|',
    ...r.scenes.map(
      (s) =>
        `| ${s.elements} | worker (project) | ${(s.layout.ms / 1000).toFixed(1)} | ${s.layout.longestLongTaskMs} | ${s.layout.sceneLongestTaskMs ?? ''} | ${s.layout.progressSteps} | ${s.layout.progressMaxGapMs ?? ''} |`,
    ),
    ...r.mainThreadLayouts.map(
      (m) =>
        `| ${m.elements} | main thread (stock fcose) | ${(m.ms / 1000).toFixed(1)} | ${m.longestLongTaskMs} | | | |`,
    ),
    '',
    '## Level-of-detail levers (project canvas, each lever alone on top of full detail)',
    '',
    '| Scene | Variant | First paint ms | Frames/s | p50 interval ms | p95 interval ms | Frames |',
    '|---|---|---|---|---|---|---|',
    ...r.levers.map((x) => runRow(String(x.elements), x)),
    '',
  ];
  return lines.join('\n');
}
