// Part-of-speech and name tags from compromise (people, places, organisations), laid over our tokens by offset.
// Only the sentences a rule reads tags in are tagged: compromise's tagging is most of an extraction's time.
import nlp from 'compromise';
import type { Keywords } from './keywords.js';
import type { SentenceSpan } from './sentences.js';
import { isWord, type Token } from './tokens.js';

/** Compromise tags per token (an empty set where compromise has none or the sentence was not tagged). */
export type TokenTags = ReadonlySet<string>[];

interface TermJson {
  offset: { start: number; length: number };
  tags: string[];
}

const NO_TAGS: ReadonlySet<string> = new Set();

/**
 * True when a rule may read tags in the sentence: a capitalised word that is not just its first word (names), a
 * creation cue (what it creates), or a heading, list item or table row (labels).
 */
export function needsTags(text: string, tokens: readonly Token[], s: SentenceSpan, kw: Keywords): boolean {
  if (s.block !== 'paragraph') return true;
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    const t = tokens[i]!;
    if (!isWord(t) || !t.cap) continue;
    if (i > s.tokenStart) return true;
    const next = tokens[i + 1];
    if (isWord(next) && (next.cap || kw.forumHeads.has(next.norm) || kw.agreementHeads.has(next.norm)))
      return true;
  }
  kw.creationCue.lastIndex = 0;
  return kw.creationCue.test(text.slice(s.start, s.end));
}

/**
 * Tags the given sentences of the text with compromise in one run (joined by blank lines, offsets mapped back);
 * `lexicon` (lower-case phrase → tag) teaches it the graph's own names.
 */
export function tagTokens(
  text: string,
  tokens: readonly Token[],
  lexicon: Record<string, string>,
  sentences: readonly SentenceSpan[],
): TokenTags {
  const pieces: { start: number; end: number; at: number }[] = [];
  let sub = '';
  for (const s of sentences) {
    if (sub) sub += '\n\n';
    pieces.push({ start: s.start, end: s.end, at: sub.length });
    sub += text.slice(s.start, s.end);
  }
  const json = nlp(sub, lexicon).json({ offset: true, terms: { offset: true } }) as { terms: TermJson[] }[];
  // Back to offsets in `text`: the piece a term falls in, by binary search on where each piece starts in `sub`.
  const original = (at: number): number => {
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid]!.at <= at) lo = mid;
      else hi = mid - 1;
    }
    const p = pieces[lo]!;
    return p.start + (at - p.at);
  };
  const terms = json
    .flatMap((s) => s.terms)
    .map((t) => ({ start: original(t.offset.start), length: t.offset.length, tags: t.tags }))
    .sort((a, b) => a.start - b.start);
  // One set per distinct tag list: most tokens share a handful of them, and a set per token is garbage to collect.
  const interned = new Map<string, ReadonlySet<string>>();
  const setOf = (tags: string[]) => {
    const key = tags.join(',');
    let set = interned.get(key);
    if (!set) interned.set(key, (set = new Set(tags)));
    return set;
  };
  const out: ReadonlySet<string>[] = new Array(tokens.length);
  let ti = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (ti < terms.length && terms[ti]!.start + terms[ti]!.length <= t.start) ti++;
    const term = terms[ti];
    out[i] = term && term.start <= t.start && t.start < term.start + term.length ? setOf(term.tags) : NO_TAGS;
  }
  return out;
}
