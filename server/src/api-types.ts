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
}

/** Primary labels a node can carry (Actor nodes also carry Country, Person or Organization). */
export type NodeLabel =
  | 'Actor' | 'Country' | 'Person' | 'Organization'
  | 'Forum' | 'Agreement' | 'ThreatType' | 'Technology' | 'Source';

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
}

export interface SearchResponse { nodes: (GraphNode & { score: number })[] }

export interface NodeResponse { node: GraphNode; evidence: Evidence[] }

export interface NeighboursResponse extends Graph {
  /** How many neighbours match the filters in total, before the limit. */
  total: number;
  truncated: boolean;
}

/** How many distinct neighbours each selective-expand choice would add (GET /api/nodes/:id/neighbour-counts). */
export interface NeighbourCountsResponse {
  node: GraphNode;
  /** Distinct neighbours over all relationship types. */
  total: number;
  /**
   * Per relationship type: `count` distinct neighbours (what `?relTypes=<type>` expands), of which
   * `out` are reached by node -> neighbour and `in` by neighbour -> node (both when linked both ways).
   */
  byType: { type: string; count: number; out: number; in: number }[];
  /** Per neighbour label (a neighbour counts once under each of its labels). */
  byLabel: { label: string; count: number }[];
  /** Per threat: neighbours that are the threat (or a sub-threat) or address/focus on it, as `?threat=` expands them. */
  byThreat: { threat: { id: string; name: string }; count: number }[];
}

/** Path modes: one shortest path, all shortest paths, or up to k distinct paths, shortest first. */
export type PathMode = 'shortest' | 'all-shortest' | 'k-paths';

export interface PathsResponse { paths: Graph[] }

/** A cell of a console result: JSON values as they are; graph values as references into `graph`. */
export type CypherValue =
  | null | boolean | number | string
  | CypherValue[]
  | { [key: string]: CypherValue }
  /** `$node` is the business key, null for an internal node that has none. */
  | { $node: string | null; labels: string[]; name: string | null }
  | { $relationship: string; type: string; source: string; target: string }
  | { $path: { nodes: string[]; edges: string[] } };

/** Body of POST /api/cypher. */
export interface CypherRequest { query: string; params?: Record<string, unknown> }

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

export interface Workspace extends WorkspaceSummary { scene: WorkspaceScene }

/** GET /api/workspaces/:id: the workspace plus today's data for its nodes. */
export interface WorkspaceOpenResponse {
  workspace: Workspace;
  /** The scene's nodes as they are now, and the relationships among them. */
  graph: Graph;
  /** Scene node ids that no longer exist in the graph. */
  missing: string[];
}

export interface WorkspaceListResponse { workspaces: WorkspaceSummary[] }

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

export type ErrorCode =
  | 'BAD_REQUEST' | 'VALIDATION_FAILED' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND'
  | 'CONFLICT' | 'PAYLOAD_TOO_LARGE' | 'UNPROCESSABLE' | 'DATABASE_UNAVAILABLE' | 'INTERNAL'
  /** Console: the query would write, administer or read files. */
  | 'WRITE_REFUSED'
  /** Console: the query does not parse or fails to plan (message from Neo4j). */
  | 'CYPHER_ERROR'
  /** Console: the query ran past the timeout and was stopped. */
  | 'QUERY_TIMEOUT';

export interface ErrorResponse {
  error: {
    code: ErrorCode;
    message: string;
    field?: string;
    /** With a 409: the current state of what the request was based on, so the client can reapply. */
    current?: unknown;
  };
}
