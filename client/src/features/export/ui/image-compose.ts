// Puts an exported graph image and its legend side by side, on a white or transparent background (no Cytoscape here).
import type { LegendImage } from '../../explorer/ui/legend';

/** White, or transparent (PNG with an alpha channel; SVG without a background rectangle). */
export type ImageBackground = 'white' | 'transparent';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Space around the legend, in CSS pixels (scaled with the image). */
const LEGEND_PAD = 16;

/** The legend as a data: URL image at `scale` (a vector drawn at the target size stays crisp). */
async function legendBitmap(legend: LegendImage, scale: number): Promise<HTMLImageElement> {
  const copy = legend.svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('viewBox', `0 0 ${legend.width} ${legend.height}`);
  copy.setAttribute('width', String(legend.width * scale));
  copy.setAttribute('height', String(legend.height * scale));
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  await img.decode();
  return img;
}

/** The graph PNG with the legend at its right (when given), on `background`; `scale` as the graph was made. */
export async function composePng(
  graph: Blob,
  legend: LegendImage | null,
  scale: number,
  background: ImageBackground,
): Promise<Blob> {
  const picture = await createImageBitmap(graph);
  const pad = LEGEND_PAD * scale;
  const legendWidth = legend ? Math.ceil(legend.width * scale + 2 * pad) : 0;
  const legendHeight = legend ? Math.ceil(legend.height * scale + 2 * pad) : 0;
  const canvas = document.createElement('canvas');
  canvas.width = picture.width + legendWidth;
  canvas.height = Math.max(picture.height, legendHeight);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the image (no 2D canvas).');
  if (background === 'white') {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  const graphWidth = picture.width;
  ctx.drawImage(picture, 0, 0);
  picture.close();
  if (legend) ctx.drawImage(await legendBitmap(legend, scale), graphWidth + pad, pad);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) =>
        blob ? resolve(blob) : reject(new Error('The image is too large to encode; try a smaller scale.')),
      'image/png',
    );
  });
}

/** The graph SVG with the legend (a `<g class="export-legend">`) at its right, on `background`. */
export function composeSvg(graph: string, legend: LegendImage | null, background: ImageBackground): string {
  const doc = new DOMParser().parseFromString(graph, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.nodeName !== 'svg') throw new Error('The graph drawing is not a valid SVG document.');
  const graphWidth = Number(root.getAttribute('width')) || 0;
  const graphHeight = Number(root.getAttribute('height')) || 0;
  let width = graphWidth;
  let height = graphHeight;
  if (legend) {
    const g = doc.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', 'export-legend');
    g.setAttribute('transform', `translate(${graphWidth + LEGEND_PAD},${LEGEND_PAD})`);
    for (const name of ['font-family', 'font-size'])
      g.setAttribute(name, legend.svg.getAttribute(name) ?? '');
    for (const child of Array.from(legend.svg.childNodes)) g.append(doc.importNode(child, true));
    root.append(g);
    width += legend.width + 2 * LEGEND_PAD;
    height = Math.max(height, legend.height + 2 * LEGEND_PAD);
  }
  if (background === 'white') {
    const rect = doc.createElementNS(SVG_NS, 'rect');
    for (const [k, v] of [
      ['class', 'export-background'],
      ['x', '0'],
      ['y', '0'],
      ['width', String(width)],
      ['height', String(height)],
      ['fill', '#ffffff'],
    ])
      rect.setAttribute(k as string, v as string);
    root.insertBefore(rect, root.firstChild);
  }
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
}
