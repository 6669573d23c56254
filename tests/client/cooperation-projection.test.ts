// The cooperation projection: one synthetic, weighted edge per pair, ids that cannot collide with real ones.
import { describe, expect, it } from 'vitest';
import type { CooperationResponse, GraphNode } from '../../contract/index.js';
import {
  cooperationEdgeId,
  isCooperationEdgeId,
  pairGraph,
  pairOfEdge,
  projectCooperation,
} from '../../client/src/model/cooperation-projection.js';

const node = (id: string, labels: GraphNode['labels'] = ['Actor', 'Country']): GraphNode => ({
  id,
  name: id.toUpperCase(),
  labels,
  properties: {},
});
const fr = node('country:fr');
const uk = node('country:uk');
const us = node('country:us');
const fcm = node('forum:fcm', ['Forum']);
const deal = node('agreement:deal', ['Agreement']);

const response: CooperationResponse = {
  threat: node('threat:terrorism', ['ThreatType']),
  threats: ['threat:terrorism'],
  pairs: [
    {
      a: fr,
      b: uk,
      via: [fcm, deal],
      edges: [
        {
          id: 'country:fr|PARTICIPATED_IN|forum:fcm',
          type: 'PARTICIPATED_IN',
          source: fr.id,
          target: fcm.id,
          properties: {},
        },
        {
          id: 'country:uk|PARTICIPATED_IN|forum:fcm',
          type: 'PARTICIPATED_IN',
          source: uk.id,
          target: fcm.id,
          properties: {},
        },
        {
          id: 'country:fr|PARTY_TO|agreement:deal',
          type: 'PARTY_TO',
          source: fr.id,
          target: deal.id,
          properties: {},
        },
        {
          id: 'country:uk|PARTY_TO|agreement:deal',
          type: 'PARTY_TO',
          source: uk.id,
          target: deal.id,
          properties: {},
        },
      ],
    },
    { a: uk, b: us, via: [fcm], edges: [] },
  ],
  graph: { nodes: [], edges: [] },
};

describe('cooperation projection', () => {
  it('draws each actor once and one edge per pair, weighted by the forums and agreements in common', () => {
    const g = projectCooperation(response);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(['country:fr', 'country:uk', 'country:us']);
    expect(g.edges.map((e) => [e.id, e.source, e.target, e.properties['weight']])).toEqual([
      ['coop:country:fr~country:uk', 'country:fr', 'country:uk', 2],
      ['coop:country:uk~country:us', 'country:uk', 'country:us', 1],
    ]);
  });

  it('gives synthetic edges ids no real relationship id can have', () => {
    const real = 'country:fr|COOPERATES_WITH|country:uk';
    expect(isCooperationEdgeId(real)).toBe(false);
    expect(isCooperationEdgeId(cooperationEdgeId('country:fr', 'country:uk'))).toBe(true);
    expect(cooperationEdgeId('country:fr', 'country:uk')).not.toBe(real);
  });

  it('finds the pair behind an edge and the real subgraph that supports it', () => {
    const pair = pairOfEdge(response, 'coop:country:fr~country:uk');
    expect(pair?.via.map((v) => v.id)).toEqual(['forum:fcm', 'agreement:deal']);
    const g = pairGraph(pair!);
    expect(g.nodes.map((n) => n.id)).toEqual(['country:fr', 'country:uk', 'forum:fcm', 'agreement:deal']);
    expect(g.edges).toHaveLength(4);
    expect(pairOfEdge(response, 'coop:nobody~nowhere')).toBeNull();
  });
});
