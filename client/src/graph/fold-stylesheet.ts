// Stylesheet rules for what folding draws: a hub's count badge, a community's summary node, aggregated edges.
import type cytoscape from 'cytoscape';
import { defaultMeasure, LABEL_BASE_FONT_PX } from './label-text';

/** Badge and summary colours; the badge reads as a count on its hub, the summary as a stack of nodes. */
const FOLD_COLOURS = { badge: '#334155', group: '#64748b', ring: '#cbd5e1', text: '#ffffff' } as const;

/** A badge's width for its count: the text at the badge's 13 px bold (the base font's measure, scaled), 6 px each side. */
function badgeWidth(text: string): number {
  return Math.ceil(defaultMeasure()(text) * (BADGE_FONT_PX / LABEL_BASE_FONT_PX) * BOLD_WIDTH) + 12;
}
const BADGE_FONT_PX = 13;
/** How much wider bold digits are than regular ones (Inter, DejaVu Sans: 5-9%), rounded up. */
const BOLD_WIDTH = 1.1;

/**
 * Placed last (after the level-of-detail rules too): a badge's count is its body, so it is always written, whether
 * the label pass hid the badge's label or the zoom hides names, centred and at a fixed size.
 */
export function foldRules(): cytoscape.StylesheetStyle[] {
  return [
    {
      selector: 'node.fold-badge',
      style: {
        shape: 'round-rectangle',
        label: 'data(label)',
        // Its count's width and 6 px each side. Not `width: 'label'` (deprecated in Cytoscape 3.16): that width
        // is 0 until a renderer has measured the text, so an export stage, which never draws on screen, took the
        // badge for invisible and left it out of the image.
        width: (n: cytoscape.NodeSingular) => badgeWidth(String(n.data('label') ?? '')),
        height: 22,
        'background-color': FOLD_COLOURS.badge,
        'border-color': FOLD_COLOURS.text,
        'border-width': 1.5,
        color: FOLD_COLOURS.text,
        'font-size': BADGE_FONT_PX,
        'font-weight': 'bold',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-margin-y': 0,
        // The count sits inside the badge, whatever place the label pass gave the badge's label.
        'text-margin-x': 0,
        'text-background-opacity': 0,
        'text-opacity': 1,
        'min-zoomed-font-size': 0,
        'z-index': 20,
      },
    },
    {
      selector: 'node.fold-group',
      style: {
        shape: 'ellipse',
        width: 'mapData(count, 2, 200, 44, 96)',
        height: 'mapData(count, 2, 200, 44, 96)',
        'background-color': FOLD_COLOURS.group,
        'border-color': FOLD_COLOURS.ring,
        'border-width': 5,
        'border-style': 'double',
      },
    },
    {
      selector: 'edge.fold-edge',
      style: { width: 'mapData(count, 1, 50, 1.5, 7)', 'line-style': 'dashed', 'target-arrow-shape': 'none' },
    },
  ];
}
