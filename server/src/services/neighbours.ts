// Use case: expand a node's neighbourhood, filtered and capped so a supernode cannot flood the view.
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { NeighboursResponse } from '../api-types.js';
import { NotFoundError } from '../errors.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { collectGraph, plain } from '../store/mapping.js';

export interface NeighbourParams {
  id: string;
  relTypes?: string[];
  labels?: string[];
  threat?: string;
  limit: number;
  skip: number;
}

/** The centre node, up to `limit` neighbours (most connected first) and the edges to them. */
export async function expandNeighbourhood(store: GraphStore, p: NeighbourParams): Promise<NeighboursResponse> {
  const res = await store.read('neighbours', {
    id: p.id,
    relTypes: p.relTypes ?? null,
    labels: p.labels ?? null,
    threat: p.threat ?? null,
    skip: neo4j.int(p.skip),
    limit: neo4j.int(p.limit),
  });
  const rec = res.records[0];
  if (!rec) {
    const exists = await store.read('node-by-id', { id: p.id });
    if (!exists.records.length) throw new NotFoundError(`No node with id "${p.id}".`, 'id');
    return { nodes: [], edges: [], total: 0, truncated: false };
  }
  const page = rec.get('page') as { node: Node; rels: Relationship[] }[];
  const total = plain(rec.get('total')) as number;
  const graph = collectGraph([rec.get('centre'), page]);
  return { ...graph, total, truncated: p.skip + page.length < total };
}
