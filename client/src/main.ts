// Composition root: builds the store, API client, graph view and panels, wires them, loads the start view.
import './styles.css';
import './ui/workbench-core.css';
import { startMetricsRunner } from './analytics/metrics-runner';
import { createApiClient } from './api/api-client';
import { createCurationApi } from './api/curation-api';
import { createCypherApi } from './api/cypher-api';
import { createWorkspaceApi } from './api/workspace-api';
import { createConsolePanel } from './console/console-panel';
import { mountCuration } from './curation/mount-curation';
import { createExportPanel } from './export/export-panel';
import { createOperations, neighbourCap } from './explorer/operations';
import { createPathOperations } from './explorer/path-operations';
import { createRunTask } from './explorer/run-task';
import { createGraphView } from './graph/graph-view';
import { installTestHooks } from './graph/test-hooks';
import { createActions } from './state/actions';
import { createCooperationActions } from './state/cooperation-actions';
import { createCurationActions } from './state/curation-actions';
import { createPathActions } from './state/path-actions';
import { initialState, type NodeRef } from './state/state';
import { createStore } from './state/store';
import { threatScope } from './filters/threat-scope';
import { createAnalyticsPanel } from './ui/analytics-panel';
import { createCanvasHint } from './ui/canvas-hint';
import { createCapSetting } from './ui/cap-setting';
import { mountDetailsPanel } from './ui/details-panel';
import { createHistoryButtons } from './ui/history-buttons';
import { createHistoryPanel } from './ui/history-panel';
import { installShortcuts } from './ui/keyboard';
import { createLegend } from './ui/legend';
import { mountCooperation } from './ui/mount-cooperation';
import { createFilterPanel } from './ui/filter-panel';
import { createNodeMenu } from './ui/node-menu';
import { createPathFinder } from './ui/path-finder';
import { createPathResults } from './ui/path-results';
import type { SearchHit } from './ui/search-box';
import { createSearchPanel } from './ui/search-panel';
import { shortcutHandlers } from './ui/shortcut-handlers';
import { createShortcutsOverlay } from './ui/shortcuts-overlay';
import { mountStatusArea } from './ui/status-area';
import { createTimelinePanel } from './ui/timeline-panel';
import { createToolbar } from './ui/toolbar';
import { createTooltip } from './ui/tooltip';
import { el } from './ui/dom';
import { createWorkspaceOperations } from './workspace/workspace-operations';
import { createWorkspacePanel } from './workspace/workspace-panel';
import { workspaceIdFromUrl } from './workspace/workspace-url';
import { startViewRequest } from './explorer/start-view-request';
import { createAuthApi } from './api/auth-api';
import { installAuthHooks } from './api/auth-hooks';
import { createAccountMenu } from './auth/account-menu';
import { createAuthOperations } from './auth/auth-operations';
import { createLoginDialog } from './auth/login-dialog';
import { createUsersPanel } from './auth/users-panel';
import { createAuthActions } from './state/auth-actions';
import { createDrawModeActions } from './state/draw-mode-actions';
import { createDrawModeToggle } from './ui/draw-mode-toggle';
import { createLayoutProgress } from './ui/layout-progress';

/** The Five Country Ministerial: the view the product opens on (override with `?node=<id>`). */
const START_NODE_ID = 'forum:five-country-ministerial-2025';
/** Suggestions per search: enough to disambiguate, few enough to scan. */
const SUGGESTION_LIMIT = 10;

function mustFind(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`main: missing #${id} in index.html.`);
  return found;
}

const api = createApiClient();
/** The browser's local storage, or null where it is refused (private modes, sandboxed frames). */
const localStore = ((): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
})();
const store = createStore(initialState({ cap: neighbourCap(window.location.search) }));
const actions = createActions(store);
const ops = createOperations(api, store, actions);
const runTask = createRunTask(actions, ops.report);
const coopActions = createCooperationActions(store, actions);
const pathActions = createPathActions(store);
const pathOps = createPathOperations(api, store, actions, coopActions, runTask);

