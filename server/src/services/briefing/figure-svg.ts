// The briefing's figure: a deterministic force layout computed in Node, drawn as one standalone SVG.
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3';
import {
  displayName,
  EDGE_STYLE,
  KIND_STYLES,
  NODE_KINDS,
  shapePath,
  type DisplayKind,
} from '../../../../model/index.js';
import type { Graph, GraphNode } from '../../../../contract/index.js';
import { escapeXml } from './escape.js';
import { nodeKind } from './phrases.js';

/** Number of simulation ticks: fixed, so the same graph always gets the same picture. */
export const LAYOUT_TICKS = 300;
/** Edge type labels are drawn only up to this many edges (beyond, they are tooltips only). */
const EDGE_LABEL_LIMIT = 40;
const LABEL_MAX = 32;
/** Layout spacing: the radius of a country (the model's 38 px drawn at FIGURE_SCALE). */
const R = 12;
/** The figure draws the model's node sizes at this scale (a 38 px country becomes 24 px across). */
export const FIGURE_SCALE = (2 * R) / 38;
/** A node's radius in the figure. */
const radius = (kind: DisplayKind): number => (KIND_STYLES[kind].size * FIGURE_SCALE) / 2;

interface LayoutNode extends SimulationNodeDatum {
  id: string;
}

/**
 * Positions for every node: seeded on a circle in sorted-id order, then LAYOUT_TICKS ticks of a
 * link + charge + collide + weak-gravity simulation. d3-force's own jiggle uses a fixed-seed LCG, so no randomness.
 */
export function layoutGraph(graph: Graph): Map<string, { x: number; y: number }> {
  const ids = graph.nodes.map((n) => n.id).sort();
  const radius = Math.max(60, 45 * Math.sqrt(ids.length));
  const nodes: LayoutNode[] = ids.map((id, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, ids.length);
    return { id, x: radius * Math.cos(a), y: radius * Math.sin(a) };
  });
  const known = new Set(ids);
  const links = graph.edges
    .filter((e) => known.has(e.source) && known.has(e.target) && e.source !== e.target)
    .map((e) => ({ source: e.source, target: e.target }))
    .sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target));
  // Small figures get more room per node: their labels are read at print size, not zoomed into.
  const small = ids.length <= 30;
  const sim = forceSimulation<LayoutNode>(nodes)
    .force(
      'link',
      forceLink<LayoutNode, { source: string | LayoutNode; target: string | LayoutNode }>(links)
        .id((d) => d.id)
        .distance(small ? 170 : 90),
    )
    .force('charge', forceManyBody<LayoutNode>().strength(small ? -600 : -260))
    .force('collide', forceCollide<LayoutNode>(R * 2.4))
    // Weak gravity rather than forceCenter: it also keeps unconnected nodes and small components near the rest.
    .force('x', forceX<LayoutNode>(0).strength(0.07))
    .force('y', forceY<LayoutNode>(0).strength(0.07))
    .stop();
  sim.tick(LAYOUT_TICKS);
  return new Map(nodes.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0 }]));
}

const f = (v: number): string => (Math.round(v * 10) / 10).toString();

/** A node's symbol: the canvas's shape and colour (the model's palette), with the canvas's white border. */
function shapeSvg(kind: DisplayKind, cx: number, cy: number): string {
  const { colour, shape, size } = KIND_STYLES[kind];
  return (
    `<path class="node-shape" data-shape="${shape}" transform="translate(${f(cx)},${f(cy)})" ` +
    `d="${shapePath(shape, size * FIGURE_SCALE)}" fill="${colour}" stroke="#ffffff" stroke-width="1"/>`
  );
}

/** The label drawn under a node: the name, shortened with an ellipsis past LABEL_MAX characters. */
export function figureLabel(node: GraphNode): string {
  const name = node.name.trim();
  return [...name].length > LABEL_MAX
    ? `${[...name]
        .slice(0, LABEL_MAX - 1)
        .join('')
        .trimEnd()}…`
    : name;
}

/**
 * The graph as a standalone SVG document fragment (`<svg xmlns=...>`, valid XML): one `<g class="node">`
 * per node with its shape, a `<title>` (full name and kind) and exactly one `<text>` label; one
 * `<g class="edge">` per relationship with a line, an arrowhead and the type (as `<title>`, and as a
 * text label when the figure is small); a legend of the kinds present. No scripts, no external references.
 */
