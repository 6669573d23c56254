// Pure path logic: walking a path from its start, writing it as a chain, and the ids to highlight.
import { describe, expect, it } from 'vitest';
import type { Graph, GraphEdge, GraphNode } from '../../contract/index.js';
import { orderPath, pathChain, pathElementIds } from '../../client/src/model/path-steps.js';
import { describeRelationship, relationshipPhrase } from '../../client/src/model/relationship-phrases.js';

const node = (id: string, name: string): GraphNode => ({ id, name, labels: [], properties: {} });
const edge = (source: string, type: string, target: string): GraphEdge => ({
  id: `${source}|${type}|${target}`,
  type,
  source,
  target,
  properties: {},
});

const fr = node('country:fr', 'France');
const uk = node('country:uk', 'United Kingdom');
const fcm = node('forum:fcm', 'Five Country Ministerial');
const noem = node('person:noem', 'Kristi Noem');
/** France -> UK (forward), FCM -> UK (walked backwards), Noem -> FCM (walked backwards), edges shuffled. */
const path: Graph = {
  nodes: [noem, fcm, fr, uk],
  edges: [
    edge('person:noem', 'PARTICIPATED_IN', 'forum:fcm'),
    edge('country:fr', 'COOPERATES_WITH', 'country:uk'),
    edge('forum:fcm', 'HELD_IN', 'country:uk'),
  ],
};

describe('path steps', () => {
  it("walks a path from its start whatever order the edges come in, noting each hop's direction", () => {
    const ordered = orderPath(path, 'country:fr');
    expect(ordered.start.id).toBe('country:fr');
    expect(ordered.steps.map((s) => [s.edge.type, s.to.id, s.forward])).toEqual([
      ['COOPERATES_WITH', 'country:uk', true],
      ['HELD_IN', 'forum:fcm', false],
      ['PARTICIPATED_IN', 'person:noem', false],
    ]);
  });

  it('reads the same path from the other end in reverse', () => {
    const ordered = orderPath(path, 'person:noem');
    expect(ordered.steps.map((s) => s.to.id)).toEqual(['forum:fcm', 'country:uk', 'country:fr']);
    expect(ordered.steps.map((s) => s.forward)).toEqual([true, true, false]);
  });

  it("writes a chain with arrows in each relationship's own direction", () => {
    expect(pathChain(orderPath(path, 'country:fr'))).toBe(
      'France → COOPERATES_WITH → United Kingdom ← HELD_IN ← Five Country Ministerial ← PARTICIPATED_IN ← Kristi Noem',
    );
  });

  it('keeps edges it cannot walk to instead of dropping them', () => {
    const broken: Graph = {
      nodes: [fr, uk],
      edges: [edge('country:fr', 'COOPERATES_WITH', 'country:uk'), edge('forum:x', 'HELD_IN', 'country:y')],
    };
    expect(orderPath(broken, 'country:fr').steps).toHaveLength(2);
  });

  it('highlights one path or, with no index, all of them', () => {
    const other: Graph = { nodes: [fr, uk], edges: [edge('country:uk', 'COOPERATES_WITH', 'country:fr')] };
    const one = pathElementIds([path, other], 1);
    expect([...one.nodeIds].sort()).toEqual(['country:fr', 'country:uk']);
    expect([...one.edgeIds]).toEqual(['country:uk|COOPERATES_WITH|country:fr']);
    expect(pathElementIds([path, other], null).edgeIds.size).toBe(4);
  });
});

describe('relationship phrases', () => {
  it('says a relationship in plain words, in its own direction', () => {
    const names = new Map([
      [fcm.id, fcm.name],
      [noem.id, noem.name],
    ]);
    expect(
      describeRelationship(edge('person:noem', 'PARTICIPATED_IN', 'forum:fcm'), (id) => names.get(id) ?? id),
    ).toBe('Kristi Noem took part in Five Country Ministerial');
  });

  it("falls back to the type's words for a type it does not know", () => {
    expect(relationshipPhrase('SHARES_INTELLIGENCE_WITH')).toBe('shares intelligence with');
  });
});
