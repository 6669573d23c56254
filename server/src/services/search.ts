// Use case: find nodes by name, alias or description as typed: whole words split as the index splits them,
// exact names first, typos and partial words tolerated.
import type { SearchQuery, SearchResponse } from '../../../contract/index.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { fullTextSearch } from '../store/graph-reads.js';
import { searchPlan, type SearchPlan } from './search-query.js';
import { rankHits } from './search-rank.js';

/**
 * Hits asked of the index per stage: more than the page, so the exact name is among them even when Lucene's score
 * puts a longer description first (the ranking then moves it up). Twice the page, at least 30.
 */
export function candidatesFor(limit: number): number {
  return Math.max(limit * 2, 30);
}

/**
 * The search, in stages: every word (exactly, as a prefix, or in another spelling); when that finds fewer than
 * `limit`, also any of the words, each within one typo, after the first stage's hits (`plan`: searchPlan's, null
 * for text without words). `run` executes one stage's Lucene query; the benchmark passes the raw driver.
 */
export async function stagedSearch<T>(
  plan: SearchPlan | null,
  limit: number,
  run: (query: string) => Promise<T[]>,
): Promise<T[]> {
  if (!plan) return [];
  const hits = await run(plan.strict);
  return hits.length >= limit || !plan.relaxed ? hits : [...hits, ...(await run(plan.relaxed))];
}

export async function searchNodes(store: GraphStore, p: SearchQuery): Promise<SearchResponse> {
  const plan = searchPlan(p.q);
  if (!plan) return { nodes: [] };
  const hits = await stagedSearch(plan, p.limit, (query) =>
    fullTextSearch(store, query, p.labels ?? null, candidatesFor(p.limit)),
  );
  return { nodes: rankHits(plan, hits).slice(0, p.limit) };
}
