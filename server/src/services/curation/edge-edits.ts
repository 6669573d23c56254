// Use cases: create, edit and delete a relationship; validated against the schema, version-checked under its ends' locks, recorded.
import type {
  AuthUser,
  EdgeCreateRequest,
  EdgeUpdateRequest,
  GraphEdge,
  WriteResponse,
} from '../../../../contract/index.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../errors.js';
import { kindOf } from '../../../../model/index.js';
import {
  RELATIONSHIP_TYPE_NAMES,
  endpointAllowed,
  isRelationshipType,
  relationshipPropertyTypes,
} from '../../schema.js';
import {
  curationWrite,
  type CurationTx,
  type LockedEdge,
  type LockedState,
  type RawEdge,
} from '../../store/curation-store.js';
import type { GraphStore } from '../../store/neo4j-store.js';
import { applyState } from './apply-state.js';
import { removeEvidenceAt, resolveEvidence } from './evidence.js';
import { applyValues, checkProperties } from './properties.js';
import {
  EMPTY_STATE,
  edgeView,
  evidenceOf,
  liveView,
  sameEdge,
  uniteEvidence,
  versionOf,
  withDerived,
} from './raw-state.js';
import { newChangeId, q, recordChange } from './record.js';

/** Relationship ids are `<from>|<TYPE>|<to>[|key]` (seed/FORMAT.md); node ids never hold `|`. */
export const edgeIdFor = (source: string, type: string, target: string): string =>
  `${source}|${type}|${target}`;
const sourceOfId = (id: string): string | null => (id.includes('|') ? id.slice(0, id.indexOf('|')) : null);

/** The first free id for a new relationship: the derived one, then `|2`, `|3`, ... */
export function freeEdgeId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}|${i}`)) return `${base}|${i}`;
}

const nameOf = (locked: LockedState, id: string): string => String(locked.nodes.get(id)?.props.name ?? id);

/** The live relationship with this id, under the locks of both its ends; 404 when there is none. */
async function lockLiveEdge(tx: CurationTx, id: string): Promise<{ edge: LockedEdge; locked: LockedState }> {
  const source = sourceOfId(id);
  const ends = source ? await tx.edgeEnds(id, source) : null;
  if (!ends) throw new NotFoundError(`No relationship with id "${id}".`, 'id');
  const locked = await tx.lockNodes([ends.source, ends.target]);
  const edge = locked.edges.find((e) => e.id === id && e.live);
  if (!edge) throw new NotFoundError(`No relationship with id "${id}".`, 'id');
  return { edge, locked };
}

function checkEdgeVersion(edge: RawEdge, version: number): void {
  if (versionOf(edge) !== version) {
    throw new ConflictError(
      `The relationship ${edge.id} was changed by someone else meanwhile (you had version ${version}, it is now ${versionOf(edge)}); reapply your change on the current state.`,
      'version',
      { current: edgeView(edge) },
    );
  }
}

export async function createEdge(
  store: GraphStore,
  actor: AuthUser,
  req: EdgeCreateRequest,
): Promise<WriteResponse<GraphEdge>> {
  return curationWrite(store, (tx) => createEdgeIn(tx, actor, req));
}

/** createEdge inside a caller's transaction (ingest accepts a suggestion and records the decision in one). */
export async function createEdgeIn(
  tx: CurationTx,
  actor: AuthUser,
  req: EdgeCreateRequest,
): Promise<WriteResponse<GraphEdge>> {
  if (!isRelationshipType(req.type))
    throw new UnprocessableError(
      `\`type\` "${req.type}" is not a relationship type; expected one of: ${RELATIONSHIP_TYPE_NAMES.join(', ')}.`,
      'type',
    );
  const type = req.type;
  if (req.source === req.target)
    throw new UnprocessableError(
      '`target` is the same node as `source`; a relationship joins two nodes.',
      'target',
    );
  const values = req.properties ?? {};
  const ints = checkProperties(
    values,
    relationshipPropertyTypes(type),
    `a ${type} relationship`,
    'relationship',
  );
  // The contract already refused a new relationship without evidence (422).
  const inputs = req.evidence;
  {
    const locked = await tx.lockNodes([req.source, req.target]);
    for (const end of ['source', 'target'] as const) {
      const node = locked.nodes.get(req[end]);
      if (!node?.live) throw new UnprocessableError(`\`${end}\`: no node with id "${req[end]}".`, end);
      if (!endpointAllowed(type, end === 'source' ? 'from' : 'to', node.labels)) {
        throw new UnprocessableError(
          `\`${end}\`: a ${type} relationship may not ${end === 'source' ? 'start at' : 'end at'} a ${kindOf(node.labels)} ("${node.id}").`,
          end,
        );
      }
    }
    const evidence = await resolveEvidence(tx, inputs, 'evidence', actor);
    const id = freeEdgeId(
      edgeIdFor(req.source, type, req.target),
      locked.edges.map((e) => e.id),
    );
    const edge: RawEdge = {
      id,
      type,
      source: req.source,
      target: req.target,
      props: withDerived({ id, ...applyValues({}, values) }, evidence),
      ints: ints.sort(),
    };
    const changeId = newChangeId();
    const after = await applyState(
      tx,
      locked,
      { nodeIds: new Set(), edgeIds: new Set([id]) },
      { nodes: [], edges: [edge] },
      { changeId, by: actor.username, reason: 'deleted' },
    );
    const change = await recordChange(tx, actor, {
      id: changeId,
      operation: 'create-edge',
      targetKind: 'edge',
      targetId: id,
      summary: `linked ${q(nameOf(locked, req.source))} ${type} ${q(nameOf(locked, req.target))}`,
      before: EMPTY_STATE,
      after,
    });
    return { result: edgeView(after.edges[0]!), change };
  }
}

