// Use cases: decide a suggestion. Accept writes through the curation path (createNodeIn/createEdgeIn: validation,
// evidence checked verbatim, a Change that reverts) in the same transaction that records the decision; link makes
// a candidate an existing node (its names become aliases, its sentence evidence); reject records why.
import type {
  AuthUser,
  ChangeRecord,
  EvidenceInput,
  SuggestionAcceptRequest,
  SuggestionDecisionResponse,
} from '../../../../contract/index.js';
import {
  ENTITY_KINDS,
  isRelationshipType,
  nodePropertyTypes,
  relationshipPropertyTypes,
  type EntityKind,
  type PropertyType,
} from '../../../../model/index.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../errors.js';
import { defaultRules } from '../../ingest/rules.js';
import { foldChars } from '../../ingest/normalise.js';
import type { EndRef } from '../../ingest/types.js';
import { makeTx, type CurationTx } from '../../store/curation-store.js';
import { mapWriteConflict } from '../../store/driver-errors.js';
import { ingestTx, suggestionsOf, type IngestTx, type SuggestionRow } from '../../store/ingest-store.js';
import type { GraphStore, Tx } from '../../store/neo4j-store.js';
import { createEdgeIn, updateEdgeIn } from '../curation/edge-edits.js';
import { createNodeIn, updateNodeIn } from '../curation/node-edits.js';
import { checkProperties } from '../curation/properties.js';
import { evidenceOf, versionOf } from '../curation/raw-state.js';
import { refsOf } from './suggestion-views.js';
import { suggestionViews } from './suggestion-views.js';

/** How a decision was taken: by a person in the review, or by `npm run ingest -- --accept-above`. */
export interface DecisionContext {
  actor: AuthUser;
  automatic: boolean;
}

/** One transaction's worth of a decision. */
interface Work {
  ctx: DecisionContext;
  ctx2: CurationTx;
  itx: IngestTx;
  changes: ChangeRecord[];
  alsoAccepted: string[];
}

const WRITE_TIMEOUT_MS = 15_000;

/** The engine's properties that fit the model's property types for this kind; the rest stay on the suggestion. */
function fittingProperties(
  props: Record<string, string>,
  types: Record<string, PropertyType>,
  what: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(props)) {
    try {
      checkProperties({ [k]: v }, types, what, 'node');
      out[k] = v;
    } catch {
      /* a property of another shape (a date the model keeps elsewhere): not carried over */
    }
  }
  return out;
}

/** Quotes of a suggestion as evidence inputs (each checked verbatim again by the curation path). */
function evidenceInputs(row: SuggestionRow): EvidenceInput[] {
  const list = JSON.parse(row.evidence || '[]') as { quote: string }[];
  const quotes = [...new Set([row.quote, ...list.map((e) => e.quote)])];
  return quotes.map((quote) => ({ sourceId: row.sourceId, quote }));
}

/** The curation path names a relationship's ends `source`/`target`; a suggestion's edits call them `from`/`to`. */
function inSuggestionTerms(err: unknown): never {
  if (err instanceof UnprocessableError && (err.field === 'source' || err.field === 'target')) {
    const field = err.field === 'source' ? 'from' : 'to';
    throw new UnprocessableError(err.message.replace(`\`${err.field}\``, `\`${field}\``), field);
  }
  throw err;
}

/** The fact's `confidence` property: the curator's edit, else the source's hedging; none when confirmed. */
function confidenceOf(row: SuggestionRow, edits: SuggestionAcceptRequest): { confidence?: string } {
  const level = edits.confidence ?? row.confidence;
  return level !== 'confirmed' ? { confidence: level } : {};
}

function refuseEdits(
  edits: SuggestionAcceptRequest,
  keys: readonly (keyof SuggestionAcceptRequest)[],
  what: string,
): void {
  const bad = keys.find((k) => edits[k] !== undefined);
  if (bad) throw new UnprocessableError(`\`${bad}\` does not apply to ${what}.`, bad);
}

async function lockPending(itx: IngestTx, id: string): Promise<SuggestionRow> {
  const row = await itx.lockSuggestion(id);
  if (!row) throw new NotFoundError(`No suggestion with id "${id}".`, 'id');
  if (row.state !== 'pending')
    throw new ConflictError(
      `Suggestion "${id}" was ${row.state} already by ${row.decidedBy ?? 'someone'}${row.decidedAt ? ` at ${row.decidedAt}` : ''}.`,
      'id',
      { current: { state: row.state, by: row.decidedBy ?? null, at: row.decidedAt ?? null } },
    );
  return row;
}

