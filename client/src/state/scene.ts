// The scene: the undoable part of State (what is on the canvas and where). History snapshots hold one.
import type { GraphEdge, GraphNode } from '../../../contract';
import { defaultFilters, type Filters } from '../filters/filters';
import type { CooperationView, Expansion, PathHighlight } from './state';

/** A model-space position on the canvas. */
export interface Point {
  x: number;
  y: number;
}

/**
 * Everything undo restores. Each field is immutable (replaced, never mutated), so a snapshot
 * is one object of references. To make new state undoable, add it here and to SCENE_FIELDS.
 */
export interface Scene {
  nodes: ReadonlyMap<string, GraphNode>;
  edges: ReadonlyMap<string, GraphEdge>;
  /** Per expanded node: what its expansions fetched and added (paging and collapse use it). */
  expansions: ReadonlyMap<string, Expansion>;
  /** Where each node was last put (by placement, a layout or a drag); restored on undo. */
  positions: ReadonlyMap<string, Point>;
  /** Nodes that keep their position through layouts. */
  pinned: ReadonlySet<string>;
  path: PathHighlight | null;
  /** The open cooperation view, drawn over the explorer scene; null when closed. */
  cooperation: CooperationView | null;
  /** What the filter panel and timeline hide (plain JSON); changed only by `setFilters`, so each change is one step. */
  filters: Filters;
}

/** The scene's fields; a `Record` so the compiler insists every Scene field is listed. */
export const SCENE_FIELDS: Readonly<Record<keyof Scene, true>> = {
  nodes: true,
  edges: true,
  expansions: true,
  positions: true,
  pinned: true,
  path: true,
  cooperation: true,
  filters: true,
};

const FIELDS = Object.keys(SCENE_FIELDS) as (keyof Scene)[];

/** The scene part of a state (a cheap snapshot: references only). */
export function sceneOf(s: Scene): Scene {
  const out = {} as Record<keyof Scene, unknown>;
  for (const f of FIELDS) out[f] = s[f];
  return out as unknown as Scene;
}

/** True when any scene field was replaced between `a` and `b`. */
export function sceneChanged(a: Scene, b: Scene): boolean {
  return FIELDS.some((f) => a[f] !== b[f]);
}

/** An empty canvas. */
export function emptyScene(): Scene {
  return {
    nodes: new Map(),
    edges: new Map(),
    expansions: new Map(),
    positions: new Map(),
    pinned: new Set(),
    path: null,
    cooperation: null,
    filters: defaultFilters(),
  };
}
