// The scene filters as plain JSON (label, relationship type, threat, disputed, confidence, time window, undated).
import { CONFIDENCE_LEVELS, type Confidence } from '../../../model';

/** How disputed claims are treated: shown with the rest, hidden, or shown alone. */
export type DisputedMode = 'show' | 'hide' | 'only';

/** A chosen threat with the ids it stands for: itself and all its sub-threats. */
export interface ThreatFilter {
  id: string;
  name: string;
  ids: string[];
}

/** A time window, both ends inclusive, as ISO timestamps. */
export interface TimeWindow {
  from: string;
  to: string;
}

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
  confidence: Confidence[];
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
    confidence: [...CONFIDENCE_LEVELS],
    time: null,
    undated: 'shown',
  };
}

/** True when `f` can hide anything. */
export function filtersActive(f: Filters): boolean {
  return (
    f.hiddenLabels.length > 0 ||
    f.hiddenRelTypes.length > 0 ||
    f.threat !== null ||
    f.disputed !== 'show' ||
    CONFIDENCE_LEVELS.some((c) => !f.confidence.includes(c)) ||
    f.time !== null ||
    f.undated !== 'shown'
  );
}

const listChange = (what: string, before: readonly string[], after: readonly string[]): string | null => {
  const hidden = after.filter((x) => !before.includes(x));
  const shown = before.filter((x) => !after.includes(x));
  if (hidden.length) return `hide ${what} ${hidden.join(', ')}`;
  if (shown.length) return `show ${what} ${shown.join(', ')}`;
  return null;
};

/** A history step's name for going from `before` to `after` (e.g. "Filter: hide label Country"). */
export function describeFilterChange(before: Filters, after: Filters): string {
  if (!filtersActive(after)) return 'Clear filters';
  const parts = [
    listChange('label', before.hiddenLabels, after.hiddenLabels),
    listChange('type', before.hiddenRelTypes, after.hiddenRelTypes),
    before.threat?.id !== after.threat?.id
      ? after.threat
        ? `threat ${after.threat.name}`
        : 'any threat'
      : null,
    before.disputed !== after.disputed ? `disputed: ${after.disputed}` : null,
    listChange('confidence', after.confidence, before.confidence),
    before.time?.from !== after.time?.from || before.time?.to !== after.time?.to
      ? after.time
        ? `time ${after.time.from.slice(0, 10)} – ${after.time.to.slice(0, 10)}`
        : 'any time'
      : null,
    before.undated !== after.undated ? `undated ${after.undated}` : null,
  ].filter((p): p is string => p !== null);
  return `Filter: ${parts.join('; ') || 'unchanged'}`;
}
