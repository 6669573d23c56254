// The canvas stylesheet: how each kind, flag and state class looks. Data is never restyled directly.
import type cytoscape from 'cytoscape';
import { EDGE_STYLE, KIND_STYLES, type DisplayKind } from '../../../model';
import { analyticsRules, filterRules } from './analytics-stylesheet';
import { BUNDLED_EDGE_CLASS } from './graph-elements';
import { kindClass } from './kind-class';
import {
  EDGE_LABEL_HIDDEN_CLASS,
  LABEL_HIDDEN_CLASS,
  LABEL_MARGIN_PX,
  LABEL_PLACE_CLASSES,
  MIN_LABEL_SCREEN_PX,
} from './label-rules';
import { LABEL_BASE_FONT_PX, LABEL_FONT_FAMILY, LABEL_WIDTH_PX } from './label-text';
import { FOCUS_EDGES } from './level-of-detail';

/** Accent colours; kept in step with the CSS variables in styles.css. */
const COLOURS = {
  text: '#1f2933',
  edge: EDGE_STYLE.colour,
  selected: '#1d4ed8',
  path: '#f08c00',
  disputed: EDGE_STYLE.disputedColour,
  border: '#ffffff',
  pinned: '#7c3aed',
  coop: '#0f766e',
} as const;

/** Cooperation edges get their full width at this weight (shared forums/agreements); heavier ones clamp. */
const COOP_WEIGHT_MAX = 10;

/** Arrow heads' size against Cytoscape's default for the edge's width. */
const ARROW_SCALE = 0.8;

/** Edges whose type is written on them: under the pointer, selected or at the selection, on a highlighted path. */
const EDGE_TYPE_SHOWN = 'edge.hover, edge.selected, edge.incident, edge.path';

/**
 * How an edge's text looks, on the edges that have one (EDGE_TYPE_SHOWN, cooperation weights). Set on every edge,
 * these eight properties were most of an edge's style work in a large scene (Cytoscape applies and hashes each
 * property an element has; the font family alone is 40 characters), for text that is not drawn.
 */
function edgeText(size: FontTerm<number>): cytoscape.Css.Edge {
  return {
    'font-size': size,
    // The nodes' font: label-rules measures edge texts with it.
    'font-family': LABEL_FONT_FAMILY,
    color: '#52606d',
    // Level text: a compact box at the edge's middle, which label-rules can keep clear of other labels
    // (text turned along a diagonal edge claims a box several times its size).
    'text-rotation': 'none',
    'text-background-color': '#ffffff',
    'text-background-opacity': 0.85,
    'text-background-padding': '1px',
    'min-zoomed-font-size': MIN_LABEL_SCREEN_PX,
  };
}

/**
 * The label font a canvas's stylesheet reads at each restyle, where the stylesheet was built on it: a font step then
 * changes this and restyles the elements (label-pass.ts) instead of replacing the stylesheet, which restyled every
 * element of the scene with all of Cytoscape's change triggers (about 200 ms of a 1k scene's first paint, where the
 * first label pass steps the font for the fitted zoom). null: no label text.
 */
export interface LiveFont {
  current: number | null;
}

/** A value of the stylesheet: fixed, or read per element from a live font at each restyle. */
type FontTerm<T> = T | ((ele: cytoscape.SingularElementArgument) => T);

/** The stylesheet's font-dependent values for a fixed font or a live one. */
function fontTerms(font: number | null | LiveFont): {
  size: FontTerm<number>;
  textMaxWidth: FontTerm<string>;
  nodeLabel: FontTerm<string>;
  edgeLabel: FontTerm<string>;
  coopLabel: FontTerm<string>;
} {
  const maxWidth = (size: number): string =>
    `${Math.ceil((LABEL_WIDTH_PX * size) / LABEL_BASE_FONT_PX) + 8}px`;
  if (font === null || typeof font === 'number') {
    const size = font ?? LABEL_BASE_FONT_PX;
    return {
      size,
      textMaxWidth: maxWidth(size),
      nodeLabel: font === null ? '' : 'data(label)',
      edgeLabel: font === null ? '' : 'data(type)',
      coopLabel: font === null ? '' : 'data(weight)',
    };
  }
  const live = font;
  const text = (field: string) => (ele: cytoscape.SingularElementArgument) =>
    live.current === null ? '' : String((ele.data(field) as unknown) ?? '');
  return {
    size: () => live.current ?? LABEL_BASE_FONT_PX,
    textMaxWidth: () => maxWidth(live.current ?? LABEL_BASE_FONT_PX),
    nodeLabel: text('label'),
    edgeLabel: text('type'),
    coopLabel: text('weight'),
  };
}

function kindRules(): cytoscape.StylesheetStyle[] {
  return (Object.keys(KIND_STYLES) as DisplayKind[]).map((kind) => {
    const k = KIND_STYLES[kind];
    return {
      selector: `node.${kindClass(kind)}`,
      style: { 'background-color': k.colour, shape: k.shape, width: k.size, height: k.size },
    };
  });
}

