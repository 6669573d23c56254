// The core state transitions without a browser: expanding, collapsing, recording positions, and the
// invariants the one update function keeps (the current undo step is the scene; the selection names what is drawn).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Evidence, GraphEdge, GraphNode } from '../../contract/index.js';
import { createActions, type Actions } from '../../client/src/state/actions.js';
import { currentEntry } from '../../client/src/state/history.js';
import { SCENE_FIELDS, type Scene } from '../../client/src/state/scene.js';
import { initialState, type State } from '../../client/src/state/state.js';
import { createStore, type ReadableStore } from '../../client/src/state/store.js';

const node = (id: string, labels: GraphNode['labels'] = ['Actor', 'Country']): GraphNode => ({
  id,
  name: `Name of ${id}`,
  labels,
  properties: {},
});
const edge = (source: string, target: string, type = 'PARTICIPATED_IN'): GraphEdge => ({
  id: `${source}>${target}`,
  type,
  source,
  target,
  properties: {},
});
/** A node and its neighbours, each joined to it, as /api/nodes/:id/neighbours answers. */
const star = (centre: string, neighbours: string[]): { nodes: GraphNode[]; edges: GraphEdge[] } => ({
  nodes: [node(centre), ...neighbours.map((n) => node(n))],
  edges: neighbours.map((n) => edge(centre, n)),
});

/** A fresh store and its actions, with a clock that ticks once per step so labels and times are stable. */
function setup(): { store: ReadableStore<State>; actions: Actions } {
  const store = createStore(initialState({}, 0));
  let t = 0;
  return { store, actions: createActions(store, () => ++t) };
}

const labels = (s: State): string[] => s.history.entries.map((e) => e.label);
const ids = (m: ReadonlyMap<string, unknown> | ReadonlySet<string>): string[] => [...m.keys()].sort();
const FIELDS = Object.keys(SCENE_FIELDS) as (keyof Scene)[];

/** The update function's invariants; every test checks them after its transitions. */
function expectInvariants(s: State): void {
  const head = currentEntry(s.history).snapshot;
  // The current undo step is the scene as it is: the same objects, field by field.
  for (const f of FIELDS) expect(head[f], `head.${f}`).toBe(s[f]);
  const sel = s.selection;
  const drawn = (id: string): boolean =>
    s.nodes.has(id) ||
    s.edges.has(id) ||
    (s.cooperation?.response.graph.nodes.some((n) => n.id === id) ?? false);
  if (sel.kind === 'node' || sel.kind === 'edge')
    expect(drawn(sel.id), `selected ${sel.id} is drawn`).toBe(true);
  if (sel.kind === 'nodes')
    for (const id of sel.ids) expect(s.nodes.has(id), `selected ${id} is drawn`).toBe(true);
  // Details belong to the selected node, or there are none.
  if (s.details.status !== 'idle') expect(sel).toEqual({ kind: 'node', id: s.details.id });
  // Every edge on the canvas has both ends there; per-node records name only nodes there.
  for (const e of s.edges.values()) expect(s.nodes.has(e.source) && s.nodes.has(e.target)).toBe(true);
  for (const id of [...s.expansions.keys(), ...s.positions.keys(), ...s.pinned])
    expect(s.nodes.has(id)).toBe(true);
}

