// Words for who owns a workspace and what this user may do with it, shared by the panel and its messages.
import type { WorkspaceAccess } from '../../../contract';

/** "yours", "alice's", or "saved without a login" for an ownerless one; for messages ("X is …"). */
export function ownerPhrase(a: Pick<WorkspaceAccess, 'owner' | 'yours'>): string {
  if (a.yours) return 'yours';
  return a.owner ? `${a.owner}’s` : 'saved without a login';
}

/** The owner as a list shows it: "by you", "by you (this browser)", "by alice", "saved without a login". */
export function ownerLabel(a: Pick<WorkspaceAccess, 'owner' | 'yours'>): string {
  if (a.yours) return a.owner ? 'by you' : 'by you (this browser)';
  return a.owner ? `by ${a.owner}` : 'saved without a login';
}
