// Fast mode's labels (label-pass.ts): nodes enter with their label hidden, a hidden label has no text at all, and
// zooming out past legible names hides the labels a pass showed without restyling the rest of the scene.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { canvasStylesheet } from '../../client/src/graph/canvas-options.js';
import { nodeData } from '../../client/src/graph/graph-elements.js';
import { LABEL_HIDDEN_CLASS } from '../../client/src/graph/label-rules.js';
import { enteringLabelClass, runLabelPass, sheetFontFor } from '../../client/src/graph/label-pass.js';
import { LABEL_BASE_FONT_PX } from '../../client/src/graph/label-text.js';
import { FAST_LEVERS, FULL_DETAIL, type LodLevers } from '../../client/src/graph/level-of-detail.js';

const label = (n: cytoscape.NodeSingular): string =>
  String((n as unknown as { pstyle(p: string): { strValue: string } }).pstyle('label').strValue);

const nodesOf = (cy: cytoscape.Core): cytoscape.NodeSingular[] =>
  cy.nodes().toArray() as cytoscape.NodeSingular[];

/** A headless canvas of `count` labelled nodes in a row, entering as the graph view adds them under `levers`. */
function canvas(levers: Readonly<LodLevers>, count = 40): cytoscape.Core {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: canvasStylesheet(levers, sheetFontFor(1, levers)),
  });
  cy.add(
    Array.from({ length: count }, (_, i) => ({
      group: 'nodes' as const,
      data: nodeData({ id: `n${i}`, name: `Node ${i}`, labels: ['Actor', 'Country'], properties: {} }),
      position: { x: i * 200, y: 0 },
      classes: enteringLabelClass(levers),
    })),
  );
  return cy;
}

/** Style events on nodes while `act` runs: one per node Cytoscape restyled. */
function restyled(cy: cytoscape.Core, act: () => void): number {
  let n = 0;
  const count = (): void => {
    n++;
  };
  cy.on('style', 'node', count);
  act();
  cy.off('style', 'node', count);
  return n;
}

describe('fast mode labels', () => {
  it('enter hidden and without text in fast mode; with their text and no class otherwise', () => {
    const fast = canvas(FAST_LEVERS);
    expect(nodesOf(fast).every((n) => n.hasClass(LABEL_HIDDEN_CLASS) && label(n) === '')).toBe(true);
    const full = canvas(FULL_DETAIL);
    expect(nodesOf(full).every((n) => !n.hasClass(LABEL_HIDDEN_CLASS) && label(n) !== '')).toBe(true);
    // Hidden in full detail keeps its text (drawn transparent; its box stays for the pass's places).
    full.nodes()[0]!.addClass(LABEL_HIDDEN_CLASS);
    expect(label(full.nodes()[0]!)).toBe('Node 0');
    // A node a fast pass shows gets its text back.
    fast.nodes()[0]!.removeClass(LABEL_HIDDEN_CLASS);
    expect(label(fast.nodes()[0]!)).toBe('Node 0');
  });

  it('keeps one sheet font at every zoom in fast mode, and none when zoomed out in full detail', () => {
    expect(sheetFontFor(0.05, FAST_LEVERS)).toBe(LABEL_BASE_FONT_PX);
    expect(sheetFontFor(3, FAST_LEVERS)).toBe(LABEL_BASE_FONT_PX);
    expect(sheetFontFor(0.05, FULL_DETAIL)).toBeNull();
    expect(sheetFontFor(1, FULL_DETAIL)).toBe(LABEL_BASE_FONT_PX);
  });

  it('zoomed out past legible names, hides the shown labels and restyles no other node', () => {
    const cy = canvas(FAST_LEVERS);
    const shown = cy.nodes().slice(0, 3);
    shown.removeClass(LABEL_HIDDEN_CLASS);
    cy.zoom(0.2);
    let font: number | null = LABEL_BASE_FONT_PX;
    // A stylesheet without labels would restyle all 40 nodes.
    expect(restyled(cy, () => (font = runLabelPass(cy, FAST_LEVERS, font)))).toBe(shown.length);
    expect(font).toBe(LABEL_BASE_FONT_PX);
    expect(nodesOf(cy).every((n) => n.hasClass(LABEL_HIDDEN_CLASS) && label(n) === '')).toBe(true);
    // Again at the same zoom: nothing to change.
    expect(restyled(cy, () => (font = runLabelPass(cy, FAST_LEVERS, font)))).toBe(0);
  });

  it('in full detail still swaps to a sheet without labels when zoomed out that far', () => {
    const cy = canvas(FULL_DETAIL);
    cy.zoom(0.05);
    const font = runLabelPass(cy, FULL_DETAIL, LABEL_BASE_FONT_PX);
    expect(font).toBeNull();
    expect(nodesOf(cy).every((n) => label(n) === '')).toBe(true);
  });
});
