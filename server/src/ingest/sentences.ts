// Splits each line into sentences with offsets; abbreviations ("Dr.", "U.S.", "Washington D.C.") do not end a sentence.
import type { Line } from './layout.js';
import type { Rules } from './rules.js';
import type { Sentence } from './types.js';
import { isWord, type Token } from './tokens.js';

/** A sentence with the range of its tokens (`tokenEnd` exclusive). */
export interface SentenceSpan extends Sentence {
  tokenStart: number;
  tokenEnd: number;
}

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«']);
const ENDERS = new Set(['.', '!', '?', '…']);

/** Decides whether the sentence ends after token `i` (a sentence-ending punctuation or a dotted acronym). */
function endsAfter(
  tokens: readonly Token[],
  i: number,
  lineEndToken: number,
  rules: Rules['abbreviations'],
): boolean {
  const t = tokens[i]!;
  const dotted = t.kind === 'acronym';
  if (!dotted && !(t.kind === 'punct' && ENDERS.has(t.text))) return false;
  let n = i + 1;
  while (n < lineEndToken && tokens[n]!.kind === 'punct' && CLOSERS.has(tokens[n]!.text)) n++;
  if (n >= lineEndToken) return true;
  let next = tokens[n]!;
  if (next.kind === 'punct' && OPENERS.has(next.text) && n + 1 < lineEndToken) next = tokens[n + 1]!;
  if (!isWord(next) || !(next.cap || /^\p{N}/u.test(next.text))) return false;
  if (t.text !== '.' || dotted) {
    // "!" and "?" end a sentence before a capital; a dotted acronym only before a typical sentence opener.
    return dotted ? rules.sentenceStarters.includes(next.text) : true;
  }
  const prev = tokens[i - 1];
  if (!prev || !isWord(prev) || prev.end !== t.start) return true;
  if (rules.neverEnd.includes(prev.text)) return false;
  if (prev.text.length === 1 && prev.cap) return false; // an initial: "J. Smith"
  if (rules.mayEnd.includes(prev.text)) return rules.sentenceStarters.includes(next.text);
  // No space after the period ("terrorism.This", "Rabat.They"): a sentence after a word, not inside an acronym.
  if (!next.spaceBefore) return /^\p{L}{2,}$/u.test(prev.text) && !prev.allCaps;
  return true;
}

/** Sentences of every non-blank line (table separators have none), with their token ranges. */
export function splitSentences(
  text: string,
  lines: readonly Line[],
  tokens: readonly Token[],
  rules: Rules['abbreviations'],
): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let ti = 0;
  for (const line of lines) {
    if (line.kind === 'blank' || line.kind === 'table-separator') continue;
    while (ti < tokens.length && tokens[ti]!.start < line.start) ti++;
    let lineEndToken = ti;
    while (lineEndToken < tokens.length && tokens[lineEndToken]!.end <= line.end) lineEndToken++;
    const block = line.kind;
    const split = block === 'paragraph' || block === 'bullet';
    let s = ti;
    for (let i = ti; i < lineEndToken; i++) {
      const last = i === lineEndToken - 1;
      if (last || (split && endsAfter(tokens, i, lineEndToken, rules))) {
        let e = i + 1;
        while (!last && e < lineEndToken && tokens[e]!.kind === 'punct' && CLOSERS.has(tokens[e]!.text)) e++;
        const start = tokens[s]!.start;
        const end = tokens[e - 1]!.end;
        if (text.slice(start, end).trim())
          out.push({ index: out.length, start, end, block, line: line.index, tokenStart: s, tokenEnd: e });
        s = e;
        i = e - 1;
      }
    }
    ti = lineEndToken;
  }
  return out;
}
