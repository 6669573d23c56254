// Relationships read off names and titles: who holds which office ("UK Home Secretary James Cleverly",
// "Juhan Lepassaar, the Executive Director of ENISA"), what a name says it is part of ("UK Home Office",
// "Interpol's Fusion Centre") or who takes part in it ("EU-Japan Cyber Dialogue"), and "Paris-London cooperation".
import type { CandidateSet } from './candidates.js';
import type { Doc } from './doc.js';
import type { LexValue } from './lexicon.js';
import type { TokenMention } from './mentions.js';
import { matchAll, type PhraseIndex } from './phrase-index.js';
import type { End, ProposalSink } from './proposals.js';
import { isWord, tokenize } from './tokens.js';
import type { CandidateLabel, EndRef } from './types.js';

const endOf = (m: TokenMention): End => ({ ref: m.ref, label: m.label, anaphor: m.via === 'anaphor' });
const OWNER: ReadonlySet<CandidateLabel> = new Set(['Country', 'Organization']);

function isTitleWord(doc: Doc, i: number): boolean {
  const n = doc.tokens[i]?.norm ?? '';
  return doc.kw.titleHeads.has(n) || doc.kw.titleModifiers.has(n) || doc.kw.honorifics.has(n);
}
const isHead = (doc: Doc, i: number) => doc.kw.titleHeads.has(doc.tokens[i]?.norm ?? '');

/** The title in [s, e) as written, from its first to its last title or complement word ("Home Secretary",
 * "Secretary of Homeland Security"), without "new", "former", honorifics and a leading possessor. */
function titleText(doc: Doc, s: number, e: number, complementEnd?: number): string {
  const ignore = new Set(doc.rules.titles.ignoreInTitle);
  const ok = (i: number) =>
    isWord(doc.tokens[i]) &&
    isTitleWord(doc, i) &&
    !doc.kw.honorifics.has(doc.tokens[i]!.norm) &&
    !ignore.has(doc.tokens[i]!.norm);
  let a = s;
  while (a < e && !ok(a)) a++;
  let b = complementEnd ?? e;
  while (b > a && !ok(b - 1) && complementEnd === undefined) b--;
  while (b > a && !isWord(doc.tokens[b - 1])) b--;
  return a < b ? doc.text.slice(doc.tokens[a]!.start, doc.tokens[b - 1]!.end) : '';
}

/** HOLDS_OFFICE from the title before or in apposition after each named person. */
export function applyOfficeRules(doc: Doc, ms: readonly TokenMention[], sink: ProposalSink): void {
  const bySentence = new Map<number, TokenMention[]>();
  for (const m of ms) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  for (const p of ms) {
    if (p.label !== 'Person' || p.via === 'anaphor') continue;
    const here = bySentence.get(p.sentence) ?? [];
    const sentence = doc.sentences[p.sentence]!;
    const before = titleBefore(doc, p.ts, sentence.tokenStart, here);
    const after = before ? undefined : titleAfter(doc, p.te, sentence.tokenEnd, here);
    const found = before ?? after;
    if (!found || !found.owner) continue;
    sink.add({
      type: 'HOLDS_OFFICE',
      from: endOf(p),
      to: endOf(found.owner),
      sentences: [p.sentence],
      rule: before ? 'office:title-before' : 'office:title-after',
      score: 0.75,
      properties: found.title ? { title: found.title } : {},
    });
  }
}

interface Office {
  title: string;
  owner?: TokenMention;
}

/** Start token of the title right before a person's name ("Tanzania's Home Affairs Minister" in "… Minister Hamad
 * Masauni"), if there is one. */
export function titleStart(
  doc: Doc,
  ps: number,
  limit: number,
  here: readonly TokenMention[],
): number | undefined {
  const { start, end, heads } = scanTitleBack(doc, ps, limit, here, false);
  return heads && start < end ? start : undefined;
}

/**
 * Walks back from the token before a name over a title's words ("UK Home Secretary", "his Greek counterpart,"),
 * past a final full stop or comma and whole mentions inside it; `linkWords` also lets "of", "the", "for" and
 * "at" belong to it ("Director General of Police"). `heads` counts the title's head words (a title needs one).
 */
