// Use case: find nodes by name, alias or description, tolerant of typos and partial words.
import type { SearchResponse } from '../api-types.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { fullTextSearch } from '../store/graph-reads.js';

/** Lucene's special characters; user text is escaped so it is always read as words, never syntax. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
/** Words this short match by prefix only; fuzzy matching on them would match almost anything. */
const MIN_FUZZY_LENGTH = 4;

/** Turns free text into a Lucene query: every word must match by prefix, fuzzily, or exactly. */
export function toLuceneQuery(text: string): string | null {
  const words = text.toLowerCase().split(/\s+/).map((w) => w.replace(LUCENE_SPECIAL, '')).filter(Boolean)
    .filter((w) => !['and', 'or', 'not', 'to'].includes(w));
  if (!words.length) return null;
  return words
    .map((w) => (w.length >= MIN_FUZZY_LENGTH ? `(${w}^3 OR ${w}* OR ${w}~1)` : `(${w}^3 OR ${w}*)`))
    .join(' AND ');
}

export interface SearchParams { q: string; labels?: string[]; limit: number }

export async function searchNodes(store: GraphStore, p: SearchParams): Promise<SearchResponse> {
  const query = toLuceneQuery(p.q);
  if (!query) return { nodes: [] };
  return { nodes: await fullTextSearch(store, query, p.labels ?? null, p.limit) };
}
