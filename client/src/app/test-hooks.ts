// window.__explorer: a small, read-mostly handle the browser tests drive the explorer through (test builds only: app/test-build.ts).

import type { AfterAddMove } from '../graph/camera-after-add.js';

/** The hooks the browser test relies on; the names are part of the test contract. */
export interface ExplorerTestHooks {
  /** Ids of the nodes drawn on the canvas. */
  nodeIds(): string[];
  /** Ids of the edges drawn on the canvas. */
  edgeIds(): string[];
  /** Expands a node as a double-click would; resolves once the canvas has settled. */
  expand(id: string): Promise<void>;
  /** Selects a node or edge as a click would. */
  select(id: string): void;
  /** A node's centre in page coordinates (for real mouse clicks), or null when it is not drawn. */
  screenPosition(id: string): { x: number; y: number } | null;
  /** A node's model position (layout coordinates), or null when it is not drawn. */
  modelPosition(id: string): { x: number; y: number } | null;
  /** The style classes an element carries (e.g. `path`, `dimmed`). */
  classesOf(id: string): string[];
  /** Resolves once queued layouts and camera moves have finished. */
  whenIdle(): Promise<void>;
  /** Ids of the nodes and edges displayed, i.e. not hidden by a filter. */
  visibleIds(): string[];
  /** A node's drawn width in screen pixels (0 when hidden or not drawn). */
  renderedSize(id: string): number;
  /** Resolves once the analytics match the current scene and filters. */
  analyticsSettled(): Promise<void>;
  /** Model positions of the drawn nodes, by id. */
  positions(): Record<string, { x: number; y: number }>;
  /** The camera: zoom and pan. */
  viewport(): { zoom: number; pan: { x: number; y: number } };
  /** An element's data as drawn (e.g. a node's `name` after a curator renamed it); null when not drawn. */
  dataOf?(id: string): Record<string, unknown> | null;
  /** The cooperation view's canvas (drawn over the explorer's while that view is open). */
  cooperation?: CooperationCanvasHooks;
  /**
   * Replaces the scene with a synthetic one of about `elements` nodes plus edges (graph/synthetic-scene.ts);
   * with `fold` every hub's leaves (or the scene's communities) fold in the same change, so the canvas only ever
   * draws the folded scene.
   */
  loadSynthetic?(elements: number, opts?: { fold?: 'leaves' | 'communities' }): Promise<void>;
  /** Folds every hub's leaves, groups communities, or unfolds everything, as the More menu and notice do. */
  fold?(what: 'leaves' | 'communities' | 'none'): Promise<void>;
  /** Whether the canvas draws with the fast level-of-detail levers. */
  fastMode?(): boolean;
  /** Where the last full layout ran ('worker' or 'main'), or null before any. */
  lastLayoutRunner?(): string | null;
  /** The costs of the runs the last small scene's layout chose from, and the kept one's; null before any. */
  lastLayoutChoice?(): { costs: number[]; chosen: number } | null;
  /** How the camera last moved to show added nodes: none, a pan or a zoom out, keeping the view or not. */
  lastAddMove?(): AfterAddMove | null;
  /** Whether Cytoscape's bitmap of the scene at this zoom holds every element (scene-texture.ts). */
  sceneTextureComplete?(): boolean;
  /** Node labels drawn now: text, page-pixel box, on-screen font size. */
  drawnLabels?(): {
    id: string;
    text: string;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
    fontPx: number;
  }[];
  /** Ids of the edges whose text is drawn now. */
  drawnEdgeLabels?(): string[];
  /** Edge texts drawn now: text and page-pixel box (the bounds of the text rotated along its edge). */
  drawnEdgeLabelBoxes?(): { id: string; text: string; x1: number; y1: number; x2: number; y2: number }[];
  /** Node bodies drawn now, as page-pixel boxes without labels. */
  nodeBoxes?(): { id: string; x1: number; y1: number; x2: number; y2: number }[];
}

/** Read access to the cooperation view's canvas. */
export interface CooperationCanvasHooks {
  nodeIds(): string[];
  /** Each drawn pair edge with the weight it is drawn with, its label text ('' when none) and its width in model px. */
  edges(): { id: string; source: string; target: string; weight: number; label: string; width: number }[];
  classesOf(id: string): string[];
  /** An edge's midpoint in page coordinates (for real clicks), or null. */
  edgeMidpoint(id: string): { x: number; y: number } | null;
  /** A node's centre in page coordinates, or null. */
  screenPosition(id: string): { x: number; y: number } | null;
  /** Node labels drawn now on the view's canvas, as the explorer's `drawnLabels`. */
  drawnLabels(): { id: string; text: string; x1: number; y1: number; x2: number; y2: number }[];
  whenIdle(): Promise<void>;
}

declare global {
  interface Window {
    __explorer?: ExplorerTestHooks;
  }
}

/** Publishes the hooks on `window.__explorer`. */
export function installTestHooks(hooks: ExplorerTestHooks): void {
  window.__explorer = Object.freeze({ ...hooks });
}
