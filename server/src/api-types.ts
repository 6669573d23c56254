// Wire types shared by the server and the client (the client uses `import type` only).

/** One piece of provenance: a verbatim quote from a source, or a curator's assertion. */
export interface Evidence {
  sourceId: string | null;
  sourceTitle: string | null;
  /** Verbatim substring of the source text (null for curator-asserted evidence). */
  quote: string | null;
  /** Character offsets of `quote` in the source text, derived by the server. */
  start: number | null;
  end: number | null;
  /** Present when the fact is asserted by a curator rather than quoted. */
  note?: string;
  /** Curation: true on evidence a curator asserted through the API (with `note` and `curator`). */
  curatorAsserted?: boolean;
  /** Curation: the username of the curator who asserted it. */
  curator?: string;
}

/** Primary labels a node can carry (Actor nodes also carry Country, Person or Organization). */
export type NodeLabel =
  | 'Actor'
  | 'Country'
  | 'Person'
  | 'Organization'
  | 'Forum'
  | 'Agreement'
  | 'ThreatType'
  | 'Technology'
  | 'Source';

export type Confidence = 'confirmed' | 'reported' | 'speculative';

export interface GraphNode {
  /** Stable business key, e.g. `country:uk`. Never an internal element id. */
  id: string;
  labels: NodeLabel[];
  name: string;
  properties: Record<string, unknown>;
  evidence?: Evidence[];
}

export interface GraphEdge {
  /** Stable business key of the relationship. */
  id: string;
  type: string;
  /** Business key of the start node. */
  source: string;
  /** Business key of the end node. */
  target: string;
  properties: Record<string, unknown>;
  evidence?: Evidence[];
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface HealthResponse {
  status: 'ok' | 'degraded';
  neo4j: { connected: boolean; version: string | null; edition?: string | null };
}

export interface SchemaResponse {
  labels: { label: string; count: number }[];
  relationshipTypes: { type: string; count: number; from: string[]; to: string[] }[];
  totals: { nodes: number; relationships: number };
  /** Curation: the properties each primary label and relationship type may carry, with their types (for edit forms). */
  properties?: SchemaProperties;
}

/** A property's type in the allow-list; `date` is an ISO date (`2025`, `2025-04`, `2025-04-08`), `enum` lists its values. */
export type PropertyTypeInfo =
  | { kind: 'string' | 'string[]' | 'boolean' | 'number' | 'integer' | 'date' }
  | { kind: 'enum'; values: readonly string[] };

/** `GET /api/schema` `properties`: per primary label (Country, Forum, ...) and per relationship type. */
export interface SchemaProperties {
  labels: Record<string, Record<string, PropertyTypeInfo>>;
  relationshipTypes: Record<string, Record<string, PropertyTypeInfo>>;
}

export interface SearchResponse {
  nodes: (GraphNode & { score: number })[];
}

export interface NodeResponse {
  node: GraphNode;
  evidence: Evidence[];
}

export interface NeighboursResponse extends Graph {
  /** How many neighbours match the filters in total, before the limit. */
  total: number;
  truncated: boolean;
}

/**
 * How many distinct neighbours each selective-expand choice would add (GET /api/nodes/:id/neighbour-counts). On a hub
 * (`sample` set) some figures are estimates, each marked `estimate: true` (the client shows "≈").
 */
export interface NeighbourCountsResponse {
  node: GraphNode;
  /** Distinct neighbours over all relationship types. */
  total: number;
  /** `total` is an estimate: on a hub, a neighbour linked by several types may be counted once per type. */
  totalEstimate?: true;
  /**
   * Per relationship type: `count` distinct neighbours (what `?relTypes=<type>` expands), of which
   * `out` are reached by node -> neighbour and `in` by neighbour -> node (both when linked both ways).
   * On a hub, a sampled type's `out` and `in` count relationships (from the degree store, those to deleted
   * neighbours taken off) and `count` is their sum, an estimate when the type runs both ways.
   */
  byType: { type: string; count: number; out: number; in: number; estimate?: true }[];
  /** Per neighbour label (a neighbour counts once under each of its labels). */
  byLabel: { label: string; count: number; estimate?: true }[];
  /** Per threat: neighbours that are the threat (or a sub-threat) or address/focus on it, as `?threat=` expands them. */
  byThreat: { threat: { id: string; name: string }; count: number; estimate?: true }[];
  /**
   * Set on a hub: labels and threats were counted on `size` sampled neighbours out of `of` relationships to live
   * neighbours, and scaled up.
   */
  sample?: { size: number; of: number };
}

/** Path modes: one shortest path, all shortest paths, or up to k distinct paths, shortest first. */
export type PathMode = 'shortest' | 'all-shortest' | 'k-paths';

export interface PathsResponse {
  paths: Graph[];
}

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

/** Body of POST /api/cypher. */
export interface CypherRequest {
  query: string;
  params?: Record<string, unknown>;
}

export interface CypherResponse {
  columns: string[];
  rows: CypherValue[][];
  /** Nodes and relationships that came back, ready for the canvas (evidence included). */
  graph: Graph;
  /** True when the row cap cut the result. */
  truncated: boolean;
  rowCap: number;
  elapsedMs: number;
}

/** One node of a saved scene: business key, position and per-node style state. */
export interface WorkspaceSceneNode {
  id: string;
  x: number;
  y: number;
  pinned?: boolean;
  /** Client style classes (e.g. a highlight colour); free-form, validated for shape only. */
  classes?: string[];
}

/** What a workspace stores: only business keys, so it survives a wipe and re-seed. */
export interface WorkspaceScene {
  nodes: WorkspaceSceneNode[];
  /** Ids of the edges drawn; absent means every relationship among the nodes. */
  edges?: string[];
  layout?: string;
  viewport?: { zoom: number; pan: { x: number; y: number } };
  /** Client filter state (label, type, threat, disputed, confidence, time window). */
  filters?: Record<string, unknown>;
  /** Analytics settings (measure, communities on/off). */
  analytics?: Record<string, unknown>;
  /** The history at save time: step labels and the index of the current step. */
  history?: { steps: string[]; head: number };
}

export interface WorkspaceSummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  /** Bumped on each save; PUT and PATCH must send the version they read (409 when stale). */
  version: number;
  nodeCount: number;
}

