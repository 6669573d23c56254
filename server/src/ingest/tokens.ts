// Splits a text into word, acronym, possessive and punctuation tokens, each with its character offsets.

export type TokenKind = 'word' | 'acronym' | 'poss' | 'punct';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Normalised for comparison (see normalise.ts). */
  norm: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case (`UNOCT`, `U.S.`). */
  allCaps: boolean;
  /** Whitespace separates it from the token before. */
  spaceBefore: boolean;
  /** A line break separates it from the token before. */
  newlineBefore: boolean;
}

// Dotted acronyms first (U.S., D.C., e.g.), then possessive clitics, then letter/digit runs, then any other character.
const TOKEN = /((?:\p{L}\.){2,})|(['’]s\b|(?<=s)['’](?=\s|$|[,.;:!?)]))|([\p{L}\p{N}]+)|(\S)/gu;

/** Tokens of `text` with offsets; `normalise` gives each word its comparison form. */
export function tokenize(text: string, normalise: (w: string) => string): Token[] {
  const out: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const raw = m[0];
    const kind: TokenKind = m[1] ? 'acronym' : m[2] ? 'poss' : m[3] ? 'word' : 'punct';
    const gap = text.slice(prevEnd, start);
    const letters = raw.replace(/[^\p{L}]/gu, '');
    out.push({
      text: raw,
      start,
      end: start + raw.length,
      kind,
      norm: kind === 'punct' || kind === 'poss' ? raw : normalise(raw),
      cap: /^\p{Lu}/u.test(raw),
      allCaps: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      spaceBefore: gap.length > 0,
      newlineBefore: gap.includes('\n'),
    });
    prevEnd = start + raw.length;
  }
  return out;
}

/** True for a word or acronym token (not punctuation or a possessive). */
export function isWord(t: Token | undefined): t is Token {
  return !!t && (t.kind === 'word' || t.kind === 'acronym');
}
