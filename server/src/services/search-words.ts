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

/**
 * Text in ASCII without `_` (nearly every name and description): its words by the same rules, without the
 * segmenter. UAX #29 on these characters: letters and digits run together; a letter on each side joins across one
 * `:`, `.` or `'`; a digit on each side joins across one `.`, `,`, `;` or `'`; nothing else is part of a word.
 * Ranking a page of search hits segmented every name, alias and description: a tenth of a small search's time.
 * `search-words.test.ts` compares the two ways on random text.
 */
const PLAIN_ASCII = /^[^\u0080-\u{10ffff}_]*$/u;
const ASCII_WORD =
  /[A-Za-z0-9]+(?:(?:(?<=[A-Za-z])[:.'](?=[A-Za-z])|(?<=[0-9])[.,;'](?=[0-9]))[A-Za-z0-9]+)*/g;

/** The words of `text` in order, folded, stop words included (phrases need them to keep their positions). */
export function indexWords(text: string): string[] {
  // ASCII folds to lower case alone (no accents, no curly apostrophes, nothing NFC or NFKD would change).
  if (PLAIN_ASCII.test(text)) return (text.match(ASCII_WORD) ?? []).map((w) => w.toLowerCase());
  return segmentedWords(text);
}

/** `indexWords` by the segmenter, for any text. */
export function segmentedWords(text: string): string[] {
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
