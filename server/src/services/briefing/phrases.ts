// Plain-English phrasing of nodes and relationships: one phrase per relationship type, articles, confidence.
import {
  CONFIDENCE,
  displayKindOf,
  isConfidence,
  isRelationshipType,
  KINDS,
  RELATIONSHIP_TYPES,
  type DisplayKind,
  type RelationshipType,
} from '../../../../model/index.js';
import type { GraphEdge, GraphNode } from '../../../../contract/index.js';

/** The kind a node is drawn and tabled as: its kind, or 'Other'. */
export function nodeKind(node: GraphNode): DisplayKind {
  return displayKindOf(node.labels);
}

/** Country names that take "the" in running text. */
const COUNTRY_WITH_ARTICLE =
  /^(United |Republic |Democratic Republic|Kingdom |Federated |Czech Republic|Central African|Dominican Republic|Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Solomon Islands|Marshall Islands|Holy See)/;

/** Adjectives that make a forum or agreement name a proper name ("the French counter-radicalisation programmes"). */
const PROPER_FIRST_WORD =
  /^(Franco-[A-Z][a-z]+|French|British|European|American|Australian|Canadian|Global Counterterrorism|International Criminal)$/;

/**
 * True when a name is a proper name rather than a generic description: its first word is an acronym
 * ("FCM framework", "UK-US security talks"), a proper adjective ("Franco-British ..."), or a later word
 * is capitalised ("Border Security Collaboration initiative", "Five Country Ministerial").
 */
function isProperName(name: string): boolean {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const first = words[0] ?? '';
  if ((first.match(/[A-Z]/g) ?? []).length >= 2 || PROPER_FIRST_WORD.test(first)) return true;
  return words.slice(1).some((w) => /^[A-Z]/.test(w));
}

const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/**
 * The node's `name` as it reads inside a sentence, by its kind's name style (model/kinds.ts). Countries,
 * persons and organisations keep their name ("the" before "United Kingdom" and multi-word organisations
 * such as "the UK Home Office"). Forums and agreements with proper names take "the" ("the Five Country
 * Ministerial"); generic descriptive names, threats and technologies read in lower case without an
 * article ("terrorism", "joint training programmes and exercises"), so sentences read as English. The
 * sentence start is capitalised again by claimText.
 */
export function nounPhrase(node: GraphNode): string {
  const name = node.name.trim();
  if (/^the\s/i.test(name)) return name;
  const kind = nodeKind(node);
  switch (kind === 'Other' ? 'name' : KINDS[kind].nameStyle) {
    case 'country':
      return COUNTRY_WITH_ARTICLE.test(name) ? `the ${name}` : name;
    case 'institution':
      return /\s/.test(name) ? `the ${name}` : name;
    case 'titled':
      if (!isProperName(name)) return lowerFirst(name);
      return /\s/.test(name) ? `the ${name}` : name;
    case 'common':
      return isProperName(name) ? name : lowerFirst(name);
    case 'name':
      return name;
  }
}

/** Properties that are about the claim, not qualifiers of it. */
const CLAIM_META = new Set(['disputed', 'disputeNote', 'confidence', 'key', 'version', 'id']);