function scanTitleBack(
  doc: Doc,
  ps: number,
  limit: number,
  here: readonly TokenMention[],
  linkWords: boolean,
): { start: number; end: number; heads: number } {
  const tk = doc.tokens;
  let i = ps - 1;
  if (tk[i]?.text === '.') i--;
  // "his Greek counterpart, Michalis Chrisochoidis": a title in apposition before the name.
  if (tk[i]?.text === ',') i--;
  const end = i + 1;
  let heads = 0;
  for (; i >= limit; i--) {
    const t = tk[i]!;
    if (isTitleWord(doc, i)) {
      if (isHead(doc, i)) heads++;
      continue;
    }
    const inMention = here.find((m) => m.ts <= i && i < m.te && m.via !== 'anaphor');
    if (inMention) {
      i = inMention.ts;
      continue;
    }
    if (
      t.kind === 'poss' ||
      (t.kind === 'punct' && t.text === '-') ||
      (linkWords && ['of', 'the', 'for', 'at'].includes(t.norm)) ||
      (isWord(t) && t.cap)
    )
      continue;
    break;
  }
  return { start: i + 1, end, heads };
}

/** "UK Home Secretary James Cleverly", "Albania's Director General of Police, Ilir Proda". */
function titleBefore(doc: Doc, ps: number, limit: number, here: readonly TokenMention[]): Office | undefined {
  const tk = doc.tokens;
  const { start, end, heads } = scanTitleBack(doc, ps, limit, here, true);
  if (!heads || start >= end) return undefined;
  const inside = here.filter(
    (m) => m.ts >= start && m.te <= end && OWNER.has(m.label) && m.label !== undefined,
  );
  const ofAt = tk.slice(start, end).findIndex((t) => ['of', 'at', 'for'].includes(t.norm));
  const complement = ofAt >= 0 ? inside.find((m) => m.ts > start + ofAt) : undefined;
  // "Nigeria's Chief of the Naval Staff, Vice Admiral Emmanuel Ogalla": the owner is in the title before the comma.
  if (!complement && !inside.length && tk[start - 1]?.text === ',') {
    const outer = titleBefore(doc, start, limit, here);
    if (outer?.owner) return { title: titleText(doc, start, end), owner: outer.owner };
  }
  return { title: titleText(doc, start, end, complement?.te), owner: complement ?? inside[0] };
}

/** "Juhan Lepassaar, the Executive Director of ENISA", "Dr. Ana Petrovic, a researcher at the Belgrade Centre". */
function titleAfter(doc: Doc, pe: number, limit: number, here: readonly TokenMention[]): Office | undefined {
  const tk = doc.tokens;
  let i = pe;
  if (tk[i]?.text !== ',') return undefined;
  i++;
  if (['the', 'a', 'an'].includes(tk[i]?.norm ?? '')) i++;
  const start = i;
  let heads = 0;
  for (; i < limit && i < start + 8; i++) {
    if (isTitleWord(doc, i)) {
      if (isHead(doc, i)) heads++;
      continue;
    }
    if (isWord(tk[i]) && ['of', 'at', 'for', 'with', 'in'].includes(tk[i]!.norm) && heads) break;
    if (tk[i]!.kind === 'punct' && tk[i]!.text === '-') continue;
    const possessor = here.find((m) => m.ts === i && OWNER.has(m.label));
    if (possessor && tk[possessor.te]?.kind === 'poss') {
      i = possessor.te;
      continue;
    }
    if (isWord(tk[i]) && doc.tags[i]!.has('Adjective') && !heads) continue;
    if (!heads) return undefined;
    break;
  }
  if (!heads) return undefined;
  const title = titleText(doc, start, i);
  const possessor = here.find((m) => m.ts >= start && m.te <= i && OWNER.has(m.label));
  let j = i;
  if (isWord(tk[j]) && ['of', 'at', 'for', 'with', 'in'].includes(tk[j]!.norm)) j++;
  if (tk[j]?.norm === 'the') j++;
  const owner = here.find((m) => m.ts === j && OWNER.has(m.label)) ?? possessor;
  return { title, owner };
}

