// Which node labels are drawn: never below 10 px on screen, never on top of each other, never twice the same
// text. The live canvas and the export stage both apply these rules, so an image shows what the screen shows.
import type cytoscape from 'cytoscape';
import { degreesOf } from './degrees.js';
import { segmentIndex, type Segment } from './edge-crossings.js';
import { LABEL_BASE_FONT_PX, LABEL_LINE_HEIGHT, defaultMeasure, labelWidthOf } from './label-text.js';

/** Smallest on-screen label text, in CSS pixels. */
export const MIN_LABEL_SCREEN_PX = 10;
/** The class that hides a node's label (graph-stylesheet). */
export const LABEL_HIDDEN_CLASS = 'label-hidden';
/** The class that hides an edge's type text that would collide (graph-stylesheet; hover still shows it). */
export const EDGE_LABEL_HIDDEN_CLASS = 'edge-label-hidden';
/** Edges whose type text the stylesheet draws without a pointer on them (graph-stylesheet's EDGE_TYPE_SHOWN). */
const EDGE_TEXT_CLASSES = ['path', 'selected', 'incident'] as const;
/**
 * Model font sizes labels step through as the view zooms out, so text stays readable at Fit; past the
 * largest, labels are hidden. Steps rather than a continuous size: each change restyles every node.
 */
const FONT_STEPS = [LABEL_BASE_FONT_PX, 14, 16, 19, 22, 26, 30, 36, 42] as const;
/** Aim a little above the minimum so rounding never draws 9.9 px. */
const TARGET_SCREEN_PX = MIN_LABEL_SCREEN_PX + 0.5;
/** Gap kept between two drawn labels, in screen pixels. */
const LABEL_GAP_PX = 2;
/** The share of a node's body (from its centre) that no other node's label may cover. */
export const BODY_CORE = 0.4;
/** Space between a node's body and its label (graph-stylesheet's text-margin-y). */
export const LABEL_MARGIN_PX = 4;

/**
 * The model font size for labels at `zoom`: the smallest step that draws at least 10 px, or null when
 * even the largest would be smaller (labels hidden). `steps` limits the sizes (fast mode keeps one).
 */
export function labelFontFor(zoom: number, steps: readonly number[] = FONT_STEPS): number | null {
  for (const f of steps) if (f * zoom >= TARGET_SCREEN_PX) return f;
  return null;
}

/** The fast drawing mode's single step: restyling thousands of nodes on zoom is what it avoids. */
export const FAST_FONT_STEPS: readonly number[] = [LABEL_BASE_FONT_PX];

/** One node whose label could be drawn. */
export interface LabelCandidate {
  id: string;
  /** Centre of the node body, model coordinates. */
  x: number;
  y: number;
  /** Half the body's width and height, model pixels. */
  halfWidth: number;
  halfHeight: number;
  /** The label as drawn (wrapped) and its size at the base font. */
  text: string;
  width: number;
  lines: number;
  /** Higher wins a collision. */
  priority: number;
}

/**
 * Where a label sits around its node: below (the stylesheet's default), else above, right or left, else at one of
 * the body's corners (below-right, below-left, above-right, above-left), tried in that order when the place before
 * is taken (the eight-position model of map labelling), before the label is dropped. A corner's label touches the
 * corner of the node's box: a wide label beside a node it does not fit below often fits there.
 */
export type LabelPlace =
  'below' | 'above' | 'right' | 'left' | 'below-right' | 'below-left' | 'above-right' | 'above-left';