async function acceptNode(w: Work, row: SuggestionRow, edits: SuggestionAcceptRequest): Promise<string> {
  refuseEdits(edits, ['type', 'from', 'to'], 'a node suggestion');
  const label = (edits.label ?? row.label) as EntityKind;
  if (!ENTITY_KINDS.includes(label))
    throw new UnprocessableError(
      `\`label\` "${label}" is not a kind of node a curator creates; expected one of: ${ENTITY_KINDS.join(', ')}.`,
      'label',
    );
  const types = nodePropertyTypes(label);
  const carried = fittingProperties(
    JSON.parse(row.properties || '{}') as Record<string, string>,
    types,
    `a ${label}`,
  );
  const out = await createNodeIn(w.ctx2, w.ctx.actor, {
    label,
    name: edits.name ?? row.name ?? '',
    aliases: edits.aliases ?? row.aliases ?? [],
    ...(edits.description !== undefined ? { description: edits.description } : {}),
    properties: { ...carried, ...confidenceOf(row, edits), ...edits.properties },
    evidence: [{ sourceId: row.sourceId, quote: row.quote }],
  });
  const nodeId = out.result!.id;
  w.changes.push(out.change);
  await w.itx.decide(row.id, {
    state: 'accepted',
    by: w.ctx.actor.username,
    automatic: w.ctx.automatic,
    resultId: nodeId,
    changeIds: [out.change.id],
    note: null,
  });
  return nodeId;
}

/** The node an end stands for, accepting its pending candidate first. */
async function endNode(w: Work, row: SuggestionRow, ref: EndRef, field: 'from' | 'to'): Promise<string> {
  if ('nodeId' in ref) return ref.nodeId;
  const cand = await w.itx.lockCandidate(row.sourceId, ref.candidateKey);
  if (!cand)
    throw new UnprocessableError(
      `\`${field}\`: the candidate "${ref.candidateKey}" has no suggestion; give \`${field}\` as an existing node id.`,
      field,
    );
  if ((cand.state === 'accepted' || cand.state === 'linked') && cand.resultId) return cand.resultId;
  if (cand.state === 'rejected')
    throw new UnprocessableError(
      `\`${field}\`: its candidate "${cand.name}" was rejected; give \`${field}\` as an existing node id, or reject this suggestion.`,
      field,
    );
  const id = await acceptNode(w, cand, {});
  w.alsoAccepted.push(cand.id);
  return id;
}

/** Claims of a one-at-a-time fact (rules/disputes.json) that the new relationship contradicts. */
async function contradicted(
  w: Work,
  type: string,
  from: string,
  to: string,
  title: string,
): Promise<string[]> {
  const out: string[] = [];
  for (const f of defaultRules().disputes.functional) {
    if (f.type !== type) continue;
    const mine: Record<string, string> = { from, to, title: foldChars(title) };
    const anchor = f.key.includes('to') ? to : from;
    for (const c of await w.itx.claimsTouching(type, [anchor])) {
      const theirs: Record<string, string> = { from: c.from, to: c.to, title: foldChars(c.title ?? '') };
      if (f.key.every((k) => theirs[k] === mine[k]) && theirs[f.differs] !== mine[f.differs]) out.push(c.id);
    }
  }
  return out;
}

async function acceptRelationship(
  w: Work,
  row: SuggestionRow,
  edits: SuggestionAcceptRequest,
): Promise<string> {
  refuseEdits(edits, ['name', 'label', 'aliases', 'description'], 'a relationship suggestion');
  const refs = refsOf(row)!;
  const from = edits.from ?? (await endNode(w, row, refs.from, 'from'));
  const to = edits.to ?? (await endNode(w, row, refs.to, 'to'));
  const type = edits.type ?? row.type ?? '';
  if (!isRelationshipType(type))
    throw new UnprocessableError(`\`type\` "${type}" is not a relationship type of the model.`, 'type');
  const props = JSON.parse(row.properties || '{}') as Record<string, string>;
  const carried = fittingProperties(props, relationshipPropertyTypes(type), `a ${type} relationship`);
  const note = row.disputeNote ?? 'Possible dispute with another claim.';
  const others = row.disputed ? await contradicted(w, type, from, to, props.title ?? '') : [];
  const out = await createEdgeIn(w.ctx2, w.ctx.actor, {
    type,
    source: from,
    target: to,
    properties: {
      ...carried,
      ...confidenceOf(row, edits),
      ...(row.disputed ? { disputed: true, disputeNote: note } : {}),
      ...edits.properties,
    },
    evidence: evidenceInputs(row),
  }).catch(inSuggestionTerms);
  w.changes.push(out.change);
  const changeIds = [out.change.id];
  // Both claims of a dispute are kept and flagged: the other one is marked through the curation path too.
  for (const id of others) {
    const ends = id.split('|');
    const locked = await w.ctx2.lockNodes([ends[0]!, ends[2]!]);
    const edge = locked.edges.find((e) => e.id === id && e.live);
    if (!edge || edge.props.disputed === true) continue;
    const marked = await updateEdgeIn(w.ctx2, w.ctx.actor, id, {
      version: versionOf(edge),
      properties: {
        disputed: true,
        disputeNote: `Disputed by "${row.quote.slice(0, 200)}" (${row.sourceId}).`,
      },
    });
    w.changes.push(marked.change);
    changeIds.push(marked.change.id);
  }
  await w.itx.decide(row.id, {
    state: 'accepted',
    by: w.ctx.actor.username,
    automatic: w.ctx.automatic,
    resultId: out.result!.id,
    changeIds,
    note: null,
  });
  return out.result!.id;
}

