// One label pass (font step for the zoom, then which labels win), and when passes run: once the view rests.
// The graph view and the client benchmark's project canvas share both, so the benchmark draws what users see.
import type cytoscape from 'cytoscape';
import { canvasStylesheet } from './canvas-options';
import {
  FAST_FONT_STEPS,
  LABEL_HIDDEN_CLASS,
  applyLabelRules,
  labelFontFor,
  placeLabelsNow,
} from './label-rules';
import { LABEL_BASE_FONT_PX } from './label-text';
import type { LodLevers } from './level-of-detail';
import type { LiveFont } from './graph-stylesheet';

/**
 * Quiet time after the last viewport change (or add, remove, layout, drag) before labels are decided again.
 * A pass toggles label classes, which invalidates Cytoscape's cached bitmaps of those nodes and keeps it from
 * using its layered scene texture for 250 ms: run during a pan, it made every frame of the pan a full redraw.
 */
export const LABEL_REST_MS = 120;

/** Canvases whose stylesheet reads its label font from a LiveFont (setCanvasStyle). */
const liveFonts = new WeakMap<cytoscape.Core, LiveFont>();

/**
 * Gives `cy` the stylesheet for `levers` with labels at `font` (sheetFontFor). In full detail the stylesheet reads the
 * font from a LiveFont, so a label pass that steps the font restyles the elements instead of replacing the sheet
 * (graph-stylesheet's LiveFont says why). Fast mode keeps one font at every zoom, and a fixed sheet.
 */
export function setCanvasStyle(cy: cytoscape.Core, levers: Readonly<LodLevers>, font: number | null): void {
  if (levers.labelsByZoom) {
    liveFonts.delete(cy);
    cy.style(canvasStylesheet(levers, font));
    return;
  }
  const live: LiveFont = { current: font };
  liveFonts.set(cy, live);
  cy.style(canvasStylesheet(levers, live));
}

/**
 * The font the stylesheet draws labels at for `zoom` (null: no label text at all). Fast mode's sheet keeps its one
 * font at every zoom: a sheet without labels restyled every element of a large scene each time the zoom crossed
 * the point where names become legible (the 10k bench scene's first paint, since spread drafts are fitted at zoom
 * 0.2-0.3). There, labels too small to read are hidden by class instead, which draws no text (level-of-detail.ts).
 */
export function sheetFontFor(zoom: number, levers: Readonly<LodLevers>): number | null {
  return levers.labelsByZoom ? LABEL_BASE_FONT_PX : labelFontFor(zoom);
}

/**
 * The class a node enters the canvas with: in fast mode its label starts hidden, so Cytoscape neither measures
 * nor draws a text that a label pass would hide anyway (most of a large scene's, at Fit); the pass before the
 * first frame shows the ones that win. Other modes start with no class: their passes show most labels.
 */
export function enteringLabelClass(levers: Readonly<LodLevers>): string {
  return levers.labelsByZoom ? LABEL_HIDDEN_CLASS : '';
}

/**
 * Picks the model font for the zoom (restyling only when it steps; `labelsByZoom` keeps one step) and hides
 * the labels that would collide or repeat on screen. `current` is the sheet's font (sheetFontFor); returns the
 * sheet's font after the pass.
 */
export function runLabelPass(
  cy: cytoscape.Core,
  levers: Readonly<LodLevers>,
  current: number | null,
): number | null {
  const font = labelFontFor(cy.zoom(), levers.labelsByZoom ? FAST_FONT_STEPS : undefined);
  const sheet = sheetFontFor(cy.zoom(), levers);
  if (sheet !== current) {
    const live = liveFonts.get(cy);
    if (live) {
      // Cytoscape re-reads a function's value at a restyle and applies only what changed: the labels' font and
      // width, on the nodes and the edges that have text; the other edges only match their rules again.
      live.current = sheet;
      cy.style().update();
    } else cy.style(canvasStylesheet(levers, sheet));
    // The new font moves every label (its size follows the font): have Cytoscape place them all again now, as
    // after a class change (placeLabelsNow says why).
    placeLabelsNow(cy, cy.nodes());
  }
  if (font === null && sheet !== null) {
    // Fast mode zoomed out past legible names: every label hidden. Only those a pass showed change (a screenful).
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        if (!n.hasClass(LABEL_HIDDEN_CLASS)) n.addClass(LABEL_HIDDEN_CLASS);
      });
    });
    return sheet;
  }
  // Fast mode keeps every label in its place below (its stylesheet has no rules for the others).
  applyLabelRules(cy, font, 'on-screen', !levers.labelsByZoom);
  return sheet;
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
