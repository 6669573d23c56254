// Stored states of nodes and relationships: their API view, content comparison, and the derived storage fields.
import type { ChangeSnapshot, Evidence, GraphEdge, GraphNode } from '../../../../contract/index.js';
import { edgeFromProps, nodeFromProps, parseEvidence } from '../../store/mapping.js';
import type { LockedState, RawEdge, RawNode, RawState, StoredValue } from '../../store/curation-store.js';

export const EMPTY_STATE: RawState = { nodes: [], edges: [] };

/** The node as the API shows it. */
export const nodeView = (n: RawNode): GraphNode => nodeFromProps(n.labels, n.props);
/** The relationship as the API shows it; a relationship stored without a version is at version 1. */
export const edgeView = (e: RawEdge): GraphEdge => {
  const view = edgeFromProps(e.type, e.source, e.target, e.props);
  return { ...view, properties: { ...view.properties, version: versionOf(e) } };
};
export const stateView = (s: RawState): ChangeSnapshot => ({
  nodes: s.nodes.map(nodeView),
  edges: s.edges.map(edgeView),
});

/** The stored version; relationships from before versions existed count as 1. */
export const versionOf = (x: RawNode | RawEdge): number =>
  typeof x.props.version === 'number' ? x.props.version : 1;

/** Properties that are bookkeeping, not content: two states differing only in these are the same state. */
const NOT_CONTENT = new Set(['version']);

function contentKey(props: Record<string, StoredValue>): string {
  return JSON.stringify(
    Object.keys(props)
      .filter((k) => !NOT_CONTENT.has(k))
      .sort()
      .map((k) => [k, props[k]]),
  );
}

/** True when two nodes hold the same labels and properties (versions aside). */
export function sameNode(a: RawNode, b: RawNode): boolean {
  return (
    a.id === b.id &&
    [...a.labels].sort().join() === [...b.labels].sort().join() &&
    contentKey(a.props) === contentKey(b.props)
  );
}

/** True when two relationships have the same type, ends and properties (versions aside). */
export function sameEdge(a: RawEdge, b: RawEdge): boolean {
  return (
    a.id === b.id &&
    a.type === b.type &&
    a.source === b.source &&
    a.target === b.target &&
    contentKey(a.props) === contentKey(b.props)
  );
}

/** True when two states hold the same nodes and relationships (versions aside). */
export function sameState(a: RawState, b: RawState): boolean {
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  const nodes = new Map(b.nodes.map((n) => [n.id, n]));
  const edges = new Map(b.edges.map((e) => [e.id, e]));
  return (
    a.nodes.every((n) => nodes.has(n.id) && sameNode(n, nodes.get(n.id)!)) &&
    a.edges.every((e) => edges.has(e.id) && sameEdge(e, edges.get(e.id)!))
  );
}

/** The live part of what is locked: these nodes and relationships as readers see them now. */
export function liveView(
  locked: LockedState,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string>,
): RawState {
  const wanted = new Set(edgeIds);
  const nodes = [...new Set(nodeIds)]
    .map((id) => locked.nodes.get(id))
    .filter((n): n is NonNullable<typeof n> => !!n && n.live);
  const edges = locked.edges.filter((e) => e.live && wanted.has(e.id));
  return { nodes: nodes.map(stripLive), edges: edges.map(stripLive) };
}

function stripLive<T extends { live: boolean }>(x: T): Omit<T, 'live'> {
  const { live: _live, ...rest } = x;
  return rest;
}

/** Evidence as stored: a JSON list in the seed's key order. */
export function evidenceOf(x: RawNode | RawEdge): Evidence[] {
  return parseEvidence(x.props.evidence);
}

/**
 * Sets the storage-only fields the seed loader derives (store/seed-load.ts storedProps): the evidence JSON, its
 * `sourceIds`, and `aliasText` for full-text search; empty aliases and unset values are removed.
 */
export function withDerived(
  props: Record<string, StoredValue | null | undefined>,
  evidence: Evidence[],
): Record<string, StoredValue> {
  const out: Record<string, StoredValue> = {};
  for (const [k, v] of Object.entries(props)) if (v !== null && v !== undefined) out[k] = v;
  const aliases = Array.isArray(out.aliases) ? (out.aliases as string[]) : [];
  if (aliases.length) out.aliasText = aliases.join(' | ');
  else {
    delete out.aliases;
    delete out.aliasText;
  }
  out.evidence = JSON.stringify(evidence.map(storedEvidence));
  out.sourceIds = [...new Set(evidence.map((e) => e.sourceId).filter((s): s is string => !!s))];
  return out;
}

/** One evidence item with its keys in the seed's order (sourceId, sourceTitle, quote, start, end, note...). */
function storedEvidence(e: Evidence): Evidence {
  return {
    sourceId: e.sourceId,
    sourceTitle: e.sourceTitle,
    quote: e.quote,
    start: e.start,
    end: e.end,
    ...(e.note !== undefined ? { note: e.note } : {}),
    ...(e.curatorAsserted ? { curatorAsserted: true, curator: e.curator } : {}),
  };
}

/** Evidence lists united: each (source, quote, note) once, in first-seen order. */
export function uniteEvidence(...lists: Evidence[][]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of lists.flat()) {
    const key = `${e.sourceId}\u0000${e.quote}\u0000${e.note}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(e);
    }
  }
  return out;
}

/** Parses a Change node's stored before/after JSON. */
export function parseState(json: string): RawState {
  const s = JSON.parse(json) as RawState;
  return { nodes: s.nodes ?? [], edges: s.edges ?? [] };
}
