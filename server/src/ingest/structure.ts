// Lists and tables: what a list is about (initiatives or attributes), what each table column holds, and the
// label of a list item or table cell that names an initiative.
import { textOf, wordsOf, type Doc } from './doc.js';
import { headOf } from './keywords.js';
import type { Line } from './layout.js';
import { isWord } from './tokens.js';

export type ColumnRole =
  'lead' | 'partner' | 'actor' | 'initiative' | 'technology' | 'topic' | 'owner' | 'other';

export interface Column {
  role: ColumnRole;
  /** The header's words (for naming: an "Initiative" column names initiatives). */
  words: string[];
  /** For `owner` columns ("France's Contribution"): the header cell's token range, where the owner is named. */
  headerTokens?: [number, number];
}

/** Token range [s, e) of a character range. */
export function tokenRange(doc: Doc, start: number, end: number): [number, number] {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (doc.tokens[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let e = lo;
  while (e < doc.tokens.length && doc.tokens[e]!.end <= end) e++;
  return [lo, e];
}

/** The sentences of a line. */
export function sentencesOfLine(doc: Doc, line: number): number[] {
  const out: number[] = [];
  for (const s of doc.sentences) if (s.line === line) out.push(s.index);
  return out;
}

/** The introducing sentence of a list or table: the last sentence of its intro line. */
export function introSentence(doc: Doc, line: Line): number | undefined {
  if (line.intro === undefined) return undefined;
  const ss = sentencesOfLine(doc, line.intro);
  return ss[ss.length - 1];
}

/** Whether a list's items are initiatives (each becomes a candidate) or attributes of something named. */
export function listKind(doc: Doc, item: Line): 'initiative' | 'attribute' | 'plain' {
  if (item.intro === undefined) return 'plain';
  const intro = doc.lines[item.intro]!;
  const lastSentence = introSentence(doc, item);
  const sentenceWords = lastSentence === undefined ? [] : wordsOfSentence(doc, lastSentence);
  if (sentenceWords.some((w) => doc.kw.attributeWords.has(w))) return 'attribute';
  const [s, e] = tokenRange(doc, intro.start, intro.end);
  const lineWords = wordsOf(doc, s, e);
  return lineWords.some((w) => doc.kw.initiativeWords.has(w)) ? 'initiative' : 'plain';
}

function wordsOfSentence(doc: Doc, i: number): string[] {
  const s = doc.sentences[i]!;
  return wordsOf(doc, s.tokenStart, s.tokenEnd);
}

/** The role of each column of a table, from its header row. */
export function tableColumns(doc: Doc, header: Line): Column[] {
  const roles = doc.rules.tables.roles;
  const phrase = (xs: readonly string[]) =>
    new Set(
      xs.map((x) =>
        x
          .toLowerCase()
          .split(/[\s-]+/)
          .map(doc.normaliseWord)
          .join(' '),
      ),
    );
  const sets: [ColumnRole, Set<string>][] = [
    ['lead', phrase(roles.lead)],
    ['partner', phrase(roles.partner)],
    ['initiative', phrase(roles.initiative)],
    ['technology', phrase(roles.technology)],
    ['actor', phrase(roles.actor)],
    ['topic', phrase(roles.topic)],
  ];
  return header.cells.map((cell) => {
    const [s, e] = tokenRange(doc, cell.start, cell.end);
    const words = wordsOf(doc, s, e);
    const joined = words.join(' ');
    if (doc.tokens.slice(s, e).some((t) => t.kind === 'poss'))
      return { role: 'owner', words, headerTokens: [s, e] };
    for (const [role, set] of sets) if (set.has(joined)) return { role, words };
    for (const [role, set] of sets) if (headOf(words, set)) return { role, words };
    return { role: 'other', words };
  });
}

/** Label of a list item: the part before a colon, else its leading noun phrase (up to a verb, "to", "that" or a comma). */
export function itemLabel(doc: Doc, sentence: number): [number, number] | undefined {
  const { tokenStart: s, tokenEnd: e } = doc.sentences[sentence]!;
  const max = doc.rules.agreements.maxLabelWords;
  const tk = doc.tokens;
  let words = 0;
  for (let i = s; i < e && words <= max; i++) {
    if (tk[i]!.text === ':') return words ? [s, i] : undefined;
    if (isWord(tk[i])) words++;
  }
  let i = s;
  let n = 0;
  for (; i < e && n < max; i++) {
    const t = tk[i]!;
    if (t.kind === 'punct' && t.text !== '-') break;
    if (!isWord(t)) continue;
    if (i > s && isVerbHere(doc, i)) break;
    if (
      [
        'that',
        'which',
        'who',
        'to',
        'by',
        'through',
        'with',
        'across',
        'while',
        'as',
        'where',
        'so',
      ].includes(t.norm)
    )
      break;
    n++;
  }
  while (
    i > s &&
    (!isWord(tk[i - 1]) || ['and', 'or', 'of', 'for', 'in', 'on', 'the', 'a', 'an'].includes(tk[i - 1]!.norm))
  )
    i--;
  return i > s ? [s, i] : undefined;
}

/** A verb in a list item ("targeting", "aimed"), not a noun compromise took for one ("exercises to", "sharing to"). */
function isVerbHere(doc: Doc, i: number): boolean {
  const tags = doc.tags[i]!;
  if (!tags.has('Verb') || tags.has('Adjective')) return false;
  const t = doc.tokens[i]!;
  const next = doc.tokens[i + 1];
  const nextTags = doc.tags[i + 1];
  const nextIsObject =
    !!next &&
    isWord(next) &&
    !nextTags?.has('Preposition') &&
    !nextTags?.has('Conjunction') &&
    !['to', 'that', 'which'].includes(next.norm);
  const prev = doc.tokens[i - 1]?.norm === 'and' ? i - 2 : i - 1;
  const prevNominal = doc.tags[prev]?.has('Noun') || doc.tags[prev]?.has('Adjective');
  if (prevNominal && /(?:s|ing)$/.test(t.norm) && !nextIsObject) return false;
  return true;
}

/** Drops leading verbs and frequency words ("Establishing", "Regular") from a label; returns the new start. */
export function stripLabelLead(doc: Doc, s: number, e: number): number {
  const tk = doc.tokens;
  for (let changed = true; changed;) {
    changed = false;
    for (const lead of doc.kw.labelLeads) {
      let i = s;
      let ok = true;
      for (const w of lead) {
        while (i < e && !isWord(tk[i])) i++;
        if (i >= e || tk[i]!.norm !== w) {
          ok = false;
          break;
        }
        i++;
      }
      if (ok && i < e && wordsOf(doc, i, e).length >= 1) {
        s = i;
        changed = true;
      }
    }
    while (s < e && ['a', 'an', 'the'].includes(tk[s]!.norm)) {
      s++;
      changed = true;
    }
  }
  return s;
}

/** The text of a label, trimmed of punctuation at its ends. */
export function labelText(doc: Doc, s: number, e: number): string {
  while (s < e && !isWord(doc.tokens[s])) s++;
  while (e > s && !isWord(doc.tokens[e - 1])) e--;
  return s < e ? textOf(doc, s, e) : '';
}
