// Reads back which node labels Cytoscape draws and where, as the renderer decides it (for the browser tests).
import type cytoscape from 'cytoscape';
import type { DrawnLabel } from './graph-view';

/** The renderer's own test of a label's size against min-zoomed-font-size (zoom rounded up to a power of two). */
interface LabelRenderer {
  eleTextBiggerThanMin?(ele: cytoscape.NodeSingular): boolean;
}

/** Cytoscape's parsed style value (not in its type definitions). */
function pstyle(n: cytoscape.NodeSingular, name: string): { value: unknown; pfValue: number } {
  return (n as unknown as { pstyle(p: string): { value: unknown; pfValue: number } }).pstyle(name);
}

/**
 * Every on-screen node whose label the renderer would draw: visible, not transparent, a non-empty label
 * and big enough by the renderer's own test. Boxes are Cytoscape's label bounding boxes, in page pixels.
 */
export function drawnNodeLabels(cy: cytoscape.Core, container: HTMLElement): DrawnLabel[] {
  const r = (cy as unknown as { renderer(): LabelRenderer | undefined }).renderer();
  const page = container.getBoundingClientRect();
  const zoom = cy.zoom();
  const out: DrawnLabel[] = [];
  cy.nodes().forEach((n) => {
    if (!n.visible() || n.effectiveOpacity() === 0) return;
    const text = String((pstyle(n, 'label').value as string | undefined) ?? '');
    if (!text || Number(pstyle(n, 'text-opacity').value) === 0) return;
    if (r?.eleTextBiggerThanMin && !r.eleTextBiggerThanMin(n)) return;
    const b = n.renderedBoundingBox({
      includeNodes: false,
      includeEdges: false,
      includeLabels: true,
      includeOverlays: false,
    });
    if (b.x2 < 0 || b.y2 < 0 || b.x1 > cy.width() || b.y1 > cy.height()) return;
    out.push({
      id: n.id(),
      text,
      x1: page.left + b.x1,
      y1: page.top + b.y1,
      x2: page.left + b.x2,
      y2: page.top + b.y2,
      fontPx: Number(pstyle(n, 'font-size').pfValue) * zoom,
    });
  });
  return out;
}

/** The edges whose type (or weight) text the renderer draws now. */
function edgesWithText(cy: cytoscape.Core): cytoscape.EdgeCollection {
  const r = (cy as unknown as { renderer(): LabelRenderer | undefined }).renderer();
  return cy.edges().filter((e) => {
    if (!e.visible() || e.effectiveOpacity() === 0) return false;
    const node = e as unknown as cytoscape.NodeSingular;
    if (!String((pstyle(node, 'label').value as string | undefined) ?? '')) return false;
    if (Number(pstyle(node, 'text-opacity').value) === 0) return false;
    return !r?.eleTextBiggerThanMin || r.eleTextBiggerThanMin(node);
  });
}

/** Ids of the edges whose type (or weight) text the renderer draws now. */
export function drawnEdgeLabelIds(cy: cytoscape.Core): string[] {
  return edgesWithText(cy).map((e) => e.id());
}

/** The edge texts drawn now, with Cytoscape's label boxes (rotated along the edge) in page pixels. */
export function drawnEdgeLabelBoxes(cy: cytoscape.Core, container: HTMLElement): DrawnLabel[] {
  const page = container.getBoundingClientRect();
  const zoom = cy.zoom();
  return edgesWithText(cy).map((e) => {
    const b = e.renderedBoundingBox({
      includeNodes: false,
      includeEdges: false,
      includeLabels: true,
      includeOverlays: false,
    });
    const node = e as unknown as cytoscape.NodeSingular;
    return {
      id: e.id(),
      text: String((pstyle(node, 'label').value as string | undefined) ?? ''),
      x1: page.left + b.x1,
      y1: page.top + b.y1,
      x2: page.left + b.x2,
      y2: page.top + b.y2,
      fontPx: Number(pstyle(node, 'font-size').pfValue) * zoom,
    };
  });
}
