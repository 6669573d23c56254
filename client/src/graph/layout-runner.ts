// Runs a large scene's layout in the layout worker: progress at least every PROGRESS_TICK_MS, Cancel, and the
// final positions applied in short slices, so that no main-thread task of the layout runs long.
import type cytoscape from 'cytoscape';
import { degreesOf } from './degrees';
import { FIT_PADDING } from './layouts';
import type { LayoutReply, LayoutRequest, PackedPositions, WorkerPhase } from './layout-protocol';
import { REFINE_MAX_NODES } from './spread-draft';
import {
  PREPAINT_MIN_ELEMENTS,
  canPrepaint,
  prepaintScene,
  type PrepaintOptions,
  type PrepaintReport,
} from './scene-prepaint';

/** Where a layout ran: the test suite checks large scenes really use the worker. */
export type LayoutRunnerKind = 'worker' | 'main';

/** What a running layout is doing: the worker's phases, then `apply` while its positions are drawn. */
export type LayoutPhase = WorkerPhase | 'apply';

/** How far a running layout is, for the progress bar; null once none runs. */
export interface LayoutProgress {
  fraction: number;
  phase: LayoutPhase;
  runner: LayoutRunnerKind;
  nodes: number;
  /** Time since the layout started: it moves while fcose runs a phase as one call that cannot report. */
  elapsedMs: number;
}

/** A running worker layout. */
export interface WorkerLayout {
  /** 'done' with every node at its final place, or 'cancelled' with the positions of the last progress step. */
  finished: Promise<'done' | 'cancelled'>;
  cancel(): void;
  /** How the laid-out scene was first drawn: null until then, or when Cytoscape drew it on its own (small scene). */
  prepaint(): PrepaintReport | null;
}

/** The progress bar hears from a running layout at least this often (target: every 250 ms). */
export const PROGRESS_TICK_MS = 200;

/**
 * Between two slices the runner reports if this long has passed since its last report. The next chance comes only
 * after the next step, and the longest step (Cytoscape queueing the 20k scene's layers: 120-190 ms on 2026-12-07)
 * plus a frame must still fall within the 250 ms target; at half a tick (100 ms) that gap was 250-270 ms.
 */
const REPORT_BETWEEN_SLICES_MS = 50;

/**
 * Main-thread time one slice of position updates may take before the page gets a frame. Each slice also pays
 * for its edges' geometry; the frame after it redraws the scene, which at 20k elements alone costs 100-300 ms.
 */
export const APPLY_SLICE_MS = 40;

/** Nodes moved between two looks at the clock inside a slice. */
const APPLY_CHUNK = 100;

/**
 * Edge ends moved between two looks at the clock: a node's edges are what Cytoscape's geometry step pays for, and
 * hubs come first. The 20k scene's first 100 nodes held 9,450 edge ends, one 170-310 ms step (2026-12-07); a
 * chunk now stops before passing this, with at least one node in it (the biggest hub there has 1,298).
 */
const APPLY_CHUNK_EDGES = 1500;

/** How `applyInSlices` paces itself; the defaults are the page's clock and frames. */
export interface SliceOptions {
  budgetMs?: number;
  chunk?: number;
  /** Edge ends (the chunk's nodes' degrees) a chunk stops before passing, beyond its first node. */
  chunkEdges?: number;
  now?: () => number;
  /** Gives the page a frame between slices (the canvas draws, input is handled). */
  yieldToPage?: () => Promise<void>;
  /** Checked before each slice: true stops the application where it is (Cancel). */
  stopped?: () => boolean;
  /** Draw no frame between slices (input is still handled); the frame after the last slice draws. */
  skipDraws?: boolean;
  /** After each slice: how many nodes have their positions so far. */
  onSlice?: (applied: number) => void;
}

/** One drawn frame later (or 100 ms, in a hidden tab that draws none), then a fresh task. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = (): void => {
      if (done) return;
      done = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(go);
    setTimeout(go, 100);
  });
}

/**
 * Cytoscape computes moved elements' geometry (edge end points, bounds) in its next frame, before drawing.
 * Doing it here, per slice, keeps that frame to the drawing. The hook is the renderer's own (not in the typings);
 * a headless core has none.
 */
function settleGeometry(cy: cytoscape.Core): void {
  rendererOf(cy)?.flushRenderedStyleQueue?.();
}

/** The canvas renderer's internals used here: absent in a headless core or another Cytoscape version. */
interface RendererHooks {
  flushRenderedStyleQueue?: () => void;
  skipFrame?: boolean;
}
function rendererOf(cy: cytoscape.Core): RendererHooks | null {
  return (cy as unknown as { renderer(): RendererHooks | null }).renderer();
}

/**
 * Skips the canvas's next frame: a frame between two slices would redraw the whole half-moved scene (100-300 ms
 * at 10k-20k elements) for nothing. Cytoscape clears the flag after one frame, so the last slice's frame draws.
 */
