// One label pass (font step for the zoom, then which labels win), and when passes run: once the view rests.
// The graph view and the client benchmark's project canvas share both, so the benchmark draws what users see.
import type cytoscape from 'cytoscape';
import { canvasStylesheet } from './canvas-options';
import { FAST_FONT_STEPS, applyLabelRules, labelFontFor, placeLabelsNow } from './label-rules';
import type { LodLevers } from './level-of-detail';

/**
 * Quiet time after the last viewport change (or add, remove, layout, drag) before labels are decided again.
 * A pass toggles label classes, which invalidates Cytoscape's cached bitmaps of those nodes and keeps it from
 * using its layered scene texture for 250 ms: run during a pan, it made every frame of the pan a full redraw.
 */
export const LABEL_REST_MS = 120;

/**
 * Picks the model font for the zoom (restyling only when it steps; `labelsByZoom` keeps one step) and hides
 * the labels that would collide or repeat on screen. Returns the font now drawn (null: labels off).
 */
export function runLabelPass(
  cy: cytoscape.Core,
  levers: Readonly<LodLevers>,
  current: number | null,
): number | null {
  const font = labelFontFor(cy.zoom(), levers.labelsByZoom ? FAST_FONT_STEPS : undefined);
  if (font !== current) {
    cy.style(canvasStylesheet(levers, font));
    // The new sheet moves every label (its size follows the font): have Cytoscape place them all again now, as
    // after a class change (placeLabelsNow says why).
    placeLabelsNow(cy, cy.nodes());
  }
  // Fast mode keeps every label in its place below (its stylesheet has no rules for the others).
  applyLabelRules(cy, font, 'on-screen', !levers.labelsByZoom);
  return font;
}

/**
 * A debounced runner: `schedule` runs `pass` once nothing has asked for LABEL_REST_MS; `flush` runs it now;
 * `flushPending` runs it now only if one is waiting (so "idle" means labels decided too).
 */
export function restScheduler(pass: () => void): { schedule(): void; flush(): void; flushPending(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    pass();
  };
  return {
    schedule: () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, LABEL_REST_MS);
    },
    flush,
    flushPending: () => {
      if (timer) flush();
    },
  };
}
