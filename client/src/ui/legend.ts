// The legend, drawn with d3: each node kind's shape and colour, how many are on the canvas, and line styles.
// The same drawing goes into exported images (legendImage), so the figure's key matches the panel's.
import * as d3 from 'd3';
import {
  displayKindOf,
  displayName,
  EDGE_STYLE,
  KIND_STYLES,
  NODE_KINDS,
  shapePath,
  type DisplayKind,
  type NodeLabel,
} from '../../../model';
import type { State } from '../state/state';
import type { ReadableStore } from '../state/store';
import { el, section } from './dom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const ROW_HEIGHT = 22;
const WIDTH = 252;
const SYMBOL_SIZE = 14;
const BAR_X = 150;
const BAR_WIDTH = 70;
/** Text colours as presentation attributes (the page's CSS overrides them; an exported image needs them). */
const TEXT = '#1f2933';
const MUTED = '#6b7785';

/** One node kind's row: its label and how many nodes of it are counted. */
export interface KindRow {
  kind: DisplayKind;
  label: string;
  count: number;
}
/** One line style's row. */
export interface LineRow {
  key: string;
  label: string;
  colour: string;
  dash: string | null;
  width: number;
}

/** Line styles the canvas uses; kept in step with graph-stylesheet.ts. */
export const LINE_ROWS: readonly LineRow[] = [
  {
    key: 'disputed',
    label: 'Disputed claim',
    colour: EDGE_STYLE.disputedColour,
    dash: EDGE_STYLE.disputedDash.join(' '),
    width: 2,
  },
  { key: 'speculative', label: 'Speculative', colour: EDGE_STYLE.colour, dash: '1 3', width: 2 },
  { key: 'path', label: 'Path found', colour: '#f08c00', dash: null, width: 4 },
  { key: 'selected', label: 'Selected', colour: '#1d4ed8', dash: null, width: 3 },
];

