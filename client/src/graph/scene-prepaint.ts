// Draws a big scene's new state into Cytoscape's layered scene bitmap in short slices, with the canvas's frames
// held back meanwhile, so that the first frame after a layout blits one bitmap instead of drawing every element.
import type cytoscape from 'cytoscape';

/**
 * Scenes of fewer elements are left to Cytoscape: their whole draw stays short, and holding frames back would
 * only delay it.
 */
export const PREPAINT_MIN_ELEMENTS = 2000;

/**
 * Cytoscape's layered cache refuses to build layers for 250 ms after any element changed (its `invalidThreshold`)
 * and meanwhile draws every element on its own.
 */
export const LAYER_SKIP_MS = 250;

/** The frames are held back a little longer than LAYER_SKIP_MS. */
const LAYER_QUIET_MS = LAYER_SKIP_MS + 10;

/** Gives up (and lets Cytoscape draw as it would) after this long: a scene that never settles still gets drawn. */
const PREPAINT_MAX_MS = 8000;

/** Elements whose bounds are computed between two looks at the clock. */
const BOUNDS_CHUNK = 50;

/** Times the layers are queued again when something changed an element while they were drawn. */
const MAX_ATTEMPTS = 3;

/**
 * Main-thread time of drawing into the layers between two flushes (flushLayers). Chromium records a canvas's
 * drawing and rasterises it later, all at once: unflushed, the 20k scene's layer was rasterised inside one
 * element's draw, a 360-560 ms task (2026-12-07, software raster).
 */
const FLUSH_EVERY_MS = 8;

/** How `prepaintScene` ended: `layers` ready, `none` when this renderer has no layered cache to fill. */
export type PrepaintOutcome = 'layers' | 'gave-up' | 'stopped' | 'none';

/**
 * What a prepaint did: how it ended, the tasks it took, the elements it drew into the scene bitmap and the times it
 * had the browser rasterise the layers (flushLayers).
 */
export interface PrepaintReport {
  outcome: PrepaintOutcome;
  slices: number;
  drawn: number;
  total: number;
  flushes: number;
}

/** How `prepaintScene` paces itself. */
export interface PrepaintOptions {
  /** Main-thread time of one slice before the page gets a frame (that frame is not drawn). */
  budgetMs: number;
  /** One page frame later, then a fresh task. */
  yieldToPage: () => Promise<void>;
  /** Checked before each slice: true stops (Cancel); the next frame then draws as Cytoscape would. */
  stopped?: () => boolean;
  /** Before each yield to the page (a progress report can go out between slices). */
  onPause?: () => void;
  /** After each slice: elements drawn into the scene bitmap so far, of `total`. */
  onSlice?: (drawn: number, total: number) => void;
  now?: () => number;
}

/** The internals of Cytoscape 3.34's canvas renderer used here (not in its typings); absent elsewhere. */
interface LayerQueue {
  size(): number;
}
interface Layer {
  context?: CanvasRenderingContext2D;
}
interface LayeredCache {
  layersByLevel?: Record<number, Layer[] | undefined>;
  firstGet: boolean;
  skipping: boolean;
  lastInvalidationTime: number;
  layersQueue: LayerQueue;
  getLayers(eles: unknown[], pxRatio: number, lvl?: number): unknown[] | null;
  dequeue(pxRatio: number): unknown[];
  levelIsComplete(lvl: number, eles: unknown[]): boolean;
}
interface ElementCache {
  reasons: { highQuality: string };
  getBoundingBox(ele: cytoscape.SingularElementArgument): unknown;
  getElement(
    ele: cytoscape.SingularElementArgument,
    bb: unknown,
    pxRatio: number,
    lvl: number,
    reason: string,
  ): unknown;
}
interface PrepaintRenderer {
  skipFrame?: boolean;
  data?: { lyrTxrCache?: LayeredCache; eleTxrCache?: ElementCache };
  getPixelRatio?: () => number;
  getCachedZSortedEles?: () => unknown[] & { nondrag?: unknown[] };
  flushRenderedStyleQueue?: () => void;
  redrawHint?: (group: string, on: boolean) => void;
  redraw?: () => void;
}

function rendererOf(cy: cytoscape.Core): PrepaintRenderer | null {
  return (cy as unknown as { renderer(): PrepaintRenderer | null }).renderer();
}

/** The layered cache's level for the current zoom (as Cytoscape computes it), or null where it uses no layers. */
export function layerLevel(zoom: number, pxRatio: number): number | null {
  // Cytoscape draws directly from zoom 3.99 on, and caps levels at 2 (layered-texture-cache.mjs).
  if (zoom >= 3.99) return null;
  const lvl = Math.max(-4, Math.ceil(Math.log2(zoom * pxRatio))) || 0; // not -0
  return lvl > 2 ? null : lvl;
}

/**
 * Whether the layered bitmap at the current zoom holds every element, so the next frame (a pan's included) draws
 * from it; false where Cytoscape draws directly at this zoom or the renderer has no layered cache.
 */
export function layersComplete(cy: cytoscape.Core): boolean {
  const r = rendererOf(cy);
  const lyr = r?.data?.lyrTxrCache;
  if (!r || !lyr || !r.getPixelRatio || !r.getCachedZSortedEles) return false;
  const level = layerLevel(cy.zoom(), r.getPixelRatio());
  const eles = r.getCachedZSortedEles();
  return level !== null && lyr.levelIsComplete(level, eles.nondrag ?? eles);
}

