// The only code that changes the State: each action is a named, synchronous state transition.
import type { Graph, GraphEdge, GraphNode, NodeResponse } from '../../../server/src/api-types';
import type {
  Expansion, LayoutName, Notice, NodeRef, PathEnds, Selection, StartView, State, ViewRequest,
} from './state';
import type { WritableStore } from './store';
import type { AnalyticsSettings } from '../analytics/analytics-settings';
import type { SceneMetrics } from '../analytics/scene-metrics';
import type { Filters } from '../filters/filters';

/** At most this many notices are kept; older ones fall off so the status area stays small. */
const MAX_NOTICES = 4;

/** The state transitions the rest of the client may ask for. */
export interface Actions {
  /** Adds nodes and edges to the canvas, merging with what is there (evidence is kept). */
  addGraph(graph: Graph): void;
  /** Selects a node or edge (or nothing); a node's details start loading. */
  select(selection: Selection): void;
  detailsLoaded(id: string, response: NodeResponse): void;
  detailsFailed(id: string, message: string): void;
  recordExpansion(id: string, expansion: Expansion): void;
  /** Removes nodes (with their edges) and edges from the canvas. */
  hide(ids: readonly string[]): void;
  clearCanvas(): void;
  /** Adds the paths to the canvas and highlights them. */
  showPaths(paths: readonly Graph[]): void;
  clearPaths(): void;
  setPathEnd(end: keyof PathEnds, ref: NodeRef | null): void;
  setLayout(name: LayoutName): void;
  requestView(request: ViewRequest): void;
  setStatus(text: string): void;
  beginWork(): void;
  endWork(): void;
  /** Shows a notice; returns its id for `dismiss`. */
  notify(kind: Notice['kind'], text: string, code?: string): number;
  dismiss(id: number): void;
  setStartView(startView: StartView): void;
  /** Replaces the filters: one scene change (a history step) per call. */
  setFilters(filters: Filters): void;
  /** Chooses the sizing measure and community colouring: one scene change per call. */
  setAnalytics(settings: AnalyticsSettings): void;
  /** Stores freshly computed measures; derived data, not a user step. */
  setMetrics(metrics: SceneMetrics | null): void;
}

function mergeNode(old: GraphNode | undefined, next: GraphNode): GraphNode {
  if (!old) return next;
  return { ...old, ...next, properties: { ...old.properties, ...next.properties }, evidence: next.evidence ?? old.evidence };
}

function mergeEdge(old: GraphEdge | undefined, next: GraphEdge): GraphEdge {
  if (!old) return next;
  return { ...old, ...next, evidence: next.evidence ?? old.evidence };
}

/** Binds the actions to `store`. */
export function createActions(store: WritableStore<State>): Actions {
  const update = (change: (s: State) => Partial<State>): void => {
    const s = store.get();
    store.set({ ...s, ...change(s) });
  };
  let noticeSeq = 0;

  const withGraph = (s: State, graph: Graph): Pick<State, 'nodes' | 'edges'> => {
    const nodes = new Map(s.nodes);
    for (const n of graph.nodes) nodes.set(n.id, mergeNode(nodes.get(n.id), n));
    const edges = new Map(s.edges);
    for (const e of graph.edges) {
      // An edge is drawable only when both endpoints are on the canvas.
      if (nodes.has(e.source) && nodes.has(e.target)) edges.set(e.id, mergeEdge(edges.get(e.id), e));
    }
    return { nodes, edges };
  };

  return {
    addGraph: (graph) => update((s) => withGraph(s, graph)),

    select: (selection) => update(() => ({
      selection,
      details: selection.kind === 'node' ? { status: 'loading', id: selection.id } : { status: 'idle' },
    })),

    detailsLoaded: (id, response) => update((s) => {
      if (s.selection.kind !== 'node' || s.selection.id !== id) return {};
      const nodes = new Map(s.nodes);
      const old = nodes.get(id);
      if (old) nodes.set(id, mergeNode(old, { ...response.node, evidence: response.evidence }));
      return { details: { status: 'loaded', id, response }, nodes };
    }),

    detailsFailed: (id, message) => update((s) => (
      s.selection.kind === 'node' && s.selection.id === id ? { details: { status: 'failed', id, message } } : {}
    )),

    recordExpansion: (id, expansion) => update((s) => ({ expansions: new Map(s.expansions).set(id, expansion) })),

    hide: (ids) => update((s) => {
      const gone = new Set(ids);
      const nodes = new Map([...s.nodes].filter(([id]) => !gone.has(id)));
      const edges = new Map([...s.edges].filter(([id, e]) => !gone.has(id) && nodes.has(e.source) && nodes.has(e.target)));
      const expansions = new Map([...s.expansions].filter(([id]) => nodes.has(id)));
      const selectionGone = s.selection.kind !== 'none' && !nodes.has(s.selection.id) && !edges.has(s.selection.id);
      return {
        nodes, edges, expansions,
        ...(selectionGone ? { selection: { kind: 'none' }, details: { status: 'idle' } } : {}),
      };
    }),

    clearCanvas: () => update(() => ({
      nodes: new Map(), edges: new Map(), expansions: new Map(), path: null,
      selection: { kind: 'none' }, details: { status: 'idle' }, statusText: '',
    })),

    showPaths: (paths) => update((s) => {
      const merged: Graph = { nodes: paths.flatMap((p) => p.nodes), edges: paths.flatMap((p) => p.edges) };
      return {
        ...withGraph(s, merged),
        path: {
          nodeIds: new Set(merged.nodes.map((n) => n.id)),
          edgeIds: new Set(merged.edges.map((e) => e.id)),
          count: paths.length,
        },
      };
    }),

    clearPaths: () => update(() => ({ path: null })),

    setPathEnd: (end, ref) => update((s) => ({ pathEnds: { ...s.pathEnds, [end]: ref } })),

    setLayout: (layout) => update(() => ({ layout })),

    requestView: (request) => update((s) => ({ view: { seq: s.view.seq + 1, request } })),

    setStatus: (statusText) => update(() => ({ statusText })),

    beginWork: () => update((s) => ({ busy: s.busy + 1 })),

    endWork: () => update((s) => ({ busy: Math.max(0, s.busy - 1) })),

    notify: (kind, text, code) => {
      const id = ++noticeSeq;
      const notice: Notice = code === undefined ? { id, kind, text } : { id, kind, text, code };
      update((s) => ({ notices: [...s.notices, notice].slice(-MAX_NOTICES) }));
      return id;
    },

    dismiss: (id) => update((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),

    setStartView: (startView) => update(() => ({ startView })),

    setFilters: (filters) => update(() => ({ filters })),

    setAnalytics: (analytics) => update(() => ({ analytics })),

    setMetrics: (metrics) => update(() => ({ metrics })),
  };
}
