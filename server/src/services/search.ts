// Use case: find nodes by name, alias or description, tolerant of typos and partial words.
import type { SearchQuery, SearchResponse } from '../../../contract/index.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { fullTextSearch } from '../store/graph-reads.js';

/** Lucene's special characters; user text is escaped so it is always read as words, never syntax. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
/** Words this short match by prefix only; fuzzy matching on them would match almost anything. */
const MIN_FUZZY_LENGTH = 4;

/** The words of free text, escaped so they are always read as words, never Lucene syntax. */
function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(LUCENE_SPECIAL, ''))
    .filter(Boolean)
    .filter((w) => !['and', 'or', 'not', 'to'].includes(w));
}

/**
 * Free text as Lucene queries, every word required. `exact`: each word exactly or as a prefix (cheap); `fuzzy`:
 * also within one edit (a typo), which expands to many terms on a large index, so it runs only when `exact`
 * finds fewer hits than asked for. `fuzzy` is null when no word is long enough to be matched fuzzily.
 */
export function toLuceneQueries(text: string): { exact: string; fuzzy: string | null } | null {
  const words = searchWords(text);
  if (!words.length) return null;
  const term = (w: string, fuzzy: boolean): string =>
    fuzzy && w.length >= MIN_FUZZY_LENGTH ? `(${w}^3 OR ${w}* OR ${w}~1)` : `(${w}^3 OR ${w}*)`;
  const exact = words.map((w) => term(w, false)).join(' AND ');
  if (!words.some((w) => w.length >= MIN_FUZZY_LENGTH)) return { exact, fuzzy: null };
  return { exact, fuzzy: words.map((w) => term(w, true)).join(' AND ') };
}

/**
 * The search, in stages: exact and prefix matches; when those are fewer than `limit`, the fuzzy query instead
 * (its hits include the exact ones, ranked higher). `run` executes one stage; the benchmark passes the raw driver.
 */
export async function stagedSearch<T>(
  text: string,
  limit: number,
  run: (query: string) => Promise<T[]>,
): Promise<T[]> {
  const queries = toLuceneQueries(text);
  if (!queries) return [];
  const hits = await run(queries.exact);
  return hits.length >= limit || !queries.fuzzy ? hits : run(queries.fuzzy);
}

export async function searchNodes(store: GraphStore, p: SearchQuery): Promise<SearchResponse> {
  return {
    nodes: await stagedSearch(p.q, p.limit, (query) =>
      fullTextSearch(store, query, p.labels ?? null, p.limit),
    ),
  };
}
