// Where the camera goes after nodes are added (an expansion, a path, a search pick): the newcomers and the nodes
// they hang off must be on screen, and what the user was looking at should stay there when that costs little.
//
// Centring on the newcomers, as the canvas did, threw the rest of the view off screen even when a small zoom out
// would have kept it: expanding a node at the edge of a fitted scene pushed a third of the scene out. So, in order:
// no move when the newcomers are already in view; the smallest pan that brings in the newcomers together with what
// was on screen, when they fit at this zoom; a zoom out to frame both, when it keeps at least KEEP_CONTEXT_ZOOM of
// the zoom; otherwise the smallest pan that brings in the newcomers alone, or a zoom out to frame them alone.
// Pure (model boxes in, a camera out): tests/client/camera-after-add.test.ts.

import { unionBox, type Box } from './label-rules.js';

/** A box in model coordinates. */
export type ModelBox = Box;

export interface Camera {
  zoom: number;
  pan: { x: number; y: number };
}

/** The least share of the zoom a move may give up to keep what was on screen in view. */
export const KEEP_CONTEXT_ZOOM = 0.6;

export interface AfterAddInput {
  /** The newcomers and the nodes they hang off. */
  added: ModelBox;
  /** The nodes that were on screen before the addition (not counting the newcomers), or null. */
  seen: ModelBox | null;
  camera: Camera;
  /** The canvas in screen pixels. */
  width: number;
  height: number;
  /** Screen pixels kept clear at each side. */
  padding: number;
  /** The canvas's least zoom (a frame never goes below it). */
  minZoom?: number;
}

/** What kind of move was chosen (the browser test reads it). */
export type AfterAddMove = 'none' | 'pan-both' | 'zoom-both' | 'pan-added' | 'zoom-added';

/** The highest zoom at which `box` fits the canvas inside its padding. */
function zoomToFit(box: ModelBox, width: number, height: number, padding: number): number {
  const zx = (width - 2 * padding) / Math.max(box.x2 - box.x1, 1e-9);
  const zy = (height - 2 * padding) / Math.max(box.y2 - box.y1, 1e-9);
  return Math.min(zx, zy);
}

/** True when `box` is drawn inside the canvas's padding with `camera`. */
export function inView(
  box: ModelBox,
  camera: Camera,
  width: number,
  height: number,
  padding: number,
): boolean {
  const { zoom, pan } = camera;
  return (
    box.x1 * zoom + pan.x >= padding - 0.5 &&
    box.x2 * zoom + pan.x <= width - padding + 0.5 &&
    box.y1 * zoom + pan.y >= padding - 0.5 &&
    box.y2 * zoom + pan.y <= height - padding + 0.5
  );
}

/** The pan nearest `pan` along one axis that draws [lo, hi] inside [padding, size - padding] at `zoom`. */
function nearestPan(
  pan: number,
  lo: number,
  hi: number,
  zoom: number,
  size: number,
  padding: number,
): number {
  const least = padding - lo * zoom; // the box's low side at the padding
  const most = size - padding - hi * zoom; // its high side at the far padding
  if (least > most) return (least + most) / 2; // wider than the canvas: centred
  return Math.min(most, Math.max(least, pan));
}

function panTo(box: ModelBox, camera: Camera, width: number, height: number, padding: number): Camera {
  const { zoom, pan } = camera;
  return {
    zoom,
    pan: {
      x: nearestPan(pan.x, box.x1, box.x2, zoom, width, padding),
      y: nearestPan(pan.y, box.y1, box.y2, zoom, height, padding),
    },
  };
}

function frame(box: ModelBox, zoom: number, width: number, height: number): Camera {
  return {
    zoom,
    pan: { x: width / 2 - ((box.x1 + box.x2) / 2) * zoom, y: height / 2 - ((box.y1 + box.y2) / 2) * zoom },
  };
}

export function cameraAfterAdd(input: AfterAddInput): { move: AfterAddMove; camera: Camera } {
  const { added, seen, camera, width, height, padding, minZoom = 0 } = input;
  if (inView(added, camera, width, height, padding)) return { move: 'none', camera };
  if (seen) {
    const both = unionBox(added, seen);
    const bothZoom = zoomToFit(both, width, height, padding);
    if (bothZoom >= camera.zoom)
      return { move: 'pan-both', camera: panTo(both, camera, width, height, padding) };
    if (bothZoom >= camera.zoom * KEEP_CONTEXT_ZOOM && bothZoom >= minZoom)
      return { move: 'zoom-both', camera: frame(both, bothZoom, width, height) };
  }
  const addedZoom = zoomToFit(added, width, height, padding);
  if (addedZoom >= camera.zoom)
    return { move: 'pan-added', camera: panTo(added, camera, width, height, padding) };
  return { move: 'zoom-added', camera: frame(added, Math.max(addedZoom, minZoom), width, height) };
}
