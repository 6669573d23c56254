// Curation persistence: one locked WRITE transaction per change (lock, read, write, record), and history reads.
import neo4j, { isInt } from 'neo4j-driver';
import { AppError } from '../errors.js';
import { isNodeLabel, NODE_LABELS } from '../schema.js';
import { mapWriteConflict } from './driver-errors.js';
import { plain } from './mapping.js';
import type { GraphStore, Params, Tx } from './neo4j-store.js';
import type { QueryName } from './queries.js';

/** A stored property value: scalars and lists (integers as numbers, named in `ints`). */
export type StoredValue = string | number | boolean | string[] | number[] | boolean[];

/** A node exactly as stored: model labels and every property; `ints` names the integer-typed ones (`version`). */
export interface RawNode {
  id: string;
  labels: string[];
  props: Record<string, StoredValue>;
  ints: string[];
}
/** A relationship exactly as stored. */
export interface RawEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, StoredValue>;
  ints: string[];
}
/** What a change touched, before or after it: the JSON kept in a Change node's `before` and `after`. */
export interface RawState {
  nodes: RawNode[];
  edges: RawEdge[];
}

/** A node as found under its lock: live (:Entity) or soft-deleted (:Deleted). */
export type LockedNode = RawNode & { live: boolean };
/** A relationship as found: live when both ends are live nodes. */
export type LockedEdge = RawEdge & { live: boolean };
export interface LockedState {
  nodes: Map<string, LockedNode>;
  edges: LockedEdge[];
}

/** A Change node's properties (before/after as JSON text). */
export interface ChangeRow {
  id: string;
  at: string;
  by: string;
  operation: string;
  targetKind: string;
  targetId: string;
  summary: string;
  before: string;
  after: string;
  otherId?: string;
  revertOf?: string;
  revertedBy?: string;
}

/** The operations a curation transaction offers; every one runs inside the same transaction. */
export interface CurationTx {
  /** Locks these nodes (live or deleted) in id order, then reads them and every relationship touching them. */
  lockNodes(ids: string[]): Promise<LockedState>;
  createNode(node: RawNode): Promise<void>;
  /** Replaces the node's whole state; `live` false soft-deletes it (labels kept in the props by the caller). */
  putNode(node: RawNode, current: 'live' | 'deleted', live: boolean): Promise<void>;
  createEdge(edge: RawEdge): Promise<void>;
  putEdge(edge: RawEdge): Promise<void>;
  deleteEdge(edge: { id: string; source: string }): Promise<void>;
  /** The ends of a live relationship, or null. */
  edgeEnds(id: string, source: string): Promise<{ source: string; target: string } | null>;
  sources(ids: string[]): Promise<Map<string, { id: string; title: string; text: string }>>;
  createSource(props: Record<string, string | number>): Promise<RawNode>;
  createChange(change: Omit<ChangeRow, 'at'>): Promise<ChangeRow>;
  /** Locks and reads a change, or null. */
  lockChange(id: string): Promise<ChangeRow | null>;
  markReverted(id: string, revertedBy: string): Promise<void>;
}

/** Long enough for a queue of concurrent edits of one node to pass its lock; short enough to fail a stuck write. */
const WRITE_TIMEOUT_MS = 15_000;

function fromDriverProps(props: Record<string, unknown>): {
  props: Record<string, StoredValue>;
  ints: string[];
} {
  const out: Record<string, StoredValue> = {};
  const ints: string[] = [];
  for (const key of Object.keys(props).sort()) {
    const v = props[key];
    if (isInt(v) || (Array.isArray(v) && v.length > 0 && v.every(isInt))) ints.push(key);
    out[key] = plain(v) as StoredValue;
  }
  return { props: out, ints };
}

function toDriverProps(props: Record<string, StoredValue>, ints: readonly string[]): Params {
  const out: Params = { ...props };
  for (const key of ints) {
    const v = props[key];
    if (typeof v === 'number') out[key] = neo4j.int(v);
    else if (Array.isArray(v)) out[key] = (v as number[]).map((x) => neo4j.int(x));
  }
  return out;
}

/** Model labels only; a checked list is the only thing ever spliced as labels. */
function modelLabels(labels: readonly string[]): string[] {
  const bad = labels.find((l) => !isNodeLabel(l));
  if (bad !== undefined) throw new AppError('INTERNAL', 500, `Label "${bad}" is not in the schema.`);
  return [...labels];
}

function toLockedNode(row: { labels: string[]; props: Record<string, unknown> }): LockedNode {
  const live = row.labels.includes('Entity');
  const { props, ints } = fromDriverProps(row.props);
  const labels = live
    ? row.labels.filter(isNodeLabel)
    : ((props.deletedLabels as string[] | undefined) ?? []);
  return { id: String(props.id), labels, props, ints, live };
}

