// Node and relationship totals, to show what a seed run changed.
import type { GraphStore } from '../server/src/store/neo4j-store.js';
import { plain } from '../server/src/store/mapping.js';

export async function graphCounts(store: GraphStore): Promise<{ nodes: number; relationships: number }> {
  const rec = (await store.read('count-all')).records[0]!;
  return { nodes: plain(rec.get('nodes')) as number, relationships: plain(rec.get('relationships')) as number };
}
