// The access-control matrix: every API route and method with who may call it. access-guard.ts enforces it.
import type { EndpointKey, Role } from '../../../contract/index.js';

/** Who is calling: nobody logged in, or a logged-in user of a role. */
export type Caller = 'anonymous' | Role;
export const CALLERS = ['anonymous', 'viewer', 'curator', 'admin'] as const satisfies readonly Caller[];

/**
 * What a caller may do on a route: `yes`; `no` (401 when anonymous, 403 when logged in); or `shared`:
 * only on resources their owner shares (not private), so the route's handler lists or opens only those.
 */
export type Grant = 'yes' | 'no' | 'shared';

/**
 * The deployment switch an anonymous caller's grant depends on: `always` (the health probe and the login
 * itself), `unless-auth-required` (reads: off with AUTH_REQUIRED=true), `if-anonymous-workspaces`
 * (saved workspaces: ANONYMOUS_WORKSPACES, which is off by default with AUTH_REQUIRED=true).
 */
export type AnonymousGate = 'always' | 'unless-auth-required' | 'if-anonymous-workspaces';

/** One row's permissions. */
export interface Access {
  anonymous: Grant;
  viewer: Grant;
  curator: Grant;
  admin: Grant;
  /**
   * What the resource's owner may do, whatever their role (a logged-in user who saved it, or the browser
   * session that saved it anonymously). Absent: the route has no owned resource.
   */
  owner?: Grant;
  anonymousWhen: AnonymousGate;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route (path as registered under /api, Express syntax) and method, with its permissions. */
export interface AccessRule extends Access {
  method: Method;
  path: string;
}

/** Anyone, even with AUTH_REQUIRED=true: the health probe and logging in and out. */
const OPEN: Access = {
  anonymous: 'yes',
  viewer: 'yes',
  curator: 'yes',
  admin: 'yes',
  anonymousWhen: 'always',
};
/** Reading the graph: anyone, unless AUTH_REQUIRED=true asks for a login. */
const READ: Access = { ...OPEN, anonymousWhen: 'unless-auth-required' };
/** Changing the graph. */
const CURATE: Access = { ...READ, anonymous: 'no', viewer: 'no' };
/** Managing accounts. */
const ADMIN: Access = { ...CURATE, curator: 'no' };
/** The workspace list: shared ones and your own; admins see every one. */
const WS_LIST: Access = {
  anonymous: 'shared',
  viewer: 'shared',
  curator: 'shared',
  admin: 'yes',
  owner: 'yes',
  anonymousWhen: 'if-anonymous-workspaces',
};
/** Saving a new workspace: it becomes the caller's. */
const WS_CREATE: Access = { ...OPEN, anonymousWhen: 'if-anonymous-workspaces' };
/** Opening one: read-only for others while it is shared; private ones only for the owner and admins. */
const WS_OPEN: Access = WS_LIST;
/** Saving over, renaming, sharing or deleting one: its owner and admins only. */
const WS_CHANGE: Access = { ...WS_LIST, anonymous: 'no', viewer: 'no', curator: 'no' };

/**
 * Who may call each endpoint of the contract (contract/endpoints.ts), keyed as ENDPOINTS is: an endpoint without a
 * row here does not compile. Rows are in the order of the README's "Accounts and roles" table (access-table.ts).
 */
export const ACCESS: { readonly [K in EndpointKey]: Access } = {
  'GET /health': OPEN,
  'POST /auth/login': OPEN,
  'POST /auth/logout': OPEN,
  'GET /auth/me': OPEN,

  'GET /schema': READ,
  'GET /search': READ,
  'GET /nodes/:id': READ,
  'GET /nodes/:id/neighbours': READ,
  'GET /nodes/:id/neighbour-counts': READ,
  'GET /nodes/:id/neighbourhood': READ,
  'GET /paths': READ,
  'GET /cooperation': READ,
  'POST /cypher': READ,
  'POST /export': READ,
  'GET /export': READ,
  'GET /nodes/:id/history': READ,
  'GET /edges/:id/history': READ,
  'GET /changes': READ,
  'GET /deleted': READ,
  'GET /sources': READ,
  'GET /sources/:id': READ,

  'GET /workspaces': WS_LIST,
  'POST /workspaces': WS_CREATE,
  'GET /workspaces/:id': WS_OPEN,
  'PUT /workspaces/:id': WS_CHANGE,
  'PATCH /workspaces/:id': WS_CHANGE,
  'DELETE /workspaces/:id': WS_CHANGE,

  'POST /nodes': CURATE,
  'PATCH /nodes/:id': CURATE,
  'DELETE /nodes/:id': CURATE,
  'POST /nodes/:id/merge': CURATE,
  'POST /edges': CURATE,
  'PATCH /edges/:id': CURATE,
  'DELETE /edges/:id': CURATE,
  'POST /changes/:id/revert': CURATE,
  'POST /sources': CURATE,
  // Suggestions are unreviewed claims: only those who review them read them.
  'GET /sources/:id/extraction': CURATE,
  'GET /sources/:id/suggestions': CURATE,
  'POST /sources/:id/extraction': CURATE,
  'POST /sources/:id/suggestions/accept': CURATE,
  'POST /suggestions/:id/accept': CURATE,
  'POST /suggestions/:id/reject': CURATE,
  'POST /suggestions/:id/link': CURATE,

  'GET /users': ADMIN,
  'POST /users': ADMIN,
  'PATCH /users/:username': ADMIN,
  'DELETE /users/:username': ADMIN,
};

/** The row of endpoint `key`, with its method and path. */
export function ruleOf(key: EndpointKey): AccessRule {
  const [method, path] = key.split(' ') as [Method, string];
  return { method, path, ...ACCESS[key] };
}

/**
 * Every route the API registers, as rows (ACCESS in order). A route missing here is refused by no one:
 * tests/server/access-matrix.test.ts walks the app's router and fails on it, and checks every row against real
 * answers for every caller. The README's "Accounts and roles" table is rendered from this list (access-table.ts).
 */
export const ACCESS_MATRIX: readonly AccessRule[] = (Object.keys(ACCESS) as EndpointKey[]).map(ruleOf);

/** The deployment settings the matrix depends on. */
export interface Deployment {
  authRequired: boolean;
  anonymousWorkspaces: boolean;
}

/** Whether an anonymous caller's grant applies in this deployment. */
export function gateOpen(gate: AnonymousGate, d: Deployment): boolean {
  if (gate === 'always') return true;
  if (gate === 'unless-auth-required') return !d.authRequired;
  return d.anonymousWorkspaces;
}

/** What one caller gets on one row in one deployment: on any resource, and on a resource of their own. */
export interface CallerGrant {
  caller: Caller;
  grant: Grant;
  /** The owner's grant; `no` when the row has no owner column or the caller may not be an owner here. */
  owner: Grant;
}

/** The row's grants for `caller`; an anonymous caller past a closed gate gets `no`, as an owner too. */
export function grantOf(access: Access, caller: Caller, d: Deployment): CallerGrant {
  if (caller === 'anonymous' && !gateOpen(access.anonymousWhen, d))
    return { caller, grant: 'no', owner: 'no' };
  return { caller, grant: access[caller], owner: access.owner ?? 'no' };
}

const RANK: Record<Grant, number> = { no: 0, shared: 1, yes: 2 };

/** Whether the grant lets the caller at one resource: theirs (`owned`) or another's, shared or private. */
export function permits(g: CallerGrant, resource: { owned: boolean; shared: boolean }): boolean {
  const best = resource.owned && RANK[g.owner] > RANK[g.grant] ? g.owner : g.grant;
  return best === 'yes' || (best === 'shared' && resource.shared);
}

/** Whether the caller may reach the route at all (before any resource is looked at). */
export function mayReach(g: CallerGrant): boolean {
  return g.grant !== 'no' || g.owner !== 'no';
}
