// Use case: revert any change. The revert is itself a change; the target must still be as the change left it.
import type { AuthUser, GraphEdge, GraphNode, WriteResponse } from '../../../../contract/index.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../errors.js';
import { curationWrite } from '../../store/curation-store.js';
import type { GraphStore } from '../../store/neo4j-store.js';
import { applyState } from './apply-state.js';
import { edgeView, liveView, nodeView, parseState, sameState, stateView } from './raw-state.js';
import { newChangeId, recordChange, toChangeRecord } from './record.js';

/**
 * Puts back the state from before change `id` (recorded as `restore-node` / `restore-edge` for a delete, else
 * `revert`, with `revertOf`), under the locks of every node it touched (and the ends of every
 * relationship). Refused with 409 when the change was already reverted, or when what it touched has changed
 * since (unless it is back to exactly what the change left); versions keep growing either way.
 */
export async function revertChange(
  store: GraphStore,
  actor: AuthUser,
  id: string,
): Promise<WriteResponse<GraphNode | GraphEdge>> {
  return curationWrite(store, async (tx) => {
    const row = await tx.lockChange(id);
    if (!row) throw new NotFoundError(`No change with id "${id}".`, 'id');
    if (row.revertedBy)
      throw new ConflictError(
        `This change was already reverted (by change ${row.revertedBy}); revert that one to redo it.`,
        'id',
        { current: toChangeRecord(row) },
      );
    if (row.operation === 'create-source')
      throw new UnprocessableError('Adding a source cannot be reverted: evidence may quote it.', 'id');
    const before = parseState(row.before);
    const after = parseState(row.after);
    const nodeIds = new Set([...before.nodes, ...after.nodes].map((n) => n.id));
    const edgeIds = new Set([...before.edges, ...after.edges].map((e) => e.id));
    const ends = [...before.edges, ...after.edges].flatMap((e) => [e.source, e.target]);
    const locked = await tx.lockNodes([...nodeIds, ...ends]);
    const current = liveView(locked, nodeIds, edgeIds);
    if (!sameState(current, after)) {
      throw new ConflictError(
        `What this change touched has changed since ("${row.summary}"); revert the later changes first, or edit it by hand.`,
        'id',
        { current: stateView(current) },
      );
    }
    const revertId = newChangeId();
    const result = await applyState(tx, locked, { nodeIds, edgeIds }, before, {
      changeId: revertId,
      by: actor.username,
      reason: 'deleted',
    });
    await tx.markReverted(row.id, revertId);
    // Undoing a delete is a restore (the deleted list's way back); anything else is a revert. Both name what they undid.
    const operation =
      row.operation === 'delete-node'
        ? 'restore-node'
        : row.operation === 'delete-edge'
          ? 'restore-edge'
          : 'revert';
    const summary =
      operation === 'revert'
        ? `reverted: ${row.summary}`
        : `restored: ${row.summary.replace(/^deleted /, '').replace(/ and hid its .*$/, '')}`;
    const change = await recordChange(tx, actor, {
      id: revertId,
      operation,
      targetKind: row.targetKind as 'node' | 'edge',
      targetId: row.targetId,
      summary,
      before: current,
      after: result,
      revertOf: row.id,
      ...(row.otherId ? { otherId: row.otherId } : {}),
    });
    const node = result.nodes.find((n) => n.id === row.targetId);
    const edge = result.edges.find((e) => e.id === row.targetId);
    return { result: node ? nodeView(node) : edge ? edgeView(edge) : null, change };
  });
}
