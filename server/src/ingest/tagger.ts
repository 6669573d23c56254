// Part-of-speech and name tags from compromise (people, places, organisations), laid over our tokens by offset.
import nlp from 'compromise';
import type { Token } from './tokens.js';

/** Compromise tags per token (an empty set where compromise has none). */
export type TokenTags = ReadonlySet<string>[];

interface TermJson {
  offset: { start: number; length: number };
  tags: string[];
}

const NO_TAGS: ReadonlySet<string> = new Set();

/**
 * Tags the text with compromise in one run; `lexicon` (lower-case phrase → tag) teaches it the graph's own names.
 */
export function tagTokens(
  text: string,
  tokens: readonly Token[],
  lexicon: Record<string, string>,
): TokenTags {
  const doc = nlp(text, lexicon);
  const json = doc.json({ offset: true, terms: { offset: true } }) as { terms: TermJson[] }[];
  const terms = json.flatMap((s) => s.terms).sort((a, b) => a.offset.start - b.offset.start);
  const out: ReadonlySet<string>[] = new Array(tokens.length);
  let ti = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (ti < terms.length && terms[ti]!.offset.start + terms[ti]!.offset.length <= t.start) ti++;
    const term = terms[ti];
    out[i] = term && term.offset.start <= t.start ? new Set(term.tags) : NO_TAGS;
  }
  return out;
}
