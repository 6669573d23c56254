// What a footnote shows for a claim's evidence: the whole sentence around each quote, a table row as a table under
// its header, a list item under its lead-in, and a lead-in with the item it introduces. Every piece is verbatim.
import type { Evidence } from '../../../../contract/index.js';
import {
  introOf,
  itemsIntroducedBy,
  leadInOf,
  lineAt,
  sentencesAround,
  sourceLayout,
  span,
  type SourceLayout,
  type Span,
} from './source-layout.js';

/** A source document as the briefing needs it: its title and date for the sources list, its text for the notes. */
export interface SourceDoc {
  id: string;
  title: string;
  /** The full text; null when it could not be read (the notes then show the stored quotes alone). */
  text: string | null;
  /** As the source gives it (ISO date or free text); null when unknown. */
  date: string | null;
  publisher: string | null;
}

/** One footnote's evidence: verbatim spans of one source, or a curator's note. */
export type Passage =
  | { kind: 'sentence'; sourceId: string | null; sentence: Span }
  | { kind: 'list'; sourceId: string; leadIn: Span | null; items: Span[]; more: number }
  | {
      kind: 'table';
      sourceId: string;
      leadIn: Span | null;
      header: Span[] | null;
      rows: Span[][];
      more: number;
    }
  | { kind: 'note'; sourceId: string | null; note: string };

/** A lead-in cited without any of its items shows this many of them (and says how many more there are). */
export const LEAD_IN_ITEMS = 6;

type Unit =
  | { kind: 'sentence'; span: Span }
  | { kind: 'item'; lines: number[] }
  | { kind: 'lead-in'; line: number; span: Span };

/** Where a stored quote is: its offsets when they still hold it, else its first occurrence, else nowhere. */
function locate(text: string, e: Evidence): [number, number] | null {
  const quote = e.quote ?? '';
  if (!quote) return null;
  if (e.start !== null && e.end !== null && text.slice(e.start, e.end) === quote) return [e.start, e.end];
  const at = text.indexOf(quote);
  return at < 0 ? null : [at, at + quote.length];
}

function unitOf(layout: SourceLayout, start: number, end: number): Unit | null {
  const index = lineAt(layout, start);
  const line = layout.lines[index];
  if (!line) return null;
  if (line.kind === 'bullet' || line.kind === 'table-row' || line.kind === 'table-header') {
    // A quote over several items or rows shows each of them.
    const lines = [index];
    for (let i = index + 1; i <= lineAt(layout, Math.max(start, end - 1)); i++)
      if (['bullet', 'table-row', 'table-header'].includes(layout.lines[i]?.kind ?? '')) lines.push(i);
    return { kind: 'item', lines };
  }
  const sentence = sentencesAround(layout, start, end);
  if (!sentence) return null;
  // A quote that reaches the end of a line ending in ':' and followed by its list or table is a lead-in.
  const leadIn = leadInOf(layout, index);
  if (leadIn && sentence.end >= leadIn.end && lineAt(layout, sentence.end) === index) {
    if (itemsIntroducedBy(layout, index).some((l) => l.kind !== 'table-header'))
      return {
        kind: 'lead-in',
        line: index,
        span: sentencesAround(layout, Math.min(start, leadIn.start), leadIn.end)!,
      };
  }
  return { kind: 'sentence', span: sentence };
}

const lineSpan = (layout: SourceLayout, index: number): Span => {
  const l = layout.lines[index]!;
  return span(layout, l.start, l.end);
};
const cells = (layout: SourceLayout, index: number): Span[] =>
  layout.lines[index]!.cells.map((c) => span(layout, c.start, c.end));

/** The list or table block a lead-in or item belongs to: list items or table rows (with the header). */
function block(layout: SourceLayout, sourceId: string, lineIndices: number[], leadIn: Span | null): Passage {
  const first = layout.lines[lineIndices[0]!]!;
  const isTable = first.kind === 'table-row' || first.kind === 'table-header';
  if (isTable) {
    const headerIndex = first.kind === 'table-header' ? first.index : first.header;
    const rows = lineIndices.filter((i) => i !== headerIndex);
    return {
      kind: 'table',
      sourceId,
      leadIn,
      header: headerIndex === undefined ? null : cells(layout, headerIndex),
      rows: rows.map((i) => cells(layout, i)),
      more: 0,
    };
  }
  return { kind: 'list', sourceId, leadIn, items: lineIndices.map((i) => lineSpan(layout, i)), more: 0 };
}

