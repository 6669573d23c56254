// Scene filters as a pure function: labels, types, threat scope, disputed, confidence, time window and undated.
import { describe, expect, it } from 'vitest';
import {
  datedElements,
  elementInterval,
  overlaps,
  parseDateSpan,
} from '../../client/src/features/filters/dates.js';
import {
  defaultFilters,
  describeFilterChange,
  filtersActive,
  type Filters,
} from '../../client/src/features/filters/filters.js';
import {
  computeVisibility,
  type FilterEdge,
  type FilterNode,
} from '../../client/src/features/filters/visibility.js';

const node = (id: string, labels: string[], properties: Record<string, unknown> = {}): FilterNode => ({
  id,
  labels,
  properties,
});
const edge = (
  source: string,
  type: string,
  target: string,
  properties: Record<string, unknown> = {},
): FilterEdge => ({ id: `${source}|${type}|${target}`, type, source, target, properties });
const filters = (change: Partial<Filters>): Filters => ({ ...defaultFilters(), ...change });

const nodes = [
  node('country:a', ['Actor', 'Country'], { confidence: 'confirmed' }),
  node('country:b', ['Actor', 'Country'], { confidence: 'confirmed' }),
  node('forum:f', ['Forum'], { confidence: 'reported', date: '2019-05-01' }),
  node('threat:crime', ['ThreatType']),
  node('threat:smuggling', ['ThreatType']),
  node('agreement:g', ['Agreement'], { confidence: 'speculative', validFrom: '2021' }),
];
const edges = [
  edge('country:a', 'PARTICIPATED_IN', 'forum:f', { confidence: 'confirmed', date: '2019-05-01' }),
  edge('country:b', 'PARTICIPATED_IN', 'forum:f', { confidence: 'reported', disputed: true }),
  edge('forum:f', 'ADDRESSES', 'threat:smuggling', { confidence: 'confirmed' }),
  edge('threat:smuggling', 'SUBTYPE_OF', 'threat:crime'),
  edge('country:a', 'PARTY_TO', 'agreement:g', {
    confidence: 'speculative',
    validFrom: '2021-03-01',
    validTo: '2022-12-31',
  }),
  edge('country:b', 'FOCUSES_ON', 'threat:crime', { confidence: 'confirmed' }),
];
const run = (f: Partial<Filters>) => computeVisibility(nodes, edges, filters(f));

describe('dates', () => {
  it('reads a year, a month and a day as the whole of that period', () => {
    expect(parseDateSpan('2019')).toEqual({ start: Date.UTC(2019, 0, 1), end: Date.UTC(2020, 0, 1) - 1 });
    expect(parseDateSpan('2019-02')).toEqual({ start: Date.UTC(2019, 1, 1), end: Date.UTC(2019, 2, 1) - 1 });
    expect(parseDateSpan('2019-02-03')!.start).toBe(Date.UTC(2019, 1, 3));
    expect(parseDateSpan('not a date')).toBeNull();
    expect(parseDateSpan(undefined)).toBeNull();
  });

  it('treats validFrom alone as open-ended, and date plus validity as their hull', () => {
    expect(elementInterval({ validFrom: '2021' })).toEqual({ start: Date.UTC(2021, 0, 1), end: Infinity });
    expect(elementInterval({ validTo: '2021' })!.start).toBe(-Infinity);
    expect(elementInterval({ date: '2018', validFrom: '2020', validTo: '2020' })).toEqual({
      start: Date.UTC(2018, 0, 1),
      end: Date.UTC(2021, 0, 1) - 1,
    });
    expect(elementInterval({ name: 'x' })).toBeNull();
    expect(
      overlaps(elementInterval({ validFrom: '2021' })!, Date.UTC(2030, 0, 1), Date.UTC(2031, 0, 1)),
    ).toBe(true);
  });

  it('lists the dated elements and marks open-ended ones', () => {
    const dated = datedElements(nodes, edges);
    expect(dated.map((d) => d.id)).toEqual([
      'forum:f',
      'agreement:g',
      'country:a|PARTICIPATED_IN|forum:f',
      'country:a|PARTY_TO|agreement:g',
    ]);
    expect(dated.find((d) => d.id === 'agreement:g')!.openEnded).toBe(true);
  });
});

