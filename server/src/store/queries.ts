// Loads cypher/*.cypher once at start-up into a map keyed by a literal union of query names.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoPath } from '../repo-root.js';

/** Every query the server runs; each is cypher/<name>.cypher. A missing file stops start-up. */
export const QUERY_NAMES = [
  'server-version',
  // Template: the model's labels and types are spliced in (store/spliced.ts) before it runs.
  'schema-counts',
  'constraint-entity-id',
  'index-entity-search',
  'index-entity-search-labels',
  'index-entity-search-drop',
  'seed-sources',
  'seed-nodes',
  'seed-relationships',
  'count-entities',
  'count-all',
  'search',
  'node-by-id',
  'neighbours',
  'neighbours-sampled',
  'shortest-path',
  'all-shortest-paths',
  'k-paths',
  'path-hubs-near',
  'resolve-threat',
  'cooperation',
  'cooperation-members',
  'neighbour-counts',
  // Template (store/spliced.ts).
  'neighbour-degree',
  'neighbour-deleted',
  'neighbour-sample',
  'constraint-workspace-id',
  'constraint-workspace-name',
  'workspace-create',
  'workspace-list',
  'workspace-by-id',
  'workspace-update',
  'workspace-delete',
  'subgraph-by-ids',
  'neighbourhood',
  // The console's plan check: which procedures only read.
  'procedures-read-mode',
  // npm run generate (synthetic graphs for the benchmark); the server never runs these.
  'generate-nodes',
  'generate-relationships',
  // npm run bench: the broadest threat for its cooperation operation.
  'broadest-threat',
  // Curation (issue 5): locked writes, history, sources.
  'curation-lock-nodes',
  'curation-node-create',
  'curation-node-put',
  'curation-edge-create',
  'curation-edge-put',
  'curation-edge-delete',
  'curation-edge-ends',
  'curation-sources',
  'change-create',
  'change-lock',
  'change-mark-reverted',
  'change-by-id',
  'change-list',
  'change-feed',
  'deleted-list',
  'constraint-change-id',
  'index-change-target',
  'index-change-other',
  'index-change-at',
  'index-change-operation',
  'index-deleted-id',
  'source-create',
  'source-list',
  'source-by-id',
  // The briefing's notes widen each quote to its sentence, table row or list item.
  'sources-by-ids',
  'constraint-user-key',
  'constraint-session-token',
  'index-session-user',
  'index-session-expiry',
  'user-create',
  'user-upsert',
  'user-by-key',
  'user-list',
  'user-update',
  'user-delete',
  'session-create',
  'session-lookup',
  'session-delete',
  'session-delete-expired',
  // npm run backup / npm run restore (issue 14); the server never runs these.
  'backup-counts',
  'backup-nodes',
  'backup-relationships',
  'backup-schema',
  'backup-count-all',
  'backup-wipe-relationships',
  'backup-wipe-nodes',
  'restore-key-index',
  'restore-key-index-drop',
  'restore-await-indexes',
  'restore-nodes',
  'restore-relationships',
  'restore-finish',
  // Ingest (issue 17): sources by text, extraction records, suggestions, the vocabulary extraction reads.
  'constraint-source-sha256',
  'constraint-suggestion-id',
  'index-suggestion-source',
  'constraint-extraction-source',
  'source-by-text',
  'suggestion-create',
  'suggestion-list',
  'suggestion-lock',
  'suggestion-candidate',
  'suggestion-decide',
  'extraction-lock',
  'extraction-put',
  'extraction-by-source',
  'vocabulary-stamp',
  'vocabulary-nodes',
  'vocabulary-claims',
  'ingest-node-names',
  'shared-neighbours',
  'dispute-claims',
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

/**
 * Reads that look one node up by a unique, indexed key: bounded work whatever the graph's size. They have an
 * admission lane of their own (see transaction.ts), so a health check, the session lookup of a signed-in request
 * or a click on a node never waits behind traversals (neighbourhoods, paths, cooperation) that fill the other lane.
 */
export const LOOKUP_QUERIES: ReadonlySet<QueryName> = new Set<QueryName>([
  'server-version',
  'node-by-id',
  'source-by-id',
  'change-by-id',
  'workspace-by-id',
  'user-by-key',
  'session-lookup',
]);

export const CYPHER_DIR = repoPath('cypher');

/** Reads all query files; throws naming the first one that is missing or empty. */
export function loadQueries(dir = CYPHER_DIR): Record<QueryName, string> {
  const out = {} as Record<QueryName, string>;
  for (const name of QUERY_NAMES) {
    const file = join(dir, `${name}.cypher`);
    if (!existsSync(file)) throw new Error(`Cypher query file missing: ${file}`);
    const text = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('//'))
      .join('\n')
      .trim();
    if (!text) throw new Error(`Cypher query file is empty: ${file}`);
    out[name] = text;
  }
  return out;
}
