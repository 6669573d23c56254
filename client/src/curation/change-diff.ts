// A recorded change's before and after, as the rows a history entry shows ("name: UK -> United Kingdom").
import type { ChangeRecord } from '../../../contract';
import { snapshotOf } from './change-sync';

/** One changed field of a change record. */
export interface DiffRow {
  field: string;
  before: string;
  after: string;
}

/** Fields that change on every write and say nothing to a reader. */
const NOISE = new Set(['id', 'version', 'updatedAt', 'updatedBy']);
/** Longest value shown in a row; long texts are cut with an ellipsis. */
const MAX_TEXT = 120;

/** An element flattened to field -> value: top-level fields, with `properties` spread in and evidence counted. */
function flatten(element: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!element || typeof element !== 'object') return out;
  for (const [k, v] of Object.entries(element as Record<string, unknown>)) {
    if (NOISE.has(k)) continue;
    if (k === 'properties' && v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [pk, pv] of Object.entries(v as Record<string, unknown>))
        if (!NOISE.has(pk)) out.set(pk, pv);
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
  const text = Array.isArray(value)
    ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ')
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

const differs = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null);

/** Rows for one element: each field that differs, `name` first, prefixed with the element when several changed. */
function elementRows(before: unknown, after: unknown, prefix: string): DiffRow[] {
  const b = flatten(before);
  const a = flatten(after);
  return [...new Set([...b.keys(), ...a.keys()])]
    .filter((k) => differs(b.get(k), a.get(k)))
    .sort((x, y) => (x === 'name' ? -1 : y === 'name' ? 1 : x.localeCompare(y)))
    .map((k) => ({ field: `${prefix}${k}`, before: showValue(b.get(k)), after: showValue(a.get(k)) }));
}

/**
 * The rows of a change: per node and relationship it touched (its snapshots list them), the fields that
 * differ; an element created or restored reads "— → present", one deleted "present → deleted".
 */
export function changeRows(change: Pick<ChangeRecord, 'before' | 'after'>): DiffRow[] {
  const before = snapshotOf(change.before);
  const after = snapshotOf(change.after);
  type El = { id: string; name?: string; type?: string };
  const entries = new Map<string, { label: string; before?: El; after?: El }>();
  const add = (kind: string, el: El, side: 'before' | 'after'): void => {
    const key = `${kind}:${el.id}`;
    const entry = entries.get(key) ?? { label: el.name ?? el.type ?? el.id };
    entry[side] = el;
    entries.set(key, entry);
  };
  before.nodes.forEach((n) => add('node', n, 'before'));
  before.edges.forEach((e) => add('edge', e, 'before'));
  after.nodes.forEach((n) => add('node', n, 'after'));
  after.edges.forEach((e) => add('edge', e, 'after'));
  const several = entries.size > 1;
  return [...entries.values()].flatMap((e) => {
    if (!e.before) return [{ field: e.label, before: '—', after: 'present' }];
    if (!e.after) return [{ field: e.label, before: 'present', after: 'deleted' }];
    return elementRows(e.before, e.after, several ? `${e.label} · ` : '');
  });
}
