// The review's pure parts: suggestions grouped by kind, and the article cut into plain and highlighted spans.
import type { SourceMention, Suggestion } from '../../../../contract';

/** Suggestions of one kind (`node` + label, or `relationship` + type), in text order. */
export interface SuggestionGroup {
  kind: Suggestion['kind'];
  /** The label (`Organization`) or relationship type (`HOSTED`). */
  name: string;
  items: Suggestion[];
}

/** Groups `list` by kind and label/type, nodes first, keeping text order inside a group. */
export function groupSuggestions(list: readonly Suggestion[]): SuggestionGroup[] {
  const groups = new Map<string, SuggestionGroup>();
  for (const s of list) {
    const name = (s.kind === 'node' ? s.label : s.type) ?? '?';
    const key = `${s.kind}:${name}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { kind: s.kind, name, items: [] }));
    g.items.push(s);
  }
  return [...groups.values()].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'node' ? -1 : 1));
}

/** One piece of the article: plain text, or a mention to highlight. */
export interface TextSpan {
  start: number;
  end: number;
  mention: SourceMention | null;
}

/**
 * Cuts `text` into spans at the mentions' offsets; a mention overlapping one already placed is left out, so
 * every character is in exactly one span and joining the spans gives the text back.
 */
export function textSpans(text: string, mentions: readonly SourceMention[]): TextSpan[] {
  const sorted = [...mentions]
    .filter((m) => m.start >= 0 && m.end <= text.length && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: TextSpan[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.start < at) continue;
    if (m.start > at) spans.push({ start: at, end: m.start, mention: null });
    spans.push({ start: m.start, end: m.end, mention: m });
    at = m.end;
  }
  if (at < text.length) spans.push({ start: at, end: text.length, mention: null });
  return spans;
}

/** A one-line name for a suggestion: the candidate's name, or "from TYPE to". */
export function suggestionTitle(s: Suggestion): string {
  if (s.kind === 'node') return s.name ?? '(unnamed)';
  return `${s.from?.name ?? '?'} ${s.type ?? '?'} ${s.to?.name ?? '?'}`;
}