function skipNextDraw(cy: cytoscape.Core): void {
  const r = rendererOf(cy);
  if (r && 'skipFrame' in r) r.skipFrame = true;
}

/**
 * Where the chunk starting at `from` ends: at most `chunk` nodes, and `edges` edge ends past its first node
 * (`degree` from degreesOf).
 */
function chunkEnd(
  nodes: cytoscape.NodeCollection,
  degree: ReadonlyMap<string, number>,
  from: number,
  chunk: number,
  edges: number,
): number {
  const ends = (k: number): number => degree.get(nodes[k]!.id()) ?? 0;
  const last = Math.min(nodes.length, from + chunk);
  let total = ends(from);
  let end = from + 1;
  for (; end < last; end++) {
    total += ends(end);
    if (total > edges) break;
  }
  return end;
}

/**
 * Moves `nodes` to `packed` (pinned nodes stay) in slices of about `budgetMs`, yielding to the page between
 * them; resolves with the number of slices once all are placed (or stopped).
 */
export async function applyInSlices(
  cy: cytoscape.Core,
  nodes: cytoscape.NodeCollection,
  packed: PackedPositions,
  opts: SliceOptions = {},
): Promise<number> {
  const budget = opts.budgetMs ?? APPLY_SLICE_MS;
  const chunk = opts.chunk ?? APPLY_CHUNK;
  const chunkEdges = opts.chunkEdges ?? APPLY_CHUNK_EDGES;
  const now = opts.now ?? (() => performance.now());
  const yieldToPage = opts.yieldToPage ?? nextFrame;
  const degree = degreesOf(cy);
  let i = 0;
  let slices = 0;
  while (i < nodes.length) {
    if (opts.stopped?.()) break;
    const start = now();
    do {
      const end = chunkEnd(nodes, degree, i, chunk, chunkEdges);
      cy.batch(() => {
        for (let k = i; k < end; k++) {
          const n = nodes[k]!;
          if (!n.locked()) n.position({ x: packed[2 * k]!, y: packed[2 * k + 1]! });
        }
      });
      settleGeometry(cy);
      i = end;
    } while (i < nodes.length && now() - start < budget);
    slices++;
    opts.onSlice?.(i);
    if (i < nodes.length) {
      if (opts.skipDraws) skipNextDraw(cy);
      await yieldToPage();
    }
  }
  return slices;
}

/**
 * Draws a big scene's changed state into Cytoscape's scene bitmap in slices (scene-prepaint.ts) before the next
 * frame shows it; null for a scene small enough for one frame, or a renderer without that bitmap.
 */
export async function drawInSlices(
  cy: cytoscape.Core,
  opts: Partial<PrepaintOptions> = {},
): Promise<PrepaintReport | null> {
  if (cy.elements().length < PREPAINT_MIN_ELEMENTS || !canPrepaint(cy)) return null;
  return prepaintScene(cy, { budgetMs: APPLY_SLICE_MS, yieldToPage: nextFrame, ...opts });
}

/**
 * Frames where `packed` will put the nodes (boxes of the request, labels included) before they move: the zoom
 * step of Cytoscape's cached node bitmaps then changes once, not again in the fit after the last slice.
 */
function frameResult(
  cy: cytoscape.Core,
  packed: PackedPositions,
  boxes: Float64Array,
  padding: number,
): void {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (let i = 0; i < packed.length / 2; i++) {
    const w = boxes[4 * i]! / 2;
    const h = boxes[4 * i + 1]! / 2;
    x1 = Math.min(x1, packed[2 * i]! - w);
    x2 = Math.max(x2, packed[2 * i]! + w);
    y1 = Math.min(y1, packed[2 * i + 1]! - h);
    y2 = Math.max(y2, packed[2 * i + 1]! + h);
  }
  if (!Number.isFinite(x1)) return;
  const zoom = Math.min(
    (cy.width() - 2 * padding) / Math.max(x2 - x1, 1),
    (cy.height() - 2 * padding) / Math.max(y2 - y1, 1),
  );
  const level = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), zoom));
  cy.viewport({
    zoom: level,
    pan: { x: cy.width() / 2 - (level * (x1 + x2)) / 2, y: cy.height() / 2 - (level * (y1 + y2)) / 2 },
  });
}

/** The worker's input: flat arrays in `nodes` order, transferred rather than copied. */
function buildRequest(nodes: cytoscape.NodeCollection, refineMaxNodes: number, draw: number): LayoutRequest {
  const ids = nodes.map((n) => n.id());
  const index = new Map(ids.map((id, i) => [id, i]));
  const boxes = new Float64Array(ids.length * 4);
  const bodies = new Float64Array(ids.length * 2);
  const fixed: number[] = [];
  nodes.forEach((n, i) => {
    const box = n.layoutDimensions({ nodeDimensionsIncludeLabels: true });
    const p = n.position();
    boxes.set([box.w, box.h, p.x, p.y], 4 * i);
    bodies.set([n.outerWidth(), n.outerHeight()], 2 * i);
    if (n.locked()) fixed.push(i);
  });
  const among = nodes.edgesWith(nodes);
  const edges = new Int32Array(among.length * 2);
  among.forEach((e, k) => {
    edges[2 * k] = index.get(e.data('source') as string)!;
    edges[2 * k + 1] = index.get(e.data('target') as string)!;
  });
  return { ids, boxes, bodies, edges, fixed: Int32Array.from(fixed), refineMaxNodes, draw };
}

