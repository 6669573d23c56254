// POST /api/cypher: the read-only console. The body is validated here; the plan check lives in the store.
import { Router } from 'express';
import { z } from 'zod';
import type { GraphStore } from '../store/neo4j-store.js';
import { CONSOLE_DEFAULTS, runCypher } from '../services/cypher-console.js';
import type { ConsoleLimits } from '../store/console-query.js';
import { parseInput } from './validate.js';
import { depthWithin } from '../json-depth.js';

/** Longer than any query a person types; longer text is a paste accident or an attack. */
const MAX_QUERY_CHARS = 20_000;

/** Parameter values deeper than this are not something a person writes by hand. */
const MAX_PARAM_DEPTH = 32;

const cypherBody = z
  .object(
    {
      query: z
        .string({ message: 'expected the Cypher text as a string' })
        .trim()
        .min(1, 'expected a Cypher query')
        .max(MAX_QUERY_CHARS, `expected at most ${MAX_QUERY_CHARS} characters`),
      params: z
        .record(
          z
            .string()
            .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected parameter names made of letters, digits and _'),
          // The body came through JSON.parse, so every value is JSON; only its depth needs a bound.
          z.unknown(),
          { message: 'expected an object of parameter values' },
        )
        .refine(
          (params) => depthWithin(params, MAX_PARAM_DEPTH),
          `expected parameter values nested at most ${MAX_PARAM_DEPTH} deep`,
        )
        .default({}),
    },
    { message: 'expected a JSON object with `query` and optional `params`' },
  )
  .strict();

export function consoleRoutes(store: GraphStore, limits: ConsoleLimits = CONSOLE_DEFAULTS): Router {
  const r = Router();
  r.post('/cypher', async (req, res) => {
    res.json(await runCypher(store, parseInput(cypherBody, req.body ?? undefined), limits));
  });
  return r;
}
