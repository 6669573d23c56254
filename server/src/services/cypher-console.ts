// Use case: an investigator's own read-only Cypher, with a time limit and a row cap.
import type { CypherRequest, CypherResponse } from '../../../contract/index.js';
import { runConsoleQuery, type ConsoleLimits } from '../store/console-query.js';
import type { GraphStore } from '../store/neo4j-store.js';

/** Console defaults: 5 s stops a runaway MATCH; 1000 rows is more than a table is read for. */
export const CONSOLE_DEFAULTS: ConsoleLimits = { timeoutMs: 5000, rowCap: 1000 };

/** Runs the query read-only; writes, admin commands and LOAD CSV are refused with WRITE_REFUSED. */
export function runCypher(
  store: GraphStore,
  req: CypherRequest,
  limits: ConsoleLimits = CONSOLE_DEFAULTS,
): Promise<CypherResponse> {
  return runConsoleQuery(store, req.query, req.params ?? {}, limits);
}
