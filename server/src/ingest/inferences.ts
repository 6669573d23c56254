// Relationships that follow from others the article states: the ministry a titled holder runs ("Home Secretary" and
// the "Home Office" the text names), that ministry being part of the holder's country, and two countries that sign
// one agreement together cooperating. Each keeps the sentences it rests on as its evidence.
import type { Doc } from './doc.js';
import type { TokenMention } from './mentions.js';
import { refKey, type ProposalSink } from './proposals.js';
import type { CandidateLabel, EndRef, RelationshipSuggestion } from './types.js';

/** Words of a name or title, lower case, spelling folded, split on spaces and hyphens. */
function wordsOf(doc: Doc, s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => doc.normaliseWord(w));
}

/** Applies the three inferences over what the other rules proposed. `sentenceAt` maps an offset to its sentence. */
export function applyInferences(
  doc: Doc,
  mentions: readonly TokenMention[],
  sink: ProposalSink,
  nameOf: (ref: EndRef) => string | undefined,
  sentenceAt: (offset: number) => number,
  labelOfRef: (ref: EndRef) => CandidateLabel | undefined,
): void {
  const labelOf = new Map<string, CandidateLabel>();
  const firstSentence = new Map<string, number>();
  for (const m of mentions) {
    if (m.via === 'anaphor') continue;
    labelOf.set(refKey(m.ref), m.label);
    if (!firstSentence.has(refKey(m.ref))) firstSentence.set(refKey(m.ref), m.sentence);
  }
  // Ends named only inside another name ("Bolivia" in "Bolivia's Interior Ministry") have no mention of their own.
  for (const r of sink.all())
    for (const e of [r.from, r.to])
      if (!labelOf.has(refKey(e))) {
        const label = labelOfRef(e);
        if (label) labelOf.set(refKey(e), label);
      }
  const end = (ref: EndRef) => ({
    ref,
    label: labelOf.get(refKey(ref)) ?? ('Organization' as CandidateLabel),
  });
  const sentencesOf = (r: RelationshipSuggestion) => [...new Set(r.evidence.map((e) => sentenceAt(e.start)))];
  portfolioMinistries(doc, mentions, sink, nameOf, sentencesOf, firstSentence, labelOf, end);
  ministriesOfCountries(doc, sink, nameOf, sentencesOf, labelOf, end);
  coSignatories(sink, sentencesOf, labelOf, end);
}

const isMinistry = (doc: Doc, name: string | undefined) =>
  !!name && wordsOf(doc, name).some((w) => doc.rules.titles.ministryWords.includes(w));

/** "UK Home Secretary Mahmood" and, elsewhere, "the Home Office": Mahmood holds office there. */
function portfolioMinistries(
  doc: Doc,
  mentions: readonly TokenMention[],
  sink: ProposalSink,
  nameOf: (ref: EndRef) => string | undefined,
  sentencesOf: (r: RelationshipSuggestion) => number[],
  firstSentence: ReadonlyMap<string, number>,
  labelOf: ReadonlyMap<string, CandidateLabel>,
  end: (ref: EndRef) => { ref: EndRef; label: CandidateLabel },
): void {
  const t = doc.rules.titles;
  const skip = new Set(
    [...t.heads, ...t.ignoreInTitle, ...t.notPortfolio, ...t.honorifics].flatMap((w) => wordsOf(doc, w)),
  );
  // Words of the countries the article names: "UK" in "UK Home Secretary" is the owner, not the portfolio.
  for (const m of mentions) if (m.label === 'Country') for (const w of wordsOf(doc, m.text)) skip.add(w);
  const ministries = new Map<string, { ref: EndRef; words: Set<string> }>();
  for (const m of mentions) {
    if (m.label !== 'Organization' || m.via === 'anaphor') continue;
    const name = nameOf(m.ref);
    if (isMinistry(doc, name))
      ministries.set(refKey(m.ref), { ref: m.ref, words: new Set(wordsOf(doc, name!)) });
  }
  if (!ministries.size) return;
  const all = sink.all();
  // A ministry another country owns ("Libya's Interior Ministry") is not the Italian interior minister's.
  const countryOf = (k: string, type: string) =>
    all.find((r) => r.type === type && refKey(r.from) === k && labelOf.get(refKey(r.to)) === 'Country')?.to;
  for (const r of all) {
    if (r.type !== 'HOLDS_OFFICE' || !r.properties.title) continue;
    const portfolio = wordsOf(doc, r.properties.title).filter((w) => !skip.has(w));
    if (!portfolio.length) continue;
    const hits = [...ministries.values()].filter((o) => portfolio.every((w) => o.words.has(w)));
    if (hits.length !== 1 || refKey(hits[0]!.ref) === refKey(r.to)) continue;
    const org = hits[0]!.ref;
    const owner = countryOf(refKey(org), 'PART_OF');
    const holder = countryOf(refKey(r.from), 'HOLDS_OFFICE');
    if (owner && (!holder || refKey(owner) !== refKey(holder))) continue;
    const own = sentencesOf(r);
    const where = firstSentence.get(refKey(org));
    sink.add({
      type: 'HOLDS_OFFICE',
      from: end(r.from),
      to: end(org),
      sentences: where === undefined || own.includes(where) ? own : [...own, where],
      rule: 'inference:portfolio-ministry',
      score: 0.6,
      properties: { title: r.properties.title },
    });
  }
}

