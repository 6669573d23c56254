// Use case: is the API up, and can it reach Neo4j?
import type { HealthResponse } from '../api-types.js';
import type { GraphStore } from '../store/neo4j-store.js';

/** Reports the database connection; never throws (a down database is "degraded", not an error). */
export async function checkHealth(store: GraphStore): Promise<HealthResponse> {
  try {
    const r = await store.read('server-version');
    const rec = r.records[0];
    return { status: 'ok', neo4j: { connected: true, version: (rec?.get('version') as string) ?? null, edition: (rec?.get('edition') as string) ?? null } };
  } catch {
    return { status: 'degraded', neo4j: { connected: false, version: null, edition: null } };
  }
}
