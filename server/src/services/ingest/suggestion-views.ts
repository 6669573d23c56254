// Stored suggestions as the API gives them: ends named (existing nodes, or candidates with their state), who
// decided, and for pending candidates the existing nodes they most likely are.
import type { Confidence, Suggestion, SuggestionEnd, SuggestionMatch } from '../../../../contract/index.js';
import { kindOf } from '../../../../model/index.js';
import type { EndRef } from '../../ingest/types.js';
import { nodeNames, sharedNeighbours, type SuggestionRow } from '../../store/ingest-store.js';
import type { GraphStore } from '../../store/neo4j-store.js';
import { nameIndex, rankMatches, similarNodes } from './candidate-matches.js';
import { currentVocabulary } from './vocabulary-cache.js';

const parse = <T>(json: string | null | undefined, fallback: T): T =>
  json ? (JSON.parse(json) as T) : fallback;

/** The ends of a relationship suggestion as stored. */
export function refsOf(row: SuggestionRow): { from: EndRef; to: EndRef } | null {
  if (row.kind !== 'relationship' || !row.fromRef || !row.toRef) return null;
  return { from: parse<EndRef>(row.fromRef, { nodeId: '' }), to: parse<EndRef>(row.toRef, { nodeId: '' }) };
}

/** The node a candidate key stands for now: the node its suggestion created or was linked to, if decided so. */
export function candidateNode(row: SuggestionRow | undefined): string | null {
  return row && (row.state === 'accepted' || row.state === 'linked') ? (row.resultId ?? null) : null;
}

/** Everything needed to show a source's suggestions; read once per listing. */
interface ViewContext {
  byCandidate: Map<string, SuggestionRow>;
  names: Map<string, { name: string; labels: string[] }>;
  matches: Map<string, SuggestionMatch[]>;
}

function endView(ref: EndRef, ctx: ViewContext): SuggestionEnd {
  if ('nodeId' in ref) {
    const n = ctx.names.get(ref.nodeId);
    return {
      kind: 'node',
      nodeId: ref.nodeId,
      name: n?.name ?? ref.nodeId,
      label: (n && kindOf(n.labels)) ?? 'Other',
    };
  }
  const c = ctx.byCandidate.get(ref.candidateKey);
  return {
    kind: 'candidate',
    candidateKey: ref.candidateKey,
    suggestionId: c?.id ?? null,
    name: c?.name ?? ref.candidateKey,
    label: c?.label ?? 'Other',
    state: c?.state ?? 'pending',
    nodeId: candidateNode(c),
  };
}

function view(row: SuggestionRow, ctx: ViewContext): Suggestion {
  const refs = refsOf(row);
  return {
    id: row.id,
    sourceId: row.sourceId,
    kind: row.kind,
    label: row.label ?? null,
    type: row.type ?? null,
    candidateKey: row.candidateKey ?? null,
    name: row.name ?? null,
    aliases: row.aliases ?? [],
    properties: parse<Record<string, string>>(row.properties, {}),
    from: refs ? endView(refs.from, ctx) : null,
    to: refs ? endView(refs.to, ctx) : null,
    quote: row.quote,
    start: row.start,
    end: row.end,
    evidence: parse(row.evidence, [{ quote: row.quote, start: row.start, end: row.end }]),
    confidence: row.confidence as Confidence,
    score: row.score,
    rule: row.rule,
    disputed: row.disputed ?? false,
    disputeNote: row.disputeNote ?? null,
    matches: ctx.matches.get(row.id) ?? [],
    state: row.state,
    decision:
      row.state === 'pending' || !row.decidedBy
        ? null
        : {
            by: row.decidedBy,
            at: row.decidedAt ?? '',
            automatic: row.automatic ?? false,
            resultId: row.resultId ?? null,
            changeIds: row.changeIds ?? [],
            note: row.note ?? null,
          },
  };
}

/** The article's neighbours of each candidate: the nodes its relationship suggestions join it to. */
function candidateNeighbours(
  all: readonly SuggestionRow[],
  byCandidate: Map<string, SuggestionRow>,
): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const nodeOf = (r: EndRef): string | null =>
    'nodeId' in r ? r.nodeId : candidateNode(byCandidate.get(r.candidateKey));
  for (const row of all) {
    const refs = refsOf(row);
    if (!refs) continue;
    for (const [a, b] of [
      [refs.from, refs.to],
      [refs.to, refs.from],
    ] as const) {
      if (!('candidateKey' in a)) continue;
      const other = nodeOf(b);
      if (!other) continue;
      const set = out.get(a.candidateKey) ?? new Set<string>();
      set.add(other);
      out.set(a.candidateKey, set);
    }
  }
  return out;
}

/**
 * API views of `rows` (a subset of `all`, the source's every suggestion). Pending node suggestions get their likely
 * matches unless `withMatches` is false.
 */
export async function suggestionViews(
  store: GraphStore,
  rows: readonly SuggestionRow[],
  all: readonly SuggestionRow[],
  withMatches = true,
): Promise<Suggestion[]> {
  const byCandidate = new Map(
    all.filter((r) => r.kind === 'node' && r.candidateKey).map((r) => [r.candidateKey!, r]),
  );
  const nodeIds = new Set<string>();
  for (const r of rows) {
    const refs = refsOf(r);
    if (refs) for (const e of [refs.from, refs.to]) if ('nodeId' in e) nodeIds.add(e.nodeId);
  }
  const matches = new Map<string, SuggestionMatch[]>();
  const pending = withMatches ? rows.filter((r) => r.kind === 'node' && r.state === 'pending') : [];
  if (pending.length) {
    const { vocabulary } = await currentVocabulary(store);
    const idx = nameIndex(await vocabulary());
    const neighbours = candidateNeighbours(all, byCandidate);
    const similar = new Map(
      pending.map((r) => [r.id, similarNodes(idx, r.label ?? '', [r.name ?? '', ...(r.aliases ?? [])])]),
    );
    const ids = [...new Set([...similar.values()].flatMap((l) => l.map((s) => s.node.id)))];
    const others = [...new Set([...neighbours.values()].flatMap((s) => [...s]))];
    const related = await sharedNeighbours(store, ids, others);
    for (const r of pending) {
      const mine = neighbours.get(r.candidateKey ?? '') ?? new Set<string>();
      const shared = new Map(
        similar.get(r.id)!.map((s) => [s.node.id, (related.get(s.node.id) ?? []).filter((o) => mine.has(o))]),
      );
      matches.set(r.id, rankMatches(similar.get(r.id)!, shared));
    }
  }
  const names = await nodeNames(store, [...nodeIds]);
  const ctx: ViewContext = { byCandidate, names, matches };
  return rows.map((r) => view(r, ctx));
}
