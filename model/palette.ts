// The one palette: colour, shape and size per kind (from KINDS) plus the look of nodes of no kind and of
// relationships. The canvas stylesheet, the legend, exported images and the briefing figure all draw from it.
import { KINDS, NODE_KINDS, type DisplayKind, type KindStyle } from './kinds.js';

/** How a node of no kind (a bare Actor, a label outside the model) is drawn. */
export const OTHER_STYLE: KindStyle = { colour: '#9aa3ad', shape: 'ellipse', size: 30 };

/** How each kind is drawn, 'Other' included. */
export const KIND_STYLES: Readonly<Record<DisplayKind, KindStyle>> = {
  ...(Object.fromEntries(NODE_KINDS.map((k) => [k, KINDS[k].style])) as Record<
    Exclude<DisplayKind, 'Other'>,
    KindStyle
  >),
  Other: OTHER_STYLE,
};

/** How relationships are drawn: a muted line, and disputed claims dashed in burnt orange. */
export const EDGE_STYLE = {
  colour: '#a3adb8',
  disputedColour: '#c2410c',
  /** Dash and gap lengths of a disputed relationship's line, in pixels. */
  disputedDash: [6, 4],
} as const;
