// The candidates of one extraction: new things the article names, merged when they are the same thing
// (same name, an acronym and its long form, a surname and the full name, a short and a long form of one name).
import { ID_PREFIXES } from './model.js';
import { slug } from './lexicon.js';
import { nameKey, nameWords } from './normalise.js';
import type { Candidate, CandidateLabel } from './types.js';

export interface CandidateDraft {
  label: CandidateLabel;
  name: string;
  start: number;
  end: number;
  rule: string;
  score: number;
  /** Fixed key (built-in lexicon entries: `country:fr`, `threat:terrorism`). */
  key?: string;
  aliases?: readonly string[];
  properties?: Record<string, string>;
}

interface Entry extends Candidate {
  /** Name keys of name and aliases. */
  keys: Set<string>;
  /** Phrases that refer to it in this article but are no name of it ("a joint working group"): matched, not proposed. */
  hidden: string[];
}

/** The candidate set; keys stay valid after merges (`resolve` follows them). */
export class CandidateSet {
  private readonly entries = new Map<string, Entry>();
  private readonly redirect = new Map<string, string>();
  private readonly byNameKey = new Map<string, string>();

  constructor(
    private readonly text: string,
    private readonly normaliseWord: (w: string) => string,
  ) {}

  /** The current key of a candidate that may have been merged into another. */
  resolve(key: string): string {
    let k = key;
    for (let guard = 0; this.redirect.has(k) && guard < 50; guard++) k = this.redirect.get(k)!;
    return k;
  }

  get(key: string): Candidate | undefined {
    return this.entries.get(this.resolve(key));
  }

  /** The candidate of this label with this name or alias, if any. */
  findByName(label: CandidateLabel, name: string): string | undefined {
    const k = this.byNameKey.get(`${label}:${nameKey(name, this.normaliseWord)}`);
    return k ? this.resolve(k) : undefined;
  }

  /** Adds a candidate or a new sighting of one; returns its key. */
  add(d: CandidateDraft): string {
    const nk = nameKey(d.name, this.normaliseWord);
    if (!nk) return '';
    const existing = d.key
      ? this.entries.get(this.resolve(d.key))
      : this.entries.get(this.findByName(d.label, d.name) ?? '');
    if (existing) {
      existing.score = Math.max(existing.score, d.score);
      if (!d.key) this.addAlias(existing.key, d.name);
      for (const a of d.aliases ?? []) this.addAlias(existing.key, a);
      if (d.start < existing.first.start) existing.first = this.evidence(d.start, d.end);
      for (const [k, v] of Object.entries(d.properties ?? {})) existing.properties[k] ??= v;
      return existing.key;
    }
    let key = d.key ?? `${ID_PREFIXES[d.label]}:${slug(d.name) || 'unnamed'}`;
    for (let n = 2; this.entries.has(key) || this.redirect.has(key); n++)
      key = `${key.replace(/-\d+$/, '')}-${n}`;
    const entry: Entry = {
      key,
      label: d.label,
      name: d.name,
      aliases: [],
      properties: { ...(d.properties ?? {}) },
      mentionCount: 0,
      first: this.evidence(d.start, d.end),
      score: d.score,
      rule: d.rule,
      keys: new Set([nk]),
      hidden: [],
    };
    this.entries.set(key, entry);
    this.byNameKey.set(`${d.label}:${nk}`, key);
    for (const a of d.aliases ?? []) this.addAlias(key, a);
    return key;
  }

  /** Adds `alias` to the candidate unless it is already one of its names. */
  addAlias(key: string, alias: string): void {
    const e = this.entries.get(this.resolve(key));
    if (!e) return;
    const nk = nameKey(alias, this.normaliseWord);
    if (!nk || e.keys.has(nk)) return;
    e.keys.add(nk);
    e.aliases.push(alias.trim());
    this.byNameKey.set(`${e.label}:${nk}`, e.key);
  }

  /** Makes `alias` the name and the old name an alias (a fuller form was found). */
  rename(key: string, name: string): void {
    const e = this.entries.get(this.resolve(key));
    if (!e || e.name === name) return;
    const old = e.name;
    this.addAlias(e.key, name);
    e.aliases = e.aliases.filter((a) => a !== name);
    e.aliases.push(old);
    e.name = name;
  }

  /** Merges candidate `from` into `into`: names become aliases (or only referring phrases, with `asReference`),
   * counts and evidence are kept. */
  merge(from: string, into: string, asReference = false): void {
    const a = this.entries.get(this.resolve(from));
    const b = this.entries.get(this.resolve(into));
    if (!a || !b || a === b) return;
    if (asReference) b.hidden.push(a.name, ...a.aliases, ...a.hidden);
    else {
      for (const n of [a.name, ...a.aliases]) this.addAlias(b.key, n);
      b.hidden.push(...a.hidden);
    }
    b.mentionCount += a.mentionCount;
    b.score = Math.max(a.score, b.score);
    if (a.first.start < b.first.start) b.first = a.first;
    for (const [k, v] of Object.entries(a.properties)) b.properties[k] ??= v;
    this.entries.delete(a.key);
    this.redirect.set(a.key, b.key);
  }

  /** Records a mention of the candidate. */
  countMention(key: string): void {
    const e = this.entries.get(this.resolve(key));
    if (e) e.mentionCount++;
  }

  /** Name words of a candidate (for merging decisions). */
  words(key: string): string[] {
    const e = this.entries.get(this.resolve(key));
    return e ? nameWords(e.name, this.normaliseWord) : [];
  }

  all(): Candidate[] {
    return [...this.entries.values()].map(({ keys: _keys, hidden: _hidden, ...c }) => c);
  }

  /** Every phrase that refers to the candidate in this article: name, aliases and referring phrases. */
  phrases(key: string): string[] {
    const e = this.entries.get(this.resolve(key));
    return e ? [e.name, ...e.aliases, ...e.hidden] : [];
  }

  private evidence(start: number, end: number) {
    return { quote: this.text.slice(start, end), start, end };
  }
}
