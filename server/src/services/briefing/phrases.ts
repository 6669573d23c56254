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

/** What a phrase needs: the object's phrase, the edge's properties and the ends themselves. */
export interface PhraseInput {
  o: string;
  props: Record<string, unknown>;
  source: GraphNode;
  target: GraphNode;
}

/**
 * A claim in parts, so claims can share a sentence: "France and the United Kingdom | are party to | the A, the B".
 * `verb` is the singular form, `verbMany` the plural; `object` ends the sentence (with any words after the object).
 */
export interface ClaimParts {
  verb: string;
  verbMany: string;
  object: string;
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

const FIRST_WORD_PLURAL: Record<string, string> = { is: 'are', was: 'were', has: 'have' };
const pluralNoun = (w: string): string =>
  /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : /(s|sh|ch|x)$/.test(w) ? `${w}es` : `${w}s`;

/** The verb phrase for several subjects: "is a member of" -> "are members of", "focuses on" -> "focus on". */
export function pluralVerb(verb: string): string {
  const [first = '', ...rest] = verb.split(' ');
  let head = FIRST_WORD_PLURAL[first];
  if (head === undefined) {
    // Third-person -s verbs lose it ("addresses", "focuses", "leads", "uses"); past tenses stay as they are.
    if (/(ss|sh|ch|x|z|cus)es$/.test(first)) head = first.slice(0, -2);
    else if (/s$/.test(first) && !/(ss|us)$/.test(first)) head = first.slice(0, -1);
    else head = first;
  }
  return [head, ...rest].join(' ').replace(/\ban? ([a-z]+)\b/g, (_, noun: string) => pluralNoun(noun));
}

const parts = (verb: string, object: string): ClaimParts => ({ verb, verbMany: pluralVerb(verb), object });

/**
 * Phrases for relationship types whose sentence needs more than the model's verb: `role`, `title`, `status` and
 * `city` change the verb or the object where they can. Other properties (curators' summaries such as `objective`)
 * stay out of the prose: the notes quote the source's own words instead.
 */
export const PHRASES: Partial<Record<RelationshipType, (p: PhraseInput) => ClaimParts>> = {
  PARTICIPATED_IN: ({ o, props, target }) => {
    const role = str(props.role);
    const planned = NOT_YET.test(String(target.properties.status ?? ''));
    const verb = role ? PARTICIPATION_VERBS[role.toLowerCase()] : undefined;
    if (verb) return parts(verb[planned ? 1 : 0], o);
    return parts(planned ? 'is to participate in' : 'participated in', role ? `${o} as ${role}` : o);
  },
  MEMBER_OF: ({ o }) => parts('is a member of', o),
  PARTY_TO: ({ o }) => parts('is party to', o),
  LEADS: ({ o, props }) => {
    const role = str(props.role);
    return parts(
      'leads',
      role && /^lead (country|nation|organi[sz]ation)$/i.test(role) ? `${o} as ${role}` : o,
    );
  },
  ADDRESSES: ({ o }) => parts('addresses', o),
  FOCUSES_ON: ({ o }) => parts('focuses on', o),
  HOLDS_OFFICE: ({ o, props, target }) => {
    const title = str(props.title);
    const status = str(props.status);
    const past = status !== null && /\b(previous|former|past)\b/i.test(status);
    const prep = nodeKind(target) === 'Country' ? 'of' : 'at';
    const office = title ? `the office of ${title} ${prep}` : `an office ${prep}`;
    return past
      ? { verb: `previously held ${office}`, verbMany: `previously held ${office}`, object: o }
      : { verb: `holds ${office}`, verbMany: `hold ${office}`, object: o };
  },
  PART_OF: ({ o }) => parts('is part of', o),
  ESTABLISHED_BY: ({ o }) => parts('was established by', o),
  COOPERATES_WITH: ({ o }) => parts('cooperates with', o),
  RECOMMENDED_PARTNER: ({ o }) => parts('is recommended to partner with', o),
  USES_TECHNOLOGY: ({ o }) => parts('uses', o),
  HELD_IN: ({ o, props }) => {
    const city = str(props.city);
    return parts('was held in', city ? `${city}, ${o}` : o);
  },
  SUBTYPE_OF: ({ o }) => parts('is a subtype of', o),
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

/** The source's own hedging in words; nothing for confirmed claims. */
export function confidenceWords(confidence: unknown): string | null {
  return isConfidence(confidence) ? CONFIDENCE[confidence].caveat : null;
}

/** The first letter in upper case ("the United Kingdom" -> "The United Kingdom"). */
export const capitalise = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** "A", "A and B", "A, B and C". */
export function joinWords(list: readonly string[]): string {
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** The verb and object of one relationship (the subject is nounPhrase(source)). */
export function claimParts(edge: GraphEdge, source: GraphNode, target: GraphNode): ClaimParts {
  const o = nounPhrase(target);
  const type = isRelationshipType(edge.type) ? edge.type : null;
  const phrase = type ? PHRASES[type]?.({ o, props: edge.properties, source, target }) : undefined;
  if (phrase) return phrase;
  if (type) return parts(RELATIONSHIP_TYPES[type].verb, o);
  // A type outside the model reads as a plain link, its name in words.
  return {
    verb: 'is linked to',
    verbMany: 'are linked to',
    object: `${o} (${edge.type.toLowerCase().replace(/_/g, ' ')})`,
  };
}

/** The claim of one relationship as a plain sentence without the final period, citations or confidence. */
export function claimText(edge: GraphEdge, source: GraphNode, target: GraphNode): string {
  const p = claimParts(edge, source, target);
  return capitalise(`${nounPhrase(source)} ${p.verb} ${p.object}`);
}
