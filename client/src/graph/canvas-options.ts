// The explorer canvas's Cytoscape options and stylesheet for a set of level-of-detail levers.
// The graph view builds its canvas from these, and so does the client benchmark's "project" run.
import type cytoscape from 'cytoscape';
import { foldRules } from './fold-stylesheet';
import { graphStylesheet, type LiveFont } from './graph-stylesheet';
import { LABEL_BASE_FONT_PX } from './label-text';
import { lodStyleRules, rendererOptions, type LodLevers } from './level-of-detail';

/** Zoom bounds: beyond these the graph is either a dot or one node's label. */
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
/** A layout's fit magnifies a scene no further than this: two or three nodes would otherwise fill the canvas with 4× labels. */
export const FIT_MAX_ZOOM = 1.6;

/**
 * The stylesheet with the style levers' rules after it, then folding's: a badge's count is its body, so it is written
 * whatever the levers do to labels (fast mode hides a label by emptying it, and draws none under 14 px); `font` as
 * in graphStylesheet.
 */
export function canvasStylesheet(
  levers: Readonly<LodLevers>,
  font: number | null | LiveFont = LABEL_BASE_FONT_PX,
): cytoscape.StylesheetStyle[] {
  const labelsOn = font !== null && (typeof font === 'number' || font.current !== null);
  return [
    ...graphStylesheet(font, !levers.labelsByZoom, !levers.cheapEdges),
    ...lodStyleRules(levers, labelsOn),
    ...foldRules(),
  ];
}

/**
 * Constructor options of the explorer canvas (without container, elements and stylesheet: label-pass'
 * setCanvasStyle gives the canvas its stylesheet, live in full detail, so building one here was work thrown away).
 */
export function canvasOptions(levers: Readonly<LodLevers>): cytoscape.CytoscapeOptions {
  return {
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    // Selection lives in State and is drawn with the `selected` class, not Cytoscape's own.
    autounselectify: true,
    // Shift-drag draws a selection box (plain drag pans); the nodes inside are reported, not selected here.
    boxSelectionEnabled: true,
    selectionType: 'additive',
    ...rendererOptions(levers),
  };
}
