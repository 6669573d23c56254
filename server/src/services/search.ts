// Use case: find nodes by name, alias or description, tolerant of typos and partial words.
import neo4j from 'neo4j-driver';
import type { SearchResponse } from '../api-types.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { toGraphNode } from '../store/mapping.js';

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
  const res = await store.read('search', { query, labels: p.labels ?? null, limit: neo4j.int(p.limit) });
  return {
    nodes: res.records.map((r) => {
      const node = toGraphNode(r.get('node'));
      delete node.evidence;
      return { ...node, score: r.get('score') as number };
    }),
  };
}
