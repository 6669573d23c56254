// Relationship types, each written once: the labels allowed at each end, how it reads in words, and the
// properties it may carry. Anything spliced into Cypher as a relationship type is checked here first.
import type { NodeLabel } from './kinds.js';
import { date, FACT_PROPERTIES, oneOf, PARTICIPATION_ROLES, str, strs } from './properties.js';
import type { PropertyType, PropertyTypes } from './properties.js';

/** Everything the model says about one relationship type. */
export interface RelationshipRule {
  /** Labels allowed at the start and at the end (a node qualifies with any one of them). */
  from: readonly NodeLabel[];
  to: readonly NodeLabel[];
  /** The verb phrase between the two names: "France *took part in* the Five Country Ministerial". */
  verb: string;
  /** The briefing's section heading for statements of this type. */
  heading: string;
  /** Properties beyond FACT_PROPERTIES. */
  properties: PropertyTypes;
}

/** Every relationship type, in the order the API's schema lists them. */
export const RELATIONSHIP_TYPES = {
  PARTICIPATED_IN: {
    from: ['Actor'],
    to: ['Forum', 'Event'],
    verb: 'took part in',
    heading: 'Participation in forums and events',
    properties: { role: oneOf(PARTICIPATION_ROLES), statement: str, counterpartNations: str, date },
  },
  PARTY_TO: {
    from: ['Actor'],
    to: ['Agreement'],
    verb: 'is a party to',
    heading: 'Parties to agreements',
    properties: { role: str, validFrom: date, validTo: date },
  },
  LEADS: {
    from: ['Actor'],
    to: ['Agreement', 'Forum'],
    verb: 'leads',
    heading: 'Leadership',
    properties: { role: str, validFrom: date, validTo: date },
  },
  ADDRESSES: {
    from: ['Forum', 'Agreement'],
    to: ['ThreatType'],
    verb: 'addresses',
    heading: 'Threats addressed',
    properties: { objective: str, strategy: str },
  },
  FOCUSES_ON: {
    from: ['Actor'],
    to: ['ThreatType'],
    verb: 'focuses on',
    heading: 'Focus on threats',
    properties: { contribution: str, context: str, focusArea: str },
  },
  HOLDS_OFFICE: {
    from: ['Person'],
    to: ['Organization', 'Country'],
    verb: 'holds office in',
    heading: 'Offices held',
    properties: { title: str, status: str, validFrom: date, validTo: date },
  },
  PART_OF: {
    from: ['Organization'],
    to: ['Organization', 'Country'],
    verb: 'is part of',
    heading: 'Structure',
    properties: {},
  },
  MEMBER_OF: {
    from: ['Actor'],
    to: ['Forum', 'Organization'],
    verb: 'is a member of',
    heading: 'Membership',
    properties: { validFrom: date, validTo: date },
  },
  ESTABLISHED_BY: {
    from: ['Agreement', 'Forum'],
    to: ['Forum', 'Actor'],
    verb: 'was established by',
    heading: 'Origins',
    properties: { note: str, date },
  },
  COOPERATES_WITH: {
    from: ['Actor'],
    to: ['Actor'],
    verb: 'cooperates with',
    heading: 'Direct cooperation',
    properties: { topic: str, areas: strs, description: str, context: str, significance: str },
  },
  RECOMMENDED_PARTNER: {
    from: ['Actor', 'Forum'],
    to: ['Actor', 'Forum'],
    verb: 'is recommended as a partner of',
    heading: 'Recommended partnerships',
    properties: { benefit: str, context: str, note: str },
  },
  USES_TECHNOLOGY: {
    from: ['Forum', 'Agreement', 'Actor'],
    to: ['Technology'],
    verb: 'uses',
    heading: 'Technology used',
    properties: { impact: str, purpose: str },
  },
  HELD_IN: {
    from: ['Forum', 'Event'],
    to: ['Country'],
    verb: 'was held in',
    heading: 'Venues',
    properties: { city: str, date },
  },
  SUBTYPE_OF: {
    from: ['ThreatType'],
    to: ['ThreatType'],
    verb: 'is a kind of',
    heading: 'Threat hierarchy',
    properties: {},
  },
} as const satisfies Record<string, RelationshipRule>;

export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;

/** Every relationship type, in schema order. */
export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as readonly RelationshipType[];

/** True when `value` is a relationship type of the model. */
export function isRelationshipType(value: string): value is RelationshipType {
  return Object.prototype.hasOwnProperty.call(RELATIONSHIP_TYPES, value);
}

/** True when a node with `labels` may be the `end` of a relationship of `type`. */
export function endpointAllowed(
  type: RelationshipType,
  end: 'from' | 'to',
  labels: readonly string[],
): boolean {
  const allowed: readonly string[] = RELATIONSHIP_TYPES[type][end];
  return labels.some((l) => allowed.includes(l));
}

/** Every property a relationship of this type may carry, with its type. */
export function relationshipPropertyTypes(type: RelationshipType): Record<string, PropertyType> {
  return { ...FACT_PROPERTIES, ...RELATIONSHIP_TYPES[type].properties };
}

/** The verb phrase of a relationship type; a type outside the model reads as its words in lower case. */
export function relationshipVerb(type: string): string {
  return isRelationshipType(type) ? RELATIONSHIP_TYPES[type].verb : type.toLowerCase().replace(/_/g, ' ');
}
