// The messages between the graph view and the layout worker: plain, structured-clone-safe data.

/** A node to lay out: its id, its box (label included) and, when it has one, where it is now. */
export interface LayoutNodeInput {
  id: string;
  w: number;
  h: number;
  x?: number;
  y?: number;
}

/** A large-scene layout to run off the main thread. */
export interface LayoutRequest {
  nodes: LayoutNodeInput[];
  edges: { source: string; target: string }[];
  /** Pinned nodes, kept at these model positions. */
  fixed: { id: string; x: number; y: number }[];
  /** Scenes with more nodes keep the spectral draft: fcose's force refinement would take minutes on them. */
  refineMaxNodes: number;
}

/** Positions as a flat [x0, y0, x1, y1, ...] array in the request's node order. */
export type PackedPositions = Float64Array;

/** What the worker reports: progress (with the positions so far), the final positions, or a failure. */
export type LayoutReply =
  | { kind: 'progress'; fraction: number; phase: 'draft' | 'refine'; positions: PackedPositions }
  | { kind: 'done'; positions: PackedPositions; refined: boolean; ms: number }
  | { kind: 'error'; message: string };
