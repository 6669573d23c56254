// Rule matching per kind of element (rule-matching.ts): the same rules matched, so the same style, as Cytoscape's own
// matching, through class, state and data changes and stylesheet changes, with far fewer selector tests.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { memoiseRuleMatching, ruleMatchingMemoisedOn } from '../../client/src/graph/rule-matching.js';

const SHEET: cytoscape.StylesheetStyle[] = [
  { selector: 'node', style: { width: 20, 'background-color': '#888888', label: 'data(id)' } },
  { selector: 'edge', style: { width: 2, 'line-color': '#999999' } },
  { selector: 'node.a', style: { 'background-color': '#aa0000' } },
  { selector: 'node.a.b', style: { width: 40 } },
  { selector: 'edge.a, node.c', style: { 'line-color': '#00aa00', 'border-width': 3 } },
  { selector: '.hidden', style: { display: 'none' } },
  { selector: 'node[weight > 2]', style: { height: 50 } },
  { selector: 'edge.a[weight <= 1]', style: { width: 7 } },
  { selector: 'node:selected', style: { 'border-color': '#0000ff' } },
  { selector: '#n2', style: { shape: 'diamond' } },
  { selector: '*', style: { 'overlay-opacity': 0 } },
  { selector: 'node > node', style: { shape: 'star' } },
];

const ELEMENTS: cytoscape.ElementDefinition[] = [
  { data: { id: 'n1', weight: 1 }, classes: 'a' },
  { data: { id: 'n2', weight: 3 }, classes: 'a b' },
  { data: { id: 'n3', weight: 5 }, classes: 'b a' },
  { data: { id: 'n4' }, classes: 'c hidden' },
  { data: { id: 'n5', parent: 'n4' } },
  { data: { id: 'e1', source: 'n1', target: 'n2', weight: 1 }, classes: 'a' },
  { data: { id: 'e2', source: 'n2', target: 'n3', weight: 2 }, classes: 'a' },
  { data: { id: 'e3', source: 'n3', target: 'n1' } },
];

const PROPS = [
  'width',
  'height',
  'background-color',
  'line-color',
  'border-width',
  'border-color',
  'display',
  'shape',
];

interface Internals {
  _private: { styleCxtKey?: string };
  pstyle(name: string): { strValue?: string } | undefined;
}
const internals = (e: cytoscape.SingularElementArgument): Internals => e as unknown as Internals;

function canvas(memo: boolean): cytoscape.Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, style: SHEET });
  if (memo) memoiseRuleMatching(cy);
  cy.add(ELEMENTS);
  return cy;
}

/** Each element's matched-rules key and styled values (reading a value styles the element). */
const styleOf = (cy: cytoscape.Core): Record<string, unknown> =>
  Object.fromEntries(
    cy.elements().map((e) => {
      const values = PROPS.map((p) => internals(e).pstyle(p)?.strValue);
      return [e.id(), { key: internals(e)._private.styleCxtKey, values }];
    }),
  );

/** Counts the selector tests Cytoscape makes while `run` goes. */
function countMatches(cy: cytoscape.Core, run: () => void): number {
  const style = cy.style() as unknown as { [i: number]: { selector: object | null } };
  const proto = Object.getPrototypeOf(style[0]?.selector) as {
    matches(this: unknown, ele: unknown): boolean;
  };
  const matches = proto.matches;
  let count = 0;
  proto.matches = function (this: unknown, ele: unknown) {
    count += 1;
    return matches.call(this, ele);
  };
  try {
    run();
  } finally {
    proto.matches = matches;
  }
  return count;
}

describe('memoiseRuleMatching', () => {
  it("matches the same rules as Cytoscape's own matching, after class, state and data changes", () => {
    const stock = canvas(false);
    const memo = canvas(true);
    expect(ruleMatchingMemoisedOn(memo)).toBe(true);
    expect(ruleMatchingMemoisedOn(stock), 'another canvas keeps Cytoscape’s matching').toBe(false);
    const before = styleOf(stock);
    expect(styleOf(memo)).toEqual(before);
    // The rules do tell the elements apart: n2 (a b, #n2, weight 3) and n1 (a) differ.
    expect(before['n2']).not.toEqual(before['n1']);

    const change = (cy: cytoscape.Core): void => {
      cy.$id('n1').addClass('b');
      cy.$id('n3').removeClass('a');
      cy.$id('e3').addClass('a');
      cy.$id('e3').data('weight', 0);
      cy.$id('n2').select();
      cy.$id('n4').removeClass('hidden');
      cy.$id('n1').data('weight', 9);
    };
    change(stock);
    change(memo);
    const after = styleOf(stock);
    expect(styleOf(memo)).toEqual(after);
    expect(after).not.toEqual(before);
    stock.destroy();
    memo.destroy();
  });

  it('follows a replaced stylesheet and a rule added to it', () => {
    const stock = canvas(false);
    const memo = canvas(true);
    styleOf(memo);
    const next: cytoscape.StylesheetStyle[] = [
      { selector: 'node.b', style: { width: 70 } },
      { selector: 'edge', style: { 'line-color': '#123456' } },
    ];
    for (const cy of [stock, memo]) cy.style(next);
    expect(styleOf(memo)).toEqual(styleOf(stock));
    expect(internals(memo.$id('n2')).pstyle('width')?.strValue).toBe('70px');
    for (const cy of [stock, memo]) {
      (cy.style() as unknown as { selector(s: string): { style(p: object): { update(): void } } })
        .selector('node.a')
        .style({ height: 80 })
        .update();
    }
    expect(styleOf(memo)).toEqual(styleOf(stock));
    expect(internals(memo.$id('n1')).pstyle('height')?.strValue).toBe('80px');
    stock.destroy();
    memo.destroy();
  });

  it('tests a group and class rule once per kind of element, and the others only where they could match', () => {
    const many: cytoscape.ElementDefinition[] = Array.from({ length: 200 }, (_, i) => ({
      data: { id: `m${i}`, weight: i % 4 },
      classes: 'a',
    }));
    const stock = cytoscape({ headless: true, styleEnabled: true, style: SHEET });
    const memo = cytoscape({ headless: true, styleEnabled: true, style: SHEET });
    memoiseRuleMatching(memo);
    const counts = [stock, memo].map((cy) =>
      countMatches(cy, () => {
        cy.add(many);
        styleOf(cy);
      }),
    );
    const [stockCount = 0, memoCount = 0] = counts;
    const rules = (stock.style() as unknown as { length: number }).length;
    // Cytoscape tests every rule on every element.
    expect(stockCount).toBeGreaterThanOrEqual(rules * many.length);
    // Per element, only the rules beyond group and class: the data rule, the id, the child and Cytoscape's state rules.
    expect(memoCount).toBeLessThan((rules * many.length) / 2);
    expect(styleOf(memo)).toEqual(styleOf(stock));
    stock.destroy();
    memo.destroy();
  });
});
