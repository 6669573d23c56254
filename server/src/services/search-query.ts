// Free text as Lucene queries over the full-text index: every word as the index holds it, escaped, never syntax.
import { indexWords, isStopWord } from './search-words.js';

/** Lucene's special characters: each one in user text is escaped, so it is always read as part of a word. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|<>=]/g;
/** Words this short match exactly or by prefix only; fuzzy matching on them would match almost anything. */
const MIN_FUZZY_LENGTH = 4;
/** Boosts: an exact word over a prefix, and the whole query as a phrase in a name or an alias over anywhere. */
const BOOST = { word: 3, namePhrase: 12, aliasPhrase: 8, phrase: 4 } as const;

/** `term` escaped for Lucene's query syntax: the query parser reads it back as exactly these characters. */
export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * Other spellings a word matches: an acronym with and without dots ("us" and "u.s", as the index keeps
 * "U.S." in one piece) and a possessive without its "'s" ("interpol's" also finds "Interpol").
 */
export function wordVariants(word: string): string[] {
  const out: string[] = [];
  if (/^[a-z]{2,4}$/.test(word)) out.push(word.split('').join('.'));
  if (/^(?:[a-z]\.){1,4}[a-z]$/.test(word)) out.push(word.replace(/\./g, ''));
  if (/^.{2,}'s$/.test(word)) out.push(word.slice(0, -2));
  return out;
}

/** A search split into words and the Lucene queries of its stages. */
export interface SearchPlan {
  /** Every word of the text as the index holds it, stop words included (for phrases and exact names). */
  words: string[];
  /** The words a match must have: those the index keeps (all of them when every word is a stop word). */
  required: string[];
  /** Stage one: every required word, exactly, as a prefix, or in another spelling; the phrase ranks higher. */
  strict: string;
  /** Stage two, when the first finds too few: any of the words, also within one typo; null when it adds nothing. */
  relaxed: string | null;
  /** Each word's other spellings (`wordVariants`), worked out once for the queries and the ranking. */
  variants: ReadonlyMap<string, readonly string[]>;
}

function wordClause(word: string, variants: readonly string[], fuzzy: boolean): string {
  const w = escapeLucene(word);
  const alternatives = [`${w}^${BOOST.word}`, `${w}*`];
  for (const v of variants) alternatives.push(`${escapeLucene(v)}^${BOOST.word}`);
  if (fuzzy && word.length >= MIN_FUZZY_LENGTH && !word.includes('.')) alternatives.push(`${w}~1`);
  return `(${alternatives.join(' OR ')})`;
}

/** The whole text as a phrase in names, in aliases and anywhere: optional clauses that only rank. */
function phraseClauses(words: string[]): string[] {
  if (words.length < 2) return [];
  // Inside quotes only `"` and `\` are special; the parser splits the phrase with the index's analyzer again.
  const phrase = `"${words.map((w) => w.replace(/["\\]/g, (c) => `\\${c}`)).join(' ')}"`;
  return [
    `name:${phrase}^${BOOST.namePhrase}`,
    `aliasText:${phrase}^${BOOST.aliasPhrase}`,
    `${phrase}^${BOOST.phrase}`,
  ];
}

/** The search for `text`, or null when it has no words at all (only punctuation). */
export function searchPlan(text: string): SearchPlan | null {
  const words = indexWords(text);
  if (!words.length) return null;
  const kept = words.filter((w) => !isStopWord(w));
  // Only stop words ("The", "it"): the index has none of them, but they may begin a longer word ("theft").
  const required = kept.length ? [...new Set(kept)] : [...new Set(words)];
  const variants = new Map(words.map((w) => [w, wordVariants(w)] as const));
  const clause = (w: string, fuzzy: boolean): string => wordClause(w, variants.get(w)!, fuzzy);
  const phrases = phraseClauses(words);
  const strict = [...required.map((w) => `+${clause(w, false)}`), ...phrases].join(' ');
  const fuzzyWords = required.some((w) => w.length >= MIN_FUZZY_LENGTH);
  const relaxed =
    required.length > 1 || fuzzyWords
      ? [...required.map((w) => clause(w, true)), ...phrases].join(' ')
      : null;
  return { words, required, strict, relaxed, variants };
}
