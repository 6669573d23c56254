// Client for the read-only Cypher console endpoint (POST /api/cypher).
import type { CypherRequest, CypherResponse } from '../../../contract';
import { callEndpoint } from './endpoint';

/** The console's view of the API. */
export interface CypherApi {
  /** Runs a read-only query; refusals and errors reject with an ApiError (WRITE_REFUSED, CYPHER_ERROR, ...). */
  run(request: CypherRequest, signal?: AbortSignal): Promise<CypherResponse>;
}

/** Creates the console client for the API at `base` (default `/api`). */
export function createCypherApi(base = '/api'): CypherApi {
  return {
    run: (body, signal) => callEndpoint(base, 'POST /cypher', { body, signal }),
  };
}
