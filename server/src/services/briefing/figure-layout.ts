// The briefing figure's layout: who (actors) | through what (forums, agreements, events) | on what (threats,
// technologies), one column each; rows ordered to cross few edges and stacked, so no two boxes can overlap.
import { linkHorizontal } from 'd3';
import { FAMILIES, KIND_STYLES, KINDS, NODE_KINDS, type DisplayKind } from '../../../../model/index.js';
import type { GraphEdge, GraphNode } from '../../../../contract/index.js';
import { joinWords, nodeKind } from './phrases.js';
import { textWidth, wrapLabel, type WrappedLabel } from './text-metrics.js';

/** The figure draws the model's node sizes at this scale (a 38 px country becomes 24 px across). */
export const FIGURE_SCALE = 24 / 38;
/** Label type: 11 px on 13 px lines, wrapped at LABEL_WIDTH into at most two lines. */
export const LABEL_FONT = 11;
export const LINE_HEIGHT = 13;
export const LABEL_WIDTH = 230;
const LABEL_GAP = 6;
const ROW_GAP = 10;
/** Room between columns for the edges' curves. */
const COLUMN_GAP = 120;
const PAD = 12;
/** Height of the column headings above the rows. */
export const HEADING_HEIGHT = 26;
/** Most extra room between the rows of a column shorter than the tallest one. */
const MAX_SPREAD = 36;
/** Crossing-reduction sweeps: enough for 40 nodes to settle; fixed, so the picture is the same every time. */
const SWEEPS = 12;

/** The column each kind is drawn in; the compiler asks for a column when a kind is added to the model. */
const COLUMN: Record<DisplayKind, 0 | 1 | 2> = {
  Country: 0,
  Person: 0,
  Organization: 0,
  Other: 0,
  Forum: 1,
  Agreement: 1,
  Event: 1,
  Source: 1,
  ThreatType: 2,
  Technology: 2,
};

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNode {
  node: GraphNode;
  kind: DisplayKind;
  column: number;
  /** Centre of the symbol. */
  x: number;
  y: number;
  /** Symbol size in the figure (the model's size at FIGURE_SCALE). */
  size: number;
  label: WrappedLabel;
  /** Labels stand left of the first column's symbols (`end`) and right of the others' (`start`). */
  anchor: 'start' | 'end';
  labelBox: Box;
  symbolBox: Box;
}

/** One line per pair of nodes, however many relationships join them. */
export interface PlacedEdge {
  /** The pair's ends: `from` is the left (or upper) one. */
  from: string;
  to: string;
  edges: GraphEdge[];
  path: string;
  /** Some relationship points from `from` to `to` (an arrow at `to`), or back (an arrow at `from`). */
  forward: boolean;
  backward: boolean;
  disputed: boolean;
}

export interface FigureLayout {
  width: number;
  /** Bottom of the columns (the legend goes below). */
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  /** Column headings: x of the column's symbols, the text, and where the text is anchored. */
  headings: { x: number; text: string; anchor: 'start' | 'end' }[];
}

/** A node's symbol size in the figure. */
export const symbolSize = (kind: DisplayKind): number => KIND_STYLES[kind].size * FIGURE_SCALE;

const KIND_ORDER: readonly DisplayKind[] = [...NODE_KINDS, 'Other'];

/** The heading of a column: "Actors" for the actor family, else its kinds' plurals ("Forums and agreements"). */
function headingOf(kinds: DisplayKind[]): string {
  const actor = kinds.every((k) => k === 'Other' || KINDS[k].family === 'Actor');
  if (actor) return FAMILIES.Actor.plural;
  const words = kinds.map((k) => (k === 'Other' ? 'other nodes' : KINDS[k].plural.toLowerCase()));
  const text = joinWords(words);
  return text[0]!.toUpperCase() + text.slice(1);
}