const authApi = createAuthApi();
const authActions = createAuthActions(store);
const authOps = createAuthOperations({
  api: authApi,
  store,
  actions,
  auth: authActions,
  reload: () => window.location.reload(),
});
installAuthHooks({ csrfToken: () => store.get().auth.csrfToken, refused: authOps.refused });

window.addEventListener('error', (e) => ops.report(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => ops.report(e.reason));

const search = async (q: string, signal: AbortSignal): Promise<readonly SearchHit[]> =>
  (await api.search(q, { limit: SUGGESTION_LIMIT, signal })).nodes;
const searchThreats = async (q: string, signal: AbortSignal): Promise<readonly SearchHit[]> =>
  (await api.search(q, { labels: ['ThreatType'], limit: SUGGESTION_LIMIT, signal })).nodes;

const pathFrom = (ref: NodeRef): void => actions.setPathEnd('from', ref);
const pathTo = (ref: NodeRef): void => actions.setPathEnd('to', ref);
const curation = mountCuration({
  api: createCurationApi(),
  reads: api,
  store,
  actions,
  cur: createCurationActions(store, actions),
  select: ops.select,
  search,
  report: ops.report,
});
const tooltip = createTooltip(store);
const shortcutsOverlay = createShortcutsOverlay();
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
  pathFrom,
  pathTo,
  extraEntries: curation.menuEntries,
});

const layoutProgress = createLayoutProgress(() => view.cancelLayout());
const view = createGraphView(mustFind('graph'), store, {
  onTapNode: (id, additive) => {
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
    void ops.expand(id);
  },
  onContextNode: (id, at) => {
    tooltip.hide();
    if (!ops.selectedNodeIds().includes(id)) ops.select({ kind: 'node', id });
    nodeMenu.open(id, at);
  },
  onContextBackground: () => nodeMenu.close(),
  onHover: (target) => tooltip.hover(target),
  onBoxSelect: (ids) => ops.selectNodes([...ops.selectedNodeIds(), ...ids]),
  onPositions: (positions, label) => actions.recordPositions(positions, label),
  onError: ops.report,
  onLayoutProgress: (p) => layoutProgress.show(p),
});

const consolePanel = createConsolePanel({
  api: createCypherApi(),
  actions,
  storage: localStore,
  showNode: (id) => {
    if (!store.get().nodes.has(id)) {
      actions.setStatus(
        `${id} is not on the canvas: run the query with "Add results to canvas" on to see it there.`,
      );
      return;
    }
    ops.select({ kind: 'node', id });
    actions.requestView({ kind: 'center', id });
  },
});
const workspaceOps = createWorkspaceOperations({
  api: createWorkspaceApi(),
  store,
  actions,
  snapshot: view.snapshot,
  whenIdle: view.whenIdle,
});
const workspacePanel = createWorkspacePanel(store, workspaceOps);
const exportPanel = createExportPanel({ store, actions, view });
const panelButtons = el('div', { className: 'toolbar-group' }, [
  consolePanel.toggleButton,
  workspacePanel.toggleButton,
  exportPanel.toggleButton,
]);

const cooperation = mountCooperation({
  api,
  store,
  actions,
  coop: coopActions,
  run: runTask,
  select: ops.select,
  report: ops.report,
  searchThreats,
  canvasArea: mustFind('canvas-area'),
});

