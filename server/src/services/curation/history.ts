// Use cases: a node's or relationship's history, the recent-changes feed, and what can be restored.
import type { ChangeListResponse, DeletedListResponse } from '../../../../contract/index.js';
import { NotFoundError } from '../../errors.js';
import { changeRowById, deletedChangeRows, listChangeRows } from '../../store/curation-store.js';
import type { GraphStore } from '../../store/neo4j-store.js';
import { findNode } from '../../store/graph-reads.js';
import { parseState } from './raw-state.js';
import { toChangeRecord } from './record.js';

/** Changes newest first: of one target (null: all), `limit` of them, older than change `before` if given. */
export async function listChanges(
  store: GraphStore,
  q: { targetId: string | null; limit: number; before?: string },
): Promise<ChangeListResponse> {
  let beforeAt: string | null = null;
  if (q.before) {
    const cursor = await changeRowById(store, q.before);
    if (!cursor) throw new NotFoundError(`No change with id "${q.before}" to list before.`, 'before');
    beforeAt = cursor.at;
  }
  const rows = await listChangeRows(store, {
    targetId: q.targetId,
    beforeAt,
    beforeId: q.before ?? null,
    limit: q.limit + 1,
  });
  return { changes: rows.slice(0, q.limit).map(toChangeRecord), hasMore: rows.length > q.limit };
}

/** Deleted nodes and relationships (and nodes merged away) that reverting their change would restore, newest first. */
export async function listDeleted(store: GraphStore, limit: number): Promise<DeletedListResponse> {
  const rows = await deletedChangeRows(store, limit);
  // A deleted relationship is named by its ends as they are called now (the change kept only the relationship).
  const ends = [
    ...new Set(
      rows
        .filter((r) => r.targetKind === 'edge')
        .flatMap((r) => parseState(r.before).edges.flatMap((e) => [e.source, e.target])),
    ),
  ];
  const current = new Map(
    (await Promise.all(ends.map((id) => findNode(store, id))))
      .filter((n) => n !== null)
      .map((n) => [n.id, n.name]),
  );
  return {
    deleted: rows.map((row) => {
      const before = parseState(row.before);
      const id = row.otherId ?? row.targetId;
      const node = before.nodes.find((n) => n.id === id);
      const edge = before.edges.find((e) => e.id === id);
      const names = new Map([...current, ...before.nodes.map((n) => [n.id, String(n.props.name)] as const)]);
      const name = node
        ? String(node.props.name)
        : edge
          ? `${names.get(edge.source) ?? edge.source} ${edge.type} ${names.get(edge.target) ?? edge.target}`
          : id;
      return { change: toChangeRecord(row), kind: node ? ('node' as const) : ('edge' as const), id, name };
    }),
  };
}
