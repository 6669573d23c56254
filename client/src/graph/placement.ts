// Where newly added nodes go: in free space around the node they hang off, so existing nodes never move
// and no newcomer's body (nor the label room under it) lands on another node.

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

/** The largest node body (a forum hexagon, 44 px) plus its border and pinned outline. */
const MAX_BODY = 54;
/** Room a node keeps around it: its body, and a two-line label of the canvas's fixed width under it. */
const ROOM_HALF_WIDTH = 74;
const ROOM_ABOVE = MAX_BODY / 2 + 4;
const ROOM_BELOW = MAX_BODY / 2 + 40;
/** Smallest ring radius: clear of the anchor's own label. */
const RING_MIN_RADIUS = 130;
/** Arc length per node on a ring: a label's width, so neighbours on one ring do not share label room. */
const RING_SPACING = 152;
/** How far each further ring lies out when the first choice is taken. */
const RING_STEP = 70;
/** Rings tried before a node settles for the least crowded candidate (never reached in practice). */
const MAX_RINGS = 60;
/** Spatial hash cell: about one node's room, so a query looks at a handful of cells. */
const CELL = 150;

/** The rectangle a node keeps free around its centre. */
interface Room {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

function roomAt(p: Point): Room {
  return { x1: p.x - ROOM_HALF_WIDTH, x2: p.x + ROOM_HALF_WIDTH, y1: p.y - ROOM_ABOVE, y2: p.y + ROOM_BELOW };
}

/**
 * A grid of occupied rooms: checking a candidate costs the few cells it covers, not the whole scene,
 * so placing around a 10k-element scene stays cheap.
 */
class RoomGrid {
  private readonly cells = new Map<string, Room[]>();

  add(p: Point): void {
    const r = roomAt(p);
    this.forCells(r, (key) => {
      const list = this.cells.get(key);
      if (list) list.push(r);
      else this.cells.set(key, [r]);
    });
  }

  /** Whether a node at `p` would keep its room free of every occupied room. */
  free(p: Point): boolean {
    const r = roomAt(p);
    let ok = true;
    this.forCells(r, (key) => {
      if (!ok) return;
      for (const q of this.cells.get(key) ?? [])
        if (r.x1 < q.x2 && q.x1 < r.x2 && r.y1 < q.y2 && q.y1 < r.y2) {
          ok = false;
          return;
        }
    });
    return ok;
  }

  private forCells(r: Room, visit: (key: string) => void): void {
    for (let cx = Math.floor(r.x1 / CELL); cx <= Math.floor(r.x2 / CELL); cx++)
      for (let cy = Math.floor(r.y1 / CELL); cy <= Math.floor(r.y2 / CELL); cy++) visit(`${cx},${cy}`);
  }
}

function centroid(points: readonly Point[]): Point {
  const n = Math.max(points.length, 1);
  return { x: points.reduce((a, p) => a + p.x, 0) / n, y: points.reduce((a, p) => a + p.y, 0) / n };
}

/**
 * The first free spot for a node that would ideally sit at `angle` on a ring of `radius` around `centre`:
 * the same ring at angles swinging out either side, then rings further out. Falls back to the ideal spot
 * only if every candidate is taken (a scene far larger than any the app loads).
 */
function freeSpotNear(centre: Point, radius: number, angle: number, grid: RoomGrid): Point {
  for (let ring = 0; ring < MAX_RINGS; ring++) {
    const r = radius + ring * RING_STEP;
    if (r === 0) {
      if (grid.free(centre)) return centre;
      continue;
    }
    const step = Math.min(Math.PI / 6, RING_SPACING / 2 / r);
    const tries = Math.ceil(Math.PI / step);
    for (let i = 0; i <= tries; i++) {
      for (const sign of i === 0 ? [1] : [1, -1]) {
        const a = angle + sign * i * step;
        const p = { x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a) };
        if (grid.free(p)) return p;
      }
    }
  }
  return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
}

/** Ideal ring slots for `k` nodes around an anchor: a fan facing away from the graph, or all round. */
function ringSlots(k: number, away: number): { radius: number; angles: number[] } {
  const radius = Math.max(RING_MIN_RADIUS, (k * RING_SPACING) / (2 * Math.PI));
  const arc = Math.min(2 * Math.PI, k * (RING_SPACING / radius) * 1.15);
  const full = arc >= 2 * Math.PI - 1e-6;
  const angles = Array.from({ length: k }, (_, i) => {
    const t = full ? i / k : k === 1 ? 0.5 : i / (k - 1);
    return away - arc / 2 + t * arc;
  });
  return { radius, angles };
}

/**
 * Positions for `newIds`: around their placed neighbours (a ring per anchor, or between several
 * anchors), then near `fallback` for nodes with none; every spot keeps clear of every node's room.
 */
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
  const grid = new RoomGrid();
  for (const p of input.placed.values()) grid.add(p);
  const graphCentre = input.placed.size ? centroid([...input.placed.values()]) : input.fallback;
  const result = new Map<string, Point>();
  const pending = new Set(input.newIds);
  const put = (id: string, p: Point): void => {
    result.set(id, p);
    positions.set(id, p);
    grid.add(p);
    pending.delete(id);
  };

  // Place in rounds, so a chain of new nodes (a path) grows outward from what is already placed.
  for (;;) {
    const groups = new Map<string, string[]>();
    const between: [string, Point][] = [];
    for (const id of pending) {
      const anchors = [...(adjacency.get(id) ?? [])].filter((n) => positions.has(n) && !pending.has(n));
      if (!anchors.length) continue;
      if (anchors.length >= 2) between.push([id, centroid(anchors.map((a) => positions.get(a) as Point))]);
      else {
        const anchor = anchors[0] as string;
        groups.set(anchor, [...(groups.get(anchor) ?? []), id]);
      }
    }
    if (!groups.size && !between.length) break;
    for (const [id, c] of between)
      put(id, freeSpotNear(c, 0, Math.atan2(c.y - graphCentre.y, c.x - graphCentre.x), grid));
    for (const [anchor, ids] of groups) {
      const a = positions.get(anchor) as Point;
      const away =
        Math.abs(a.x - graphCentre.x) < 1e-6 && Math.abs(a.y - graphCentre.y) < 1e-6
          ? 0
          : Math.atan2(a.y - graphCentre.y, a.x - graphCentre.x);
      const { radius, angles } = ringSlots(ids.length, away);
      ids.forEach((id, i) => put(id, freeSpotNear(a, radius, angles[i] as number, grid)));
    }
  }

  for (const id of [...pending]) put(id, freeSpotNear(input.fallback, 0, 0, grid));
  return result;
}
