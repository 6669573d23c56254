// What the analytics panel lets the user choose, and how a node's measure maps to a size or colour class.
import type { Measure, SceneMetrics } from './scene-metrics';

/** The user's analytics choices; plain JSON, so a workspace can store it. */
export interface AnalyticsSettings {
  /** The measure that sizes nodes, or 'none' to keep each kind's own size. */
  sizeBy: Measure | 'none';
  /** Colour nodes by Louvain community instead of by kind. */
  communities: boolean;
}

/** Nothing sized, colours by kind: the canvas as it was before analytics. */
export function defaultAnalytics(): AnalyticsSettings {
  return { sizeBy: 'none', communities: false };
}

/** Size steps: enough to tell a broker from a leaf at a glance, few enough for one stylesheet rule each. */
export const SIZE_STEPS = 12;
/** Distinct community colours; communities past these share a neutral grey. */
export const COMMUNITY_COLOURS: readonly string[] = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/**
 * The size class of a node: `size-0` (smallest) .. `size-11` (the maximum). The square root
 * maps the measure to area rather than diameter, so one hub does not dwarf everything else.
 */
export function sizeClass(value: number | undefined, max: number): string | null {
  if (value === undefined || !(max > 0)) return null;
  const step = Math.round(Math.sqrt(Math.max(0, value) / max) * (SIZE_STEPS - 1));
  return `size-${Math.min(SIZE_STEPS - 1, step)}`;
}

/** The colour class of a community index: `community-0` .. `community-9`, then `community-other`. */
export function communityClass(index: number | undefined): string | null {
  if (index === undefined) return null;
  return index < COMMUNITY_COLOURS.length ? `community-${index}` : 'community-other';
}

/** The analytics classes of node `id` under `settings`. */
export function analyticsClasses(
  id: string,
  settings: AnalyticsSettings,
  metrics: SceneMetrics | null,
): string[] {
  if (!metrics) return [];
  const classes: string[] = [];
  if (settings.sizeBy !== 'none') {
    const size = sizeClass(metrics.values[settings.sizeBy][id], metrics.max[settings.sizeBy]);
    if (size) classes.push('sized', size);
  }
  if (settings.communities) {
    const colour = communityClass(metrics.community[id]);
    if (colour) classes.push(colour);
  }
  return classes;
}

/** How each measure is named in the panel. */
export const MEASURE_LABELS: Readonly<Record<Measure, string>> = {
  degree: 'Degree',
  betweenness: 'Betweenness',
  pagerank: 'PageRank',
};
