// POST /api/cypher: the read-only console. The body is validated by the contract; the plan check lives in the store.
import { Router } from 'express';
import type { GraphStore } from '../store/neo4j-store.js';
import { CONSOLE_DEFAULTS, runCypher } from '../services/cypher-console.js';
import type { ConsoleLimits } from '../store/console-query.js';
import { route } from './validate.js';

export function consoleRoutes(store: GraphStore, limits: ConsoleLimits = CONSOLE_DEFAULTS): Router {
  const r = Router();
  route(r, 'POST /cypher', ({ body }) => runCypher(store, body, limits));
  return r;
}
