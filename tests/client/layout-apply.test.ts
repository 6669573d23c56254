// A worker layout's positions reach the canvas in slices that yield to the page between them (so no single
// main-thread task carries them all), every unpinned node ends where the layout put it, and Cancel stops it.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyInSlices } from '../../client/src/graph/layout-runner.js';
import { syntheticScene } from '../../client/src/graph/synthetic-scene.js';

/** A headless core holding the synthetic 10k-element scene the benchmark draws, every node at the origin. */
function scene(): cytoscape.Core {
  const g = syntheticScene(10_000);
  return cytoscape({
    headless: true,
    elements: [
      ...g.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id }, position: { x: 0, y: 0 } })),
      ...g.edges.map((e) => ({
        group: 'edges' as const,
        data: { id: e.id, source: e.source, target: e.target },
      })),
    ],
  });
}

/** Distinct positions, as a layout would report them. */
function packedFor(count: number): Float64Array {
  const out = new Float64Array(count * 2);
  for (let i = 0; i < count; i++) {
    out[2 * i] = (i % 50) * 120 + 7;
    out[2 * i + 1] = Math.floor(i / 50) * 90 - 3;
  }
  return out;
}

/** A clock that moves 1 ms each time it is read: a slice of budget B reads it about B times. */
function tickingClock(): () => number {
  let t = 0;
  return () => ++t;
}

describe('applyInSlices', () => {
  it('cuts a large scene into several slices, yields between them, and places every unpinned node', async () => {
    const cy = scene();
    const nodes = cy.nodes();
    expect(nodes.length).toBeGreaterThan(1000);
    const packed = packedFor(nodes.length);
    const pinned = nodes[3]!;
    pinned.lock();
    let yields = 0;
    const progress: number[] = [];
    const slices = await applyInSlices(cy, nodes, packed, {
      budgetMs: 3,
      chunk: 50,
      now: tickingClock(),
      yieldToPage: async () => {
        yields++;
      },
      onSlice: (applied) => progress.push(applied),
    });
    expect(slices).toBeGreaterThan(5);
    expect(yields).toBe(slices - 1);
    // Progress only grows, and the last report covers every node.
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(nodes.length);
    nodes.forEach((n, i) => {
      if (n.same(pinned)) expect(n.position()).toEqual({ x: 0, y: 0 });
      else expect(n.position()).toEqual({ x: packed[2 * i], y: packed[2 * i + 1] });
    });
  });

  it('moves each node once, whatever the slicing', async () => {
    const cy = scene();
    const nodes = cy.nodes();
    const moves = new Map<string, number>();
    cy.on('position', 'node', (e) => moves.set(e.target.id(), (moves.get(e.target.id()) ?? 0) + 1));
    await applyInSlices(cy, nodes, packedFor(nodes.length), {
      budgetMs: 2,
      chunk: 25,
      now: tickingClock(),
      yieldToPage: async () => undefined,
    });
    expect(moves.size).toBe(nodes.length);
    expect([...moves.values()].every((m) => m === 1)).toBe(true);
  });

  it("keeps a chunk's edge ends under its cap, so a run of hubs is not one long geometry step", async () => {
    const cy = scene();
    const nodes = cy.nodes();
    const degrees = nodes.map((n) => n.degree(false));
    // The synthetic scene puts its hubs first: the first 100 nodes hold far more edge ends than the cap.
    expect(degrees.slice(0, 100).reduce((a, b) => a + b, 0)).toBeGreaterThan(2000);
    const ends: number[] = [];
    // A zero budget makes every chunk its own slice, so each report closes one chunk.
    await applyInSlices(cy, nodes, packedFor(nodes.length), {
      budgetMs: 0,
      chunk: 100,
      chunkEdges: 500,
      now: tickingClock(),
      yieldToPage: async () => undefined,
      onSlice: (applied) => ends.push(applied),
    });
    expect(ends.at(-1)).toBe(nodes.length);
    let from = 0;
    for (const end of ends) {
      const sum = degrees.slice(from, end).reduce((a, b) => a + b, 0);
      // At most 100 nodes; over the cap only when one node alone carries more.
      expect(end - from).toBeLessThanOrEqual(100);
      if (end - from > 1) expect(sum).toBeLessThanOrEqual(500);
      from = end;
    }
    // The cap made chunks smaller than 100 nodes where hubs are, not everywhere.
    expect(ends.length).toBeGreaterThan(Math.ceil(nodes.length / 100));
  });

  it('stops between slices when cancelled, keeping what it has placed', async () => {
    const cy = scene();
    const nodes = cy.nodes();
    const packed = packedFor(nodes.length);
    let cancelled = false;
    const slices = await applyInSlices(cy, nodes, packed, {
      budgetMs: 2,
      chunk: 40,
      now: tickingClock(),
      yieldToPage: async () => {
        cancelled = true;
      },
      stopped: () => cancelled,
    });
    expect(slices).toBe(1);
    const placed = nodes.filter((n) => n.position('x') !== 0 || n.position('y') !== 0);
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThan(nodes.length);
    expect(cancelled).toBe(true);
  });
});
