// A large scene's spectral draft, spread so that no two nodes cover each other.
//
// Above REFINE_MAX_NODES the layout worker keeps fcose's spectral draft without its force refinement (which would
// take minutes). The draft puts nodes with the same place in the graph's structure (the leaves of one hub, above
// all) at one point, and its scale does not grow with the scene: the 10k-element bench scene (1,663 nodes) came out
// as one heap of overlapping shapes about 700 model pixels wide, which Fit then drew at zoom 1.9.
// This keeps the draft's arrangement and makes room in it:
//   1. the draft is scaled about its centre until its box holds each node's own square (body and gap) with room
//      to spare (not when pinned nodes must stay put: scaling would pull the rest away from them);
//   2. nodes are then placed one by one, pinned nodes first, then by degree (hubs keep their place): a node that
//      would cover one already placed moves to the nearest free spot on rings around its draft place.
// Deterministic (the same draft gives the same result), and linear in the nodes for a spread-out draft: a grid of
// cells as large as the largest body finds the neighbours a spot must keep clear of.
// Pure: tests/client/spread-draft.test.ts.

/**
 * Scenes of more nodes keep fcose's spectral draft without the force refinement (at 900 nodes it took 140 s on 2
 * busy cores), spread by spreadDraft.
 */
export const REFINE_MAX_NODES = 600;

/** Model space kept between two nodes' bodies. */
export const SPREAD_GAP = 16;

/** How much more room than the bodies' squares the scaled draft's box gets (leaves room between clusters). */
const ROOM = 2;

/** Rings tried around a covered spot before the node is left where the last ring ends (never reached in practice). */
const MAX_RINGS = 400;

/** One node of the draft: centre and body size in model pixels, pinned or not, its degree. */
export interface DraftNode {
  x: number;
  y: number;
  w: number;
  h: number;
  pinned: boolean;
  degree: number;
}

/** New centres for `nodes` (same order): scaled, and no two bodies' boxes closer than `gap`. */
export function spreadDraft(nodes: readonly DraftNode[], gap = SPREAD_GAP): { x: number; y: number }[] {
  const n = nodes.length;
  const out = nodes.map((d) => ({ x: d.x, y: d.y }));
  if (n < 2) return out;
  // A body's circle holds its whole box (corners included): two square bodies side by side on a diagonal would
  // otherwise overlap at their corners.
  const radius = nodes.map((d) => Math.hypot(d.w, d.h) / 2);
  const largest = Math.max(...radius);
  const smallest = Math.min(...radius);

  // 1. Scale about the centre when the draft's box is too small for its nodes.
  if (!nodes.some((d) => d.pinned)) {
    let x1 = Infinity;
    let x2 = -Infinity;
    let y1 = Infinity;
    let y2 = -Infinity;
    let need = 0;
    for (let i = 0; i < n; i++) {
      const p = out[i]!;
      x1 = Math.min(x1, p.x);
      x2 = Math.max(x2, p.x);
      y1 = Math.min(y1, p.y);
      y2 = Math.max(y2, p.y);
      need += (2 * radius[i]! + gap) ** 2;
    }
    const side = Math.max(2 * largest + gap, 1);
    const area = Math.max(x2 - x1, side) * Math.max(y2 - y1, side);
    const k = Math.sqrt((need * ROOM) / area);
    if (k > 1) {
      const cx = (x1 + x2) / 2;
      const cy = (y1 + y2) / 2;
      for (const p of out) {
        p.x = cx + (p.x - cx) * k;
        p.y = cy + (p.y - cy) * k;
      }
    }
  }

  // 2. Place one by one, clear of those already placed.
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) =>
      Number(nodes[b]!.pinned) - Number(nodes[a]!.pinned) || nodes[b]!.degree - nodes[a]!.degree || a - b,
  );
  const cell = 2 * largest + gap;
  const grid = new Map<string, number[]>();
  const key = (gx: number, gy: number): string => `${gx},${gy}`;
  const clear = (i: number, x: number, y: number): number => {
    // The index of a placed node closer than the gap, or -1.
    const gx = Math.floor(x / cell);
    const gy = Math.floor(y / cell);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const j of grid.get(key(gx + dx, gy + dy)) ?? []) {
          const q = out[j]!;
          const min = radius[i]! + radius[j]! + gap;
          if ((q.x - x) ** 2 + (q.y - y) ** 2 < min * min) return j;
        }
    return -1;
  };
  const put = (i: number): void => {
    const p = out[i]!;
    const k = key(Math.floor(p.x / cell), Math.floor(p.y / cell));
    const list = grid.get(k);
    if (list) list.push(i);
    else grid.set(k, [i]);
  };
  for (const i of order) {
    const p = out[i]!;
    const blocker = nodes[i]!.pinned ? -1 : clear(i, p.x, p.y);
    if (blocker >= 0) {
      // Rings around the draft place, a body and a gap apart, starting on the side away from the node in the way.
      const step = radius[i]! + gap / 2 + smallest;
      const b = out[blocker]!;
      const away = b.x === p.x && b.y === p.y ? i * 2.399963 : Math.atan2(p.y - b.y, p.x - b.x);
      let found = false;
      for (let ring = 1; ring <= MAX_RINGS && !found; ring++) {
        const r = ring * step;
        const m = Math.max(6, Math.ceil((2 * Math.PI * r) / step));
        for (let t = 0; t < m && !found; t++) {
          // 0, +1, -1, +2, -2 … steps from `away`: the nearest free spot on that side first.
          const s = t % 2 === 0 ? t / 2 : -(t + 1) / 2;
          const a = away + (2 * Math.PI * s) / m;
          const x = p.x + r * Math.cos(a);
          const y = p.y + r * Math.sin(a);
          if (clear(i, x, y) < 0) {
            p.x = x;
            p.y = y;
            found = true;
          }
        }
      }
    }
    put(i);
  }
  return out;
}
