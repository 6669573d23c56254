// Checks property values against the schema's allow-list; a wrong one is a 422 naming `properties.<key>`.
import { UnprocessableError } from '../../errors.js';
import type { PropertyType } from '../../schema.js';
import type { StoredValue } from '../../store/curation-store.js';

/** A node's fields that the request sets at its top level, not in `properties`. */
const NODE_FIELDS: Record<string, string> = {
  name: 'set it with the top-level `name` field',
  aliases: 'set it with the top-level `aliases` field',
  description: 'set it with the top-level `description` field',
};

/** Keys the server manages; a curator never sets them through `properties`. */
const RESERVED: Record<string, string> = {
  id: 'the id never changes',
  version: 'the server keeps the version',
  evidence: 'add or remove evidence with `evidence`, `addEvidence` and `removeEvidence`',
  sourceIds: 'the server derives it from the evidence',
  aliasText: 'the server derives it from the aliases',
};

const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

function describe(t: PropertyType): string {
  switch (t.kind) {
    case 'string':
      return 'a non-empty string';
    case 'string[]':
      return 'a list of non-empty strings';
    case 'boolean':
      return 'true or false';
    case 'number':
      return 'a number';
    case 'integer':
      return 'an integer';
    case 'date':
      return 'an ISO date such as "2025", "2025-04" or "2025-04-08"';
    case 'enum':
      return `one of ${t.values.map((v) => `"${v}"`).join(', ')}`;
  }
}

function fits(t: PropertyType, v: unknown): boolean {
  switch (t.kind) {
    case 'string':
      return typeof v === 'string' && v.trim() !== '';
    case 'string[]':
      return Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');
    case 'boolean':
      return typeof v === 'boolean';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return typeof v === 'number' && Number.isSafeInteger(v);
    case 'date':
      return typeof v === 'string' && ISO_DATE.test(v);
    case 'enum':
      return typeof v === 'string' && t.values.includes(v);
  }
}

/**
 * Checks `values` (null = remove) against `allowed` for `what` (e.g. "a Forum"); throws UnprocessableError
 * naming `properties.<key>` for a reserved, unknown or mistyped property. Returns the integer-typed keys set.
 */
export function checkProperties(
  values: Record<string, unknown>,
  allowed: Record<string, PropertyType>,
  what: string,
  kind: 'node' | 'relationship',
): string[] {
  const ints: string[] = [];
  for (const [key, value] of Object.entries(values)) {
    const where = `properties.${key}`;
    const reserved = RESERVED[key] ?? (kind === 'node' ? NODE_FIELDS[key] : undefined);
    if (reserved) throw new UnprocessableError(`\`${where}\` cannot be set here: ${reserved}.`, where);
    const type = allowed[key];
    if (!type) {
      throw new UnprocessableError(
        `\`${where}\` is not a property of ${what}; expected one of: ${Object.keys(allowed).sort().join(', ')}.`,
        where,
      );
    }
    if (value === null) continue;
    if (!fits(type, value)) throw new UnprocessableError(`\`${where}\` must be ${describe(type)}.`, where);
    if (type.kind === 'integer') ints.push(key);
  }
  return ints;
}

/** Applies checked values to stored props: null removes, anything else sets (strings trimmed). */
export function applyValues(
  props: Record<string, StoredValue>,
  values: Record<string, unknown>,
): Record<string, StoredValue> {
  const out = { ...props };
  for (const [key, value] of Object.entries(values)) {
    if (value === null) delete out[key];
    else
      out[key] = (
        typeof value === 'string'
          ? value.trim()
          : Array.isArray(value)
            ? value.map((s: string) => s.trim())
            : value
      ) as StoredValue;
  }
  return out;
}
