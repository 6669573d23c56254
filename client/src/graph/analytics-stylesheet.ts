// Stylesheet rules for analytics (size steps, community colours) and filters (hidden, faded context).
import type cytoscape from 'cytoscape';
import { COMMUNITY_COLOURS, SIZE_STEPS } from '../features/analytics/analytics-settings';

/** Node diameters for the smallest and largest size step, in model pixels (kinds draw 30-44). */
const MIN_SIZE = 18;
const MAX_SIZE = 86;
/** Communities past the palette: a neutral grey that reads as "small group". */
const OTHER_COMMUNITY = '#c9ced6';

/** Size steps and community colours; placed after the kind rules so they override them. */
export function analyticsRules(): cytoscape.StylesheetStyle[] {
  const sizes = Array.from({ length: SIZE_STEPS }, (_, i) => {
    const size = Math.round(MIN_SIZE + ((MAX_SIZE - MIN_SIZE) * i) / (SIZE_STEPS - 1));
    return { selector: `node.sized.size-${i}`, style: { width: size, height: size } };
  });
  const colours = COMMUNITY_COLOURS.map((colour, i) => ({
    selector: `node.community-${i}`,
    style: { 'background-color': colour },
  }));
  return [
    ...sizes,
    ...colours,
    { selector: 'node.community-other', style: { 'background-color': OTHER_COMMUNITY } },
  ];
}

/** Filtered elements leave the drawing (they stay in the scene); context nodes are drawn faded. Last, so they win. */
export function filterRules(): cytoscape.StylesheetStyle[] {
  return [
    { selector: 'node.filter-context', style: { opacity: 0.35 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}