/**
 * The drawing order of a named node in full detail (an unnamed one: 0). Cytoscape draws a node's label with the node,
 * so a node drawn after it covers the part of the label that runs onto its body (label-rules keeps labels off other
 * nodes' cores and moves them off whole bodies where a place is free, but a dense scene has none for some). Drawn above
 * the unnamed nodes, a name stays whole over them. Fast mode leaves the order alone: there a label pass would re-sort
 * a large scene's drawing order.
 */
const NAMED_NODE_Z = 1;

/**
 * The full stylesheet but what folding draws (fold-stylesheet, which its callers put last); later rules win, so
 * state classes come after kinds and flags. `font` is the model font size labels are drawn at (label-rules picks it
 * per zoom so text is at least 10 px on screen); null hides every label (zoomed out too far to read any).
 * `labelMoves` adds the rules that draw a label above, right or left of its node or at a corner (label-rules'
 * places); fast mode leaves them out, as its label passes move none: more rules to match against every element cost
 * a large scene's first paint and expansions. `arrowsEverywhere` false leaves the arrow's colour and scale off the
 * plain edge rule, and the bundled edges' rule out: fast mode draws arrows and curves on the focus edges alone
 * (level-of-detail's cheap edges), whose own rules give them.
 */
export function graphStylesheet(
  font: number | null | LiveFont = LABEL_BASE_FONT_PX,
  labelMoves = true,
  arrowsEverywhere = true,
): cytoscape.StylesheetStyle[] {
  const { size, textMaxWidth, nodeLabel, edgeLabel, coopLabel } = fontTerms(font);
  return [
    {
      selector: 'node',
      style: {
        // Wrapped to two lines by label-text.ts; the width only needs to hold those lines at this size.
        label: nodeLabel,
        color: COLOURS.text,
        'font-size': size,
        'font-family': LABEL_FONT_FAMILY,
        'text-valign': 'bottom',
        'text-margin-y': LABEL_MARGIN_PX,
        'text-wrap': 'wrap',
        'text-max-width': textMaxWidth,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        // A backstop only: Cytoscape compares against a zoom rounded up to a power of two.
        'min-zoomed-font-size': MIN_LABEL_SCREEN_PX,
        'border-width': 1.5,
        'border-color': COLOURS.border,
        'overlay-opacity': 0,
        ...(labelMoves ? { 'z-index': NAMED_NODE_Z } : {}),
      },
    },
    ...kindRules(),
    ...analyticsRules(),
    // Before the state rules that raise a node further (path, selection), so those still win.
    ...(labelMoves ? [{ selector: `node.${LABEL_HIDDEN_CLASS}`, style: { 'z-index': 0 } }] : []),
    {
      selector: 'edge',
      style: {
        width: 1.5,
        // Straight unless another edge shares its nodes (BUNDLED_EDGE_CLASS): the same line, placed for less.
        'curve-style': 'straight',
        'line-color': COLOURS.edge,
        'target-arrow-shape': 'triangle',
        ...(arrowsEverywhere ? { 'target-arrow-color': COLOURS.edge, 'arrow-scale': ARROW_SCALE } : {}),
        // Edge types only where the user looks (EDGE_TYPE_SHOWN): on every edge they tangle the scene. So an
        // edge carries no label (Cytoscape's default) and no text style until it has one.
        'overlay-opacity': 0,
      },
    },
    // Curves apart for edges that share their nodes; not in fast mode (arrowsEverywhere false), whose rules set curves.
    ...(arrowsEverywhere
      ? [{ selector: `edge.${BUNDLED_EDGE_CLASS}`, style: { 'curve-style': 'bezier' as const } }]
      : []),
    // The arrows fast mode draws, at the focus: the rules of those edges' classes below give the colour.
    ...(arrowsEverywhere ? [] : [{ selector: FOCUS_EDGES, style: { 'arrow-scale': ARROW_SCALE } }]),
    { selector: EDGE_TYPE_SHOWN, style: { ...edgeText(size), label: edgeLabel, 'z-index': 15 } },
    {
      // Synthetic "cooperate on this threat" edges: undirected, width and label from the weight.
      selector: 'edge.coop',
      style: {
        ...edgeText(size),
        label: coopLabel,
        width: `mapData(weight, 1, ${COOP_WEIGHT_MAX}, 2, 12)`,
        'line-color': COLOURS.coop,
        'target-arrow-shape': 'none',
        'font-weight': 'bold',
        color: COLOURS.coop,
        'curve-style': 'straight',
      },
    },
    // A pair's number only where it says more than its width: above 1 (hovering any pair shows it in a tooltip).
    { selector: 'edge.coop[weight <= 1]', style: { label: '' } },
    { selector: 'node.conf-speculative', style: { 'background-opacity': 0.55 } },
    { selector: 'edge.conf-speculative', style: { 'line-style': 'dotted' } },
    {
      selector: 'node.truncated',
      style: { 'border-style': 'double', 'border-width': 5, 'border-color': '#475569' },
    },
    {
      selector: 'node.disputed',
      style: { 'border-style': 'dashed', 'border-width': 2.5, 'border-color': COLOURS.disputed },
    },
    {
      selector: 'edge.disputed',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': [...EDGE_STYLE.disputedDash],
        'line-color': COLOURS.disputed,
        'target-arrow-color': COLOURS.disputed,
      },
    },
    { selector: 'node.neighbour', style: { 'border-color': COLOURS.selected, 'border-width': 2 } },
    {
      selector: 'edge.incident',
      style: {
        width: 2.5,
        'line-color': COLOURS.selected,
        'target-arrow-color': COLOURS.selected,
        'z-index': 5,
      },
    },
    {
      selector: 'edge.path',
      style: {
        width: 4,
        'line-color': COLOURS.path,
        'target-arrow-color': COLOURS.path,
        'z-index': 10,
      },
    },
    { selector: 'node.path', style: { 'border-color': COLOURS.path, 'border-width': 4, 'z-index': 10 } },
    // Pinned: a violet ring outside the border, so it shows alongside selection and flags.
    {
      selector: 'node.pinned',
      style: {
        'outline-width': 3,
        'outline-color': COLOURS.pinned,
        'outline-offset': 2,
        'outline-opacity': 1,
      },
    },
    { selector: 'node.dimmed', style: { opacity: 0.2 } },
    // A dimmed edge (off the highlighted path) keeps no text: faint type names around a path are clutter.
    { selector: 'edge.dimmed', style: { opacity: 0.12, 'text-opacity': 0, 'text-background-opacity': 0 } },
    {
      selector: 'node.selected',
      style: {
        'border-color': COLOURS.selected,
        'border-width': 3.5,
        'border-style': 'solid',
        'underlay-color': COLOURS.selected,
        'underlay-opacity': 0.18,
        'underlay-padding': 8,
        'underlay-shape': 'ellipse',
        'font-weight': 'bold',
        'z-index': 20,
      },
    },
    {
      selector: 'edge.selected',
      style: {
        width: 4,
        'line-color': COLOURS.selected,
        'target-arrow-color': COLOURS.selected,
        'font-weight': 'bold',
        'z-index': 20,
      },
    },
    // A selected cooperation edge, or one at a selected actor, keeps its weight's width.
    {
      selector: 'edge.coop.selected, edge.coop.incident',
      style: { width: `mapData(weight, 1, ${COOP_WEIGHT_MAX}, 3, 13)`, color: COLOURS.selected },
    },
    ...filterRules(),
    ...(labelMoves ? labelPlaceRules() : []),
    // Lost a collision on every side or a duplicate (label-rules.ts): not drawn at all, never drawn underneath.
    { selector: `node.${LABEL_HIDDEN_CLASS}`, style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    // An edge type text that would cover a node label or another edge's text; the pointer still brings it back.
    {
      selector: `edge.${EDGE_LABEL_HIDDEN_CLASS}`,
      style: { 'text-opacity': 0, 'text-background-opacity': 0 },
    },
    { selector: 'edge.hover', style: { 'text-opacity': 1, 'text-background-opacity': 0.85 } },
  ];
}

