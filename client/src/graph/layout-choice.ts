// Best of several force layouts for a small scene. fcose starts from a random spectral draft, so the same scene came
// out well laid out on one page load and with edges through other nodes and labels on the next (a cooperation view
// of six countries: one load clear, the next with the heaviest pair's edge across a third country). On a small
// scene a run takes 10-30 ms, so a few runs are scored and the one with the fewest faults is kept.
import type cytoscape from 'cytoscape';
import { segmentCrossesBox } from './edge-crossings.js';
import { boxesOverlap, labelBox, labelCandidateOf, type Box } from './label-rules.js';
import { LABEL_BASE_FONT_PX } from './label-text.js';
import { packParts } from './pack-components.js';

/** Scenes up to this many nodes get several runs (each 10-30 ms on the 2-core machine, 52 nodes about 20). */
export const BEST_OF_MAX_NODES = 80;
/** Runs per layout: fewer faults, at four times one run's cost. */
export const BEST_OF_RUNS = 4;

/** What the cost counts (each one a thing a reader trips over), and how much each weighs. */
const WEIGHTS = {
  /** An edge through another node's body reads as passing through that node. */
  edgeThroughBody: 4,
  /** Two labels (below their nodes) on each other, or a label on another node's body. */
  labelOverlap: 3,
  /** An edge through another node's label strikes the name through. */
  edgeThroughLabel: 1,
  /** Two edges crossing. */
  crossing: 1,
} as const;

/** A node as the cost sees it: its body and its label's box below it. */
export interface ScoredNode {
  id: string;
  body: Box;
  label: Box | null;
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number =>
  Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));

/** True when the two segments cross at a point inside both (touching ends do not count). */
export function segmentsCross(
  a: readonly [number, number, number, number],
  b: readonly [number, number, number, number],
): boolean {
  const [ax, ay, bx, by] = a;
  const [cx, cy, dx, dy] = b;
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Faults of one placement, weighted (lower is better). `edges` index into `nodes`. */
export function layoutCost(
  nodes: readonly ScoredNode[],
  edges: readonly (readonly [number, number])[],
): number {
  const centre = nodes.map((n) => [(n.body.x1 + n.body.x2) / 2, (n.body.y1 + n.body.y2) / 2] as const);
  const segments = edges
    .filter(([s, t]) => s !== t)
    .map(([s, t]) => ({ s, t, xy: [...centre[s]!, ...centre[t]!] as const }));
  let cost = 0;
  for (const e of segments) {
    const [x1, y1, x2, y2] = e.xy;
    const line = { x1, y1, x2, y2 };
    nodes.forEach((n, i) => {
      if (i === e.s || i === e.t) return;
      if (segmentCrossesBox(line, n.body)) cost += WEIGHTS.edgeThroughBody;
      else if (n.label && segmentCrossesBox(line, n.label)) cost += WEIGHTS.edgeThroughLabel;
    });
  }
  for (let i = 0; i < segments.length; i++)
    for (let j = i + 1; j < segments.length; j++) {
      const a = segments[i]!;
      const b = segments[j]!;
      if (a.s === b.s || a.s === b.t || a.t === b.s || a.t === b.t) continue;
      if (segmentsCross(a.xy, b.xy)) cost += WEIGHTS.crossing;
    }
  for (let i = 0; i < nodes.length; i++) {
    const label = nodes[i]!.label;
    if (!label) continue;
    for (let j = 0; j < nodes.length; j++) {
      if (j === i) continue;
      const other = nodes[j]!;
      if (boxesOverlap(label, other.body) || (j > i && other.label && boxesOverlap(label, other.label)))
        cost += WEIGHTS.labelOverlap;
    }
  }
  return cost;
}

/** The scene's nodes where they are now, with their labels' boxes below them at the base font. */
function scoredNodes(nodes: cytoscape.NodeCollection): ScoredNode[] {
  return nodes.map((n) => {
    const c = labelCandidateOf(n, 0);
    return {
      id: c.id,
      body: { x1: c.x - c.halfWidth, x2: c.x + c.halfWidth, y1: c.y - c.halfHeight, y2: c.y + c.halfHeight },
      label: c.text ? labelBox(c, LABEL_BASE_FONT_PX) : null,
    };
  });
}

/** The kept run's positions, and each run's cost (the browser tests read them). */
export interface LayoutChoice {
  positions: Map<string, { x: number; y: number }>;
  costs: number[];
  chosen: number;
}

/** Moves each disconnected part of the scene as packParts says (pack-components.ts). */
function packScene(parts: readonly cytoscape.CollectionReturnValue[], aspect: number): void {
  const shifts = packParts(
    parts.map((p) => p.nodes().boundingBox({ includeLabels: true, includeOverlays: false })),
    aspect,
  );
  parts.forEach((part, i) => {
    const { dx, dy } = shifts[i]!;
    if (dx || dy)
      part.nodes().positions((n) => {
        const q = n.position();
        return { x: q.x + dx, y: q.y + dy };
      });
  });
}

/**
 * Runs `options` (an fcose layout of all of `eles`, randomised) `runs` times without animation and returns the
 * positions of the run with the lowest cost, first run winning ties. With the canvas's `aspect` (width / height),
 * a scene in several disconnected parts, none pinned, has them packed in rows to that shape after each run. Nodes are put back where they were (all in the
 * same task, so nothing is drawn meanwhile): the caller moves them to the returned positions, with its animation.
 */
export function bestLayoutPositions(
  eles: cytoscape.CollectionReturnValue,
  options: cytoscape.LayoutOptions,
  runs = BEST_OF_RUNS,
  aspect?: number,
): LayoutChoice {
  // Pinned nodes stay where the user put them, and so does every part then (a part moved around its pin would
  // lose its drawing).
  const parts = aspect === undefined || eles.nodes(':locked').nonempty() ? [] : eles.components();
  const nodes = eles.nodes();
  const index = new Map(nodes.map((n, i) => [n.id(), i] as const));
  const edges = eles
    .edges()
    .toArray()
    .flatMap((e) => {
      const s = index.get(e.source().id());
      const t = index.get(e.target().id());
      return s === undefined || t === undefined ? [] : [[s, t] as const];
    });
  const before = new Map(nodes.map((n) => [n.id(), { ...n.position() }]));
  let best: { cost: number; positions: Map<string, { x: number; y: number }> } | null = null;
  const costs: number[] = [];
  for (let r = 0; r < runs; r++) {
    eles.layout({ ...options, animate: false, fit: false } as cytoscape.LayoutOptions).run();
    if (parts.length > 1) packScene(parts, aspect!);
    const cost = layoutCost(scoredNodes(nodes), edges);
    costs.push(cost);
    if (!best || cost < best.cost)
      best = { cost, positions: new Map(nodes.map((n) => [n.id(), { ...n.position() }])) };
    if (cost === 0) break;
  }
  nodes.positions((n) => before.get(n.id())!);
  return { positions: best!.positions, costs, chosen: best!.cost };
}
