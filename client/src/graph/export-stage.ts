// Off-screen rendering for image export: a throwaway Cytoscape instance holding a copy of what the view shows.
// graph-view.ts hands over element JSON and its camera (never its live `cy`), so exporting never disturbs the
// canvas the user sees, and the copy can drop filtered-out elements, non-selected ones and selection emphasis.
import cytoscape from 'cytoscape';
import svgExtension, { type SvgCore } from 'cytoscape-svg';
import type { Viewport } from '../state/state';
import { foldRules } from './fold-stylesheet';
import { graphStylesheet } from './graph-stylesheet';
import { EDGE_LABEL_HIDDEN_CLASS, LABEL_PASS_CLASSES, applyLabelRules, labelFontFor } from './label-rules';
import { joinLabelLines } from './svg-label-lines';

cytoscape.use(svgExtension);

/** What to draw: copies of elements, the live canvas's CSS size, and the camera (null: frame everything). */
export interface StageInput {
  elements: cytoscape.ElementDefinition[];
  /** The live canvas's size in CSS pixels (the image's size at scale 1 when framed as on screen). */
  width: number;
  height: number;
  /** The camera to copy, or null to draw every element at 1 model pixel per image pixel. */
  viewport: Viewport | null;
}

/**
 * Classes that mark the selection on screen (an exported figure shows the graph, not the pointer's focus),
 * and the screen's label choice, which the stage makes again for its own frame.
 */
const SELECTION_CLASSES: ReadonlySet<string> = new Set([
  'selected',
  'neighbour',
  'incident',
  'hover',
  ...LABEL_PASS_CLASSES,
  EDGE_LABEL_HIDDEN_CLASS,
]);

/**
 * Export-only rules: the label size already keeps text at 10 px or more in the frame (label-rules), so
 * Cytoscape's own size test (against a zoom rounded to a power of two) is not applied twice.
 */
const EXPORT_RULES: cytoscape.StylesheetStyle[] = [
  { selector: 'node', style: { 'min-zoomed-font-size': 0 } },
];

function withoutSelection(def: cytoscape.ElementDefinition): cytoscape.ElementDefinition {
  const raw = def.classes as string | string[] | undefined;
  const list = (Array.isArray(raw) ? raw : (raw ?? '').split(/\s+/)).filter(
    (c) => c && !SELECTION_CLASSES.has(c),
  );
  return { ...def, classes: list, selected: false };
}

/** Mounts a hidden stage, runs `draw` on it, and always tears it down. */
async function onStage<T>(input: StageInput, draw: (stage: cytoscape.Core) => T | Promise<T>): Promise<T> {
  const holder = document.createElement('div');
  holder.className = 'export-stage';
  holder.setAttribute('aria-hidden', 'true');
  holder.style.width = `${Math.max(1, Math.round(input.width))}px`;
  holder.style.height = `${Math.max(1, Math.round(input.height))}px`;
  document.body.append(holder);
  let stage: cytoscape.Core | null = null;
  // The same label rules as the screen, for the frame's zoom: 1 model pixel per image pixel for 'all'.
  const font = labelFontFor(input.viewport?.zoom ?? 1);
  try {
    stage = cytoscape({
      container: holder,
      elements: input.elements.map(withoutSelection),
      style: [...graphStylesheet(font), ...foldRules(), ...EXPORT_RULES],
      layout: { name: 'preset' },
      // One image pixel per CSS pixel times the chosen scale, whatever the screen's density.
      pixelRatio: 1,
      minZoom: 1e-3,
      maxZoom: 1e3,
      autoungrabify: true,
      autounselectify: true,
      userPanningEnabled: false,
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
    });
    if (input.viewport) stage.viewport({ zoom: input.viewport.zoom, pan: { ...input.viewport.pan } });
    else stage.viewport({ zoom: 1, pan: { x: 0, y: 0 } });
    // The screen's rules for the frame: labels that would collide or repeat are hidden, in a PNG and an SVG
    // alike (an SVG's labels overlapping at its own size are as unreadable as a PNG's).
    applyLabelRules(stage, font, input.viewport === null ? 'everywhere' : 'on-screen');
    return await draw(stage);
  } finally {
    stage?.destroy();
    holder.remove();
  }
}

/** Renders the elements as a PNG at `scale` image pixels per CSS pixel (transparent background). */
export function renderPng(input: StageInput, scale: number): Promise<Blob> {
  if (!input.elements.length) return Promise.reject(new Error('Nothing to draw: the image would be empty.'));
  return onStage(input, (stage) =>
    stage.png({ output: 'blob-promise', full: input.viewport === null, scale }),
  );
}

/** Renders the elements as an SVG document (vector shapes, one `<text>` per drawn label; transparent background). */
export function renderSvg(input: StageInput): Promise<string> {
  if (!input.elements.length) return Promise.reject(new Error('Nothing to draw: the image would be empty.'));
  return onStage(input, (stage) =>
    joinLabelLines((stage as SvgCore).svg({ full: input.viewport === null, scale: 1 })),
  );
}