export interface Workspace extends WorkspaceSummary {
  scene: WorkspaceScene;
}

/** GET /api/workspaces/:id: the workspace plus today's data for its nodes. */
export interface WorkspaceOpenResponse {
  workspace: Workspace;
  /** The scene's nodes as they are now, and the relationships among them. */
  graph: Graph;
  /** Scene node ids that no longer exist in the graph. */
  missing: string[];
}

export interface WorkspaceListResponse {
  workspaces: WorkspaceSummary[];
}

export interface CooperationPair {
  a: GraphNode;
  b: GraphNode;
  /** Forums and agreements both actors are connected to, that address the threat. */
  via: GraphNode[];
  /** The relationships that tie a and b to the connecting forums/agreements. */
  edges: GraphEdge[];
}

export interface CooperationResponse {
  threat: GraphNode;
  /** Threat ids included: the threat and its sub-threats. */
  threats: string[];
  pairs: CooperationPair[];
  graph: Graph;
  /** Pairs found before `limit` (most shared forums/agreements first); `truncated` when more than `pairs`. */
  total?: number;
  truncated?: boolean;
  /**
   * Forums/agreements on the threat left out of the pairing, largest first (at most 50), with their size: those
   * with more than 200 participants, and at scale the largest beyond the pairing budget (smallest pair up first).
   */
  broad?: { via: GraphNode; participants: number }[];
  /** How many were left out (`broad` lists at most 50 of them). */
  broadTotal?: number;
  /** How many forums/agreements on the threat were paired up. */
  paired?: number;
}

/** Export formats of POST /api/export (issue: briefing exports). */
export type ExportFormat = 'graphml' | 'json' | 'csv' | 'cypher' | 'briefing';

/**
 * Body of POST /api/export: the format and exactly one source of the subgraph: business-key
 * `nodeIds` (those nodes and the relationships among them), a saved `workspace` id, or a
 * read-only console `query` (with `params`) whose nodes are exported.
 */
