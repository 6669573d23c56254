// What a workspace saves of the scene and how it comes back: the one module to extend for new scene state.
//
// Saved now: business-key node ids with positions and `pinned`, the edge ids drawn, what is folded, the layout, the
// camera, the filters, the analytics settings, and the undo history's step labels with its head (labels only: snapshots are not stored,
// so opening a workspace starts a fresh history with one step, "Open workspace …").
//
// Extending (the lead, when merging filters, styles and analytics):
// - capture: add the field in `captureScene` from `state` (e.g. `classes` on each
//   WorkspaceSceneNode, `filters`, `analytics` on the scene). The wire type WorkspaceScene already
//   has a place for each; the server validates shape only.
// - restore: carry it through `sceneToOpen` into SceneToOpen (features/workspaces/state.ts) and set it in the
//   `openScene` transition (features/workspaces/state.ts), so opening stays ONE undoable step.
import type { Graph, WorkspaceOpenResponse, WorkspaceScene, WorkspaceSceneNode } from '../../../../contract';
import type { Actions } from '../../state/actions';
import type { LayoutName, Point, SceneToOpen, State, Viewport } from '../../state/state';
import { NO_FOLD, groupId, topOfGroup, type FoldState } from '../explorer/fold/fold-state';
import { restoreAnalytics, restoreFilters } from './saved-settings';

/** Where things are on the canvas, as the graph view reports it (GraphView.snapshot()). */
export interface CanvasSnapshot {
  positions: ReadonlyMap<string, Point>;
  viewport: Viewport;
}

const LAYOUTS: ReadonlySet<string> = new Set<LayoutName>([
  'fcose',
  'concentric',
  'breadthfirst',
  'grid',
  'circle',
]);
/** The server's limits on saved history labels. */
const MAX_STEPS = 1000;
const MAX_LABEL = 200;

function isLayoutName(value: unknown): value is LayoutName {
  return typeof value === 'string' && LAYOUTS.has(value);
}

/**
 * The scene to save: business-key node ids with their positions (as drawn) and pins, the edge ids
 * drawn, the layout, the camera and the history's labels. Only ids are stored, so the workspace
 * survives a wipe and re-seed.
 */
export function captureScene(state: State, canvas: CanvasSnapshot): WorkspaceScene {
  const nodes: WorkspaceSceneNode[] = [...state.nodes.keys()].map((id) => {
    // What is drawn is what the user sees; the scene's record covers a node not drawn yet.
    const p = canvas.positions.get(id) ?? state.positions.get(id) ?? { x: 0, y: 0 };
    return state.pinned.has(id) ? { id, x: p.x, y: p.y, pinned: true } : { id, x: p.x, y: p.y };
  });
  const entries = state.history.entries.slice(-MAX_STEPS);
  const dropped = state.history.entries.length - entries.length;
  return {
    nodes,
    edges: [...state.edges.keys()],
    layout: state.layout,
    viewport: { zoom: canvas.viewport.zoom, pan: { x: canvas.viewport.pan.x, y: canvas.viewport.pan.y } },
    filters: { ...state.filters },
    analytics: { ...state.analytics },
    history: { steps: entries.map((e) => e.label.slice(0, MAX_LABEL)), head: state.history.head - dropped },
    ...(state.fold === NO_FOLD ? {} : { fold: captureFold(state.fold) }),
  };
}

/** The folds as ids: hubs with their folded leaves, communities by the member they are named after. */
function captureFold(fold: FoldState): NonNullable<WorkspaceScene['fold']> {
  return {
    leaves: [...fold.leaves].map(([hub, nodes]) => ({ hub, nodes: [...nodes] })),
    groups: [...fold.groups].flatMap(([id, nodes]) => {
      const top = topOfGroup(id);
      return top === null ? [] : [{ top, nodes: [...nodes] }];
    }),
  };
}

/** The saved folds as fold state (nodes no longer in the graph are dropped when the scene opens). */
function restoreFold(saved: WorkspaceScene['fold']): FoldState {
  if (!saved || (!saved.leaves.length && !saved.groups.length)) return NO_FOLD;
  return {
    leaves: new Map(saved.leaves.map((l) => [l.hub, new Set(l.nodes)])),
    groups: new Map(saved.groups.map((g) => [groupId(g.top), new Set(g.nodes)])),
  };
}

/** The opened workspace as a scene for the canvas: today's nodes, the saved edges, positions, pins, camera. */
export function sceneToOpen(res: WorkspaceOpenResponse): SceneToOpen {
  const { scene } = res.workspace;
  const drawn = scene.edges ? new Set(scene.edges) : null;
  const graph: Graph = {
    nodes: res.graph.nodes,
    edges: drawn ? res.graph.edges.filter((e) => drawn.has(e.id)) : res.graph.edges,
  };
  const present = new Set(graph.nodes.map((n) => n.id));
  const positions = new Map<string, Point>();
  const pinned = new Set<string>();
  for (const n of scene.nodes) {
    if (!present.has(n.id)) continue;
    positions.set(n.id, { x: n.x, y: n.y });
    if (n.pinned) pinned.add(n.id);
  }
  return {
    graph,
    positions,
    pinned,
    viewport: scene.viewport ? { zoom: scene.viewport.zoom, pan: { ...scene.viewport.pan } } : null,
    layout: isLayoutName(scene.layout) ? scene.layout : null,
    filters: restoreFilters(scene.filters),
    analytics: restoreAnalytics(scene.analytics),
    fold: restoreFold(scene.fold),
  };
}

/** Replaces the canvas with the opened workspace's scene (one `openScene` step); returns the ids no longer in the graph. */
export function applyScene(
  actions: Pick<Actions, 'openScene'>,
  res: WorkspaceOpenResponse,
): { missing: string[] } {
  actions.openScene(sceneToOpen(res), `Open workspace ‘${res.workspace.name}’`);
  return { missing: res.missing };
}
