// SVG outlines matching Cytoscape's node shapes, so the legend shows exactly what the canvas draws.
import type { KindShape } from './label-styles';

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

const POLYGONS: Partial<Record<KindShape, () => number[]>> = {
  triangle: () => unitPolygon(3),
  hexagon: () => unitPolygon(6),
  octagon: () => unitPolygon(8),
  diamond: () => [0, 1, 1, 0, 0, -1, -1, 0],
  rhomboid: () => [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  star,
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
  const pts = (POLYGONS[shape] ?? (() => unitPolygon(4)))();
  let d = '';
  for (let i = 0; i < pts.length; i += 2) {
    d += `${i === 0 ? 'M' : 'L'}${((pts[i] ?? 0) * r).toFixed(2)},${((pts[i + 1] ?? 0) * r).toFixed(2)}`;
  }
  return `${d}Z`;
}