describe('addExpansion', () => {
  it('adds the neighbours as one named step and records what the expansion added and reached', () => {
    const { store, actions } = setup();
    actions.addGraph({ nodes: [node('a'), node('old')], edges: [] });
    actions.addExpansion('a', star('a', ['x', 'y', 'old']), { filter: {}, skip: 0, total: 5 });
    const s = store.get();
    expect(ids(s.nodes)).toEqual(['a', 'old', 'x', 'y']);
    expect(ids(s.edges)).toEqual(['a>old', 'a>x', 'a>y']);
    const exp = s.expansions.get('a')!;
    expect({ shown: exp.shown, total: exp.total }).toEqual({ shown: 3, total: 5 });
    expect([...exp.addedNodes].sort()).toEqual(['x', 'y']);
    expect([...exp.addedEdges].sort()).toEqual(['a>old', 'a>x', 'a>y']);
    expect([...exp.reached].sort()).toEqual(['old', 'x', 'y']);
    expect(labels(s)).toEqual(['Empty canvas', 'Add 2 nodes', 'Expand Name of a']);
    expectInvariants(s);
  });

  it('counts the next page of the same filter on top of the first, and a new filter from zero', () => {
    const { store, actions } = setup();
    actions.addExpansion('a', star('a', ['x', 'y']), { filter: {}, skip: 0, total: 4 });
    actions.addExpansion('a', star('a', ['z', 'w']), { filter: {}, skip: 2, total: 4 });
    expect(store.get().expansions.get('a')?.shown).toBe(4);
    const byType = { relTypes: ['ADDRESSES'] };
    actions.addExpansion('a', star('a', ['t']), { filter: byType, skip: 0, total: 1 });
    const exp = store.get().expansions.get('a')!;
    expect({ shown: exp.shown, filter: exp.filter }).toEqual({ shown: 1, filter: byType });
    // What every page added stays recorded, so collapse removes all of it.
    expect([...exp.addedNodes].sort()).toEqual(['t', 'w', 'x', 'y', 'z']);
    expectInvariants(store.get());
  });

  it('inside a step joins that step, and draws no edge whose other end is missing', () => {
    const { store, actions } = setup();
    actions.step('Open the start view', () =>
      actions.addExpansion(
        'a',
        { nodes: [node('a'), node('x')], edges: [edge('a', 'x'), edge('x', 'nowhere')] },
        { filter: {}, skip: 0, total: 1 },
      ),
    );
    expect(labels(store.get())).toEqual(['Empty canvas', 'Open the start view']);
    expect(ids(store.get().edges)).toEqual(['a>x']);
    expectInvariants(store.get());
  });
});

describe('collapse', () => {
  it('removes what the expansion added, keeping pinned nodes, path nodes and what another expansion reached', () => {
    const { store, actions } = setup();
    actions.addGraph({ nodes: [node('a')], edges: [] });
    actions.addExpansion('a', star('a', ['x', 'y', 'z', 'p', 'b']), { filter: {}, skip: 0, total: 5 });
    actions.addExpansion('b', star('b', ['y']), { filter: {}, skip: 0, total: 1 });
    actions.setPinned(['z'], true);
    actions.showPaths([{ nodes: [node('a'), node('p')], edges: [edge('a', 'p')] }], {
      from: { id: 'a', name: 'A' },
      to: { id: 'p', name: 'P' },
    });
    const before = store.get().history.entries.length;
    actions.collapse('a');
    const s = store.get();
    // x goes; y (b's neighbour), z (pinned), p (on the path) and b (expanded itself) stay.
    expect(ids(s.nodes)).toEqual(['a', 'b', 'p', 'y', 'z']);
    expect(s.expansions.has('a')).toBe(false);
    expect(s.expansions.has('b')).toBe(true);
    expect(s.history.entries.length).toBe(before + 1);
    expect(s.history.entries.at(-1)?.label).toBe('Collapse Name of a');
    expectInvariants(s);
  });

  it('undo brings back exactly what the collapse removed, and redo removes it again', () => {
    const { store, actions } = setup();
    actions.addExpansion('a', star('a', ['x', 'y']), { filter: {}, skip: 0, total: 2 });
    const expanded = store.get();
    actions.collapse('a');
    expect(ids(store.get().nodes)).toEqual(['a']);
    actions.undo();
    for (const f of FIELDS) expect(store.get()[f]).toBe(expanded[f]);
    actions.redo();
    expect(ids(store.get().nodes)).toEqual(['a']);
    expectInvariants(store.get());
  });

  it('a selected node that the collapse removes is no longer selected, and its details go', () => {
    const { store, actions } = setup();
    actions.addExpansion('a', star('a', ['x']), { filter: {}, skip: 0, total: 1 });
    actions.select({ kind: 'node', id: 'x' });
    expect(store.get().details).toEqual({ status: 'loading', id: 'x' });
    actions.collapse('a');
    expect(store.get().selection).toEqual({ kind: 'none' });
    expect(store.get().details).toEqual({ status: 'idle' });
    expectInvariants(store.get());
  });
});

