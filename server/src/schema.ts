// The graph model's allow-list: labels, relationship types and their allowed endpoints.
// Anything spliced into Cypher (a label or a relationship type) must be checked here first.

/** Node labels a business node may have; `Actor` nodes also carry one actor kind. */
export const NODE_LABELS = [
  'Actor',
  'Country',
  'Person',
  'Organization',
  'Forum',
  'Agreement',
  'ThreatType',
  'Technology',
  'Source',
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
export function endpointAllowed(
  type: RelationshipType,
  end: 'from' | 'to',
  labels: readonly string[],
): boolean {
  const allowed: readonly string[] = RELATIONSHIP_TYPES[type][end];
  return labels.some((l) => allowed.includes(l));
}

// ---------------------------------------------------------------------------------------------
// Property allow-list: what a curator may set on each primary label and relationship type, with its
// type. Derived from what seed/data/*.json uses (see seed/FORMAT.md), plus the universal ones.

/** Value types a property may have. `date` is an ISO date (`2025`, `2025-04`, `2025-04-08`). */
export type PropertyType =
  | { kind: 'string' }
  | { kind: 'string[]' }
  | { kind: 'boolean' }
  | { kind: 'number' }
  | { kind: 'integer' }
  | { kind: 'date' }
  | { kind: 'enum'; values: readonly string[] };

const str = { kind: 'string' } as const;
const strs = { kind: 'string[]' } as const;
const bool = { kind: 'boolean' } as const;
const date = { kind: 'date' } as const;
const oneOf = (values: readonly string[]) => ({ kind: 'enum', values }) as const;

export const FORUM_KINDS = [
  'ministerial',
  'summit',
  'conference',
  'alliance',
  'regional body',
  'working group',
  'meeting',
] as const;
export const AGREEMENT_KINDS = [
  'framework',
  'initiative',
  'bilateral',
  'working group',
  'programme',
] as const;
export const PARTICIPATION_ROLES = ['host', 'attendee', 'member', 'convener', 'organiser'] as const;

/** On every node and relationship: how sure the source is, and conflicts kept side by side. */
const FACT_PROPERTIES = {
  confidence: oneOf(CONFIDENCE_LEVELS),
  disputed: bool,
  disputeNote: str,
} as const satisfies Record<string, PropertyType>;

/** On every (non-Source) node besides its `name`. */
const NODE_PROPERTIES = { ...FACT_PROPERTIES, aliases: strs, description: str } as const satisfies Record<
  string,
  PropertyType
>;

/** Per primary label, the properties beyond NODE_PROPERTIES (what the seed records use). */
export const LABEL_PROPERTIES: Record<Exclude<PrimaryLabel, 'Source'>, Record<string, PropertyType>> = {
  Country: {},
  Person: { role: str },
  Organization: {
    role: str,
    functions: strs,
    organizationType: str,
    network: str,
    mechanismType: str,
    leverages: strs,
  },
  Forum: {
    kind: oneOf(FORUM_KINDS),
    date,
    validFrom: date,
    validTo: date,
    city: str,
    cities: strs,
    status: str,
    frequency: str,
    topics: strs,
    mainTopicsAddressed: strs,
    followUp: str,
    agenda: str,
    openQuestions: strs,
    objectives: strs,
    focusAreas: strs,
    functions: strs,
    keyActions: strs,
    context: str,
    expectedOutcome: str,
    focus: str,
    crossBorderOperationsIncrease: str,
  },
  Agreement: {
    kind: oneOf(AGREEMENT_KINDS),
    date,
    validFrom: date,
    validTo: date,
    status: str,
    objective: str,
    keyPoints: strs,
    focusAreas: strs,
    focusArea: str,
    keyStrategy: str,
    strategy: str,
    impact: str,
    activities: strs,
    cooperationAreas: strs,
    possibleComponents: strs,
    challenge: str,
    challenges: strs,
    benefits: strs,
    mechanismType: str,
    metrics: strs,
    purpose: str,
    platformFunctions: strs,
    successFactors: strs,
    mechanisms: strs,
    standardizedProtocols: strs,
    alignmentAreas: strs,
    futureProspects: strs,
    platforms: strs,
    keyMechanisms: strs,
    achievement: str,
    achievements: strs,
    crossBorderOperationsIncrease: str,
    components: strs,
    expectedOutcome: str,
  },
  ThreatType: {},
  Technology: {},
};

/** Per relationship type, the properties beyond FACT_PROPERTIES. */
export const RELATIONSHIP_PROPERTIES: Record<RelationshipType, Record<string, PropertyType>> = {
  PARTICIPATED_IN: { role: oneOf(PARTICIPATION_ROLES), statement: str, counterpartNations: str, date },
  PARTY_TO: { role: str, validFrom: date, validTo: date },
  LEADS: { role: str, validFrom: date, validTo: date },
  ADDRESSES: { objective: str, strategy: str },
  FOCUSES_ON: { contribution: str, context: str, focusArea: str },
  HOLDS_OFFICE: { title: str, status: str, validFrom: date, validTo: date },
  PART_OF: {},
  MEMBER_OF: { validFrom: date, validTo: date },
  ESTABLISHED_BY: { note: str, date },
  COOPERATES_WITH: { topic: str, areas: strs, description: str, context: str, significance: str },
  RECOMMENDED_PARTNER: { benefit: str, context: str, note: str },
  USES_TECHNOLOGY: { impact: str, purpose: str },
  HELD_IN: { city: str, date },
  SUBTYPE_OF: {},
};

/** Every property a node of this primary label may carry, with its type (`name` is set apart). */
export function nodePropertyTypes(label: Exclude<PrimaryLabel, 'Source'>): Record<string, PropertyType> {
  return { ...NODE_PROPERTIES, ...LABEL_PROPERTIES[label] };
}

/** Every property a relationship of this type may carry, with its type. */
export function relationshipPropertyTypes(type: RelationshipType): Record<string, PropertyType> {
  return { ...FACT_PROPERTIES, ...RELATIONSHIP_PROPERTIES[type] };
}

/** The primary label (Country, Forum, ...) of a node's label set, or null for labels outside the model. */
export function primaryLabelOf(labels: readonly string[]): PrimaryLabel | null {
  for (const l of [
    'Country',
    'Person',
    'Organization',
    'Forum',
    'Agreement',
    'ThreatType',
    'Technology',
    'Source',
  ] as const) {
    if (labels.includes(l)) return l;
  }
  return null;
}

/** Id prefix of new nodes per primary label (`country:new-zealand`), as seed/FORMAT.md names them. */
export const ID_PREFIXES: Record<PrimaryLabel, string> = {
  Country: 'country',
  Person: 'person',
  Organization: 'org',
  Forum: 'forum',
  Agreement: 'agreement',
  ThreatType: 'threat',
  Technology: 'tech',
  Source: 'source',
};
