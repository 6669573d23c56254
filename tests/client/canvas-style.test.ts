// What each edge of the canvas carries from the stylesheet: fast mode leaves the arrow's colour and scale off plain
// edges, which draw no arrow (each property an element has is applied and hashed at its first style: a large scene's
// first paint), and what is drawn looks as before (arrows at the focus, edge texts where shown). In full detail only
// edges that share their nodes (and loops) are beziers; a lone edge is drawn straight; named nodes are drawn above the
// others; a fold badge always writes its count.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { canvasStylesheet } from '../../client/src/graph/canvas-options.js';
import { FAST_LEVERS, FULL_DETAIL, type LodLevers } from '../../client/src/graph/level-of-detail.js';
import {
  bundledEdges,
  edgeClasses,
  edgeData,
  selectionContext,
} from '../../client/src/graph/graph-elements.js';
import { initialState, type State } from '../../client/src/state/state.js';
import { LABEL_HIDDEN_CLASS } from '../../client/src/graph/label-rules.js';
import { LABEL_BASE_FONT_PX } from '../../client/src/graph/label-text.js';
import type { GraphEdge } from '../../contract/index.js';

type Styled = { pstyle(p: string): { strValue: string; value: unknown } | undefined };
const value = (ele: cytoscape.SingularElementReturnValue, p: string): unknown =>
  (ele as unknown as Styled).pstyle(p)?.value;
/** The properties the stylesheet set on the element (a value equal to Cytoscape's default is not kept there). */
const own = (ele: cytoscape.SingularElementReturnValue): string[] =>
  Object.keys((ele as unknown as { _private: { style: Record<string, unknown> } })._private.style);

/** Two nodes and four edges between them: plain, hovered, incident to the selection, and a cooperation pair. */
function scene(levers: Readonly<LodLevers>): cytoscape.Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStylesheet(levers) });
  cy.add([
    { group: 'nodes', data: { id: 'a', label: 'A' }, position: { x: 0, y: 0 } },
    { group: 'nodes', data: { id: 'b', label: 'B' }, position: { x: 200, y: 0 } },
    { group: 'edges', data: { id: 'plain', source: 'a', target: 'b', type: 'MEMBER_OF' } },
    { group: 'edges', data: { id: 'hover', source: 'a', target: 'b', type: 'MEMBER_OF' }, classes: 'hover' },
    {
      group: 'edges',
      data: { id: 'focus', source: 'a', target: 'b', type: 'MEMBER_OF' },
      classes: 'incident',
    },
    { group: 'edges', data: { id: 'coop', source: 'a', target: 'b', weight: 3 }, classes: 'coop' },
  ]);
  // Cytoscape styles an element when its style is first read.
  cy.elements().forEach((e) => void (e as unknown as Styled).pstyle('label'));
  return cy;
}

describe('canvas stylesheet', () => {
  it('in fast mode, plain edges carry no arrow colour or scale; focus edges keep arrows and text', () => {
    const cy = scene(FAST_LEVERS);
    const plain = cy.getElementById('plain');
    for (const p of ['target-arrow-color', 'arrow-scale'])
      expect(own(plain), `plain edge carries ${p}`).not.toContain(p);
    expect(value(plain, 'target-arrow-shape')).toBe('none');
    const focus = cy.getElementById('focus');
    expect(value(focus, 'target-arrow-shape')).toBe('triangle');
    expect(value(focus, 'arrow-scale')).toBe(0.8);
    // Its colour is the selection's, from the incident rule, not the plain edges' grey.
    expect(value(focus, 'target-arrow-color')).toEqual(value(focus, 'line-color'));
    expect((focus as unknown as Styled).pstyle('label')?.strValue).toBe('MEMBER_OF');
    // Fast mode writes no text on hovered edges or cooperation weights, as before.
    expect((cy.getElementById('hover') as unknown as Styled).pstyle('label')?.strValue).toBe('');
    expect((cy.getElementById('coop') as unknown as Styled).pstyle('label')?.strValue).toBe('');
  });

  it('in full detail, every edge has its arrow in the edge colour at 0.8, and hovered edges their type', () => {
    const cy = scene(FULL_DETAIL);
    const plain = cy.getElementById('plain');
    expect(value(plain, 'target-arrow-shape')).toBe('triangle');
    expect(value(plain, 'arrow-scale')).toBe(0.8);
    expect(value(plain, 'target-arrow-color')).toEqual(value(plain, 'line-color'));
    expect((cy.getElementById('hover') as unknown as Styled).pstyle('label')?.strValue).toBe('MEMBER_OF');
    expect((cy.getElementById('coop') as unknown as Styled).pstyle('label')?.strValue).toBe('3');
  });
});

