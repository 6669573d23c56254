// The only code that changes the State: each action is a named, synchronous state transition.
// Scene changes become undo steps here; see state/history.ts for `step` and how to use it.
import type { Graph, GraphEdge, GraphNode, NodeResponse } from '../../../contract';
import { collapsePlan } from '../explorer/collapse';
import { cooperationShows } from '../model/cooperation-projection';
import * as hist from './history';
import { emptyScene, sceneChanged, sceneOf, type Scene } from './scene';
import type {
  Expansion,
  ExpansionFilter,
  LayoutName,
  Notice,
  NodeRef,
  OpenWorkspace,
  PathEnds,
  PathHighlight,
  Point,
  SceneToOpen,
  Selection,
  StartView,
  State,
  ViewRequest,
} from './state';
import type { WritableStore } from './store';
import type { AnalyticsSettings } from '../analytics/analytics-settings';
import type { SceneMetrics } from '../analytics/scene-metrics';
import { describeFilterChange, type Filters } from '../filters/filters';

/** At most this many notices are kept; older ones fall off so the status area stays small. */
const MAX_NOTICES = 4;
/** Positions closer than this (model px) count as unchanged, so a settled layout makes no step. */
const MOVE_EPSILON = 0.5;
/** The server's hard ceiling for one page of neighbours. */
export const MAX_CAP = 500;

/** One page of an expansion, as fetched. */
export interface ExpansionPage {
  filter: ExpansionFilter;
  /** Neighbours skipped before this page. */
  skip: number;
  /** Neighbours under `filter` in all. */
  total: number;
}

/** The state transitions the rest of the client may ask for. */
export interface Actions {
  /**
   * Runs `change` (sync action calls) as ONE undoable step named `label`: the way every
   * feature makes its scene change undoable. Nested calls fold into the outer step; a
   * change that leaves the scene as it was records nothing. See state/history.ts.
   */
  step(label: string, change: () => void): void;
  undo(): void;
  redo(): void;
  /** Restores the scene of history entry `index` (the history panel's click). */
  jumpTo(index: number): void;

  /** Adds nodes and edges to the canvas, merging with what is there (evidence is kept). */
  addGraph(graph: Graph): void;
  /** Adds one page of `id`'s neighbours and records what it added (for paging and collapse). */
  addExpansion(id: string, graph: Graph, page: ExpansionPage): void;
  /** Removes what `id`'s expansions added, except what is pinned, on the path, or brought by something else. */
  collapse(id: string): void;
  /** Removes nodes (with their edges) and edges from the canvas. */
  hide(ids: readonly string[]): void;
  /** Pins or unpins nodes: pinned nodes keep their position through layouts. */
  setPinned(ids: readonly string[], pinned: boolean): void;
  /**
   * Stores node positions reported by the graph view. With a `label` (a layout, a drag) the
   * move is its own step; without, it settles the current step (placement after an expansion).
   */
  recordPositions(positions: ReadonlyMap<string, Point>, label: string | null): void;
  clearCanvas(): void;
  /** Adds the paths to the canvas, highlights them and keeps them for the path list. */
  showPaths(paths: readonly Graph[], ends: PathHighlight['ends']): void;
  clearPaths(): void;

  /** Selects a node, an edge, several nodes, or nothing; a single node's details start loading. */
  select(selection: Selection): void;
  detailsLoaded(id: string, response: NodeResponse): void;
  detailsFailed(id: string, message: string): void;
  setPathEnd(end: keyof PathEnds, ref: NodeRef | null): void;
  setLayout(name: LayoutName): void;
  /** Sets the supernode cap (neighbours per expansion page), clamped to 1..MAX_CAP. */
  setCap(cap: number): void;
  requestView(request: ViewRequest): void;
  setStatus(text: string): void;
  beginWork(): void;
  endWork(): void;
  /** Shows a notice; returns its id for `dismiss`. */
  notify(kind: Notice['kind'], text: string, code?: string): number;
  dismiss(id: number): void;
  setStartView(startView: StartView): void;

