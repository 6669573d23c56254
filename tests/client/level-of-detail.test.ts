// Large scenes without a browser: synthetic scenes shaped like our graph, and when fast drawing applies.
import { describe, expect, it } from 'vitest';
import {
  FAST_LEVERS,
  FAST_MODE_THRESHOLD,
  FULL_DETAIL,
  fastModeOn,
  lodStyleRules,
} from '../../client/src/graph/level-of-detail.js';
import { syntheticScene } from '../../client/src/graph/synthetic-scene.js';

describe('syntheticScene', () => {
  it('stays within the element budget, close to it, with every edge between drawn nodes', () => {
    for (const elements of [1000, 5000]) {
      const g = syntheticScene(elements);
      const total = g.nodes.length + g.edges.length;
      expect(total).toBeLessThanOrEqual(elements);
      expect(total).toBeGreaterThan(elements * 0.9);
      const ids = new Set(g.nodes.map((n) => n.id));
      expect(ids.size).toBe(g.nodes.length);
      expect(g.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    }
  });

  it('is shaped like our graph: actors, forums, agreements and threats, with hubs', () => {
    const g = syntheticScene(5000);
    const labels = new Set(g.nodes.flatMap((n) => n.labels));
    for (const label of ['Country', 'Organization', 'Forum', 'Agreement', 'ThreatType'])
      expect(labels).toContain(label);
    const degree = new Map<string, number>();
    for (const e of g.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
    const max = Math.max(...degree.values());
    expect(max, 'a hub far above the mean degree').toBeGreaterThan(
      10 * ((2 * g.edges.length) / g.nodes.length),
    );
  });

  it('is the same scene for the same size and seed, and another for another seed', () => {
    expect(syntheticScene(2000, 7)).toEqual(syntheticScene(2000, 7));
    expect(syntheticScene(2000, 8).edges).not.toEqual(syntheticScene(2000, 7).edges);
  });
});

describe('fast drawing', () => {
  it('follows the scene size on auto and the user otherwise', () => {
    expect(fastModeOn('auto', FAST_MODE_THRESHOLD - 1)).toBe(false);
    expect(fastModeOn('auto', FAST_MODE_THRESHOLD)).toBe(true);
    expect(fastModeOn('full', FAST_MODE_THRESHOLD * 10)).toBe(false);
    expect(fastModeOn('fast', 1)).toBe(true);
  });

  it('adds style rules only for the style levers that are on', () => {
    expect(lodStyleRules(FULL_DETAIL)).toEqual([]);
    const fast = lodStyleRules(FAST_LEVERS);
    expect(
      fast.some(
        (r) => r.selector === 'edge' && (r.style as Record<string, unknown>)['curve-style'] === 'haystack',
      ),
    ).toBe(true);
    // The selection and paths keep their arrows and labels.
    expect(
      fast.some(
        (r) =>
          r.selector.includes('edge.selected') &&
          (r.style as Record<string, unknown>)['target-arrow-shape'] === 'triangle',
      ),
    ).toBe(true);
  });
});
