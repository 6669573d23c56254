// Use case: how are two nodes connected? Shortest, all shortest or k distinct paths, each edge with its evidence.
import type { PathsQuery, PathsResponse } from '../../../contract/index.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { pathsBetween } from '../store/graph-reads.js';
import { getNodeWithEvidence } from './nodes.js';
import { resolveThreat } from './threats.js';

/** The most paths all-shortest returns; more than this is noise on a canvas. */
const MAX_PATHS = 25;

export async function findPaths(store: GraphStore, p: PathsQuery): Promise<PathsResponse> {
  await getNodeWithEvidence(store, p.from, 'from');
  await getNodeWithEvidence(store, p.to, 'to');
  if (p.from === p.to) return { paths: [] };
  const threatIds = p.threat ? (await resolveThreat(store, p.threat)).threatIds : null;
  const limit = p.mode === 'k-paths' ? p.k : MAX_PATHS;
  return {
    paths: await pathsBetween(store, p.mode, {
      from: p.from,
      to: p.to,
      maxHops: p.maxHops,
      relTypes: p.relTypes ?? null,
      threatIds,
      limit,
    }),
  };
}
