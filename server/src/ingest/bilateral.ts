// A bilateral article ("Franco-British cooperation", "Paris-London ties"): the two actors its pair compound names
// are the parties to what the article only describes ("shared resources for cybercrime investigations"), and such
// a description is named after the pair the text itself uses, so that the graph can tell it from others.
import type { CandidateSet } from './candidates.js';
import type { Doc } from './doc.js';
import type { TokenMention } from './mentions.js';
import { refKey, type ProposalSink } from './proposals.js';
import type { EndRef } from './types.js';

/** Candidates named by description rather than by a proper name. */
const DESCRIBED = new Set([
  'text:creation-object',
  'list:initiative-item',
  'table:initiative-cell',
  'table:owner-initiative',
]);
const ACTOR_TYPES = new Set(['PARTY_TO', 'PARTICIPATED_IN', 'LEADS', 'MEMBER_OF']);
/** Share of all actor mentions the pair must have for the article to be about the two of them. */
const DOMINANCE = 0.6;
/** How a pair is named, best first: adjectives and names ("Franco-British", "UK-US") before capitals ("Paris-London"). */
const VIA_RANK: Record<string, number> = { demonym: 0, lexicon: 0, name: 0, vocabulary: 0, capital: 1 };

interface Pair {
  refs: [EndRef, EndRef];
  compound: string;
  sentence: number;
}

/** The pair compound of a bilateral article, if it has one. */
function findPair(doc: Doc, mentions: readonly TokenMention[]): Pair | undefined {
  const actors = mentions.filter(
    (m) => (m.label === 'Country' || m.label === 'Organization') && m.via !== 'anaphor',
  );
  const counts = new Map<string, number>();
  for (const m of actors) counts.set(refKey(m.ref), (counts.get(refKey(m.ref)) ?? 0) + 1);
  const sorted = [...actors].sort((a, b) => a.ts - b.ts);
  let best: (Pair & { rank: number }) | undefined;
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    const dash = doc.tokens[a.te];
    if (b.ts !== a.te + 1 || !dash || !/^[-–]$/.test(dash.text) || refKey(a.ref) === refKey(b.ref)) continue;
    const rank = Math.max(VIA_RANK[a.via] ?? 1, VIA_RANK[b.via] ?? 1);
    if (best && best.rank <= rank) continue;
    best = {
      refs: [a.ref, b.ref],
      compound: doc.text.slice(a.start, b.end),
      sentence: a.sentence,
      rank,
    };
  }
  if (!best) return undefined;
  const share = best.refs.reduce((n, r) => n + (counts.get(refKey(r)) ?? 0), 0) / actors.length;
  return share >= DOMINANCE ? best : undefined;
}

/** Names the article's described forums and agreements after its pair, and makes the pair their parties when the
 * text names no other. */
export function applyBilateral(
  doc: Doc,
  mentions: readonly TokenMention[],
  set: CandidateSet,
  sink: ProposalSink,
): void {
  const pair = findPair(doc, mentions);
  if (!pair) return;
  const pairKeys = new Set(pair.refs.map(refKey));
  const actorsOf = new Map<string, Set<string>>();
  for (const r of sink.all())
    if (ACTOR_TYPES.has(r.type) && 'candidateKey' in r.to) {
      const k = set.resolve(r.to.candidateKey);
      actorsOf.set(k, (actorsOf.get(k) ?? new Set()).add(refKey(r.from)));
    }
  const labelOf = new Map(mentions.map((m) => [refKey(m.ref), m.label]));
  for (const c of set.all()) {
    if ((c.label !== 'Agreement' && c.label !== 'Forum') || !DESCRIBED.has(c.rule) || c.mentionCount === 0)
      continue;
    if (
      c.name
        .split(/\s+/)
        .slice(1)
        .some((w) => /^\p{Lu}/u.test(w))
    )
      continue;
    const actors = actorsOf.get(c.key) ?? new Set<string>();
    if ([...actors].some((a) => !pairKeys.has(a))) continue;
    const first = /^\p{Lu}\p{Ll}/u.test(c.name) ? c.name[0]!.toLowerCase() + c.name.slice(1) : c.name;
    set.rename(c.key, `${pair.compound} ${first}`);
    if (actors.size) continue;
    const sentence = doc.sentences.findIndex((s) => s.start <= c.first.start && c.first.start < s.end);
    if (sentence < 0) continue;
    for (const ref of pair.refs)
      sink.add({
        type: c.label === 'Agreement' ? 'PARTY_TO' : 'PARTICIPATED_IN',
        from: { ref, label: labelOf.get(refKey(ref)) ?? 'Country' },
        to: { ref: { candidateKey: c.key }, label: c.label },
        sentences: [sentence],
        rule: 'bilateral:pair',
        score: 0.5,
        context: [pair.sentence],
      });
  }
}
