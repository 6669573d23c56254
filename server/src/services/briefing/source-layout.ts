// A source text's layout as the briefing reads it: lines (paragraphs, list items, table rows with their header and
// lead-in) and sentences with offsets, from the ingest engine's own readers, so both see an article the same way.
import { readLayout, type Line } from '../../ingest/layout.js';
import { defaultRules } from '../../ingest/rules.js';
import { splitSentences } from '../../ingest/sentences.js';
import { tokenize } from '../../ingest/tokens.js';

/** A verbatim piece of a source text: `text === source.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface SourceLayout {
  text: string;
  lines: Line[];
  /** Sentences in text order (table rows and headings are one sentence each). */
  sentences: { start: number; end: number; line: number }[];
  /** Offset where each raw line starts (line i holds offsets rawStart[i] .. rawStart[i + 1] - 1). */
  rawStart: number[];
}

const cache = new WeakMap<object, SourceLayout>();

/** The layout of `text` (cached per `owner`, e.g. the source record, for one briefing). */
export function sourceLayout(owner: object, text: string): SourceLayout {
  const hit = cache.get(owner);
  if (hit && hit.text === text) return hit;
  const lines = readLayout(text);
  // Sentence ends depend on the tokens' text and case only, so words need no normalising here.
  const tokens = tokenize(text, (w) => w.toLowerCase());
  const sentences = splitSentences(text, lines, tokens, defaultRules().abbreviations).map((s) => ({
    start: s.start,
    end: s.end,
    line: s.line,
  }));
  const rawStart = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) rawStart.push(i + 1);
  const layout = { text, lines, sentences, rawStart };
  cache.set(owner, layout);
  return layout;
}

/** The span of `text` between two offsets. */
export function span(layout: SourceLayout, start: number, end: number): Span {
  return { start, end, text: layout.text.slice(start, end) };
}

/** Index of the line holding offset `at`. */
export function lineAt(layout: SourceLayout, at: number): number {
  let lo = 0;
  let hi = layout.rawStart.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (layout.rawStart[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The sentences that overlap [start, end), as one span from the first one's start to the last one's end. */
export function sentencesAround(layout: SourceLayout, start: number, end: number): Span | null {
  const hit = layout.sentences.filter((s) => s.end > start && s.start < Math.max(end, start + 1));
  if (!hit.length) return null;
  return span(layout, Math.min(start, hit[0]!.start), Math.max(end, hit[hit.length - 1]!.end));
}

/** The last sentence of line `index` when it ends with ':' (a lead-in such as "Key initiatives include:"), else null. */
export function leadInOf(layout: SourceLayout, index: number | undefined): Span | null {
  if (index === undefined) return null;
  const last = layout.sentences.filter((s) => s.line === index).at(-1);
  if (!last || !layout.text.slice(last.start, last.end).trimEnd().endsWith(':')) return null;
  return span(layout, last.start, last.end);
}

const TABLE = new Set(['table-row', 'table-header', 'table-separator']);
const sameBlock = (a: Line, b: Line): boolean =>
  a.kind === 'blank' || (a.kind === 'bullet' ? b.kind === 'bullet' : TABLE.has(a.kind) && TABLE.has(b.kind));

/**
 * The line that introduces list item or table row `index`: the layout's `intro`, but only when it stands right
 * above the item's list or table (a table that follows a list is not introduced by the list's lead-in).
 */
export function introOf(layout: SourceLayout, index: number): number | undefined {
  const line = layout.lines[index];
  if (line?.intro === undefined) return undefined;
  let i = index - 1;
  while (i > line.intro && sameBlock(layout.lines[i]!, line)) i--;
  return i === line.intro ? line.intro : undefined;
}

/** The list items or table rows a lead-in line introduces, in order (table headers included). */
export function itemsIntroducedBy(layout: SourceLayout, index: number): Line[] {
  return layout.lines.filter((l) => introOf(layout, l.index) === index);
}
