// Composition root: builds the store, API client, graph view and panels, wires them, loads the start view.
import './styles.css';
import { createApiClient } from './api/api-client';
import { createCooperationOperations } from './explorer/cooperation-operations';
import { createOperations, neighbourCap } from './explorer/operations';
import { createPathOperations } from './explorer/path-operations';
import { createRunTask } from './explorer/run-task';
import { createGraphView } from './graph/graph-view';
import { installTestHooks } from './graph/test-hooks';
import { createActions } from './state/actions';
import { createCooperationActions } from './state/cooperation-actions';
import { cooperationSceneStore } from './state/cooperation-scene';
import { createPathActions } from './state/path-actions';
import { initialState } from './state/state';
import { createStore } from './state/store';
import { createCanvasHint } from './ui/canvas-hint';
import { createCooperationOverlay } from './ui/cooperation-overlay';
import { createCooperationPanel } from './ui/cooperation-panel';
import { mountDetailsPanel } from './ui/details-panel';
import { installShortcuts } from './ui/keyboard';
import { createLegend } from './ui/legend';
import { createPathFinder } from './ui/path-finder';
import { createPathResults } from './ui/path-results';
import type { SearchHit } from './ui/search-box';
import { createSearchPanel } from './ui/search-panel';
import { mountStatusArea } from './ui/status-area';
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
const pathActions = createPathActions(store);
const coopActions = createCooperationActions(store);
const runTask = createRunTask(actions, ops.report);
const pathOps = createPathOperations(api, store, actions, coopActions, runTask);
const coopOps = createCooperationOperations(api, store, actions, coopActions, runTask);

window.addEventListener('error', (e) => ops.report(e.error ?? e.message));
window.addEventListener('unhandledrejection', (e) => ops.report(e.reason));

const search = async (q: string, signal: AbortSignal): Promise<readonly SearchHit[]> =>
  (await api.search(q, { limit: SUGGESTION_LIMIT, signal })).nodes;

const searchThreats = async (q: string, signal: AbortSignal): Promise<readonly SearchHit[]> =>
  (await api.search(q, { labels: ['ThreatType'], limit: SUGGESTION_LIMIT, signal })).nodes;

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
    store, actions, search, searchThreats,
    loadSchema: api.schema,
    resolveNode: ops.resolveNode,
    findPaths: pathOps.findPaths,
    onError: ops.report,
  }),
  createPathResults(store, pathActions),
  createCooperationPanel({ store, searchThreats, showCooperation: coopOps.showCooperation, onError: ops.report }),
  createLegend(store),
);
const coopOverlay = createCooperationOverlay({
  store, coop: coopActions,
  leave: coopOps.leave,
  addAllToExplorer: coopOps.addAllToExplorer,
  pickPair: (id) => ops.select({ kind: 'edge', id }),
});
mustFind('canvas-area').append(createCanvasHint(store), coopOverlay.element);
// The cooperation view's pair graph: a second graph view over the explorer's, rendering a scene derived from State.
const coopView = createGraphView(coopOverlay.graphContainer, cooperationSceneStore(store), {
  onTapNode: (id) => ops.select({ kind: 'node', id }),
  onTapEdge: (id) => ops.select({ kind: 'edge', id }),
  onTapBackground: () => { if (store.get().selection.kind !== 'none') ops.select({ kind: 'none' }); },
  onExpandNode: () => actions.setStatus('Expanding works on the explorer scene: "Back to explorer" first, or add this pair to it.'),
  onError: ops.report,
});
mountStatusArea(mustFind('status'), store, actions);
mountDetailsPanel(mustFind('details'), store, {
  select: ops.select,
  expand: (id, more) => { void ops.expand(id, { more }); },
  hideSelection: ops.hideSelection,
  pathFrom: (ref) => actions.setPathEnd('from', ref),
  pathTo: (ref) => actions.setPathEnd('to', ref),
  addPairToExplorer: coopOps.addPairToExplorer,
});

installShortcuts({
  clearSelection: () => ops.select({ kind: 'none' }),
  // Delete hides from the explorer scene; the cooperation view's pairs are not scene elements.
  hideSelection: () => { if (!store.get().cooperation) ops.hideSelection(); },
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
  expand: async (id) => {
    await ops.expand(id);
    await view.whenIdle();
  },
  select: (id) => {
    const s = store.get();
    ops.select(!s.nodes.has(id) && s.edges.has(id) ? { kind: 'edge', id } : { kind: 'node', id });
  },
  cooperation: {
    nodeIds: coopView.nodeIds,
    edges: () => coopView.edgeIds().map((id) => {
      const d = coopView.dataOf(id) ?? {};
      return { id, source: String(d['source']), target: String(d['target']), weight: Number(d['weight']) };
    }),
    classesOf: coopView.classesOf,
    edgeMidpoint: coopView.edgeMidpoint,
    screenPosition: coopView.screenPosition,
    whenIdle: coopView.whenIdle,
  },
});

void ops.loadStartView(new URLSearchParams(window.location.search).get('node') ?? START_NODE_ID);
