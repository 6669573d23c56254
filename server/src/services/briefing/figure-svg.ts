// The briefing's figure as one standalone SVG: at most about 40 nodes in the canvas's colours and shapes, in
// columns (who | through what | on what), full names on up to two lines, the rest of the selection counted.
import {
  displayName,
  EDGE_STYLE,
  KIND_STYLES,
  NODE_KINDS,
  shapePath,
  type DisplayKind,
} from '../../../../model/index.js';
import type { Graph } from '../../../../contract/index.js';
import { escapeXml as h } from './escape.js';
import { selectFigureNodes } from './figure-select.js';
import {
  HEADING_HEIGHT,
  LABEL_FONT,
  LINE_HEIGHT,
  layoutFigure,
  type FigureLayout,
  type PlacedNode,
} from './figure-layout.js';
import { claimText } from './phrases.js';
import { FIGURE_FONT, textWidth, wrapLabel } from './text-metrics.js';

export { FIGURE_SCALE } from './figure-layout.js';

const TEXT = '#222222';
const MUTED = '#555555';
/** A white halo behind label text, so an edge passing behind a label never crosses its letters. */
const HALO = 'paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round"';
/** How far a label's white backing reaches past its text on either side. */
const LABEL_BACK_PAD = 2;
const LEGEND_FONT = 11;
const LEGEND_ROW = 20;
const LEGEND_SYMBOL = 14;

const f = (v: number): string => (Math.round(v * 10) / 10).toString();

/** A node's symbol: the canvas's shape and colour (the model's palette), with the canvas's white border. */
function shapeSvg(kind: DisplayKind, cx: number, cy: number, size: number): string {
  const { colour, shape } = KIND_STYLES[kind];
  return (
    `<path class="node-shape" data-shape="${shape}" transform="translate(${f(cx)},${f(cy)})" ` +
    `d="${shapePath(shape, size)}" fill="${colour}" stroke="#ffffff" stroke-width="1"/>`
  );
}

function labelSvg(n: PlacedNode): string {
  const lines = n.label.lines;
  // Lines are centred on the symbol; the first baseline sits one ascent (about 0.8 em) below the box top.
  const top = n.labelBox.y + (LINE_HEIGHT - LABEL_FONT) / 2 + LABEL_FONT * 0.8;
  const x = n.anchor === 'end' ? n.labelBox.x + n.labelBox.width : n.labelBox.x;
  const spans = lines
    .map((line, i) => `<tspan x="${f(x)}" y="${f(top + i * LINE_HEIGHT)}">${h(line)}</tspan>`)
    .join('');
  // A white backing under the text: an edge between the outer columns that passes a label goes under it rather
  // than through its words (the halo alone left such a line running through the letters like a strike-through).
  const b = n.labelBox;
  const back = `<rect class="label-back" x="${f(b.x - LABEL_BACK_PAD)}" y="${f(b.y)}" width="${f(b.width + 2 * LABEL_BACK_PAD)}" height="${f(b.height)}" rx="2" fill="#ffffff"/>`;
  return `${back}<text class="node-label" font-size="${LABEL_FONT}" fill="${TEXT}" text-anchor="${n.anchor}" ${HALO}>${spans}</text>`;
}

/** The legend: one entry per kind drawn (and disputed claims when any), wrapped to the figure's width. */
function legendSvg(
  kinds: DisplayKind[],
  disputed: boolean,
  width: number,
  top: number,
): { svg: string; height: number } {
  const items = [
    ...kinds.map((k) => ({ kind: k as DisplayKind | null, text: displayName(k) })),
    ...(disputed ? [{ kind: null, text: 'Disputed claim' }] : []),
  ];
  const out: string[] = ['<g class="legend">'];
  let x = 12;
  let y = top + LEGEND_ROW / 2;
  for (const item of items) {
    const w = LEGEND_SYMBOL + 6 + textWidth(item.text, LEGEND_FONT) + 18;
    if (x > 12 && x + w > width - 12) {
      x = 12;
      y += LEGEND_ROW;
    }
    const cx = x + LEGEND_SYMBOL / 2;
    out.push(
      item.kind
        ? shapeSvg(item.kind, cx, y, LEGEND_SYMBOL)
        : `<path d="M${f(x)},${f(y)}H${f(x + LEGEND_SYMBOL)}" stroke="${EDGE_STYLE.disputedColour}" stroke-width="1.5" stroke-dasharray="${EDGE_STYLE.disputedDash.join(' ')}"/>`,
      `<text x="${f(x + LEGEND_SYMBOL + 6)}" y="${f(y + LEGEND_FONT * 0.35)}" font-size="${LEGEND_FONT}" fill="${TEXT}">${h(item.text)}</text>`,
    );
    x += w;
  }
  out.push('</g>');
  return { svg: out.join(''), height: y + LEGEND_ROW / 2 - top };
}

