// A large scene's spectral draft made readable (spread-draft.ts): no two bodies overlap, pinned nodes stay,
// the draft's arrangement is kept, and the same draft always gives the same picture.
import { describe, expect, it } from 'vitest';
import { SPREAD_GAP, spreadDraft, type DraftNode } from '../../client/src/graph/spread-draft.js';

const node = (x: number, y: number, extra: Partial<DraftNode> = {}): DraftNode => ({
  x,
  y,
  w: 30,
  h: 30,
  pinned: false,
  degree: 1,
  ...extra,
});

/** The closest two bodies' boxes come (negative: they overlap): the larger of the x and y gaps between them. */
function closestGap(nodes: readonly DraftNode[], at: readonly { x: number; y: number }[]): number {
  let min = Infinity;
  for (let i = 0; i < at.length; i++)
    for (let j = i + 1; j < at.length; j++) {
      const gx = Math.abs(at[i]!.x - at[j]!.x) - (nodes[i]!.w + nodes[j]!.w) / 2;
      const gy = Math.abs(at[i]!.y - at[j]!.y) - (nodes[i]!.h + nodes[j]!.h) / 2;
      min = Math.min(min, Math.max(gx, gy));
    }
  return min;
}

/** A draft like fcose's above its refinement limit: two hubs, each with its leaves collapsed onto one point. */
function collapsedDraft(): DraftNode[] {
  const out = [node(0, 0, { degree: 60, w: 50, h: 50 }), node(40, 0, { degree: 60, w: 50, h: 50 })];
  for (let i = 0; i < 60; i++) out.push(node(-3, 1), node(43, 1));
  return out;
}

describe('spreadDraft', () => {
  it('leaves no two bodies closer than the gap, where the draft had them on each other', () => {
    const draft = collapsedDraft();
    expect(closestGap(draft, draft)).toBeLessThan(0);
    const out = spreadDraft(draft);
    // Circles around the boxes are kept the gap apart: boxes on a diagonal then keep at least gap/√2 on one axis.
    expect(closestGap(draft, out)).toBeGreaterThanOrEqual(SPREAD_GAP / Math.SQRT2 - 1e-6);
  });

  it('keeps the draft’s arrangement: the two hubs’ sides stay apart and in order', () => {
    const draft = collapsedDraft();
    const out = spreadDraft(draft);
    const meanX = (parity: number): number => {
      const xs = out.filter((_, i) => i >= 2 && i % 2 === parity).map((p) => p.x);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(out[0]!.x).toBeLessThan(out[1]!.x);
    // The first hub's leaves (even indices) stay on its side of the second hub's (odd).
    expect(meanX(0)).toBeLessThan(meanX(1));
  });

  it('keeps pinned nodes where they are and moves the others around them', () => {
    const draft = [node(0, 0, { pinned: true }), node(0, 0), node(1, 1), node(100, 100, { pinned: true })];
    const out = spreadDraft(draft);
    expect(out[0]).toEqual({ x: 0, y: 0 });
    expect(out[3]).toEqual({ x: 100, y: 100 });
    expect(closestGap(draft, out)).toBeGreaterThanOrEqual(SPREAD_GAP / Math.SQRT2 - 1e-6);
  });

  it('leaves a draft that already has room as it is', () => {
    const draft = Array.from({ length: 25 }, (_, i) => node((i % 5) * 400, Math.floor(i / 5) * 400));
    expect(spreadDraft(draft)).toEqual(draft.map(({ x, y }) => ({ x, y })));
  });

  it('draws the same picture from the same draft', () => {
    expect(spreadDraft(collapsedDraft())).toEqual(spreadDraft(collapsedDraft()));
  });
});
