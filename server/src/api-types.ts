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

export interface PathsResponse { paths: Graph[] }

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

export type ErrorCode =
  | 'BAD_REQUEST' | 'VALIDATION_FAILED' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND'
  | 'CONFLICT' | 'PAYLOAD_TOO_LARGE' | 'UNPROCESSABLE' | 'DATABASE_UNAVAILABLE' | 'INTERNAL';

export interface ErrorResponse { error: { code: ErrorCode; message: string; field?: string } }
