// The briefing's opening paragraph, written from the graph: the most connected actors, the forums and agreements
// that join them, the threats they address, and how much of it is hedged or disputed.
import { KINDS } from '../../../../model/index.js';
import type { GraphEdge, GraphNode } from '../../../../contract/index.js';
import { capitalise, joinWords, nodeKind, nounPhrase } from './phrases.js';

/** How many actors, joining forums/agreements and threats the paragraph names (the rest are counted). */
const NAMED = { actors: 4, joiners: 3, threats: 4 } as const;

type Role = 'actor' | 'joiner' | 'threat' | 'other';

function roleOf(node: GraphNode): Role {
  const kind = nodeKind(node);
  if (kind === 'Other') return node.labels.includes('Actor') ? 'actor' : 'other';
  if (KINDS[kind].family === 'Actor') return 'actor';
  if (kind === 'Forum' || kind === 'Agreement' || kind === 'Event') return 'joiner';
  return kind === 'ThreatType' ? 'threat' : 'other';
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Nodes ranked by a count (most first), ties by name. */
function ranked(counts: Map<string, number>, byId: Map<string, GraphNode>): GraphNode[] {
  return [...counts.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || byId.get(a[0])!.name.localeCompare(byId.get(b[0])!.name, 'en'))
    .map(([id]) => byId.get(id)!);
}

/** "the A, the B and 3 others". */
function named(nodes: GraphNode[], max: number, others: string): string {
  const shown = nodes.slice(0, max).map(nounPhrase);
  const rest = nodes.length - shown.length;
  return joinWords(rest > 0 ? [...shown, plural(rest, `other ${others}`, `other ${others}s`)] : shown);
}

/**
 * One paragraph on who cooperates with whom on what: counts of the selection, the most connected actors (by the
 * forums, agreements and partners linked to them), the pair sharing most, the forums and agreements joining most
 * actors, the threats most addressed, and the share of hedged and disputed claims.
 */
export function summarise(nodes: GraphNode[], edges: GraphEdge[], sourceCount: number): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const role = new Map(nodes.map((n) => [n.id, roleOf(n)]));
  const links = new Map(nodes.map((n) => [n.id, new Set<string>()]));
  for (const e of edges) {
    if (e.source === e.target) continue;
    links.get(e.source)?.add(e.target);
    links.get(e.target)?.add(e.source);
  }
  const ofRole = (r: Role) => nodes.filter((n) => role.get(n.id) === r);
  const actors = ofRole('actor');
  const joiners = ofRole('joiner');
  const threats = ofRole('threat');
  const joinersOf = (id: string) => [...links.get(id)!].filter((x) => role.get(x) === 'joiner');

  if (!nodes.length) return 'This briefing covers an empty selection.';
  const parts: string[] = [];
  parts.push(
    `This briefing covers ${plural(actors.length, 'actor', 'actors')}, ${plural(joiners.length, 'forum or agreement', 'forums and agreements')} and ${plural(threats.length, 'threat', 'threats')}` +
      `, with ${plural(edges.length, 'relationship', 'relationships')} drawn from ${plural(sourceCount, 'source', 'sources')}.`,
  );

  const actorScore = new Map(
    actors.map((a) => [a.id, [...links.get(a.id)!].filter((x) => role.get(x) !== 'threat').length]),
  );
  const top = ranked(actorScore, byId).slice(0, NAMED.actors);
  if (top.length) {
    const counts = top.map((a) => joinersOf(a.id).length);
    const same = counts.every((c) => c === counts[0]);
    const what = (n: number) => plural(n, 'forum or agreement', 'forums and agreements');
    parts.push(
      top.length === 1
        ? `${capitalise(nounPhrase(top[0]!))} is the most connected actor, linked to ${what(counts[0]!)}.`
        : same
          ? `The most connected actors are ${joinWords(top.map(nounPhrase))}, each linked to ${what(counts[0]!)}.`
          : `The most connected actors are ${joinWords(top.map((a, i) => `${nounPhrase(a)} (${what(counts[i]!)})`))}.`,
    );
  }

  // The pair of actors sharing most forums and agreements (a direct cooperation link counts as one more).
  let best: { a: GraphNode; b: GraphNode; shared: string[]; direct: boolean } | null = null;
  for (let i = 0; i < actors.length; i++) {
    const ja = new Set(joinersOf(actors[i]!.id));
    for (let j = i + 1; j < actors.length; j++) {
      const b = actors[j]!;
      const shared = joinersOf(b.id).filter((x) => ja.has(x));
      const direct = links.get(actors[i]!.id)!.has(b.id);
      const score = shared.length + (direct ? 1 : 0);
      if (shared.length && (!best || score > best.shared.length + (best.direct ? 1 : 0)))
        best = { a: actors[i]!, b, shared, direct };
    }
  }
  if (best && best.shared.length > 1) {
    const [a, b] = [best.a, best.b].sort((x, y) => (actorScore.get(y.id) ?? 0) - (actorScore.get(x.id) ?? 0));
    const shared = best.shared
      .map((id) => byId.get(id)!)
      .sort((x, y) => links.get(y.id)!.size - links.get(x.id)!.size);
    parts.push(
      `${capitalise(nounPhrase(a!))} and ${nounPhrase(b!)} work together most closely: they share ${plural(shared.length, 'forum or agreement', 'forums and agreements')}` +
        `, among them ${joinWords(shared.slice(0, 2).map(nounPhrase))}${best.direct ? ', and cooperate directly' : ''}.`,
    );
  }

  const reach = new Map(
    joiners.map((j) => [j.id, [...links.get(j.id)!].filter((x) => role.get(x) === 'actor').length]),
  );
  const joining = ranked(reach, byId).filter((j) => reach.get(j.id)! > 1);
  // With two actors every shared forum joins both; the sentence says something only with more actors.
  if (joining.length && actors.length > 2) {
    parts.push(
      `The forums and agreements joining most actors are ${joinWords(
        joining.slice(0, NAMED.joiners).map((j) => `${nounPhrase(j)} (${reach.get(j.id)} actors)`),
      )}.`,
    );
  }

  const addressed = new Map(threats.map((t) => [t.id, links.get(t.id)!.size]));
  const topThreats = ranked(addressed, byId);
  if (topThreats.length)
    parts.push(`The threats most often addressed are ${named(topThreats, NAMED.threats, 'threat')}.`);

  const hedged = edges.filter(
    (e) => e.properties.confidence === 'reported' || e.properties.confidence === 'speculative',
  ).length;
  const disputed = edges.filter((e) => e.properties.disputed === true).length;
  if (hedged || disputed) {
    const be = (n: number): string => (n === 1 ? 'is' : 'are');
    const bits = [
      ...(hedged
        ? [`${plural(hedged, 'claim', 'claims')} ${be(hedged)} reported or speculative rather than confirmed`]
        : []),
      ...(disputed
        ? [
            `${hedged ? disputed : plural(disputed, 'claim', 'claims')} ${be(disputed)} disputed between sources`,
          ]
        : []),
    ];
    parts.push(`${capitalise(joinWords(bits))}; each claim's notes quote its sources.`);
  }
  return parts.join(' ');
}