export async function updateEdge(
  store: GraphStore,
  actor: AuthUser,
  id: string,
  req: EdgeUpdateRequest,
): Promise<WriteResponse<GraphEdge>> {
  return curationWrite(store, (tx) => updateEdgeIn(tx, actor, id, req));
}

/** updateEdge inside a caller's transaction (ingest marks a contradicted claim disputed with the new one). */
export async function updateEdgeIn(
  tx: CurationTx,
  actor: AuthUser,
  id: string,
  req: EdgeUpdateRequest,
): Promise<WriteResponse<GraphEdge>> {
  {
    const { edge: cur, locked } = await lockLiveEdge(tx, id);
    checkEdgeVersion(cur, req.version);
    const values = req.properties ?? {};
    const ints = checkProperties(
      values,
      relationshipPropertyTypes(cur.type as never),
      `a ${cur.type} relationship`,
      'relationship',
    );
    const added = req.addEvidence?.length
      ? await resolveEvidence(tx, req.addEvidence, 'addEvidence', actor)
      : [];
    const evidence = uniteEvidence([...removeEvidenceAt(evidenceOf(cur), req.removeEvidence), ...added]);
    if (!evidence.length)
      throw new UnprocessableError(
        '`removeEvidence` would leave no evidence; every fact keeps at least one piece.',
        'removeEvidence',
      );
    const { live: _live, ...plain } = cur;
    const next: RawEdge = {
      ...plain,
      props: withDerived(applyValues(cur.props, values), evidence),
      ints: [...new Set([...cur.ints, ...ints])].sort(),
    };
    if (sameEdge(cur, next)) throw new UnprocessableError('The update changes nothing.', 'request');
    const changeId = newChangeId();
    const before = liveView(locked, [], [id]);
    const after = await applyState(
      tx,
      locked,
      { nodeIds: new Set(), edgeIds: new Set([id]) },
      { nodes: [], edges: [next] },
      { changeId, by: actor.username, reason: 'deleted' },
    );
    const changed = Object.keys(values).sort().join(', ');
    const summary = `changed ${[changed, evidence.length !== evidenceOf(cur).length || added.length ? 'evidence' : ''].filter(Boolean).join(' and ') || 'evidence'} of ${q(nameOf(locked, cur.source))} ${cur.type} ${q(nameOf(locked, cur.target))}`;
    const change = await recordChange(tx, actor, {
      id: changeId,
      operation: 'update-edge',
      targetKind: 'edge',
      targetId: id,
      summary,
      before,
      after,
    });
    return { result: edgeView(after.edges[0]!), change };
  }
}

/** Deletes the relationship; its whole state stays in the Change, so reverting the change recreates it. */
export async function deleteEdge(
  store: GraphStore,
  actor: AuthUser,
  id: string,
  version: number,
): Promise<WriteResponse<GraphEdge>> {
  return curationWrite(store, async (tx) => {
    const { edge: cur, locked } = await lockLiveEdge(tx, id);
    checkEdgeVersion(cur, version);
    const changeId = newChangeId();
    const before = liveView(locked, [], [id]);
    const after = await applyState(tx, locked, { nodeIds: new Set(), edgeIds: new Set([id]) }, EMPTY_STATE, {
      changeId,
      by: actor.username,
      reason: 'deleted',
    });
    const change = await recordChange(tx, actor, {
      id: changeId,
      operation: 'delete-edge',
      targetKind: 'edge',
      targetId: id,
      summary: `deleted ${q(nameOf(locked, cur.source))} ${cur.type} ${q(nameOf(locked, cur.target))}`,
      before,
      after,
    });
    return { result: null, change };
  });
}
