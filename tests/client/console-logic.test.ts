// The console's pure logic: parameters parsing, query history and result cells, without a DOM.
import { describe, expect, it } from 'vitest';
import { cellTitle, describeCell, MAX_CELL_CHARS } from '../../client/src/features/console/cypher-cells.js';
import { parseParams } from '../../client/src/features/console/cypher-params.js';
import {
  HISTORY_KEY,
  HistoryRecall,
  loadHistory,
  pushHistory,
  saveHistory,
} from '../../client/src/features/console/query-history.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      map.set(k, v);
    },
  };
}

describe('parseParams', () => {
  it('treats blank text as no parameters', () => {
    expect(parseParams('  \n')).toEqual({ ok: true, params: {} });
  });
  it('accepts a JSON object', () => {
    expect(parseParams('{"id": "country:uk", "n": 3}')).toEqual({
      ok: true,
      params: { id: 'country:uk', n: 3 },
    });
  });
  it('refuses invalid JSON, naming the problem', () => {
    const r = parseParams('{id: 1}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Parameters: invalid JSON/);
  });
  it('refuses arrays, null and scalars, naming what it got', () => {
    for (const [text, kind] of [
      ['[1]', 'an array'],
      ['null', 'null'],
      ['"x"', 'a string'],
      ['3', 'a number'],
    ] as const) {
      const r = parseParams(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toContain(`got ${kind}`);
    }
  });
  it('refuses a key that is not a parameter name', () => {
    const r = parseParams('{"bad key": 1}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('"bad key"');
  });
});

describe('query history', () => {
  it('puts the newest first, removes duplicates and trims', () => {
    let h = pushHistory([], 'MATCH (n) RETURN n');
    h = pushHistory(h, 'RETURN 1');
    h = pushHistory(h, '  MATCH (n) RETURN n  ');
    expect(h).toEqual(['MATCH (n) RETURN n', 'RETURN 1']);
    expect(pushHistory(h, '   ')).toEqual(h);
  });
  it('is capped', () => {
    let h: string[] = [];
    for (let i = 0; i < 10; i++) h = pushHistory(h, `RETURN ${i}`, 3);
    expect(h).toEqual(['RETURN 9', 'RETURN 8', 'RETURN 7']);
  });
  it('round-trips through storage and survives garbage', () => {
    const storage = memoryStorage();
    saveHistory(storage, ['RETURN 2', 'RETURN 1']);
    expect(loadHistory(storage)).toEqual(['RETURN 2', 'RETURN 1']);
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: '{not json' }))).toEqual([]);
    expect(loadHistory(memoryStorage({ [HISTORY_KEY]: '[1, "RETURN 1", ""]' }))).toEqual(['RETURN 1']);
    expect(loadHistory(null)).toEqual([]);
  });
  it('recalls older and newer entries and gives the draft back', () => {
    const h = ['RETURN 3', 'RETURN 2', 'RETURN 1'];
    const r = new HistoryRecall();
    expect(r.newer(h)).toBeNull();
    expect(r.older(h, 'draft')).toBe('RETURN 3');
    expect(r.older(h, 'RETURN 3')).toBe('RETURN 2');
    expect(r.older(h, 'RETURN 2')).toBe('RETURN 1');
    expect(r.older(h, 'RETURN 1')).toBeNull();
    expect(r.newer(h)).toBe('RETURN 2');
    expect(r.newer(h)).toBe('RETURN 3');
    expect(r.newer(h)).toBe('draft');
    expect(r.newer(h)).toBeNull();
  });
});

describe('result cells', () => {
  it('shows graph references as node, relationship and path views', () => {
    expect(
      describeCell({ $node: 'country:uk', labels: ['Actor', 'Country'], name: 'United Kingdom' }),
    ).toEqual({ kind: 'node', id: 'country:uk', labels: ['Actor', 'Country'], name: 'United Kingdom' });
    expect(describeCell({ $relationship: 'a|T|b', type: 'T', source: 'a', target: 'b' }).kind).toBe(
      'relationship',
    );
    const path = describeCell({ $path: { nodes: ['a', 'b'], edges: ['a|T|b'] } });
    expect(path.kind).toBe('path');
    expect(cellTitle(path)).toBe('path of 1 hop: a → b');
  });
  it('keeps lists of graph values as chips and other lists and maps as JSON', () => {
    const list = describeCell([
      { $node: 'a', labels: [], name: null },
      { $node: 'b', labels: [], name: 'B' },
    ]);
    expect(list.kind).toBe('list');
    expect(describeCell([1, 'x'])).toMatchObject({ kind: 'text', text: '[1,"x"]' });
    expect(describeCell({ k: 1 })).toMatchObject({ kind: 'text', text: '{"k":1}' });
    expect(describeCell(null)).toEqual({ kind: 'null' });
  });
  it('truncates long values and keeps the full value', () => {
    const long = 'x'.repeat(MAX_CELL_CHARS + 10);
    const view = describeCell(long);
    expect(view).toMatchObject({ kind: 'text', truncated: true, full: long });
    if (view.kind === 'text') expect(view.text.length).toBe(MAX_CELL_CHARS);
  });
});
