// POST /cypher: the read-only console's request and its result (rows of cells, and the graph they reference).
import { z } from 'zod';
import { depthWithin } from './json-depth.js';
import { cypherParamsSchema } from './fields.js';
import { graphSchema } from './graph.js';
import { MAX_PARAM_DEPTH, MAX_QUERY_CHARS } from './limits.js';

/** The Cypher text of the console and of query exports. */
export const cypherTextSchema = z
  .string({ message: 'expected the Cypher text as a string' })
  .trim()
  .min(1, 'expected a Cypher query')
  .max(MAX_QUERY_CHARS, `expected at most ${MAX_QUERY_CHARS} characters`);

export const cypherBody = z
  .object(
    {
      query: cypherTextSchema,
      params: cypherParamsSchema
        .refine(
          (params) => depthWithin(params, MAX_PARAM_DEPTH),
          `expected parameter values nested at most ${MAX_PARAM_DEPTH} deep`,
        )
        .optional(),
    },
    { message: 'expected a JSON object with `query` and optional `params`' },
  )
  .strict();
/** Body of POST /api/cypher (no `params`: none). */
export type CypherRequest = z.infer<typeof cypherBody>;

/** A cell of a console result: JSON values as they are; graph values as references into `graph`. */
export type CypherValue =
  | null
  | boolean
  | number
  | string
  | CypherValue[]
  | { [key: string]: CypherValue }
  /** `$node` is the business key, null for an internal node that has none. */
  | { $node: string | null; labels: string[]; name: string | null }
  | { $relationship: string; type: string; source: string; target: string }
  | { $path: { nodes: string[]; edges: string[] } };

// The references are objects too: the record branch accepts them, so the schema needs no branch of its own.
export const cypherValueSchema: z.ZodType<CypherValue> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(cypherValueSchema),
    z.record(z.string(), cypherValueSchema),
  ]),
);

export const cypherResponse = z.strictObject({
  columns: z.array(z.string()),
  rows: z.array(z.array(cypherValueSchema)),
  /** Nodes and relationships that came back, ready for the canvas (evidence included). */
  graph: graphSchema,
  /** True when the row cap cut the result. */
  truncated: z.boolean(),
  rowCap: z.number(),
  elapsedMs: z.number(),
});
export type CypherResponse = z.infer<typeof cypherResponse>;