export interface ExportRequest {
  format: ExportFormat;
  nodeIds?: string[];
  workspace?: string;
  query?: string;
  params?: Record<string, unknown>;
  /** briefing only: `markdown` or `html` (default html). */
  variant?: 'markdown' | 'html';
  /** briefing only: the document's title. */
  title?: string;
}

/** `GET /api/nodes/:id/neighbourhood?limit=`: the centre and up to `limit` nodes within two hops, with the walked relationships. */
export interface NeighbourhoodResponse extends Graph {
  /** Nodes reached at one hop and at two hops (besides the centre). */
  hop1: number;
  hop2: number;
  /** True when `limit` stopped the walk before the whole two-hop neighbourhood was reached. */
  truncated: boolean;
}

// ---------------------------------------------------------------------------------------------
// Accounts and curation (issue: curation). Contract shared by the server and the client.

/** Roles from least to most trusted: viewers read, curators edit the graph, admins also manage users. */
export type Role = 'viewer' | 'curator' | 'admin';

/** A logged-in user as the API shows it (never a password or its hash). */
export interface AuthUser {
  username: string;
  role: Role;
}

/** `GET /api/auth/me`: who is logged in (null when anonymous), the CSRF token to send, and whether reads need a login. */
export interface MeResponse {
  user: AuthUser | null;
  csrfToken: string | null;
  authRequired: boolean;
}

/** `POST /api/auth/login`. `token: true` asks for a bearer token for scripts instead of a session cookie. */
export interface LoginRequest {
  username: string;
  password: string;
  token?: boolean;
}

/** A successful login: the user and the CSRF token (send it as `X-CSRF-Token` on every write); `token` only when asked. */
export interface LoginResponse {
  user: AuthUser;
  csrfToken: string | null;
  token?: string;
}

/** A user account as admins see it. */
export interface UserRecord {
  username: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
}
export interface UserListResponse {
  users: UserRecord[];
}
/** `POST /api/users` (admin). */
export interface UserCreateRequest {
  username: string;
  password: string;
  role: Role;
}
/** `PATCH /api/users/:username` (admin): any of these. */
export interface UserUpdateRequest {
  role?: Role;
  password?: string;
  disabled?: boolean;
}

/**
 * Evidence for a new fact: a verbatim quote from a source (the server checks it and derives the
 * offsets), or an explicit curator assertion (the server records the curator's username with it).
 */
export type EvidenceInput = { sourceId: string; quote: string } | { curatorAsserted: true; note: string };

/** Property values a curator may set: scalars or lists of strings; `null` in a PATCH removes the property. */
export type PropertyValue = string | number | boolean | string[];

/** `POST /api/nodes`: a new node. `id` defaults to a slug of the label and name (`country:new-zealand`). */
export interface NodeCreateRequest {
  label: 'Country' | 'Person' | 'Organization' | 'Forum' | 'Agreement' | 'ThreatType' | 'Technology';
  name: string;
  id?: string;
  aliases?: string[];
  description?: string;
  properties?: Record<string, PropertyValue>;
  evidence: EvidenceInput[];
}

/** `PATCH /api/nodes/:id`: changes based on `version`. `properties` values of null remove them. */
export interface NodeUpdateRequest {
  version: number;
  name?: string;
  aliases?: string[];
  description?: string | null;
  properties?: Record<string, PropertyValue | null>;
  /** Evidence to add (each checked like a new fact's). */
  addEvidence?: EvidenceInput[];
  /** Indexes into the current evidence list to remove (at least one piece must remain). */
  removeEvidence?: number[];
}

/** `POST /api/edges`: a new relationship; endpoints must suit the type (schema allow-list). */
export interface EdgeCreateRequest {
  type: string;
  source: string;
  target: string;
  properties?: Record<string, PropertyValue>;
  evidence: EvidenceInput[];
}

/** `PATCH /api/edges/:id`: like a node update. */
export interface EdgeUpdateRequest {
  version: number;
  properties?: Record<string, PropertyValue | null>;
  addEvidence?: EvidenceInput[];
  removeEvidence?: number[];
}

