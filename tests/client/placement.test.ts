// Placement of newcomers: existing nodes never move, new ones ring their anchor in free space, never overlapping.
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

  it("puts an anchor's newcomers on rings around it, bodies and label room apart", () => {
    const ids = Array.from({ length: 12 }, (_, i) => `n${i}`);
    const out = placeNewNodes({
      newIds: ids,
      edges: ids.map((id) => ({ source: 'b', target: id })),
      placed,
      fallback: { x: 0, y: 0 },
    });
    const anchor = placed.get('b')!;
    const radii = ids.map((id) => dist(out.get(id)!, anchor));
    // One ring, or the next one out where a slot would crowd a neighbour's label room.
    const inner = Math.min(...radii);
    expect(inner).toBeGreaterThanOrEqual(120);
    for (const r of radii) expect(r).toBeLessThanOrEqual(inner + 2 * 70 + 1e-6);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = out.get(ids[i]!)!;
        const b = out.get(ids[j]!)!;
        // Side by side they keep a label's width apart; one above the other, a body and two label lines.
        expect(Math.abs(a.x - b.x) >= 140 || Math.abs(a.y - b.y) >= 90).toBe(true);
      }
      expect(dist(out.get(ids[i]!)!, placed.get('a')!)).toBeGreaterThan(60);
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

  it('keeps newcomers off crowded ground: a ring slot taken by an existing node is skipped', () => {
    // Existing nodes packed all round the anchor where its first ring would go.
    const crowd = new Map<string, Point>([['hub', { x: 0, y: 0 }]]);
    for (let i = 0; i < 16; i++)
      crowd.set(`x${i}`, { x: 150 * Math.cos((i * Math.PI) / 8), y: 150 * Math.sin((i * Math.PI) / 8) });
    const ids = Array.from({ length: 8 }, (_, i) => `n${i}`);
    const out = placeNewNodes({
      newIds: ids,
      edges: ids.map((id) => ({ source: 'hub', target: id })),
      placed: crowd,
      fallback: { x: 0, y: 0 },
    });
    const all = [...crowd.values(), ...out.values()];
    for (const p of out.values())
      for (const q of all) if (p !== q) expect(dist(p, q)).toBeGreaterThanOrEqual(60);
  });
});
