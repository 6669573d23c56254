// Level of detail: which drawing levers a scene gets, and when a scene counts as large.
// The levers and the thresholds come from `npm run bench:client` (see bench/results): the client
// benchmark imports this module, so what it measures is what users get.
import type cytoscape from 'cytoscape';
import { LABEL_HIDDEN_CLASS, MIN_LABEL_SCREEN_PX } from './label-rules.js';

/** Every lever the benchmark measures one by one; fast mode turns on the ones in FAST_LEVERS. */
export interface LodLevers {
  /** Draw no edges while the view pans or zooms (they come back when it stops). */
  hideEdgesOnViewport: boolean;
  /** Pan and zoom a snapshot of the scene instead of redrawing it each frame. */
  textureOnViewport: boolean;
  /** Cytoscape's motion blur while the view moves. */
  motionBlur: boolean;
  /** Draw at one canvas pixel per CSS pixel (no effect on a screen whose device pixel ratio is 1). */
  pixelRatio1: boolean;
  /** Node labels only once drawn large enough to read, edge labels never (except on the selection and paths). */
  labelsByZoom: boolean;
  /** Straight "haystack" edges without arrows (except on the selection and paths). */
  cheapEdges: boolean;
}

/** Lever names in report order. */
export const LEVER_NAMES: readonly (keyof LodLevers)[] = [
  'hideEdgesOnViewport',
  'textureOnViewport',
  'motionBlur',
  'pixelRatio1',
  'labelsByZoom',
  'cheapEdges',
];

/** Full detail: every lever off. */
export const FULL_DETAIL: Readonly<LodLevers> = {
  hideEdgesOnViewport: false,
  textureOnViewport: false,
  motionBlur: false,
  pixelRatio1: false,
  labelsByZoom: false,
  cheapEdges: false,
};

/**
 * Fast mode: the levers that paid off in the benchmark. While the view moves, Cytoscape pans and zooms one
 * bitmap of the scene taken when the gesture starts (edges and all; what lies beyond it shows blank until the
 * view rests): 52 frames/s at 10k against 16 with edges hidden (2026-12-04, load 7). Hiding edges is off, as it
 * would also leave them out of that bitmap; motion blur cost frames on software rendering.
 */
export const FAST_LEVERS: Readonly<LodLevers> = {
  hideEdgesOnViewport: false,
  textureOnViewport: true,
  motionBlur: false,
  pixelRatio1: true,
  labelsByZoom: true,
  cheapEdges: true,
};

/** Scenes of at least this many elements (nodes plus edges) switch to fast mode unless the user chose otherwise. */
export const FAST_MODE_THRESHOLD = 3000;

/**
 * Scenes above this many elements lay out in the layout worker (fcose takes seconds there) and place
 * expansions by rings alone: an incremental fcose over thousands of fixed nodes would freeze the page.
 */
export const LARGE_LAYOUT_ELEMENTS = 2000;

/** Notice code of the automatic switch to fast drawing and back (tests find the notice by it). */
export const FAST_DRAWING_CODE = 'FAST_DRAWING';

/** Human names of the fast levers, for the notice that says what changed. */
export const FAST_MODE_SUMMARY =
  'a still image of the scene while the view moves, plain edges without arrows, labels only when zoomed in';

/** Renderer options for Cytoscape's constructor. */
export function rendererOptions(
  levers: Readonly<LodLevers>,
): Pick<
  cytoscape.CytoscapeOptions,
  'hideEdgesOnViewport' | 'textureOnViewport' | 'motionBlur' | 'pixelRatio'
> {
  return {
    hideEdgesOnViewport: levers.hideEdgesOnViewport,
    textureOnViewport: levers.textureOnViewport,
    motionBlur: levers.motionBlur,
    pixelRatio: levers.pixelRatio1 ? 1 : 'auto',
  };
}

/** The renderer fields Cytoscape reads its options into (read on every frame, so they can change live). */
interface CanvasRendererFields {
  hideEdgesOnViewport: boolean;
  textureOnViewport: boolean;
  motionBlurEnabled: boolean;
  motionBlur: boolean;
  forcedPixelRatio: number | null;
}

/**
 * Switches the renderer levers of a running canvas. Cytoscape only takes them at construction, but
 * reads them on every frame from the renderer (see BRp.init in cytoscape's renderer), so they are
 * set there; `cy.resize()` then re-sizes the canvas for a changed pixel ratio.
 */
export function applyRendererLevers(cy: cytoscape.Core, levers: Readonly<LodLevers>): void {
  const r = (cy as unknown as { renderer(): CanvasRendererFields | undefined }).renderer();
  if (!r) return;
  r.hideEdgesOnViewport = levers.hideEdgesOnViewport;
  r.textureOnViewport = levers.textureOnViewport;
  r.motionBlurEnabled = levers.motionBlur;
  r.motionBlur = levers.motionBlur;
  r.forcedPixelRatio = levers.pixelRatio1 ? 1 : null;
  cy.resize();
}

/** Elements that keep full detail in fast mode: what the user is looking at. */
const FOCUS_NODES = 'node.selected, node.path, node.neighbour';
export const FOCUS_EDGES = 'edge.selected, edge.path, edge.incident';

/**
 * Stylesheet rules the style levers add after the project's stylesheet (later rules win). `labelsOn` is
 * false when the zoom is too far out for any readable label (see label-rules.ts).
 */
export function lodStyleRules(levers: Readonly<LodLevers>, labelsOn = true): cytoscape.StylesheetStyle[] {
  const rules: cytoscape.StylesheetStyle[] = [];
  if (levers.labelsByZoom) {
    rules.push(
      // Labels of 12px appear from zoom 1.2 on; their background box is not drawn at all, and lines are
      // never re-measured against a width (labels arrive wrapped; trimming measures the text again and
      // again: the bulk of a large scene's first paint).
      {
        selector: 'node',
        style: {
          'min-zoomed-font-size': 14,
          'text-background-opacity': 0,
          'text-wrap': 'wrap',
          'text-max-width': '1000px',
        },
      },
      { selector: 'edge', style: { label: '' } },
      // A label a pass hid (or not yet shown: nodes enter fast mode hidden, label-pass.ts) has no text at all:
      // Cytoscape measures every label for the node's bounds and caches a bitmap of it, drawn or not.
      { selector: `node.${LABEL_HIDDEN_CLASS}`, style: { label: '' } },
      {
        selector: FOCUS_NODES,
        style: { 'min-zoomed-font-size': MIN_LABEL_SCREEN_PX, 'text-background-opacity': 0.75 },
      },
      { selector: FOCUS_EDGES, style: { label: labelsOn ? 'data(type)' : '' } },
    );
  }
  if (levers.cheapEdges) {
    rules.push(
      {
        selector: 'edge',
        style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none' },
      },
      { selector: FOCUS_EDGES, style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
    );
  }
  return rules;
}

/** Whether fast mode is on: the user's choice, or the scene's size when left on auto. */
export function fastModeOn(mode: DrawMode, elements: number): boolean {
  return mode === 'fast' || (mode === 'auto' && elements >= FAST_MODE_THRESHOLD);
}

/** The user's drawing choice: automatic by scene size, or forced either way. */
export type DrawMode = 'auto' | 'fast' | 'full';
