// Use cases: create, edit and soft-delete a node; each validated, version-checked under the node's lock, and recorded.
import type {
  AuthUser,
  GraphNode,
  NodeCreateRequest,
  NodeUpdateRequest,
  WriteResponse,
} from '../../../../contract/index.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../errors.js';
import {
  idPrefixOf,
  kindOf,
  labelsOf,
  nodePropertyTypes,
  SOURCE_KIND,
  type EntityKind,
} from '../../../../model/index.js';
import { curationWrite, type CurationTx, type LockedNode, type RawNode } from '../../store/curation-store.js';
import type { GraphStore } from '../../store/neo4j-store.js';
import { applyState } from './apply-state.js';
import { removeEvidenceAt, resolveEvidence } from './evidence.js';
import { applyValues, checkProperties } from './properties.js';
import {
  EMPTY_STATE,
  evidenceOf,
  liveView,
  nodeView,
  sameNode,
  uniteEvidence,
  versionOf,
  withDerived,
} from './raw-state.js';
import { newChangeId, q, recordChange } from './record.js';

/** `country:new-zealand` from ("Country", "New Zealand"). */
function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'node'
  );
}

/** Aliases trimmed, each once, without the name itself. */
function cleanAliases(aliases: readonly string[], name: string): string[] {
  return [...new Set(aliases.map((a) => a.trim()).filter((a) => a && a !== name))];
}

/** The live node with this id under its lock, or 404; sources are not edited through the node endpoints. */
export async function lockLiveNode(
  tx: CurationTx,
  id: string,
  field = 'id',
): Promise<{ node: LockedNode; label: EntityKind; locked: Awaited<ReturnType<CurationTx['lockNodes']>> }> {
  const locked = await tx.lockNodes([id]);
  const node = locked.nodes.get(id);
  if (!node?.live) throw new NotFoundError(`No node with id "${id}".`, field);
  const label = kindOf(node.labels);
  if (!label || label === SOURCE_KIND)
    throw new UnprocessableError(
      `"${id}" is a source: sources are added with POST /api/sources and never edited or deleted, since evidence quotes them.`,
      field,
    );
  return { node, label, locked };
}

/** 409 with the node as it is now when `version` is not its current version. */
export function checkVersion(node: RawNode, version: number, field = 'version'): void {
  if (versionOf(node) !== version) {
    throw new ConflictError(
      `"${String(node.props.name)}" was changed by someone else meanwhile (you had version ${version}, it is now ${versionOf(node)}); reapply your change on the current state.`,
      field,
      { current: nodeView(node) },
    );
  }
}

export async function createNode(
  store: GraphStore,
  actor: AuthUser,
  req: NodeCreateRequest,
): Promise<WriteResponse<GraphNode>> {
  return curationWrite(store, (tx) => createNodeIn(tx, actor, req));
}

/** createNode inside a caller's transaction (ingest accepts a suggestion and records the decision in one). */
export async function createNodeIn(
  tx: CurationTx,
  actor: AuthUser,
  req: NodeCreateRequest,
): Promise<WriteResponse<GraphNode>> {
  // The contract already refused a label a curator may not create, and a new node without evidence (422).
  const { label, evidence: inputs } = req;
  const prefix = `${idPrefixOf(label)}:`;
  if (req.id !== undefined && !req.id.startsWith(prefix))
    throw new UnprocessableError(`\`id\` of a ${label} must start with "${prefix}".`, 'id');
  const name = req.name.trim();
  const values = req.properties ?? {};
  const ints = checkProperties(values, nodePropertyTypes(label), `a ${label}`, 'node');
  {
    const evidence = await resolveEvidence(tx, inputs, 'evidence', actor);
    const base = req.id ?? `${prefix}${slug(name)}`;
    const candidates = req.id ? [base] : [base, ...Array.from({ length: 30 }, (_x, i) => `${base}-${i + 2}`)];
    const taken = await tx.lockNodes(candidates);
    const id = candidates.find((c) => !taken.nodes.has(c));
    if (!id || (req.id && taken.nodes.has(req.id))) {
      const deleted = req.id && !taken.nodes.get(req.id)?.live;
      throw new UnprocessableError(
        `\`id\` "${base}" is taken${deleted ? ' by a deleted node (restore it from the deleted list instead)' : ''}; choose another id.`,
        'id',
      );
    }
    const aliases = cleanAliases(req.aliases ?? [], name);
    const props = withDerived(
      {
        id,
        name,
        ...applyValues({}, values),
        aliases,
        description: req.description?.trim() || undefined,
      },
      evidence,
    );
    const node: RawNode = { id, labels: [...labelsOf(label)], props, ints: ints.sort() };
    const changeId = newChangeId();
    const after = await applyState(
      tx,
      taken,
      { nodeIds: new Set([id]), edgeIds: new Set() },
      { nodes: [node], edges: [] },
      { changeId, by: actor.username, reason: 'deleted' },
    );
    const change = await recordChange(tx, actor, {
      id: changeId,
      operation: 'create-node',
      targetKind: 'node',
      targetId: id,
      summary: `created ${label} ${q(name)}`,
      before: EMPTY_STATE,
      after,
    });
    return { result: nodeView(after.nodes[0]!), change };
  }
}