/** Orders each column by the mean position of its neighbours in the other columns (barycentre sweeps). */
function orderColumns(
  columns: string[][],
  neighbours: Map<string, Set<string>>,
  columnOf: Map<string, number>,
): void {
  const pos = new Map<string, number>();
  const setPos = (c: number) =>
    columns[c]!.forEach((id, i) => pos.set(id, columns[c]!.length > 1 ? i / (columns[c]!.length - 1) : 0.5));
  columns.forEach((_, c) => setPos(c));
  const sweep = [1, 0, 2, 1].filter((c) => c < columns.length);
  for (let s = 0; s < SWEEPS; s++) {
    for (const c of sweep) {
      const col = columns[c]!;
      const bary = new Map(
        col.map((id) => {
          const others = [...neighbours.get(id)!].filter((n) => columnOf.get(n) !== c);
          return [
            id,
            others.length ? others.reduce((a, n) => a + pos.get(n)!, 0) / others.length : pos.get(id)!,
          ];
        }),
      );
      const index = new Map(col.map((id, i) => [id, i]));
      col.sort((a, b) => bary.get(a)! - bary.get(b)! || index.get(a)! - index.get(b)!);
      setPos(c);
    }
  }
}

const link = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>();
const f = (v: number): string => (Math.round(v * 10) / 10).toString();

