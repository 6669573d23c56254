// The graph model's allow-list: labels, relationship types and their allowed endpoints.
// Anything spliced into Cypher (a label or a relationship type) must be checked here first.

/** Node labels a business node may have; `Actor` nodes also carry one actor kind. */
export const NODE_LABELS = [
  'Actor', 'Country', 'Person', 'Organization',
  'Forum', 'Agreement', 'ThreatType', 'Technology', 'Source',
] as const;
export type NodeLabelName = (typeof NODE_LABELS)[number];

/** The label a seed or curation record names; it implies the full label set. */
export const PRIMARY_LABELS = {
  Country: ['Actor', 'Country'],
  Person: ['Actor', 'Person'],
  Organization: ['Actor', 'Organization'],
  Forum: ['Forum'],
  Agreement: ['Agreement'],
  ThreatType: ['ThreatType'],
  Technology: ['Technology'],
  Source: ['Source'],
} as const satisfies Record<string, readonly NodeLabelName[]>;
export type PrimaryLabel = keyof typeof PRIMARY_LABELS;

/** Relationship types with the labels allowed at each end (any of them). */
export const RELATIONSHIP_TYPES = {
  PARTICIPATED_IN: { from: ['Actor'], to: ['Forum'] },
  PARTY_TO: { from: ['Actor'], to: ['Agreement'] },
  LEADS: { from: ['Actor'], to: ['Agreement', 'Forum'] },
  ADDRESSES: { from: ['Forum', 'Agreement'], to: ['ThreatType'] },
  FOCUSES_ON: { from: ['Actor'], to: ['ThreatType'] },
  HOLDS_OFFICE: { from: ['Person'], to: ['Organization', 'Country'] },
  PART_OF: { from: ['Organization'], to: ['Organization', 'Country'] },
  MEMBER_OF: { from: ['Actor'], to: ['Forum', 'Organization'] },
  ESTABLISHED_BY: { from: ['Agreement', 'Forum'], to: ['Forum', 'Actor'] },
  COOPERATES_WITH: { from: ['Actor'], to: ['Actor'] },
  RECOMMENDED_PARTNER: { from: ['Actor', 'Forum'], to: ['Actor', 'Forum'] },
  USES_TECHNOLOGY: { from: ['Forum', 'Agreement', 'Actor'], to: ['Technology'] },
  HELD_IN: { from: ['Forum'], to: ['Country'] },
  SUBTYPE_OF: { from: ['ThreatType'], to: ['ThreatType'] },
} as const satisfies Record<string, { from: readonly NodeLabelName[]; to: readonly NodeLabelName[] }>;
export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;

export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

export const CONFIDENCE_LEVELS = ['confirmed', 'reported', 'speculative'] as const;

export function isNodeLabel(value: string): value is NodeLabelName {
  return (NODE_LABELS as readonly string[]).includes(value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return Object.prototype.hasOwnProperty.call(RELATIONSHIP_TYPES, value);
}

/** True when a node with `labels` may be the `end` of a relationship of `type`. */
export function endpointAllowed(type: RelationshipType, end: 'from' | 'to', labels: readonly string[]): boolean {
  const allowed: readonly string[] = RELATIONSHIP_TYPES[type][end];
  return labels.some((l) => allowed.includes(l));
}
