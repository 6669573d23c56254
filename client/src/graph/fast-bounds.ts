// An element's bounding box answered from Cytoscape's own cache without Cytoscape's per-call set-up.
//
// Cytoscape's canvas asks each element for its bounding box several times per full frame (its body, its label and
// its two edge-end labels, each through `ele.boundingBox()`, plus the element's own draw). Each call builds a fresh
// memoising closure to ask whether the cached box is still good, and hashes the element's rounded position (both
// ends' for an edge) to compare with the hash stored with the box. Profiled on the bench page (2026-12-08, 10k
// elements, headless Chromium, 2 cores), `boundingBox` itself was 56 ms of a 180 ms full frame, for the explorer's
// canvas and stock Cytoscape alike.
//
// Here a single element's call with no options (the renderer's) returns the cached box at once when Cytoscape
// would: its box is cached, its style is not dirty, and it is where it was (rounded, as Cytoscape rounds) when that
// box was computed. Any other call, or a box this file has not seen computed, goes to Cytoscape's own method, and
// the position is noted for the box it leaves cached. Other Cytoscape instances (stock ones in the benchmark among
// them) keep Cytoscape's method alone.
import type cytoscape from 'cytoscape';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

interface ElementPrivate {
  cy: cytoscape.Core;
  group: 'nodes' | 'edges';
  position: { x: number; y: number };
  source?: { _private: ElementPrivate };
  target?: { _private: ElementPrivate };
  bbCache: Box | null;
  styleDirty?: boolean;
  /** The cached box this file last saw computed, and the rounded position it was computed at. */
  seenBox?: Box | null;
  seenAt?: number[];
}

interface CollectionInternals {
  length: number;
  _private: { cy: cytoscape.Core };
  [index: number]: { _private: ElementPrivate } | undefined;
  boundingBox(this: CollectionInternals, options?: unknown): Box;
}

const canvases = new WeakSet<cytoscape.Core>();
let installed = false;

/** The rounded position Cytoscape keys a cached box by: a node's, or an edge's two ends'. */
function roundedAt(p: ElementPrivate): number[] | null {
  if (p.group === 'nodes') return [Math.round(p.position.x), Math.round(p.position.y)];
  const s = p.source?._private.position;
  const t = p.target?._private.position;
  if (!s || !t) return null;
  return [Math.round(s.x), Math.round(s.y), Math.round(t.x), Math.round(t.y)];
}

/** Whether `p` is still at `at` (roundedAt when its box was computed), without building a new array. */
function stillAt(p: ElementPrivate, at: readonly number[] | undefined): boolean {
  if (!at) return false;
  if (p.group === 'nodes') return at[0] === Math.round(p.position.x) && at[1] === Math.round(p.position.y);
  const s = p.source?._private.position;
  const t = p.target?._private.position;
  return (
    !!s &&
    !!t &&
    at[0] === Math.round(s.x) &&
    at[1] === Math.round(s.y) &&
    at[2] === Math.round(t.x) &&
    at[3] === Math.round(t.y)
  );
}

/** Whether `cy` answers renderer bounding-box calls from the cache directly (see the top of this file). */
export function fastBoundsOn(cy: cytoscape.Core): boolean {
  return installed && canvases.has(cy);
}

/**
 * Makes `cy`'s single-element `boundingBox()` calls return Cytoscape's cached box without its per-call set-up
 * (see the top of this file). Other Cytoscape instances keep Cytoscape's method alone.
 */
export function fastElementBounds(cy: cytoscape.Core): void {
  if (!installed) {
    const proto = Object.getPrototypeOf(cy.collection()) as Partial<CollectionInternals> | null;
    const boundingBox = proto?.boundingBox;
    if (!proto || typeof boundingBox !== 'function') return;
    proto.boundingBox = function (this: CollectionInternals, options?: unknown) {
      if (options !== undefined || this.length !== 1 || !canvases.has(this._private.cy))
        return boundingBox.call(this, options);
      const p = this[0]!._private;
      const box = p.bbCache;
      if (box && box === p.seenBox && !p.styleDirty && stillAt(p, p.seenAt)) return box;
      const out = boundingBox.call(this);
      if (p.bbCache) {
        p.seenBox = p.bbCache;
        p.seenAt = roundedAt(p) ?? undefined;
      }
      return out;
    };
    installed = true;
  }
  canvases.add(cy);
}
