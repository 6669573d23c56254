// Relationships in plain words, for sentences like "France took part in the Five Country Ministerial".
import { relationshipVerb } from '../../../model';
import type { GraphEdge } from '../../../contract';

/** The verb phrase for a relationship type (the model's); unknown types read as their words in lower case. */
export function relationshipPhrase(type: string): string {
  return relationshipVerb(type);
}

/** The relationship as a sentence in its own direction, e.g. "Kristi Noem took part in Five Country Ministerial". */
export function describeRelationship(edge: GraphEdge, nameOf: (id: string) => string): string {
  return `${nameOf(edge.source)} ${relationshipPhrase(edge.type)} ${nameOf(edge.target)}`;
}
