// Folding as pure data and as transitions: which nodes are leaves, what the canvas draws in their place (badge,
// summary, aggregated edges), Louvain groups, undo of a fold, and the data export still covering folded nodes.
import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../contract/index.js';
import { createActions, type Actions } from '../../client/src/state/actions.js';
import { initialState, type State } from '../../client/src/state/state.js';
import { createStore, type ReadableStore } from '../../client/src/state/store.js';
import { exportNodeIds } from '../../client/src/features/export/export-scope.js';
import { communityGroups } from '../../client/src/features/explorer/fold/communities.js';
import {
  BADGE_OFFSET,
  describeFolds,
  drawnNodeIdsFor,
  foldPositions,
  foldSummary,
  projectFolds,
} from '../../client/src/features/explorer/fold/fold-projection.js';
import { foldedSceneStore } from '../../client/src/features/explorer/fold/fold-scene-store.js';
import { captureScene, sceneToOpen } from '../../client/src/features/workspaces/scene-capture.js';
import { sceneSchema, type WorkspaceOpenResponse } from '../../contract/index.js';
import { foldThreshold } from '../../client/src/features/explorer/fold/fold-settings.js';
import {
  AUTO_FOLD_ABOVE,
  NO_FOLD,
  allLeavesPlan,
  autoFoldPlan,
  badgeId,
  groupId,
  leavesOf,
} from '../../client/src/features/explorer/fold/fold-state.js';

const node = (id: string): GraphNode => ({
  id,
  name: `Name of ${id}`,
  labels: ['Actor', 'Country'],
  properties: {},
});
const edge = (source: string, target: string): GraphEdge => ({
  id: `${source}>${target}`,
  type: 'COOPERATES_WITH',
  source,
  target,
  properties: {},
});

/** A hub `h` with `n` leaves `l0..`, and a triangle h-a-b so h is no leaf of anything. */
function hubGraph(n: number): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const leaves = Array.from({ length: n }, (_, i) => `l${i}`);
  return {
    nodes: ['h', 'a', 'b', ...leaves].map(node),
    edges: [edge('h', 'a'), edge('a', 'b'), edge('b', 'h'), ...leaves.map((l) => edge('h', l))],
  };
}

function setup(): { store: ReadableStore<State>; actions: Actions } {
  const store = createStore(initialState({}, 0));
  let t = 0;
  return { store, actions: createActions(store, () => ++t) };
}

