// Node shapes: the Cytoscape shape names a kind may use, and each one's SVG outline drawn the way Cytoscape
// draws it, so the canvas, the legend and the briefing figure show the same symbol.

/** Cytoscape node shapes a kind may be drawn as; each has an outline in shapePath. */
export type KindShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'rectangle'
  | 'triangle'
  | 'pentagon'
  | 'hexagon'
  | 'heptagon'
  | 'octagon'
  | 'star'
  | 'diamond'
  | 'vee'
  | 'rhomboid'
  | 'right-rhomboid'
  | 'tag'
  | 'concave-hexagon';

/** Unit regular polygon as Cytoscape builds it: points in [-1, 1], stretched to fill the square. */
function unitPolygon(sides: number): number[] {
  const step = (2 * Math.PI) / sides;
  const start = sides % 2 === 0 ? Math.PI / 2 + step / 2 : Math.PI / 2;
  const pts: number[] = [];
  for (let i = 0; i < sides; i++) {
    const a = start + i * step;
    pts.push(Math.cos(a), Math.sin(-a));
  }
  return fitToSquare(pts);
}

function fitToSquare(pts: number[]): number[] {
  const xs = pts.filter((_, i) => i % 2 === 0);
  const ys = pts.filter((_, i) => i % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  return pts.map((v, i) => (i % 2 === 0 ? v * sx : v * sy));
}

function star(): number[] {
  const outer = unitPolygon(5);
  // Cytoscape's inner radius: the regular pentagram ratio, widened by 1.57.
  const innerRadius = 0.5 * (3 - Math.sqrt(5)) * 1.57;
  const step = (2 * Math.PI) / 5;
  const pts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const a = Math.PI / 2 + Math.PI / 5 + i * step;
    pts.push(outer[2 * i] ?? 0, outer[2 * i + 1] ?? 0, Math.cos(a) * innerRadius, Math.sin(-a) * innerRadius);
  }
  return fitToSquare(pts);
}

/** Corner points of every polygon shape, as Cytoscape defines them (its renderer's node shape table). */
const POLYGONS: Record<Exclude<KindShape, 'ellipse' | 'round-rectangle'>, () => number[]> = {
  rectangle: () => unitPolygon(4),
  triangle: () => unitPolygon(3),
  pentagon: () => unitPolygon(5),
  hexagon: () => unitPolygon(6),
  heptagon: () => unitPolygon(7),
  octagon: () => unitPolygon(8),
  star,
  diamond: () => [0, 1, 1, 0, 0, -1, -1, 0],
  vee: () => [-1, -1, 0, -0.333, 1, -1, 0, 1],
  rhomboid: () => [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  'right-rhomboid': () => [-0.333, -1, 1, -1, 0.333, 1, -1, 1],
  tag: () => [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1],
  'concave-hexagon': () => [-1, -0.95, -0.75, 0, -1, 0.95, 1, 0.95, 0.75, 0, 1, -0.95],
};

/** An SVG path `d` for `shape`, centred on the origin, `size` pixels across. */
export function shapePath(shape: KindShape, size: number): string {
  const r = size / 2;
  if (shape === 'ellipse') {
    return `M${-r},0A${r},${r} 0 1,0 ${r},0A${r},${r} 0 1,0 ${-r},0Z`;
  }
  if (shape === 'round-rectangle') {
    const c = Math.min(size / 4, 8);
    return (
      `M${-r + c},${-r}H${r - c}Q${r},${-r} ${r},${-r + c}V${r - c}Q${r},${r} ${r - c},${r}` +
      `H${-r + c}Q${-r},${r} ${-r},${r - c}V${-r + c}Q${-r},${-r} ${-r + c},${-r}Z`
    );
  }
  const pts = POLYGONS[shape]();
  let d = '';
  for (let i = 0; i < pts.length; i += 2) {
    d += `${i === 0 ? 'M' : 'L'}${((pts[i] ?? 0) * r).toFixed(2)},${((pts[i + 1] ?? 0) * r).toFixed(2)}`;
  }
  return `${d}Z`;
}