/** A lead-in cited alone: shown with the first items it introduces. */
function leadInWithItems(layout: SourceLayout, sourceId: string, line: number, leadIn: Span): Passage {
  const items = itemsIntroducedBy(layout, line).filter((l) => l.kind !== 'table-header');
  const shown = items.slice(0, LEAD_IN_ITEMS).map((l) => l.index);
  const passage = block(layout, sourceId, shown, leadIn);
  return { ...passage, more: items.length - shown.length } as Passage;
}

/**
 * The passages that show `evidence` (one relationship's or node's), in order of first quote. Quotes in one sentence
 * share it; list items and table rows under one lead-in share one block with it; a lead-in cited without its items
 * is shown with the first LEAD_IN_ITEMS of them. Evidence whose source text is unknown shows the stored quote.
 */
export function passagesOf(evidence: readonly Evidence[], docs: ReadonlyMap<string, SourceDoc>): Passage[] {
  const out: Passage[] = [];
  const bySource = new Map<string, { layout: SourceLayout; units: Unit[] }>();
  const order: (string | Passage)[] = [];
  for (const e of evidence) {
    if (e.quote === null || e.quote === undefined) {
      if (e.note) order.push({ kind: 'note', sourceId: e.sourceId ?? null, note: e.note });
      continue;
    }
    const doc = e.sourceId ? docs.get(e.sourceId) : undefined;
    const at = doc?.text ? locate(doc.text, e) : null;
    const layout = doc?.text && at ? sourceLayout(doc, doc.text) : null;
    const unit = layout && at ? unitOf(layout, at[0], at[1]) : null;
    if (!doc || !layout || !unit) {
      const quote = e.quote;
      order.push({
        kind: 'sentence',
        sourceId: e.sourceId ?? null,
        sentence: { start: e.start ?? -1, end: e.end ?? -1, text: quote },
      });
      continue;
    }
    if (!bySource.has(doc.id)) {
      bySource.set(doc.id, { layout, units: [] });
      order.push(doc.id);
    }
    bySource.get(doc.id)!.units.push(unit);
  }
  for (const item of order) {
    if (typeof item !== 'string') {
      out.push(item);
      continue;
    }
    const { layout, units } = bySource.get(item)!;
    // Items grouped under their lead-in line (items without one form a group of their own per block).
    const groups = new Map<string, number[]>();
    const leadIns = new Map<number, Span>();
    const sentences: Span[] = [];
    const emit: string[] = [];
    for (const u of units) {
      if (u.kind === 'sentence') {
        if (!sentences.some((s) => s.start === u.span.start && s.end === u.span.end)) {
          sentences.push(u.span);
          emit.push(`s${sentences.length - 1}`);
        }
      } else if (u.kind === 'lead-in') {
        if (!leadIns.has(u.line)) leadIns.set(u.line, u.span);
        const key = `g${u.line}`;
        if (!groups.has(key)) {
          groups.set(key, []);
          emit.push(key);
        }
      } else {
        for (const index of u.lines) {
          const line = layout.lines[index]!;
          const key =
            introOf(layout, index) !== undefined && leadInOf(layout, introOf(layout, index))
              ? `g${introOf(layout, index)}`
              : `b${line.header ?? index}`;
          if (!groups.has(key)) {
            groups.set(key, []);
            emit.push(key);
          }
          const list = groups.get(key)!;
          if (!list.includes(index)) list.push(index);
        }
      }
    }
    for (const key of emit) {
      if (key.startsWith('s')) {
        out.push({ kind: 'sentence', sourceId: item, sentence: sentences[Number(key.slice(1))]! });
        continue;
      }
      const lines = groups.get(key)!.sort((a, b) => a - b);
      const introLine = key.startsWith('g') ? Number(key.slice(1)) : undefined;
      const leadIn = introLine === undefined ? null : (leadIns.get(introLine) ?? leadInOf(layout, introLine));
      if (!lines.length) out.push(leadInWithItems(layout, item, introLine!, leadIn!));
      else out.push(block(layout, item, lines, leadIn));
    }
  }
  return out;
}

/** A stable key for a passage: the same evidence shown the same way gets the same footnote number. */
export function passageKey(p: Passage): string {
  switch (p.kind) {
    case 'note':
      return `n\u0000${p.sourceId ?? ''}\u0000${p.note}`;
    case 'sentence':
      return `s\u0000${p.sourceId ?? ''}\u0000${p.sentence.start}\u0000${p.sentence.text}`;
    case 'list':
      return `l\u0000${p.sourceId}\u0000${p.leadIn?.start ?? ''}\u0000${p.items.map((i) => i.start).join(',')}`;
    case 'table':
      return `t\u0000${p.sourceId}\u0000${p.leadIn?.start ?? ''}\u0000${p.rows.map((r) => r[0]?.start ?? '').join(',')}`;
  }
}