/** What an update changes, in words: `renamed "UK" to "United Kingdom"; changed aliases`. */
function describeUpdate(before: RawNode, after: RawNode): string {
  const parts: string[] = [];
  if (before.props.name !== after.props.name)
    parts.push(`renamed ${q(String(before.props.name))} to ${q(String(after.props.name))}`);
  const keys = [...new Set([...Object.keys(before.props), ...Object.keys(after.props)])].filter(
    (k) =>
      !['name', 'version', 'evidence', 'sourceIds', 'aliasText'].includes(k) &&
      JSON.stringify(before.props[k]) !== JSON.stringify(after.props[k]),
  );
  if (keys.length) parts.push(`changed ${keys.sort().join(', ')} of ${q(String(after.props.name))}`);
  if (before.props.evidence !== after.props.evidence)
    parts.push(`changed the evidence of ${q(String(after.props.name))}`);
  return parts.join('; ');
}

export async function updateNode(
  store: GraphStore,
  actor: AuthUser,
  id: string,
  req: NodeUpdateRequest,
): Promise<WriteResponse<GraphNode>> {
  return curationWrite(store, (tx) => updateNodeIn(tx, actor, id, req));
}

/** updateNode inside a caller's transaction (ingest links a candidate to a node and records the decision in one). */
export async function updateNodeIn(
  tx: CurationTx,
  actor: AuthUser,
  id: string,
  req: NodeUpdateRequest,
): Promise<WriteResponse<GraphNode>> {
  {
    const { node: cur, label, locked } = await lockLiveNode(tx, id);
    checkVersion(cur, req.version);
    const values = req.properties ?? {};
    const ints = checkProperties(values, nodePropertyTypes(label), `a ${label}`, 'node');
    const name = req.name?.trim() ?? String(cur.props.name);
    const added = req.addEvidence?.length
      ? await resolveEvidence(tx, req.addEvidence, 'addEvidence', actor)
      : [];
    const evidence = [...removeEvidenceAt(evidenceOf(cur), req.removeEvidence), ...added];
    if (!evidence.length)
      throw new UnprocessableError(
        '`removeEvidence` would leave no evidence; every fact keeps at least one piece.',
        'removeEvidence',
      );
    const aliases = cleanAliases(req.aliases ?? (cur.props.aliases as string[] | undefined) ?? [], name);
    const description =
      req.description === undefined
        ? cur.props.description
        : req.description === null
          ? undefined
          : req.description.trim() || undefined;
    const props = withDerived(
      { ...applyValues(cur.props, values), name, aliases, description },
      uniteEvidence(evidence),
    );
    const next: RawNode = {
      id,
      labels: cur.labels,
      props,
      ints: [...new Set([...cur.ints, ...ints])].sort(),
    };
    if (sameNode(cur, next)) throw new UnprocessableError('The update changes nothing.', 'request');
    const changeId = newChangeId();
    const before = liveView(locked, [id], []);
    const after = await applyState(
      tx,
      locked,
      { nodeIds: new Set([id]), edgeIds: new Set() },
      { nodes: [next], edges: [] },
      { changeId, by: actor.username, reason: 'deleted' },
    );
    const change = await recordChange(tx, actor, {
      id: changeId,
      operation: 'update-node',
      targetKind: 'node',
      targetId: id,
      summary: describeUpdate(cur, next),
      before,
      after,
    });
    return { result: nodeView(after.nodes[0]!), change };
  }
}

/** Soft delete: the node keeps its properties and relationships but loses its labels, so no read shows it. */
export async function deleteNode(
  store: GraphStore,
  actor: AuthUser,
  id: string,
  version: number,
): Promise<WriteResponse<GraphNode>> {
  return curationWrite(store, async (tx) => {
    const { node: cur, label, locked } = await lockLiveNode(tx, id);
    checkVersion(cur, version);
    const edgeIds = locked.edges.filter((e) => e.live).map((e) => e.id);
    const before = liveView(locked, [id], edgeIds);
    const changeId = newChangeId();
    const after = await applyState(
      tx,
      locked,
      { nodeIds: new Set([id]), edgeIds: new Set(edgeIds) },
      EMPTY_STATE,
      { changeId, by: actor.username, reason: 'deleted' },
    );
    const rels = edgeIds.length
      ? ` and hid its ${edgeIds.length} relationship${edgeIds.length === 1 ? '' : 's'}`
      : '';
    const change = await recordChange(tx, actor, {
      id: changeId,
      operation: 'delete-node',
      targetKind: 'node',
      targetId: id,
      summary: `deleted ${label} ${q(String(cur.props.name))}${rels}`,
      before,
      after,
    });
    return { result: null, change };
  });
}
