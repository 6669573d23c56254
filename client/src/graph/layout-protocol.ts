// The messages between the graph view and the layout worker: flat typed arrays (transferred, not copied) and plain data.

/**
 * A large-scene layout to run off the main thread, in node order. Flat arrays rather than one object per node
 * and edge: structured-cloning 20k small objects took a main-thread task of its own.
 */
export interface LayoutRequest {
  ids: string[];
  /** Per node [w, h, x, y]: its box (label included) and where it is now. */
  boxes: Float64Array;
  /** Per node [w, h]: its body alone (border included), which a spread draft keeps clear of the others (spread-draft.ts). */
  bodies: Float64Array;
  /** Per edge among the nodes [source index, target index]. */
  edges: Int32Array;
  /** Indices of pinned nodes, kept at their current positions. */
  fixed: Int32Array;
  /** Scenes with more nodes keep the spectral draft: fcose's force refinement would take minutes on them. */
  refineMaxNodes: number;
  /** Which of the scene's seeded layouts to draw (seeded-random.ts's drawSeed; 0 the scene's own). */
  draw: number;
}

/** Positions as a flat [x0, y0, x1, y1, ...] array in the request's node order. */
export type PackedPositions = Float64Array;

/** What the worker is doing: `draft` is fcose's spectral placement, `refine` its force iterations. */
export type WorkerPhase = 'draft' | 'refine';

/**
 * What the worker reports: a phase starting (fcose runs each as one call, so nothing comes during it), the
 * draft's positions when a refinement follows, the final positions, or a failure.
 */
export type LayoutReply =
  | { kind: 'phase'; phase: WorkerPhase; fraction: number }
  | { kind: 'progress'; fraction: number; phase: WorkerPhase; positions: PackedPositions }
  | { kind: 'done'; positions: PackedPositions; refined: boolean; ms: number }
  | { kind: 'error'; message: string };
