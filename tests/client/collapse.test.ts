// Collapse as pure data: what it removes and what it keeps (pinned, path, on the canvas before, brought by another).
import { describe, expect, it } from 'vitest';
import { collapsePlan, type ExpansionTrace } from '../../client/src/features/explorer/collapse.js';

const trace = (added: string[], edges: string[], reached: string[]): ExpansionTrace => ({
  addedNodes: new Set(added),
  addedEdges: new Set(edges),
  reached: new Set(reached),
});
const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

describe('collapsePlan', () => {
  const edges = [
    edge('a', 'x'),
    edge('a', 'y'),
    edge('a', 'z'),
    edge('a', 'old'),
    edge('b', 'y'),
    edge('x', 'q'),
  ];

  it('removes the nodes and edges the expansion added, and leaves nodes that were there before', () => {
    const expansions = new Map([
      ['a', trace(['x', 'y', 'z'], ['a-x', 'a-y', 'a-z', 'a-old'], ['x', 'y', 'z', 'old'])],
    ]);
    const plan = collapsePlan({ edges, expansions, keep: new Set() }, 'a');
    expect([...plan.nodes].sort()).toEqual(['x', 'y', 'z']);
    expect(plan.edges.has('a-old')).toBe(true);
    expect(plan.nodes.has('old')).toBe(false);
  });

  it('keeps pinned and path nodes, expanded nodes, and nodes another expansion brought', () => {
    const expansions = new Map([
      ['a', trace(['x', 'y', 'z', 'b'], ['a-x', 'a-y', 'a-z'], ['x', 'y', 'z', 'b'])],
      ['b', trace([], ['b-y'], ['y', 'a'])],
    ]);
    const plan = collapsePlan({ edges, expansions, keep: new Set(['z']) }, 'a');
    expect([...plan.nodes].sort()).toEqual(['x']);
    expect(plan.edges.has('b-y')).toBe(false);
    expect(plan.edges.has('a-y')).toBe(true);
  });

  it('does nothing for a node that was never expanded', () => {
    const plan = collapsePlan({ edges, expansions: new Map(), keep: new Set() }, 'a');
    expect(plan.nodes.size + plan.edges.size).toBe(0);
  });
});