describe('leaves and badges', () => {
  it('finds the neighbours tied to nothing else, and not pinned, expanded or tied twice', () => {
    const { store, actions } = setup();
    const g = hubGraph(6);
    g.edges.push(edge('l5', 'a'));
    actions.addGraph(g);
    actions.setPinned(['l4'], true);
    expect(leavesOf(store.get(), 'h')).toEqual(['l0', 'l1', 'l2', 'l3']);
    // a and b have more than one tie: neither is a leaf of anything.
    expect(leavesOf(store.get(), 'a')).toEqual([]);
  });

  it('draws a badge counting exactly the hidden leaves, one aggregated edge to it, and keeps the real graph', () => {
    const { store, actions } = setup();
    actions.addGraph(hubGraph(25));
    const leaves = leavesOf(store.get(), 'h');
    actions.foldLeaves(new Map([['h', leaves]]));
    const s = store.get();
    expect(s.nodes.size).toBe(28);
    const p = projectFolds(s);
    const badge = p.nodes.get(badgeId('h'));
    expect(badge?.name).toBe('+25');
    expect(badge?.properties['count']).toBe(25);
    expect([...p.nodes.keys()].filter((id) => id.startsWith('l'))).toEqual([]);
    expect(p.nodes.size).toBe(3 + 1);
    const toBadge = [...p.edges.values()].filter(
      (e) => e.source === badgeId('h') || e.target === badgeId('h'),
    );
    expect(toBadge).toHaveLength(1);
    expect(toBadge[0]?.properties['count']).toBe(25);
    expect(describeFolds(foldSummary(p))).toBe('25 leaves folded into 1 badge');
  });

  it('puts the badge beside its hub, and a dragged hub takes its folded leaves along', () => {
    const { store, actions } = setup();
    actions.addGraph(hubGraph(3));
    actions.recordPositions(
      new Map([
        ['h', { x: 0, y: 0 }],
        ['l0', { x: 50, y: 0 }],
        ['a', { x: -50, y: 0 }],
      ]),
      'Layout',
    );
    actions.foldLeaves(new Map([['h', ['l0', 'l1', 'l2']]]));
    const at = foldPositions(projectFolds(store.get()), store.get().positions).get(badgeId('h'));
    expect(at).toEqual(BADGE_OFFSET);
    actions.recordPositions(new Map([['h', { x: 100, y: 10 }]]), 'Move h');
    expect(store.get().positions.get('l0')).toEqual({ x: 150, y: 10 });
    actions.unfoldLeaves('h');
    expect(projectFolds(store.get()).nodes.has('l0')).toBe(true);
  });

  it("auto-folds past the threshold only, keeping the first leaves in the server's order drawn", () => {
    const { store, actions } = setup();
    actions.addGraph(hubGraph(AUTO_FOLD_ABOVE));
    expect(autoFoldPlan(store.get(), ['h'], AUTO_FOLD_ABOVE).size).toBe(0);
    actions.addGraph({ nodes: [node('extra'), node('zz')], edges: [edge('h', 'extra'), edge('h', 'zz')] });
    // Order: the server's (best connected first). The two ranked last fold; l0 ranked last of all folds too.
    const order = [
      'zz',
      'extra',
      ...Array.from({ length: AUTO_FOLD_ABOVE - 1 }, (_, i) => `l${i + 1}`),
      'l0',
    ];
    const plan = autoFoldPlan(store.get(), ['h'], AUTO_FOLD_ABOVE, order);
    expect(plan.get('h')).toEqual([`l${AUTO_FOLD_ABOVE - 1}`, 'l0']);
    expect(foldThreshold('?fold=3')).toBe(3);
    expect(foldThreshold('?fold=zero')).toBe(AUTO_FOLD_ABOVE);
    expect(foldThreshold('')).toBe(AUTO_FOLD_ABOVE);
  });

  it('an expansion past the threshold folds in the same change: the canvas never sees the folded leaves drawn', () => {
    const { store, actions } = setup();
    actions.addGraph({
      nodes: [node('h'), node('a'), node('b')],
      edges: [edge('h', 'a'), edge('a', 'b'), edge('b', 'h')],
    });
    const g = hubGraph(AUTO_FOLD_ABOVE + 5);
    const last = `l${AUTO_FOLD_ABOVE + 4}`;
    const seen: boolean[] = [];
    store.subscribe((s) => seen.push(s.nodes.has(last) && s.fold === NO_FOLD));
    actions.step('Expand h', () =>
      actions.addExpansion('h', g, { filter: {}, skip: 0, total: g.nodes.length - 1 }, AUTO_FOLD_ABOVE),
    );
    const folded = store.get().fold.leaves.get('h');
    expect(folded?.size).toBe(5);
    expect(folded?.has(last)).toBe(true);
    expect(folded?.has('l0')).toBe(false);
    expect(projectFolds(store.get()).nodes.get(badgeId('h'))?.name).toBe('+5');
    expect(seen).not.toContain(true);
    // At the threshold itself nothing folds.
    const other = setup();
    const small = hubGraph(AUTO_FOLD_ABOVE);
    other.actions.addExpansion(
      'h',
      small,
      { filter: {}, skip: 0, total: small.nodes.length - 1 },
      AUTO_FOLD_ABOVE,
    );
    expect(other.store.get().fold).toBe(NO_FOLD);
  });

  it('fold all leaves gives a badge to every hub with two or more leaves, in one step', () => {
    const { store, actions } = setup();
    actions.addGraph(hubGraph(4));
    // A second hub `a` with two leaves, and `b` with one (no "+1" badge).
    actions.addGraph({
      nodes: [node('m0'), node('m1'), node('n0')],
      edges: [edge('a', 'm0'), edge('a', 'm1'), edge('b', 'n0')],
    });
    const plan = allLeavesPlan(store.get());
    expect([...plan.keys()].sort()).toEqual(['a', 'h']);
    actions.step('Fold all', () => actions.foldLeaves(plan));
    const p = projectFolds(store.get());
    expect(describeFolds(foldSummary(p))).toBe('6 leaves folded into 2 badges');
    expect(p.nodes.has('n0')).toBe(true);
  });

  it('one undo takes a fold back, one redo folds again; a selected leaf is deselected when it folds', () => {
    const { store, actions } = setup();
    actions.addGraph(hubGraph(4));
    actions.select({ kind: 'node', id: 'l1' });
    actions.step('Fold', () => actions.foldLeaves(new Map([['h', ['l0', 'l1', 'l2', 'l3']]])));
    expect(store.get().selection).toEqual({ kind: 'none' });
    expect(store.get().fold.leaves.get('h')?.size).toBe(4);
    actions.undo();
    expect(store.get().fold).toBe(NO_FOLD);
    actions.redo();
    expect(store.get().fold.leaves.get('h')?.size).toBe(4);
  });

  it('the data export still covers folded nodes (they are folded out of sight, not out of the scene)', () => {
    const { store, actions } = setup();
    actions.addGraph(hubGraph(5));
    actions.foldLeaves(new Map([['h', leavesOf(store.get(), 'h')]]));
    expect(projectFolds(store.get()).nodes.has('l0')).toBe(false);
    expect(exportNodeIds(store.get(), false).sort()).toEqual(['a', 'b', 'h', 'l0', 'l1', 'l2', 'l3', 'l4']);
  });

  it('an image of the whole scene draws the badge in place of the folded leaves; an image of part of it draws no badge', () => {
    const { store, actions } = setup();
    actions.addGraph(hubGraph(5));
    actions.foldLeaves(new Map([['h', leavesOf(store.get(), 'h')]]));
    const p = projectFolds(store.get());
    const all = exportNodeIds(store.get(), false);
    expect(drawnNodeIdsFor(p, all).sort()).toEqual(['a', 'b', badgeId('h'), 'h']);
    // Four of the five leaves: a "+5" would count a node the image leaves out.
    expect(drawnNodeIdsFor(p, ['h', 'l0', 'l1', 'l2', 'l3']).sort()).toEqual(['h']);
    expect(drawnNodeIdsFor(p, ['h', 'a'])).toEqual(['h', 'a']);
    expect(drawnNodeIdsFor(null, ['h', 'l0'])).toEqual(['h', 'l0']);
  });

  it('hiding a hub drops its badge, and a leaf that comes back later is drawn', () => {
    const { store, actions } = setup();
    actions.addGraph(hubGraph(3));
    actions.foldLeaves(new Map([['h', ['l0', 'l1', 'l2']]]));
    actions.hide(['l0']);
    expect(store.get().fold.leaves.get('h')?.has('l0')).toBe(false);
    actions.addGraph({ nodes: [node('l0')], edges: [edge('h', 'l0')] });
    expect(projectFolds(store.get()).nodes.has('l0')).toBe(true);
    expect(projectFolds(store.get()).nodes.get(badgeId('h'))?.name).toBe('+2');
  });
});