/** Runs one decision in one write transaction, then answers with the suggestion as it now is. */
async function decision(
  store: GraphStore,
  ctx: DecisionContext,
  id: string,
  work: (w: Work, row: SuggestionRow) => Promise<void>,
): Promise<SuggestionDecisionResponse> {
  let sourceId = '';
  const w = await (async () => {
    try {
      return await store.transaction(
        'write',
        async (tx: Tx) => {
          const w: Work = { ctx, ctx2: makeTx(tx), itx: ingestTx(tx), changes: [], alsoAccepted: [] };
          const row = await lockPending(w.itx, id);
          sourceId = row.sourceId;
          await work(w, row);
          return w;
        },
        { timeout: WRITE_TIMEOUT_MS },
      );
    } catch (err) {
      throw mapWriteConflict(err);
    }
  })();
  const all = await suggestionsOf(store, sourceId);
  const [view] = await suggestionViews(
    store,
    all.filter((r) => r.id === id),
    all,
  );
  return { suggestion: view!, changes: w.changes, alsoAccepted: w.alsoAccepted };
}

/** Accepts a suggestion, with the curator's edits if any. */
export function acceptSuggestion(
  store: GraphStore,
  ctx: DecisionContext,
  id: string,
  edits: SuggestionAcceptRequest = {},
): Promise<SuggestionDecisionResponse> {
  return decision(store, ctx, id, async (w, row) => {
    if (row.kind === 'node') await acceptNode(w, row, edits);
    else await acceptRelationship(w, row, edits);
  });
}

export function rejectSuggestion(
  store: GraphStore,
  ctx: DecisionContext,
  id: string,
  note: string | undefined,
): Promise<SuggestionDecisionResponse> {
  return decision(store, ctx, id, async (w, row) => {
    await w.itx.decide(row.id, {
      state: 'rejected',
      by: ctx.actor.username,
      automatic: ctx.automatic,
      resultId: null,
      changeIds: [],
      note: note?.trim() || null,
    });
  });
}

/** The candidate is `nodeId`: its name and aliases join the node's aliases, its sentence the node's evidence. */
export function linkSuggestion(
  store: GraphStore,
  ctx: DecisionContext,
  id: string,
  nodeId: string,
): Promise<SuggestionDecisionResponse> {
  return decision(store, ctx, id, async (w, row) => {
    if (row.kind !== 'node')
      throw new UnprocessableError(
        'Only a node suggestion (a candidate) can be linked to an existing node; accept or reject a relationship.',
        'id',
      );
    const node = (await w.ctx2.lockNodes([nodeId])).nodes.get(nodeId);
    if (!node?.live) throw new UnprocessableError(`\`nodeId\`: no node with id "${nodeId}".`, 'nodeId');
    const name = String(node.props.name);
    const have = new Set(
      [name, ...((node.props.aliases as string[] | undefined) ?? [])].map((a) => a.toLowerCase()),
    );
    const newAliases = [row.name ?? '', ...(row.aliases ?? [])].filter(
      (a, i, all) =>
        a && !have.has(a.toLowerCase()) && all.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === i,
    );
    const quoted = evidenceOf(node).some((e) => e.sourceId === row.sourceId && e.quote === row.quote);
    const changeIds: string[] = [];
    if (newAliases.length || !quoted) {
      const out = await updateNodeIn(w.ctx2, ctx.actor, nodeId, {
        version: versionOf(node),
        ...(newAliases.length
          ? { aliases: [...((node.props.aliases as string[] | undefined) ?? []), ...newAliases] }
          : {}),
        ...(!quoted ? { addEvidence: [{ sourceId: row.sourceId, quote: row.quote }] } : {}),
      });
      w.changes.push(out.change);
      changeIds.push(out.change.id);
    }
    await w.itx.decide(row.id, {
      state: 'linked',
      by: ctx.actor.username,
      automatic: ctx.automatic,
      resultId: nodeId,
      changeIds,
      note: null,
    });
  });
}
