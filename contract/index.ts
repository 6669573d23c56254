// The HTTP API's contract, written once: the zod schema of every request part (params, query, body) and
// every answer, with their types by z.infer. Routes validate with these schemas (one helper:
// server/src/routes/validate.ts), services take and return these types, the client's API layer is typed
// by them, and the API tests parse every answer through them. It builds on the model (model/) and imports
// nothing of server/, client/ or seed/; limits.ts holds the plain values the client may import without zod.
//
// To add an endpoint: its schemas in the file of its area, one row in ENDPOINTS (endpoints.ts), then
// `route(router, 'METHOD /path', …)` in a routes file. The tables keyed by EndpointKey then fail to compile
// until they have its row: who may call it (server/src/auth/access-matrix.ts, ACCESS) and the tests' rows
// (tests/server/route-contract.test.ts, tests/server/access-matrix.test.ts).

export * from './accounts.js';
export * from './console.js';
export * from './curation.js';
export * from './endpoints.js';
export * from './errors.js';
export * from './export.js';
export * from './fields.js';
export * from './graph.js';
export * from './ingest.js';
export * from './json-depth.js';
export * from './limits.js';
export * from './read.js';
export * from './workspaces.js';
export type { Confidence, EntityKind, NodeLabel } from '../model/index.js';