const usersPanel = createUsersPanel(store, authApi, () => void authOps.load());
const toolbar = createToolbar(store, actions, [
  createHistoryButtons(store, actions),
  createCapSetting(store, actions),
  createDrawModeToggle(store, actions, createDrawModeActions(store)),
  panelButtons,
  curation.toolbarGroup,
]);
toolbar.append(createAccountMenu(store, authActions, authOps, usersPanel.toggleButton));
mustFind('toolbar').append(toolbar);
document.body.append(createLoginDialog(store, authActions, authOps));
mustFind('sidebar').append(
  createSearchPanel({
    search,
    onPick: ({ score: _score, ...node }) => ops.addFromSearch(node),
    onError: ops.report,
  }).element,
  createPathFinder({
    store,
    actions,
    search,
    searchThreats,
    loadSchema: api.schema,
    resolveNode: ops.resolveNode,
    findPaths: pathOps.findPaths,
    onError: ops.report,
  }),
  createPathResults(store, pathActions),
  cooperation.panel,
  createHistoryPanel(store, actions),
  createFilterPanel({
    store,
    actions,
    threatScope: (id) => threatScope((t, q) => api.neighbours(t, q), id),
    onError: ops.report,
  }),
  createTimelinePanel(store, actions),
  createAnalyticsPanel({ store, actions, selectNode: (id) => ops.select({ kind: 'node', id }) }),
  createLegend(store),
);
const metrics = startMetricsRunner(store, actions, ops.report);
mustFind('canvas-area').append(
  createCanvasHint(store),
  consolePanel.element,
  workspacePanel.element,
  exportPanel.element,
  usersPanel.element,
  layoutProgress.element,
  ...curation.canvasElements,
);
mountStatusArea(mustFind('status'), store, actions);
mountDetailsPanel(
  mustFind('details'),
  store,
  {
    select: ops.select,
    expand: (id, more) => {
      void ops.expand(id, { more });
    },
    hideSelection: ops.hideSelection,
    pathFrom,
    pathTo,
    setPinned: ops.setPinned,
    collapse: ops.collapse,
    expandSelection: () => {
      void ops.expandSelection();
    },
    addPairToExplorer: cooperation.ops.addPairToExplorer,
    curation: curation.controls,
  },
  curation.editor,
);

const shortcuts = shortcutHandlers({
  store,
  actions,
  nodeMenu,
  // Delete hides from the explorer scene; nothing under the open cooperation view is hidden unseen.
  ops: {
    ...ops,
    hideSelection: () => {
      if (!store.get().cooperation) ops.hideSelection();
    },
  },
  overlay: shortcutsOverlay,
  screenPosition: view.screenPosition,
  panels: {
    openConsole: consolePanel.open,
    toggleWorkspaces: workspacePanel.toggle,
    saveWorkspace: workspacePanel.save,
    toggleExport: exportPanel.toggle,
  },
});
installShortcuts({
  ...shortcuts,
  closeOverlays: () => curation.escape() || shortcuts.closeOverlays(),
  editSelection: curation.editSelection,
});

installTestHooks({
  nodeIds: view.nodeIds,
  edgeIds: view.edgeIds,
  screenPosition: view.screenPosition,
  modelPosition: view.modelPosition,
  classesOf: view.classesOf,
  dataOf: view.dataOf,
  whenIdle: view.whenIdle,
  positions: () => Object.fromEntries(view.snapshot().positions),
  viewport: () => view.snapshot().viewport,
  visibleIds: view.visibleIds,
  renderedSize: view.renderedSize,
  analyticsSettled: metrics.whenCurrent,
  expand: async (id) => {
    await ops.expand(id);
    await view.whenIdle();
  },
  select: (id) => {
    const s = store.get();
    ops.select(!s.nodes.has(id) && s.edges.has(id) ? { kind: 'edge', id } : { kind: 'node', id });
  },
  cooperation: cooperation.hooks,
  loadSynthetic: async (elements) => {
    // Loaded on demand: the generator's model is test and benchmark material, not part of the explorer.
    const { syntheticScene } = await import('./graph/synthetic-scene');
    actions.clearCanvas();
    actions.addGraph(syntheticScene(elements));
  },
  fastMode: view.fastMode,
  lastLayoutRunner: view.lastLayoutRunner,
});

const startNode = new URLSearchParams(window.location.search).get('node') ?? START_NODE_ID;
const startWorkspace = workspaceIdFromUrl();
const startView = startViewRequest({
  storage: localStore,
  request: () => api.neighbours(startNode, { limit: store.get().settings.cap }),
  enabled: !startWorkspace,
});
// `?workspace=<id>` opens that workspace instead of the start view (which it falls back to on failure).
// With AUTH_REQUIRED the graph loads only once the user has logged in.
void authOps.load().then(() => {
  const early = startView.settle(store.get().auth.authRequired);
  authOps.whenReadable(() => {
    if (startWorkspace) void workspaceOps.openFromUrl(startWorkspace, () => ops.loadStartView(startNode));
    else void ops.loadStartView(startNode, early);
  });
});
