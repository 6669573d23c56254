// An edit form's draft as plain data: built from a node or relationship, validated, and turned into the PATCH body.
import type {
  EdgeUpdateRequest,
  GraphEdge,
  GraphNode,
  NodeUpdateRequest,
  PropertyTypeInfo,
  PropertyValue,
} from '../../../contract';

/** How a property's text is read back into a value. */
export type PropertyType = 'string' | 'number' | 'integer' | 'boolean' | 'list' | 'date' | 'enum';

/** One editable property: its key, its type and the text in its input. */
export interface PropertyDraft {
  key: string;
  type: PropertyType;
  text: string;
  isNew?: boolean;
  /** The choices of an `enum`. */ values?: readonly string[];
}

/** What the edit form holds (name, aliases and description only for nodes). */
export interface ElementDraft {
  name: string;
  /** Aliases, one per line or comma-separated. */
  aliases: string;
  description: string;
  properties: PropertyDraft[];
}

/** A property the schema allows for a label (from GET /api/schema when the server lists them). */
export interface AllowedProperty {
  key: string;
  type: PropertyType;
  values?: readonly string[];
}

/** The schema's allow-list for one label or relationship type, as form fields (name, aliases, description left out). */
export function allowedFromSchema(
  info: Readonly<Record<string, PropertyTypeInfo>> | undefined,
): AllowedProperty[] {
  const kinds: Record<string, PropertyType> = {
    string: 'string',
    'string[]': 'list',
    boolean: 'boolean',
    number: 'number',
    integer: 'integer',
    date: 'date',
  };
  return Object.entries(info ?? {})
    .filter(([key]) => !RESERVED_KEYS.includes(key))
    .map(([key, t]) =>
      t.kind === 'enum'
        ? { key, type: 'enum' as const, values: t.values }
        : { key, type: kinds[t.kind] ?? 'string' },
    );
}

/** Keys the form edits elsewhere or that the server owns; never offered as free properties. */
export const RESERVED_KEYS: readonly string[] = [
  'id',
  'name',
  'aliases',
  'description',
  'version',
  'evidence',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'deleted',
  'deletedAt',
  'deletedBy',
  'mergedInto',
  'title',
  'text',
];
/** An ISO date as the server takes it: `2025`, `2025-04` or `2025-04-08`. */
const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
/** A property key a curator may add: starts with a letter, then letters, digits or underscores. */
const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** The server's limit for a name; longer is refused as 422 anyway, so say it before sending. */
export const MAX_NAME = 200;

/** The element's version (the server's optimistic-concurrency counter; an element never edited is at 1). */
export function versionOf(element: { properties: Record<string, unknown> } | null | undefined): number {
  const v = element?.properties['version'];
  return typeof v === 'number' && Number.isFinite(v) ? v : 1;
}

function typeOf(value: unknown): PropertyType {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'list';
  return 'string';
}

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}

/** Splits aliases (or a list value) on commas and new lines, trimmed, empty and repeated entries dropped. */
export function parseList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\n]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The draft for `element`. With the schema's allow-list: exactly the properties it allows (filled
 * from the element); without one: the element's own properties, typed by their values.
 */
export function draftOf(
  element: GraphNode | GraphEdge,
  allowed: readonly AllowedProperty[] = [],
): ElementDraft {
  const props = element.properties;
  const own = allowed.length
    ? []
    : Object.entries(props)
        .filter(
          ([k, v]) => !RESERVED_KEYS.includes(k) && v !== null && (typeof v !== 'object' || Array.isArray(v)),
        )
        .map(([key, value]) => ({ key, type: typeOf(value), text: textOf(value) }));
  const extra = allowed
    .filter((a) => !RESERVED_KEYS.includes(a.key))
    .map((a) => ({
      key: a.key,
      type: a.type,
      text: textOf(props[a.key]),
      ...(a.values ? { values: a.values } : {}),
    }));
  return {
    name: 'name' in element ? element.name : '',
    aliases: textOf(props['aliases']),
    description: textOf(props['description']),
    properties: [...own, ...extra].sort((a, b) => a.key.localeCompare(b.key)),
  };
}

/** The value a property's text stands for; null when empty (removes the property). */
export function parseProperty(p: PropertyDraft): PropertyValue | null {
  const text = p.text.trim();
  if (!text) return null;
  switch (p.type) {
    case 'number':
    case 'integer':
      return Number(text);
    case 'boolean':
      return text === 'true';
    case 'list':
      return parseList(text);
    case 'string':
    case 'date':
    case 'enum':
      return text;
  }
}

