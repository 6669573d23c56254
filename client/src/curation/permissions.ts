// Who may see the editing controls: curators and admins; viewers and anonymous visitors never do.
import type { AuthUser, Role } from '../../../contract';
import type { State } from '../state/state';

/** Roles in order of trust (as on the server's `ROLES`). */
const RANK: Readonly<Record<Role, number>> = { viewer: 0, curator: 1, admin: 2 };

/** The logged-in user, read from `State.auth` (null when anonymous or before /api/auth/me answered). */
export function currentUser(s: State): AuthUser | null {
  return s.auth.user;
}

/** True when the user may edit the graph (curator or admin). */
export function canEdit(s: State): boolean {
  const user = currentUser(s);
  return user !== null && RANK[user.role] >= RANK.curator;
}
