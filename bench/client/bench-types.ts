// Types shared by the client benchmark's runner (Node) and its page (browser).
import type { LodLevers } from '../../client/src/graph/level-of-detail.js';

/** One way of drawing a scene: stock Cytoscape, or the project's canvas with some levers; optionally WebGL. */
export interface Variant {
  name: string;
  stock: boolean;
  levers: LodLevers | null;
  webgl: boolean;
}

/**
 * How the pan and zoom are driven. In the page, once per animation frame: `panBy`/`zoomBy` call the camera,
 * `drag`/`wheel`/`hover` dispatch mouse or wheel events to Cytoscape's listeners (`drag` starts on empty
 * background, `drag-element` on an element; `hover-nohit`: with Cytoscape's hover hit test stubbed out). From the runner, through the DevTools protocol with a wait between events:
 * `cdp-drag` (8 ms) and `cdp-wheel` (60 ms), the benchmark's input until 2026-12-04.
 */
export type InDriver = 'panBy' | 'zoomBy' | 'drag' | 'drag-element' | 'wheel' | 'hover' | 'hover-nohit';
export type Driver = InDriver | 'cdp-drag' | 'cdp-wheel';

/** Rendered frames during the scripted pan and zoom. */
export interface FrameStats {
  /** Input events the page received (mouse moves and wheel notches; camera calls for panBy/zoomBy). */
  inputs?: number;
  frames: number;
  fps: number;
  p50IntervalMs: number;
  p95IntervalMs: number;
}

/** One layout run. */
export interface LayoutStats {
  ms: number;
  longestLongTaskMs: number;
  longTasks: number;
  progressSteps: number;
  /** Longest wait between progress reports, from the start to the end of the layout (the bar's liveliness). */
  progressMaxGapMs: number;
  /** Reference in the same run: the longest main-thread task while the same scene was first drawn (before layout). */
  sceneLongestTaskMs: number;
}

/** What Chromium offers for WebGL. */
export interface WebglInfo {
  available: boolean;
  renderer: string | null;
  software: boolean | null;
}

/** A model position. */
export interface BenchPoint {
  x: number;
  y: number;
}

/** What the bench page offers the runner on `window.__bench`. */
export interface BenchApi {
  webglInfo(): WebglInfo;
  sceneSize(elements: number): { nodes: number; edges: number };
  /** Lays the scene out in the layout worker (the app's path) or with stock fcose on the main thread. */
  layout(
    elements: number,
    runner: 'worker' | 'main',
    levers: LodLevers,
  ): Promise<LayoutStats & { positions: BenchPoint[] }>;
  /** Draws the scene at `positions` (node order); the time from data to the first painted frame. */
  mount(v: Variant, elements: number, positions: BenchPoint[]): Promise<{ firstPaintMs: number }>;
  startFrames(): void;
  /** The scene's gesture: a mouse drag for half of `seconds`, then wheel zoom in and out, events once per frame. */
  gesture(seconds: number): Promise<FrameStats>;
  /** Drives the mounted scene in the page for `seconds`; the frames drawn meanwhile. */
  drive(driver: InDriver, seconds: number): Promise<FrameStats>;
  stopFrames(seconds: number): FrameStats;
  /** Times `tries` expansions of `nodes` new nodes (with an edge each) until painted; ms each. */
  expand(tries: number, nodes: number): Promise<number[]>;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}