describe('recordPositions', () => {
  const at = (entries: [string, number, number][]) => new Map(entries.map(([id, x, y]) => [id, { x, y }]));

  it('without a label settles the current step: no new step, and undo keeps where the nodes landed', () => {
    const { store, actions } = setup();
    actions.addExpansion('a', star('a', ['x']), { filter: {}, skip: 0, total: 1 });
    const steps = store.get().history.entries.length;
    actions.recordPositions(
      at([
        ['a', 0, 0],
        ['x', 100, 0],
      ]),
      null,
    );
    const s = store.get();
    expect(s.history.entries.length).toBe(steps);
    expect(currentEntry(s.history).snapshot.positions.get('x')).toEqual({ x: 100, y: 0 });
    actions.addGraph({ nodes: [node('n')], edges: [] });
    actions.undo();
    expect(store.get().positions.get('x')).toEqual({ x: 100, y: 0 });
    expectInvariants(store.get());
  });

  it('with a label (a drag, a layout) is a step of its own that undo reverts', () => {
    const { store, actions } = setup();
    actions.addGraph({ nodes: [node('a')], edges: [] });
    actions.recordPositions(at([['a', 0, 0]]), null);
    actions.recordPositions(at([['a', 50, 20]]), 'Move Name of a');
    expect(labels(store.get()).at(-1)).toBe('Move Name of a');
    actions.undo();
    expect(store.get().positions.get('a')).toEqual({ x: 0, y: 0 });
    expectInvariants(store.get());
  });

  it('ignores moves under half a pixel and nodes not on the canvas: nothing changes, nothing is recorded', () => {
    const { store, actions } = setup();
    actions.addGraph({ nodes: [node('a')], edges: [] });
    actions.recordPositions(at([['a', 10, 10]]), 'Layout');
    const before = store.get();
    actions.recordPositions(
      at([
        ['a', 10.3, 9.8],
        ['ghost', 1, 1],
      ]),
      'Layout',
    );
    expect(store.get()).toBe(before);
    expect(store.get().positions.has('ghost')).toBe(false);
  });

  it('inside a step (opening a workspace) is part of that step', () => {
    const { store, actions } = setup();
    actions.step('Open workspace', () => {
      actions.addGraph({ nodes: [node('a'), node('b')], edges: [] });
      actions.recordPositions(
        at([
          ['a', 1, 2],
          ['b', 3, 4],
        ]),
        null,
      );
    });
    expect(labels(store.get())).toEqual(['Empty canvas', 'Open workspace']);
    expect(currentEntry(store.get().history).snapshot.positions.get('b')).toEqual({ x: 3, y: 4 });
    expectInvariants(store.get());
  });
});

