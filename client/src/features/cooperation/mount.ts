// Wires the cooperation view: its operations, the sidebar section, the overlay and the pair graph's own graph view.
import type { ApiClient } from '../../api/api-client';
import { createCooperationOperations, type CooperationOperations } from './operations';
import type { RunTask } from '../status/run-task';
import { createGraphView } from '../../graph/graph-view';
import type { CooperationCanvasHooks } from '../../app/test-hooks';
import type { Actions } from '../../state/actions';
import type { CooperationActions } from './state';
import { cooperationSceneStore } from './cooperation-scene';
import type { Selection, State } from '../../state/state';
import type { ReadableStore } from '../../state/store';
import { createCooperationOverlay } from './ui/cooperation-overlay';
import { createCooperationPanel } from './ui/cooperation-panel';
import type { SearchHit } from '../../shared/search-box';

/** What the cooperation view needs from the composition root. */
export interface CooperationDeps {
  api: ApiClient;
  store: ReadableStore<State>;
  actions: Actions;
  coop: CooperationActions;
  run: RunTask;
  select(selection: Selection): void;
  report(err: unknown): void;
  searchThreats(q: string, signal: AbortSignal): Promise<readonly SearchHit[]>;
  /** Where the overlay goes: over the explorer canvas. */
  canvasArea: HTMLElement;
}

/** The mounted view: the sidebar section to place, its operations, and test hooks on its canvas. */
export interface MountedCooperation {
  panel: HTMLElement;
  ops: CooperationOperations;
  hooks: CooperationCanvasHooks;
}

/** Builds the cooperation view and appends its overlay to `canvasArea`. */
export function mountCooperation(deps: CooperationDeps): MountedCooperation {
  const { store, actions } = deps;
  const ops = createCooperationOperations(deps.api, store, actions, deps.coop, deps.run);
  const overlay = createCooperationOverlay({
    store,
    coop: deps.coop,
    leave: ops.leave,
    addAllToExplorer: ops.addAllToExplorer,
    pickPair: (id) => deps.select({ kind: 'edge', id }),
  });
  deps.canvasArea.append(overlay.element);
  // A second graph view renders the pair graph derived from State. It reports no positions: its
  // actors are not the explorer scene's nodes, and their placement is not an undo step.
  const view = createGraphView(overlay.graphContainer, cooperationSceneStore(store), {
    onTapNode: (id) => deps.select({ kind: 'node', id }),
    onTapEdge: (id) => deps.select({ kind: 'edge', id }),
    onTapBackground: () => {
      if (store.get().selection.kind !== 'none') deps.select({ kind: 'none' });
    },
    onExpandNode: () =>
      actions.setStatus(
        'Expanding works on the explorer scene: "Back to explorer" first, or add this pair to it.',
      ),
    onContextNode: () => undefined,
    onContextBackground: () => undefined,
    onHover: () => undefined,
    onBoxSelect: () => undefined,
    onPositions: () => undefined,
    onError: deps.report,
  });
  const panel = createCooperationPanel({
    store,
    searchThreats: deps.searchThreats,
    showCooperation: ops.showCooperation,
    onError: deps.report,
  });
  return {
    panel,
    ops,
    hooks: {
      nodeIds: view.nodeIds,
      edges: () =>
        view.edgeIds().map((id) => {
          const d = view.dataOf(id) ?? {};
          return {
            id,
            source: String(d['source']),
            target: String(d['target']),
            weight: Number(d['weight']),
          };
        }),
      classesOf: view.classesOf,
      edgeMidpoint: view.edgeMidpoint,
      screenPosition: view.screenPosition,
      whenIdle: view.whenIdle,
    },
  };
}
