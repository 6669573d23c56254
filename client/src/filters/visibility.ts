// Which scene elements the filters hide: a pure function of the scene and the Filters (no DOM, no cytoscape).
import { isConfidence } from '../../../model/index.js';
import { elementInterval, overlaps, type Interval } from './dates.js';
import type { Filters } from './filters.js';

/** The parts of a node the filters read. */
export interface FilterNode {
  id: string;
  labels: readonly string[];
  properties: Record<string, unknown>;
}
/** The parts of an edge the filters read. */
export interface FilterEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, unknown>;
}

/** The filters' verdict on a scene. */
export interface Visibility {
  hiddenNodes: ReadonlySet<string>;
  hiddenEdges: ReadonlySet<string>;
  /** Nodes that fail a claim filter but stay, faded, because a shown relationship needs its ends. */
  contextNodes: ReadonlySet<string>;
  /** Scene elements (nodes and edges) without any date, which the undated toggle governs. */
  undated: number;
}

/** Relationships by which a node is "about" a threat: the ones cypher/neighbours.cypher uses. */
const THREAT_LINKS = new Set(['ADDRESSES', 'FOCUSES_ON']);

/** Claim filters read an element's own properties: disputed, confidence, and its dates. */
function passesClaims(
  properties: Record<string, unknown>,
  interval: Interval | null,
  f: Filters,
  window: [number, number] | null,
): boolean {
  const disputed = properties['disputed'] === true;
  if (f.disputed === 'hide' && disputed) return false;
  if (f.disputed === 'only' && !disputed) return false;
  const confidence = properties['confidence'];
  if (isConfidence(confidence) && !f.confidence.includes(confidence)) return false;
  if (!interval) return f.undated === 'shown';
  return window ? overlaps(interval, window[0], window[1]) : true;
}

/**
 * Applies `f` to a scene. The rules:
 * - Structural filters decide about nodes outright: a node with a hidden label is hidden, and with a
 *   threat chosen only the threat's own nodes (it and its sub-threats, `f.threat.ids`) and nodes
 *   with an ADDRESSES or FOCUSES_ON relationship on the scene to one of them stay: the rule
 *   `/api/nodes/:id/neighbours?threat=` applies to neighbours, judged on the scene's edges.
 * - Claim filters (disputed, confidence, time window, undated) judge each node and edge on its own.
 * - An edge shows when its type is not hidden, it passes the claim filters and both ends pass the
 *   structural filters. A node that fails only a claim filter still shows, as context, when a shown
 *   edge touches it: a relationship is never drawn without its ends, and never hidden for them.
 */
export function computeVisibility(
  nodes: Iterable<FilterNode>,
  edges: Iterable<FilterEdge>,
  f: Filters,
): Visibility {
  const nodeList = [...nodes];
  const edgeList = [...edges];
  const window: [number, number] | null = f.time ? [Date.parse(f.time.from), Date.parse(f.time.to)] : null;
  const hiddenLabels = new Set(f.hiddenLabels);
  const hiddenTypes = new Set(f.hiddenRelTypes);
  const threatIds = f.threat ? new Set(f.threat.ids) : null;
  const aboutThreat = new Set<string>();
  if (threatIds) {
    for (const e of edgeList)
      if (THREAT_LINKS.has(e.type) && threatIds.has(e.target)) aboutThreat.add(e.source);
  }

  const structural = new Set<string>();
  for (const n of nodeList) {
    if (n.labels.some((l) => hiddenLabels.has(l))) continue;
    if (threatIds && !threatIds.has(n.id) && !aboutThreat.has(n.id)) continue;
    structural.add(n.id);
  }

  let undated = 0;
  const hiddenEdges = new Set<string>();
  const needed = new Set<string>();
  for (const e of edgeList) {
    const interval = elementInterval(e.properties);
    if (!interval) undated++;
    const shown =
      !hiddenTypes.has(e.type) &&
      structural.has(e.source) &&
      structural.has(e.target) &&
      passesClaims(e.properties, interval, f, window);
    if (shown) {
      needed.add(e.source);
      needed.add(e.target);
    } else hiddenEdges.add(e.id);
  }

  const hiddenNodes = new Set<string>();
  const contextNodes = new Set<string>();
  for (const n of nodeList) {
    const interval = elementInterval(n.properties);
    if (!interval) undated++;
    if (!structural.has(n.id)) hiddenNodes.add(n.id);
    else if (!passesClaims(n.properties, interval, f, window))
      (needed.has(n.id) ? contextNodes : hiddenNodes).add(n.id);
  }
  return { hiddenNodes, hiddenEdges, contextNodes, undated };
}
