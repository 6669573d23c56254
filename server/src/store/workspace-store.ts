// Workspace persistence: :Workspace nodes holding a scene of business keys as JSON; no driver types leak out.
import neo4j from 'neo4j-driver';
import type {
  Graph,
  Workspace,
  WorkspaceAccess,
  WorkspaceScene,
  WorkspaceSummary,
  WorkspaceVisibility,
} from '../../../contract/index.js';
import { ConflictError } from '../errors.js';
import { collectGraph, plain } from './mapping.js';
import type { GraphStore } from './neo4j-store.js';
import { readSubgraph } from './subgraph-reads.js';

/** Who owns a stored workspace: only the server sees the keys. */
export interface WorkspaceOwnership {
  /** The owner's usernameKey and username; null when saved anonymously, before owners, or the owner was deleted. */
  ownerKey: string | null;
  owner: string | null;
  /** SHA-256 of the anonymous saver's browser-session key (auth/workspace-key.ts), or null. */
  creatorKeyHash: string | null;
  visibility: WorkspaceVisibility;
}

/** A workspace as stored: the wire fields without the caller-relative ones, plus the ownership keys. */
export type StoredWorkspace = Omit<Workspace, keyof WorkspaceAccess> & WorkspaceOwnership;
/** A list entry: `yours` is decided in the query, from the caller's keys. */
export type StoredSummary = Omit<WorkspaceSummary, 'canEdit'>;

type Row = Omit<StoredWorkspace, 'scene'> & { scene?: string };

function toWorkspace(row: Row): StoredWorkspace {
  const { scene, ...rest } = plain(row) as Row;
  return {
    ...rest,
    ownerKey: rest.ownerKey ?? null,
    owner: rest.owner ?? null,
    creatorKeyHash: rest.creatorKeyHash ?? null,
    scene: JSON.parse(scene ?? '{"nodes":[]}') as WorkspaceScene,
  };
}

/** The unique-name constraint turns a duplicate into a driver error; make it a 409 naming `name`. */
function duplicateName(err: unknown, name: string): unknown {
  const code = (err as { code?: string })?.code ?? '';
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError(
      `A workspace named "${name}" already exists; choose another name or open it.`,
      'name',
    );
  }
  return err;
}

const nameKey = (name: string): string => name.toLocaleLowerCase('en');

export async function createWorkspace(
  store: GraphStore,
  w: { id: string; name: string; scene: WorkspaceScene } & WorkspaceOwnership,
): Promise<StoredWorkspace> {
  try {
    const res = await store.write('workspace-create', {
      id: w.id,
      name: w.name,
      nameKey: nameKey(w.name),
      scene: JSON.stringify(w.scene),
      nodeCount: neo4j.int(w.scene.nodes.length),
      visibility: w.visibility,
      ownerKey: w.ownerKey,
      owner: w.owner,
      creatorKeyHash: w.creatorKeyHash,
    });
    return toWorkspace(res.records[0]!.get('w') as Row);
  } catch (err) {
    throw duplicateName(err, w.name);
  }
}

/** The workspaces a caller sees: shared ones and theirs (by user key or anonymous key hash); `all` for admins. */
export async function listWorkspaces(
  store: GraphStore,
  who: { all: boolean; ownerKey: string | null; creatorKeyHash: string | null },
): Promise<StoredSummary[]> {
  const res = await store.read('workspace-list', {
    all: who.all,
    ownerKey: who.ownerKey,
    creatorKeyHash: who.creatorKeyHash,
  });
  return res.records.map((r) => ({
    ...(plain(r.get('summary')) as Omit<StoredSummary, 'yours'>),
    yours: r.get('yours') === true,
  }));
}

export async function findWorkspace(store: GraphStore, id: string): Promise<StoredWorkspace | null> {
  const rec = (await store.read('workspace-by-id', { id })).records[0];
  return rec ? toWorkspace(rec.get('w') as Row) : null;
}

/** The outcome of a versioned update: applied, stale (with the current state), or no such workspace. */
export type UpdateOutcome = { kind: 'applied' | 'stale'; workspace: StoredWorkspace } | { kind: 'missing' };

export async function updateWorkspace(
  store: GraphStore,
  id: string,
  version: number,
  change: { scene?: WorkspaceScene; name?: string; visibility?: WorkspaceVisibility },
): Promise<UpdateOutcome> {
  try {
    const res = await store.write('workspace-update', {
      id,
      version: neo4j.int(version),
      scene: change.scene ? JSON.stringify(change.scene) : null,
      nodeCount: change.scene ? neo4j.int(change.scene.nodes.length) : null,
      name: change.name ?? null,
      nameKey: change.name ? nameKey(change.name) : null,
      visibility: change.visibility ?? null,
    });
    const rec = res.records[0];
    if (!rec) return { kind: 'missing' };
    return { kind: rec.get('fresh') ? 'applied' : 'stale', workspace: toWorkspace(rec.get('w') as Row) };
  } catch (err) {
    throw duplicateName(err, change.name ?? '');
  }
}

export async function deleteWorkspace(store: GraphStore, id: string): Promise<boolean> {
  const res = await store.write('workspace-delete', { id });
  return plain(res.records[0]!.get('deleted')) === 1;
}

/** The nodes with these ids as they are now, and every relationship among them. */
export async function subgraphByIds(store: GraphStore, ids: string[]): Promise<Graph> {
  const { nodes, rels } = await readSubgraph(store, ids);
  return collectGraph([nodes, rels]);
}
