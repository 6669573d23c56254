// Placement of newcomers: existing nodes never move, new ones ring their anchor without overlapping.
import { describe, expect, it } from 'vitest';
import { placeNewNodes, type Point } from '../../client/src/graph/placement.js';

const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

describe('placeNewNodes', () => {
  const placed = new Map<string, Point>([
    ['a', { x: 0, y: 0 }],
    ['b', { x: 400, y: 0 }],
  ]);

  it('returns positions only for the new nodes, so existing nodes stay where they are', () => {
    const out = placeNewNodes({
      newIds: ['n1', 'n2'],
      edges: [
        { source: 'a', target: 'n1' },
        { source: 'a', target: 'n2' },
      ],
      placed,
      fallback: { x: 0, y: 0 },
    });
    expect([...out.keys()].sort()).toEqual(['n1', 'n2']);
    expect(placed.get('a')).toEqual({ x: 0, y: 0 });
  });

  it("puts an anchor's newcomers on a ring around it, apart from each other", () => {
    const ids = Array.from({ length: 12 }, (_, i) => `n${i}`);
    const out = placeNewNodes({
      newIds: ids,
      edges: ids.map((id) => ({ source: 'b', target: id })),
      placed,
      fallback: { x: 0, y: 0 },
    });
    const anchor = placed.get('b')!;
    const radii = ids.map((id) => dist(out.get(id)!, anchor));
    for (const r of radii) expect(r).toBeCloseTo(radii[0]!, 6);
    expect(radii[0]).toBeGreaterThanOrEqual(120);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++)
        expect(dist(out.get(ids[i]!)!, out.get(ids[j]!)!)).toBeGreaterThan(30);
    }
  });

  it('grows a chain of new nodes outward from what is placed, and puts loners in a free spot', () => {
    const out = placeNewNodes({
      newIds: ['c1', 'c2', 'lone'],
      edges: [
        { source: 'a', target: 'c1' },
        { source: 'c1', target: 'c2' },
      ],
      placed,
      fallback: { x: 0, y: 0 },
    });
    expect(dist(out.get('c1')!, placed.get('a')!)).toBeLessThan(
      dist(out.get('c2')!, placed.get('a')!) + 1e-9,
    );
    const lone = out.get('lone')!;
    for (const p of [...placed.values(), out.get('c1')!, out.get('c2')!])
      expect(dist(lone, p)).toBeGreaterThanOrEqual(70);
  });
});
