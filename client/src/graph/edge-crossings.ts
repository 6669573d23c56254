// Which label boxes an edge's line runs through, so a name can sit where no edge crosses it.
//
// A name below its node was drawn with edges running through its letters whenever the node's relationships
// leave downwards (in a five-country cooperation group, four of six names). The label rules (label-rules.ts)
// prefer a free place that no edge crosses; this module answers "does an edge cross this box?" for them. Edges
// are taken as straight lines between their nodes' centres (a bundled pair's curve stays close to that line).
// A grid keeps each question to the edges that pass near the box: an edge is filed under the cells its line
// runs through, not its whole bounding box, so a long diagonal costs its length, not its area.
// Pure: tests/client/edge-crossings.test.ts.
import type { Box } from './label-rules.js';

/** A straight edge between two node centres, model coordinates. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The part of `s` inside `b` (Liang–Barsky clipping), or null when the line misses the box. A line that only
 * touches the box's edge counts as inside.
 */
export function clipSegment(s: Segment, b: Box): Segment | null {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  // For each side: p < 0 the line enters there, p > 0 it leaves, p = 0 it runs parallel (q < 0: outside).
  const sides: [number, number][] = [
    [-dx, s.x1 - b.x1],
    [dx, b.x2 - s.x1],
    [-dy, s.y1 - b.y1],
    [dy, b.y2 - s.y1],
  ];
  for (const [p, q] of sides) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) {
      if (r > t1) return null;
      if (r > t0) t0 = r;
    } else {
      if (r < t0) return null;
      if (r < t1) t1 = r;
    }
  }
  return { x1: s.x1 + t0 * dx, y1: s.y1 + t0 * dy, x2: s.x1 + t1 * dx, y2: s.y1 + t1 * dy };
}

/** True when the line `s` runs through (or touches) the box `b`. */
export const segmentCrossesBox = (s: Segment, b: Box): boolean => clipSegment(s, b) !== null;

/** The edges' lines filed by grid cell; `crosses(box)` is true when one of them runs through the box. */
export interface SegmentIndex {
  crosses(b: Box): boolean;
}

/**
 * Files `segments` in a grid of `cell`-sized squares (model units). With `within`, only the parts of lines inside
 * it are filed (the view: a label is never placed outside it), so an edge that runs far off screen costs nothing
 * there.
 */
export function segmentIndex(segments: readonly Segment[], cell: number, within?: Box): SegmentIndex {
  // Numeric cell keys (a string per cell made building the index most of its cost).
  const key = (col: number, row: number): number => (col + 0x8000) * 0x10000 + (row + 0x8000);
  const grid = new Map<number, number[]>();
  const file = (at: number, i: number): void => {
    const list = grid.get(at);
    if (list) {
      if (list[list.length - 1] !== i) list.push(i);
    } else grid.set(at, [i]);
  };
  segments.forEach((whole, i) => {
    const s = within ? clipSegment(whole, within) : whole;
    if (!s) return;
    const yLo = Math.min(s.y1, s.y2);
    const yHi = Math.max(s.y1, s.y2);
    // Row by row: the stretch of x the line covers within the row's band of y.
    for (let row = Math.floor(yLo / cell); row <= Math.floor(yHi / cell); row++) {
      const a = Math.max(yLo, row * cell);
      const b = Math.min(yHi, (row + 1) * cell);
      let xa: number;
      let xb: number;
      if (s.y1 === s.y2) {
        xa = s.x1;
        xb = s.x2;
      } else {
        const xAt = (y: number): number => s.x1 + ((y - s.y1) / (s.y2 - s.y1)) * (s.x2 - s.x1);
        xa = xAt(a);
        xb = xAt(b);
      }
      const c0 = Math.floor(Math.min(xa, xb) / cell);
      const c1 = Math.floor(Math.max(xa, xb) / cell);
      for (let col = c0; col <= c1; col++) file(key(col, row), i);
    }
  });
  return {
    crosses: (b) => {
      for (let col = Math.floor(b.x1 / cell); col <= Math.floor(b.x2 / cell); col++)
        for (let row = Math.floor(b.y1 / cell); row <= Math.floor(b.y2 / cell); row++)
          for (const i of grid.get(key(col, row)) ?? []) if (segmentCrossesBox(segments[i]!, b)) return true;
      return false;
    },
  };
}
