// The cooperation view's level and minimum weight: the slider's top survives a minimum that leaves no pair, and each
// member of a pair is told apart by the party it counts for.
import { describe, expect, it } from 'vitest';
import type { CooperationPair, CooperationResponse, GraphEdge, GraphNode } from '../../contract/index.js';
import { createActions } from '../../client/src/state/actions.js';
import { pairGraph } from '../../client/src/features/cooperation/cooperation-projection.js';
import { heaviestPair } from '../../client/src/features/cooperation/state.js';
import { partyOf } from '../../client/src/features/cooperation/ui/pair-members.js';
import { initialState } from '../../client/src/state/state.js';
import { createStore } from '../../client/src/state/store.js';

const node = (id: string, labels: GraphNode['labels']): GraphNode => ({
  id,
  name: id,
  labels,
  properties: {},
});
const edge = (source: string, type: string, target: string): GraphEdge => ({
  id: `${source}|${type}|${target}`,
  type,
  source,
  target,
  properties: {},
});
const uk = node('country:uk', ['Actor', 'Country']);
const us = node('country:us', ['Actor', 'Country']);
const office = node('org:home-office', ['Actor', 'Organization']);
const minister = node('person:minister', ['Actor', 'Person']);
const talks = node('forum:talks', ['Forum']);
const summit = node('forum:summit', ['Forum']);

const pair: CooperationPair = {
  a: uk,
  b: us,
  weight: 2,
  via: [talks, summit],
  edges: [
    edge('country:us', 'PARTICIPATED_IN', 'forum:talks'),
    edge('country:us', 'PARTICIPATED_IN', 'forum:summit'),
  ],
  members: [minister, office],
  memberEdges: [
    edge('person:minister', 'PARTICIPATED_IN', 'forum:talks'),
    edge('person:minister', 'HOLDS_OFFICE', 'org:home-office'),
    edge('org:home-office', 'PART_OF', 'country:uk'),
    edge('org:home-office', 'PARTICIPATED_IN', 'forum:summit'),
  ],
};
const response = (pairs: CooperationPair[], minWeight = 1): CooperationResponse => ({
  threat: node('threat:smuggling', ['ThreatType']),
  threats: ['threat:smuggling'],
  level: 'countries',
  minWeight,
  pairs,
  graph: { nodes: [], edges: [] },
});

describe('cooperation levels and minimum weight', () => {
  it("the slider's top is the heaviest pair, and a minimum that leaves no pair keeps the one known", () => {
    const store = createStore(initialState());
    const actions = createActions(store);
    expect(heaviestPair(response([pair, { ...pair, b: office, weight: 1 }]))).toBe(2);
    actions.enterCooperation(response([pair]));
    expect(store.get().cooperation?.maxWeight).toBe(2);
    actions.enterCooperation(response([], 3), store.get().cooperation!.maxWeight);
    expect(store.get().cooperation?.maxWeight).toBe(2);
    expect(store.get().cooperation?.response.pairs).toEqual([]);
    // Each refinement is a step of its own: undo returns to the pairs.
    actions.undo();
    expect(store.get().cooperation?.response.pairs).toHaveLength(1);
  });

  it('a member counts for the party its office chain reaches, through offices between', () => {
    expect(partyOf(pair, 'person:minister')?.id).toBe('country:uk');
    expect(partyOf(pair, 'org:home-office')?.id).toBe('country:uk');
    expect(partyOf(pair, 'person:nobody')).toBeNull();
  });

  it('adding a pair to the explorer brings its members and their relationships', () => {
    const g = pairGraph(pair);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(
      [
        'country:uk',
        'country:us',
        'forum:summit',
        'forum:talks',
        'org:home-office',
        'person:minister',
      ].sort(),
    );
    expect(g.edges).toHaveLength(pair.edges.length + pair.memberEdges!.length);
  });
});
