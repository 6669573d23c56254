// Relationship types in plain words, for sentences like "France took part in the Five Country Ministerial".
import type { GraphEdge } from '../../../server/src/api-types';

/** What `source -[TYPE]-> target` says, as the verb phrase between the two names. */
const PHRASES: Readonly<Record<string, string>> = {
  PARTICIPATED_IN: 'took part in',
  PARTY_TO: 'is a party to',
  LEADS: 'leads',
  ADDRESSES: 'addresses',
  FOCUSES_ON: 'focuses on',
  HOLDS_OFFICE: 'holds office in',
  PART_OF: 'is part of',
  MEMBER_OF: 'is a member of',
  ESTABLISHED_BY: 'was established by',
  COOPERATES_WITH: 'cooperates with',
  RECOMMENDED_PARTNER: 'is recommended as a partner of',
  USES_TECHNOLOGY: 'uses',
  HELD_IN: 'was held in',
  SUBTYPE_OF: 'is a kind of',
};

/** The verb phrase for a relationship type; unknown types read as their words in lower case. */
export function relationshipPhrase(type: string): string {
  return PHRASES[type] ?? type.toLowerCase().replace(/_/g, ' ');
}

/** The relationship as a sentence in its own direction, e.g. "Kristi Noem took part in Five Country Ministerial". */
export function describeRelationship(edge: GraphEdge, nameOf: (id: string) => string): string {
  return `${nameOf(edge.source)} ${relationshipPhrase(edge.type)} ${nameOf(edge.target)}`;
}
