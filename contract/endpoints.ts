// Every endpoint of the HTTP API with the schemas of its path parameters, query, body and answer: the table
// routes are registered from (server/src/routes/validate.ts), tests check answers against, and the client's
// API layer is typed by. Paths are relative to /api.
import type { z } from 'zod';
import {
  loginBody,
  loginResponse,
  meResponse,
  userCreateBody,
  userListResponse,
  userRecordSchema,
  usernameParams,
  userUpdateBody,
} from './accounts.js';
import { cypherBody, cypherResponse } from './console.js';
import {
  changeListQuery,
  changeListResponse,
  deleteBody,
  deletedListQuery,
  deletedListResponse,
  deleteQuery,
  edgeCreateBody,
  edgeUpdateBody,
  mergeBody,
  nodeCreateBody,
  nodeUpdateBody,
  sourceListResponse,
  sourceResponse,
  writeResponse,
} from './curation.js';
import { exportBody, exportQuery } from './export.js';
import {
  acceptAllBody,
  acceptAllResponse,
  extractionStatusSchema,
  sourceAddBody,
  sourceAddResponse,
  suggestionAcceptBody,
  suggestionDecisionResponse,
  suggestionLinkBody,
  suggestionListQuery,
  suggestionListResponse,
  suggestionParams,
  suggestionRejectBody,
} from './ingest.js';
import { idParams } from './fields.js';
import { graphEdgeSchema, graphNodeSchema } from './graph.js';
import {
  cooperationQuery,
  cooperationResponse,
  healthResponse,
  neighbourCountsResponse,
  neighbourhoodQuery,
  neighbourhoodResponse,
  neighboursQuery,
  neighboursResponse,
  nodeResponse,
  pathsQuery,
  pathsResponse,
  schemaResponse,
  searchQuery,
  searchResponse,
} from './read.js';
import {
  workspaceCreateBody,
  workspaceListResponse,
  workspaceOpenResponse,
  workspacePatchBody,
  workspaceSaveBody,
  workspaceSchema,
} from './workspaces.js';

/**
 * One endpoint. A part left out takes nothing: a query key or a body key sent to it is refused by name
 * (400 VALIDATION_FAILED), like an unknown key of a part that is there.
 */
export interface Endpoint {
  /** Path parameters (`:id`, `:username`). */
  readonly params?: z.ZodType;
  /** The query string, every value a single string before parsing. */
  readonly query?: z.ZodType;
  /** The JSON body. Without one, the body may only be absent or `{}`. */
  readonly body?: z.ZodType;
  /** The JSON answer of a success; null when there is none (204 No Content, or a file download). */
  readonly response: z.ZodType | null;
}

const nodeWrite = writeResponse(graphNodeSchema);
const edgeWrite = writeResponse(graphEdgeSchema);

