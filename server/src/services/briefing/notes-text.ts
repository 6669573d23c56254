// Words the two renderers share: how a note names its kind and source, and how a statement reads in plain text.
import type { Footnote, Statement } from './briefing-model.js';
import { capitalise, joinWords } from './phrases.js';

/** Objects past this many are listed under the sentence rather than run into it. */
export const INLINE_OBJECTS = 3;

/** What kind of evidence a note shows, said in its first words. */
export function noteKind(note: Footnote): string {
  const p = note.passage;
  switch (p.kind) {
    case 'sentence':
      return 'Quoted sentence';
    case 'list':
      return p.items.length === 1 && p.more === 0 && p.leadIn ? 'List item under its lead-in' : 'List';
    case 'table':
      return p.rows.length === 1 ? 'Table row' : p.rows.length ? 'Table rows' : 'Table';
    case 'note':
      return 'Curator’s note, not a quotation';
  }
}

/** "Source A", or "Unknown source". */
export const sourceName = (note: Footnote): string =>
  note.source ? `Source ${note.source.key}` : 'Unknown source';

/** "and 3 more items in the source" for a lead-in shown with its first items, else ''. */
export function moreText(note: Footnote): string {
  const p = note.passage;
  if ((p.kind !== 'list' && p.kind !== 'table') || p.more === 0) return '';
  const what = p.kind === 'table' ? (p.more === 1 ? 'row' : 'rows') : p.more === 1 ? 'item' : 'items';
  return `and ${p.more} more ${what} in the source`;
}

/** The statement's subject and verb: "France and the United Kingdom are party to". */
export function statementHead(s: Statement): string {
  return capitalise(`${joinWords(s.subjects.map((x) => x.phrase))} ${s.verb}`);
}

/** True when the statement's objects are listed under it rather than run into the sentence. */
export const listsObjects = (s: Statement): boolean => s.objects.length > INLINE_OBJECTS;

/** True when every object of the statement has the same notes (they are then cited once, after the sentence). */
export const sameNotes = (s: Statement): boolean =>
  s.objects.every((o) => o.notes.join(',') === s.objects[0]!.notes.join(','));
