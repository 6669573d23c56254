// A new element's first style without Cytoscape's per-property change triggers (first-style.ts): the same style
// and bounds as Cytoscape's own path, far fewer events, every trigger kept for later changes, and the one trigger
// a new edge still needs (the edges parallel to it) kept too.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { quietFirstStyle, quietFirstStyleOn } from '../../client/src/graph/first-style.js';

const STYLE: cytoscape.StylesheetStyle[] = [
  {
    selector: 'node',
    style: {
      width: 20,
      height: 20,
      'border-width': 2,
      label: 'data(id)',
      'font-size': 12,
      shape: 'round-rectangle',
    },
  },
  { selector: 'edge', style: { width: 2, 'curve-style': 'bezier', 'line-color': '#999999' } },
  { selector: 'node.big', style: { width: 60, height: 60 } },
];

const ELEMENTS: cytoscape.ElementDefinition[] = [
  { data: { id: 'a' }, position: { x: 0, y: 0 } },
  { data: { id: 'b' }, position: { x: 200, y: 0 } },
  { data: { id: 'c' }, position: { x: 100, y: 150 } },
  { data: { id: 'ab', source: 'a', target: 'b' } },
  { data: { id: 'bc', source: 'b', target: 'c' } },
];

/** Cytoscape's parsed style of one property (reading it styles the element first). */
const pstyle = (e: cytoscape.SingularElementArgument, name: string): { strValue?: string } | undefined =>
  (e as unknown as { pstyle(name: string): { strValue?: string } | undefined }).pstyle(name);

const PROPS = ['width', 'height', 'border-width', 'label', 'font-size', 'shape', 'line-color', 'curve-style'];

/** A headless canvas with the scene added (and styled) after `quiet` was or was not asked for; its bounds events. */
function canvas(quiet: boolean): { cy: cytoscape.Core; bounds: string[] } {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: STYLE });
  if (quiet) quietFirstStyle(cy);
  const bounds: string[] = [];
  cy.on('bounds', (e) => bounds.push((e.target as cytoscape.SingularElementArgument).id()));
  cy.add(ELEMENTS);
  // Cytoscape styles an element when its style is first read.
  cy.elements().forEach((e) => void pstyle(e, 'width'));
  return { cy, bounds };
}

const styleOf = (cy: cytoscape.Core): Record<string, unknown> =>
  Object.fromEntries(cy.elements().map((e) => [e.id(), PROPS.map((p) => pstyle(e, p)?.strValue)]));

describe('quietFirstStyle', () => {
  it("gives new elements Cytoscape's own style and bounds without a bounds event per property", () => {
    const stock = canvas(false);
    const quiet = canvas(true);
    expect(styleOf(quiet.cy)).toEqual(styleOf(stock.cy));
    for (const e of stock.cy.elements()) {
      expect(quiet.cy.getElementById(e.id()).boundingBox(), e.id()).toEqual(e.boundingBox());
    }
    // The add fires one per element; Cytoscape's own path fires one more for each bounds-changing property set.
    // Cytoscape's own path fires a bounds event for each bounds-changing property it sets (node a has six); the
    // quiet one only those of the add and of the renderer's own bookkeeping.
    const count = (events: string[], id: string): number => events.filter((x) => x === id).length;
    expect(count(stock.bounds, 'a')).toBeGreaterThanOrEqual(6);
    expect(count(quiet.bounds, 'a')).toBeLessThanOrEqual(2);
    expect(quietFirstStyleOn(quiet.cy)).toBe(true);
    expect(quietFirstStyleOn(stock.cy), 'another canvas keeps Cytoscape’s behaviour').toBe(false);
    stock.cy.destroy();
    quiet.cy.destroy();
  });

  it('keeps every trigger for a later change: a class that resizes a node moves its bounds', () => {
    const { cy, bounds } = canvas(true);
    const a = cy.getElementById('a');
    expect(a.boundingBox().w).toBeLessThan(40);
    bounds.length = 0;
    a.addClass('big');
    expect(a.boundingBox().w).toBeGreaterThanOrEqual(60);
    expect(bounds).toContain('a');
    cy.destroy();
  });

  it('still tells the old edges beside a new one that their curves move', () => {
    const { cy, bounds } = canvas(true);
    bounds.length = 0;
    cy.add({ data: { id: 'ab2', source: 'a', target: 'b' } });
    void pstyle(cy.getElementById('ab2'), 'width');
    expect(bounds, 'the old parallel edge').toContain('ab');
    expect(bounds, 'an edge elsewhere').not.toContain('bc');
    cy.destroy();
  });
});

describe('quietFirstStyle, restyles', () => {
  const bundled = (e: cytoscape.EdgeSingular): boolean =>
    (e as unknown as { isBundledBezier(): boolean }).isBundledBezier();
  const sheet = (curve: 'haystack' | 'bezier'): cytoscape.StylesheetStyle[] => [
    { selector: 'edge', style: { 'curve-style': curve } },
  ];

  it('keeps every trigger when the stylesheet is replaced, so values cached under the old one go', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: sheet('haystack') });
    quietFirstStyle(cy);
    cy.add(ELEMENTS);
    cy.add({ data: { id: 'ab2', source: 'a', target: 'b' } });
    const ab = cy.getElementById('ab');
    expect(bundled(ab)).toBe(false);
    cy.style(sheet('bezier'));
    expect(bundled(ab), 'the edge is a bezier under the new stylesheet').toBe(true);
    expect(bundled(cy.getElementById('ab2'))).toBe(true);
    cy.destroy();
  });
});