/** The curation operations on a transaction the caller runs (ingest decides a suggestion in the same one). */
export function makeTx(tx: Tx): CurationTx {
  const run = (name: QueryName, params: Params = {}) => tx.run(name, params);
  const one = async (name: QueryName, params: Params, what: string): Promise<void> => {
    const count = plain((await run(name, params)).records[0]?.get('count'));
    if (count !== 1) throw new AppError('INTERNAL', 500, `Curation write ${name} found no ${what}.`);
  };
  const changeRow = (v: unknown): ChangeRow => plain(v) as ChangeRow;
  return {
    async lockNodes(ids) {
      const rec = (await run('curation-lock-nodes', { ids: [...new Set(ids)].sort() })).records[0]!;
      const nodes = new Map<string, LockedNode>();
      for (const row of rec.get('nodes') as { labels: string[]; props: Record<string, unknown> }[]) {
        const node = toLockedNode(row);
        if (!nodes.get(node.id)?.live) nodes.set(node.id, node);
      }
      const edges = (
        rec.get('rels') as {
          type: string;
          source: string;
          target: string;
          props: Record<string, unknown>;
          live: boolean;
        }[]
      ).map((r): LockedEdge => ({
        id: String(r.props.id),
        type: r.type,
        source: r.source,
        target: r.target,
        ...fromDriverProps(r.props),
        live: r.live,
      }));
      return { nodes, edges };
    },
    createNode: (node) =>
      one(
        'curation-node-create',
        { labels: modelLabels(node.labels), props: toDriverProps(node.props, node.ints) },
        'node',
      ),
    putNode: (node, current, live) =>
      one(
        'curation-node-put',
        {
          id: node.id,
          current,
          live,
          labels: modelLabels(node.labels),
          modelLabels: NODE_LABELS,
          props: toDriverProps(node.props, node.ints),
        },
        `node ${node.id}`,
      ),
    createEdge: (edge) =>
      one(
        'curation-edge-create',
        {
          type: edge.type,
          source: edge.source,
          target: edge.target,
          props: toDriverProps(edge.props, edge.ints),
        },
        `ends for ${edge.id}`,
      ),
    putEdge: (edge) =>
      one(
        'curation-edge-put',
        { id: edge.id, source: edge.source, props: toDriverProps(edge.props, edge.ints) },
        `relationship ${edge.id}`,
      ),
    deleteEdge: (edge) =>
      one('curation-edge-delete', { id: edge.id, source: edge.source }, `relationship ${edge.id}`),
    async edgeEnds(id, source) {
      const rec = (await run('curation-edge-ends', { id, source })).records[0];
      return rec ? { source: rec.get('source') as string, target: rec.get('target') as string } : null;
    },
    async sources(ids) {
      const res = await run('curation-sources', { ids });
      return new Map(
        res.records.map((r) => [
          r.get('id') as string,
          { id: r.get('id') as string, title: r.get('title') as string, text: r.get('text') as string },
        ]),
      );
    },
    async createSource(props) {
      const rec = (await run('source-create', { props: { ...props, version: neo4j.int(1) } })).records[0]!;
      const node = rec.get('s') as { labels: string[]; properties: Record<string, unknown> };
      return toLockedNode({ labels: node.labels, props: node.properties });
    },
    async createChange(change) {
      return changeRow((await run('change-create', { change })).records[0]!.get('c'));
    },
    async lockChange(id) {
      const rec = (await run('change-lock', { id })).records[0];
      return rec ? changeRow(rec.get('c')) : null;
    },
    async markReverted(id, revertedBy) {
      await one('change-mark-reverted', { id, revertedBy }, `change ${id}`);
    },
  };
}

/**
 * Runs `work` in one WRITE transaction: everything it writes commits together, or nothing does. Its lane is the
 * write lane; a unique-constraint hit (two writes taking one id at once) is a 409.
 */
export async function curationWrite<T>(store: GraphStore, work: (tx: CurationTx) => Promise<T>): Promise<T> {
  try {
    return await store.transaction('write', (tx) => work(makeTx(tx)), { timeout: WRITE_TIMEOUT_MS });
  } catch (err) {
    throw mapWriteConflict(err);
  }
}

/** Changes newest first, of one target or all, older than a cursor change. */
export async function listChangeRows(
  store: GraphStore,
  q: { targetId: string | null; beforeAt: string | null; beforeId: string | null; limit: number },
): Promise<ChangeRow[]> {
  const { targetId, ...page } = q;
  const res =
    targetId === null
      ? await store.read('change-feed', { ...page, limit: neo4j.int(q.limit) })
      : await store.read('change-list', { ...q, limit: neo4j.int(q.limit) });
  return res.records.map((r) => plain(r.get('change')) as ChangeRow);
}

export async function changeRowById(store: GraphStore, id: string): Promise<ChangeRow | null> {
  const rec = (await store.read('change-by-id', { id })).records[0];
  return rec ? (plain(rec.get('c')) as ChangeRow) : null;
}

/** Deletes and merges not reverted since, whose node is still gone: what can be restored. */
export async function deletedChangeRows(store: GraphStore, limit: number): Promise<ChangeRow[]> {
  const res = await store.read('deleted-list', { limit: neo4j.int(limit) });
  return res.records.map((r) => plain(r.get('change')) as ChangeRow);
}

export interface SourceRow {
  id: string;
  title: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
  length: number;
  text?: string;
}

export async function sourceRows(store: GraphStore): Promise<SourceRow[]> {
  return (await store.read('source-list')).records.map((r) => plain(r.get('s')) as SourceRow);
}

export async function sourceRowById(store: GraphStore, id: string): Promise<SourceRow | null> {
  const rec = (await store.read('source-by-id', { id })).records[0];
  return rec ? (plain(rec.get('s')) as SourceRow) : null;
}
