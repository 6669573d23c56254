// A 409 made readable: what the other person changed since the version this edit started from, and how to reapply.
import type { GraphEdge, GraphNode } from '../../../contract';
import { versionOf } from './node-draft';

/** One field the other person changed (or that this edit also changes). */
export interface ConflictRow {
  field: string;
  /** The value this edit started from. */
  base: unknown;
  /** The value now stored (the other person's). */
  theirs: unknown;
  /** What this edit sets it to; undefined when this edit leaves it alone. */
  mine: unknown;
  /** True when both changed the field and this edit would overwrite their value with a different one. */
  clash: boolean;
}

type Element = GraphNode | GraphEdge;

/** The element in a 409's `error.current` (the node or edge itself, or wrapped as `{node}`/`{edge}`); null when unreadable. */
export function currentElement(current: unknown): Element | null {
  if (!current || typeof current !== 'object') return null;
  const c = current as Record<string, unknown>;
  const inner = (c['node'] ?? c['edge'] ?? c['result'] ?? c) as Record<string, unknown>;
  return typeof inner['id'] === 'string' &&
    typeof inner['properties'] === 'object' &&
    inner['properties'] !== null
    ? (inner as unknown as Element)
    : null;
}

/** An element as comparable fields: `name`, `labels`, each property, and the evidence count. */
function fieldsOf(e: Element): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if ('name' in e) out.set('name', e.name);
  if ('labels' in e) out.set('labels', [...e.labels].sort());
  for (const [k, v] of Object.entries(e.properties)) if (k !== 'version') out.set(k, v);
  if (e.evidence) out.set('evidence', `${e.evidence.length} piece${e.evidence.length === 1 ? '' : 's'}`);
  return out;
}

/** The fields an update body sets, by the names `fieldsOf` uses (properties flattened). */
function fieldsOfRequest(request: Record<string, unknown> | null): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!request) return out;
  for (const [k, v] of Object.entries(request)) {
    if (k === 'version' || k === 'addEvidence' || k === 'removeEvidence') continue;
    if (k === 'properties' && v && typeof v === 'object') {
      for (const [pk, pv] of Object.entries(v as Record<string, unknown>)) out.set(pk, pv);
    } else {
      out.set(k, v);
    }
  }
  return out;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The rows a conflict shows: every field the other person changed between `base` and `current`,
 * with what this edit (`request`, null for a delete) sets it to. Fields only this edit touches
 * are left out: reapplying changes them as intended.
 */
export function conflictRows(
  base: Element,
  current: Element,
  request: Record<string, unknown> | null,
): ConflictRow[] {
  const before = fieldsOf(base);
  const now = fieldsOf(current);
  const mine = fieldsOfRequest(request);
  const keys = [...new Set([...before.keys(), ...now.keys()])].sort();
  return keys
    .filter((k) => !same(before.get(k), now.get(k)))
    .map((k) => {
      const m = mine.has(k) ? mine.get(k) : undefined;
      return {
        field: k,
        base: before.get(k),
        theirs: now.get(k),
        mine: m,
        clash: mine.has(k) && !same(m, now.get(k)),
      };
    });
}

/** The same change based on the current version: what "Reapply my change on the latest version" sends. */
export function reapplied<T extends { version: number }>(request: T, current: Element): T {
  return { ...request, version: versionOf(current) };
}
