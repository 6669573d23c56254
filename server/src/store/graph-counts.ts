// What Neo4j keeps counted: live nodes per label and relationships per type from the count store, without a scan.
import type { GraphStore } from './neo4j-store.js';
import { loadQueries } from './queries.js';
import { plain } from './mapping.js';
import { spliceUnion } from './spliced.js';

const num = (v: unknown): number => plain(v) as number;
const QUERIES = loadQueries();

export interface GraphCounts {
  /** Live nodes per label (soft-deleted nodes keep only :Deleted and are not counted). */
  labels: Map<string, number>;
  /** Relationships per type whose two ends are live. */
  relationships: Map<string, number>;
  /** Live business nodes (:Entity). */
  nodes: number;
}

/**
 * Counts for these model labels and types, in one read transaction of bounded work: a count-store lookup per label
 * and per type, less the relationships touching a soft-deleted node (read from those nodes, which are few).
 */
export async function readGraphCounts(
  store: GraphStore,
  labels: readonly string[],
  types: readonly string[],
): Promise<GraphCounts> {
  const labelText = spliceUnion(QUERIES['schema-count-label'], 'label', labels);
  const typeText = spliceUnion(QUERIES['schema-count-type'], 'type', types);
  return store.transaction(
    'read',
    async (tx) => {
      const labelRows = (await tx.runText(labelText)).records;
      const typeRows = (await tx.runText(typeText)).records;
      const deletedRows = (await tx.run('schema-deleted-links')).records;
      const entities = (await tx.run('count-entities')).records[0];
      const deleted = new Map(deletedRows.map((r) => [r.get('type') as string, num(r.get('count'))]));
      return {
        labels: new Map(labelRows.map((r) => [r.get('label') as string, num(r.get('count'))])),
        relationships: new Map(
          typeRows.map((r) => {
            const type = r.get('type') as string;
            return [type, num(r.get('count')) - (deleted.get(type) ?? 0)];
          }),
        ),
        nodes: entities ? num(entities.get('count')) : 0,
      };
    },
    // Count-store lookups are bounded work: they need not wait behind traversals.
    { lane: 'lookup' },
  );
}