export function renderFigureSvg(graph: Graph): string {
  const pos = layoutGraph(graph);
  const nodes = [...graph.nodes].sort((a, b) => a.id.localeCompare(b.id));
  const kindOfId = new Map(nodes.map((n) => [n.id, nodeKind(n)]));
  const order: readonly DisplayKind[] = [...NODE_KINDS, 'Other'];
  const kinds = [...new Set(nodes.map(nodeKind))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const edges = graph.edges
    .filter((e) => pos.has(e.source) && pos.has(e.target))
    .sort((a, b) => a.id.localeCompare(b.id));

  let minX = -100,
    minY = -60,
    maxX = 100,
    maxY = 60;
  for (const p of pos.values()) {
    minX = Math.min(minX, p.x - 110);
    maxX = Math.max(maxX, p.x + 110);
    minY = Math.min(minY, p.y - 30);
    maxY = Math.max(maxY, p.y + 34);
  }
  const legendH = 26;
  const width = maxX - minX;
  const height = maxY - minY + legendH;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="briefing-figure" role="img" viewBox="${f(minX)} ${f(minY)} ${f(width)} ${f(height)}" width="${Math.round(width)}" height="${Math.round(height)}" font-family="Helvetica, Arial, sans-serif">`,
  );
  out.push(`<title>Figure: ${nodes.length} nodes and ${edges.length} relationships</title>`);
  out.push(
    `<defs><marker id="briefing-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${EDGE_STYLE.colour}"/></marker></defs>`,
  );
  out.push(`<rect x="${f(minX)}" y="${f(minY)}" width="${f(width)}" height="${f(height)}" fill="#ffffff"/>`);

  out.push('<g class="edges">');
  for (const e of edges) {
    const a = pos.get(e.source)!;
    const b = pos.get(e.target)!;
    const dx = b.x - a.x,
      dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const ra = radius(kindOfId.get(e.source)!),
      rb = radius(kindOfId.get(e.target)!);
    const x1 = a.x + (dx / len) * ra,
      y1 = a.y + (dy / len) * ra;
    const x2 = b.x - (dx / len) * (rb + 2),
      y2 = b.y - (dy / len) * (rb + 2);
    const disputed = e.properties.disputed === true;
    const type = escapeXml(e.type);
    out.push(
      `<g class="edge${disputed ? ' disputed' : ''}" data-type="${type}"><title>${type}</title>` +
        `<line x1="${f(x1)}" y1="${f(y1)}" x2="${f(x2)}" y2="${f(y2)}" stroke="${disputed ? EDGE_STYLE.disputedColour : EDGE_STYLE.colour}" stroke-width="1.2"${disputed ? ` stroke-dasharray="${EDGE_STYLE.disputedDash.join(' ')}"` : ''} marker-end="url(#briefing-arrow)"/>` +
        (edges.length <= EDGE_LABEL_LIMIT
          ? `<text class="edge-label" x="${f((a.x + b.x) / 2)}" y="${f((a.y + b.y) / 2 - 3)}" font-size="8" fill="#666666" text-anchor="middle">${type}</text>`
          : '') +
        '</g>',
    );
  }
  out.push('</g>');

  out.push('<g class="nodes">');
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    const kind = nodeKind(n);
    out.push(
      `<g class="node kind-${kind.toLowerCase()}" data-id="${escapeXml(n.id)}"><title>${escapeXml(`${n.name} (${displayName(kind)})`)}</title>` +
        shapeSvg(kind, p.x, p.y) +
        `<text class="node-label" x="${f(p.x)}" y="${f(p.y + radius(kind) + 12)}" font-size="10" fill="#222222" text-anchor="middle">${escapeXml(figureLabel(n))}</text>` +
        '</g>',
    );
  }
  out.push('</g>');

  out.push('<g class="legend">');
  kinds.forEach((k, i) => {
    const x = minX + 20 + i * 110;
    const y = maxY + legendH / 2;
    out.push(
      `<g transform="translate(${f(x)},${f(y)}) scale(0.6)">${shapeSvg(k, 0, 0)}</g>` +
        `<text x="${f(x + 12)}" y="${f(y + 4)}" font-size="10" fill="#222222">${escapeXml(displayName(k))}</text>`,
    );
  });
  out.push('</g>');
  out.push('</svg>');
  return out.join('\n');
}
