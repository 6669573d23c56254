// Seeded layouts: the same scene draws the same numbers, another scene (or another draw) other numbers, and
// Math.random is always put back.
import { describe, expect, it } from 'vitest';
import {
  drawSeed,
  sceneSeed,
  seedOf,
  seededRandom,
  withSeededRandom,
} from '../../client/src/graph/seeded-random.js';

const take = (next: () => number, n: number): number[] => Array.from({ length: n }, () => next());

describe('seeded random numbers', () => {
  it('gives the same sequence for the same seed and another for another seed, spread over [0, 1)', () => {
    expect(take(seededRandom(42), 5)).toEqual(take(seededRandom(42), 5));
    expect(take(seededRandom(42), 5)).not.toEqual(take(seededRandom(43), 5));
    const xs = take(seededRandom(7), 10_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('seeds a scene from its nodes and edges in order: the same scene the same seed, any change another', () => {
    const nodes = ['country:fr', 'country:uk', 'forum:x'];
    const edges = [['country:fr', 'forum:x'] as const];
    const seed = sceneSeed(nodes, edges);
    expect(sceneSeed([...nodes], [...edges])).toBe(seed);
    expect(sceneSeed(nodes.slice(0, 2), edges)).not.toBe(seed);
    expect(sceneSeed(nodes, [['country:uk', 'forum:x']])).not.toBe(seed);
    expect(sceneSeed(nodes, [])).not.toBe(seed);
    // Where one id ends and the next begins counts.
    expect(seedOf(['ab', 'c'])).not.toBe(seedOf(['a', 'bc']));
    // Draw 0 is the scene's own seed; each further draw another.
    expect(drawSeed(seed, 0)).toBe(seed);
    expect(new Set([0, 1, 2, 3].map((d) => drawSeed(seed, d))).size).toBe(4);
  });

  it('replaces Math.random only while it runs, and puts it back after a throw', () => {
    const original = Math.random;
    const inside = withSeededRandom(9, () => take(Math.random, 3));
    expect(inside).toEqual(take(seededRandom(9), 3));
    expect(Math.random).toBe(original);
    expect(() =>
      withSeededRandom(9, () => {
        throw new Error('layout failed');
      }),
    ).toThrow('layout failed');
    expect(Math.random).toBe(original);
  });
});