/** What a phrase needs: subject and object phrases, the edge's properties and the ends themselves. */
export interface PhraseInput {
  s: string;
  o: string;
  props: Record<string, unknown>;
  source: GraphNode;
  target: GraphNode;
}
/** A phrase: the sentence core, and the property names it has used up (the rest become qualifiers). */
export interface Phrase {
  core: string;
  used: string[];
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

const PARTICIPATION_VERBS: Record<string, [past: string, planned: string]> = {
  host: ['hosted', 'is to host'],
  attendee: ['attended', 'is to attend'],
  member: ['took part as a member in', 'is to take part as a member in'],
  convener: ['convened', 'is to convene'],
  organiser: ['organised', 'is to organise'],
  organizer: ['organised', 'is to organise'],
};

/** A forum whose own `status` says it has not happened yet ("scheduled", "recommended", ...). */
const NOT_YET = /\b(scheduled|planned|proposed|recommended|upcoming|being established)\b/i;

/**
 * Phrases for relationship types whose sentence needs more than the model's verb: `role` and `title`
 * change the verb where they can. A type without one reads "<s> <verb> <o>" (claimText).
 */
export const PHRASES: Partial<Record<RelationshipType, (p: PhraseInput) => Phrase>> = {
  PARTICIPATED_IN: ({ s, o, props, target }) => {
    const role = str(props.role);
    const planned = NOT_YET.test(String(target.properties.status ?? ''));
    const verb = role ? PARTICIPATION_VERBS[role.toLowerCase()] : undefined;
    if (verb) return { core: `${s} ${verb[planned ? 1 : 0]} ${o}`, used: ['role'] };
    const base = planned ? `${s} is to participate in ${o}` : `${s} participated in ${o}`;
    return { core: role ? `${base} as ${role}` : base, used: ['role'] };
  },
  MEMBER_OF: ({ s, o }) => ({ core: `${s} is a member of ${o}`, used: [] }),
  PARTY_TO: ({ s, o, props }) => {
    const role = str(props.role);
    return { core: role ? `${s} is party to ${o}, as ${role}` : `${s} is party to ${o}`, used: ['role'] };
  },
  LEADS: ({ s, o, props }) => {
    const role = str(props.role);
    if (role && /^lead (country|nation|organi[sz]ation)$/i.test(role))
      return { core: `${s} leads ${o} as ${role}`, used: ['role'] };
    return { core: role ? `${s} leads ${o} (role: ${role})` : `${s} leads ${o}`, used: ['role'] };
  },
  ADDRESSES: ({ s, o }) => ({ core: `${s} addresses ${o}`, used: [] }),
  FOCUSES_ON: ({ s, o }) => ({ core: `${s} focuses on ${o}`, used: [] }),
  HOLDS_OFFICE: ({ s, o, props, target }) => {
    const title = str(props.title);
    const status = str(props.status);
    const past = status !== null && /\b(previous|former|past)\b/i.test(status);
    const prep = nodeKind(target) === 'Country' ? 'of' : 'at';
    const used = ['title', ...(past ? ['status'] : [])];
    if (title)
      return { core: `${s} ${past ? 'previously held' : 'holds'} the office of ${title} ${prep} ${o}`, used };
    return { core: `${s} ${past ? 'previously held' : 'holds'} an office ${prep} ${o}`, used };
  },
  PART_OF: ({ s, o }) => ({ core: `${s} is part of ${o}`, used: [] }),
  ESTABLISHED_BY: ({ s, o }) => ({ core: `${s} was established by ${o}`, used: [] }),
  COOPERATES_WITH: ({ s, o }) => ({ core: `${s} cooperates with ${o}`, used: [] }),
  RECOMMENDED_PARTNER: ({ s, o }) => ({ core: `${s} is recommended to partner with ${o}`, used: [] }),
  USES_TECHNOLOGY: ({ s, o }) => ({ core: `${s} uses ${o}`, used: [] }),
  HELD_IN: ({ s, o, props }) => {
    const city = str(props.city);
    return { core: city ? `${s} was held in ${city}, ${o}` : `${s} was held in ${o}`, used: ['city'] };
  },
  SUBTYPE_OF: ({ s, o }) => ({ core: `${s} is a subtype of ${o}`, used: [] }),
};

/** The order the briefing lists relationship types in (headings from the model); types not named here follow, in model order. */
const TYPE_ORDER: readonly RelationshipType[] = [
  'PARTICIPATED_IN',
  'MEMBER_OF',
  'HOLDS_OFFICE',
  'PART_OF',
  'LEADS',
  'PARTY_TO',
  'ESTABLISHED_BY',
  'COOPERATES_WITH',
  'RECOMMENDED_PARTNER',
  'HELD_IN',
  'FOCUSES_ON',
  'ADDRESSES',
  'USES_TECHNOLOGY',
  'SUBTYPE_OF',
];

/** Section headings for the relationship types, in the order the briefing lists them. */
export const TYPE_HEADINGS: [string, string][] = [
  ...TYPE_ORDER,
  ...(Object.keys(RELATIONSHIP_TYPES) as RelationshipType[]).filter((t) => !TYPE_ORDER.includes(t)),
].map((t) => [t, RELATIONSHIP_TYPES[t].heading]);

/** "crossBorderOperationsIncrease" -> "cross-border operations increase"-ish: camelCase split into lower-case words. */
function propertyLabel(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

function propertyValue(v: unknown): string {
  if (Array.isArray(v)) return v.map(propertyValue).join(', ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The properties a phrase did not use, as "(objective: ...; strategy: ...)", or ''. */
export function qualifiers(props: Record<string, unknown>, used: string[]): string {
  const parts = Object.keys(props)
    .sort()
    .filter(
      (k) =>
        !CLAIM_META.has(k) &&
        !used.includes(k) &&
        props[k] !== null &&
        props[k] !== undefined &&
        propertyValue(props[k]).trim() !== '',
    )
    .map((k) => `${propertyLabel(k)}: ${propertyValue(props[k]).trim()}`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** The source's own hedging in words; nothing for confirmed claims. */
export function confidenceWords(confidence: unknown): string | null {
  return isConfidence(confidence) ? CONFIDENCE[confidence].caveat : null;
}

const capitalise = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** The claim of one relationship as a plain sentence without the final period, citations or confidence. */
export function claimText(edge: GraphEdge, source: GraphNode, target: GraphNode): string {
  const input: PhraseInput = {
    s: nounPhrase(source),
    o: nounPhrase(target),
    props: edge.properties,
    source,
    target,
  };
  const type = isRelationshipType(edge.type) ? edge.type : null;
  const phrase = (type && PHRASES[type]?.(input)) ?? {
    core: type
      ? `${input.s} ${RELATIONSHIP_TYPES[type].verb} ${input.o}`
      : `${input.s} is linked to ${input.o} (${edge.type.toLowerCase().replace(/_/g, ' ')})`,
    used: [],
  };
  return capitalise(phrase.core) + qualifiers(edge.properties, phrase.used);
}
