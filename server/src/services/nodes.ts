// Use case: one node with its provenance.
import type { NodeResponse } from '../api-types.js';
import { NotFoundError } from '../errors.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { toGraphNode } from '../store/mapping.js';

/** The node with this business key and its evidence; NotFoundError when there is none. */
export async function getNodeWithEvidence(store: GraphStore, id: string): Promise<NodeResponse> {
  const res = await store.read('node-by-id', { id });
  const rec = res.records[0];
  if (!rec) throw new NotFoundError(`No node with id "${id}".`, 'id');
  const node = toGraphNode(rec.get('node'));
  const evidence = node.evidence ?? [];
  return { node, evidence };
}
