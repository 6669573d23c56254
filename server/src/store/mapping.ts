// Maps neo4j-driver values (Node, Relationship, Path, Integer, temporal) to plain wire objects.
import neo4j, { isInt, isNode, isPath, isRelationship, type Node, type Relationship } from 'neo4j-driver';
import type { Evidence, Graph, GraphEdge, GraphNode, NodeLabel } from '../../../contract/index.js';

/** Internal properties that are storage detail, never shown as properties. */
const HIDDEN = new Set(['id', 'name', 'evidence', 'sourceIds', 'aliasText', 'text']);
/** Internal labels that are not part of the model the user sees. */
const INTERNAL_LABELS = new Set(['Entity']);

/** Converts any driver value into plain JSON-friendly data (integers to numbers, dates to ISO strings). */
export function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans, most values by far, skip the ten driver-type checks below.
  if (typeof value !== 'object') return value;
  if (isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isNode(value)) return toGraphNode(value);
  if (isRelationship(value)) return { type: value.type, properties: plainProps(value.properties) };
  if (isPath(value)) return { length: value.length };
  if (Array.isArray(value)) return value.map(plain);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isDuration(value)
  ) {
    return value.toString();
  }
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, plain(v)]));
  return value;
}

/** A loop, not entries/filter/map/fromEntries: it runs for every node and edge of a 500-node answer. */
function plainProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(props)) {
    if (HIDDEN.has(k)) continue;
    // An own property even for the key `__proto__`, as Object.fromEntries made it.
    if (k === '__proto__')
      Object.defineProperty(out, k, {
        value: plain(props[k]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[k] = plain(props[k]);
  }
  return out;
}

/** Parses the stored evidence JSON; a malformed value yields no evidence rather than an error. */
export function parseEvidence(raw: unknown): Evidence[] {
  if (typeof raw !== 'string') return [];
  try {
    const list = JSON.parse(raw) as Evidence[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

export function toGraphNode(node: Node): GraphNode {
  return nodeFromProps(node.labels, node.properties as Record<string, unknown>);
}

/** A node as the API shows it, from its labels and stored properties (also used for history snapshots). */
export function nodeFromProps(labels: readonly string[], p: Record<string, unknown>): GraphNode {
  return {
    id: String(p.id),
    labels: labels.filter((l) => !INTERNAL_LABELS.has(l)) as NodeLabel[],
    name: String(p.name ?? p.title ?? p.id),
    properties: plainProps(p),
    evidence: parseEvidence(p.evidence),
  };
}

export function toGraphEdge(rel: Relationship, source: string, target: string): GraphEdge {
  return edgeFromProps(rel.type, source, target, { id: rel.elementId, ...rel.properties } as Record<
    string,
    unknown
  >);
}

/** A relationship as the API shows it, from its type, ends and stored properties (also used for history snapshots). */
export function edgeFromProps(
  type: string,
  source: string,
  target: string,
  p: Record<string, unknown>,
): GraphEdge {
  return {
    id: String(p.id),
    type,
    source,
    target,
    properties: plainProps(p),
    evidence: parseEvidence(p.evidence),
  };
}

/**
 * Collects every node, relationship and path found anywhere in `values` into one Graph.
 * Relationships whose endpoints are not among the collected nodes are left out.
 */
export function collectGraph(values: unknown[]): Graph {
  const nodes = new Map<string, Node>();
  const rels = new Map<string, Relationship>();
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    if (isNode(v)) {
      nodes.set(v.elementId, v);
      return;
    }
    if (isRelationship(v)) {
      rels.set(v.elementId, v);
      return;
    }
    if (isPath(v)) {
      for (const seg of v.segments) {
        walk(seg.start);
        walk(seg.end);
        walk(seg.relationship);
      }
      walk(v.start);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    if (isInt(v)) return;
    Object.values(v).forEach(walk);
  };
  values.forEach(walk);
  const byElement = new Map([...nodes].map(([eid, n]) => [eid, String(n.properties.id)]));
  const edges: GraphEdge[] = [];
  for (const r of rels.values()) {
    const s = byElement.get(r.startNodeElementId);
    const t = byElement.get(r.endNodeElementId);
    if (s && t) edges.push(toGraphEdge(r, s, t));
  }
  return { nodes: [...nodes.values()].map(toGraphNode), edges };
}
