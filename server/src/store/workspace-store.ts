// Workspace persistence: :Workspace nodes holding a scene of business keys as JSON; no driver types leak out.
import neo4j from 'neo4j-driver';
import type { Graph, Workspace, WorkspaceScene, WorkspaceSummary } from '../../../contract/index.js';
import { ConflictError } from '../errors.js';
import { collectGraph, plain } from './mapping.js';
import type { GraphStore } from './neo4j-store.js';

type Row = Omit<Workspace, 'scene'> & { scene?: string };

function toWorkspace(row: Row): Workspace {
  const { scene, ...summary } = plain(row) as Row;
  return { ...summary, scene: JSON.parse(scene ?? '{"nodes":[]}') as WorkspaceScene };
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
  w: { id: string; name: string; scene: WorkspaceScene },
): Promise<Workspace> {
  try {
    const res = await store.write('workspace-create', {
      id: w.id,
      name: w.name,
      nameKey: nameKey(w.name),
      scene: JSON.stringify(w.scene),
      nodeCount: neo4j.int(w.scene.nodes.length),
    });
    return toWorkspace(res.records[0]!.get('w') as Row);
  } catch (err) {
    throw duplicateName(err, w.name);
  }
}

export async function listWorkspaces(store: GraphStore): Promise<WorkspaceSummary[]> {
  return (await store.read('workspace-list')).records.map((r) => plain(r.get('summary')) as WorkspaceSummary);
}

export async function findWorkspace(store: GraphStore, id: string): Promise<Workspace | null> {
  const rec = (await store.read('workspace-by-id', { id })).records[0];
  return rec ? toWorkspace(rec.get('w') as Row) : null;
}

/** The outcome of a versioned update: applied, stale (with the current state), or no such workspace. */
export type UpdateOutcome = { kind: 'applied' | 'stale'; workspace: Workspace } | { kind: 'missing' };

export async function updateWorkspace(
  store: GraphStore,
  id: string,
  version: number,
  change: { scene?: WorkspaceScene; name?: string },
): Promise<UpdateOutcome> {
  try {
    const res = await store.write('workspace-update', {
      id,
      version: neo4j.int(version),
      scene: change.scene ? JSON.stringify(change.scene) : null,
      nodeCount: change.scene ? neo4j.int(change.scene.nodes.length) : null,
      name: change.name ?? null,
      nameKey: change.name ? nameKey(change.name) : null,
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
  const rec = (await store.read('subgraph-by-ids', { ids })).records[0]!;
  return collectGraph([rec.get('nodes'), rec.get('rels')]);
}
