// Who is asking for a workspace, as the workspace use cases need it: identity, anonymous key, and matrix grants.
import type { Request, Response } from 'express';
import { usernameKey } from '../store/user-store.js';
import { callerOf, deploymentOf } from './access-guard.js';
import type { EndpointKey } from '../../../contract/index.js';
import { ACCESS, grantOf, type CallerGrant } from './access-matrix.js';
import { workspaceKeyHash } from './workspace-key.js';

/** The caller of a workspace use case, free of Express. */
export interface WorkspaceCaller {
  /** The logged-in user's name and its case-insensitive key; null when anonymous. */
  username: string | null;
  userKey: string | null;
  /** The SHA-256 of this browser session's anonymous workspace key, if it has one. */
  keyHash: string | null;
  /** What the matrix grants this caller for opening a workspace, and for changing one. */
  open: CallerGrant;
  change: CallerGrant;
}

const grant = (res: Response, key: EndpointKey): CallerGrant =>
  grantOf(ACCESS[key], callerOf(res), deploymentOf(res));

/** The caller of this request (the access guard must have run: it records the deployment). */
export function workspaceCaller(req: Request, res: Response): WorkspaceCaller {
  const user = res.locals.user;
  return {
    username: user?.username ?? null,
    userKey: user ? usernameKey(user.username) : null,
    keyHash: workspaceKeyHash(req),
    open: grant(res, 'GET /workspaces/:id'),
    change: grant(res, 'PUT /workspaces/:id'),
  };
}
