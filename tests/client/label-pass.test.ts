// Fast mode's labels (label-pass.ts): nodes enter with their label hidden, a hidden label has no text at all, and
// zooming out past legible names hides the labels a pass showed without restyling the rest of the scene.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { canvasStylesheet } from '../../client/src/graph/canvas-options.js';
import { edgeData, nodeData } from '../../client/src/graph/graph-elements.js';
import { LABEL_HIDDEN_CLASS } from '../../client/src/graph/label-rules.js';
import {
  enteringLabelClass,
  runLabelPass,
  setCanvasStyle,
  sheetFontFor,
} from '../../client/src/graph/label-pass.js';
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

/** A headless full-detail canvas of 40 nodes in a row and an edge between each pair, styled as the graph view does. */
function liveCanvas(): cytoscape.Core {
  const cy = cytoscape({ headless: true, styleEnabled: true });
  setCanvasStyle(cy, FULL_DETAIL, LABEL_BASE_FONT_PX);
  cy.add(
    Array.from({ length: 40 }, (_, i) => ({
      group: 'nodes' as const,
      data: nodeData({ id: `n${i}`, name: `Node ${i}`, labels: ['Actor', 'Country'], properties: {} }),
      position: { x: i * 200, y: 0 },
    })),
  );
  cy.add(
    Array.from({ length: 39 }, (_, i) => ({
      group: 'edges' as const,
      data: edgeData({
        id: `e${i}`,
        source: `n${i}`,
        target: `n${i + 1}`,
        type: 'MEMBER_OF',
        properties: {},
      }),
      classes: i === 0 ? 'hover' : '',
    })),
  );
  cy.elements().forEach((e) => void label(e as unknown as cytoscape.NodeSingular));
  return cy;
}

/** Properties Cytoscape sets on elements while `act` runs (every Style instance, a new stylesheet's included). */
function propertiesSet(cy: cytoscape.Core, act: () => void): number {
  const proto = Object.getPrototypeOf(cy.style()) as { applyParsedProperty: (...a: unknown[]) => unknown };
  const base = proto.applyParsedProperty;
  let n = 0;
  proto.applyParsedProperty = function (this: unknown, ...a: unknown[]) {
    n++;
    return base.apply(this, a);
  };
  try {
    act();
    cy.elements().forEach((e) => void label(e as unknown as cytoscape.NodeSingular));
  } finally {
    proto.applyParsedProperty = base;
  }
  return n;
}

const fontSize = (n: cytoscape.NodeSingular): number =>
  Number((n as unknown as { pstyle(p: string): { value: number } }).pstyle('font-size').value);

describe('full detail font steps', () => {
  it('set the new font on labels without a new stylesheet: only the font-dependent properties change', () => {
    const cy = liveCanvas();
    expect(nodesOf(cy).every((n) => fontSize(n) === LABEL_BASE_FONT_PX)).toBe(true);
    cy.zoom(0.7);
    let font: number | null = LABEL_BASE_FONT_PX;
    // A new stylesheet sets every property of every element again (about 20 per node): 600 and more here.
    const set = propertiesSet(cy, () => (font = runLabelPass(cy, FULL_DETAIL, font)));
    expect(font).toBe(16);
    expect(set, 'properties set at the font step').toBeLessThanOrEqual(3 * cy.nodes().length + 3);
    expect(nodesOf(cy).every((n) => fontSize(n) === 16)).toBe(true);
    expect(label(cy.nodes()[5]!)).toBe('Node 5');
    const edge = cy.getElementById('e0') as unknown as {
      pstyle(p: string): { value: number; strValue: string };
    };
    expect(edge.pstyle('font-size').value, "the hovered edge's type text steps too").toBe(16);
    expect(edge.pstyle('label').strValue).toBe('MEMBER_OF');
  });

  it('hide every label when zoomed out that far, and show them again at the next step', () => {
    const cy = liveCanvas();
    cy.zoom(0.05);
    let font: number | null = runLabelPass(cy, FULL_DETAIL, LABEL_BASE_FONT_PX);
    expect(font).toBeNull();
    expect(nodesOf(cy).every((n) => label(n) === '')).toBe(true);
    expect(
      (cy.getElementById('e0') as unknown as cytoscape.NodeSingular) &&
        label(cy.getElementById('e0') as unknown as cytoscape.NodeSingular),
    ).toBe('');
    cy.zoom(1);
    font = runLabelPass(cy, FULL_DETAIL, font);
    expect(font).toBe(LABEL_BASE_FONT_PX);
    expect(label(cy.nodes()[3]!)).toBe('Node 3');
    expect(label(cy.getElementById('e0') as unknown as cytoscape.NodeSingular)).toBe('MEMBER_OF');
  });
});