describe('community groups', () => {
  /** Two dense clusters of six joined by one bridge. */
  function twoClusters(): { nodes: GraphNode[]; edges: GraphEdge[] } {
    const a = Array.from({ length: 6 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 6 }, (_, i) => `b${i}`);
    const edges: GraphEdge[] = [];
    for (const c of [a, b])
      for (let i = 0; i < c.length; i++)
        for (let j = i + 1; j < c.length; j++) edges.push(edge(c[i]!, c[j]!));
    edges.push(edge('a0', 'b0'));
    return { nodes: [...a, ...b].map(node), edges };
  }

  it('finds both clusters, named by their most connected member, and draws one summary each with one aggregated edge', () => {
    const { store, actions } = setup();
    actions.addGraph(twoClusters());
    const groups = communityGroups(store.get(), 5);
    expect(groups.map((g) => [g.top, g.members.length])).toEqual([
      ['a0', 6],
      ['b0', 6],
    ]);
    actions.groupCommunities(groups);
    const p = projectFolds(store.get());
    expect([...p.nodes.keys()].sort()).toEqual([groupId('a0'), groupId('b0')]);
    expect(p.nodes.get(groupId('a0'))?.name).toBe('Name of a0 + 5');
    expect([...p.edges.values()].map((e) => e.properties['count'])).toEqual([1]);
    expect(describeFolds(foldSummary(p))).toBe('2 communities grouped (12 nodes)');
    expect(communityGroups(store.get(), 7)).toEqual([]);
  });

  it('an image of the whole scene draws each summary in place of its members, and none for a group it cuts', () => {
    const { store, actions } = setup();
    actions.addGraph(twoClusters());
    actions.groupCommunities(communityGroups(store.get(), 5));
    const p = projectFolds(store.get());
    expect(drawnNodeIdsFor(p, exportNodeIds(store.get(), false)).sort()).toEqual([
      groupId('a0'),
      groupId('b0'),
    ]);
    expect(drawnNodeIdsFor(p, ['a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'b0'])).toEqual([groupId('a0')]);
  });

  it('opening one group draws its members again; unfold all restores the scene as drawn before', () => {
    const { store, actions } = setup();
    actions.addGraph(twoClusters());
    const before = store.get();
    actions.groupCommunities(communityGroups(store.get(), 5));
    actions.openGroup(groupId('a0'));
    const p = projectFolds(store.get());
    expect(p.nodes.has('a3')).toBe(true);
    expect(p.nodes.has('b3')).toBe(false);
    actions.unfoldAll();
    expect(store.get().fold).toBe(NO_FOLD);
    // With nothing folded, the canvas store hands on the app's own State: folding off costs nothing.
    const drawn = foldedSceneStore(store);
    expect(drawn.get()).toBe(store.get());
    expect(store.get().nodes).toBe(before.nodes);
  });
});

describe('folds in a saved workspace', () => {
  /** Saves the scene of `store` as the server would keep it, and opens it again in a fresh page's store. */
  function saveAndOpen(store: ReadableStore<State>, graphNow: { nodes: GraphNode[]; edges: GraphEdge[] }) {
    const s = store.get();
    const scene = sceneSchema.parse(
      JSON.parse(
        JSON.stringify(
          captureScene(s, { positions: s.positions, viewport: { zoom: 1, pan: { x: 0, y: 0 } } }),
        ),
      ),
    );
    const res = {
      workspace: { id: 'w', name: 'Folded', version: 1, scene },
      graph: graphNow,
      missing: [],
    } as unknown as WorkspaceOpenResponse;
    const fresh = setup();
    fresh.actions.openScene(sceneToOpen(res), 'Open workspace');
    return fresh.store;
  }

  it('opens with the badges and community summaries it was saved with, as one step', () => {
    const { store, actions } = setup();
    const g = hubGraph(6);
    actions.addGraph(g);
    actions.foldLeaves(new Map([['h', leavesOf(store.get(), 'h')]]));
    const opened = saveAndOpen(store, g);
    expect([...(opened.get().fold.leaves.get('h') ?? [])].sort()).toEqual([
      'l0',
      'l1',
      'l2',
      'l3',
      'l4',
      'l5',
    ]);
    expect(projectFolds(opened.get()).nodes.get(badgeId('h'))?.name).toBe('+6');
    // One step on a fresh page's first: the folds came with the scene, not after it.
    expect(opened.get().history.entries.map((e) => e.label)).toEqual(['Empty canvas', 'Open workspace']);

    const two = setup();
    const clusters = {
      nodes: ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'].map(node),
      edges: ['a1', 'a2', 'a3', 'a4', 'a5'].map((x) => edge('a0', x)),
    };
    two.actions.addGraph(clusters);
    two.actions.groupCommunities([{ top: 'a0', members: ['a0', 'a1', 'a2', 'a3', 'a4', 'a5'] }]);
    const grouped = saveAndOpen(two.store, clusters);
    expect(projectFolds(grouped.get()).nodes.get(groupId('a0'))?.name).toBe('Name of a0 + 5');
  });

  it('drops the folded nodes that left the graph since the save, and saves nothing of folds when none', () => {
    const { store, actions } = setup();
    const g = hubGraph(3);
    actions.addGraph(g);
    expect(
      captureScene(store.get(), { positions: new Map(), viewport: { zoom: 1, pan: { x: 0, y: 0 } } }).fold,
    ).toBe(undefined);
    actions.foldLeaves(new Map([['h', leavesOf(store.get(), 'h')]]));
    const now = {
      nodes: g.nodes.filter((n) => n.id !== 'l0'),
      edges: g.edges.filter((e) => e.target !== 'l0'),
    };
    const opened = saveAndOpen(store, now);
    expect([...(opened.get().fold.leaves.get('h') ?? [])].sort()).toEqual(['l1', 'l2']);
    expect(projectFolds(opened.get()).nodes.get(badgeId('h'))?.name).toBe('+2');
  });
});
