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

/** Registers the read endpoints on `r` (a new router by default) and returns it. */
export function readRoutes(store: GraphStore, r: Router = Router()): Router {
  route(r, 'GET /health', async (_in, _req, res) => {
    const health = await checkHealth(store);
    res.status(health.neo4j.connected ? 200 : 503);
    return health;
  });
  route(r, 'GET /schema', () => describeSchema(store));
  route(r, 'GET /search', ({ query }) => searchNodes(store, query));
  route(r, 'GET /nodes/:id', ({ params }) => getNodeWithEvidence(store, params.id));
  route(r, 'GET /nodes/:id/neighbours', ({ params, query }) =>
    expandNeighbourhood(store, { id: params.id, ...query }),
  );
  route(r, 'GET /nodes/:id/neighbour-counts', ({ params }) => countNeighbours(store, params.id));
  route(r, 'GET /nodes/:id/neighbourhood', ({ params, query }) =>
    twoHopNeighbourhood(store, params.id, query.limit),
  );
  route(r, 'GET /paths', ({ query }) => findPaths(store, query));
  route(r, 'GET /cooperation', ({ query }) => cooperationOnThreat(store, query));
  return r;
}
