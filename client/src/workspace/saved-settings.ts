// Reads filters and analytics settings back from a saved workspace, keeping only well-formed values.
// The server checks their shape loosely (they are client-owned JSON), so the client re-checks each field.
import { defaultAnalytics, type AnalyticsSettings } from '../analytics/analytics-settings';
import { isConfidence } from '../../../model';
import { defaultFilters, type Filters } from '../filters/filters';

const MEASURES: ReadonlySet<string> = new Set(['none', 'degree', 'betweenness', 'pagerank']);

const strings = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? [...v] : null;

/** Saved filters, field by field; anything malformed falls back to "no filtering" for that field. */
export function restoreFilters(raw: unknown): Filters {
  const f = defaultFilters();
  if (!raw || typeof raw !== 'object') return f;
  const r = raw as Record<string, unknown>;
  const threat = r.threat as Record<string, unknown> | null | undefined;
  const time = r.time as Record<string, unknown> | null | undefined;
  return {
    hiddenLabels: strings(r.hiddenLabels) ?? f.hiddenLabels,
    hiddenRelTypes: strings(r.hiddenRelTypes) ?? f.hiddenRelTypes,
    threat:
      threat && typeof threat.id === 'string' && typeof threat.name === 'string' && strings(threat.ids)
        ? { id: threat.id, name: threat.name, ids: strings(threat.ids)! }
        : null,
    disputed: r.disputed === 'hide' || r.disputed === 'only' ? r.disputed : 'show',
    confidence: strings(r.confidence)?.filter(isConfidence) ?? f.confidence,
    time:
      time && typeof time.from === 'string' && typeof time.to === 'string'
        ? { from: time.from, to: time.to }
        : null,
    undated: r.undated === 'hidden' ? 'hidden' : 'shown',
  };
}

/** Saved analytics settings, or null when there are none (the page keeps its own). */
export function restoreAnalytics(raw: unknown): AnalyticsSettings | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const d = defaultAnalytics();
  return {
    sizeBy:
      typeof r.sizeBy === 'string' && MEASURES.has(r.sizeBy)
        ? (r.sizeBy as AnalyticsSettings['sizeBy'])
        : d.sizeBy,
    communities: r.communities === true,
  };
}