/**
 * Has the browser rasterise what was drawn into the level's layers so far (reading one pixel makes it), so that
 * the cost falls in the slice that drew it and not in one later task.
 */
function flushLayers(lyr: LayeredCache, level: number): number {
  let flushed = 0;
  for (const layer of lyr.layersByLevel?.[level] ?? []) {
    if (!layer.context) continue;
    layer.context.getImageData(0, 0, 1, 1);
    flushed++;
  }
  return flushed;
}

/** Whether the renderer can take a prepaint: a canvas renderer with the layered cache, past its first draw. */
export function canPrepaint(cy: cytoscape.Core): boolean {
  const r = rendererOf(cy);
  const lyr = r?.data?.lyrTxrCache;
  return !!(r && lyr && !lyr.firstGet && r.getPixelRatio && r.getCachedZSortedEles && 'skipFrame' in r);
}

/**
 * Holds the canvas's frames back while the scene's layered bitmap for the current zoom is drawn in slices of
 * `budgetMs`, then lets the next frame draw it. The view does not move on screen meanwhile (input is still
 * handled and shows once drawn); a zoom to another level, Cancel or PREPAINT_MAX_MS end it early.
 */
export async function prepaintScene(cy: cytoscape.Core, opts: PrepaintOptions): Promise<PrepaintReport> {
  const report: PrepaintReport = { outcome: 'none', slices: 0, drawn: 0, total: 0, flushes: 0 };
  report.outcome = await prepaint(cy, opts, report);
  return report;
}

async function prepaint(
  cy: cytoscape.Core,
  opts: PrepaintOptions,
  report: PrepaintReport,
): Promise<PrepaintOutcome> {
  const r = rendererOf(cy);
  if (!r || !canPrepaint(cy)) return 'none';
  const lyr = r.data!.lyrTxrCache!;
  const now = opts.now ?? (() => performance.now());
  const started = now();
  /** Holds the next frame back, then gives the page that frame (input, timers). */
  const pause = async (): Promise<void> => {
    r.skipFrame = true;
    opts.onPause?.();
    await opts.yieldToPage();
  };
  const pxRatio = r.getPixelRatio!();
  const level = layerLevel(cy.zoom(), pxRatio);
  if (level === null) return 'none';
  const over = (): PrepaintOutcome | null => {
    if (opts.stopped?.()) return 'stopped';
    if (now() - started > PREPAINT_MAX_MS || layerLevel(cy.zoom(), pxRatio) !== level) return 'gave-up';
    return null;
  };
  const all = cy.elements();
  const bodies = r.data!.eleTxrCache;
  const hq = bodies?.reasons.highQuality ?? 'highQuality';
  try {
    // Bounds first, in slices: an element's first bounds after a move mark it changed again, which would
    // invalidate the layers just queued (and Cytoscape's own draw computes them all in one frame).
    for (let i = 0; i < all.length;) {
      const end = over();
      if (end) return end;
      const start = now();
      do {
        const stop = Math.min(all.length, i + BOUNDS_CHUNK);
        for (; i < stop; i++) {
          const ele = all[i]!;
          ele.boundingBox();
          // A node's first body drawing restyles it (Cytoscape notes it has no pending background image),
          // which would invalidate the layers: bodies (one bitmap per style, shared) are drawn now instead.
          if (bodies && ele.isNode()) bodies.getElement(ele, bodies.getBoundingBox(ele), pxRatio, level, hq);
        }
        r.flushRenderedStyleQueue?.();
      } while (i < all.length && now() - start < opts.budgetMs);
      await pause();
    }
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      r.flushRenderedStyleQueue?.();
      while (now() - lyr.lastInvalidationTime <= LAYER_QUIET_MS) {
        const end = over();
        if (end) return end;
        await pause();
        r.flushRenderedStyleQueue?.();
      }
      // Cytoscape sets this flag only when a frame starts; the quiet time above has passed by now.
      lyr.skipping = false;
      const eles = r.getCachedZSortedEles!();
      const nondrag = eles.nondrag ?? eles;
      // Queues every element into layers of this level (no drawing: Cytoscape fills its layers lazily).
      lyr.getLayers(nondrag, pxRatio, level);
      // That call alone takes 60-140 ms at 20k elements: the page gets a frame (and a progress report) after it.
      await pause();
      const total = (report.total = nondrag.length);
      let drawn = 0;
      while (lyr.layersQueue.size() > 0) {
        const end = over();
        if (end) return end;
        const start = now();
        let flushed = start;
        do {
          if (lyr.dequeue(pxRatio).length === 0) break;
          drawn++;
          if (now() - flushed >= FLUSH_EVERY_MS) {
            report.flushes += flushLayers(lyr, level);
            flushed = now();
          }
        } while (now() - start < opts.budgetMs);
        report.flushes += flushLayers(lyr, level);
        report.slices++;
        report.drawn = Math.min(drawn, total);
        opts.onSlice?.(report.drawn, total);
        await pause();
      }
      r.flushRenderedStyleQueue?.();
      if (lyr.levelIsComplete(level, nondrag)) return 'layers';
    }
    return 'gave-up';
  } finally {
    // The next frame draws (the layers when they are complete).
    r.redrawHint?.('eles', true);
    r.redrawHint?.('drag', true);
    r.redraw?.();
  }
}
