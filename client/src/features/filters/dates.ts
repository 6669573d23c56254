// Dates on nodes and edges (`date`, `validFrom`, `validTo`) as time intervals, for the timeline and the time filter.

/** A span of time in epoch milliseconds; open ends are -Infinity / Infinity. */
export interface Interval {
  start: number;
  end: number;
}

/** A dated element of the scene, as the timeline draws it. */
export interface DatedElement {
  id: string;
  group: 'node' | 'edge';
  interval: Interval;
  openEnded: boolean;
}

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads one date property. A year or month means the whole of it ("2019" is 1 Jan to 31 Dec),
 * a day means that day; any other string Date.parse reads is an instant. Unreadable gives null.
 */
export function parseDateSpan(value: unknown): Interval | null {
  if (typeof value === 'number' && Number.isInteger(value)) value = String(value);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  let m = YEAR.exec(text);
  if (m) return { start: Date.UTC(+m[1]!, 0, 1), end: Date.UTC(+m[1]! + 1, 0, 1) - 1 };
  m = MONTH.exec(text);
  if (m) return { start: Date.UTC(+m[1]!, +m[2]! - 1, 1), end: Date.UTC(+m[1]!, +m[2]!, 1) - 1 };
  m = DAY.exec(text);
  if (m)
    return { start: Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!), end: Date.UTC(+m[1]!, +m[2]! - 1, +m[3]! + 1) - 1 };
  const t = Date.parse(text);
  return Number.isNaN(t) ? null : { start: t, end: t };
}

/**
 * The time an element covers: its `date`, its validity (`validFrom` .. `validTo`; a missing
 * `validTo` leaves it open-ended, a missing `validFrom` open towards the past), or the hull of
 * both. Null when the element carries no readable date: it is "undated".
 */
export function elementInterval(properties: Record<string, unknown>): Interval | null {
  const date = parseDateSpan(properties['date']);
  const from = parseDateSpan(properties['validFrom']);
  const to = parseDateSpan(properties['validTo']);
  const validity = from || to ? { start: from?.start ?? -Infinity, end: to?.end ?? Infinity } : null;
  if (date && validity)
    return { start: Math.min(date.start, validity.start), end: Math.max(date.end, validity.end) };
  return date ?? validity;
}

/** True when `interval` and the window [from, to] share at least one instant. */
export function overlaps(interval: Interval, from: number, to: number): boolean {
  return interval.start <= to && interval.end >= from;
}

/** The dated elements among `nodes` and `edges`, nodes first. */
export function datedElements(
  nodes: Iterable<{ id: string; properties: Record<string, unknown> }>,
  edges: Iterable<{ id: string; properties: Record<string, unknown> }>,
): DatedElement[] {
  const out: DatedElement[] = [];
  const add = (
    group: DatedElement['group'],
    e: { id: string; properties: Record<string, unknown> },
  ): void => {
    const interval = elementInterval(e.properties);
    if (interval)
      out.push({
        id: e.id,
        group,
        interval,
        openEnded: !Number.isFinite(interval.end) || !Number.isFinite(interval.start),
      });
  };
  for (const n of nodes) add('node', n);
  for (const e of edges) add('edge', e);
  return out;
}
