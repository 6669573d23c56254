// Label text and label choice: two wrapped lines at most, text never below 10 px, no collisions, no repeats.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { nodeData } from '../../client/src/graph/graph-elements.js';
import {
  BODY_CORE,
  FAST_FONT_STEPS,
  MIN_LABEL_SCREEN_PX,
  chooseLabels,
  labelBox,
  labelCandidateOf,
  labelFontFor,
  type Box,
  type LabelCandidate,
  type LabelPlace,
} from '../../client/src/graph/label-rules.js';
import {
  LABEL_WIDTH_PX,
  defaultMeasure,
  labelData,
  labelWidthOf,
  wrapLabel,
} from '../../client/src/graph/label-text.js';

/** Seven pixels per character: a monospace stand-in for canvas metrics. */
const measure = (t: string): number => t.length * 7;

describe('wrapLabel', () => {
  it('keeps a short name whole on one line', () => {
    expect(wrapLabel('France', measure)).toMatchObject({ text: 'France', lines: 1 });
  });

  it('measures a name that fits once, not once per word (a large scene wraps every name on arrival)', () => {
    const asked: string[] = [];
    const counting = (t: string): number => {
      asked.push(t);
      return measure(t);
    };
    expect(wrapLabel('  Joint   Task Force ', counting)).toEqual({
      text: 'Joint Task Force',
      width: measure('Joint Task Force'),
      lines: 1,
    });
    expect(new Set(asked)).toEqual(new Set(['Joint Task Force']));
  });

  it('wraps a long name to two lines and cuts only past the second, with an ellipsis', () => {
    const name = 'Franco-British joint intelligence cell on counter-terrorism operations';
    const { text, lines, width } = wrapLabel(name, measure);
    expect(lines).toBe(2);
    const [first, second] = text.split('\n');
    expect(first).toBe('Franco-British joint');
    expect(second!.endsWith('…')).toBe(true);
    expect(width).toBeLessThanOrEqual(LABEL_WIDTH_PX);
    expect(name.replace(/\s+/g, ' ').startsWith(`${first} ${second!.slice(0, -1)}`)).toBe(true);
  });

  it('uses both lines in full when the name fits them, and breaks a word longer than a line', () => {
    expect(wrapLabel('Franco-British joint task forces', measure).text).toBe(
      'Franco-British joint\ntask forces',
    );
    const long = wrapLabel('Supercalifragilisticexpialidocious', measure);
    expect(long.text.split('\n').every((l) => measure(l) <= LABEL_WIDTH_PX)).toBe(true);
  });
});

describe('labelData', () => {
  /** `measure`, recording what it was asked. */
  const counting = (): { asked: string[]; m: (t: string) => number } => {
    const asked: string[] = [];
    return { asked, m: (t) => (asked.push(t), measure(t)) };
  };

  it('leaves a name that surely fits one line unmeasured, and measures it when a pass asks its width', () => {
    const { asked, m } = counting();
    const data = labelData('  Joint   Task Force ', m);
    expect(data).toEqual({ label: 'Joint Task Force', ll: 1, lw: undefined });
    // Only characters were measured (a large scene's names share them), never the name.
    expect(asked.every((t) => [...t].length === 1)).toBe(true);
    expect(labelWidthOf(data, m)).toBe(measure('Joint Task Force'));
  });

  it('wraps and measures a name that may not fit, as wrapLabel does', () => {
    const long = 'Franco-British joint intelligence cell on counter-terrorism operations';
    const wrapped = wrapLabel(long, measure);
    expect(labelData(long, measure)).toEqual({ label: wrapped.text, ll: wrapped.lines, lw: wrapped.width });
    // Near the line's width the characters' sum is not sure enough (kerning): the name is measured whole.
    const near = 'x'.repeat(Math.floor(LABEL_WIDTH_PX / 7));
    expect(measure(near)).toBeLessThanOrEqual(LABEL_WIDTH_PX);
    expect(labelData(near, measure)).toEqual({ label: near, ll: 1, lw: measure(near) });
    expect(labelWidthOf({ label: 'abc', lw: 50 }, measure)).toBe(50);
    expect(labelWidthOf({ label: '' }, measure)).toBe(0);
  });

  it("gives a label pass a node's width whether its data held it or not", () => {
    const cy = cytoscape({ headless: true });
    const short = cy.add({
      data: nodeData({ id: 's', name: 'France', labels: ['Country'], properties: {} }),
    });
    const name = 'Franco-British joint intelligence cell on counter-terrorism operations';
    const long = cy.add({ data: nodeData({ id: 'l', name, labels: ['Forum'], properties: {} }) });
    expect(short.data('lw')).toBeUndefined();
    expect(labelCandidateOf(short, 0).width).toBe(defaultMeasure()('France'));
    expect(labelCandidateOf(long, 0).width).toBe(wrapLabel(name).width);
    expect(labelCandidateOf(long, 0).lines).toBe(2);
    cy.destroy();
  });
});

