// Synthetic scenes of N elements shaped like our graph, from the generator's model (pure in seed and index).
// The client benchmark draws them, and a test hook loads them to exercise large scenes without the database.
import type { Graph, GraphEdge, GraphNode } from '../../../contract';
import { layoutFor, nodeAt, relationshipsOf } from '../../../scripts/generator/model';

/** Kinds of generated node that stand on a canvas; generated sources are documents, never drawn alone. */
const DRAWN_PREFIXES = ['threat:', 'country:', 'technology:', 'forum:', 'agreement:', 'org:', 'person:'];
/** The generator's model needs at least this many nodes. */
const MIN_GRAPH_NODES = 1000;
/** The model makes about five relationships per node: six elements per node. */
const ELEMENTS_PER_NODE = 6;

/**
 * A scene of at most `elements` nodes plus edges (short of it by at most one node and its edges): the generator's graph for enough nodes, trimmed from its leaf end (people, then
 * organisations), so hubs and their participation survive. Deterministic for (`elements`, `seed`).
 */
export function syntheticScene(elements: number, seed = 42): Graph {
  if (!Number.isInteger(elements) || elements < 10)
    throw new Error(`syntheticScene: invalid \`elements\` ${elements}. Expecting an integer of at least 10.`);
  const layout = layoutFor(Math.max(MIN_GRAPH_NODES, Math.ceil(elements / ELEMENTS_PER_NODE) + 1));
  const nodes: GraphNode[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < layout.nodes; i++) {
    const row = nodeAt(layout, seed, i);
    if (!DRAWN_PREFIXES.some((p) => row.id.startsWith(p))) continue;
    index.set(row.id, nodes.length);
    nodes.push({
      id: row.id,
      labels: row.labels,
      name: String(row.props['name']),
      properties: { confidence: 'confirmed', synthetic: true },
    });
  }
  const edges: GraphEdge[] = [];
  for (let i = 0; i < layout.nodes; i++) {
    for (const rel of relationshipsOf(layout, seed, i)) {
      if (index.has(rel.from) && index.has(rel.to))
        edges.push({ id: rel.id, type: rel.type, source: rel.from, target: rel.to, properties: {} });
    }
  }
  // Trim from the end: each dropped node takes its edges to nodes still kept.
  const degreeToKept = new Array<number>(nodes.length).fill(0);
  const higher = (e: GraphEdge): number => Math.max(index.get(e.source)!, index.get(e.target)!);
  for (const e of edges) degreeToKept[higher(e)]! += 1;
  let kept = nodes.length;
  let total = nodes.length + edges.length;
  while (total > elements && kept > 1) {
    kept -= 1;
    total -= 1 + degreeToKept[kept]!;
  }
  return { nodes: nodes.slice(0, kept), edges: edges.filter((e) => higher(e) < kept) };
}