/** Edges a-b (both ways), a-c alone and a loop at c, as the state holds them. */
function wireEdges(): Map<string, GraphEdge> {
  const edge = (id: string, source: string, target: string): [string, GraphEdge] => [
    id,
    { id, source, target, type: 'MEMBER_OF', properties: {} },
  ];
  return new Map([edge('ab', 'a', 'b'), edge('ba', 'b', 'a'), edge('ac', 'a', 'c'), edge('cc', 'c', 'c')]);
}

describe('edge curves', () => {
  it('bundles loops and the edges that share their two nodes, either way round; a lone edge is not', () => {
    const edges = wireEdges();
    expect([...bundledEdges(edges)].sort()).toEqual(['ab', 'ba', 'cc']);
    // Kept for the same map; a new map (any change to the state's edges) is read again.
    expect(bundledEdges(edges)).toBe(bundledEdges(edges));
    const fewer = new Map(edges);
    fewer.delete('ba');
    expect([...bundledEdges(fewer)].sort()).toEqual(['cc']);
  });

  it('the state gives bundled edges their class, and the stylesheet draws only those as beziers', () => {
    const base = initialState();
    const nodes = new Map(
      ['a', 'b', 'c'].map((id) => [id, { id, name: id.toUpperCase(), labels: ['Country'], properties: {} }]),
    );
    const s = { ...base, nodes, edges: wireEdges() } as State;
    const ctx = selectionContext(s);
    for (const levers of [FULL_DETAIL, FAST_LEVERS]) {
      const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStylesheet(levers) });
      for (const n of nodes.values())
        cy.add({ group: 'nodes', data: { id: n.id }, position: { x: 0, y: 0 } });
      for (const e of s.edges.values())
        cy.add({ group: 'edges', data: edgeData(e), classes: edgeClasses(e, s, ctx) });
      const curve = (id: string): unknown => value(cy.getElementById(id), 'curve-style');
      if (levers === FULL_DETAIL) {
        expect(['ab', 'ba', 'cc'].map(curve)).toEqual(['bezier', 'bezier', 'bezier']);
        expect(curve('ac')).toBe('straight');
      } else {
        // Fast mode draws plain edges as haystack lines, whatever their class.
        expect(['ab', 'ac', 'cc'].map(curve)).toEqual(['haystack', 'haystack', 'haystack']);
      }
    }
  });
});

describe('drawing order of named nodes', () => {
  it('in full detail a node whose label is drawn is drawn above the unnamed ones; path and selection stay higher', () => {
    const zOf = (levers: Readonly<LodLevers>, classes: string): unknown => {
      const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStylesheet(levers) });
      const n = cy.add({ group: 'nodes', data: { id: 'n', label: 'N' }, classes });
      return value(n, 'z-index');
    };
    expect(zOf(FULL_DETAIL, 'kind-Country')).toBe(1);
    expect(zOf(FULL_DETAIL, `kind-Country ${LABEL_HIDDEN_CLASS}`)).toBe(0);
    expect(zOf(FULL_DETAIL, `kind-Country ${LABEL_HIDDEN_CLASS} path`)).toBe(10);
    expect(zOf(FULL_DETAIL, `kind-Country ${LABEL_HIDDEN_CLASS} selected`)).toBe(20);
    // Fast mode keeps Cytoscape's order: a label pass there does not re-sort a large scene.
    expect(zOf(FAST_LEVERS, 'kind-Country')).toBe(0);
    expect(zOf(FAST_LEVERS, `kind-Country ${LABEL_HIDDEN_CLASS}`)).toBe(0);
  });
});

describe('fold badges', () => {
  it("write their count in both modes, whatever the label pass or the zoom did to the badge's label", () => {
    for (const levers of [FULL_DETAIL, FAST_LEVERS])
      for (const font of [LABEL_BASE_FONT_PX, null])
        for (const classes of ['fold-badge', `fold-badge ${LABEL_HIDDEN_CLASS}`]) {
          const cy = cytoscape({ headless: true, styleEnabled: true, style: canvasStylesheet(levers, font) });
          const badge = cy.add({ group: 'nodes', data: { id: 'b', label: '+12' }, classes });
          const what = `${levers === FAST_LEVERS ? 'fast' : 'full'}, font ${font}, ${classes}`;
          expect((badge as unknown as Styled).pstyle('label')?.strValue, what).toBe('+12');
          // Drawn at every zoom, and not faded.
          expect(value(badge, 'min-zoomed-font-size'), what).toBe(0);
          expect(value(badge, 'text-opacity'), what).toBe(1);
        }
  });
});
