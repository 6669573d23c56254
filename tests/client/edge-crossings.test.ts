// Edge lines against label boxes: clipping, crossing, and the grid that answers the same as checking every line.
import { describe, expect, it } from 'vitest';
import {
  clipSegment,
  segmentCrossesBox,
  segmentIndex,
  type Segment,
} from '../../client/src/graph/edge-crossings.js';

const box = { x1: 0, y1: 0, x2: 10, y2: 10 };

describe('clipSegment and segmentCrossesBox', () => {
  it('keeps the part of a line inside the box', () => {
    expect(clipSegment({ x1: -10, y1: 5, x2: 20, y2: 5 }, box)).toEqual({ x1: 0, y1: 5, x2: 10, y2: 5 });
    expect(clipSegment({ x1: 5, y1: 5, x2: 5, y2: 50 }, box)).toEqual({ x1: 5, y1: 5, x2: 5, y2: 10 });
    const diagonal = clipSegment({ x1: -5, y1: -5, x2: 15, y2: 15 }, box)!;
    expect(diagonal.x1).toBeCloseTo(0);
    expect(diagonal.y2).toBeCloseTo(10);
  });

  it('misses a box the line passes beside, ends before, or runs parallel to outside', () => {
    expect(segmentCrossesBox({ x1: -10, y1: 20, x2: 20, y2: 21 }, box)).toBe(false);
    expect(segmentCrossesBox({ x1: -10, y1: 5, x2: -1, y2: 5 }, box)).toBe(false);
    expect(segmentCrossesBox({ x1: 11, y1: -50, x2: 11, y2: 50 }, box)).toBe(false);
    // A diagonal that passes the box's corner.
    expect(segmentCrossesBox({ x1: 12, y1: 0, x2: 20, y2: 8 }, box)).toBe(false);
    // One wholly inside, and a single point inside.
    expect(segmentCrossesBox({ x1: 2, y1: 2, x2: 3, y2: 3 }, box)).toBe(true);
    expect(segmentCrossesBox({ x1: 4, y1: 4, x2: 4, y2: 4 }, box)).toBe(true);
  });
});

describe('segmentIndex', () => {
  it('answers as checking every line would, for random lines and boxes, with and without a view', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 1000 - 500;
    const lines: Segment[] = Array.from({ length: 300 }, () => ({
      x1: rand(),
      y1: rand(),
      x2: rand(),
      y2: rand(),
    }));
    // Some horizontal and vertical ones, whose rows or columns are a single band.
    lines.push({ x1: -400, y1: 10, x2: 400, y2: 10 }, { x1: 33, y1: -400, x2: 33, y2: 400 });
    const view = { x1: -200, y1: -150, x2: 250, y2: 180 };
    const all = segmentIndex(lines, 37);
    const inView = segmentIndex(lines, 37, view);
    let crossed = 0;
    for (let k = 0; k < 2000; k++) {
      const x = rand();
      const y = rand();
      const b = { x1: x, y1: y, x2: x + Math.abs(rand()) / 20, y2: y + Math.abs(rand()) / 40 };
      const truth = lines.some((s) => segmentCrossesBox(s, b));
      if (truth) crossed++;
      expect(all.crosses(b)).toBe(truth);
      const inside = b.x1 >= view.x1 && b.x2 <= view.x2 && b.y1 >= view.y1 && b.y2 <= view.y2;
      if (inside) expect(inView.crosses(b)).toBe(truth);
    }
    // Both answers occur (the check is not vacuous).
    expect(crossed).toBeGreaterThan(100);
    expect(crossed).toBeLessThan(1900);
  });

  it('with no lines, nothing is crossed', () => {
    expect(segmentIndex([], 10).crosses(box)).toBe(false);
  });
});
