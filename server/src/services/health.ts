// Use case: is the API up, and can it reach Neo4j?
import type { HealthResponse } from '../../../contract/index.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { serverVersion } from '../store/graph-reads.js';

/** Reports the database connection; never throws (a down database is "degraded", not an error). */
export async function checkHealth(store: GraphStore): Promise<HealthResponse> {
  try {
    return { status: 'ok', neo4j: { connected: true, ...(await serverVersion(store)) } };
  } catch {
    return { status: 'degraded', neo4j: { connected: false, version: null, edition: null } };
  }
}
