// The article as every extraction step sees it: text, tokens with tags, lines and sentences, and the compiled rules.
import type { Keywords } from './keywords.js';
import type { Line } from './layout.js';
import type { Rules } from './rules.js';
import type { SentenceSpan } from './sentences.js';
import type { TokenTags } from './tagger.js';
import type { Token } from './tokens.js';

export interface Doc {
  text: string;
  tokens: Token[];
  tags: TokenTags;
  lines: Line[];
  sentences: SentenceSpan[];
  /** Sentence index of each token (-1 for tokens outside any sentence). */
  sentenceOf: Int32Array;
  rules: Rules;
  kw: Keywords;
  normaliseWord: (w: string) => string;
}

/** The normalised words of tokens [s, e), punctuation and possessives left out. */
export function wordsOf(doc: Doc, s: number, e: number): string[] {
  const out: string[] = [];
  for (let i = s; i < e; i++) {
    const t = doc.tokens[i]!;
    if (t.kind === 'word' || t.kind === 'acronym') out.push(t.norm);
  }
  return out;
}

/** The verbatim text of tokens [s, e). */
export function textOf(doc: Doc, s: number, e: number): string {
  return doc.text.slice(doc.tokens[s]!.start, doc.tokens[e - 1]!.end);
}

/** True when token `i` is the first word of its sentence (or the first after a colon or an opening quote there). */
export function isSentenceInitial(doc: Doc, i: number): boolean {
  const si = doc.sentenceOf[i]!;
  if (si < 0) return true;
  const s = doc.sentences[si]!;
  let j = i - 1;
  while (j >= s.tokenStart && doc.tokens[j]!.kind === 'punct' && /^["“‘'([*]$/.test(doc.tokens[j]!.text)) j--;
  if (j < s.tokenStart) return true;
  const p = doc.tokens[j]!;
  return p.kind === 'punct' && (p.text === ':' || p.text === '|');
}
