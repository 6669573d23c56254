// Constraints and indexes the app relies on, created idempotently at start-up and before a seed load.
import type { GraphStore } from './neo4j-store.js';
import type { QueryName } from './queries.js';

/** Each runs in its own schema transaction (Neo4j does not mix schema and data writes). */
const SCHEMA_QUERIES: QueryName[] = [
  'constraint-entity-id',
  'index-entity-search',
  'constraint-workspace-id',
  'constraint-workspace-name',
  'constraint-change-id',
  'index-change-target',
  'index-change-other',
  'index-change-at',
  'index-change-operation',
  'index-deleted-id',
  'constraint-user-key',
  'constraint-session-token',
  'index-session-user',
  'index-session-expiry',
  'constraint-source-sha256',
  'constraint-suggestion-id',
  'index-suggestion-source',
  'constraint-extraction-source',
];

/** The full-text index's analyzer (cypher/index-entity-search.cypher); the search service splits words as it does. */
export const SEARCH_ANALYZER = 'standard-folding';

/**
 * Creates every constraint and index that is missing; existing ones are left as they are, except a full-text
 * index from before it covered :Entity or folded diacritics, which is dropped and built anew (Neo4j fills it in
 * the background; searches answer 503 until it is online).
 */
export async function ensureSchema(store: GraphStore): Promise<void> {
  for (const name of SCHEMA_QUERIES) {
    if (name === 'index-entity-search') await dropOutdatedSearchIndex(store);
    // The server's own limit, not the API's 5 s: on a cold JVM under load one schema statement has taken 4.6 s.
    await store.transaction('write', (tx) => tx.run(name), { timeout: null });
  }
}

/** Drops entity_search when it covers a list of kinds rather than :Entity, or splits words with another analyzer. */
async function dropOutdatedSearchIndex(store: GraphStore): Promise<void> {
  const found = await store.transaction(
    'read',
    (tx) => tx.run<{ labels: string[]; analyzer: string | null }>('index-entity-search-labels'),
    { timeout: null, lane: 'lookup' },
  );
  const rec = found.records[0];
  if (rec && (rec.get('labels').join() !== 'Entity' || rec.get('analyzer') !== SEARCH_ANALYZER)) {
    await store.transaction('write', (tx) => tx.run('index-entity-search-drop'), { timeout: null });
  }
}
