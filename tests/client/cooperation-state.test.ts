// Cooperation view state: entering and leaving are one action each, and the explorer scene is never touched.
import { describe, expect, it } from 'vitest';
import type { CooperationResponse, GraphNode } from '../../contract/index.js';
import { createActions } from '../../client/src/state/actions.js';
import { createCooperationActions } from '../../client/src/state/cooperation-actions.js';
import { cooperationSceneStore } from '../../client/src/state/cooperation-scene.js';
import { createPathActions, highlightedPath, pathFocusOf } from '../../client/src/state/path-actions.js';
import { initialState, type State } from '../../client/src/state/state.js';
import { createStore } from '../../client/src/state/store.js';

const node = (id: string, labels: GraphNode['labels'] = ['Actor', 'Country']): GraphNode => ({
  id,
  name: id,
  labels,
  properties: {},
});
const fr = node('country:fr');
const uk = node('country:uk');
const fcm = node('forum:fcm', ['Forum']);
const response: CooperationResponse = {
  threat: node('threat:terrorism', ['ThreatType']),
  threats: ['threat:terrorism'],
  pairs: [{ a: fr, b: uk, via: [fcm], edges: [] }],
  graph: { nodes: [fr, uk, fcm], edges: [] },
};

function setup(): {
  store: ReturnType<typeof createStore<State>>;
  actions: ReturnType<typeof createActions>;
  coop: ReturnType<typeof createCooperationActions>;
} {
  const store = createStore(initialState());
  const actions = createActions(store);
  return { store, actions, coop: createCooperationActions(store, actions) };
}

describe('cooperation view state', () => {
  it('entering and leaving are one history step each and leave the explorer scene as it was', () => {
    const { store, actions, coop } = setup();
    actions.addGraph({ nodes: [fr, fcm], edges: [] });
    const scene = { nodes: store.get().nodes, edges: store.get().edges };
    const steps = (): number => store.get().history.entries.length;
    const before = steps();
    coop.enterCooperation(response);
    expect(steps()).toBe(before + 1);
    expect(store.get().cooperation?.response).toBe(response);
    expect(store.get().nodes).toBe(scene.nodes);
    coop.leaveCooperation();
    expect(steps()).toBe(before + 2);
    expect(store.get().cooperation).toBeNull();
    expect(store.get().nodes).toBe(scene.nodes);
    expect(store.get().edges).toBe(scene.edges);
    coop.leaveCooperation();
    expect(steps()).toBe(before + 2);
  });

  it('entering is one undo step: undo closes the view, redo opens it again; previewing a path is no step', () => {
    const { store, actions, coop } = setup();
    actions.addGraph({ nodes: [fr, uk], edges: [] });
    const steps = store.get().history.entries.length;
    coop.enterCooperation(response);
    expect(store.get().history.entries.length).toBe(steps + 1);
    expect(store.get().history.entries.at(-1)?.label).toBe('Cooperation on threat:terrorism');
    actions.undo();
    expect(store.get().cooperation).toBeNull();
    actions.redo();
    expect(store.get().cooperation?.response).toBe(response);
    coop.leaveCooperation();
    expect(store.get().history.entries.at(-1)?.label).toBe('Back to explorer');

    actions.showPaths(
      [
        { nodes: [fr, uk], edges: [] },
        { nodes: [fr, uk], edges: [] },
      ],
      { from: { id: fr.id, name: 'France' }, to: { id: uk.id, name: 'UK' } },
    );
    const afterPaths = store.get().history.entries.length;
    const pathActions = createPathActions(store);
    pathActions.previewPath(1);
    pathActions.choosePath(0);
    expect(store.get().history.entries.length).toBe(afterPaths);
  });

  it('the derived scene holds the projection while open, nothing while closed, and keeps its identity between unrelated changes', () => {
    const { store, actions, coop } = setup();
    const scene = cooperationSceneStore(store);
    expect(scene.get().nodes.size).toBe(0);
    coop.enterCooperation(response);
    const open = scene.get();
    expect([...open.nodes.keys()].sort()).toEqual(['country:fr', 'country:uk']);
    expect([...open.edges.keys()]).toEqual(['coop:country:fr~country:uk']);
    actions.setStatus('something unrelated');
    expect(scene.get()).toBe(open);
    actions.select({ kind: 'edge', id: 'coop:country:fr~country:uk' });
    expect(scene.get().selection).toEqual({ kind: 'edge', id: 'coop:country:fr~country:uk' });
    coop.leaveCooperation();
    expect(scene.get().nodes.size).toBe(0);
    expect(store.get().selection).toEqual({ kind: 'none' });
  });

  it('choosing a path highlights only it, previewing overrides the choice until it ends', () => {
    const { store, actions } = setup();
    const paths = [
      {
        nodes: [fr, uk],
        edges: [{ id: 'e1', type: 'COOPERATES_WITH', source: fr.id, target: uk.id, properties: {} }],
      },
      {
        nodes: [fr, fcm, uk],
        edges: [
          { id: 'e2', type: 'PARTICIPATED_IN', source: fr.id, target: fcm.id, properties: {} },
          { id: 'e3', type: 'PARTICIPATED_IN', source: uk.id, target: fcm.id, properties: {} },
        ],
      },
    ];
    actions.showPaths(paths, { from: { id: fr.id, name: 'France' }, to: { id: uk.id, name: 'UK' } });
    const pathActions = createPathActions(store);
    expect([...highlightedPath(store.get())!.edgeIds].sort()).toEqual(['e1', 'e2', 'e3']);
    pathActions.choosePath(1);
    expect([...highlightedPath(store.get())!.edgeIds].sort()).toEqual(['e2', 'e3']);
    pathActions.previewPath(0);
    expect([...highlightedPath(store.get())!.edgeIds]).toEqual(['e1']);
    pathActions.previewPath(null);
    expect(pathFocusOf(store.get()).chosen).toBe(1);
    expect([...highlightedPath(store.get())!.edgeIds].sort()).toEqual(['e2', 'e3']);
  });
});
