// Stylesheet rules for what folding draws: a hub's count badge, a community's summary node, aggregated edges.
import type cytoscape from 'cytoscape';

/** Badge and summary colours; the badge reads as a count on its hub, the summary as a stack of nodes. */
const FOLD_COLOURS = { badge: '#334155', group: '#64748b', ring: '#cbd5e1', text: '#ffffff' } as const;

/**
 * Placed after the kind rules and the label-hiding rule: a badge's count is its body, so it is always
 * written (the label pass never hides it), centred and at a fixed size.
 */
export function foldRules(): cytoscape.StylesheetStyle[] {
  return [
    {
      selector: 'node.fold-badge',
      style: {
        shape: 'round-rectangle',
        width: 'label',
        height: 22,
        'padding-left': '6px',
        'padding-right': '6px',
        'background-color': FOLD_COLOURS.badge,
        'border-color': FOLD_COLOURS.text,
        'border-width': 1.5,
        color: FOLD_COLOURS.text,
        'font-size': 13,
        'font-weight': 'bold',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-margin-y': 0,
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