/** PART_OF, PARTICIPATED_IN and PARTY_TO from what a candidate's own name starts with. */
export function applyNameRules(
  doc: Doc,
  set: CandidateSet,
  /** Vocabulary, candidates, built-in lexicon: in that order. */
  indexes: readonly PhraseIndex<LexValue>[],
  resolve: (v: LexValue) => EndRef | undefined,
  sentenceOfOffset: (offset: number) => number,
  sink: ProposalSink,
): void {
  for (const c of set.all()) {
    if (!['Organization', 'Forum', 'Agreement'].includes(c.label)) continue;
    for (const surface of [c.name, ...c.aliases].slice(0, 3)) {
      const toks = tokenize(surface, doc.normaliseWord);
      // Up to the last word, so the name itself cannot match; without the candidate's own other names.
      let matches = matchAll(indexes, toks, 0, toks.length - 1);
      const self = (m: (typeof matches)[number]) =>
        m.entry.value.kind === 'candidate' && set.resolve(m.entry.value.key) === c.key;
      if (matches.some(self))
        matches = matchAll(indexes.slice(0, 1).concat(indexes.slice(2)), toks, 0, toks.length - 1);
      const prefix = [];
      let k = 0;
      for (const m of matches) {
        if (m.tokenStart !== k) break;
        const v = m.entry.value;
        if (!OWNER.has(v.label) || m.tokenEnd >= toks.length) break;
        prefix.push(v);
        k = m.tokenEnd;
        while (toks[k] && (toks[k]!.kind === 'poss' || toks[k]!.text === '-' || toks[k]!.norm === 'and')) k++;
        if (c.label === 'Organization') break;
      }
      const sentence = sentenceOfOffset(c.first.start);
      if (sentence >= 0 && surface === c.name)
        namedThreats(
          c.key,
          c.label,
          matchAll([indexes[0]!, indexes[2]!], toks, 0, toks.length),
          resolve,
          sentence,
          sink,
        );
      if (!prefix.length) continue;
      if (sentence < 0) continue;
      const type =
        c.label === 'Organization' ? 'PART_OF' : c.label === 'Forum' ? 'PARTICIPATED_IN' : 'PARTY_TO';
      for (const v of prefix) {
        // A capital in a name says where, not who: "Tirana Summit" is held in Albania, "Tirana Declaration" says nothing.
        const capital = v.kind === 'builtin' && v.via === 'capital';
        if (capital && c.label !== 'Forum') continue;
        const ref = resolve(v);
        if (!ref) continue;
        const self: End = { ref: { candidateKey: c.key }, label: c.label };
        const other: End = { ref, label: v.label };
        if (capital) {
          sink.add({
            type: 'HELD_IN',
            from: self,
            to: other,
            sentences: [sentence],
            rule: 'name:capital-prefix',
            score: 0.6,
          });
          continue;
        }
        const [from, to] = type === 'PART_OF' ? [self, other] : [other, self];
        sink.add({ type, from, to, sentences: [sentence], rule: 'name:prefix', score: 0.7 });
      }
      break;
    }
  }
}

/** "Paris-London cooperation", "UK-US talks": two actors joined by a hyphen before a word of cooperation. */
export function applyHyphenPairs(doc: Doc, ms: readonly TokenMention[], sink: ProposalSink): void {
  const cue =
    /^(?:cooperation|co-operation|collaboration|partnership|ties|relationship|relations|talks|dialogue|alliance|agreement|security|intelligence)$/i;
  const sorted = [...ms].sort((a, b) => a.ts - b.ts);
  const recommend = new RegExp(doc.rules.relations.recommendationCue, 'iu');
  for (let i = 0; i + 1 < sorted.length; i++) {
    const a = sorted[i]!;
    const b = sorted[i + 1]!;
    if (!OWNER.has(a.label) || !OWNER.has(b.label) || a.via === 'anaphor' || b.via === 'anaphor') continue;
    const dash = doc.tokens[a.te];
    if (b.ts !== a.te + 1 || !dash || !/^[-–]$/.test(dash.text)) continue;
    const next = [doc.tokens[b.te], doc.tokens[b.te + 1]].find((t) => t && isWord(t) && cue.test(t.text));
    if (!next) continue;
    sink.add({
      type: 'COOPERATES_WITH',
      from: endOf(a),
      to: endOf(b),
      sentences: [a.sentence],
      rule: 'name:hyphen-pair',
      score: 0.65,
    });
    // "Recommendations for Deepening Paris-London Cooperation": each is recommended as the other's partner.
    const line = doc.lines[doc.sentences[a.sentence]!.line]!;
    const governing = [line.index, line.heading].filter((x): x is number => x !== undefined);
    if (governing.some((g) => recommend.test(doc.text.slice(doc.lines[g]!.start, doc.lines[g]!.end))))
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const)
        sink.add({
          type: 'RECOMMENDED_PARTNER',
          from: endOf(x),
          to: endOf(y),
          sentences: [a.sentence],
          rule: 'name:recommended-pair',
          score: 0.55,
        });
  }
}

/** A threat inside a forum's, agreement's or organisation's own name ("Counter-Terrorism Centre", "working group
 * on firearms trafficking"): what it addresses or focuses on. */
function namedThreats(
  key: string,
  label: CandidateLabel,
  matches: readonly { entry: { value: LexValue } }[],
  resolve: (v: LexValue) => EndRef | undefined,
  sentence: number,
  sink: ProposalSink,
): void {
  const type = label === 'Organization' ? 'FOCUSES_ON' : 'ADDRESSES';
  for (const m of matches) {
    const v = m.entry.value;
    if (v.label !== 'ThreatType') continue;
    const ref = resolve(v);
    if (ref)
      sink.add({
        type,
        from: { ref: { candidateKey: key }, label },
        to: { ref, label: 'ThreatType' },
        sentences: [sentence],
        rule: 'name:threat-in-name',
        score: 0.6,
      });
  }
}
