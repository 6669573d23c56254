// Where newly added nodes go: in a ring around the node they hang off, so existing nodes never move.

/** A model-space position. */
export interface Point {
  x: number;
  y: number;
}

/** What placement needs to know; pure data so it can be tested without a canvas. */
export interface PlacementInput {
  /** Nodes to place. */
  newIds: readonly string[];
  /** All edges on the canvas (new and old). */
  edges: Iterable<{ source: string; target: string }>;
  /** Nodes already on the canvas, which stay where they are. */
  placed: ReadonlyMap<string, Point>;
  /** Where a node with no placed neighbour goes (the viewport centre). */
  fallback: Point;
}

/** Smallest ring radius: clear of the anchor's label. */
const RING_MIN_RADIUS = 120;
/** Arc length per node on a ring, so big expansions get a wider ring rather than overlaps. */
const RING_SPACING = 60;
/** Nodes closer than this to another count as overlapping when finding a free spot. */
const MIN_GAP = 70;

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}

function centroid(points: readonly Point[]): Point {
  const n = Math.max(points.length, 1);
  return { x: points.reduce((a, p) => a + p.x, 0) / n, y: points.reduce((a, p) => a + p.y, 0) / n };
}

function ring(anchor: Point, ids: readonly string[], away: number, out: Map<string, Point>): void {
  const k = ids.length;
  const radius = Math.max(RING_MIN_RADIUS, (k * RING_SPACING) / (2 * Math.PI));
  // A few nodes fan out on the side facing away from the graph; many go all round.
  const arc = Math.min(2 * Math.PI, k * (RING_SPACING / radius) * 1.4);
  const full = arc >= 2 * Math.PI - 1e-6;
  ids.forEach((id, i) => {
    const t = full ? i / k : k === 1 ? 0.5 : i / (k - 1);
    const angle = away - arc / 2 + t * arc;
    out.set(id, { x: anchor.x + radius * Math.cos(angle), y: anchor.y + radius * Math.sin(angle) });
  });
}

function freeSpot(start: Point, taken: ReadonlyMap<string, Point>): Point {
  for (let i = 0, angle = 0, r = 0; i < 400; i++, angle += 0.9, r += 10) {
    const p = { x: start.x + r * Math.cos(angle), y: start.y + r * Math.sin(angle) };
    if ([...taken.values()].every((q) => Math.hypot(p.x - q.x, p.y - q.y) >= MIN_GAP)) return p;
  }
  return start;
}

/** Positions for `newIds`: rings around their placed neighbours, then free spots near `fallback`. */
export function placeNewNodes(input: PlacementInput): Map<string, Point> {
  const adjacency = new Map<string, Set<string>>();
  const link = (a: string, b: string): void => {
    const set = adjacency.get(a) ?? new Set<string>();
    set.add(b);
    adjacency.set(a, set);
  };
  for (const e of input.edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  const positions = new Map(input.placed);
  const graphCentre = input.placed.size ? centroid([...input.placed.values()]) : input.fallback;
  const result = new Map<string, Point>();
  const pending = new Set(input.newIds);

  // Place in rounds, so a chain of new nodes (a path) grows outward from what is already placed.
  for (;;) {
    const groups = new Map<string, string[]>();
    let placedThisRound = 0;
    for (const id of pending) {
      const anchors = [...(adjacency.get(id) ?? [])].filter((n) => positions.has(n) && !pending.has(n));
      if (!anchors.length) continue;
      if (anchors.length >= 2) {
        const c = centroid(anchors.map((a) => positions.get(a) as Point));
        const h = hash(id);
        result.set(id, { x: c.x + (h % 41) - 20, y: c.y + ((h >> 8) % 41) - 20 });
      } else {
        const anchor = anchors[0] as string;
        groups.set(anchor, [...(groups.get(anchor) ?? []), id]);
      }
      placedThisRound++;
    }
    for (const [anchor, ids] of groups) {
      const a = positions.get(anchor) as Point;
      const away =
        a.x === graphCentre.x && a.y === graphCentre.y
          ? 0
          : Math.atan2(a.y - graphCentre.y, a.x - graphCentre.x);
      ring(a, ids, away, result);
    }
    for (const [id, p] of result) {
      positions.set(id, p);
      pending.delete(id);
    }
    if (!placedThisRound) break;
  }

  for (const id of pending) {
    const p = freeSpot(input.fallback, positions);
    positions.set(id, p);
    result.set(id, p);
  }
  return result;
}