/** Where a message belongs in the form: a field's slot (`name`, `property:<key>`, ...) or the form as a whole. */
export type Slot = string;

/** Checks the draft before sending; each message is keyed by the slot it belongs next to. */
export function validateDraft(draft: ElementDraft, kind: 'node' | 'edge'): Record<Slot, string> {
  const errors: Record<Slot, string> = {};
  if (kind === 'node') {
    const name = draft.name.trim();
    if (!name) errors['name'] = 'A name is required.';
    else if (name.length > MAX_NAME)
      errors['name'] = `At most ${MAX_NAME} characters (this is ${name.length}).`;
  }
  const seen = new Set<string>();
  for (const p of draft.properties) {
    const slot = `property:${p.key}`;
    if (!KEY_PATTERN.test(p.key))
      errors[slot] = 'A property name starts with a letter and holds only letters, digits and _.';
    else if (RESERVED_KEYS.includes(p.key))
      errors[slot] = `“${p.key}” is set elsewhere in this form or by the server.`;
    else if (seen.has(p.key)) errors[slot] = `“${p.key}” is listed twice.`;
    else if (p.type === 'number' && p.text.trim() && !Number.isFinite(Number(p.text.trim())))
      errors[slot] = 'Expecting a number.';
    else if (p.type === 'integer' && p.text.trim() && !Number.isInteger(Number(p.text.trim())))
      errors[slot] = 'Expecting a whole number.';
    else if (p.type === 'boolean' && p.text.trim() && !['true', 'false'].includes(p.text.trim()))
      errors[slot] = 'Expecting true or false.';
    else if (p.type === 'date' && p.text.trim() && !ISO_DATE.test(p.text.trim()))
      errors[slot] = 'Expecting a date as 2025, 2025-04 or 2025-04-08.';
    else if (p.type === 'enum' && p.text.trim() && !(p.values ?? []).includes(p.text.trim()))
      errors[slot] = `Expecting one of: ${(p.values ?? []).join(', ')}.`;
    seen.add(p.key);
  }
  return errors;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The properties the draft changes (null removes one); empty when none changed. */
function changedProperties(
  element: GraphNode | GraphEdge,
  draft: ElementDraft,
): Record<string, PropertyValue | null> {
  const out: Record<string, PropertyValue | null> = {};
  for (const p of draft.properties) {
    const value = parseProperty(p);
    const old = element.properties[p.key];
    if (value === null ? old !== undefined && old !== null : !same(value, old)) out[p.key] = value;
  }
  return out;
}

/** The PATCH body for a node: only what the draft changes, based on the node's version; null when nothing changed. */
export function nodeUpdateOf(node: GraphNode, draft: ElementDraft): NodeUpdateRequest | null {
  const body: NodeUpdateRequest = { version: versionOf(node) };
  const name = draft.name.trim();
  if (name !== node.name) body.name = name;
  const aliases = parseList(draft.aliases);
  if (!same(aliases, node.properties['aliases'] ?? [])) body.aliases = aliases;
  const description = draft.description.trim();
  if (description !== textOf(node.properties['description'])) body.description = description || null;
  const properties = changedProperties(node, draft);
  if (Object.keys(properties).length) body.properties = properties;
  return Object.keys(body).length > 1 ? body : null;
}

/** The PATCH body for a relationship; null when nothing changed. */
export function edgeUpdateOf(edge: GraphEdge, draft: ElementDraft): EdgeUpdateRequest | null {
  const properties = changedProperties(edge, draft);
  return Object.keys(properties).length ? { version: versionOf(edge), properties } : null;
}

/**
 * The form slot a server 422's `field` names: `name`, `aliases`, `description`, `properties.role`
 * -> `property:role`, `evidence`/`addEvidence[0].quote` -> `evidence`; anything else is the form's.
 */
export function slotOfField(field: string | undefined): Slot {
  if (!field) return 'form';
  const head = field.split(/[.[]/)[0] ?? '';
  if (head === 'name' || head === 'aliases' || head === 'description') return head;
  if (head === 'properties') {
    const key = field
      .slice('properties'.length)
      .replace(/^[.[]/, '')
      .replace(/[\]'"]/g, '')
      .split(/[.[]/)[0];
    return key ? `property:${key}` : 'form';
  }
  if (head === 'evidence' || head === 'addEvidence' || head === 'removeEvidence') return 'evidence';
  return 'form';
}