const PLACES: readonly LabelPlace[] = [
  'below',
  'above',
  'right',
  'left',
  'below-right',
  'below-left',
  'above-right',
  'above-left',
];
/** The class that moves a node's label off its default place below (graph-stylesheet). */
export const LABEL_PLACE_CLASSES: Readonly<Record<Exclude<LabelPlace, 'below'>, string>> = {
  above: 'label-above',
  right: 'label-right',
  left: 'label-left',
  'below-right': 'label-below-right',
  'below-left': 'label-below-left',
  'above-right': 'label-above-right',
  'above-left': 'label-above-left',
};
const PLACE_CLASS_ENTRIES = Object.entries(LABEL_PLACE_CLASSES) as readonly [LabelPlace, string][];
/** Every class a label pass sets on a node: the canvas keeps them across restyles, an export decides them again. */
export const LABEL_PASS_CLASSES: readonly string[] = [
  LABEL_HIDDEN_CLASS,
  ...Object.values(LABEL_PLACE_CLASSES),
];

/** A label's box in model coordinates at model font `font`, below its node or at `place`. */
export function labelBox(
  c: LabelCandidate,
  font: number,
  place: LabelPlace = 'below',
): { x1: number; x2: number; y1: number; y2: number } {
  const scale = font / LABEL_BASE_FONT_PX;
  const w = c.width * scale + 4;
  const h = c.lines * font * LABEL_LINE_HEIGHT + 2;
  switch (place) {
    case 'below': {
      const top = c.y + c.halfHeight + LABEL_MARGIN_PX;
      return { x1: c.x - w / 2, x2: c.x + w / 2, y1: top, y2: top + h };
    }
    case 'above': {
      const bottom = c.y - c.halfHeight - LABEL_MARGIN_PX;
      return { x1: c.x - w / 2, x2: c.x + w / 2, y1: bottom - h, y2: bottom };
    }
    case 'right': {
      const left = c.x + c.halfWidth + LABEL_MARGIN_PX;
      return { x1: left, x2: left + w, y1: c.y - h / 2, y2: c.y + h / 2 };
    }
    case 'left': {
      const right = c.x - c.halfWidth - LABEL_MARGIN_PX;
      return { x1: right - w, x2: right, y1: c.y - h / 2, y2: c.y + h / 2 };
    }
    default: {
      // A corner: the label starts where the body's box ends, as far below or above it as a label below or above.
      const [v, side] = place.split('-') as ['below' | 'above', 'right' | 'left'];
      const x1 = side === 'right' ? c.x + c.halfWidth : c.x - c.halfWidth - w;
      const y1 =
        v === 'below' ? c.y + c.halfHeight + LABEL_MARGIN_PX : c.y - c.halfHeight - LABEL_MARGIN_PX - h;
      return { x1, x2: x1 + w, y1, y2: y1 + h };
    }
  }
}

