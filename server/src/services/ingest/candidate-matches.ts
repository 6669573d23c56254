// The existing nodes a candidate most likely is: name similarity (Levenshtein over the names and aliases of both)
// narrowed by shared words first, then raised by the neighbours the article gives the candidate that the node has.
import { distance } from 'fastest-levenshtein';
import type { SuggestionMatch } from '../../../../contract/index.js';
import { kindOf } from '../../../../model/index.js';
import { foldChars } from '../../ingest/normalise.js';
import type { Vocabulary, VocabularyNode } from '../../ingest/types.js';

/** How many matches a candidate offers, and the least score worth offering. */
const MAX_MATCHES = 5;
const MIN_SCORE = 0.35;
/** Nodes compared by Levenshtein per candidate, after the shared-word filter. */
const MAX_COMPARED = 200;
/** Share of the score from name similarity; the rest from shared neighbours (3 or more count fully). */
const NAME_WEIGHT = 0.75;
const FULL_SHARED = 3;

const norm = (s: string): string =>
  foldChars(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const words = (s: string): string[] =>
  norm(s)
    .split(' ')
    .filter((w) => w.length >= 2);

/** A word index of the vocabulary's names and aliases, built once per vocabulary. */
export interface NameIndex {
  byWord: Map<string, VocabularyNode[]>;
}

const indexes = new WeakMap<Vocabulary, NameIndex>();

export function nameIndex(vocabulary: Vocabulary): NameIndex {
  let idx = indexes.get(vocabulary);
  if (idx) return idx;
  const byWord = new Map<string, VocabularyNode[]>();
  for (const n of vocabulary.nodes) {
    const seen = new Set<string>();
    for (const name of [n.name, ...(n.aliases ?? [])])
      for (const w of words(name)) {
        if (seen.has(w)) continue;
        seen.add(w);
        const list = byWord.get(w);
        if (list) list.push(n);
        else byWord.set(w, [n]);
      }
  }
  idx = { byWord };
  indexes.set(vocabulary, idx);
  return idx;
}

/** 0-1 similarity of two names: 1 - edit distance / longer length, on folded text. */
export function nameSimilarity(a: string, b: string): number {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  return 1 - distance(x, y) / Math.max(x.length, y.length);
}

/** The best similarity between any name of the candidate and any name of the node. */
function bestSimilarity(names: readonly string[], node: VocabularyNode): number {
  let best = 0;
  for (const a of names)
    for (const b of [node.name, ...(node.aliases ?? [])]) best = Math.max(best, nameSimilarity(a, b));
  return best;
}

/** Nodes sharing a word with the candidate's names, those of its kind first, at most MAX_COMPARED. */
export function similarNodes(
  idx: NameIndex,
  label: string,
  names: readonly string[],
): { node: VocabularyNode; similarity: number }[] {
  const hits = new Map<string, { node: VocabularyNode; shared: number }>();
  for (const w of new Set(names.flatMap(words)))
    for (const node of idx.byWord.get(w) ?? []) {
      const h = hits.get(node.id) ?? { node, shared: 0 };
      h.shared++;
      hits.set(node.id, h);
    }
  return [...hits.values()]
    .filter((h) => kindOf(h.node.labels) !== 'Source')
    .sort((a, b) => b.shared - a.shared)
    .slice(0, MAX_COMPARED)
    .map(({ node }) => ({
      node,
      // Another kind is a weaker match: "Interpol" the organisation is not a forum of that name.
      similarity: bestSimilarity(names, node) * (kindOf(node.labels) === label ? 1 : 0.8),
    }))
    .filter((h) => h.similarity >= MIN_SCORE * 0.8);
}

/** Ranks candidates' `similar` nodes with the neighbours they share (`shared`: node id → candidate neighbours it has). */
export function rankMatches(
  similar: readonly { node: VocabularyNode; similarity: number }[],
  shared: ReadonlyMap<string, readonly string[]>,
): SuggestionMatch[] {
  return similar
    .map(({ node, similarity }) => {
      const n = shared.get(node.id)?.length ?? 0;
      const score = NAME_WEIGHT * similarity + (1 - NAME_WEIGHT) * Math.min(1, n / FULL_SHARED);
      return {
        nodeId: node.id,
        name: node.name,
        label: kindOf(node.labels) ?? node.labels[0] ?? 'Other',
        similarity: Math.round(similarity * 1000) / 1000,
        sharedNeighbours: n,
        score: Math.round(score * 1000) / 1000,
      };
    })
    .filter((m) => m.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || b.similarity - a.similarity || a.name.localeCompare(b.name))
    .slice(0, MAX_MATCHES);
}
