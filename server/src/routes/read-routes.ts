// Read endpoints: health, schema, search, nodes, neighbours, paths, cooperation. Thin: validate, call, reply.
import { Router } from 'express';
import { z } from 'zod';
import type { GraphStore } from '../store/neo4j-store.js';
import { checkHealth } from '../services/health.js';
import { describeSchema } from '../services/schema.js';
import { searchNodes } from '../services/search.js';
import { getNodeWithEvidence } from '../services/nodes.js';
import { expandNeighbourhood } from '../services/neighbours.js';
import { countNeighbours } from '../services/neighbour-counts.js';
import { findPaths } from '../services/paths.js';
import { NEIGHBOURHOOD_LIMIT, twoHopNeighbourhood } from '../services/neighbourhood.js';
import { PAIR_LIMIT, cooperationOnThreat } from '../services/cooperation.js';
import { idSchema, intInRange, labelsSchema, parseInput, relTypesSchema, singleQuery } from './validate.js';

/** Neighbour cap: 50 by default keeps a first expansion readable; 500 is the hard ceiling. */
export const NEIGHBOUR_LIMIT = { default: 50, max: 500 } as const;
/** Paths longer than 6 hops say little about cooperation and cost a lot to find. */
export const MAX_HOPS = 6;
/** k-paths returns at most 10 paths: beyond that an investigator reads a list, not a picture. */
export const MAX_K_PATHS = 10;

const searchQuery = z.object({
  q: z
    .string({ message: 'expected search text' })
    .trim()
    .min(1, 'expected search text')
    .max(200, 'expected at most 200 characters'),
  labels: labelsSchema,
  limit: intInRange(1, 100, 10),
});

const threatSchema = z
  .string({ message: 'expected a threat id or name' })
  .trim()
  .min(1, 'expected a threat id or name')
  .max(200, 'expected at most 200 characters');

const neighboursQuery = z.object({
  relTypes: relTypesSchema,
  direction: z.enum(['out', 'in'], { message: 'expected "out" (node -> neighbour) or "in"' }).optional(),
  labels: labelsSchema,
  threat: threatSchema.optional(),
  limit: intInRange(1, NEIGHBOUR_LIMIT.max, NEIGHBOUR_LIMIT.default),
  skip: intInRange(0, 1_000_000, 0),
});

const pathsQuery = z.object({
  from: idSchema,
  to: idSchema,
  maxHops: intInRange(1, MAX_HOPS, 4),
  mode: z
    .enum(['shortest', 'all-shortest', 'k-paths'], {
      message: 'expected "shortest", "all-shortest" or "k-paths"',
    })
    .default('shortest'),
  k: intInRange(1, MAX_K_PATHS, 3),
  relTypes: relTypesSchema,
  threat: threatSchema.optional(),
});

const cooperationQuery = z.object({
  threat: threatSchema,
  actor: idSchema.optional(),
  limit: intInRange(1, PAIR_LIMIT.max, PAIR_LIMIT.default),
});

export function readRoutes(store: GraphStore): Router {
  const r = Router();
  r.get('/health', async (_req, res) => {
    const health = await checkHealth(store);
    res.status(health.neo4j.connected ? 200 : 503).json(health);
  });
  r.get('/schema', async (_req, res) => {
    res.json(await describeSchema(store));
  });
  r.get('/search', async (req, res) => {
    res.json(await searchNodes(store, parseInput(searchQuery, singleQuery(req))));
  });
  r.get('/nodes/:id', async (req, res) => {
    res.json(await getNodeWithEvidence(store, parseInput(idSchema, req.params.id)));
  });
  r.get('/nodes/:id/neighbours', async (req, res) => {
    const id = parseInput(idSchema, req.params.id);
    res.json(await expandNeighbourhood(store, { id, ...parseInput(neighboursQuery, singleQuery(req)) }));
  });
  r.get('/nodes/:id/neighbour-counts', async (req, res) => {
    parseInput(z.object({}).strict(), singleQuery(req));
    res.json(await countNeighbours(store, parseInput(idSchema, req.params.id)));
  });
  r.get('/nodes/:id/neighbourhood', async (req, res) => {
    const id = parseInput(idSchema, req.params.id);
    const { limit } = parseInput(
      z.object({ limit: intInRange(1, NEIGHBOURHOOD_LIMIT.max, NEIGHBOURHOOD_LIMIT.default) }).strict(),
      singleQuery(req),
    );
    res.json(await twoHopNeighbourhood(store, id, limit));
  });
  r.get('/paths', async (req, res) => {
    res.json(await findPaths(store, parseInput(pathsQuery, singleQuery(req))));
  });
  r.get('/cooperation', async (req, res) => {
    res.json(await cooperationOnThreat(store, parseInput(cooperationQuery, singleQuery(req))));
  });
  return r;
}
