// A character trie over compacted names: one pass over the tokens finds every name and alias, leftmost-longest,
// whatever its casing, hyphenation ("counter-terrorism" = "counterterrorism") or possessive ("Interpol's").
import { singular } from './normalise.js';
import { isWord, type Token } from './tokens.js';

/** How strictly a phrase's casing must match the text. */
export type CaseRule = 'any' | 'acronym' | 'capitalised';

export interface PhraseEntry<T> {
  value: T;
  caseRule: CaseRule;
  /** Only matches when followed by a hyphen ("Franco-"): a combining form. */
  needsHyphenAfter?: boolean;
}

const QUOTES = new Set(['“', '”', '"', '‘']);

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  entries?: PhraseEntry<T>[];
}

export interface PhraseMatch<T> {
  tokenStart: number;
  /** Exclusive. */
  tokenEnd: number;
  entry: PhraseEntry<T>;
}

/** How the case rule of a surface form is chosen: short all-capital forms must stay capital ("US" is not "us"). */
export function caseRuleFor(surface: string, proper: boolean): CaseRule {
  const letters = surface.replace(/[^\p{L}]/gu, '');
  if (letters.length <= 6 && letters.length >= 2 && letters === letters.toUpperCase()) return 'acronym';
  if (proper && !/\s|-/.test(surface.trim())) return 'capitalised';
  return 'any';
}

/** Plural and singular of the last word, so "cyber threat" also finds "cyber threats". */
function numberVariants(words: string[]): string[][] {
  const last = words[words.length - 1]!;
  const out = [words];
  const sing = singular(last);
  if (sing !== last) out.push([...words.slice(0, -1), sing]);
  else if (/[a-z]$/.test(last) && last.length > 2) {
    const plural = /(?:s|sh|ch|x)$/.test(last)
      ? last + 'es'
      : /[^aeiou]y$/.test(last)
        ? last.slice(0, -1) + 'ies'
        : last + 's';
    out.push([...words.slice(0, -1), plural]);
  }
  return out;
}

export class PhraseIndex<T> {
  private readonly root: TrieNode<T> = { next: new Map() };
  size = 0;

  /** Adds a phrase given as its normalised words. */
  add(words: string[], entry: PhraseEntry<T>): void {
    if (!words.length) return;
    for (const variant of numberVariants(words)) {
      let node = this.root;
      for (const ch of variant.join('')) {
        let n = node.next.get(ch);
        if (!n) node.next.set(ch, (n = { next: new Map() }));
        node = n;
      }
      (node.entries ??= []).push(entry);
    }
    this.size++;
  }

  /** The longest phrase starting at token `i`, or undefined. */
  longestAt(tokens: readonly Token[], i: number, limit: number): PhraseMatch<T> | undefined {
    if (!isWord(tokens[i])) return undefined;
    let node: TrieNode<T> | undefined = this.root;
    let best: PhraseMatch<T> | undefined;
    let j = i;
    while (node && j < limit) {
      const t: Token = tokens[j]!;
      for (const ch of t.norm) {
        node = node.next.get(ch);
        if (!node) break;
      }
      if (!node) break;
      const end = j + 1;
      if (node.entries) {
        const ok = node.entries.find((e) => this.fits(tokens, i, end, e));
        if (ok) best = { tokenStart: i, tokenEnd: end, entry: ok };
      }
      // Continue across a possessive, a hyphen inside a compound, or plain space; stop at other punctuation.
      // Quotation marks are passed over too (and a comma just before a closing one: "Conference on “Building …,”").
      let k = j + 1;
      if (tokens[k]?.kind === 'poss') k++;
      if (tokens[k]?.text === ',' && QUOTES.has(tokens[k + 1]?.text ?? '')) k++;
      while (tokens[k]?.kind === 'punct' && QUOTES.has(tokens[k]!.text) && k + 1 < limit) k++;
      const n = tokens[k];
      if (
        n?.kind === 'punct' &&
        /^[-‐‑]$/.test(n.text) &&
        !n.spaceBefore &&
        isWord(tokens[k + 1]) &&
        !tokens[k + 1]!.spaceBefore
      )
        k++;
      if (!isWord(tokens[k]) || tokens[k]!.newlineBefore) break;
      j = k;
    }
    return best;
  }

  private fits(tokens: readonly Token[], s: number, e: number, entry: PhraseEntry<T>): boolean {
    if (entry.needsHyphenAfter) {
      const n = tokens[e];
      if (!(n?.kind === 'punct' && n.text === '-' && !n.spaceBefore)) return false;
    }
    if (entry.caseRule === 'capitalised') return tokens[s]!.cap;
    if (entry.caseRule === 'acronym')
      return tokens
        .slice(s, e)
        .every((t) => t.kind === 'punct' || t.kind === 'poss' || t.allCaps || /^\p{N}/u.test(t.text));
    return true;
  }
}

/** Every leftmost-longest match of any of `indexes` over tokens [from, to); earlier indexes win ties. */
export function matchAll<T>(
  indexes: readonly PhraseIndex<T>[],
  tokens: readonly Token[],
  from: number,
  to: number,
): PhraseMatch<T>[] {
  const out: PhraseMatch<T>[] = [];
  let i = from;
  while (i < to) {
    let best: PhraseMatch<T> | undefined;
    for (const idx of indexes) {
      const m = idx.longestAt(tokens, i, to);
      if (m && (!best || m.tokenEnd > best.tokenEnd)) best = m;
    }
    if (best) {
      out.push(best);
      i = best.tokenEnd;
    } else i++;
  }
  return out;
}
