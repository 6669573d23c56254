// Free text as the words the full-text index holds: split, lower-cased and folded as its analyzer does.
//
// The index (cypher/index-entity-search.cypher) uses Neo4j's `standard-folding` analyzer: Lucene's standard
// tokenizer (Unicode word boundaries, UAX #29), ASCII folding, lower case, English stop words left out. Its
// word boundaries are the ones Intl.Segmenter implements, so "Franco-British" is two words, "U.S." is "u.s",
// "Interpol’s" is one word. A query split any other way asks for words the index never saw: the old search
// deleted hyphens, so "Franco-British" became "francobritish" and found nothing.

/** Word boundaries as Unicode defines them (UAX #29), which Lucene's standard tokenizer follows too. */
const SEGMENTER = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Lucene's English stop words (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET), which the index leaves out: a query
 * word among them would never match, so queries leave them out too. `search-words.test.ts` checks this list
 * against the one the database reports for the analyzer.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'but',
  'by',
  'for',
  'if',
  'in',
  'into',
  'is',
  'it',
  'no',
  'not',
  'of',
  'on',
  'or',
  'such',
  'that',
  'the',
  'their',
  'then',
  'there',
  'these',
  'they',
  'this',
  'to',
  'was',
  'will',
  'with',
]);

/** Letters ASCII folding turns into more than a letter stripped of its accent (Lucene's ASCIIFoldingFilter). */
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŋ: 'n',
};

/** One word as the index holds it: lower case, accents removed, curly apostrophes straight. */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[ßæœøđðłþıħŋ]/g, (c) => SPECIAL_FOLDS[c]!);
}

/** The words of `text` in order, folded, stop words included (phrases need them to keep their positions). */
export function indexWords(text: string): string[] {
  const words: string[] = [];
  for (const s of SEGMENTER.segment(text.normalize('NFC'))) {
    if (s.isWordLike) words.push(foldWord(s.segment));
  }
  return words;
}

/** True for a word the index leaves out. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