/** The figure and what it left out. */
export interface Figure {
  svg: string;
  layout: FigureLayout;
  /** "and 74 more: …", or '' when every node is drawn. */
  rest: string;
}

/**
 * The graph as a standalone SVG document fragment (`<svg xmlns=...>`, valid XML): one `<g class="node">` per drawn
 * node with its shape, a `<title>` (full name and kind) and one `<text>` label of one or two `<tspan>` lines; one
 * `<g class="edge">` per joined pair with a curve, arrowheads and the claims in words as its `<title>`; column
 * headings, a legend of the kinds drawn, and a line counting the nodes left out. No scripts, no external references.
 */
export function renderFigure(graph: Graph): Figure {
  const selection = selectFigureNodes(graph);
  const layout = layoutFigure(selection.nodes, graph.edges);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const order: readonly DisplayKind[] = [...NODE_KINDS, 'Other'];
  const kinds = [...new Set(layout.nodes.map((n) => n.kind))].sort(
    (a, b) => order.indexOf(a) - order.indexOf(b),
  );
  const width = Math.max(layout.width, 320);
  const disputedDrawn = layout.edges.some((e) => e.disputed);
  const legend = legendSvg(kinds, disputedDrawn, width, layout.height + 14);
  const restLines = selection.rest ? wrapLabel(`${selection.rest}.`, width - 24, LEGEND_FONT, 4).lines : [];
  const restY = layout.height + 14 + legend.height + 16;
  const height = layout.height + 14 + legend.height + restLines.length * 15 + 12;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="briefing-figure" role="img" viewBox="0 0 ${f(width)} ${f(height)}" width="${Math.round(width)}" height="${Math.round(height)}" font-family="${h(FIGURE_FONT)}">`,
  );
  out.push(
    `<title>Figure: ${layout.nodes.length} of ${graph.nodes.length} nodes and the relationships among them</title>`,
  );
  const marker = (id: string, colour: string) =>
    `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;
  out.push(
    `<defs>${marker('briefing-arrow', EDGE_STYLE.colour)}${marker('briefing-arrow-disputed', EDGE_STYLE.disputedColour)}</defs>`,
  );
  out.push(`<rect x="0" y="0" width="${f(width)}" height="${f(height)}" fill="#ffffff"/>`);

  out.push('<g class="headings">');
  for (const c of layout.headings)
    out.push(
      `<text x="${f(c.x)}" y="${f(HEADING_HEIGHT - 10)}" font-size="12" font-weight="bold" fill="${MUTED}" text-anchor="${c.anchor === 'end' ? 'end' : 'start'}">${h(c.text)}</text>`,
    );
  out.push('</g>');

  out.push('<g class="edges">');
  for (const e of layout.edges) {
    const colour = e.disputed ? EDGE_STYLE.disputedColour : EDGE_STYLE.colour;
    const arrow = `url(#briefing-arrow${e.disputed ? '-disputed' : ''})`;
    const claims = e.edges.map((x) => claimText(x, byId.get(x.source)!, byId.get(x.target)!)).join('; ');
    out.push(
      `<g class="edge${e.disputed ? ' disputed' : ''}" data-types="${h([...new Set(e.edges.map((x) => x.type))].join(' '))}"><title>${h(claims)}</title>` +
        `<path d="${e.path}" fill="none" stroke="${colour}" stroke-width="1.2"${e.disputed ? ` stroke-dasharray="${EDGE_STYLE.disputedDash.join(' ')}"` : ''}` +
        `${e.forward ? ` marker-end="${arrow}"` : ''}${e.backward ? ` marker-start="${arrow}"` : ''}/></g>`,
    );
  }
  out.push('</g>');

  out.push('<g class="nodes">');
  for (const n of layout.nodes) {
    out.push(
      `<g class="node kind-${n.kind.toLowerCase()}" data-id="${h(n.node.id)}"><title>${h(`${n.node.name} (${displayName(n.kind)})`)}</title>` +
        shapeSvg(n.kind, n.x, n.y, n.size) +
        labelSvg(n) +
        '</g>',
    );
  }
  out.push('</g>');
  out.push(legend.svg);
  if (restLines.length)
    out.push(
      `<text class="figure-rest" font-size="${LEGEND_FONT}" fill="${MUTED}">${restLines
        .map((l, i) => `<tspan x="12" y="${f(restY + i * 15)}">${h(l)}</tspan>`)
        .join('')}</text>`,
    );
  out.push('</svg>');
  return { svg: out.join('\n'), layout, rest: selection.rest };
}

/** The figure's SVG alone. */
export function renderFigureSvg(graph: Graph): string {
  return renderFigure(graph).svg;
}
