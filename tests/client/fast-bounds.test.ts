// Bounding boxes from the cache without Cytoscape's per-call set-up (fast-bounds.ts): the same boxes as Cytoscape's
// own method through moves, style changes, edge-end moves, removal and re-adding, and cached answers that do not
// read the element's position through Cytoscape's method.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { fastBoundsOn, fastElementBounds } from '../../client/src/graph/fast-bounds.js';

const SHEET: cytoscape.StylesheetStyle[] = [
  { selector: 'node', style: { width: 20, height: 20 } },
  { selector: 'node.big', style: { width: 60, height: 44, 'border-width': 4 } },
  { selector: 'edge', style: { width: 2, 'curve-style': 'straight', 'target-arrow-shape': 'triangle' } },
  { selector: 'edge.thick', style: { width: 9 } },
];

const ELEMENTS: cytoscape.ElementDefinition[] = [
  { data: { id: 'a' }, position: { x: 0, y: 0 } },
  { data: { id: 'b' }, position: { x: 200, y: 40 } },
  { data: { id: 'c' }, position: { x: -80, y: 150 }, classes: 'big' },
  { data: { id: 'ab', source: 'a', target: 'b' } },
  { data: { id: 'bc', source: 'b', target: 'c' }, classes: 'thick' },
];

function canvas(fast: boolean): cytoscape.Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: SHEET });
  if (fast) fastElementBounds(cy);
  cy.add(ELEMENTS);
  return cy;
}

/** Every element's box as the renderer asks for it (`boundingBox()` with no options), rounded to 1e-6. */
/** Cytoscape's `silentPosition` (a move that sends no event), which its typings leave out. */
const silentlyMove = (cy: cytoscape.Core, id: string, to: { x: number; y: number }): void => {
  (cy.getElementById(id) as unknown as { silentPosition(p: { x: number; y: number }): void }).silentPosition(
    to,
  );
};

const boxes = (cy: cytoscape.Core): Record<string, number[]> =>
  Object.fromEntries(
    cy.elements().map((e) => {
      const b = e.boundingBox();
      return [e.id(), [b.x1, b.y1, b.x2, b.y2, b.w, b.h].map((v) => Math.round(v * 1e6) / 1e6)];
    }),
  );

/** Runs `change` on a fast canvas and a stock one and expects the same boxes after it (asked twice: cached too). */
function sameAfter(change: (cy: cytoscape.Core) => void): void {
  const fast = canvas(true);
  const stock = canvas(false);
  // Asked once before the change, so the fast canvas has cached boxes that the change must not leave stale.
  expect(boxes(fast)).toEqual(boxes(stock));
  change(fast);
  change(stock);
  expect(boxes(fast)).toEqual(boxes(stock));
  expect(boxes(fast)).toEqual(boxes(stock));
}

describe('fast element bounds', () => {
  it('is on for the canvases asked for only', () => {
    expect(fastBoundsOn(canvas(true))).toBe(true);
    expect(fastBoundsOn(canvas(false))).toBe(false);
  });

  it('gives the same boxes as Cytoscape after a node moves (its edges follow)', () => {
    sameAfter((cy) => {
      cy.getElementById('a').position({ x: 37.4, y: -12.6 });
    });
    // A move smaller than Cytoscape's rounding and one just past it.
    sameAfter((cy) => {
      cy.getElementById('b').position({ x: 200.4, y: 40.2 });
    });
    sameAfter((cy) => {
      cy.getElementById('b').position({ x: 200.6, y: 40 });
    });
    // Along one axis only, on an edge's target (the edge b-c's box must follow its second end).
    sameAfter((cy) => {
      cy.getElementById('c').position({ x: -80, y: 190 });
    });
    // Moved without events (nothing marks the cached boxes stale): the position itself must be checked.
    sameAfter((cy) => {
      silentlyMove(cy, 'c', { x: -80, y: 230 });
    });
    sameAfter((cy) => {
      silentlyMove(cy, 'a', { x: 55, y: 0 });
    });
    // A node's position changed in place, which Cytoscape's own cache check also catches (by position, as here).
    sameAfter((cy) => {
      (
        cy.getElementById('b')[0] as unknown as { _private: { position: { y: number } } }
      )._private.position.y += 30;
    });
  });

  it('gives the same boxes as Cytoscape after a style change, on a node and an edge', () => {
    sameAfter((cy) => {
      cy.getElementById('a').addClass('big');
      cy.getElementById('ab').addClass('thick');
    });
    sameAfter((cy) => {
      cy.getElementById('c').removeClass('big');
    });
  });

  it('gives the same boxes as Cytoscape after removal, re-adding and a new edge', () => {
    sameAfter((cy) => {
      const b = cy.getElementById('b').remove();
      b.restore();
      b.position({ x: 90, y: 300 });
      cy.add({ data: { id: 'ca', source: 'c', target: 'a' }, classes: 'thick' });
    });
  });

  it('answers a cached box without asking Cytoscape where the element is', () => {
    const count = (fast: boolean): number => {
      const cy = canvas(fast);
      boxes(cy);
      const proto = Object.getPrototypeOf(cy.collection()) as { position: (...a: unknown[]) => unknown };
      const position = proto.position;
      let calls = 0;
      proto.position = function (this: unknown, ...args: unknown[]) {
        calls++;
        return position.apply(this, args);
      };
      try {
        for (let i = 0; i < 50; i++) boxes(cy);
      } finally {
        proto.position = position;
      }
      return calls;
    };
    // Cytoscape hashes the element's position (each end's for an edge) on every call to check its cache.
    expect(count(false)).toBeGreaterThanOrEqual(50 * 5);
    expect(count(true)).toBe(0);
  });
});