/** The API, keyed `METHOD /path` as Express writes the path. */
export const ENDPOINTS = {
  // Reads
  'GET /health': { response: healthResponse },
  'GET /schema': { response: schemaResponse },
  'GET /search': { query: searchQuery, response: searchResponse },
  'GET /nodes/:id': { params: idParams, response: nodeResponse },
  'GET /nodes/:id/neighbours': { params: idParams, query: neighboursQuery, response: neighboursResponse },
  'GET /nodes/:id/neighbour-counts': { params: idParams, response: neighbourCountsResponse },
  'GET /nodes/:id/neighbourhood': {
    params: idParams,
    query: neighbourhoodQuery,
    response: neighbourhoodResponse,
  },
  'GET /paths': { query: pathsQuery, response: pathsResponse },
  'GET /cooperation': { query: cooperationQuery, response: cooperationResponse },
  // Console and export
  'POST /cypher': { body: cypherBody, response: cypherResponse },
  'POST /export': { body: exportBody, response: null },
  'GET /export': { query: exportQuery, response: null },
  // Workspaces
  'GET /workspaces': { response: workspaceListResponse },
  'POST /workspaces': { body: workspaceCreateBody, response: workspaceSchema },
  'GET /workspaces/:id': { params: idParams, response: workspaceOpenResponse },
  'PUT /workspaces/:id': { params: idParams, body: workspaceSaveBody, response: workspaceSchema },
  'PATCH /workspaces/:id': { params: idParams, body: workspacePatchBody, response: workspaceSchema },
  'DELETE /workspaces/:id': { params: idParams, response: null },
  // Curation: writes
  'POST /nodes': { body: nodeCreateBody, response: nodeWrite },
  'PATCH /nodes/:id': { params: idParams, body: nodeUpdateBody, response: nodeWrite },
  'DELETE /nodes/:id': {
    params: idParams,
    query: deleteQuery,
    body: deleteBody.optional(),
    response: nodeWrite,
  },
  'POST /nodes/:id/merge': { params: idParams, body: mergeBody, response: nodeWrite },
  'POST /edges': { body: edgeCreateBody, response: edgeWrite },
  'PATCH /edges/:id': { params: idParams, body: edgeUpdateBody, response: edgeWrite },
  'DELETE /edges/:id': {
    params: idParams,
    query: deleteQuery,
    body: deleteBody.optional(),
    response: edgeWrite,
  },
  'POST /changes/:id/revert': {
    params: idParams,
    response: writeResponse(graphNodeSchema.or(graphEdgeSchema)),
  },
  'POST /sources': { body: sourceAddBody, response: sourceAddResponse },
  // Curation: history and sources
  'GET /nodes/:id/history': { params: idParams, query: changeListQuery, response: changeListResponse },
  'GET /edges/:id/history': { params: idParams, query: changeListQuery, response: changeListResponse },
  'GET /changes': { query: changeListQuery, response: changeListResponse },
  'GET /deleted': { query: deletedListQuery, response: deletedListResponse },
  'GET /sources': { response: sourceListResponse },
  'GET /sources/:id': { params: idParams, response: sourceResponse },
  // Ingest: extraction and the review of its suggestions (contract/ingest.ts)
  'GET /sources/:id/extraction': { params: idParams, response: extractionStatusSchema },
  'POST /sources/:id/extraction': { params: idParams, response: extractionStatusSchema },
  'GET /sources/:id/suggestions': {
    params: idParams,
    query: suggestionListQuery,
    response: suggestionListResponse,
  },
  'POST /sources/:id/suggestions/accept': {
    params: idParams,
    body: acceptAllBody,
    response: acceptAllResponse,
  },
  'POST /suggestions/:id/accept': {
    params: suggestionParams,
    body: suggestionAcceptBody.optional(),
    response: suggestionDecisionResponse,
  },
  'POST /suggestions/:id/reject': {
    params: suggestionParams,
    body: suggestionRejectBody.optional(),
    response: suggestionDecisionResponse,
  },
  'POST /suggestions/:id/link': {
    params: suggestionParams,
    body: suggestionLinkBody,
    response: suggestionDecisionResponse,
  },
  // Accounts
  'POST /auth/login': { body: loginBody, response: loginResponse },
  'POST /auth/logout': { response: null },
  'GET /auth/me': { response: meResponse },
  'GET /users': { response: userListResponse },
  'POST /users': { body: userCreateBody, response: userRecordSchema },
  'PATCH /users/:username': { params: usernameParams, body: userUpdateBody, response: userRecordSchema },
  'DELETE /users/:username': { params: usernameParams, response: null },
} as const satisfies Record<string, Endpoint>;

export type EndpointKey = keyof typeof ENDPOINTS;

type Part<E, K extends 'params' | 'query' | 'body'> = E extends {
  readonly [P in K]: infer S extends z.ZodType;
}
  ? z.output<S>
  : undefined;

/** What an endpoint's handler receives once its parts are parsed (a part it takes no input in is undefined). */
export interface RequestOf<K extends EndpointKey> {
  params: Part<(typeof ENDPOINTS)[K], 'params'>;
  query: Part<(typeof ENDPOINTS)[K], 'query'>;
  body: Part<(typeof ENDPOINTS)[K], 'body'>;
}

/** The JSON answer of an endpoint (void when it has none). */
export type ResponseOf<K extends EndpointKey> = (typeof ENDPOINTS)[K]['response'] extends infer S extends
  z.ZodType
  ? z.output<S>
  : void;
