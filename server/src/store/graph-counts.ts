// What Neo4j keeps counted: live nodes per label and relationships per type from the count store, without a scan.
import type { GraphStore } from './neo4j-store.js';
import { loadQueries } from './queries.js';
import { plain } from './mapping.js';
import { splice } from './spliced.js';

const QUERIES = loadQueries();

export interface GraphCounts {
  /** Live nodes per label (soft-deleted nodes keep only :Deleted and are not counted). */
  labels: Map<string, number>;
  /** Relationships per type whose two ends are live. */
  relationships: Map<string, number>;
  /** Live business nodes (:Entity). */
  nodes: number;
}

type Row<K extends string> = Record<K, string> & { count: number };

/**
 * Counts for these model labels and types in one statement of bounded work: a count-store lookup per label and per
 * type, less the relationships touching a soft-deleted node (read from those nodes, which are few).
 */
export async function readGraphCounts(
  store: GraphStore,
  labels: readonly string[],
  types: readonly string[],
): Promise<GraphCounts> {
  const text = splice(QUERIES['schema-counts'], { label: labels, type: types });
  const rec = await store.transaction('read', async (tx) => (await tx.runText(text)).records[0]!, {
    // Count-store lookups are bounded work: they need not wait behind traversals.
    lane: 'lookup',
  });
  const deleted = new Map(
    (plain(rec.get('deletedLinks')) as Row<'type'>[]).map((d) => [d.type, d.count] as const),
  );
  return {
    labels: new Map((plain(rec.get('labels')) as Row<'label'>[]).map((l) => [l.label, l.count])),
    relationships: new Map(
      (plain(rec.get('types')) as Row<'type'>[]).map((t) => [t.type, t.count - (deleted.get(t.type) ?? 0)]),
    ),
    nodes: plain(rec.get('nodes')) as number,
  };
}