describe('the update function: selection', () => {
  it('narrows a multi-selection to what is still drawn, and an edge selection goes with its end', () => {
    const { store, actions } = setup();
    actions.addExpansion('a', star('a', ['x', 'y', 'z']), { filter: {}, skip: 0, total: 3 });
    actions.select({ kind: 'nodes', ids: ['x', 'y', 'z'] });
    actions.hide(['y']);
    expect(store.get().selection).toEqual({ kind: 'nodes', ids: ['x', 'z'] });
    actions.hide(['x', 'z']);
    expect(store.get().selection).toEqual({ kind: 'none' });
    actions.select({ kind: 'edge', id: 'a>x' });
    expect(store.get().selection).toEqual({ kind: 'none' });
    actions.undo();
    actions.select({ kind: 'edge', id: 'a>x' });
    actions.hide(['x']);
    expect(store.get().selection).toEqual({ kind: 'none' });
    expectInvariants(store.get());
  });

  it('undo to a scene without the selected node drops the selection', () => {
    const { store, actions } = setup();
    actions.addGraph({ nodes: [node('a')], edges: [] });
    actions.addGraph({ nodes: [node('b')], edges: [] });
    actions.select({ kind: 'node', id: 'b' });
    actions.undo();
    expect(store.get().selection).toEqual({ kind: 'none' });
    expect(store.get().details).toEqual({ status: 'idle' });
    expectInvariants(store.get());
  });

  it('details arrive only for the node still selected, and their evidence is kept through undo and redo', () => {
    const { store, actions } = setup();
    actions.addGraph({ nodes: [node('a'), node('b')], edges: [] });
    actions.select({ kind: 'node', id: 'a' });
    actions.select({ kind: 'node', id: 'b' });
    const quote: Evidence = { sourceId: 's', sourceTitle: 'S', quote: 'b said so', start: 0, end: 9 };
    actions.detailsLoaded('a', { node: node('a'), evidence: [quote] });
    expect(store.get().details).toEqual({ status: 'loading', id: 'b' });
    const steps = store.get().history.entries.length;
    actions.detailsLoaded('b', { node: node('b'), evidence: [quote] });
    expect(store.get().details.status).toBe('loaded');
    expect(store.get().history.entries.length).toBe(steps);
    actions.addGraph({ nodes: [node('c')], edges: [] });
    actions.undo();
    expect(store.get().nodes.get('b')?.evidence).toEqual([quote]);
    expectInvariants(store.get());
  });
});

