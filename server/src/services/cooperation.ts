// Use case: who cooperates with whom on a threat, derived through shared forums and agreements.
import type { CooperationResponse, GraphEdge, GraphNode } from '../api-types.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { cooperationRows } from '../store/graph-reads.js';
import { resolveThreat } from './threats.js';

export interface CooperationParams { threat: string; actor?: string }

export async function cooperationOnThreat(store: GraphStore, p: CooperationParams): Promise<CooperationResponse> {
  const { threat, threatIds } = await resolveThreat(store, p.threat);
  const rows = await cooperationRows(store, threatIds, p.actor ?? null);
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const row of rows) {
    for (const n of row.graph.nodes) nodes.set(n.id, n);
    for (const e of row.graph.edges) edges.set(e.id, e);
  }
  return {
    threat,
    threats: threatIds,
    pairs: rows.map(({ a, b, via, edges: pairEdges }) => ({ a, b, via, edges: pairEdges })),
    graph: { nodes: [...nodes.values()], edges: [...edges.values()] },
  };
}
