// Use case: merge a duplicate node into another: relationships move, aliases and evidence are united, the other is soft-deleted.
import type { AuthUser, GraphNode, MergeRequest, WriteResponse } from '../../../../contract/index.js';
import { UnprocessableError } from '../../errors.js';
import { nodePropertyTypes, relationshipPropertyTypes, type RelationshipType } from '../../schema.js';
import { curationWrite, type RawEdge, type RawNode, type StoredValue } from '../../store/curation-store.js';
import type { GraphStore } from '../../store/neo4j-store.js';
import { applyState } from './apply-state.js';
import { edgeIdFor, freeEdgeId } from './edge-edits.js';
import { checkVersion, lockLiveNode } from './node-edits.js';
import { evidenceOf, liveView, nodeView, uniteEvidence, withDerived } from './raw-state.js';
import { newChangeId, q, recordChange } from './record.js';

/** `into` with the properties it lacks taken from `from` (only keys in `allowed`), and both evidence lists united. */
function absorb<T extends RawNode | RawEdge>(
  into: T,
  from: RawNode | RawEdge,
  allowed: Record<string, unknown>,
  extra: Record<string, StoredValue> = {},
): T {
  const props: Record<string, StoredValue> = { ...into.props };
  for (const [k, v] of Object.entries(from.props)) if (props[k] === undefined && k in allowed) props[k] = v;
  return {
    ...into,
    props: withDerived({ ...props, ...extra }, uniteEvidence(evidenceOf(into), evidenceOf(from))),
    ints: [...new Set([...into.ints, ...from.ints.filter((k) => k in allowed)])].sort(),
  };
}

/**
 * Merges `req.otherId` into `keepId` (both at the versions sent): the other's relationships move to the kept node
 * (one that would duplicate a relationship of the same type, direction and other end is united with it), its
 * name and aliases become aliases, evidence is united, and it is soft-deleted as merged. One change records
 * both nodes and every relationship before and after, so reverting it restores them exactly.
 */
export async function mergeNodes(
  store: GraphStore,
  actor: AuthUser,
  keepId: string,
  req: MergeRequest,
): Promise<WriteResponse<GraphNode>> {
  if (req.otherId === keepId)
    throw new UnprocessableError('`otherId` is the node itself; merge a different node into it.', 'otherId');
  return curationWrite(store, async (tx) => {
    // Both locks first, in id order, so two merges of the same pair cannot wait on each other crosswise.
    await tx.lockNodes([keepId, req.otherId]);
    const { label } = await lockLiveNode(tx, keepId);
    const { label: otherLabel } = await lockLiveNode(tx, req.otherId, 'otherId').catch(
      (err: { status?: number }) => {
        if (err.status === 404)
          throw new UnprocessableError(`\`otherId\`: no node with id "${req.otherId}".`, 'otherId');
        throw err;
      },
    );
    // The other ends of their relationships too: the moved relationships are written at both ends. Taken after the
    // first two (ids unknown before), so a crosswise wait is possible; Neo4j detects it and the write is retried.
    const first = await tx.lockNodes([keepId, req.otherId]);
    const locked = await tx.lockNodes([
      keepId,
      req.otherId,
      ...first.edges.flatMap((e) => [e.source, e.target]),
    ]);
    const keep = locked.nodes.get(keepId)!;
    const other = locked.nodes.get(req.otherId)!;
    if (label !== otherLabel)
      throw new UnprocessableError(
        `\`otherId\` is a ${otherLabel} and "${keepId}" a ${label}: only nodes of the same label merge.`,
        'otherId',
      );
    checkVersion(keep, req.version, 'version');
    checkVersion(other, req.otherVersion, 'otherVersion');

    const allowed = nodePropertyTypes(label);
    const keepName = String(keep.props.name);
    const aliases = [
      ...new Set([
        ...((keep.props.aliases as string[]) ?? []),
        String(other.props.name),
        ...((other.props.aliases as string[]) ?? []),
      ]),
    ].filter((a) => a !== keepName);
    const { live: _l, ...keepRaw } = keep;
    const merged = absorb(keepRaw, other, allowed, { aliases });

    const pair = new Set([keepId, req.otherId]);
    const live = locked.edges.filter((e) => e.live && (pair.has(e.source) || pair.has(e.target)));
    const edges = new Map<string, RawEdge>();
    for (const { live: _x, ...e } of live)
      if (e.source !== req.otherId && e.target !== req.otherId) edges.set(e.id, e);
    const taken = new Set(locked.edges.map((e) => e.id));
    let moved = 0;
    let united = 0;
    for (const { live: _x, ...e } of live) {
      if (e.source !== req.otherId && e.target !== req.otherId) continue;
      const out = e.source === req.otherId;
      const end = out ? e.target : e.source;
      if (end === keepId) continue; // between the two: it stays, hidden, with the merged node
      const twin = [...edges.values()]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .find(
          (k) =>
            k.type === e.type &&
            (out ? k.source === keepId && k.target === end : k.source === end && k.target === keepId),
        );
      if (twin) {
        edges.set(twin.id, absorb(twin, e, relationshipPropertyTypes(e.type as RelationshipType)));
        united++;
        continue;
      }
      const id = freeEdgeId(out ? edgeIdFor(keepId, e.type, end) : edgeIdFor(end, e.type, keepId), taken);
      taken.add(id);
      edges.set(id, {
        ...e,
        id,
        source: out ? keepId : end,
        target: out ? end : keepId,
        props: { ...e.props, id },
      });
      moved++;
    }
    const changeId = newChangeId();
    const edgeIds = new Set([...live.map((e) => e.id), ...edges.keys()]);
    const before = liveView(
      locked,
      [keepId, req.otherId],
      live.map((e) => e.id),
    );
    const after = await applyState(
      tx,
      locked,
      { nodeIds: new Set([keepId, req.otherId]), edgeIds },
      { nodes: [merged], edges: [...edges.values()] },
      {
        changeId,
        by: actor.username,
        reason: 'merged',
        mergedInto: keepId,
      },
    );
    const change = await recordChange(tx, actor, {
      id: changeId,
      operation: 'merge-nodes',
      targetKind: 'node',
      targetId: keepId,
      otherId: req.otherId,
      before,
      after,
      summary: `merged ${q(String(other.props.name))} into ${q(keepName)} (${moved} relationship${moved === 1 ? '' : 's'} moved, ${united} united)`,
    });
    return { result: nodeView(after.nodes[0]!), change };
  });
}
