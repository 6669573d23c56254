// Composition root: builds the store, API client, graph view and panels, wires them, loads the start view.
import './styles.css';
import { startMetricsRunner } from './analytics/metrics-runner';
import { createApiClient } from './api/api-client';
import { createOperations, neighbourCap } from './explorer/operations';
import { createGraphView } from './graph/graph-view';
import { installTestHooks } from './graph/test-hooks';
import { createActions } from './state/actions';
import { initialState } from './state/state';
import { createStore } from './state/store';
import { threatScope } from './filters/threat-scope';
import { createAnalyticsPanel } from './ui/analytics-panel';
import { createCanvasHint } from './ui/canvas-hint';
import { mountDetailsPanel } from './ui/details-panel';
import { installShortcuts } from './ui/keyboard';
import { createLegend } from './ui/legend';
import { createFilterPanel } from './ui/filter-panel';
import { createPathFinder } from './ui/path-finder';
import type { SearchHit } from './ui/search-box';
import { createSearchPanel } from './ui/search-panel';
import { mountStatusArea } from './ui/status-area';
import { createTimelinePanel } from './ui/timeline-panel';
import { createToolbar, ZOOM_STEP } from './ui/toolbar';

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
const store = createStore(initialState());
const actions = createActions(store);
const ops = createOperations(api, store, actions, neighbourCap(window.location.search));

window.addEventListener('error', (e) => ops.report(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => ops.report(e.reason));

const search = async (q: string, signal: AbortSignal): Promise<readonly SearchHit[]> =>
  (await api.search(q, { limit: SUGGESTION_LIMIT, signal })).nodes;

const view = createGraphView(mustFind('graph'), store, {
  onTapNode: (id) => ops.select({ kind: 'node', id }),
  onTapEdge: (id) => ops.select({ kind: 'edge', id }),
  onTapBackground: () => { if (store.get().selection.kind !== 'none') ops.select({ kind: 'none' }); },
  onExpandNode: (id) => { void ops.expand(id); },
  onError: ops.report,
});

mustFind('toolbar').append(createToolbar(store, actions));
mustFind('sidebar').append(
  createSearchPanel({
    search,
    onPick: ({ score: _score, ...node }) => ops.addFromSearch(node),
    onError: ops.report,
  }).element,
  createPathFinder({
    store, actions, search,
    resolveNode: ops.resolveNode,
    findPaths: ops.findPaths,
    onError: ops.report,
  }),
  createFilterPanel({ store, actions, threatScope: (id) => threatScope((t, q) => api.neighbours(t, q), id), onError: ops.report }),
  createTimelinePanel(store, actions),
  createAnalyticsPanel({ store, actions, selectNode: (id) => ops.select({ kind: 'node', id }) }),
  createLegend(store),
);
const metrics = startMetricsRunner(store, actions, ops.report);
mustFind('canvas-area').append(createCanvasHint(store));
mountStatusArea(mustFind('status'), store, actions);
mountDetailsPanel(mustFind('details'), store, {
  select: ops.select,
  expand: (id, more) => { void ops.expand(id, { more }); },
  hideSelection: ops.hideSelection,
  pathFrom: (ref) => actions.setPathEnd('from', ref),
  pathTo: (ref) => actions.setPathEnd('to', ref),
});

installShortcuts({
  clearSelection: () => ops.select({ kind: 'none' }),
  hideSelection: ops.hideSelection,
  fit: () => actions.requestView({ kind: 'fit' }),
  zoomIn: () => actions.requestView({ kind: 'zoom', factor: ZOOM_STEP }),
  zoomOut: () => actions.requestView({ kind: 'zoom', factor: 1 / ZOOM_STEP }),
});

installTestHooks({
  nodeIds: view.nodeIds,
  edgeIds: view.edgeIds,
  screenPosition: view.screenPosition,
  classesOf: view.classesOf,
  whenIdle: view.whenIdle,
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
});

void ops.loadStartView(new URLSearchParams(window.location.search).get('node') ?? START_NODE_ID);
