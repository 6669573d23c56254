// The node kinds of the graph, each written once with everything about it: labels, id prefix, display
// names, how its name reads in a sentence, how it is drawn, and the properties it may carry.
// A new kind is one entry in KINDS (plus its relationship rules in relationships.ts).
import { AGREEMENT_KINDS, date, FORUM_KINDS, NODE_PROPERTIES, oneOf, str, strs } from './properties.js';
import type { PropertyType, PropertyTypes } from './properties.js';
import type { KindShape } from './shapes.js';

/** Labels that group kinds: a node of a grouped kind carries the family label too (`Actor` + `Country`). */
export const FAMILIES = {
  Actor: { plural: 'Actors' },
} as const satisfies Record<string, { plural: string }>;
export type Family = keyof typeof FAMILIES;

/**
 * How a node's name reads inside a sentence (the briefing's noun phrases): `name` as written; `country`
 * with "the" where English needs it ("the United Kingdom"); `institution` with "the" when it has several
 * words ("the UK Home Office"); `titled` with "the" when it is a proper title, else in lower case
 * ("the Five Country Ministerial", "joint training programmes"); `common` in lower case unless proper.
 */
export type NameStyle = 'name' | 'country' | 'institution' | 'titled' | 'common';

/** How one kind of node is drawn on the canvas, in the legend and in the briefing figure. */
export interface KindStyle {
  /** Fill colour; kinds differ in hue and lightness so they survive greyscale printing of a slide. */
  colour: string;
  shape: KindShape;
  /** Node diameter in canvas pixels; forums are the hubs of this graph, so they are larger. */
  size: number;
}

/** Everything the model says about one kind. */
export interface KindSpec {
  /** The family label its nodes also carry, or null. */
  family: Family | null;
  /** Prefix of a new node's business key (`country:new-zealand`). */
  idPrefix: string;
  /** Display name (legend, chips, briefing) and its plural (briefing table headings). */
  name: string;
  plural: string;
  nameStyle: NameStyle;
  style: KindStyle;
  /** Properties beyond NODE_PROPERTIES that curators and seed records may set; null for documents (Source). */
  properties: PropertyTypes | null;
}

