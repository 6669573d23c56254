// Events the text describes without naming them, by their place: "Recent discussions in Paris and London",
// "talks in Geneva". The event is held in each place's country, and when it spans two capitals, both countries
// take part.
import type { CandidateSet } from './candidates.js';
import { isSentenceInitial, textOf, type Doc } from './doc.js';
import type { LexValue } from './lexicon.js';
import type { Covered } from './names.js';
import { matchAll, type PhraseIndex } from './phrase-index.js';
import type { ProposalSink } from './proposals.js';
import { isWord } from './tokens.js';
import type { EndRef } from './types.js';

export const EVENT_RULE = 'text:event-in-place';

/** Words after "A recent summit" that show it is no subject of a verb ("A summit of ministers …"). */
const NOT_VERBS = new Set([
  'of',
  'on',
  'in',
  'for',
  'at',
  'with',
  'between',
  'and',
  'or',
  'to',
  'that',
  'which',
  'who',
]);

/** Adds a Forum candidate for each "<event noun> in <place> [and <place>]" that opens a sentence or follows a
 * determiner, unless it is part of a name. */
export function eventCandidates(doc: Doc, places: Covered, named: Covered, candidates: CandidateSet): void {
  const nouns = new Set(doc.rules.anaphora.genericForumNouns.map((n) => doc.normaliseWord(n)));
  const tk = doc.tokens;
  for (const s of doc.sentences) {
    if (s.block !== 'paragraph') continue;
    // "A recent summit showcased …": an event the sentence is about, introduced without a name.
    const first = tk[s.tokenStart]!;
    if (['a', 'an'].includes(first.norm)) {
      let j = s.tokenStart + 1;
      while (
        j < s.tokenEnd &&
        j - s.tokenStart <= 2 &&
        isWord(tk[j]) &&
        !tk[j]!.cap &&
        !nouns.has(tk[j]!.norm)
      )
        j++;
      const noun = tk[j];
      const verb = tk[j + 1];
      if (
        noun &&
        isWord(noun) &&
        nouns.has(noun.norm) &&
        !named[j] &&
        j > s.tokenStart + 1 &&
        isWord(verb) &&
        !verb.cap &&
        !NOT_VERBS.has(verb.norm)
      )
        candidates.add({
          label: 'Forum',
          name: textOf(doc, s.tokenStart + 1, j + 1),
          aliases: [textOf(doc, s.tokenStart, j + 1)],
          start: first.start,
          end: noun.end,
          rule: EVENT_RULE,
          score: 0.45,
          properties: { kind: doc.kw.forumHeads.get(noun.norm) ?? 'meeting' },
        });
    }
    for (let i = s.tokenStart; i + 2 < s.tokenEnd; i++) {
      const t = tk[i]!;
      if (!isWord(t) || !nouns.has(t.norm) || named[i] || tk[i + 1]?.norm !== 'in') continue;
      // Its modifiers: lower-case words back to a determiner or the start of the sentence ("Recent discussions").
      let a = i;
      while (
        a > s.tokenStart &&
        isWord(tk[a - 1]) &&
        !tk[a - 1]!.cap &&
        !['the', 'a', 'an', 'these', 'this'].includes(tk[a - 1]!.norm) &&
        i - a < 2
      )
        a--;
      const opensSentence = a === s.tokenStart || isSentenceInitial(doc, a);
      const afterDeterminer = ['the', 'a', 'an'].includes(tk[a - 1]?.norm ?? '');
      const initialModifier =
        a - 1 === s.tokenStart &&
        tk[a - 1]!.cap &&
        doc.tags[a - 1]!.has('Adjective') &&
        !named[a - 1] &&
        !places[a - 1];
      if (initialModifier) a--;
      if (!opensSentence && !afterDeterminer && !initialModifier) continue;
      // One or two places, and nothing capitalised right after (not "in Paris Police Headquarters").
      let e = i + 2;
      const p1 = places[e];
      if (!p1 || p1[0] !== e) continue;
      e = p1[1];
      if (tk[e]?.norm === 'and' && places[e + 1] && places[e + 1]![0] === e + 1) e = places[e + 1]![1];
      if (isWord(tk[e]) && tk[e]!.cap) continue;
      candidates.add({
        label: 'Forum',
        name: textOf(doc, a, e),
        start: tk[a]!.start,
        end: tk[e - 1]!.end,
        rule: EVENT_RULE,
        score: 0.5,
        properties: { kind: doc.kw.forumHeads.get(t.norm) ?? 'meeting' },
      });
    }
  }
}

/** HELD_IN each place of an event named by its places, and PARTICIPATED_IN for both countries of a two-place event. */
export function applyEventPlaces(
  doc: Doc,
  set: CandidateSet,
  builtin: PhraseIndex<LexValue>,
  resolve: (v: LexValue) => EndRef | undefined,
  sentenceAt: (offset: number) => number,
  sink: ProposalSink,
): void {
  for (const c of set.all()) {
    if (c.rule !== EVENT_RULE || c.mentionCount === 0) continue;
    const sentence = sentenceAt(c.first.start);
    const [s, e] = [
      doc.tokens.findIndex((t) => t.start === c.first.start),
      doc.tokens.findIndex((t) => t.end === c.first.end) + 1,
    ];
    if (sentence < 0 || s < 0 || e <= 0) continue;
    const countries = new Map<string, EndRef>();
    for (const m of matchAll([builtin], doc.tokens, s, e)) {
      if (m.entry.value.label !== 'Country') continue;
      const ref = resolve(m.entry.value);
      if (ref) countries.set('nodeId' in ref ? ref.nodeId : ref.candidateKey, ref);
    }
    const self = { ref: { candidateKey: c.key }, label: 'Forum' as const };
    for (const ref of countries.values()) {
      sink.add({
        type: 'HELD_IN',
        from: self,
        to: { ref, label: 'Country' },
        sentences: [sentence],
        rule: 'event:place',
        score: 0.6,
      });
      if (countries.size === 2)
        sink.add({
          type: 'PARTICIPATED_IN',
          from: { ref, label: 'Country' },
          to: self,
          sentences: [sentence],
          rule: 'event:two-places',
          score: 0.5,
          properties: { role: 'attendee' },
        });
    }
  }
}