describe('labelFontFor', () => {
  it('draws at 10 px or more on screen, or not at all', () => {
    for (let zoom = 0.1; zoom <= 4; zoom += 0.01) {
      const f = labelFontFor(zoom);
      if (f !== null) expect(f * zoom).toBeGreaterThanOrEqual(MIN_LABEL_SCREEN_PX);
    }
    expect(labelFontFor(0.1)).toBeNull();
    expect(labelFontFor(0.46)).not.toBeNull();
    expect(labelFontFor(1)).toBe(12);
    expect(labelFontFor(0.7, FAST_FONT_STEPS)).toBeNull();
  });
});

describe('chooseLabels', () => {
  const node = (id: string, x: number, y: number, priority: number, text = id): LabelCandidate => ({
    id,
    x,
    y,
    halfWidth: 18,
    halfHeight: 18,
    text,
    width: 60,
    lines: 1,
    priority,
  });

  it('of two colliding labels the more important keeps its place below; the other moves to a free side', () => {
    const { nodes, places } = chooseLabels([node('hub', 0, 0, 10), node('leaf', 56, 12, 1)], 12, 1);
    expect(nodes).toEqual(new Set(['hub', 'leaf']));
    expect(places.get('hub')).toBeUndefined();
    // Below the leaf is the hub's label; above it is free (the leaf sits beside the hub, clear of its name).
    expect(places.get('leaf')).toBe('above');
    // Fast mode moves none: the leaf's label is left out, as before labels moved.
    const fixed = chooseLabels([node('hub', 0, 0, 10), node('leaf', 56, 12, 1)], 12, 1, [], { move: false });
    expect(fixed.nodes).toEqual(new Set(['hub']));
    expect(fixed.places.size).toBe(0);
  });

  it('of two equally important colliding labels the one given first keeps its place (a hub page arrives most connected first)', () => {
    const first = chooseLabels([node('z-first', 0, 0, 1), node('a-second', 56, 12, 1)], 12, 1).places;
    expect([...first.keys()]).toEqual(['a-second']);
    const second = chooseLabels([node('a-second', 56, 12, 1), node('z-first', 0, 0, 1)], 12, 1).places;
    expect([...second.keys()]).toEqual(['z-first']);
  });

  it('tries below, above, right and left in turn, and drops a label only when every side is taken', () => {
    // Four important neighbours whose bodies block each side of the middle node in turn.
    const ring = (gone: readonly ('below' | 'above' | 'right' | 'left')[]) => {
      const at = { below: [0, 45], above: [0, -45], right: [70, 0], left: [-70, 0] } as const;
      return [
        node('middle', 0, 0, 1),
        ...gone.map((side) => ({
          ...node(side, at[side][0], at[side][1], 10),
          halfWidth: 60,
          halfHeight: 30,
        })),
      ];
    };
    const placeOf = (gone: readonly ('below' | 'above' | 'right' | 'left')[]) => {
      const { nodes, places } = chooseLabels(ring(gone), 12, 1);
      return nodes.has('middle') ? (places.get('middle') ?? 'below') : null;
    };
    expect(placeOf([])).toBe('below');
    expect(placeOf(['below'])).toBe('above');
    expect(placeOf(['below', 'above'])).toBe('right');
    expect(placeOf(['below', 'above', 'right'])).toBe('left');
    expect(placeOf(['below', 'above', 'right', 'left'])).toBeNull();
  });

  it('with the four sides taken, tries the corners in turn: below-right, below-left, above-right, above-left', () => {
    const middle = node('middle', 0, 0, 1);
    // Small, more important boxes that each take one place and no other: the four sides' in their middles (a
    // side's box overlaps its corners' at the ends), each corner's at its far end.
    const inPlace = (place: LabelPlace, fx: number, fy: number): Box => {
      const b = labelBox(middle, 12, place);
      const x = b.x1 + (b.x2 - b.x1) * fx;
      const y = b.y1 + (b.y2 - b.y1) * fy;
      return { x1: x - 2, x2: x + 2, y1: y - 2, y2: y + 2 };
    };
    const blockers: Record<LabelPlace, Box> = {
      below: inPlace('below', 0.5, 0.5),
      above: inPlace('above', 0.5, 0.5),
      right: inPlace('right', 0.9, 0.5),
      left: inPlace('left', 0.1, 0.5),
      'below-right': inPlace('below-right', 0.9, 0.5),
      'below-left': inPlace('below-left', 0.1, 0.5),
      'above-right': inPlace('above-right', 0.9, 0.5),
      'above-left': inPlace('above-left', 0.1, 0.5),
    };
    const order = Object.keys(blockers) as LabelPlace[];
    // Each blocker takes its own place only (else the order below would not show).
    for (const place of order)
      for (const other of order) {
        const a = blockers[place];
        const b = labelBox(middle, 12, other);
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(place === other);
      }
    const placeOf = (taken: number) => {
      const edges = order.slice(0, taken).map((p) => ({ id: p, box: blockers[p], priority: 10 }));
      const { nodes, places } = chooseLabels([middle], 12, 1, edges);
      return nodes.has('middle') ? (places.get('middle') ?? 'below') : null;
    };
    expect(order.map((_, k) => placeOf(k))).toEqual(order);
    expect(placeOf(order.length)).toBeNull();
    // A corner's label starts where the body's box ends, as far below (or above) it as the place below.
    const corner = labelBox(middle, 12, 'below-right');
    expect(corner.x1).toBe(middle.x + middle.halfWidth);
    expect(corner.y1).toBe(labelBox(middle, 12, 'below').y1);
    expect(labelBox(middle, 12, 'above-left').y2).toBe(labelBox(middle, 12, 'above').y2);
    expect(labelBox(middle, 12, 'above-left').x2).toBe(middle.x - middle.halfWidth);
  });

  it("a label moved aside never takes a less important label's place below or edge text", () => {
    const middle = node('middle', 0, 0, 10);
    const above = labelBox(middle, 12, 'above');
    const blockBelow = { id: 'e-below', box: { x1: -4, x2: 4, y1: 26, y2: 34 }, priority: 20 };
    // A less important edge text where the middle's label would go above.
    const text = { id: 'e-above', box: { ...above }, priority: 5 };
    const { nodes, edges, places } = chooseLabels([middle], 12, 1, [blockBelow, text]);
    expect(edges).toEqual(new Set(['e-below', 'e-above']));
    expect(nodes).toEqual(new Set(['middle']));
    expect(places.get('middle')).toBe('right');
    // The same for a less important node whose label sits below it, where the middle's would go above.
    const under = node('under', 0, above.y1 - 18 - 4, 1, 'under');
    const withNode = chooseLabels([middle, under], 12, 1, [blockBelow]);
    expect(withNode.nodes).toEqual(new Set(['middle', 'under']));
    expect(withNode.places.get('under')).toBeUndefined();
    expect(withNode.places.get('middle')).toBe('right');
  });

  it('a name an edge runs through moves to a free place no edge crosses; with none, it stays below', () => {
    const hub = node('hub', 0, 0, 10);
    // An edge leaving the hub straight down runs through its name below.
    const down = { x1: 0, y1: 0, x2: 0, y2: 200 };
    expect(chooseLabels([hub], 12, 1).places.get('hub')).toBeUndefined();
    const placeOf = (lines: { x1: number; y1: number; x2: number; y2: number }[]) => {
      const { nodes, places } = chooseLabels([hub], 12, 1, [], { lines });
      expect(nodes).toEqual(new Set(['hub']));
      return places.get('hub') ?? 'below';
    };
    expect(placeOf([down])).toBe('above');
    // Down and up taken by edges: right.
    expect(placeOf([down, { x1: 0, y1: 0, x2: 0, y2: -200 }])).toBe('right');
    // Edges in every direction (the four sides and the four diagonals): no clear place, the name stays below.
    const star = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => ({
      x1: 0,
      y1: 0,
      x2: 300 * Math.cos((k * Math.PI) / 4),
      y2: 300 * Math.sin((k * Math.PI) / 4),
    }));
    expect(placeOf(star)).toBe('below');
    // An edge that passes beside the name does not move it.
    expect(placeOf([{ x1: 200, y1: -100, x2: 200, y2: 100 }])).toBe('below');
    // Fast mode (no moves) ignores edges.
    expect(chooseLabels([hub], 12, 1, [], { lines: [down], move: false }).places.size).toBe(0);
  });

  it("a name below that runs into another node's body moves to a free place clear of bodies; with none, it stays", () => {
    // A less important node just below-right of the hub: the hub's name below runs into its body (not its core).
    const hub = node('hub', 0, 0, 10);
    const below = labelBox(hub, 12, 'below');
    const side = node('side', below.x2 + 10, below.y2 + 6, 1, '');
    const core = { x1: side.x - 18 * BODY_CORE, x2: side.x + 18 * BODY_CORE };
    expect(below.x2 < core.x1, 'the name below stays clear of the core, so it is drawn').toBe(true);
    const { nodes, places } = chooseLabels([hub, side], 12, 1);
    expect(nodes).toEqual(new Set(['hub']));
    expect(places.get('hub')).toBe('above');
    // Fast mode (no moves) keeps it below.
    expect(chooseLabels([hub, side], 12, 1, [], { move: false }).places.size).toBe(0);
    // Bodies on every side and corner of the hub (nameless, so they take no label room): it stays below.
    const ring = [
      [0, -42],
      [60, 0],
      [-60, 0],
      [62, 42],
      [-62, 42],
      [62, -42],
      [-62, -42],
    ].map(([x, y], i) => node(`r${i}`, x!, y!, 0, ''));
    const boxed = chooseLabels([hub, side, ...ring], 12, 1);
    expect(boxed.nodes.has('hub')).toBe(true);
    expect(boxed.places.get('hub')).toBeUndefined();
  });

  it('a name moves off an edge only into room no other label wanted', () => {
    const hub = node('hub', 0, 0, 10);
    const down = { x1: 0, y1: 0, x2: 0, y2: 200 };
    const above = labelBox(hub, 12, 'above');
    // A less important node whose name, below it, sits where the hub's would go above.
    const under = node('under', 0, above.y1 - 18 - 4, 1, 'under');
    const { nodes, places } = chooseLabels([hub, under], 12, 1, [], { lines: [down] });
    expect(nodes).toEqual(new Set(['hub', 'under']));
    expect(places.get('under')).toBeUndefined();
    // Above is the less important name's: the hub's goes to the next clear place instead.
    expect(places.get('hub')).toBe('right');
  });

  it('draws both when they are apart, and one of two equal texts', () => {
    expect(chooseLabels([node('a', 0, 0, 1), node('b', 400, 0, 1)], 12, 1).nodes.size).toBe(2);
    expect(chooseLabels([node('a', 0, 0, 1, 'Same'), node('b', 400, 0, 2, 'Same')], 12, 1).nodes).toEqual(
      new Set(['b']),
    );
  });

  it("never lets a label cover another node's core, and the drawn boxes never overlap", () => {
    const grid = Array.from({ length: 100 }, (_, i) =>
      node(`n${i}`, (i % 10) * 50, Math.floor(i / 10) * 60, i % 7),
    );
    const { nodes: shown, places } = chooseLabels(grid, 16, 0.8);
    const core = 18 * BODY_CORE;
    expect(shown.size).toBeGreaterThan(5);
    // Some labels moved off their place below: the boxes checked are where each is drawn.
    expect(places.size).toBeGreaterThan(0);
    const boxOf = (c: LabelCandidate) => labelBox(c, 16, places.get(c.id));
    const boxes = grid.filter((c) => shown.has(c.id)).map(boxOf);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
      }
    for (const c of grid.filter((g) => shown.has(g.id))) {
      const b = boxOf(c);
      for (const o of grid)
        if (o.id !== c.id)
          expect(b.x1 < o.x + core && o.x - core < b.x2 && b.y1 < o.y + core && o.y - core < b.y2).toBe(
            false,
          );
    }
  });

  it('never moves a label out of the view: a side outside it is skipped, a cut place below is kept as before', () => {
    // A path's edge text holds the place below the node; the view's top edge is just above the node.
    const n = node('n', 100, 100, 1);
    const under = { id: 'e-under', box: { x1: 60, x2: 140, y1: 118, y2: 140 }, priority: 5 };
    const view = { x1: 0, x2: 400, y1: 75, y2: 300 };
    expect(labelBox(n, 12, 'above').y1).toBeLessThan(view.y1);
    // Without a view it goes above; with it, above is out of sight and it goes right.
    expect(chooseLabels([n], 12, 1, [under]).places.get('n')).toBe('above');
    expect(chooseLabels([n], 12, 1, [under], { view }).places.get('n')).toBe('right');
    // A node alone at the bottom edge: its place below is cut, no other place fits, and it keeps that place.
    const low = node('low', 200, 290, 1);
    const alone = chooseLabels([low], 12, 1, [], { view: { x1: 150, x2: 250, y1: 280, y2: 300 } });
    expect(alone.nodes).toEqual(new Set(['low']));
    expect(alone.places.size).toBe(0);
  });

  it('draws an edge type text only clear of node labels, node cores and the other edge texts', () => {
    const a = node('a', 0, 0, 5);
    const b = node('b', 300, 0, 1);
    // Across a's label: hidden. In open space: drawn. Two texts on top of each other: the path's wins.
    const onLabel = { id: 'e-on-label', box: { x1: -20, x2: 20, y1: 25, y2: 35 }, priority: 4 };
    const free = { id: 'e-free', box: { x1: 120, x2: 180, y1: 100, y2: 110 }, priority: 1 };
    const pathText = { id: 'e-path', box: { x1: 120, x2: 180, y1: -100, y2: -90 }, priority: 4 };
    const under = { id: 'e-under', box: { x1: 130, x2: 190, y1: -95, y2: -85 }, priority: 1 };
    // Ranked above b's label (a path's text over an ordinary node): b's label gives way, to its place above.
    const overB = { id: 'e-over-b', box: { x1: 290, x2: 310, y1: 25, y2: 35 }, priority: 3 };
    const shown = chooseLabels([a, b], 12, 1, [onLabel, free, pathText, under, overB]);
    expect(shown.nodes).toEqual(new Set(['a', 'b']));
    expect(shown.places).toEqual(new Map([['b', 'above']]));
    expect(shown.edges).toEqual(new Set(['e-free', 'e-path', 'e-over-b']));
  });
});
