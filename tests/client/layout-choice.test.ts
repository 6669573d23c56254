// The best of several layouts: what the cost counts, and that the lowest-cost run is the one kept.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import {
  bestLayoutPositions,
  layoutCost,
  segmentsCross,
  type ScoredNode,
} from '../../client/src/graph/layout-choice.js';

const node = (id: string, x: number, y: number, label = false): ScoredNode => ({
  id,
  body: { x1: x - 10, x2: x + 10, y1: y - 10, y2: y + 10 },
  label: label ? { x1: x - 30, x2: x + 30, y1: y + 14, y2: y + 30 } : null,
});

describe('layoutCost', () => {
  it('crosses segments only where they do (a line through a box: edge-crossings.test.ts)', () => {
    expect(segmentsCross([0, 0, 10, 10], [0, 10, 10, 0])).toBe(true);
    expect(segmentsCross([0, 0, 10, 0], [0, 5, 10, 5])).toBe(false);
    // Touching at an end is not a crossing.
    expect(segmentsCross([0, 0, 10, 0], [10, 0, 20, 10])).toBe(false);
  });

  it('counts an edge through a third node, crossings and labels on each other, and nothing on a clear placement', () => {
    // a - b with c on the line between them.
    const through = [node('a', 0, 0), node('b', 200, 0), node('c', 100, 0)];
    const aside = [node('a', 0, 0), node('b', 200, 0), node('c', 100, 80)];
    expect(layoutCost(through, [[0, 1]])).toBeGreaterThan(0);
    expect(layoutCost(aside, [[0, 1]])).toBe(0);
    // Two edges crossing, then uncrossed.
    const crossed = [node('a', 0, 0), node('b', 100, 100), node('c', 0, 100), node('d', 100, 0)];
    expect(
      layoutCost(crossed, [
        [0, 1],
        [2, 3],
      ]),
    ).toBeGreaterThan(0);
    expect(
      layoutCost(crossed, [
        [0, 2],
        [1, 3],
      ]),
    ).toBe(0);
    // Two labels on each other, then apart; an edge through a label.
    expect(layoutCost([node('a', 0, 0, true), node('b', 30, 0, true)], [])).toBeGreaterThan(0);
    expect(layoutCost([node('a', 0, 0, true), node('b', 200, 0, true)], [])).toBe(0);
    const underLabel = [node('a', 0, 0, true), node('b', -100, 22), node('c', 100, 22)];
    expect(layoutCost(underLabel, [[1, 2]])).toBeGreaterThan(0);
    // Weighed: an edge through a body costs more than one through a label.
    expect(layoutCost(through, [[0, 1]])).toBeGreaterThan(layoutCost(underLabel, [[1, 2]]));
  });
});

type Placement = Record<string, { x: number; y: number }>;

/**
 * Registers layout `name`, which puts the nodes where `next()` says on each run (Cytoscape calls a layout's
 * constructor as a function, not with `new`).
 */
function scriptedLayout(name: string, next: () => Placement): void {
  type Positioned = {
    nodes(): {
      layoutPositions(layout: unknown, options: unknown, at: (n: cytoscape.NodeSingular) => unknown): void;
    };
  };
  type Run = { options: { eles: Positioned } };
  function Scripted(this: Run, options: Run['options']): void {
    this.options = options;
  }
  Scripted.prototype.run = function (this: Run): Run {
    const p = next();
    this.options.eles.nodes().layoutPositions(this, this.options, (n) => p[n.id()]);
    return this;
  };
  Scripted.prototype.stop = function (this: Run): Run {
    return this;
  };
  cytoscape('layout', name, Scripted as never);
}

/** Three 20 px nodes, a and b joined, c alone, at `at`. */
const threeNodes = (at: Placement): cytoscape.Core =>
  cytoscape({
    headless: true,
    styleEnabled: true,
    layout: { name: 'preset' },
    style: [{ selector: 'node', style: { width: 20, height: 20 } }],
    elements: [
      { data: { id: 'a' }, position: at['a'] },
      { data: { id: 'b' }, position: at['b'] },
      { data: { id: 'c' }, position: at['c'] },
      { data: { id: 'ab', source: 'a', target: 'b' } },
    ],
  });

describe('bestLayoutPositions', () => {
  it('keeps the run with the fewest faults and leaves the nodes where they were', () => {
    // A layout that hands out placements in turn: a third node on the edge, then clear, then on it again.
    const placements: Placement[] = [
      { a: { x: 0, y: 0 }, b: { x: 200, y: 0 }, c: { x: 100, y: 0 } },
      { a: { x: 0, y: 0 }, b: { x: 200, y: 0 }, c: { x: 100, y: 90 } },
      { a: { x: 0, y: 0 }, b: { x: 0, y: 200 }, c: { x: 0, y: 100 } },
    ];
    let calls = 0;
    scriptedLayout('turns', () => placements[calls++ % placements.length]!);
    const cy = threeNodes({ a: { x: 5, y: 5 }, b: { x: 6, y: 6 }, c: { x: 7, y: 7 } });
    const best = bestLayoutPositions(cy.elements(), { name: 'turns' } as never, 3);
    expect(calls).toBe(2); // the second run had no fault: no third run
    expect(best.costs).toHaveLength(2);
    expect(best.costs[0]).toBeGreaterThan(0);
    expect(best.chosen).toBe(0);
    expect(Object.fromEntries(best.positions)).toEqual(placements[1]);
    expect(cy.getElementById('c').position()).toEqual({ x: 7, y: 7 });
    // Every run faulty: the first of the lowest wins.
    calls = 0;
    placements.splice(1, 1);
    const first = bestLayoutPositions(cy.elements(), { name: 'turns' } as never, 2);
    expect(first.costs).toHaveLength(2);
    expect(Object.fromEntries(first.positions)).toEqual(placements[0]);
  });

  it("packs a scene's disconnected parts to the canvas's shape after each run, keeping each part's drawing", () => {
    // A layout that lays a pair and a lone node out on one long line.
    const line: Placement = { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, c: { x: 1000, y: 0 } };
    scriptedLayout('strip', () => line);
    const cy = threeNodes({ a: { x: 0, y: 0 }, b: { x: 0, y: 0 }, c: { x: 0, y: 0 } });
    const unpacked = bestLayoutPositions(cy.elements(), { name: 'strip' } as never, 1);
    expect(Object.fromEntries(unpacked.positions)).toEqual(line);
    const packed = Object.fromEntries(
      bestLayoutPositions(cy.elements(), { name: 'strip' } as never, 1, 1).positions,
    );
    // The pair as drawn, the lone node beside it instead of 900 away.
    expect(packed['b']!.x - packed['a']!.x).toBeCloseTo(100);
    expect(packed['b']!.y).toBeCloseTo(packed['a']!.y);
    const xs = Object.values(packed).map((p) => p.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThan(300);
  });
});