/** A box in model coordinates. */
export interface Box {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** An edge whose type text could be drawn: its text's box (already rotated along the edge) and rank. */
export interface EdgeLabelCandidate {
  id: string;
  box: Box;
  priority: number;
}

/** True when `b` lies wholly inside `outer`. */
const inside = (b: Box, outer: Box): boolean =>
  b.x1 >= outer.x1 && b.x2 <= outer.x2 && b.y1 >= outer.y1 && b.y2 <= outer.y2;

/** The smallest box holding both. */
export const unionBox = (a: Box, b: Box): Box => ({
  x1: Math.min(a.x1, b.x1),
  y1: Math.min(a.y1, b.y1),
  x2: Math.max(a.x2, b.x2),
  y2: Math.max(a.y2, b.y2),
});

/** True when the two boxes share more than an edge. */
export const boxesOverlap = (a: Box, b: Box): boolean =>
  a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** A grid of boxes, so each collision check looks only at the few boxes nearby. */
function boxGrid(cell: number): { clashes(b: Box): boolean; put(b: Box): void; remove(b: Box): void } {
  const grid = new Map<string, Box[]>();
  const cells = (b: Box): string[] => {
    const keys: string[] = [];
    for (let cx = Math.floor(b.x1 / cell); cx <= Math.floor(b.x2 / cell); cx++)
      for (let cy = Math.floor(b.y1 / cell); cy <= Math.floor(b.y2 / cell); cy++) keys.push(`${cx},${cy}`);
    return keys;
  };
  return {
    clashes: (b) => cells(b).some((k) => (grid.get(k) ?? []).some((q) => boxesOverlap(b, q))),
    put: (b) => {
      for (const k of cells(b)) {
        const list = grid.get(k);
        if (list) list.push(b);
        else grid.set(k, [b]);
      }
    },
    remove: (b) => {
      for (const k of cells(b)) {
        const list = grid.get(k);
        const at = list?.indexOf(b) ?? -1;
        if (at >= 0) list!.splice(at, 1);
      }
    },
  };
}

/**
 * Greedy choice, most important first (ties in the order of `candidates`), places below and edge texts before any
 * label moves: a label is drawn when its box, below its node or failing that at the next of its other places
 * (`places` says which, when not below), keeps clear of every
 * node's core and of every label already chosen, and no chosen label has the same text. With a `view` (model
 * coordinates of what is on screen), a label moves only to a place inside it; with `move` false, never. Edge type texts (`edges`) take part
 * in the same order by their priority (see edgePriorityOf) and follow the same rule. With `lines` (the drawn edges,
 * edge-crossings.ts), a label prefers places no edge runs through: one that lost its place below takes a clear place
 * before a crossed one. Once every label has had its turn, one drawn below against another node's body or with an
 * edge through it moves to a place still free that is clear of them. A grid keeps each check to the few boxes
 * nearby, so the cost follows the number of candidates (what is on screen).
 */
export function chooseLabels(
  candidates: readonly LabelCandidate[],
  font: number,
  zoom: number,
  edges: readonly EdgeLabelCandidate[] = [],
  { view, move = true, lines = [] }: { view?: Box; move?: boolean; lines?: readonly Segment[] } = {},
): { nodes: Set<string>; edges: Set<string>; places: Map<string, LabelPlace> } {
  const shown = new Set<string>();
  const places = new Map<string, LabelPlace>();
  const shownEdges = new Set<string>();
  const texts = new Set<string>();
  const gap = LABEL_GAP_PX / zoom;
  const grid = boxGrid(font * 12);
  const pad = (b: Box): Box => ({ x1: b.x1 - gap, x2: b.x2 + gap, y1: b.y1 - gap, y2: b.y2 + gap });
  // Node cores first: a label never covers the middle of another node (its own body sits above it). Only
  // the core: with whole bodies as obstacles, a dense scene zoomed out would keep almost no label.
  // A label moved off its place below keeps clear of every whole body as well (with a little air), so it never
  // sits against another node and reads as that node's name.
  const bodies = boxGrid(font * 12);
  const air = LABEL_MARGIN_PX - 1;
  for (const c of candidates) {
    grid.put({
      x1: c.x - c.halfWidth * BODY_CORE,
      x2: c.x + c.halfWidth * BODY_CORE,
      y1: c.y - c.halfHeight * BODY_CORE,
      y2: c.y + c.halfHeight * BODY_CORE,
    });
    if (move)
      bodies.put({
        x1: c.x - c.halfWidth - air,
        x2: c.x + c.halfWidth + air,
        y1: c.y - c.halfHeight - air,
        y2: c.y + c.halfHeight + air,
      });
  }
  // One order for both kinds: a path's edge text beats an ordinary node's label, loses to the path's nodes.
  type Item = { kind: 'node'; c: LabelCandidate } | { kind: 'edge'; e: EdgeLabelCandidate };
  const items: Item[] = [
    ...candidates.map((c): Item => ({ kind: 'node', c })),
    ...edges.map((e): Item => ({ kind: 'edge', e })),
  ];
  const rank = (i: Item): number => (i.kind === 'node' ? i.c.priority : i.e.priority);
  // Ties keep the order given (a stable sort): the canvas's, where a hub's page of neighbours arrives most
  // connected first, so its leaves (one tie each on the canvas) are labelled in that order, not by id.
  items.sort((a, b) => rank(b) - rank(a));
  const put = (c: LabelCandidate, place: LabelPlace, box: Box): void => {
    shown.add(c.id);
    if (place !== 'below') places.set(c.id, place);
    texts.add(c.text);
    grid.put(box);
  };
  // First every label at its place below and every edge text, most important first; then, in the same order, the
  // labels that lost their place below try the others in what is left. A label moved aside so never takes the room
  // of a less important label's place below or edge text (the selection's relationship types, which lost every
  // place to its neighbours' moved labels in some layouts of a 52-node scene).
  const moved: { c: LabelCandidate; cut: Box | null }[] = [];
  // Edges' lines (model coordinates): a label avoids places they run through when a free one is left.
  const crossing = move && lines.length ? segmentIndex(lines, font * 12, view) : null;
  const crossed = (b: Box): boolean => crossing?.crosses(b) ?? false;
  const below: { c: LabelCandidate; box: Box }[] = [];
  for (const item of items) {
    if (item.kind === 'edge') {
      if (grid.clashes(pad(item.e.box))) continue;
      shownEdges.add(item.e.id);
      grid.put(item.e.box);
      continue;
    }
    const c = item.c;
    if (!c.text || texts.has(c.text)) continue;
    const box = labelBox(c, font, 'below');
    const free = !grid.clashes(pad(box));
    // A label is never moved out of the view; one whose place below is free but cut stays there, as it always was.
    if (free && (!view || inside(box, view) || !move)) {
      put(c, 'below', box);
      below.push({ c, box });
    } else if (move) moved.push({ c, cut: free ? box : null });
  }
  /** A place other than below, with its box, that is free, clear of bodies and in view (and, with `clear`, crossed by no edge). */
  const otherPlace = (c: LabelCandidate, clear: boolean): { place: LabelPlace; box: Box } | undefined => {
    for (const place of PLACES.slice(1)) {
      const box = labelBox(c, font, place);
      if (
        !grid.clashes(pad(box)) &&
        !bodies.clashes(box) &&
        (!view || inside(box, view)) &&
        (!clear || !crossed(box))
      )
        return { place, box };
    }
    return undefined;
  };
  for (const { c, cut } of moved) {
    if (texts.has(c.text)) continue;
    const other = (crossing && otherPlace(c, true)) || otherPlace(c, false);
    if (other) put(c, other.place, other.box);
    else if (cut && !grid.clashes(pad(cut))) put(c, 'below', cut);
  }
  // Last, in the same order, a label drawn below that runs into another node's body or has an edge through it moves
  // to a place clear of both if one is left, else (against a body) to one clear of bodies: Cytoscape draws a label
  // with its node, so a node drawn later covers it. Every label has had its place first, so a move never costs
  // another label its name; with no such place it stays below, as before.
  if (move)
    for (const { c, box } of below) {
      const onBody = bodies.clashes(box);
      if (!onBody && !crossed(box)) continue;
      grid.remove(box);
      const clear = (crossing && otherPlace(c, true)) || (onBody ? otherPlace(c, false) : undefined);
      if (clear) places.set(c.id, clear.place);
      grid.put(clear?.box ?? box);
    }
  return { nodes: shown, edges: shownEdges, places };
}

/** How much a node's label matters: the selection, then paths, then the selection's neighbours, then degree. */
function priorityOf(n: cytoscape.NodeSingular, degree: number): number {
  let p = degree;
  if (n.hasClass('selected')) p += 1e6;
  if (n.hasClass('path')) p += 1e5;
  if (n.hasClass('neighbour')) p += 1e4;
  if (n.hasClass('pinned')) p += 1e3;
  if (n.hasClass('dimmed')) p -= 1e5;
  return p;
}

/** A node where it is now, with its label as drawn (wrapped text and size, from its data) and `priority`. */
export function labelCandidateOf(n: cytoscape.NodeSingular, priority: number): LabelCandidate {
  const p = n.position();
  const d = n.data() as { label?: string; lw?: number; ll?: number };
  return {
    id: n.id(),
    x: p.x,
    y: p.y,
    halfWidth: n.width() / 2,
    halfHeight: n.height() / 2,
    text: d.label ?? '',
    width: labelWidthOf(d),
    lines: d.ll ?? 1,
    priority,
  };
}

/** The nodes of `cy` inside the current view (plus a margin), with what their labels need. */
function candidatesOnScreen(
  cy: cytoscape.Core,
  where: 'on-screen' | 'everywhere',
): { node: cytoscape.NodeSingular; c: LabelCandidate }[] {
  const ext =
    where === 'everywhere'
      ? { x1: -Infinity, x2: Infinity, y1: -Infinity, y2: Infinity, w: 0, h: 0 }
      : cy.extent();
  const mx = ext.w * 0.1;
  const my = ext.h * 0.1;
  const out: { node: cytoscape.NodeSingular; c: LabelCandidate }[] = [];
  const degree = degreesOf(cy);
  cy.nodes().forEach((n) => {
    const p = n.position();
    if (p.x < ext.x1 - mx || p.x > ext.x2 + mx || p.y < ext.y1 - my || p.y > ext.y2 + my) return;
    if (!n.visible()) return;
    out.push({ node: n, c: labelCandidateOf(n, priorityOf(n, degree.get(n.id()) ?? 0)) });
  });
  return out;
}

/**
 * How much an edge's type text matters, on priorityOf's scale: just below the nodes of its own rank (a
 * selected edge's text after the selection's label, a path's after the path's nodes, one at the selection
 * after its neighbours), above every ordinary node label.
 */
function edgePriorityOf(e: cytoscape.EdgeSingular): number {
  if (e.hasClass('selected')) return 1e6 - 1;
  if (e.hasClass('path')) return 1e5 - 1;
  return 1e4 - 1;
}

/**
 * The edges whose type text the stylesheet draws (on a path, selected or at the selection) near the view, each
 * with its text's box: level text centred on the edge's midpoint.
 */
function edgeCandidates(
  cy: cytoscape.Core,
  font: number,
  where: 'on-screen' | 'everywhere',
): { edge: cytoscape.EdgeSingular; c: EdgeLabelCandidate | null }[] {
  const ext = where === 'everywhere' ? null : cy.extent();
  const measure = defaultMeasure();
  const scale = font / LABEL_BASE_FONT_PX;
  const out: { edge: cytoscape.EdgeSingular; c: EdgeLabelCandidate | null }[] = [];
  cy.edges().forEach((e) => {
    // Dimmed edges draw no text (graph-stylesheet), so they take no room.
    const drawn = EDGE_TEXT_CLASSES.some((k) => e.hasClass(k)) && !e.hasClass('dimmed') && e.visible();
    const type = String((e.data() as { type?: string }).type ?? '');
    if (!drawn || !type || e.hasClass('coop')) {
      out.push({ edge: e, c: null });
      return;
    }
    const m = e.midpoint();
    if (ext && (m.x < ext.x1 - ext.w * 0.1 || m.x > ext.x2 + ext.w * 0.1)) return;
    if (ext && (m.y < ext.y1 - ext.h * 0.1 || m.y > ext.y2 + ext.h * 0.1)) return;
    // Level text (graph-stylesheet), padded like Cytoscape's own label bounds (text background, rounding).
    const bw = measure(type) * scale + 8;
    const bh = font * LABEL_LINE_HEIGHT + 4;
    out.push({
      edge: e,
      c: {
        id: e.id(),
        box: { x1: m.x - bw / 2, x2: m.x + bw / 2, y1: m.y - bh / 2, y2: m.y + bh / 2 },
        priority: edgePriorityOf(e),
      },
    });
  });
  return out;
}

/**
 * Labels look for places clear of the edges only up to this many nodes near the view and this many edges: a random
 * scene of 400 nodes and 600 long edges, all on screen, takes 5–10 ms more per label pass (about 1–4 ms without), 1,200
 * and 1,800 took 20–50 ms more; beyond these a name is too small to read past the lines anyway.
 */
const MAX_AVOIDING_LABELS = 400;
const MAX_AVOIDED_EDGES = 2000;

/** The drawn edges as straight lines between their nodes' centres (dimmed ones, faint, are not avoided). */
function edgeLines(cy: cytoscape.Core): Segment[] {
  const out: Segment[] = [];
  const edges = cy.edges();
  if (edges.length > MAX_AVOIDED_EDGES) return out;
  edges.forEach((e) => {
    if (e.isLoop() || e.hasClass('dimmed') || !e.visible()) return;
    const a = e.source().position();
    const b = e.target().position();
    out.push({ x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  });
  return out;
}

/**
 * Makes Cytoscape place the labels of `nodes` again from their style now. A label moved by a class alone was, now
 * and then, still drawn at its previous place (about one load in eight at Fit after three expansions, two names on
 * each other, each where the other's place had been): Cytoscape recomputes a label's position only for elements
 * its renderer holds dirty, and a class change that moves a label does not always make it so.
 */
export function placeLabelsNow(cy: cytoscape.Core, nodes: cytoscape.NodeCollection): void {
  (nodes as unknown as { dirtyBoundingBoxCache(): void }).dirtyBoundingBoxCache();
  const r = (
    cy as unknown as {
      renderer(): {
        recalculateRenderedStyle?(eles: cytoscape.NodeCollection, useCache: boolean): void;
      } | null;
    }
  ).renderer();
  r?.recalculateRenderedStyle?.(nodes, false);
}

/**
 * Hides, on `cy`, the labels of on-screen nodes that lose a collision or a duplicate, and shows the
 * winners; nodes off screen keep their state until they come into view (`everywhere`: an export of
 * the whole graph decides for every node). Edge type texts drawn without a pointer (highlighted path,
 * selection) lose to node labels and to each other the same way. `font` is the model font the
 * stylesheet draws labels at now (null: labels are off at this zoom, nothing to decide).
 * Returns the ids whose labels are drawn.
 */
export function applyLabelRules(
  cy: cytoscape.Core,
  font: number | null,
  where: 'on-screen' | 'everywhere' = 'on-screen',
  move = true,
): Set<string> {
  if (font === null) return new Set();
  const on = candidatesOnScreen(cy, where);
  const edges = edgeCandidates(cy, font, where);
  const shown = chooseLabels(
    on.map((o) => o.c),
    font,
    cy.zoom(),
    edges.flatMap((e) => (e.c ? [e.c] : [])),
    {
      view: where === 'on-screen' ? cy.extent() : undefined,
      move,
      lines: move && on.length <= MAX_AVOIDING_LABELS ? edgeLines(cy) : [],
    },
  );
  const replaced = cy.collection();
  cy.batch(() => {
    for (const { node } of on) {
      const hide = !shown.nodes.has(node.id());
      if (hide !== node.hasClass(LABEL_HIDDEN_CLASS)) node.toggleClass(LABEL_HIDDEN_CLASS, hide);
      const place = shown.places.get(node.id());
      let changed = false;
      for (const [at, cls] of PLACE_CLASS_ENTRIES)
        if ((place === at) !== node.hasClass(cls)) {
          node.toggleClass(cls, place === at);
          changed = true;
        }
      if (changed) replaced.merge(node);
    }
    for (const { edge, c } of edges) {
      const hide = c !== null && !shown.edges.has(c.id);
      if (hide !== edge.hasClass(EDGE_LABEL_HIDDEN_CLASS)) edge.toggleClass(EDGE_LABEL_HIDDEN_CLASS, hide);
    }
  });
  if (replaced.nonempty()) placeLabelsNow(cy, replaced);
  return shown.nodes;
}