/** Every kind with its count among `nodes` (kinds without nodes count 0; "Other" only when present). */
export function kindRows(nodes: Iterable<{ labels: readonly NodeLabel[] }>): KindRow[] {
  const counts = new Map<DisplayKind, number>();
  for (const n of nodes) {
    const kind = displayKindOf(n.labels);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const rows: KindRow[] = NODE_KINDS.map((kind) => ({
    kind,
    label: displayName(kind),
    count: counts.get(kind) ?? 0,
  }));
  const other = counts.get('Other');
  if (other) rows.push({ kind: 'Other', label: 'Other', count: other });
  return rows;
}

/** Draws (or redraws) the legend into `svgEl`: kind rows with bars, then line rows; sets its height and label. */
export function drawLegend(
  svgEl: SVGSVGElement,
  rows: readonly KindRow[],
  lineRows: readonly LineRow[] = LINE_ROWS,
): void {
  const svg = d3.select(svgEl).attr('width', WIDTH).attr('role', 'img');
  const group = (cls: string): d3.Selection<SVGGElement, unknown, null, undefined> => {
    const found = svg.select<SVGGElement>(`g.${cls}`);
    return found.empty() ? svg.append('g').attr('class', cls) : found;
  };
  const kinds = group('legend-kinds');
  const lines = group('legend-lines');

  const max = Math.max(1, ...rows.map((r) => r.count));
  const x = d3.scaleLinear().domain([0, max]).range([0, BAR_WIDTH]);
  kinds
    .selectAll<SVGGElement, KindRow>('g.legend-row')
    .data(rows, (d) => d.kind)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'legend-row');
      g.append('path').attr('class', 'legend-symbol').attr('stroke', '#ffffff').attr('stroke-width', 1);
      g.append('text').attr('class', 'legend-label').attr('x', 24).attr('dy', '0.35em');
      g.append('rect')
        .attr('class', 'legend-bar')
        .attr('x', BAR_X)
        .attr('y', -4)
        .attr('height', 8)
        .attr('rx', 2);
      g.append('text')
        .attr('class', 'legend-count')
        .attr('x', WIDTH - 4)
        .attr('dy', '0.35em')
        .attr('text-anchor', 'end');
      return g;
    })
    .attr('transform', (_d, i) => `translate(0,${i * ROW_HEIGHT + ROW_HEIGHT / 2})`)
    .classed('empty', (d) => d.count === 0)
    .call((g) =>
      g
        .select('path')
        .attr('d', (d) => shapePath(KIND_STYLES[d.kind].shape, SYMBOL_SIZE))
        .attr('transform', `translate(${SYMBOL_SIZE / 2 + 2},0)`)
        .attr('fill', (d) => KIND_STYLES[d.kind].colour)
        .attr('opacity', (d) => (d.count === 0 ? 0.45 : null)),
    )
    .call((g) =>
      g
        .select('.legend-label')
        .text((d) => d.label)
        .attr('fill', (d) => (d.count === 0 ? MUTED : TEXT)),
    )
    .call((g) =>
      g
        .select('.legend-bar')
        .attr('width', (d) => x(d.count))
        .attr('fill', (d) => KIND_STYLES[d.kind].colour),
    )
    .call((g) =>
      g
        .select('.legend-count')
        .text((d) => String(d.count))
        .attr('fill', MUTED),
    );

  const top = rows.length * ROW_HEIGHT + 10;
  lines.attr('transform', `translate(0,${top})`);
  lines
    .selectAll<SVGGElement, LineRow>('g.legend-line')
    .data(lineRows, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'legend-line');
      g.append('line').attr('x1', 0).attr('x2', 18);
      g.append('text').attr('class', 'legend-label').attr('x', 24).attr('dy', '0.35em').attr('fill', TEXT);
      return g;
    })
    .attr('transform', (_d, i) => `translate(0,${i * ROW_HEIGHT + ROW_HEIGHT / 2})`)
    .call((g) =>
      g
        .select('line')
        .attr('stroke', (d) => d.colour)
        .attr('stroke-width', (d) => d.width)
        .attr('stroke-dasharray', (d) => d.dash),
    )
    .call((g) => g.select('text').text((d) => d.label));

  svg.attr('height', top + lineRows.length * ROW_HEIGHT);
  svg.attr('aria-label', rows.map((r) => `${r.label}: ${r.count}`).join(', '));
}

/** A standalone legend for an image: the drawing above, self-contained (no page CSS), and its size in px. */
export interface LegendImage {
  svg: SVGSVGElement;
  width: number;
  height: number;
}

/**
 * The legend of exported `nodes`: only the kinds present, and the line styles a figure can show
 * (an exported figure carries no selection emphasis).
 */
export function legendImage(nodes: Iterable<{ labels: readonly NodeLabel[] }>): LegendImage {
  const svgEl = document.createElementNS(SVG_NS, 'svg');
  svgEl.setAttribute('xmlns', SVG_NS);
  svgEl.setAttribute('font-family', 'Inter, "Segoe UI", system-ui, sans-serif');
  svgEl.setAttribute('font-size', '12');
  drawLegend(
    svgEl,
    kindRows(nodes).filter((r) => r.count > 0),
    LINE_ROWS.filter((r) => r.key !== 'selected'),
  );
  return { svg: svgEl, width: WIDTH, height: Number(svgEl.getAttribute('height')) };
}

/** The legend section; redraws counts whenever the canvas's nodes change. */
export function createLegend(store: ReadableStore<State>): HTMLElement {
  const svgEl = document.createElementNS(SVG_NS, 'svg');
  svgEl.setAttribute('class', 'legend-svg');

  let drawnNodes: State['nodes'] | null = null;
  const update = (s: State): void => {
    if (s.nodes === drawnNodes) return;
    drawnNodes = s.nodes;
    drawLegend(svgEl, kindRows(s.nodes.values()));
  };
  store.subscribe(update);
  update(store.get());

  return section('Legend', [el('div', { className: 'legend' }, [svgEl])], 'legend-panel');
}
