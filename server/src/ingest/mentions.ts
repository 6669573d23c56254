// Finds every mention in one pass per sentence over three indexes: the graph's vocabulary, this article's
// candidates and the built-in lexicon. Built-in entries become candidates, or link to the graph node they name.
import type { CandidateSet } from './candidates.js';
import type { Doc } from './doc.js';
import type { Covered } from './names.js';
import type { LexValue, VocabularyIndex } from './lexicon.js';
import { nameKey, nameWords } from './normalise.js';
import { caseRuleFor, matchAll, PhraseIndex, type PhraseMatch } from './phrase-index.js';
import type { CandidateLabel, EndRef, Mention, MentionVia } from './types.js';

/** A mention with its token range, as the relation rules use it. */
export interface TokenMention extends Mention {
  ts: number;
  te: number;
  /** A word for the fight against a threat ("counter-terrorism"). */
  topic?: boolean;
}

/** Token ranges covered by vocabulary or lexicon names, for the name finder to leave alone; `places` also marks
 * capitals and demonyms, which may stand inside a longer name ("Albanian State Police"). */
export function coveredTokens(
  doc: Doc,
  indexes: readonly PhraseIndex<LexValue>[],
): { covered: Covered; places: Covered } {
  const covered: (readonly [number, number, string] | undefined)[] = new Array(doc.tokens.length);
  const places: (readonly [number, number, string] | undefined)[] = new Array(doc.tokens.length);
  for (const s of doc.sentences)
    for (const m of matchAll(indexes, doc.tokens, s.tokenStart, s.tokenEnd)) {
      const v = m.entry.value;
      const range = [m.tokenStart, m.tokenEnd, v.label] as const;
      if (v.label === 'Country') for (let i = m.tokenStart; i < m.tokenEnd; i++) places[i] = range;
      if (v.kind === 'builtin' && (v.via === 'demonym' || v.via === 'capital')) continue;
      for (let i = m.tokenStart; i < m.tokenEnd; i++) covered[i] = range;
    }
  return { covered, places };
}

const PROPER: ReadonlySet<CandidateLabel> = new Set(['Country', 'Person', 'Organization', 'Forum']);

/** An index of the candidates' names and aliases. */
export function candidateIndex(doc: Doc, set: CandidateSet): PhraseIndex<LexValue> {
  const idx = new PhraseIndex<LexValue>();
  for (const c of set.all())
    for (const surface of set.phrases(c.key)) {
      const words = nameWords(surface, doc.normaliseWord);
      if (words.length)
        idx.add(words, {
          value: { kind: 'candidate', key: c.key, label: c.label },
          caseRule: caseRuleFor(surface, PROPER.has(c.label)),
        });
    }
  return idx;
}

/** Resolves a match to a graph node or a candidate (creating built-in candidates on first sight). */
function refOf(
  doc: Doc,
  m: PhraseMatch<LexValue>,
  vocab: VocabularyIndex,
  set: CandidateSet,
): { ref: EndRef; via: MentionVia } {
  const v = m.entry.value;
  if (v.kind === 'node') return { ref: { nodeId: v.nodeId }, via: 'vocabulary' };
  if (v.kind === 'candidate') return { ref: { candidateKey: set.resolve(v.key) }, via: 'name' };
  for (const n of [v.name, ...v.aliases]) {
    const hit = vocab.byKey.get(`${v.label}:${nameKey(n, doc.normaliseWord)}`);
    if (hit) return { ref: { nodeId: hit.nodeId }, via: v.via };
  }
  const start = doc.tokens[m.tokenStart]!.start;
  const end = doc.tokens[m.tokenEnd - 1]!.end;
  const surface = doc.text.slice(start, end);
  const aliases = [...v.aliases];
  if (v.via === 'lexicon' && !v.topic && v.label !== 'Country') aliases.push(surface);
  // A capital or demonym alone ("the Yaoundé process", "European") is weak evidence that the country itself is a
  // subject: below the cut, unless it is named outright or a relationship needs it (see extract.ts).
  const score = v.via === 'lexicon' ? 0.9 : 0.3;
  const key = set.add({
    label: v.label,
    name: v.name,
    key: v.key,
    start,
    end,
    rule: `lexicon:${v.via}`,
    score,
    aliases,
  });
  return { ref: { candidateKey: key }, via: v.via };
}

/** Every mention in the article, sentence by sentence. */
export function findMentions(
  doc: Doc,
  vocab: VocabularyIndex,
  builtin: PhraseIndex<LexValue>,
  set: CandidateSet,
): TokenMention[] {
  const indexes = [vocab.index, candidateIndex(doc, set), builtin];
  const out: TokenMention[] = [];
  const geographic = doc.rules.places.geographicPrefixes.map((p) => p.split(/\s+/));
  const afterGeographic = (i: number) =>
    geographic.some((p) => p.every((w, k) => doc.tokens[i - p.length + k]?.norm === w));
  for (const s of doc.sentences)
    for (const m of matchAll(indexes, doc.tokens, s.tokenStart, s.tokenEnd)) {
      if (
        m.entry.value.kind === 'builtin' &&
        m.entry.value.label === 'Country' &&
        afterGeographic(m.tokenStart)
      )
        continue;
      const { ref, via } = refOf(doc, m, vocab, set);
      const start = doc.tokens[m.tokenStart]!.start;
      const end = doc.tokens[m.tokenEnd - 1]!.end;
      const v = m.entry.value;
      if ('candidateKey' in ref) set.countMention(ref.candidateKey);
      out.push({
        start,
        end,
        text: doc.text.slice(start, end),
        label: v.label,
        ref,
        sentence: s.index,
        via,
        ts: m.tokenStart,
        te: m.tokenEnd,
        topic: v.kind === 'builtin' ? v.topic : undefined,
      });
      // A threat named inside a technology ("financial crime analytics") is mentioned too.
      if (v.label === 'Technology')
        for (const inner of matchAll([builtin], doc.tokens, m.tokenStart, m.tokenEnd)) {
          const iv = inner.entry.value;
          if (iv.label !== 'ThreatType') continue;
          const r = refOf(doc, inner, vocab, set);
          if ('candidateKey' in r.ref) set.countMention(r.ref.candidateKey);
          const [a, b] = [doc.tokens[inner.tokenStart]!.start, doc.tokens[inner.tokenEnd - 1]!.end];
          out.push({
            start: a,
            end: b,
            text: doc.text.slice(a, b),
            label: iv.label,
            ref: r.ref,
            sentence: s.index,
            via: r.via,
            ts: inner.tokenStart,
            te: inner.tokenEnd,
          });
        }
    }
  return out;
}
