// What a workspace saves of the scene and how it comes back: the one module to extend for new scene state.
//
// Extending (the lead, when merging pinning, filters, styles and history):
// - capture: add the field to `captureScene` from `state` (e.g. `pinned: true` and `classes` on each
//   WorkspaceSceneNode, `filters`, `analytics`, `history: {steps, head}` on the scene). The wire type
//   WorkspaceScene already has a place for each; the server validates shape only.
// - restore: carry it through `sceneToOpen` into SceneToOpen (state/state.ts) and set it in the
//   `openScene` action (state/actions.ts), so opening stays ONE scene step for the history.
import type { Graph, WorkspaceOpenResponse, WorkspaceScene, WorkspaceSceneNode } from '../../../server/src/api-types';
import type { Actions } from '../state/actions';
import type { LayoutName, Position, SceneToOpen, State, Viewport } from '../state/state';

/** Where things are on the canvas, as the graph view reports it (GraphView.snapshot()). */
export interface CanvasSnapshot {
  positions: ReadonlyMap<string, Position>;
  viewport: Viewport;
}

const LAYOUTS: ReadonlySet<string> = new Set<LayoutName>(['fcose', 'concentric', 'breadthfirst', 'grid', 'circle']);

function isLayoutName(value: unknown): value is LayoutName {
  return typeof value === 'string' && LAYOUTS.has(value);
}

/**
 * The scene to save: business-key node ids with their positions, the edge ids drawn, the layout
 * and the camera. Only ids are stored, so the workspace survives a wipe and re-seed.
 */
export function captureScene(state: State, canvas: CanvasSnapshot): WorkspaceScene {
  const nodes: WorkspaceSceneNode[] = [...state.nodes.keys()].map((id) => {
    // A node always has a position once drawn; the origin only covers a render still pending.
    const p = canvas.positions.get(id) ?? { x: 0, y: 0 };
    return { id, x: p.x, y: p.y };
  });
  return {
    nodes,
    edges: [...state.edges.keys()],
    layout: state.layout,
    viewport: { zoom: canvas.viewport.zoom, pan: { x: canvas.viewport.pan.x, y: canvas.viewport.pan.y } },
  };
}

/** The opened workspace as a scene for the canvas: today's nodes, the saved edges, positions, camera. */
export function sceneToOpen(res: WorkspaceOpenResponse): SceneToOpen {
  const { scene } = res.workspace;
  const drawn = scene.edges ? new Set(scene.edges) : null;
  const graph: Graph = {
    nodes: res.graph.nodes,
    edges: drawn ? res.graph.edges.filter((e) => drawn.has(e.id)) : res.graph.edges,
  };
  const present = new Set(graph.nodes.map((n) => n.id));
  const positions = new Map<string, Position>();
  for (const n of scene.nodes) if (present.has(n.id)) positions.set(n.id, { x: n.x, y: n.y });
  return {
    graph,
    positions,
    viewport: scene.viewport ? { zoom: scene.viewport.zoom, pan: { ...scene.viewport.pan } } : null,
    layout: isLayoutName(scene.layout) ? scene.layout : null,
  };
}

/** Replaces the canvas with the opened workspace's scene (one `openScene` action); returns the ids no longer in the graph. */
export function applyScene(actions: Pick<Actions, 'openScene'>, res: WorkspaceOpenResponse): { missing: string[] } {
  actions.openScene(sceneToOpen(res));
  return { missing: res.missing };
}
