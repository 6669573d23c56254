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

/**
 * Creates every constraint and index that is missing; existing ones are left as they are, except a full-text
 * index from before it covered :Entity, which is dropped and built anew (Neo4j fills it in the background;
 * searches answer 503 until it is online).
 */
export async function ensureSchema(store: GraphStore): Promise<void> {
  for (const name of SCHEMA_QUERIES) {
    if (name === 'index-entity-search') await dropOutdatedSearchIndex(store);
    // The server's own limit, not the API's 5 s: on a cold JVM under load one schema statement has taken 4.6 s.
    await store.transaction('write', (tx) => tx.run(name), { timeout: null });
  }
}

/** Drops entity_search when it covers a list of kinds rather than :Entity (made before the model module). */
async function dropOutdatedSearchIndex(store: GraphStore): Promise<void> {
  const found = await store.transaction(
    'read',
    (tx) => tx.run<{ labels: string[] }>('index-entity-search-labels'),
    { timeout: null, lane: 'lookup' },
  );
  const labels = found.records[0]?.get('labels');
  if (labels && labels.join() !== 'Entity') {
    await store.transaction('write', (tx) => tx.run('index-entity-search-drop'), { timeout: null });
  }
}
