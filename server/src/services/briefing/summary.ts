// The briefing's opening paragraph, written from the graph: the most connected actors, the forums and agreements
// that join them, the threats they address, and how much of it is hedged or disputed.
import { CONFIDENCE_LEVELS, isConfidence, KINDS, type Confidence } from '../../../../model/index.js';
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

/** How surely two actors cooperate directly, from their COOPERATES_WITH claims: the surest claim decides. */
type Direct = Confidence | 'disputed' | null;
/** Least sure first: no claim, a disputed one, then the model's levels from the least sure. */
const SURENESS: readonly Direct[] = [null, 'disputed', ...[...CONFIDENCE_LEVELS].reverse()];

/**
 * One paragraph on who cooperates with whom on what: counts of the selection, the most connected actors (by the
 * forums and agreements linked to them, then by their direct partners), the pair sharing most, the forums and
 * agreements joining most actors, the threats most addressed, and the share of hedged and disputed claims.
 * "Direct partners" and "cooperate directly" mean a COOPERATES_WITH claim, said as surely as its surest claim:
 * a recommended partnership, an office held or a part of a whole is no cooperation.
 */
export function summarise(nodes: GraphNode[], edges: GraphEdge[], sourceCount: number): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const role = new Map(nodes.map((n) => [n.id, roleOf(n)]));
  const links = new Map(nodes.map((n) => [n.id, new Set<string>()]));
  const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  /** Per pair of actors, how surely they cooperate directly. */
  const direct = new Map<string, Direct>();
  const partners = new Map(nodes.map((n) => [n.id, new Set<string>()]));
  for (const e of edges) {
    if (e.source === e.target) continue;
    links.get(e.source)?.add(e.target);
    links.get(e.target)?.add(e.source);
    if (e.type !== 'COOPERATES_WITH' || !partners.has(e.source) || !partners.has(e.target)) continue;
    partners.get(e.source)!.add(e.target);
    partners.get(e.target)!.add(e.source);
    const c = e.properties.confidence;
    const how: Direct = e.properties.disputed === true ? 'disputed' : isConfidence(c) ? c : 'confirmed';
    const key = pairKey(e.source, e.target);
    if (SURENESS.indexOf(how) > SURENESS.indexOf(direct.get(key) ?? null)) direct.set(key, how);
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

  // Ranked by what the sentence says of each: forums and agreements first, direct partners next.
  const reachOf = new Map(
    actors.map((a) => [a.id, { joiners: joinersOf(a.id).length, partners: partners.get(a.id)!.size }]),
  );
  const top = actors
    .filter((a) => reachOf.get(a.id)!.joiners + reachOf.get(a.id)!.partners > 0)
    .sort((a, b) => {
      const x = reachOf.get(a.id)!;
      const y = reachOf.get(b.id)!;
      return y.joiners - x.joiners || y.partners - x.partners || a.name.localeCompare(b.name, 'en');
    })
    .slice(0, NAMED.actors);
  if (top.length) {
    const what = (a: GraphNode): string => {
      const { joiners: j, partners: p } = reachOf.get(a.id)!;
      return [
        ...(j ? [plural(j, 'forum or agreement', 'forums and agreements')] : []),
        ...(p ? [plural(p, 'direct partner', 'direct partners')] : []),
      ].join(', ');
    };
    const said = top.map(what);
    parts.push(
      top.length === 1
        ? `${capitalise(nounPhrase(top[0]!))} is the most connected actor, linked to ${said[0]!}.`
        : said.every((w) => w === said[0])
          ? `The most connected actors are ${joinWords(top.map(nounPhrase))}, each linked to ${said[0]!}.`
          : `The most connected actors are ${joinWords(top.map((a, i) => `${nounPhrase(a)} (${said[i]!})`))}.`,
    );
  }

  // The pair of actors sharing most forums and agreements (direct cooperation counts as one more; ties go to the
  // pair sharing more forums and agreements, then to the first by name).
  let best: { a: GraphNode; b: GraphNode; shared: string[]; direct: Direct; score: number } | null = null;
  const sorted = [...actors].sort((a, b) => a.name.localeCompare(b.name, 'en'));
  for (let i = 0; i < sorted.length; i++) {
    const ja = new Set(joinersOf(sorted[i]!.id));
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j]!;
      const shared = joinersOf(b.id).filter((x) => ja.has(x));
      const how = direct.get(pairKey(sorted[i]!.id, b.id)) ?? null;
      const score = shared.length + (how ? 1 : 0);
      if (
        shared.length &&
        (!best || score > best.score || (score === best.score && shared.length > best.shared.length))
      )
        best = { a: sorted[i]!, b, shared, direct: how, score };
    }
  }
  if (best && best.shared.length > 1) {
    const rank = (x: GraphNode): number => (top.indexOf(x) < 0 ? Infinity : top.indexOf(x));
    const [a, b] = [best.a, best.b].sort((x, y) => rank(x) - rank(y));
    const shared = best.shared
      .map((id) => byId.get(id)!)
      .sort((x, y) => links.get(y.id)!.size - links.get(x.id)!.size);
    const directly = {
      confirmed: ', and cooperate directly',
      reported: ', and are reported to cooperate directly',
      speculative: ', and may cooperate directly',
      disputed: ', and sources disagree on whether they cooperate directly',
    };
    parts.push(
      `${capitalise(nounPhrase(a!))} and ${nounPhrase(b!)} work together most closely: they share ${plural(shared.length, 'forum or agreement', 'forums and agreements')}` +
        `, among them ${joinWords(shared.slice(0, 2).map(nounPhrase))}${best.direct ? directly[best.direct] : ''}.`,
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

  // Addressed by forums, agreements and actors (a threat's kinds and parents are no one addressing it).
  const addressed = new Map(
    threats.map((t) => [t.id, [...links.get(t.id)!].filter((x) => role.get(x) !== 'threat').length]),
  );
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
