// The workspaces' slice of State and its transitions: which saved workspace the page shows, and opening one.
import type { Graph, WorkspaceAccess } from '../../../../contract';
import { emptyScene, withGraph, type Point } from '../../state/scene';
import type { Updater } from '../../state/update';
import type { AnalyticsSettings } from '../analytics/analytics-settings';
import type { LayoutName, ViewRequest, Viewport } from '../explorer/state';
import type { Filters } from '../filters/filters';
import { pruneFold, type FoldState } from '../explorer/fold/fold-state';

/** A saved scene ready to replace the canvas (built by scene-capture.ts). */
export interface SceneToOpen {
  graph: Graph;
  positions: ReadonlyMap<string, Point>;
  pinned: ReadonlySet<string>;
  /** null: fit the graph instead. */
  viewport: Viewport | null;
  layout: LayoutName | null;
  filters: Filters;
  /** null: keep the page's current analytics settings. */
  analytics: AnalyticsSettings | null;
  /** What was folded when the scene was saved. */
  fold: FoldState;
}

/** The workspace open in this page (named in the URL), with the version it was read or saved at. */
export interface OpenWorkspace {
  id: string;
  name: string;
  version: number;
  /** Its owner and sharing, and whether this user may save over it (else it is open read-only). */
  access: WorkspaceAccess;
}

/** The workspaces' part of State. */
export interface WorkspacesSlice {
  /** The saved workspace this page shows, if any. */
  workspace: OpenWorkspace | null;
}

/** No workspace open. */
export function initialWorkspaces(): WorkspacesSlice {
  return { workspace: null };
}

/** The workspace transitions. */
export interface WorkspaceActions {
  /**
   * Replaces the canvas with a saved scene (one step named `label`): its graph, exact positions,
   * pins and layout; the camera is set to the saved viewport (or fitted when there is none).
   */
  openScene(scene: SceneToOpen, label: string): void;
  /** Records which saved workspace the page shows (null: none). Not a scene change. */
  setWorkspace(workspace: OpenWorkspace | null): void;
}

/** The workspace transitions, each one call of `u.update`. */
export function workspaceActions(u: Updater): WorkspaceActions {
  return {
    openScene: (scene, label) =>
      u.update(
        (s) => {
          const empty = emptyScene();
          const graph = withGraph(empty, scene.graph);
          const request: ViewRequest = scene.viewport
            ? { kind: 'viewport', viewport: scene.viewport }
            : { kind: 'fit' };
          return {
            ...empty,
            ...graph,
            positions: new Map([...scene.positions].filter(([id]) => graph.nodes.has(id))),
            pinned: new Set([...scene.pinned].filter((id) => graph.nodes.has(id))),
            // Folds of nodes that are gone from the graph since the save are dropped with them.
            fold: pruneFold(scene.fold, graph.nodes),
            selection: { kind: 'none' },
            details: { status: 'idle' },
            statusText: '',
            startView: 'loaded',
            layout: scene.layout ?? s.layout,
            filters: scene.filters,
            analytics: scene.analytics ?? s.analytics,
            view: { seq: s.view.seq + 1, request },
          };
        },
        { step: label },
      ),
    setWorkspace: (workspace) => u.update(() => ({ workspace })),
  };
}
