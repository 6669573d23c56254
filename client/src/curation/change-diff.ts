// A recorded change's before and after, as the rows a history entry shows ("name: UK -> United Kingdom").
import type { ChangeRecord } from '../../../server/src/api-types';

/** One changed field of a change record. */
export interface DiffRow { field: string; before: string; after: string }

/** Fields that change on every write and say nothing to a reader. */
const NOISE = new Set(['version', 'updatedAt', 'updatedBy']);
/** Longest value shown in a row; long texts are cut with an ellipsis. */
const MAX_TEXT = 120;

/** A snapshot flattened to field -> value: top-level fields, with `properties` spread in and evidence counted. */
function flatten(snapshot: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!snapshot || typeof snapshot !== 'object') return out;
  for (const [k, v] of Object.entries(snapshot as Record<string, unknown>)) {
    if (NOISE.has(k)) continue;
    if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [pk, pv] of Object.entries(v as Record<string, unknown>)) if (!NOISE.has(pk)) out.set(pk, pv);
    } else if (k === 'evidence' && Array.isArray(v)) {
      out.set('evidence', `${v.length} piece${v.length === 1 ? '' : 's'}`);
    } else {
      out.set(k, v);
    }
  }
  return out;
}

/** A value as short text; absent is "—". */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const text = Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')
    : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** The fields that differ between the change's before and after, sorted with `name` first. */
export function changeRows(change: Pick<ChangeRecord, 'before' | 'after'>): DiffRow[] {
  const before = flatten(change.before);
  const after = flatten(change.after);
  const keys = [...new Set([...before.keys(), ...after.keys()])]
    .filter((k) => JSON.stringify(before.get(k) ?? null) !== JSON.stringify(after.get(k) ?? null))
    .sort((a, b) => (a === 'name' ? -1 : b === 'name' ? 1 : a.localeCompare(b)));
  return keys.map((field) => ({ field, before: showValue(before.get(field)), after: showValue(after.get(field)) }));
}
