// Which nodes the briefing figure draws: at most FIGURE_MAX_NODES, the most connected first; the rest are counted.
import { KINDS, NODE_KINDS, type DisplayKind } from '../../../../model/index.js';
import type { Graph, GraphNode } from '../../../../contract/index.js';
import { joinWords, nodeKind } from './phrases.js';

/** Past about 40 nodes a printed figure's labels no longer fit at a readable size. */
export const FIGURE_MAX_NODES = 40;

export interface FigureSelection {
  nodes: GraphNode[];
  /** The nodes left out, in words: "And 74 more, not drawn: 30 agreements, 20 technologies and 24 threats"; '' when none. */
  rest: string;
  restCount: number;
}

const KIND_ORDER: readonly DisplayKind[] = [...NODE_KINDS, 'Other'];

const pluralOf = (kind: DisplayKind, n: number): string => {
  if (kind === 'Other') return n === 1 ? 'other node' : 'other nodes';
  const k = KINDS[kind];
  return (n === 1 ? k.name : k.plural).toLowerCase();
};

/** The drawn nodes: ranked by how many other nodes of the graph they link to, then by kind and name. */
export function selectFigureNodes(graph: Graph, max = FIGURE_MAX_NODES): FigureSelection {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const neighbours = new Map(graph.nodes.map((n) => [n.id, new Set<string>()]));
  for (const e of graph.edges) {
    if (e.source === e.target || !ids.has(e.source) || !ids.has(e.target)) continue;
    neighbours.get(e.source)!.add(e.target);
    neighbours.get(e.target)!.add(e.source);
  }
  const ranked = [...graph.nodes].sort(
    (a, b) =>
      neighbours.get(b.id)!.size - neighbours.get(a.id)!.size ||
      KIND_ORDER.indexOf(nodeKind(a)) - KIND_ORDER.indexOf(nodeKind(b)) ||
      a.name.localeCompare(b.name, 'en') ||
      a.id.localeCompare(b.id),
  );
  const nodes = ranked.slice(0, max);
  const left = ranked.slice(max);
  if (!left.length) return { nodes, rest: '', restCount: 0 };
  const counts = new Map<DisplayKind, number>();
  for (const n of left) counts.set(nodeKind(n), (counts.get(nodeKind(n)) ?? 0) + 1);
  const parts = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || KIND_ORDER.indexOf(a[0]) - KIND_ORDER.indexOf(b[0]))
    .map(([k, n]) => `${n} ${pluralOf(k, n)}`);
  return { nodes, rest: `And ${left.length} more, not drawn: ${joinWords(parts)}`, restCount: left.length };
}
