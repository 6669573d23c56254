// The cooperation view's scene, derived from State: what the second graph view draws over the explorer.
import type { GraphEdge, GraphNode } from '../../../contract';
import { projectCooperation } from '../model/cooperation-projection';
import type { CooperationView, Selection, State } from './state';
import type { ReadableStore } from './store';

const EMPTY_NODES: ReadonlyMap<string, GraphNode> = new Map();
const EMPTY_EDGES: ReadonlyMap<string, GraphEdge> = new Map();
const NO_EXPANSIONS: State['expansions'] = new Map();
const NO_POSITIONS: State['positions'] = new Map();
const NO_PINS: State['pinned'] = new Set();
const NONE: Selection = { kind: 'none' };

/**
 * A read-only store whose State is the cooperation view's scene: the actors of the open view and
 * one synthetic edge per pair (empty while the view is closed), the selection when it names one of
 * them, and the app's camera requests. It changes only when one of those does, so the graph view
 * rendering it redraws no more than it must.
 */
export function cooperationSceneStore(source: ReadableStore<State>): ReadableStore<State> {
  let projectedFor: CooperationView['response'] | null = null;
  let nodes = EMPTY_NODES;
  let edges = EMPTY_EDGES;

  const derive = (s: State, prev: State | null): State => {
    const response = s.cooperation?.response ?? null;
    if (response !== projectedFor) {
      projectedFor = response;
      const graph = response ? projectCooperation(response) : { nodes: [], edges: [] };
      nodes = graph.nodes.length ? new Map(graph.nodes.map((n) => [n.id, n])) : EMPTY_NODES;
      edges = graph.edges.length ? new Map(graph.edges.map((e) => [e.id, e])) : EMPTY_EDGES;
    }
    const sel = s.selection;
    const selection =
      (sel.kind === 'node' && nodes.has(sel.id)) || (sel.kind === 'edge' && edges.has(sel.id)) ? sel : NONE;
    if (
      prev &&
      prev.nodes === nodes &&
      prev.edges === edges &&
      prev.selection === selection &&
      prev.view === s.view &&
      prev.layout === s.layout
    ) {
      return prev;
    }
    // No positions or pins: this view places and lays out its actors itself, and reports nothing back.
    return {
      ...s,
      nodes,
      edges,
      selection,
      view: s.view,
      path: null,
      pathFocus: null,
      expansions: NO_EXPANSIONS,
      positions: NO_POSITIONS,
      pinned: NO_PINS,
    };
  };

  let current = derive(source.get(), null);
  const listeners = new Set<(next: State, prev: State) => void>();
  source.subscribe((s) => {
    const next = derive(s, current);
    if (next === current) return;
    const prev = current;
    current = next;
    for (const listener of [...listeners]) listener(next, prev);
  });

  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
