// How names are compared: case, accents, curly quotes, hyphenation, possessives, British/American spelling and plural folded away.
import type { Rules } from './rules.js';

const COMBINING_MARKS = /\p{M}+/gu;

/** Lower case without accents, with curly quotes and dashes made plain. */
export function foldChars(s: string): string {
  return s
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(/[‘’‛`´]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .toLowerCase();
}

/** Word forms compared as one: `organised` as `organized`, `programme` as `program`; dots dropped (`u.s.` → `us`). */
export function makeWordNormaliser(spelling: Rules['spelling']): (word: string) => string {
  const endings = [...spelling.endings].sort((a, b) => b[0].length - a[0].length);
  const cache = new Map<string, string>();
  return (word) => {
    const hit = cache.get(word);
    if (hit !== undefined) return hit;
    let w = foldChars(word).replace(/\./g, '');
    const whole = spelling.words[w];
    if (whole !== undefined) w = whole;
    else
      for (const [from, to] of endings)
        if (w.length > from.length + 2 && w.endsWith(from)) {
          w = w.slice(0, -from.length) + to;
          break;
        }
    cache.set(word, w);
    return w;
  };
}

/** Singular of a plural noun by the regular rules (`threats` → `threat`, `agencies` → `agency`); other words unchanged. */
export function singular(w: string): string {
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(?:ss|us|is|ics|news)$/.test(w)) return w;
  if (/(?:sh|ch|x|ss)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

const WORD = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*/gu;

/** The words of a name as compared: possessive `'s` and a leading `the` dropped, each word normalised. */
export function nameWords(name: string, normaliseWord: (w: string) => string): string[] {
  const plain = foldChars(name)
    .replace(/'s\b/g, '')
    .replace(/s'(?=\s|$)/g, 's');
  const out = [...plain.matchAll(WORD)].map((m) => normaliseWord(m[0]));
  if (out[0] === 'the' && out.length > 1) out.shift();
  return out;
}

/** One key per name, blind to spaces, hyphens, case, possessives, spelling variants and a final plural. */
export function nameKey(name: string, normaliseWord: (w: string) => string): string {
  const ws = nameWords(name, normaliseWord);
  if (ws.length) ws[ws.length - 1] = singular(ws[ws.length - 1]!);
  return ws.join('');
}
