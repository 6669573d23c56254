// Keeps Cytoscape's layered scene texture ready for the next pan of a scene drawn in full detail.
//
// While the view moves, Cytoscape's canvas draws the scene from one bitmap per zoom level (its layered texture
// cache) once that bitmap holds every element; until then it redraws every element each frame. It builds the
// bitmap lazily: the first frame drawn 250 ms or more after the last change to any element queues it, and then
// idle animation frames (or 10-15% of each busy one) draw the elements into it. A change (a label pass's class
// toggles, a new stylesheet at a font step, an expansion, a selection) is followed by one frame right away, inside
// those 250 ms, which queues nothing; the next frame is usually the first of the user's next pan, so the bitmap was
// built during that pan, at a few elements per frame. With labels and arrows each element costs more to draw into
// it than stock Cytoscape's plain ones, so a 1k-element scene panned at 27-29 frames/s for the first two seconds
// (stock: 45-54) on this project's 2-core machine, 2026-12-07.
// Large scenes after a layout have it drawn in slices instead (scene-prepaint.ts).
import type cytoscape from 'cytoscape';
import { LAYER_SKIP_MS } from './scene-prepaint';

/** Events after which an element's cached bitmap is stale: style (classes included), membership and positions. */
const STALE_EVENTS = 'style add remove position';

/**
 * After any change, once Cytoscape would use its layered texture again, asks for one frame so the texture is queued
 * and built in idle frames before the user's next gesture. Cytoscape invalidates the changed elements' bitmaps in
 * the first frame it draws after the change (not at the change), so the wait runs from the last frame drawn while
 * a change was pending. `enabled` is read at that moment: fast mode pans one still image instead
 * (textureOnViewport) and would only pay for a second full frame. Returns a detach function.
 */
export function keepSceneTextureReady(cy: cytoscape.Core, enabled: () => boolean): () => void {
  const wait = LAYER_SKIP_MS + 50;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  // A class change on a thousand elements emits a thousand events, and a pan a frame each: each notes the time.
  let last = 0;
  const check = (): void => {
    const left = last + wait - performance.now();
    if (left > 0) {
      timer = setTimeout(check, left);
      return;
    }
    timer = null;
    pending = false;
    if (!cy.destroyed() && enabled()) cy.forceRender();
  };
  const arm = (): void => {
    last = performance.now();
    timer ??= setTimeout(check, wait);
  };
  const changed = (): void => {
    pending = true;
    arm();
  };
  const drawn = (): void => {
    if (pending) arm();
  };
  cy.on(STALE_EVENTS, changed);
  cy.on('render', drawn);
  changed();
  return () => {
    if (timer) clearTimeout(timer);
    timer = null;
    cy.off(STALE_EVENTS, changed);
    cy.off('render', drawn);
  };
}