/**
 * A label whose place below was taken, drawn above, right or left of its node or at a corner of it instead
 * (label-rules.ts), as far from the body.
 */
function labelPlaceRules(): cytoscape.StylesheetStyle[] {
  return [
    {
      selector: `node.${LABEL_PLACE_CLASSES.above}`,
      style: { 'text-valign': 'top', 'text-margin-y': -LABEL_MARGIN_PX },
    },
    {
      selector: `node.${LABEL_PLACE_CLASSES.right}`,
      style: {
        'text-valign': 'center',
        'text-halign': 'right',
        'text-justification': 'left',
        'text-margin-y': 0,
        'text-margin-x': LABEL_MARGIN_PX,
      },
    },
    {
      selector: `node.${LABEL_PLACE_CLASSES.left}`,
      style: {
        'text-valign': 'center',
        'text-halign': 'left',
        'text-justification': 'right',
        'text-margin-y': 0,
        'text-margin-x': -LABEL_MARGIN_PX,
      },
    },
    ...(['below', 'above'] as const).flatMap((v) =>
      (['right', 'left'] as const).map((side) => ({
        selector: `node.${LABEL_PLACE_CLASSES[`${v}-${side}`]}`,
        style: {
          'text-valign': v === 'below' ? ('bottom' as const) : ('top' as const),
          'text-halign': side,
          'text-justification': side === 'right' ? ('left' as const) : ('right' as const),
          'text-margin-y': v === 'below' ? LABEL_MARGIN_PX : -LABEL_MARGIN_PX,
          'text-margin-x': 0,
        },
      })),
    ),
  ];
}