/** Lays out `nodes` and the relationships among them. Deterministic: the same graph gives the same figure. */
export function layoutFigure(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): FigureLayout {
  const ids = new Set(nodes.map((n) => n.id));
  const drawn = edges
    .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
    .sort((a, b) => a.id.localeCompare(b.id));
  const neighbours = new Map(nodes.map((n) => [n.id, new Set<string>()]));
  for (const e of drawn) {
    neighbours.get(e.source)!.add(e.target);
    neighbours.get(e.target)!.add(e.source);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const columnOf = new Map<string, number>(nodes.map((n) => [n.id, COLUMN[nodeKind(n)]]));
  // Empty columns take no room: the columns in use are numbered left to right.
  const used = [...new Set(columnOf.values())].sort();
  const columns: string[][] = used.map((c) =>
    nodes
      .filter((n) => columnOf.get(n.id) === c)
      .sort(
        (a, b) =>
          KIND_ORDER.indexOf(nodeKind(a)) - KIND_ORDER.indexOf(nodeKind(b)) ||
          neighbours.get(b.id)!.size - neighbours.get(a.id)!.size ||
          a.name.localeCompare(b.name, 'en') ||
          a.id.localeCompare(b.id),
      )
      .map((n) => n.id),
  );
  for (const [id, c] of columnOf) columnOf.set(id, used.indexOf(c));
  orderColumns(columns, neighbours, columnOf);

  const labels = new Map(nodes.map((n) => [n.id, wrapLabel(n.name, LABEL_WIDTH, LABEL_FONT)]));
  const labelWidth = (id: string): number =>
    Math.max(0, ...labels.get(id)!.lines.map((l) => textWidth(l, LABEL_FONT)));
  const rowHeight = (id: string): number =>
    Math.max(symbolSize(nodeKind(byId.get(id)!)), labels.get(id)!.lines.length * LINE_HEIGHT) + ROW_GAP;
  const maxSize = (c: number): number =>
    Math.max(0, ...columns[c]!.map((id) => symbolSize(nodeKind(byId.get(id)!))));
  const maxLabel = (c: number): number => Math.max(0, ...columns[c]!.map(labelWidth));

  // Column x positions: the first column's labels stand left of its symbols, the others' right of theirs.
  const xs: number[] = [];
  let right = PAD;
  const labelsLeft = (c: number): boolean => c === 0 && columns.length > 1;
  columns.forEach((_, c) => {
    const r = maxSize(c) / 2;
    const x = labelsLeft(c) ? right + maxLabel(c) + LABEL_GAP + r : right + (c === 0 ? 0 : COLUMN_GAP) + r;
    xs.push(x);
    right = labelsLeft(c) ? x + r : x + r + LABEL_GAP + maxLabel(c);
  });
  const heights = columns.map((col) => col.reduce((h, id) => h + rowHeight(id), 0));
  const tallest = Math.max(0, ...heights);

  const placed = new Map<string, PlacedNode>();
  columns.forEach((col, c) => {
    // A shorter column spreads its rows (up to MAX_SPREAD more room each) so its edges fan out less, then centres.
    const spread = Math.min(MAX_SPREAD, (tallest - heights[c]!) / col.length);
    let y = HEADING_HEIGHT + (tallest - heights[c]! - spread * col.length) / 2 + spread / 2;
    for (const id of col) {
      const node = byId.get(id)!;
      const kind = nodeKind(node);
      const size = symbolSize(kind);
      const h = rowHeight(id);
      const cy = y + h / 2;
      const label = labels.get(id)!;
      const w = labelWidth(id);
      const lh = label.lines.length * LINE_HEIGHT;
      const anchor = labelsLeft(c) ? 'end' : 'start';
      const lx = anchor === 'end' ? xs[c]! - size / 2 - LABEL_GAP - w : xs[c]! + size / 2 + LABEL_GAP;
      placed.set(id, {
        node,
        kind,
        column: c,
        x: xs[c]!,
        y: cy,
        size,
        label,
        anchor,
        labelBox: { x: lx, y: cy - lh / 2, width: w, height: lh },
        symbolBox: { x: xs[c]! - size / 2, y: cy - size / 2, width: size, height: size },
      });
      y += h + spread;
    }
  });

  const headings = columns.map((col, c) => ({
    x: xs[c]!,
    text: headingOf(
      [...new Set(col.map((id) => placed.get(id)!.kind))].sort(
        (a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b),
      ),
    ),
    anchor: (labelsLeft(c) ? 'end' : 'start') as 'start' | 'end',
  }));

  return {
    width: right + PAD,
    height: HEADING_HEIGHT + tallest,
    nodes: [...placed.values()],
    edges: placeEdges(drawn, placed),
    headings,
  };
}

/** Where an edge leaves a node on its right: the symbol in the first column, the end of the label in the others. */
const rightOf = (n: PlacedNode): number =>
  n.anchor === 'end' ? n.x + n.size / 2 : n.labelBox.x + n.labelBox.width + 4;

function placeEdges(drawn: GraphEdge[], placed: Map<string, PlacedNode>): PlacedEdge[] {
  const pairs = new Map<string, GraphEdge[]>();
  for (const e of [...drawn].sort((a, b) => a.id.localeCompare(b.id))) {
    const key = [e.source, e.target].sort().join('\u0000');
    pairs.set(key, [...(pairs.get(key) ?? []), e]);
  }
  const out: PlacedEdge[] = [];
  for (const list of pairs.values()) {
    const [p, q] = [placed.get(list[0]!.source)!, placed.get(list[0]!.target)!].sort(
      (a, b) => a.column - b.column || a.y - b.y,
    );
    const a = p!;
    const b = q!;
    let path: string;
    if (a.column !== b.column) {
      path = link({ source: [rightOf(a), a.y], target: [b.x - b.size / 2 - 2, b.y] }) ?? '';
    } else {
      // Same column: an arc into the gap beside the symbols, away from the labels.
      const side = a.anchor === 'end' ? 1 : -1;
      const x = a.x + (side * a.size) / 2;
      const x2 = b.x + (side * b.size) / 2;
      const bulge = side * Math.min(COLUMN_GAP * 0.45, 14 + Math.abs(b.y - a.y) * 0.2);
      path = `M${f(x)},${f(a.y)}C${f(x + bulge)},${f(a.y)} ${f(x2 + bulge)},${f(b.y)} ${f(x2)},${f(b.y)}`;
    }
    out.push({
      from: a.node.id,
      to: b.node.id,
      edges: list,
      path,
      forward: list.some((e) => e.source === a.node.id),
      backward: list.some((e) => e.source === b.node.id),
      disputed: list.some((e) => e.properties.disputed === true),
    });
  }
  return out;
}