describe('the update function: history', () => {
  it('a step of several transitions is one undo step; a step that changes nothing records nothing', () => {
    const { store, actions } = setup();
    actions.step('Two things', () => {
      actions.addGraph({ nodes: [node('a')], edges: [] });
      actions.step('Nested', () => actions.addGraph({ nodes: [node('b')], edges: [] }));
      actions.setPinned(['a'], true);
    });
    actions.step('Nothing', () => actions.setPinned(['a'], true));
    actions.step('Only a preference', () => actions.setLayout('grid'));
    expect(labels(store.get())).toEqual(['Empty canvas', 'Two things']);
    actions.undo();
    expect(store.get().nodes.size).toBe(0);
    expect(store.get().layout).toBe('grid');
    expectInvariants(store.get());
  });

  it('a new step after undo drops the redo branch; jumpTo restores any step', () => {
    const { store, actions } = setup();
    for (const id of ['a', 'b', 'c']) actions.addGraph({ nodes: [node(id)], edges: [] });
    actions.jumpTo(1);
    expect(ids(store.get().nodes)).toEqual(['a']);
    actions.addGraph({ nodes: [node('d')], edges: [] });
    expect(labels(store.get())).toEqual(['Empty canvas', 'Add 1 node', 'Add 1 node']);
    actions.redo();
    expect(ids(store.get().nodes)).toEqual(['a', 'd']);
    expectInvariants(store.get());
  });

  it('a curation write patches every step, and the current one is the patched scene itself', () => {
    const { store, actions } = setup();
    actions.addExpansion('a', star('a', ['x', 'y']), { filter: {}, skip: 0, total: 2 });
    actions.addGraph({ nodes: [node('z')], edges: [] });
    actions.select({ kind: 'nodes', ids: ['x', 'y'] });
    actions.applyPatch({ nodes: [{ ...node('a'), name: 'Renamed' }], removedNodes: ['y'] });
    const s = store.get();
    expect(s.nodes.get('a')?.name).toBe('Renamed');
    expect(s.selection).toEqual({ kind: 'nodes', ids: ['x'] });
    for (const e of s.history.entries) {
      expect(e.snapshot.nodes.has('y')).toBe(false);
      if (e.snapshot.nodes.has('a')) expect(e.snapshot.nodes.get('a')?.name).toBe('Renamed');
    }
    expectInvariants(s);
  });

  it('keeps both invariants through any sequence of transitions', () => {
    const pool = ['a', 'b', 'c', 'd', 'e'];
    const id = fc.constantFrom(...pool);
    const some = fc.uniqueArray(id, { minLength: 1, maxLength: 3 });
    const move = fc.oneof(
      fc.record({ t: fc.constant('expand' as const), id, to: some, skip: fc.nat(3) }),
      fc.record({ t: fc.constant('collapse' as const), id }),
      fc.record({ t: fc.constant('hide' as const), ids: some }),
      fc.record({ t: fc.constant('pin' as const), ids: some, on: fc.boolean() }),
      fc.record({
        t: fc.constant('move' as const),
        id,
        x: fc.integer({ min: -50, max: 50 }),
        named: fc.boolean(),
      }),
      fc.record({ t: fc.constant('select' as const), ids: fc.uniqueArray(id, { maxLength: 3 }) }),
      fc.record({ t: fc.constant('selectEdge' as const), id, to: id }),
      fc.record({ t: fc.constant('details' as const), id }),
      fc.record({ t: fc.constant('undo' as const) }),
      fc.record({ t: fc.constant('redo' as const) }),
      fc.record({ t: fc.constant('jump' as const), to: fc.nat(20) }),
      fc.record({ t: fc.constant('paths' as const), id, to: id }),
      fc.record({ t: fc.constant('clearPaths' as const) }),
      fc.record({ t: fc.constant('clear' as const) }),
      fc.record({ t: fc.constant('patch' as const), gone: fc.uniqueArray(id, { maxLength: 2 }) }),
      fc.record({ t: fc.constant('step' as const), ids: some }),
    );
    fc.assert(
      fc.property(fc.array(move, { maxLength: 40 }), (moves) => {
        const { store, actions: a } = setup();
        for (const m of moves) {
          switch (m.t) {
            case 'expand':
              a.addExpansion(
                m.id,
                star(
                  m.id,
                  m.to.filter((n) => n !== m.id),
                ),
                { filter: {}, skip: m.skip, total: 9 },
              );
              break;
            case 'collapse':
              a.collapse(m.id);
              break;
            case 'hide':
              a.hide(m.ids);
              break;
            case 'pin':
              a.setPinned(m.ids, m.on);
              break;
            case 'move':
              a.recordPositions(new Map([[m.id, { x: m.x, y: -m.x }]]), m.named ? 'Drag' : null);
              break;
            case 'select':
              a.select(
                m.ids.length === 0
                  ? { kind: 'none' }
                  : m.ids.length === 1
                    ? { kind: 'node', id: m.ids[0]! }
                    : { kind: 'nodes', ids: m.ids },
              );
              break;
            case 'selectEdge':
              a.select({ kind: 'edge', id: `${m.id}>${m.to}` });
              break;
            case 'details':
              a.detailsLoaded(m.id, { node: node(m.id), evidence: [] });
              break;
            case 'undo':
              a.undo();
              break;
            case 'redo':
              a.redo();
              break;
            case 'jump':
              a.jumpTo(m.to);
              break;
            case 'paths':
              a.showPaths(
                [{ nodes: [node(m.id), node(m.to)], edges: m.id === m.to ? [] : [edge(m.id, m.to)] }],
                {
                  from: { id: m.id, name: m.id },
                  to: { id: m.to, name: m.to },
                },
              );
              break;
            case 'clearPaths':
              a.clearPaths();
              break;
            case 'clear':
              a.clearCanvas();
              break;
            case 'patch':
              a.applyPatch({ removedNodes: m.gone });
              break;
            case 'step':
              a.step('Several', () => {
                a.addGraph({ nodes: m.ids.map((n) => node(n)), edges: [] });
                a.setPinned(m.ids, true);
              });
              break;
          }
          expectInvariants(store.get());
        }
      }),
      { numRuns: 300 },
    );
  });
});