/**
 * Starts laying out `nodes` (and the edges among them) in a module worker; pinned (locked) nodes stay put. `draw`:
 * which of the scene's seeded layouts (seeded-random.ts; 0 the scene's own).
 */
export function runWorkerLayout(
  cy: cytoscape.Core,
  nodes: cytoscape.NodeCollection,
  onProgress: (p: LayoutProgress) => void,
  refineMaxNodes = REFINE_MAX_NODES,
  draw = 0,
): WorkerLayout {
  const started = performance.now();
  const worker = new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  let state: { fraction: number; phase: LayoutPhase } = { fraction: 0, phase: 'draft' };
  let over = false;
  let lastReport = 0;
  const report = (): void => {
    if (over) return;
    lastReport = performance.now();
    onProgress({ ...state, runner: 'worker', nodes: nodes.length, elapsedMs: lastReport - started });
  };
  /**
   * Between slices: a report once REPORT_BETWEEN_SLICES_MS have passed, as the slices' tasks and frames delay the
   * ticker's timer and the next chance to report comes a slice and a frame later.
   */
  const reportIfDue = (): void => {
    if (performance.now() - lastReport >= REPORT_BETWEEN_SLICES_MS) report();
  };
  // fcose runs each phase as one call in the worker, which then cannot post: the page ticks for it.
  const ticker = setInterval(report, PROGRESS_TICK_MS);
  let settle: (how: 'done' | 'cancelled') => void = () => undefined;
  let fail: (err: Error) => void = () => undefined;
  const finished = new Promise<'done' | 'cancelled'>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  const stop = (): void => {
    over = true;
    clearInterval(ticker);
    worker.terminate();
  };
  /** Draws `positions`, then reports; returns false when the layout ended (cancelled) meanwhile. */
  const apply = async (positions: PackedPositions, upTo: number): Promise<boolean> => {
    const from = state.fraction;
    state = { fraction: from, phase: 'apply' };
    await applyInSlices(cy, nodes, positions, {
      skipDraws: true,
      stopped: () => over,
      onSlice: (applied) => {
        state = { fraction: from + ((upTo - from) * applied) / nodes.length, phase: 'apply' };
        reportIfDue();
      },
    });
    return !over;
  };
  // Replies are handled one after another: a final position set waits for a draft still being drawn.
  let handling = Promise.resolve();
  let prepainted: PrepaintReport | null = null;
  const handle = async (reply: LayoutReply): Promise<void> => {
    if (over) return;
    switch (reply.kind) {
      case 'error':
        stop();
        fail(new Error(`Layout failed: ${reply.message}`));
        return;
      case 'phase':
        state = { fraction: reply.fraction, phase: reply.phase };
        report();
        return;
      case 'progress':
        if (await apply(reply.positions, reply.fraction)) {
          state = { fraction: reply.fraction, phase: reply.phase };
          report();
        }
        return;
      case 'done': {
        // The worker is finished: the page can have both cores while the positions are drawn.
        worker.terminate();
        frameResult(cy, reply.positions, boxes, FIT_PADDING);
        // A big scene's first full draw at its new place is one long frame: it is drawn in slices instead.
        const prepaint = cy.elements().length >= PREPAINT_MIN_ELEMENTS && canPrepaint(cy);
        const placed = prepaint ? state.fraction + (1 - state.fraction) / 2 : 1;
        if (!(await apply(reply.positions, placed))) return;
        if (prepaint) {
          prepainted = await drawInSlices(cy, {
            stopped: () => over,
            onPause: reportIfDue,
            onSlice: (drawn, total) => {
              state = { fraction: placed + ((1 - placed) * drawn) / Math.max(total, 1), phase: 'apply' };
            },
          });
          if (over) return;
        }
        stop();
        settle('done');
      }
    }
  };
  worker.addEventListener('message', (e: MessageEvent<LayoutReply>) => {
    handling = handling
      .then(() => handle(e.data))
      .catch((err: unknown) => {
        stop();
        fail(err instanceof Error ? err : new Error(String(err)));
      });
  });
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    stop();
    fail(new Error(`Layout worker failed: ${e.message || 'it could not start'}`));
  });
  const request = buildRequest(nodes, refineMaxNodes, draw);
  const boxes = request.boxes.slice();
  worker.postMessage(request, [
    request.boxes.buffer,
    request.bodies.buffer,
    request.edges.buffer,
    request.fixed.buffer,
  ]);
  report();
  return {
    finished,
    prepaint: () => prepainted,
    cancel: () => {
      if (over) return;
      stop();
      settle('cancelled');
    },
  };
}