/** `DELETE /api/nodes/:id` and `/api/edges/:id` take `{version}` as the body (or `?version=`). */
export interface DeleteRequest {
  version: number;
}

/** `POST /api/nodes/:id/merge {otherId, version, otherVersion}`: `otherId` is merged into `:id` and removed. */
export interface MergeRequest {
  otherId: string;
  version: number;
  otherVersion: number;
}

export type ChangeOperation =
  | 'create-node'
  | 'update-node'
  | 'delete-node'
  | 'restore-node'
  | 'create-edge'
  | 'update-edge'
  | 'delete-edge'
  | 'restore-edge'
  | 'merge-nodes'
  | 'create-source'
  | 'revert';

/** One recorded change: who, when, what, and the state before and after (JSON snapshots; null when absent). */
export interface ChangeRecord {
  id: string;
  at: string;
  by: string;
  operation: ChangeOperation;
  targetKind: 'node' | 'edge' | 'source';
  targetId: string;
  /** Plain words, e.g. `renamed "UK" to "United Kingdom"`. */
  summary: string;
  before: unknown;
  after: unknown;
  /** For a revert: the change it undid. */
  revertOf?: string;
  /** Set when a later change reverted this one. */
  revertedBy?: string;
  /** For a merge: the node merged into the target (and soft-deleted). */
  otherId?: string;
}

/**
 * `ChangeRecord.before` / `.after`: the nodes and relationships the change touched, as the API shows them
 * (properties include `version`), before and after it. A node or relationship absent from `after` was
 * deleted (a node soft-deleted); one absent from `before` was created. Null never occurs: empty lists do.
 */
export interface ChangeSnapshot {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** Answer of every write: the new state of the target (null once deleted) and the change recorded. */
export interface WriteResponse<T = GraphNode | GraphEdge> {
  result: T | null;
  change: ChangeRecord;
}

/** `GET /api/nodes/:id/history`, `/api/edges/:id/history`, `/api/changes?limit=&before=` (newest first). */
export interface ChangeListResponse {
  changes: ChangeRecord[];
  hasMore: boolean;
}

/** `GET /api/deleted?limit=`: soft-deleted nodes and relationships that can be restored (`POST /api/changes/:id/revert` of the delete). */
export interface DeletedListResponse {
  deleted: { change: ChangeRecord; kind: 'node' | 'edge'; id: string; name: string }[];
}

/** `POST /api/sources`: a new source document (curators); evidence can then quote it. */
export interface SourceCreateRequest {
  title: string;
  publisher?: string;
  date?: string;
  url?: string;
  text: string;
}

/** `GET /api/sources` lists them; `GET /api/sources/:id` gives one with its full text for the source viewer. */
export interface SourceSummary {
  id: string;
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  length: number;
}
export interface SourceListResponse {
  sources: SourceSummary[];
}
export interface SourceResponse {
  source: SourceSummary & { text: string };
}

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'VALIDATION_FAILED'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNPROCESSABLE'
  | 'DATABASE_UNAVAILABLE'
  | 'INTERNAL'
  /** Console: the query would write, administer or read files. */
  | 'WRITE_REFUSED'
  /** Console: the query does not parse or fails to plan (message from Neo4j). */
  | 'CYPHER_ERROR'
  /** Console: the query ran past the timeout and was stopped. */
  | 'QUERY_TIMEOUT'
  /** Too many requests (login attempts, ...); retry after the time the message gives. */
  | 'RATE_LIMITED'
  /** A write with a cookie session lacks a valid `X-CSRF-Token` header. */
  | 'CSRF_FAILED'
  /** The URL and headers are past Node's limit (431), answered before routing. */
  | 'HEADERS_TOO_LARGE'
  /** 503: the query waited past DB_QUEUE_TIMEOUT_MS for one of the DB_MAX_CONCURRENT_QUERIES slots; retry shortly. */
  | 'BUSY';

export interface ErrorResponse {
  error: {
    code: ErrorCode;
    message: string;
    field?: string;
    /** With a 409: the current state of what the request was based on, so the client can reapply. */
    current?: unknown;
  };
}
