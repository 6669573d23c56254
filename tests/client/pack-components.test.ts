// Packing a scene's disconnected parts in rows to the canvas's shape: parts keep their drawing, never overlap,
// and the whole comes near the aspect ratio asked for.
import { describe, expect, it } from 'vitest';
import { PART_GAP, packParts, type PartBox } from '../../client/src/graph/pack-components.js';

const box = (x1: number, y1: number, w: number, h: number): PartBox => ({ x1, y1, x2: x1 + w, y2: y1 + h });
const moved = (parts: readonly PartBox[], aspect: number): PartBox[] =>
  packParts(parts, aspect).map(({ dx, dy }, i) => {
    const b = parts[i]!;
    return { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy };
  });
const hull = (bs: readonly PartBox[]): PartBox =>
  bs.reduce((a, b) => ({
    x1: Math.min(a.x1, b.x1),
    y1: Math.min(a.y1, b.y1),
    x2: Math.max(a.x2, b.x2),
    y2: Math.max(a.y2, b.y2),
  }));
const apart = (a: PartBox, b: PartBox): boolean =>
  a.x2 + PART_GAP <= b.x1 + 1e-9 ||
  b.x2 + PART_GAP <= a.x1 + 1e-9 ||
  a.y2 + PART_GAP <= b.y1 + 1e-9 ||
  b.y2 + PART_GAP <= a.y1 + 1e-9;
const aspectOf = (b: PartBox): number => (b.x2 - b.x1) / (b.y2 - b.y1);

describe('packParts', () => {
  it('leaves a scene in one part where it is', () => {
    expect(packParts([box(10, 10, 100, 50)], 1.5)).toEqual([{ dx: 0, dy: 0 }]);
  });

  it('turns a wide strip (a group at one end, a pair at the other) into rows near the canvas shape', () => {
    // As fcose drew the cooperation view: a 250×210 group and a 150×20 pair 250 apart on one line.
    const parts = [box(400, 0, 250, 210), box(0, 95, 150, 20)];
    const before = hull(parts);
    const after = hull(moved(parts, 1.1));
    expect(aspectOf(before)).toBeGreaterThan(2);
    expect(Math.abs(Math.log(aspectOf(after) / 1.1))).toBeLessThan(
      Math.abs(Math.log(aspectOf(before) / 1.1)),
    );
    const [a, b] = moved(parts, 1.1);
    expect(apart(a!, b!)).toBe(true);
    // The same centre as before: the camera's fit has no reason to jump.
    expect((after.x1 + after.x2) / 2).toBeCloseTo((before.x1 + before.x2) / 2);
    expect((after.y1 + after.y2) / 2).toBeCloseTo((before.y1 + before.y2) / 2);
  });

  it('puts nine equal parts in three rows of three on a square canvas, one row on a wide one', () => {
    const nine = Array.from({ length: 9 }, (_, i) => box(i * 300, 0, 100, 100));
    const square = moved(nine, 1);
    expect(new Set(square.map((b) => Math.round(b.y1))).size).toBe(3);
    expect(new Set(square.map((b) => Math.round(b.x1))).size).toBe(3);
    for (let i = 0; i < 9; i++)
      for (let j = i + 1; j < 9; j++) expect(apart(square[i]!, square[j]!)).toBe(true);
    const three = nine.slice(0, 3);
    expect(new Set(moved(three, 5).map((b) => Math.round(b.y1))).size).toBe(1);
  });
});
