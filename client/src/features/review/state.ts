// The review's pure parts: suggestions grouped by kind, the article cut into plain and highlighted spans, and the
// edit-before-accept form's choices and the edits it sends.
import type {
  SourceMention,
  Suggestion,
  SuggestionAcceptRequest,
  SuggestionListResponse,
} from '../../../../contract';
import type { Confidence } from '../../../../model';

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

/** An existing node a relationship suggestion's end may be changed to. */
export interface EndChoice {
  nodeId: string;
  name: string;
  label: string;
}

/**
 * The nodes this article is about that a relationship's end may be edited to: the existing nodes its suggestions
 * name as ends, the candidates already accepted or linked, and the graph's nodes it mentions, each once, by name.
 */
export function endChoices(
  data: Pick<SuggestionListResponse, 'suggestions' | 'mentions'>,
  text: string,
): EndChoice[] {
  const out = new Map<string, EndChoice>();
  const add = (nodeId: string | null | undefined, name: string, label: string): void => {
    if (nodeId && !out.has(nodeId)) out.set(nodeId, { nodeId, name, label });
  };
  for (const s of data.suggestions) {
    for (const end of [s.from, s.to])
      if (end) add(end.kind === 'node' ? end.nodeId : end.nodeId, end.name, end.label);
    if (s.kind === 'node' && (s.state === 'accepted' || s.state === 'linked'))
      add(s.decision?.resultId, s.name ?? '?', s.label ?? '?');
  }
  for (const m of data.mentions) add(m.nodeId, text.slice(m.start, m.end), m.label);
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The editor's fields as the curator left them (`from`/`to`: a node id, or '' for the suggested end). */
export interface EditorValues {
  name?: string;
  label?: string;
  type?: string;
  from?: string;
  to?: string;
  confidence?: Confidence;
}

/** The edits to send: only what differs from the suggestion (an empty object accepts it as suggested). */
export function editsOf(s: Suggestion, v: EditorValues): SuggestionAcceptRequest {
  const edits: SuggestionAcceptRequest = {};
  if (v.confidence && v.confidence !== s.confidence) edits.confidence = v.confidence;
  if (s.kind === 'node') {
    const name = v.name?.trim();
    if (name !== undefined && name !== (s.name ?? '')) edits.name = name;
    if (v.label && v.label !== s.label) edits.label = v.label;
    return edits;
  }
  if (v.type && v.type !== s.type) edits.type = v.type;
  if (v.from && v.from !== endNodeId(s.from)) edits.from = v.from;
  if (v.to && v.to !== endNodeId(s.to)) edits.to = v.to;
  return edits;
}

/** The node an end already stands for (an existing node, or a decided candidate's node); null for a pending one. */
export function endNodeId(end: Suggestion['from']): string | null {
  return end?.nodeId ?? null;
}

/** A candidate's likely existing nodes, the most likely first. */
export function rankedMatches(s: Suggestion): Suggestion['matches'] {
  return [...s.matches].sort((a, b) => b.score - a.score || b.similarity - a.similarity);
}