  /** Adds the nodes and relationships a console query returned to the canvas (one step). */
  addQueryResult(graph: Graph): void;
  /**
   * Replaces the canvas with a saved scene (one step named `label`): its graph, exact positions,
   * pins and layout; the camera is set to the saved viewport (or fitted when there is none).
   */
  openScene(scene: SceneToOpen, label: string): void;
  /** Records which saved workspace the page shows (null: none). Not a scene change. */
  setWorkspace(workspace: OpenWorkspace | null): void;
  /** Replaces the filters: one scene change (a history step) per call. */
  setFilters(filters: Filters): void;
  /** Chooses the sizing measure and community colouring: one scene change per call. */
  setAnalytics(settings: AnalyticsSettings): void;
  /** Stores freshly computed measures; derived data, not a user step. */
  setMetrics(metrics: SceneMetrics | null): void;
}

function mergeNode(old: GraphNode | undefined, next: GraphNode): GraphNode {
  if (!old) return next;
  return {
    ...old,
    ...next,
    properties: { ...old.properties, ...next.properties },
    evidence: next.evidence ?? old.evidence,
  };
}

function mergeEdge(old: GraphEdge | undefined, next: GraphEdge): GraphEdge {
  if (!old) return next;
  return { ...old, ...next, evidence: next.evidence ?? old.evidence };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The graph with `graph` merged in. */
function withGraph(s: Scene, graph: Graph): Pick<Scene, 'nodes' | 'edges'> {
  const nodes = new Map(s.nodes);
  for (const n of graph.nodes) nodes.set(n.id, mergeNode(nodes.get(n.id), n));
  const edges = new Map(s.edges);
  for (const e of graph.edges) {
    // An edge is drawable only when both endpoints are on the canvas.
    if (nodes.has(e.source) && nodes.has(e.target)) edges.set(e.id, mergeEdge(edges.get(e.id), e));
  }
  return { nodes, edges };
}

/** The scene without `nodeIds` (and their edges) and `edgeIds`; per-node records of gone nodes are dropped. */
function without(s: Scene, nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): Partial<Scene> {
  const nodes = new Map([...s.nodes].filter(([id]) => !nodeIds.has(id)));
  const edges = new Map(
    [...s.edges].filter(([id, e]) => !edgeIds.has(id) && nodes.has(e.source) && nodes.has(e.target)),
  );
  const keepNode = <V>(m: ReadonlyMap<string, V>): Map<string, V> =>
    new Map([...m].filter(([id]) => nodes.has(id)));
  return {
    nodes,
    edges,
    expansions: keepNode(s.expansions),
    positions: keepNode(s.positions),
    pinned: new Set([...s.pinned].filter((id) => nodes.has(id))),
  };
}

/** The selection narrowed to what is still on the canvas (or drawn by the open cooperation view). */
function validSelection(s: State): Pick<State, 'selection' | 'details'> | null {
  const sel = s.selection;
  const drawn = (id: string): boolean =>
    s.cooperation !== null && cooperationShows(s.cooperation.response, id);
  switch (sel.kind) {
    case 'none':
      return null;
    case 'node':
      return s.nodes.has(sel.id) || drawn(sel.id)
        ? null
        : { selection: { kind: 'none' }, details: { status: 'idle' } };
    case 'edge':
      return s.edges.has(sel.id) || drawn(sel.id)
        ? null
        : { selection: { kind: 'none' }, details: { status: 'idle' } };
    case 'nodes': {
      const ids = sel.ids.filter((id) => s.nodes.has(id));
      if (ids.length === sel.ids.length) return null;
      return {
        selection: ids.length ? { kind: 'nodes', ids } : { kind: 'none' },
        details: { status: 'idle' },
      };
    }
  }
}

/** Binds the actions to `store`. */
export function createActions(store: WritableStore<State>): Actions {
  let stepDepth = 0;
  let noticeSeq = 0;

  /**
   * Applies a transition; a scene change outside `step` becomes its own step named `label`
   * (`null`: the change settles the current step instead and the caller amends the head).
   */
  const update = (change: (s: State) => Partial<State>, label: string | null = 'Change'): void => {
    const s = store.get();
    let next: State = { ...s, ...change(s) };
    if (label !== null && stepDepth === 0 && sceneChanged(s, next))
      next = { ...next, history: hist.pushStep(s.history, label, sceneOf(next), Date.now()) };
    const fixed = validSelection(next);
    store.set(fixed ? { ...next, ...fixed } : next);
  };

  const restore = (history: hist.History<Scene>): void => {
    if (history === store.get().history) return;
    const next: State = { ...store.get(), ...hist.currentEntry(history).snapshot, history };
    const fixed = validSelection(next);
    store.set(fixed ? { ...next, ...fixed } : next);
  };

  const actions: Actions = {
    step: (label, change) => {
      if (stepDepth > 0) {
        change();
        return;
      }
      const before = store.get();
      stepDepth++;
      try {
        change();
      } finally {
        stepDepth--;
      }
      const after = store.get();
      if (sceneChanged(before, after)) {
        store.set({ ...after, history: hist.pushStep(after.history, label, sceneOf(after), Date.now()) });
      }
    },

    undo: () => restore(hist.undo(store.get().history)),
    redo: () => restore(hist.redo(store.get().history)),
    jumpTo: (index) => restore(hist.jumpTo(store.get().history, index)),

    addGraph: (graph) => update((s) => withGraph(s, graph), `Add ${plural(graph.nodes.length, 'node')}`),

    addExpansion: (id, graph, page) =>
      update(
        (s) => {
          const merged = withGraph(s, graph);
          const old = s.expansions.get(id);
          const neighbours = graph.nodes.map((n) => n.id).filter((n) => n !== id);
          const newNodes = neighbours.filter((n) => !s.nodes.has(n));
          const newEdges = [...merged.edges.keys()].filter((e) => !s.edges.has(e));
          const samePaging = old && page.skip > 0 && sameFilter(old.filter, page.filter);
          const expansion: Expansion = {
            filter: page.filter,
            total: page.total,
            shown: (samePaging ? page.skip : 0) + neighbours.length,
            addedNodes: new Set([...(old?.addedNodes ?? []), ...newNodes]),
            addedEdges: new Set([...(old?.addedEdges ?? []), ...newEdges]),
            reached: new Set([...(old?.reached ?? []), ...neighbours]),
          };
          return { ...merged, expansions: new Map(s.expansions).set(id, expansion) };
        },
        `Expand ${store.get().nodes.get(id)?.name ?? id}`,
      ),

    collapse: (id) =>
      update(
        (s) => {
          const keep = new Set([...s.pinned, ...(s.path?.nodeIds ?? []), ...(s.path?.edgeIds ?? [])]);
          const plan = collapsePlan({ edges: s.edges.values(), expansions: s.expansions, keep }, id);
          const rest = without(s, plan.nodes, plan.edges);
          const expansions = new Map(rest.expansions ?? s.expansions);
          expansions.delete(id);
          return { ...rest, expansions };
        },
        `Collapse ${store.get().nodes.get(id)?.name ?? id}`,
      ),

    hide: (ids) =>
      update(
        (s) => {
          const gone = new Set(ids);
          return without(s, gone, gone);
        },
        ids.length === 1
          ? `Hide ${store.get().nodes.get(ids[0] ?? '')?.name ?? 'a relationship'}`
          : `Hide ${ids.length} elements`,
      ),

    setPinned: (ids, pinned) =>
      update(
        (s) => {
          const next = new Set(s.pinned);
          for (const id of ids) {
            if (!s.nodes.has(id)) continue;
            if (pinned) next.add(id);
            else next.delete(id);
          }
          return next.size === s.pinned.size && [...next].every((id) => s.pinned.has(id))
            ? {}
            : { pinned: next };
        },
        `${pinned ? 'Pin' : 'Unpin'} ${ids.length === 1 ? (store.get().nodes.get(ids[0] ?? '')?.name ?? ids[0]) : plural(ids.length, 'node')}`,
      ),

    recordPositions: (reported, label) => {
      const s = store.get();
      const positions = new Map(s.positions);
      let moved = false;
      for (const [id, p] of reported) {
        if (!s.nodes.has(id)) continue;
        const old = positions.get(id);
        if (old && Math.abs(old.x - p.x) < MOVE_EPSILON && Math.abs(old.y - p.y) < MOVE_EPSILON) continue;
        positions.set(id, { x: p.x, y: p.y });
        moved = true;
      }
      if (!moved) return;
      // Inside a `step` (e.g. opening a workspace) positions are part of that step.
      if (label !== null || stepDepth > 0) {
        update(() => ({ positions }), label ?? 'Move nodes');
        return;
      }
      // Settling, not a step: the head now shows where the newcomers landed.
      update(
        (cur) => ({ positions, history: hist.amendHead(cur.history, sceneOf({ ...cur, positions })) }),
        null,
      );
    },

    clearCanvas: () =>
      update(
        (s) => ({
          ...without(s, new Set(s.nodes.keys()), new Set()),
          path: null,
          cooperation: null,
          statusText: '',
        }),
        'Clear canvas',
      ),

    showPaths: (paths, ends) =>
      update(
        (s) => {
          const merged: Graph = {
            nodes: paths.flatMap((p) => p.nodes),
            edges: paths.flatMap((p) => p.edges),
          };
          const path: PathHighlight = {
            nodeIds: new Set(merged.nodes.map((n) => n.id)),
            edgeIds: new Set(merged.edges.map((e) => e.id)),
            count: paths.length,
            paths,
            ends,
          };
          // A single path is chosen at once, so its "why connected" shows without another click.
          return {
            ...withGraph(s, merged),
            path,
            pathFocus: paths.length === 1 ? { of: path, chosen: 0, preview: null } : null,
          };
        },
        `Show ${plural(paths.length, 'path')}`,
      ),

    clearPaths: () => update((s) => (s.path ? { path: null } : {}), 'Clear path highlight'),

    select: (selection) =>
      update(() => ({
        selection,
        details: selection.kind === 'node' ? { status: 'loading', id: selection.id } : { status: 'idle' },
      })),

    detailsLoaded: (id, response) =>
      update((s) => {
        if (s.selection.kind !== 'node' || s.selection.id !== id) return {};
        const old = s.nodes.get(id);
        // Evidence is display data, not a scene change: patch it into the head too so undo keeps it.
        if (!old) return { details: { status: 'loaded', id, response } };
        const nodes = new Map(s.nodes).set(
          id,
          mergeNode(old, { ...response.node, evidence: response.evidence }),
        );
        return {
          details: { status: 'loaded', id, response },
          nodes,
          history: hist.amendHead(s.history, { ...sceneOf(s), nodes }),
        };
      }, null),

    detailsFailed: (id, message) =>
      update((s) =>
        s.selection.kind === 'node' && s.selection.id === id
          ? { details: { status: 'failed', id, message } }
          : {},
      ),

    setPathEnd: (end, ref) => update((s) => ({ pathEnds: { ...s.pathEnds, [end]: ref } })),

    setLayout: (layout) => update(() => ({ layout })),

    setCap: (cap) =>
      update((s) => ({
        settings: { ...s.settings, cap: Math.max(1, Math.min(MAX_CAP, Math.trunc(cap) || 1)) },
      })),

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

    addQueryResult: (graph) =>
      update((s) => withGraph(s, graph), `Console: add ${plural(graph.nodes.length, 'node')}`),

    openScene: (scene, label) =>
      update((s) => {
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
          selection: { kind: 'none' },
          details: { status: 'idle' },
          statusText: '',
          startView: 'loaded',
          layout: scene.layout ?? s.layout,
          filters: scene.filters,
          analytics: scene.analytics ?? s.analytics,
          view: { seq: s.view.seq + 1, request },
        };
      }, label),

    setWorkspace: (workspace) => update(() => ({ workspace })),

    setFilters: (filters) => update(() => ({ filters }), describeFilterChange(store.get().filters, filters)),

    setAnalytics: (analytics) => update(() => ({ analytics })),

    setMetrics: (metrics) => update(() => ({ metrics })),
  };
  return actions;
}

function sameFilter(a: ExpansionFilter, b: ExpansionFilter): boolean {
  const list = (x: readonly string[] | undefined): string => (x ?? []).join(',');
  return (
    list(a.relTypes) === list(b.relTypes) &&
    list(a.labels) === list(b.labels) &&
    (a.threat ?? '') === (b.threat ?? '')
  );
}