/** A person who holds office in one country and in a ministry: the ministry is that country's. */
function ministriesOfCountries(
  doc: Doc,
  sink: ProposalSink,
  nameOf: (ref: EndRef) => string | undefined,
  sentencesOf: (r: RelationshipSuggestion) => number[],
  labelOf: ReadonlyMap<string, CandidateLabel>,
  end: (ref: EndRef) => { ref: EndRef; label: CandidateLabel },
): void {
  const all = sink.all();
  const partOf = new Set(all.filter((r) => r.type === 'PART_OF').map((r) => refKey(r.from)));
  const offices = new Map<string, RelationshipSuggestion[]>();
  for (const r of all)
    if (r.type === 'HOLDS_OFFICE') offices.set(refKey(r.from), [...(offices.get(refKey(r.from)) ?? []), r]);
  for (const held of offices.values()) {
    const countries = held.filter((r) => labelOf.get(refKey(r.to)) === 'Country');
    if (countries.length !== 1) continue;
    const c = countries[0]!;
    for (const r of held) {
      if (labelOf.get(refKey(r.to)) !== 'Organization' || partOf.has(refKey(r.to))) continue;
      if (!isMinistry(doc, nameOf(r.to))) continue;
      sink.add({
        type: 'PART_OF',
        from: end(r.to),
        to: end(c.to),
        sentences: [...new Set([...sentencesOf(r), ...sentencesOf(c)])],
        rule: 'inference:ministry-of-country',
        score: 0.55,
      });
    }
  }
}

/** "Colombia and Spain signed a memorandum": two countries, and only those two, party to it in one sentence. */
function coSignatories(
  sink: ProposalSink,
  sentencesOf: (r: RelationshipSuggestion) => number[],
  labelOf: ReadonlyMap<string, CandidateLabel>,
  end: (ref: EndRef) => { ref: EndRef; label: CandidateLabel },
): void {
  const parties = new Map<string, RelationshipSuggestion[]>();
  for (const r of sink.all())
    if (r.type === 'PARTY_TO' && labelOf.get(refKey(r.from)) === 'Country')
      parties.set(refKey(r.to), [...(parties.get(refKey(r.to)) ?? []), r]);
  for (const ps of parties.values()) {
    if (ps.length !== 2) continue;
    const [a, b] = ps as [RelationshipSuggestion, RelationshipSuggestion];
    const shared = sentencesOf(a).filter((s) => sentencesOf(b).includes(s));
    if (!shared.length) continue;
    sink.add({
      type: 'COOPERATES_WITH',
      from: end(a.from),
      to: end(b.from),
      sentences: shared,
      rule: 'inference:co-signatories',
      score: 0.55,
    });
  }
}
