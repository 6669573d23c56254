// Read endpoints: health, schema, search, nodes, neighbours, paths, cooperation. Thin: validate, call, reply.
import { Router } from 'express';
import type { GraphStore } from '../store/neo4j-store.js';
import { checkHealth } from '../services/health.js';
import { describeSchema } from '../services/schema.js';
import { searchNodes } from '../services/search.js';
import { getNodeWithEvidence } from '../services/nodes.js';
import { expandNeighbourhood } from '../services/neighbours.js';
import { countNeighbours } from '../services/neighbour-counts.js';
import { findPaths } from '../services/paths.js';
import { twoHopNeighbourhood } from '../services/neighbourhood.js';
import { cooperationOnThreat } from '../services/cooperation.js';
import { route } from './validate.js';
import type { EndpointKey, RequestOf, ResponseOf } from '../../../contract/index.js';

/** The reads whose answer depends only on the parsed request: what the read lane (read-lane.ts) may answer. */
export const LANE_READS = [
  'GET /health',
  'GET /schema',
  'GET /search',
  'GET /nodes/:id',
  'GET /nodes/:id/neighbours',
  'GET /nodes/:id/neighbour-counts',
  'GET /nodes/:id/neighbourhood',
  'GET /paths',
  'GET /cooperation',
] as const satisfies readonly EndpointKey[];
export type LaneRead = (typeof LANE_READS)[number];

/** Each lane read's work, given its parsed request. */
export function laneReads(store: GraphStore): {
  [K in LaneRead]: (input: RequestOf<K>) => Promise<ResponseOf<K>>;
} {
  return {
    'GET /health': () => checkHealth(store),
    'GET /schema': () => describeSchema(store),
    'GET /search': ({ query }) => searchNodes(store, query),
    'GET /nodes/:id': ({ params }) => getNodeWithEvidence(store, params.id),
    'GET /nodes/:id/neighbours': ({ params, query }) =>
      expandNeighbourhood(store, { id: params.id, ...query }),
    'GET /nodes/:id/neighbour-counts': ({ params }) => countNeighbours(store, params.id),
    'GET /nodes/:id/neighbourhood': ({ params, query }) => twoHopNeighbourhood(store, params.id, query.limit),
    'GET /paths': ({ query }) => findPaths(store, query),
    'GET /cooperation': ({ query }) => cooperationOnThreat(store, query),
  };
}

/** The status of a read's answer: 200, except the health check's 503 when Neo4j cannot be reached. */
export function readStatus(key: LaneRead, out: unknown): number {
  return key === 'GET /health' && !(out as ResponseOf<'GET /health'>).neo4j.connected ? 503 : 200;
}

/** Registers the read endpoints on `r` (a new router by default) and returns it. */
export function readRoutes(store: GraphStore, r: Router = Router()): Router {
  const reads = laneReads(store);
  for (const key of LANE_READS) {
    const read = reads[key] as (input: unknown) => Promise<ResponseOf<typeof key>>;
    route(r, key, async (input, _req, res) => {
      const out = await read(input);
      res.status(readStatus(key, out));
      return out;
    });
  }
  return r;
}
