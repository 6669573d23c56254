// Change records: written in the same transaction as the change, and shown as ChangeRecords.
import { randomBytes } from 'node:crypto';
import type { AuthUser, ChangeOperation, ChangeRecord } from '../../../../contract/index.js';
import type { ChangeRow, CurationTx, RawState } from '../../store/curation-store.js';
import { parseState, stateView } from './raw-state.js';

/** Ids sort by time (base-36 milliseconds, fixed width) and then at random: `chg-<time>-<random>`. */
export const newChangeId = (): string =>
  `chg-${Date.now().toString(36).padStart(9, '0')}-${randomBytes(6).toString('base64url')}`;

export interface ChangeDraft {
  id: string;
  operation: ChangeOperation;
  targetKind: ChangeRecord['targetKind'];
  targetId: string;
  summary: string;
  before: RawState;
  after: RawState;
  otherId?: string;
  revertOf?: string;
}

/** Writes the Change node (in the change's own transaction) and returns it as the API shows it. */
export async function recordChange(
  tx: CurationTx,
  actor: AuthUser,
  draft: ChangeDraft,
): Promise<ChangeRecord> {
  const row = await tx.createChange({
    id: draft.id,
    by: actor.username,
    operation: draft.operation,
    targetKind: draft.targetKind,
    targetId: draft.targetId,
    summary: draft.summary,
    before: JSON.stringify(draft.before),
    after: JSON.stringify(draft.after),
    ...(draft.otherId ? { otherId: draft.otherId } : {}),
    ...(draft.revertOf ? { revertOf: draft.revertOf } : {}),
  });
  return toChangeRecord(row);
}

/** A stored change as the API shows it: before/after as ChangeSnapshots of nodes and relationships. */
export function toChangeRecord(row: ChangeRow): ChangeRecord {
  return {
    id: row.id,
    at: row.at,
    by: row.by,
    operation: row.operation as ChangeOperation,
    targetKind: row.targetKind as ChangeRecord['targetKind'],
    targetId: row.targetId,
    summary: row.summary,
    before: stateView(parseState(row.before)),
    after: stateView(parseState(row.after)),
    ...(row.revertOf ? { revertOf: row.revertOf } : {}),
    ...(row.revertedBy ? { revertedBy: row.revertedBy } : {}),
    ...(row.otherId ? { otherId: row.otherId } : {}),
  };
}

/** `"name"`, quoted for summaries. */
export const q = (s: string): string => `"${s}"`;
