// Property value types and the properties every node and relationship may carry; the per-kind and
// per-type properties are written with their kind (kinds.ts) and relationship type (relationships.ts).
import { CONFIDENCE_LEVELS } from './confidence.js';

/** Value types a property may have. `date` is an ISO date (`2025`, `2025-04`, `2025-04-08`). */
export type PropertyType =
  | { kind: 'string' }
  | { kind: 'string[]' }
  | { kind: 'boolean' }
  | { kind: 'number' }
  | { kind: 'integer' }
  | { kind: 'date' }
  | { kind: 'enum'; values: readonly string[] };

/** A property map: name to type. */
export type PropertyTypes = Readonly<Record<string, PropertyType>>;

/** Shorthands for the property tables. */
export const str = { kind: 'string' } as const;
export const strs = { kind: 'string[]' } as const;
export const bool = { kind: 'boolean' } as const;
export const date = { kind: 'date' } as const;
export const oneOf = <const V extends readonly string[]>(values: V) => ({ kind: 'enum', values }) as const;

/** What kind of forum a Forum is. */
export const FORUM_KINDS = [
  'ministerial',
  'summit',
  'conference',
  'alliance',
  'regional body',
  'working group',
  'meeting',
] as const;
/** What kind of agreement an Agreement is. */
export const AGREEMENT_KINDS = [
  'framework',
  'initiative',
  'bilateral',
  'working group',
  'programme',
] as const;
/** An actor's role in a forum or event it took part in. */
export const PARTICIPATION_ROLES = ['host', 'attendee', 'member', 'convener', 'organiser'] as const;

/** On every node and relationship: how sure the source is, and conflicts kept side by side. */
export const FACT_PROPERTIES = {
  confidence: oneOf(CONFIDENCE_LEVELS),
  disputed: bool,
  disputeNote: str,
} as const satisfies PropertyTypes;

/** On every (non-Source) node besides its `name`. */
export const NODE_PROPERTIES = {
  ...FACT_PROPERTIES,
  aliases: strs,
  description: str,
} as const satisfies PropertyTypes;