describe('scene filters', () => {
  it('hide nothing by default and count the undated elements', () => {
    const v = run({});
    expect(v.hiddenNodes.size + v.hiddenEdges.size + v.contextNodes.size).toBe(0);
    expect(v.undated).toBe(4 + 4);
    expect(filtersActive(defaultFilters())).toBe(false);
    expect(filtersActive(filters({ undated: 'hidden' }))).toBe(true);
  });

  it('hide nodes with a label and every relationship touching them', () => {
    const v = run({ hiddenLabels: ['Country'] });
    expect([...v.hiddenNodes].sort()).toEqual(['country:a', 'country:b']);
    expect([...v.hiddenEdges].sort()).toEqual(
      edges
        .filter((e) => e.source.startsWith('country:'))
        .map((e) => e.id)
        .sort(),
    );
  });

  it('hide relationships of a type, never their ends', () => {
    const v = run({ hiddenRelTypes: ['PARTICIPATED_IN'] });
    expect(v.hiddenNodes.size).toBe(0);
    expect(v.hiddenEdges.size).toBe(2);
  });

  it('keep for a threat its sub-threats and what addresses or focuses on them', () => {
    const v = run({
      threat: { id: 'threat:crime', name: 'Crime', ids: ['threat:crime', 'threat:smuggling'] },
    });
    expect([...v.hiddenNodes].sort()).toEqual(['agreement:g', 'country:a']);
    // forum:f addresses smuggling (a sub-threat); country:b focuses on crime.
    const shown = new Set(edges.map((e) => e.id).filter((id) => !v.hiddenEdges.has(id)));
    expect(shown).toEqual(
      new Set([
        'forum:f|ADDRESSES|threat:smuggling',
        'threat:smuggling|SUBTYPE_OF|threat:crime',
        'country:b|FOCUSES_ON|threat:crime',
        'country:b|PARTICIPATED_IN|forum:f',
      ]),
    );
  });

  it('with disputed "only" show the disputed claims, their ends as context, and nothing else', () => {
    const v = run({ disputed: 'only' });
    expect(edges.filter((e) => !v.hiddenEdges.has(e.id)).map((e) => e.id)).toEqual([
      'country:b|PARTICIPATED_IN|forum:f',
    ]);
    expect([...v.contextNodes].sort()).toEqual(['country:b', 'forum:f']);
    expect(v.hiddenNodes.size).toBe(nodes.length - 2);
    expect(run({ disputed: 'hide' }).hiddenEdges).toEqual(new Set(['country:b|PARTICIPATED_IN|forum:f']));
  });

  it('hide unticked confidence levels but never an element without a confidence', () => {
    const v = run({ confidence: ['confirmed'] });
    expect(v.hiddenNodes).toEqual(new Set(['agreement:g']));
    expect(v.contextNodes).toEqual(new Set(['forum:f']));
    expect(v.hiddenNodes.has('threat:crime')).toBe(false);
  });

  it('keep, inside a time window, the dated elements overlapping it and the undated ones while shown', () => {
    const window = { from: '2020-01-01T00:00:00.000Z', to: '2020-12-31T00:00:00.000Z' };
    const v = run({ time: window });
    expect(v.hiddenNodes).toEqual(new Set(['agreement:g']));
    // The 2019 forum is outside, but an undated (so shown) participation still needs it drawn.
    expect(v.contextNodes).toEqual(new Set(['forum:f']));
    expect(v.hiddenEdges).toEqual(
      new Set(['country:a|PARTICIPATED_IN|forum:f', 'country:a|PARTY_TO|agreement:g']),
    );
    // The open-ended agreement (validFrom 2021) is inside any later window.
    const later = run({ time: { from: '2030-01-01T00:00:00.000Z', to: '2031-01-01T00:00:00.000Z' } });
    expect(later.hiddenNodes.has('agreement:g')).toBe(false);
  });

  it('hide undated elements when asked, keeping an undated end of a shown dated relationship as context', () => {
    const v = run({ undated: 'hidden' });
    expect(v.contextNodes).toEqual(new Set(['country:a']));
    expect([...v.hiddenNodes].sort()).toEqual(['country:b', 'threat:crime', 'threat:smuggling']);
    expect(v.hiddenEdges.size).toBe(4);
  });
});

describe('filter step names', () => {
  it('say what changed, for the history panel', () => {
    const none = defaultFilters();
    expect(describeFilterChange(none, filters({ hiddenLabels: ['Country'] }))).toBe(
      'Filter: hide label Country',
    );
    expect(
      describeFilterChange(
        filters({ hiddenLabels: ['Country', 'Forum'] }),
        filters({ hiddenLabels: ['Forum'] }),
      ),
    ).toBe('Filter: show label Country');
    expect(describeFilterChange(none, filters({ confidence: ['confirmed'] }))).toBe(
      'Filter: hide confidence reported, speculative',
    );
    expect(describeFilterChange(none, filters({ disputed: 'only', undated: 'hidden' }))).toBe(
      'Filter: disputed: only; undated hidden',
    );
    expect(describeFilterChange(filters({ disputed: 'only' }), none)).toBe('Clear filters');
  });
});
