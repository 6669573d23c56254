// Node degrees for a whole scene at once.
import type cytoscape from 'cytoscape';

/**
 * Each node's degree without loops (Cytoscape's `degree(false)`), counted in one pass over the edges: asked per
 * node, Cytoscape builds a collection for every edge it looks at (85 ms of a 10k scene's first label pass).
 * Nodes without edges are absent (degree 0).
 */
export function degreesOf(cy: cytoscape.Core): Map<string, number> {
  const degree = new Map<string, number>();
  cy.edges().forEach((e) => {
    const { source, target } = e.data() as { source: string; target: string };
    if (source === target) return;
    degree.set(source, (degree.get(source) ?? 0) + 1);
    degree.set(target, (degree.get(target) ?? 0) + 1);
  });
  return degree;
}
