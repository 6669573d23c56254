// One palette: the canvas stylesheet and the briefing figure draw every kind in the same colour and shape.
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { kindClass } from '../../client/src/graph/kind-class.js';
import { graphStylesheet } from '../../client/src/graph/graph-stylesheet.js';
import { EDGE_STYLE, KINDS, labelsOf, NODE_KINDS, shapePath, type DisplayKind } from '../../model/index.js';
import type { Graph } from '../../contract/index.js';
import { FIGURE_SCALE, renderFigureSvg } from '../../server/src/services/briefing/figure-svg.js';

const KINDS_SHOWN: DisplayKind[] = [...NODE_KINDS, 'Other'];

/** What the canvas draws for a node of `kind`: its stylesheet rule's colour, shape and size. */
function canvasLook(kind: DisplayKind): { colour: string; shape: string; size: number } {
  const rule = graphStylesheet().find((r) => r.selector === `node.${kindClass(kind)}`);
  expect(rule, kind).toBeDefined();
  const style = rule!.style as Record<string, unknown>;
  return { colour: String(style['background-color']), shape: String(style.shape), size: Number(style.width) };
}

/** A graph with one node of every kind (a bare Actor stands for 'Other'), a disputed edge and a plain one. */
const graph: Graph = {
  nodes: KINDS_SHOWN.map((k) => ({
    id: `n:${k}`,
    labels: k === 'Other' ? ['Actor'] : [...labelsOf(k)],
    name: `${k} node`,
    properties: {},
  })),
  edges: [
    { id: 'e1', type: 'LEADS', source: 'n:Country', target: 'n:Forum', properties: {} },
    { id: 'e2', type: 'LEADS', source: 'n:Person', target: 'n:Forum', properties: { disputed: true } },
  ],
};

describe('canvas and briefing figure share one palette', () => {
  const svg = new DOMParser().parseFromString(renderFigureSvg(graph), 'image/svg+xml');
  const groups = Array.from(svg.getElementsByTagName('g') as unknown as ArrayLike<XmlElement>);

  it('draws every kind in the figure with the canvas colour and shape, at the figure scale', () => {
    for (const kind of KINDS_SHOWN) {
      const g = groups.find((x) => x.getAttribute('data-id') === `n:${kind}`);
      expect(g, kind).toBeDefined();
      const path = g!.getElementsByTagName('path')[0]!;
      const canvas = canvasLook(kind);
      expect(path.getAttribute('fill')!.toLowerCase(), kind).toBe(canvas.colour.toLowerCase());
      expect(path.getAttribute('d'), kind).toBe(shapePath(canvas.shape as never, canvas.size * FIGURE_SCALE));
    }
    // Each kind's look is the model's, not a copy that could drift.
    for (const k of NODE_KINDS) expect(canvasLook(k).colour).toBe(KINDS[k].style.colour);
  });

  it('draws relationships in the canvas line colours, disputed ones dashed alike', () => {
    const lines = groups
      .filter((g) => (g.getAttribute('class') ?? '').split(' ').includes('edge'))
      .map((g) => ({
        disputed: g.getAttribute('class')!.includes('disputed'),
        line: g.getElementsByTagName('line')[0]!,
      }));
    expect(lines).toHaveLength(2);
    const rules = graphStylesheet();
    const style = (selector: string) =>
      rules.find((r) => r.selector === selector)!.style as Record<string, unknown>;
    for (const { disputed, line } of lines) {
      const canvas = disputed ? style('edge.disputed') : style('edge');
      expect(line.getAttribute('stroke')).toBe(canvas['line-color']);
      if (disputed) {
        expect(line.getAttribute('stroke-dasharray')).toBe(
          (canvas['line-dash-pattern'] as number[]).join(' '),
        );
      }
    }
    expect(style('edge')['line-color']).toBe(EDGE_STYLE.colour);
  });
});
