// Use case: how are two nodes connected? Shortest or all shortest paths, each edge with its evidence.
import neo4j from 'neo4j-driver';
import type { PathsResponse } from '../api-types.js';
import { NotFoundError } from '../errors.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { collectGraph } from '../store/mapping.js';
import { resolveThreat } from './threats.js';

/** The most paths all-shortest returns; more than this is noise on a canvas. */
const MAX_PATHS = 25;

export interface PathParams { from: string; to: string; maxHops: number; mode: 'shortest' | 'all-shortest'; threat?: string }

export async function findPaths(store: GraphStore, p: PathParams): Promise<PathsResponse> {
  for (const field of ['from', 'to'] as const) {
    const r = await store.read('node-by-id', { id: p[field] });
    if (!r.records.length) throw new NotFoundError(`No node with id "${p[field]}".`, field);
  }
  const threatIds = p.threat ? (await resolveThreat(store, p.threat)).threatIds : null;
  const params = { from: p.from, to: p.to, maxHops: neo4j.int(p.maxHops), threatIds, limit: neo4j.int(MAX_PATHS) };
  const res = p.from === p.to ? null : await store.read(p.mode === 'shortest' ? 'shortest-path' : 'all-shortest-paths', params);
  return { paths: (res?.records ?? []).map((r) => collectGraph([r.get('path')])) };
}
