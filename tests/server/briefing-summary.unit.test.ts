// The briefing's summary paragraph says what the graph says: its rankings agree with the figures it prints, and
// "cooperate directly" means a cooperation claim, as sure as that claim, not any link between two actors.
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../contract/index.js';
import { summarise } from '../../server/src/services/briefing/summary.js';

const node = (id: string, name: string, labels: GraphNode['labels']): GraphNode => ({
  id,
  name,
  labels,
  properties: {},
});
const country = (id: string, name: string) => node(id, name, ['Actor', 'Country']);
const forum = (id: string, name: string) => node(id, name, ['Forum']);
const threat = (id: string, name: string) => node(id, name, ['ThreatType']);
let next = 0;
const edge = (
  type: string,
  source: string,
  target: string,
  properties: Record<string, unknown> = {},
): GraphEdge => ({
  id: `e${next++}`,
  type,
  source,
  target,
  properties: { confidence: 'confirmed', ...properties },
});

/** Four countries, four forums; Esteria and Norland share two forums and a recommended partnership only. */
function graph(extra: GraphEdge[] = []): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = [
    country('c:a', 'Arvenia'),
    country('c:e', 'Esteria'),
    country('c:n', 'Norland'),
    country('c:o', 'Ostmark'),
    forum('f:1', 'Harbour Security Dialogue'),
    forum('f:2', 'Northern Policing Summit'),
    forum('f:3', 'Coastal Patrol Compact'),
    forum('f:4', 'Data Exchange Forum'),
    threat('t:smuggling', 'Smuggling'),
    threat('t:fuel', 'Fuel smuggling'),
    threat('t:arms', 'Arms smuggling'),
    threat('t:cyber', 'Cybercrime'),
  ];
  const edges = [
    // Arvenia: three forums. Esteria and Norland: two each, the same two. Ostmark: one.
    edge('PARTICIPATED_IN', 'c:a', 'f:1'),
    edge('PARTICIPATED_IN', 'c:a', 'f:2'),
    edge('PARTICIPATED_IN', 'c:a', 'f:3'),
    edge('PARTICIPATED_IN', 'c:e', 'f:1'),
    edge('PARTICIPATED_IN', 'c:e', 'f:4'),
    edge('PARTICIPATED_IN', 'c:n', 'f:1'),
    edge('PARTICIPATED_IN', 'c:n', 'f:4'),
    edge('PARTICIPATED_IN', 'c:o', 'f:2'),
    // Links between actors that are no cooperation: a recommendation (and a second one, to pile up links).
    edge('RECOMMENDED_PARTNER', 'c:e', 'c:n', { confidence: 'speculative' }),
    edge('RECOMMENDED_PARTNER', 'c:e', 'c:o', { confidence: 'speculative' }),
    // Cybercrime addressed by two forums; smuggling by one, with two sub-threats addressed by no one.
    edge('ADDRESSES', 'f:2', 't:cyber'),
    edge('ADDRESSES', 'f:3', 't:cyber'),
    edge('ADDRESSES', 'f:1', 't:smuggling'),
    edge('SUBTYPE_OF', 't:fuel', 't:smuggling'),
    edge('SUBTYPE_OF', 't:arms', 't:smuggling'),
    ...extra,
  ];
  return { nodes, edges };
}

/** The "most connected actors" sentence's actors and the forum counts it prints, in its order. */
function mostConnected(text: string): { names: string[]; forums: number[] } {
  const sentence = /The most connected actors are ([^.]*)\./.exec(text)?.[1];
  expect(sentence, text).toBeDefined();
  const items = [...sentence!.matchAll(/([A-Z][a-z]+) \((\d+) forums?/g)];
  return { names: items.map((m) => m[1]!), forums: items.map((m) => Number(m[2])) };
}

describe('briefing summary', () => {
  it('ranks the most connected actors by what it prints beside them, recommendations not counted', () => {
    const { nodes, edges } = graph();
    const text = summarise(nodes, edges, 1);
    const { names, forums } = mostConnected(text);
    // Esteria has two forums and two recommended partners: it must not come before an actor with more forums.
    expect(names[0]).toBe('Arvenia');
    expect(forums).toEqual([...forums].sort((a, b) => b - a));
    expect(text).not.toMatch(/direct partner/);
  });

  it('says "cooperate directly" only for a cooperation claim, as sure as that claim', () => {
    // Esteria and Norland share two forums and a recommendation: no direct cooperation is claimed.
    const { nodes, edges } = graph();
    const plain = summarise(nodes, edges, 1);
    expect(plain).toMatch(
      /Esteria and Norland work together most closely: they share 2 forums and agreements/,
    );
    expect(plain).not.toMatch(/cooperate directly/);

    const withClaim = (properties: Record<string, unknown>): string => {
      const { nodes, edges } = graph([edge('COOPERATES_WITH', 'c:n', 'c:e', properties)]);
      return summarise(nodes, edges, 1);
    };
    expect(withClaim({})).toMatch(
      /Esteria and Norland work together most closely: .*, and cooperate directly\./,
    );
    expect(withClaim({ confidence: 'reported' })).toMatch(/, and are reported to cooperate directly\./);
    expect(withClaim({ confidence: 'speculative' })).toMatch(/, and may cooperate directly\./);
    expect(withClaim({ disputed: true })).toMatch(
      /, and sources disagree on whether they cooperate directly\./,
    );
    // The claim makes each a direct partner of the other, said beside their forums.
    expect(withClaim({})).toMatch(/Esteria \(2 forums and agreements, 1 direct partner\)/);
  });

  it('prefers the pair that cooperates directly when two pairs share as many forums', () => {
    // Arvenia and Ostmark share one forum and cooperate directly (score 2), Esteria and Norland share two (score
    // 2): the tie goes to the pair sharing more forums.
    const { nodes, edges } = graph([edge('COOPERATES_WITH', 'c:a', 'c:o')]);
    expect(summarise(nodes, edges, 1)).toMatch(/Esteria and Norland work together most closely/);
    // With a second shared forum, Arvenia and Ostmark lead (score 3).
    const more = graph([edge('COOPERATES_WITH', 'c:a', 'c:o'), edge('PARTICIPATED_IN', 'c:o', 'f:3')]);
    expect(summarise(more.nodes, more.edges, 1)).toMatch(
      /Arvenia and Ostmark work together most closely: they share 2 forums and agreements, .*, and cooperate directly\./,
    );
  });

  it('counts a threat as addressed by forums and actors, not by its own sub-threats', () => {
    const { nodes, edges } = graph();
    // Smuggling is linked to three nodes, one of them a forum; cybercrime to two forums. Unaddressed sub-threats
    // are not named.
    expect(summarise(nodes, edges, 1)).toMatch(
      /The threats most often addressed are cybercrime and smuggling\./,
    );
  });
});
