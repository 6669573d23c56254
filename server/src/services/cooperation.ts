// Use case: who cooperates with whom on a threat, derived through shared forums and agreements.
import type { Node, Relationship } from 'neo4j-driver';
import type { CooperationPair, CooperationResponse, GraphEdge, GraphNode } from '../api-types.js';
import type { GraphStore } from '../store/neo4j-store.js';
import { collectGraph, toGraphNode } from '../store/mapping.js';
import { resolveThreat } from './threats.js';

interface Link { via: Node; ra: Relationship; rb: Relationship; addresses: Relationship[] }

export interface CooperationParams { threat: string; actor?: string }

export async function cooperationOnThreat(store: GraphStore, p: CooperationParams): Promise<CooperationResponse> {
  const { threat, threatIds } = await resolveThreat(store, p.threat);
  const res = await store.read('cooperation', { threatIds, actor: p.actor ?? null });
  const pairs: CooperationPair[] = [];
  const allNodes = new Map<string, GraphNode>();
  const allEdges = new Map<string, GraphEdge>();
  for (const rec of res.records) {
    const a = rec.get('a') as Node;
    const b = rec.get('b') as Node;
    const links = rec.get('links') as Link[];
    const g = collectGraph([a, b, links.map((l) => [l.via, l.ra, l.rb])]);
    pairs.push({ a: toGraphNode(a), b: toGraphNode(b), via: links.map((l) => toGraphNode(l.via)), edges: g.edges });
    for (const n of g.nodes) allNodes.set(n.id, n);
    for (const e of g.edges) allEdges.set(e.id, e);
  }
  return { threat, threats: threatIds, pairs, graph: { nodes: [...allNodes.values()], edges: [...allEdges.values()] } };
}
