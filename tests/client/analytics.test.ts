// Scene analytics on small graphs whose answers are known: degree, betweenness, PageRank, Louvain, brokers.
import { describe, expect, it } from 'vitest';
import {
  computeSceneMetrics,
  topBrokers,
  type MetricsInput,
} from '../../client/src/features/analytics/scene-metrics.js';

const edge = (source: string, target: string) => ({ source, target });

/** A star: `hub` joined to each leaf. */
function star(leaves: number): MetricsInput {
  const nodes = ['hub', ...Array.from({ length: leaves }, (_, i) => `leaf${i}`)];
  return { nodes, edges: nodes.slice(1).map((leaf) => edge(leaf, 'hub')) };
}

/** Two cliques of `size` nodes joined by one edge between a0 and b0. */
function twoCliques(size: number): MetricsInput {
  const a = Array.from({ length: size }, (_, i) => `a${i}`);
  const b = Array.from({ length: size }, (_, i) => `b${i}`);
  const clique = (ids: string[]) => ids.flatMap((x, i) => ids.slice(i + 1).map((y) => edge(x, y)));
  return { nodes: [...a, ...b], edges: [...clique(a), ...clique(b), edge('a0', 'b0')] };
}

describe('scene metrics', () => {
  it('counts degree as the relationships touching each node, parallel ones included', () => {
    const m = computeSceneMetrics({
      nodes: ['x', 'y', 'z'],
      edges: [edge('x', 'y'), edge('y', 'x'), edge('y', 'z')],
    });
    expect(m.values.degree).toEqual({ x: 2, y: 3, z: 1 });
    expect(m.max.degree).toBe(3);
  });

  it('gives the centre of a star the highest betweenness (1, normalised) and the leaves none', () => {
    const m = computeSceneMetrics(star(5));
    expect(m.values.betweenness['hub']).toBeCloseTo(1);
    for (let i = 0; i < 5; i++) expect(m.values.betweenness[`leaf${i}`]).toBe(0);
    expect(topBrokers(m)).toEqual([{ id: 'hub', value: m.values.betweenness['hub'] }]);
  });

  it('ranks the middle of a path graph highest, ignoring edge direction', () => {
    const m = computeSceneMetrics({
      nodes: ['p1', 'p2', 'p3', 'p4', 'p5'],
      edges: [edge('p1', 'p2'), edge('p3', 'p2'), edge('p3', 'p4'), edge('p5', 'p4')],
    });
    const b = m.values.betweenness;
    expect(b['p3']).toBeGreaterThan(b['p2']!);
    expect(b['p2']).toBeCloseTo(b['p4']!);
    expect(b['p1']).toBe(0);
    expect(topBrokers(m).map((x) => x.id)).toEqual(['p3', 'p2', 'p4']);
  });

  it('gives PageRank values that sum to 1, highest at a star centre', () => {
    const m = computeSceneMetrics(star(6));
    const sum = Object.values(m.values.pagerank).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 6);
    expect(m.max.pagerank).toBe(m.values.pagerank['hub']);
  });

  it('splits two cliques joined by one edge into two communities, the same way every time', () => {
    const input = twoCliques(5);
    const m = computeSceneMetrics(input);
    expect(m.communityCount).toBe(2);
    const ca = new Set(input.nodes.filter((n) => n.startsWith('a')).map((n) => m.community[n]));
    const cb = new Set(input.nodes.filter((n) => n.startsWith('b')).map((n) => m.community[n]));
    expect(ca.size).toBe(1);
    expect(cb.size).toBe(1);
    expect([...ca][0]).not.toBe([...cb][0]);
    // Deterministic: the same scene, even built in another order, gives the same communities.
    const shuffled = { nodes: [...input.nodes].reverse(), edges: [...input.edges].reverse() };
    expect(computeSceneMetrics(shuffled).community).toEqual(m.community);
    // The bridge's ends are the brokers.
    expect(
      topBrokers(m)
        .slice(0, 2)
        .map((x) => x.id)
        .sort(),
    ).toEqual(['a0', 'b0']);
  });

  it('handles an empty graph and a graph without edges', () => {
    expect(computeSceneMetrics({ nodes: [], edges: [] }).communityCount).toBe(0);
    const m = computeSceneMetrics({ nodes: ['a', 'b'], edges: [] });
    expect(m.values.pagerank).toEqual({ a: 0.5, b: 0.5 });
    expect(m.communityCount).toBe(2);
    expect(topBrokers(m)).toEqual([]);
  });

  it('ignores edges whose ends are not among the nodes', () => {
    const m = computeSceneMetrics({ nodes: ['a', 'b'], edges: [edge('a', 'b'), edge('a', 'ghost')] });
    expect(m.values.degree).toEqual({ a: 1, b: 1 });
  });
});
