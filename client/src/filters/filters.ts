// The scene filters as plain JSON (label, relationship type, threat, disputed, confidence, time window, undated).

/** How disputed claims are treated: shown with the rest, hidden, or shown alone. */
export type DisputedMode = 'show' | 'hide' | 'only';

/** Confidence levels a claim can carry (kept in step with CONFIDENCE_LEVELS in server/src/schema.ts). */
export type ConfidenceLevel = 'confirmed' | 'reported' | 'speculative';
export const CONFIDENCE_OPTIONS: readonly ConfidenceLevel[] = ['confirmed', 'reported', 'speculative'];

/** A chosen threat with the ids it stands for: itself and all its sub-threats. */
export interface ThreatFilter { id: string; name: string; ids: string[] }

/** A time window, both ends inclusive, as ISO timestamps. */
export interface TimeWindow { from: string; to: string }

/**
 * Everything the filter panel and the timeline can set. Plain JSON (no Maps, Sets or Dates) so a
 * workspace can store it and the history can record each change as one step.
 */
export interface Filters {
  /** Nodes carrying any of these labels are hidden, with their relationships. */
  hiddenLabels: string[];
  /** Relationships of these types are hidden. */
  hiddenRelTypes: string[];
  threat: ThreatFilter | null;
  disputed: DisputedMode;
  /** Confidence levels shown; an element without a confidence is never hidden by this. */
  confidence: ConfidenceLevel[];
  /** The timeline's brush: dated elements outside it are hidden. */
  time: TimeWindow | null;
  /** Whether elements without any date are shown. */
  undated: 'shown' | 'hidden';
}

/** No filtering: what a new page and "Clear filters" start from. */
export function defaultFilters(): Filters {
  return {
    hiddenLabels: [],
    hiddenRelTypes: [],
    threat: null,
    disputed: 'show',
    confidence: [...CONFIDENCE_OPTIONS],
    time: null,
    undated: 'shown',
  };
}

/** True when `f` can hide anything. */
export function filtersActive(f: Filters): boolean {
  return f.hiddenLabels.length > 0 || f.hiddenRelTypes.length > 0 || f.threat !== null || f.disputed !== 'show'
    || CONFIDENCE_OPTIONS.some((c) => !f.confidence.includes(c)) || f.time !== null || f.undated !== 'shown';
}
