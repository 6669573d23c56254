// Mounts the cooperation view: its operations, the sidebar section, the overlay and the pair graph's own graph view.
import type { AppContext } from '../../app/context';
import { createGraphView, type GraphView } from '../../graph/graph-view';
import type { Operations } from '../explorer/operations';
import { cooperationSceneStore } from './cooperation-scene';
import { createCooperationOperations, type CooperationOperations } from './operations';
import { createCooperationOverlay } from './ui/cooperation-overlay';
import { createCooperationPanel } from './ui/cooperation-panel';
import { createPairTooltip } from './ui/pair-tooltip';

/** The mounted view: its operations (the details panel adds a pair to the explorer) and its canvas. */
export interface MountedCooperation {
  ops: CooperationOperations;
  /** The pair graph's canvas, drawn over the explorer's while the view is open. */
  view: GraphView;
}

/** Builds the cooperation view: its section in the sidebar, its overlay over the explorer canvas. */
export function mountCooperation(ctx: AppContext, explorer: Pick<Operations, 'select'>): MountedCooperation {
  const { store, actions } = ctx;
  const select = explorer.select;
  const ops = createCooperationOperations(ctx.api.reads, store, actions, actions, ctx.run);
  const overlay = createCooperationOverlay({
    store,
    coop: actions,
    leave: ops.leave,
    addAllToExplorer: ops.addAllToExplorer,
    pickPair: (id) => select({ kind: 'edge', id }),
    refine: ops.refineCooperation,
    onError: ctx.report,
  });
  const tooltip = createPairTooltip(store);
  // In the page before its graph view is made: Cytoscape sizes itself from its container.
  ctx.page.canvas('cooperation', overlay.element);
  // A second graph view renders the pair graph derived from State. It reports no positions: its
  // actors are not the explorer scene's nodes, and their placement is not an undo step.
  const view = createGraphView(overlay.graphContainer, cooperationSceneStore(store), {
    onTapNode: (id) => select({ kind: 'node', id }),
    onTapEdge: (id) => select({ kind: 'edge', id }),
    onTapBackground: () => {
      if (store.get().selection.kind !== 'none') select({ kind: 'none' });
    },
    onExpandNode: () =>
      actions.setStatus(
        'Expanding works on the explorer scene: "Back to explorer" first, or add this pair to it.',
      ),
    onContextNode: () => undefined,
    onContextBackground: () => undefined,
    onHover: (target) => tooltip.hover(target),
    onBoxSelect: () => undefined,
    onPositions: () => undefined,
    onError: ctx.report,
  });
  ctx.page.sidebar(
    'cooperation',
    createCooperationPanel({
      store,
      searchThreats: ctx.suggest.threats,
      showCooperation: ops.showCooperation,
      onError: ctx.report,
    }),
  );
  return { ops, view };
}
