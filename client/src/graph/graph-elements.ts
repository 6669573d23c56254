// Maps wire nodes/edges to Cytoscape element data, and state to each element's classes.
import type cytoscape from 'cytoscape';
import type { GraphEdge, GraphNode } from '../../../contract';
import { claimFlags } from '../shared/claim-flags';
import { isCooperationEdgeId } from '../features/cooperation/cooperation-projection';
import { isFoldId } from '../features/explorer/fold/fold-state';
import { displayKindOf } from '../../../model';
import { kindClass } from './kind-class';
import { labelData } from './label-text';
import { highlightedPath } from '../features/paths/state';
import type { State } from '../state/state';
import { analyticsClasses } from '../features/analytics/analytics-settings';
import { edgeFilterClasses, nodeFilterClasses } from '../features/filters/scene-visibility';

/**
 * Element data for a node: what the stylesheet reads, and the wrapped label with its size at the base
 * font (`ll` lines, `lw` width once it was measured: label-text.ts' LabelData), which the label rules use to
 * find collisions.
 */
export function nodeData(node: GraphNode): cytoscape.NodeDataDefinition {
  const data = { id: node.id, name: node.name, ...labelData(node.name) };
  return isFoldId(node.id) ? { ...data, count: Number(node.properties['count'] ?? 0) } : data;
}

/** Element data for an edge; a synthetic cooperation edge also carries its weight (its label and width). */
export function edgeData(edge: GraphEdge): cytoscape.EdgeDataDefinition {
  const data: cytoscape.EdgeDataDefinition = {
    id: edge.id,
    source: edge.source,
    target: edge.target,
    type: edge.type,
  };
  if (isCooperationEdgeId(edge.id)) data['weight'] = Number(edge.properties['weight'] ?? 1);
  if (isFoldId(edge.id)) data['count'] = Number(edge.properties['count'] ?? 1);
  return data;
}

function flagClasses(properties: Record<string, unknown>): string[] {
  const flags = claimFlags(properties);
  const classes: string[] = [];
  if (flags.disputed) classes.push('disputed');
  if (flags.confidence) classes.push(`conf-${flags.confidence}`);
  return classes;
}

/** The class of an edge drawn as a bundled bezier (graph-stylesheet): others are drawn straight. */
export const BUNDLED_EDGE_CLASS = 'bundled';

const bundledCache = new WeakMap<ReadonlyMap<string, GraphEdge>, ReadonlySet<string>>();

/**
 * The edges that need Cytoscape's bundled bezier: loops, and edges that share their two nodes (either way round)
 * with another edge, which fans them apart. A lone edge between two nodes draws the same straight line either way,
 * but as a bezier Cytoscape looks up its parallel edges each time it places it: on a 1k-element scene in full detail
 * that was about a tenth of the first paint (2026-12-07). Kept per edge map (the state replaces it on any change).
 */
export function bundledEdges(edges: ReadonlyMap<string, GraphEdge>): ReadonlySet<string> {
  const cached = bundledCache.get(edges);
  if (cached) return cached;
  const byPair = new Map<string, string[]>();
  const bundled = new Set<string>();
  for (const e of edges.values()) {
    if (e.source === e.target) {
      bundled.add(e.id);
      continue;
    }
    const key = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    const ids = byPair.get(key);
    if (ids) ids.push(e.id);
    else byPair.set(key, [e.id]);
  }
  for (const ids of byPair.values()) if (ids.length > 1) for (const id of ids) bundled.add(id);
  bundledCache.set(edges, bundled);
  return bundled;
}

/** What the state implies for each element's classes beyond its own data (selection, paths, shared node pairs). */
export interface SelectionContext {
  /** Nodes adjacent to the selected node. */
  neighbours: ReadonlySet<string>;
  /** Edges touching the selected node. */
  incident: ReadonlySet<string>;
  /** The path elements highlighted (one chosen or previewed path, or all found); null without paths. */
  path: { nodeIds: ReadonlySet<string>; edgeIds: ReadonlySet<string> } | null;
  /** Edges drawn as bundled beziers (bundledEdges). */
  bundled: ReadonlySet<string>;
}

/** Neighbours and incident edges of the selected node (empty when an edge or nothing is selected). */
export function selectionContext(s: State): SelectionContext {
  const neighbours = new Set<string>();
  const incident = new Set<string>();
  if (s.selection.kind === 'node') {
    const id = s.selection.id;
    for (const e of s.edges.values()) {
      if (e.source === id || e.target === id) {
        incident.add(e.id);
        neighbours.add(e.source === id ? e.target : e.source);
      }
    }
  }
  return { neighbours, incident, path: highlightedPath(s), bundled: bundledEdges(s.edges) };
}

/** Classes of a node, derived from state (kind, flags, selection, pin, expansion, path). */
export function nodeClasses(node: GraphNode, s: State, ctx: SelectionContext): string {
  const classes = [kindClass(displayKindOf(node.labels)), ...flagClasses(node.properties)];
  if (isFoldId(node.id)) classes.push(node.properties['fold'] === 'group' ? 'fold-group' : 'fold-badge');
  if (
    (s.selection.kind === 'node' && s.selection.id === node.id) ||
    (s.selection.kind === 'nodes' && s.selection.ids.includes(node.id))
  ) {
    classes.push('selected');
  }
  if (s.pinned.has(node.id)) classes.push('pinned');
  if (ctx.neighbours.has(node.id)) classes.push('neighbour');
  const expansion = s.expansions.get(node.id);
  if (expansion) classes.push(expansion.shown < expansion.total ? 'truncated' : 'expanded');
  if (ctx.path) classes.push(ctx.path.nodeIds.has(node.id) ? 'path' : 'dimmed');
  classes.push(...analyticsClasses(node.id, s.analytics, s.metrics), ...nodeFilterClasses(node.id, s));
  return classes.join(' ');
}

/** Classes of an edge, derived from state. */
export function edgeClasses(edge: GraphEdge, s: State, ctx: SelectionContext): string {
  const classes = flagClasses(edge.properties);
  if (isCooperationEdgeId(edge.id)) classes.push('coop');
  if (isFoldId(edge.id)) classes.push('fold-edge');
  if (ctx.bundled.has(edge.id)) classes.push(BUNDLED_EDGE_CLASS);
  if (s.selection.kind === 'edge' && s.selection.id === edge.id) classes.push('selected');
  if (ctx.incident.has(edge.id)) classes.push('incident');
  if (ctx.path) classes.push(ctx.path.edgeIds.has(edge.id) ? 'path' : 'dimmed');
  classes.push(...edgeFilterClasses(edge.id, s));
  return classes.join(' ');
}
