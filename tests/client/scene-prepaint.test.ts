// The scene prepaint's level follows Cytoscape's layered cache (else the layers it fills are not the ones the next
// frame draws), and it leaves a core without a canvas renderer alone. The drawing itself runs in Chromium:
// tests/browser/scale.test.ts checks a large layout ends drawn from the filled layers.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { canPrepaint, layerLevel, prepaintScene } from '../../client/src/graph/scene-prepaint.js';
import { syntheticScene } from '../../client/src/graph/synthetic-scene.js';

describe('layerLevel', () => {
  it('is the power of two at or above the zoom times the pixel ratio, within Cytoscape bounds', () => {
    expect(layerLevel(1, 1)).toBe(0);
    expect(layerLevel(0.5, 1)).toBe(-1);
    expect(layerLevel(0.6, 1)).toBe(0);
    expect(layerLevel(2.02, 1)).toBe(2);
    expect(layerLevel(1, 2)).toBe(1);
    // Far out, Cytoscape keeps its smallest level.
    expect(layerLevel(0.01, 1)).toBe(-4);
    // Close in, it draws without layers.
    expect(layerLevel(3.99, 1)).toBeNull();
    expect(layerLevel(3, 2)).toBeNull();
  });
});

describe('prepaintScene', () => {
  it('does nothing on a core without a canvas renderer, without waiting for a frame', async () => {
    const g = syntheticScene(3000);
    const cy = cytoscape({
      headless: true,
      elements: [
        ...g.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id } })),
        ...g.edges.map((e) => ({
          group: 'edges' as const,
          data: { id: e.id, source: e.source, target: e.target },
        })),
      ],
    });
    expect(cy.elements().length).toBeGreaterThan(2000);
    expect(canPrepaint(cy)).toBe(false);
    let yields = 0;
    const report = await prepaintScene(cy, {
      budgetMs: 40,
      yieldToPage: async () => {
        yields++;
      },
    });
    expect(report).toEqual({ outcome: 'none', slices: 0, drawn: 0, total: 0, flushes: 0 });
    expect(yields).toBe(0);
  });
});