/** Every kind, in legend order (Actor kinds first because they dominate the graph). */
export const KINDS = {
  Country: {
    family: 'Actor',
    idPrefix: 'country',
    name: 'Country',
    plural: 'Countries',
    nameStyle: 'country',
    style: { colour: '#2f6fdb', shape: 'ellipse', size: 38 },
    properties: {},
  },
  Person: {
    family: 'Actor',
    idPrefix: 'person',
    name: 'Person',
    plural: 'People',
    nameStyle: 'name',
    style: { colour: '#d6457f', shape: 'triangle', size: 32 },
    properties: { role: str },
  },
  Organization: {
    family: 'Actor',
    idPrefix: 'org',
    name: 'Organization',
    plural: 'Organizations',
    nameStyle: 'institution',
    style: { colour: '#7b4fd6', shape: 'round-rectangle', size: 34 },
    properties: {
      role: str,
      functions: strs,
      organizationType: str,
      network: str,
      mechanismType: str,
      leverages: strs,
    },
  },
  Forum: {
    family: null,
    idPrefix: 'forum',
    name: 'Forum',
    plural: 'Forums',
    nameStyle: 'titled',
    style: { colour: '#14936b', shape: 'hexagon', size: 44 },
    properties: {
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
  },
  Agreement: {
    family: null,
    idPrefix: 'agreement',
    name: 'Agreement',
    plural: 'Agreements',
    nameStyle: 'titled',
    style: { colour: '#d98a0b', shape: 'diamond', size: 38 },
    properties: {
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
  },
  ThreatType: {
    family: null,
    idPrefix: 'threat',
    name: 'Threat type',
    plural: 'Threats',
    nameStyle: 'common',
    style: { colour: '#cf3b2f', shape: 'octagon', size: 36 },
    properties: {},
  },
  Technology: {
    family: null,
    idPrefix: 'tech',
    name: 'Technology',
    plural: 'Technologies',
    nameStyle: 'common',
    style: { colour: '#1597b3', shape: 'star', size: 36 },
    properties: {},
  },
  Event: {
    family: null,
    idPrefix: 'event',
    name: 'Event',
    plural: 'Events',
    nameStyle: 'titled',
    style: { colour: '#65a30d', shape: 'tag', size: 36 },
    // A dated happening: `date` when the source gives it (absent means unknown, never "now"), and `place`
    // as the source names it (a city or venue); the country it took place in is a HELD_IN relationship.
    properties: { date, place: str },
  },
  Source: {
    family: null,
    idPrefix: 'source',
    name: 'Source',
    plural: 'Sources',
    nameStyle: 'name',
    style: { colour: '#5f6b7a', shape: 'rhomboid', size: 32 },
    properties: null,
  },
} as const satisfies Record<string, KindSpec>;

/** A kind of node: the label a seed or curation record names (Country rather than Actor). */
export type NodeKind = keyof typeof KINDS;
/** The kind whose nodes are source documents: created through POST /api/sources, quoted by evidence, never edited. */
export const SOURCE_KIND = 'Source' satisfies NodeKind;
/** The kinds of curated nodes: everything but sources. */
export type EntityKind = Exclude<NodeKind, typeof SOURCE_KIND>;
/** Any label a business node may carry: a kind or a family. */
export type NodeLabel = NodeKind | Family;
/** The kind a node is shown as: its kind, or 'Other' when its labels name none (e.g. a bare Actor). */
export type DisplayKind = NodeKind | 'Other';

/** Every kind, in legend order. */
export const NODE_KINDS = Object.keys(KINDS) as readonly NodeKind[];
/** The kinds curators create and seed records name, in legend order. */
export const ENTITY_KINDS = NODE_KINDS.filter((k): k is EntityKind => k !== SOURCE_KIND);

/** The full label set of a node of `kind` (`['Actor', 'Country']`), family first. */
export function labelsOf(kind: NodeKind): readonly NodeLabel[] {
  const family: Family | null = KINDS[kind].family;
  return family ? [family, kind] : [kind];
}

/** Every label a business node may carry, each once, in legend order (a family before its first kind). */
export const NODE_LABELS: readonly NodeLabel[] = [...new Set(NODE_KINDS.flatMap(labelsOf))];

/** True when `value` is a label of the model: anything spliced into Cypher as a label is checked here first. */
export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

/** True when `value` names a kind. */
export function isNodeKind(value: string): value is NodeKind {
  return Object.prototype.hasOwnProperty.call(KINDS, value);
}

/** The kind among a node's labels, or null when they name none (a bare Actor, a label outside the model). */
export function kindOf(labels: readonly string[]): NodeKind | null {
  return NODE_KINDS.find((k) => labels.includes(k)) ?? null;
}

/** The kind a node is shown as: kindOf, or 'Other'. */
export function displayKindOf(labels: readonly string[]): DisplayKind {
  return kindOf(labels) ?? 'Other';
}

/** A kind's display name ("Threat type"); 'Other' for nodes of no kind. */
export function displayName(kind: DisplayKind): string {
  return kind === 'Other' ? 'Other' : KINDS[kind].name;
}

/** Per curated kind, the properties beyond NODE_PROPERTIES (what the seed records use). */
export const LABEL_PROPERTIES = Object.fromEntries(
  ENTITY_KINDS.map((k) => [k, KINDS[k].properties]),
) as Readonly<Record<EntityKind, PropertyTypes>>;

/** Every property a node of this kind may carry, with its type (`name` is set apart). */
export function nodePropertyTypes(kind: EntityKind): Record<string, PropertyType> {
  return { ...NODE_PROPERTIES, ...LABEL_PROPERTIES[kind] };
}

/** Id prefix of new nodes per kind (`country:new-zealand`). */
export function idPrefixOf(kind: NodeKind): string {
  return KINDS[kind].idPrefix;
}
