// The graph's vocabulary for extraction (names, aliases, one-at-a-time claims), read once per state of the graph:
// a cheap stamp (node and change counts, newest change) says when to read it again.
import { defaultRules } from '../../ingest/rules.js';
import type { RelationshipType } from '../../ingest/model.js';
import type { Vocabulary } from '../../ingest/types.js';
import { vocabularyRows, vocabularyStamp } from '../../store/ingest-store.js';
import type { GraphStore } from '../../store/neo4j-store.js';

/** Relationship types the dispute rules compare (rules/disputes.json): the only claims extraction reads. */
export const DISPUTE_TYPES: readonly RelationshipType[] = [
  ...new Set(defaultRules().disputes.functional.map((f) => f.type as RelationshipType)),
];

let cached: { stamp: string; vocabulary: Promise<Vocabulary> } | null = null;

/** The current stamp, and the vocabulary (read lazily, shared by every extraction of that stamp). */
export async function currentVocabulary(
  store: GraphStore,
): Promise<{ stamp: string; vocabulary: () => Promise<Vocabulary> }> {
  const stamp = await vocabularyStamp(store);
  return {
    stamp,
    vocabulary: () => {
      if (cached?.stamp !== stamp) {
        const vocabulary = vocabularyRows(store, DISPUTE_TYPES).then(({ nodes, claims }) => ({
          nodes,
          claims: claims.map((c) => ({
            type: c.type as RelationshipType,
            from: c.from,
            to: c.to,
            properties: c.title ? { title: c.title } : {},
          })),
        }));
        cached = { stamp, vocabulary };
        vocabulary.catch(() => {
          if (cached?.vocabulary === vocabulary) cached = null;
        });
      }
      return cached.vocabulary;
    },
  };
}
