// The nodes with given business keys and every relationship among them, as the driver gives them.
import type { Node, Relationship } from 'neo4j-driver';
import type { GraphStore } from './neo4j-store.js';

/** The nodes with these ids as they are now (in the database's order) and every relationship among them. */
export interface RawSubgraph {
  nodes: Node[];
  rels: Relationship[];
}

/** Reads cypher/subgraph-by-ids.cypher's rows: a node or a relationship each. */
export async function readSubgraph(store: GraphStore, ids: string[]): Promise<RawSubgraph> {
  const out: RawSubgraph = { nodes: [], rels: [] };
  for (const r of (await store.read('subgraph-by-ids', { ids })).records) {
    const node = r.get('node') as Node | null;
    if (node) out.nodes.push(node);
    else out.rels.push(r.get('rel') as Relationship);
  }
  return out;
}
