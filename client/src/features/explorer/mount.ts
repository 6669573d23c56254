// Mounts the explorer: its use cases, the graph canvas with its node menu and tooltip, the toolbar's view
// controls, cap and drawing-detail settings, the search box, the empty-canvas hint and the legend.
import type { AppContext } from '../../app/context';
import { createGraphView, type GraphView, type ImageExportOptions } from '../../graph/graph-view';
import type { CurationUiParts } from '../curation/mount';
import { createOperations, type Operations } from './operations';
import { createFoldNotice, createGroupButton, foldMenuEntries } from './fold/fold-controls';
import { drawnNodeIdsFor } from './fold/fold-projection';
import { foldedSceneStore } from './fold/fold-scene-store';
import { isFoldId } from './fold/fold-state';
import './fold/fold.css';
import { createCanvasHint } from './ui/canvas-hint';
import { createCapSetting } from './ui/cap-setting';
import { createDrawModeToggle } from './ui/draw-mode-toggle';
import { createLayoutProgress } from './ui/layout-progress';
import { createLegend } from './ui/legend';
import { createNodeMenu, type NodeMenu } from './ui/node-menu';
import { createSearchPanel } from './ui/search-panel';
import { createViewControls } from './ui/toolbar';
import { createTooltip } from './ui/tooltip';

/** The explorer's use cases (no DOM): what the other features call to select, expand and hide. */
export function explorerOperations(ctx: AppContext): Operations {
  return createOperations({ ...ctx, api: ctx.api.reads });
}

/** The mounted canvas: what the shortcuts, export, workspaces and test hooks read. */
/** The canvas's image export, taking scene nodes (as the Export panel names them). */
export type ImageExport = Pick<GraphView, 'exportPng' | 'exportSvg'>;

export interface MountedExplorer {
  view: GraphView;
  /** Image export through the folds: a folded node is drawn as its badge or summary (see `drawnNodeIdsFor`). */
  imageExport: ImageExport;
  nodeMenu: NodeMenu;
}

/** Mounts the explorer's UI; curation takes node clicks while a relationship is drawn and adds menu entries. */
export function mountExplorer(
  ctx: AppContext,
  ops: Operations,
  curation: Pick<CurationUiParts, 'menuEntries' | 'pickTarget'>,
): MountedExplorer {
  const { store, actions, page } = ctx;
  // The canvas (and its tooltip) draws the scene through its folds; every other feature reads the whole scene.
  const drawn = foldedSceneStore(store);
  const tooltip = createTooltip(store, drawn);
  const nodeMenu = createNodeMenu(store, {
    neighbourCounts: ops.neighbourCounts,
    expand: (id, opts) => {
      void ops.expand(id, opts);
    },
    hide: (id) => {
      ops.select({ kind: 'node', id });
      ops.hideSelection();
    },
    setPinned: (id, pinned) => ops.setPinned([id], pinned),
    selectNeighbours: ops.selectNeighbours,
    collapse: ops.collapse,
    pathFrom: (ref) => actions.setPathEnd('from', ref),
    pathTo: (ref) => actions.setPathEnd('to', ref),
    extraEntries: (id) => [...foldMenuEntries(store, ops, id), ...curation.menuEntries(id)],
  });

  const layoutProgress = createLayoutProgress(() => view.cancelLayout());
  const view = createGraphView(page.graph, drawn, {
    onTapNode: (id, additive) => {
      // A badge or summary node is no node of the graph: a click opens it.
      if (isFoldId(id)) return ops.toggleFold(id);
      if (curation.pickTarget(id)) return;
      if (additive) ops.toggleSelected(id);
      else ops.select({ kind: 'node', id });
    },
    onTapEdge: (id) => ops.select({ kind: 'edge', id }),
    onTapBackground: () => {
      nodeMenu.close();
      if (store.get().selection.kind !== 'none') ops.select({ kind: 'none' });
    },
    onExpandNode: (id) => {
      if (!isFoldId(id)) void ops.expand(id);
    },
    onContextNode: (id, at) => {
      tooltip.hide();
      if (isFoldId(id)) return ops.toggleFold(id);
      if (!ops.selectedNodeIds().includes(id)) ops.select({ kind: 'node', id });
      nodeMenu.open(id, at);
    },
    onContextBackground: () => nodeMenu.close(),
    onHover: (target) => tooltip.hover(target),
    onBoxSelect: (ids) => ops.selectNodes([...ops.selectedNodeIds(), ...ids.filter((id) => !isFoldId(id))]),
    onPositions: (positions, label) => actions.recordPositions(positions, label),
    onError: ctx.report,
    onLayoutProgress: (p) => layoutProgress.show(p),
  });

  const viewControls = createViewControls(store, actions);
  page.toolbar('view', viewControls.camera, viewControls.clear);
  page.more('layout', viewControls.layout);
  page.more('cap', createCapSetting(store, actions));
  const drawMode = createDrawModeToggle(store, actions);
  // The choice is rarely made (More menu); the "Fast drawing" badge is state the user must see (toolbar).
  // Folding is detail too: what is drawn one by one and what is drawn as a count.
  page.more('detail', drawMode.choice, createGroupButton(store, ops));
  page.toolbar('detail', drawMode.badge);
  page.sidebar(
    'search',
    createSearchPanel({
      search: ctx.suggest.nodes,
      onPick: ({ score: _score, ...node }) => ops.addFromSearch(node),
      onError: ctx.report,
    }).element,
  );
  page.sidebar('legend', createLegend(store));
  page.canvas('hint', createCanvasHint(store));
  page.canvas('progress', layoutProgress.element);
  mountInStatusBar(page.status, createFoldNotice(drawn, ops));
  // An image export names scene nodes; the canvas draws a folded node as its hub's badge or its community's summary.
  const throughFolds = (o: ImageExportOptions): ImageExportOptions =>
    o.only ? { ...o, only: drawnNodeIdsFor(drawn.projection(), o.only) } : o;
  const imageExport: ImageExport = {
    exportPng: (o) => view.exportPng(throughFolds(o)),
    exportSvg: (o) => view.exportSvg(throughFolds(o)),
  };
  return { view, imageExport, nodeMenu };
}

/**
 * Puts the fold notice in the status bar, before its counts. The status area may mount after the explorer and
 * build its bar then: the notice waits in the area as a `status-slot`, which the bar takes in when it is built.
 */
function mountInStatusBar(status: HTMLElement, notice: HTMLElement): void {
  const counts = status.querySelector('.status-bar > .status-counts');
  notice.classList.add('status-slot');
  if (counts) counts.before(notice);
  else status.append(notice);
}
