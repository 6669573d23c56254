// Which node labels are drawn: never below 10 px on screen, never on top of each other, never twice the same
// text. The live canvas and the export stage both apply these rules, so an image shows what the screen shows.
import type cytoscape from 'cytoscape';
import { LABEL_BASE_FONT_PX, LABEL_LINE_HEIGHT } from './label-text.js';

/** Smallest on-screen label text, in CSS pixels. */
export const MIN_LABEL_SCREEN_PX = 10;
/** The class that hides a node's label (graph-stylesheet). */
export const LABEL_HIDDEN_CLASS = 'label-hidden';
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

/** A label's box in model coordinates at model font `font`. */
export function labelBox(
  c: LabelCandidate,
  font: number,
): { x1: number; x2: number; y1: number; y2: number } {
  const scale = font / LABEL_BASE_FONT_PX;
  const w = c.width * scale + 4;
  const top = c.y + c.halfHeight + LABEL_MARGIN_PX;
  return { x1: c.x - w / 2, x2: c.x + w / 2, y1: top, y2: top + c.lines * font * LABEL_LINE_HEIGHT + 2 };
}

/**
 * Greedy choice, most important first: a label is drawn when its box keeps clear of every node's core and
 * of every label already chosen, and no chosen label has the same text. A grid keeps each check to the
 * few boxes nearby, so the cost follows the number of candidates (what is on screen), not the scene.
 */
export function chooseLabels(candidates: readonly LabelCandidate[], font: number, zoom: number): Set<string> {
  const shown = new Set<string>();
  const texts = new Set<string>();
  const gap = LABEL_GAP_PX / zoom;
  const cell = font * 12;
  type Entry = { x1: number; x2: number; y1: number; y2: number; owner: string };
  const grid = new Map<string, Entry[]>();
  const cells = (b: { x1: number; x2: number; y1: number; y2: number }): string[] => {
    const keys: string[] = [];
    for (let cx = Math.floor(b.x1 / cell); cx <= Math.floor(b.x2 / cell); cx++)
      for (let cy = Math.floor(b.y1 / cell); cy <= Math.floor(b.y2 / cell); cy++) keys.push(`${cx},${cy}`);
    return keys;
  };
  const put = (b: Entry, keys: readonly string[]): void => {
    for (const k of keys) {
      const list = grid.get(k);
      if (list) list.push(b);
      else grid.set(k, [b]);
    }
  };
  // Node cores first: a label never covers the middle of another node (its own body sits above it). Only
  // the core: with whole bodies as obstacles, a dense scene zoomed out would keep almost no label.
  for (const c of candidates) {
    const body = {
      x1: c.x - c.halfWidth * BODY_CORE,
      x2: c.x + c.halfWidth * BODY_CORE,
      y1: c.y - c.halfHeight * BODY_CORE,
      y2: c.y + c.halfHeight * BODY_CORE,
      owner: c.id,
    };
    put(body, cells(body));
  }
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  for (const c of order) {
    if (!c.text || texts.has(c.text)) continue;
    const b = labelBox(c, font);
    const padded = { x1: b.x1 - gap, x2: b.x2 + gap, y1: b.y1 - gap, y2: b.y2 + gap };
    const keys = cells(padded);
    const clash = keys.some((k) =>
      (grid.get(k) ?? []).some(
        (q) => padded.x1 < q.x2 && q.x1 < padded.x2 && padded.y1 < q.y2 && q.y1 < padded.y2,
      ),
    );
    if (clash) continue;
    shown.add(c.id);
    texts.add(c.text);
    put({ ...b, owner: c.id }, keys);
  }
  return shown;
}

/** How much a node's label matters: the selection, then paths, then the selection's neighbours, then degree. */
function priorityOf(n: cytoscape.NodeSingular): number {
  let p = n.degree(false);
  if (n.hasClass('selected')) p += 1e6;
  if (n.hasClass('path')) p += 1e5;
  if (n.hasClass('neighbour')) p += 1e4;
  if (n.hasClass('pinned')) p += 1e3;
  if (n.hasClass('dimmed')) p -= 1e5;
  return p;
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
  cy.nodes().forEach((n) => {
    const p = n.position();
    if (p.x < ext.x1 - mx || p.x > ext.x2 + mx || p.y < ext.y1 - my || p.y > ext.y2 + my) return;
    if (!n.visible()) return;
    const d = n.data() as { label?: string; lw?: number; ll?: number };
    out.push({
      node: n,
      c: {
        id: n.id(),
        x: p.x,
        y: p.y,
        halfWidth: n.width() / 2,
        halfHeight: n.height() / 2,
        text: d.label ?? '',
        width: d.lw ?? 0,
        lines: d.ll ?? 1,
        priority: priorityOf(n),
      },
    });
  });
  return out;
}

/**
 * Hides, on `cy`, the labels of on-screen nodes that lose a collision or a duplicate, and shows the
 * winners; nodes off screen keep their state until they come into view (`everywhere`: an export of
 * the whole graph decides for every node). `font` is the model font the
 * stylesheet draws labels at now (null: labels are off at this zoom, nothing to decide).
 * Returns the ids whose labels are drawn.
 */
export function applyLabelRules(
  cy: cytoscape.Core,
  font: number | null,
  where: 'on-screen' | 'everywhere' = 'on-screen',
): Set<string> {
  if (font === null) return new Set();
  const on = candidatesOnScreen(cy, where);
  const shown = chooseLabels(
    on.map((o) => o.c),
    font,
    cy.zoom(),
  );
  cy.batch(() => {
    for (const { node } of on) {
      const hide = !shown.has(node.id());
      if (hide !== node.hasClass(LABEL_HIDDEN_CLASS)) node.toggleClass(LABEL_HIDDEN_CLASS, hide);
    }
  });
  return shown;
}
