// Use case: one node with its provenance.
import type { NodeResponse } from '../../../contract/index.js';
import { NotFoundError } from '../errors.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { findNode } from '../store/graph-reads.js';

/** The node with this business key and its evidence; NotFoundError naming `field` when there is none. */
export async function getNodeWithEvidence(
  store: GraphStore,
  id: string,
  field = 'id',
): Promise<NodeResponse> {
  const node = await findNode(store, id);
  if (!node) throw new NotFoundError(`No node with id "${id}".`, field);
  return { node, evidence: node.evidence ?? [] };
}
