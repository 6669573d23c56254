// Export reads: nodes by business key with every stored property (typed), and the relationships among them.
import { isInt, type Node } from 'neo4j-driver';
import type { Evidence } from '../../../contract/index.js';
import { parseEvidence } from './mapping.js';
import type { GraphStore } from './neo4j-store.js';
import { readSubgraph } from './subgraph-reads.js';

/** The Neo4j type of a stored property, kept so every format can type its columns and literals. */
export type PropType =
  'string' | 'boolean' | 'long' | 'double' | 'string[]' | 'boolean[]' | 'long[]' | 'double[]';

/** A stored property value as plain data: integers as numbers (or strings past 2^53), temporals as ISO text. */
export type PropValue = string | boolean | number | string[] | boolean[] | number[];

interface ExportElement {
  /** Business key. */
  id: string;
  /** Every stored property except `id` and `evidence` (so `name`, `aliases`, `sourceIds`, ... included). */
  properties: Record<string, PropValue>;
  /** Neo4j type of each property in `properties`. */
  types: Record<string, PropType>;
  /** The evidence list, parsed. */
  evidence: Evidence[];
  /** The evidence exactly as stored (a JSON string), null when the element has none. */
  evidenceJson: string | null;
}

export interface ExportNode extends ExportElement {
  /** Model labels (without the internal `Entity` label). */
  labels: string[];
}

export interface ExportEdge extends ExportElement {
  type: string;
  source: string;
  target: string;
}

export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
}

/** Property keys handled apart from the others. */
const SPECIAL = new Set(['id', 'evidence']);

function typed(value: unknown): { value: PropValue; type: PropType } | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return { value, type: 'string' };
  if (typeof value === 'boolean') return { value, type: 'boolean' };
  if (typeof value === 'number') return { value, type: 'double' };
  if (isInt(value))
    return {
      value: value.inSafeRange() ? value.toNumber() : value.toString(),
      type: value.inSafeRange() ? 'long' : 'string',
    };
  if (Array.isArray(value)) {
    const items = value.map(typed).filter((x): x is NonNullable<typeof x> => x !== null);
    const t = items[0]?.type ?? 'string';
    if (items.every((i) => i.type === t) && !t.endsWith('[]'))
      return { value: items.map((i) => i.value) as PropValue, type: `${t}[]` as PropType };
    return { value: items.map((i) => String(i.value)), type: 'string[]' };
  }
  // Temporal and spatial values: their ISO / WKT-like text.
  return { value: String(value), type: 'string' };
}

function element(p: Record<string, unknown>, fallbackId: string): ExportElement {
  const properties: Record<string, PropValue> = {};
  const types: Record<string, PropType> = {};
  for (const key of Object.keys(p).sort()) {
    if (SPECIAL.has(key)) continue;
    const t = typed(p[key]);
    if (!t) continue;
    properties[key] = t.value;
    types[key] = t.type;
  }
  const evidenceJson = typeof p.evidence === 'string' ? p.evidence : null;
  return {
    id: String(p.id ?? fallbackId),
    properties,
    types,
    evidence: parseEvidence(evidenceJson),
    evidenceJson,
  };
}

const toNode = (n: Node): ExportNode => ({
  ...element(n.properties as Record<string, unknown>, n.elementId),
  labels: n.labels.filter((l) => l !== 'Entity').sort(),
});

/**
 * The business nodes with these ids and every relationship among them (cypher/subgraph-by-ids.cypher),
 * with all stored properties; nodes in the order of `ids`, relationships by id.
 */
export async function exportSubgraph(store: GraphStore, ids: string[]): Promise<ExportGraph> {
  const { nodes, rels } = await readSubgraph(store, ids);
  const byElement = new Map(nodes.map((n) => [n.elementId, String(n.properties.id)]));
  const order = new Map(ids.map((id, i) => [id, i]));
  const edges: ExportEdge[] = [];
  for (const r of rels) {
    const source = byElement.get(r.startNodeElementId);
    const target = byElement.get(r.endNodeElementId);
    if (source && target)
      edges.push({
        ...element(r.properties as Record<string, unknown>, r.elementId),
        type: r.type,
        source,
        target,
      });
  }
  return {
    nodes: nodes.map(toNode).sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)),
    edges: edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}
