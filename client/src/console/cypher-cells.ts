// How a console result cell reads: graph references as chips, everything else as (truncated) text.
// (Imports carry .js so the Node tests, which resolve like Node, can load this file too.)
import type { CypherValue } from '../../../contract';

/** Longer cell text is cut here with an ellipsis; the full value stays available on hover. */
export const MAX_CELL_CHARS = 120;

/** What a cell shows; the result table renders each kind. */
export type CellView =
  | { kind: 'null' }
  | { kind: 'text'; text: string; full: string; truncated: boolean }
  /** `id` is null for an internal node without a business key (it cannot be on the canvas). */
  | { kind: 'node'; id: string | null; labels: string[]; name: string }
  | { kind: 'relationship'; id: string; type: string; source: string; target: string }
  | { kind: 'path'; nodes: string[]; edges: string[] }
  | { kind: 'list'; items: CellView[] };

type NodeRefValue = { $node: string | null; labels: string[]; name: string | null };
type RelRefValue = { $relationship: string; type: string; source: string; target: string };
type PathRefValue = { $path: { nodes: string[]; edges: string[] } };

function field(v: CypherValue, key: string): unknown {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)[key]
    : undefined;
}
function isNodeRef(v: CypherValue): v is NodeRefValue {
  const id = field(v, '$node');
  return (typeof id === 'string' || id === null) && Array.isArray(field(v, 'labels'));
}
function isRelRef(v: CypherValue): v is RelRefValue {
  return typeof field(v, '$relationship') === 'string';
}
function isPathRef(v: CypherValue): v is PathRefValue {
  const path = field(v, '$path');
  return typeof path === 'object' && path !== null;
}
function isGraphRef(v: CypherValue): boolean {
  return isNodeRef(v) || isRelRef(v) || isPathRef(v);
}

/** Cuts `full` to `max` characters (ending in an ellipsis) and says whether it did. */
export function truncateText(full: string, max = MAX_CELL_CHARS): { text: string; truncated: boolean } {
  return full.length <= max
    ? { text: full, truncated: false }
    : { text: `${full.slice(0, max - 1)}…`, truncated: true };
}

function textView(full: string): CellView {
  return { kind: 'text', full, ...truncateText(full) };
}

/** The view of one cell value. Strings show without quotes; lists and maps as JSON. */
export function describeCell(value: CypherValue): CellView {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'string') return textView(value);
  if (typeof value === 'number' || typeof value === 'boolean') return textView(String(value));
  if (isNodeRef(value)) {
    return {
      kind: 'node',
      id: value.$node,
      labels: value.labels,
      name: value.name ?? value.$node ?? `(:${value.labels.join(':')})`,
    };
  }
  if (isRelRef(value)) {
    return {
      kind: 'relationship',
      id: value.$relationship,
      type: value.type,
      source: value.source,
      target: value.target,
    };
  }
  if (isPathRef(value)) return { kind: 'path', nodes: value.$path.nodes, edges: value.$path.edges };
  // A list of graph values (collect(n), nodes(p)) stays a row of chips; other lists read as JSON.
  if (Array.isArray(value) && value.length > 0 && value.some(isGraphRef))
    return { kind: 'list', items: value.map(describeCell) };
  return textView(JSON.stringify(value));
}

/** One line for a cell, used for tooltips and copying: `(name:Label)`, `[:TYPE]`, JSON otherwise. */
export function cellTitle(view: CellView): string {
  switch (view.kind) {
    case 'null':
      return 'null';
    case 'text':
      return view.full;
    case 'node':
      return `${view.name} (${view.id ?? 'no id'}) :${view.labels.join(':')}`;
    case 'relationship':
      return `${view.source} -[:${view.type}]-> ${view.target} (${view.id})`;
    case 'path':
      return `path of ${view.edges.length} hop${view.edges.length === 1 ? '' : 's'}: ${view.nodes.join(' → ')}`;
    case 'list':
      return `[${view.items.map(cellTitle).join(', ')}]`;
  }
}
