// Disconnected parts of a small scene, packed in rows to the canvas's shape.
//
// fcose lays every part out in one force system, where unconnected parts only push each other away: the
// cooperation view on a threat (a five-country group and one pair apart) came out as a wide strip, the group at
// one end and the pair at the other, and Fit then drew everything at half the size the canvas had room for.
// Packing the parts' boxes in rows (shelf packing, tallest first, each row centred) with a row width chosen
// for the canvas's aspect ratio keeps each part as fcose drew it and fills the canvas. fcose packs components
// itself only with cytoscape-layout-utilities, whose polyomino packing brings @turf/turf and d3-delaunay into the
// bundle; boxes in rows are enough for the few parts a small scene has.
// Pure: tests/client/pack-components.test.ts.

import { unionBox, type Box } from './label-rules.js';

/** A part's box in model coordinates. */
export type PartBox = Box;

/** Model space between two parts. */
export const PART_GAP = 40;

/**
 * How far to move each part (in the order given) so the parts sit in rows whose overall shape is near
 * `aspect` (width / height), centred where the parts' boxes were centred. One part: no move.
 */
export function packParts(
  parts: readonly PartBox[],
  aspect: number,
  gap = PART_GAP,
): { dx: number; dy: number }[] {
  if (parts.length < 2) return parts.map(() => ({ dx: 0, dy: 0 }));
  const size = parts.map((b) => ({ w: b.x2 - b.x1, h: b.y2 - b.y1 }));
  const area = size.reduce((sum, s) => sum + (s.w + gap) * (s.h + gap), 0);
  const widest = Math.max(...size.map((s) => s.w));
  const rowWidth = Math.max(widest, Math.sqrt(area * Math.max(aspect, 0.1)));
  // Tallest first; ties in the order given.
  const order = parts.map((_, i) => i).sort((a, b) => size[b]!.h - size[a]!.h);
  type Row = { items: number[]; width: number; height: number };
  const rows: Row[] = [];
  for (const i of order) {
    const { w, h } = size[i]!;
    const row = rows[rows.length - 1];
    if (row && row.width + gap + w <= rowWidth) {
      row.items.push(i);
      row.width += gap + w;
      row.height = Math.max(row.height, h);
    } else rows.push({ items: [i], width: w, height: h });
  }
  const totalWidth = Math.max(...rows.map((r) => r.width));
  const totalHeight = rows.reduce((sum, r) => sum + r.height, 0) + gap * (rows.length - 1);
  const before = parts.reduce(unionBox);
  const left = (before.x1 + before.x2) / 2 - totalWidth / 2;
  let top = (before.y1 + before.y2) / 2 - totalHeight / 2;
  const shifts = parts.map(() => ({ dx: 0, dy: 0 }));
  for (const row of rows) {
    let x = left + (totalWidth - row.width) / 2;
    for (const i of row.items) {
      const b = parts[i]!;
      const s = size[i]!;
      // Each part centred vertically in its row.
      shifts[i] = { dx: x - b.x1, dy: top + (row.height - s.h) / 2 - b.y1 };
      x += s.w + gap;
    }
    top += row.height + gap;
  }
  return shifts;
}
