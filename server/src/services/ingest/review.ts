// Use cases of the review: a source's suggestions with its mentions and counts, its extraction's state, running
// an extraction again (never run, failed or interrupted), and accepting every pending suggestion of a kind.
import type {
  AcceptAllRequest,
  AcceptAllResponse,
  AuthUser,
  ExtractionStatus,
  SuggestionListResponse,
  SuggestionState,
} from '../../../../contract/index.js';
import { SUGGESTION_STATES } from '../../../../contract/index.js';
import { CONFIDENCE_LEVELS } from '../../../../model/index.js';
import { AppError, NotFoundError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { sourceRowById, type SourceRow } from '../../store/curation-store.js';
import { extractionBySource, suggestionsOf } from '../../store/ingest-store.js';
import type { GraphStore } from '../../store/neo4j-store.js';
import { sha256Of } from './add-source.js';
import { acceptSuggestion, type DecisionContext } from './decide.js';
import { claimExtraction, extractionStatus, readExtraction, runClaimedExtraction } from './extraction-run.js';
import type { StoredMention } from './suggestion-rows.js';
import { suggestionViews } from './suggestion-views.js';

async function sourceOr404(store: GraphStore, id: string): Promise<SourceRow> {
  const row = await sourceRowById(store, id);
  if (!row) throw new NotFoundError(`No source with id "${id}".`, 'id');
  return row;
}

/** The source's suggestions (filtered by state and kind), every mention, and counts by state. */
export async function listSuggestions(
  store: GraphStore,
  sourceId: string,
  filter: { state?: SuggestionState; kind?: 'node' | 'relationship' },
): Promise<SuggestionListResponse> {
  const source = await sourceOr404(store, sourceId);
  const [all, ext] = await Promise.all([suggestionsOf(store, sourceId), extractionBySource(store, sourceId)]);
  const rows = all.filter(
    (r) => (!filter.state || r.state === filter.state) && (!filter.kind || r.kind === filter.kind),
  );
  const byCandidate = new Map(all.filter((r) => r.candidateKey).map((r) => [r.candidateKey!, r.id]));
  const mentions = (JSON.parse(ext?.row.mentions || '[]') as StoredMention[]).map((m) => ({
    ...m,
    suggestionId: m.candidateKey ? (byCandidate.get(m.candidateKey) ?? null) : null,
  }));
  const counts = Object.fromEntries(SUGGESTION_STATES.map((s) => [s, 0])) as Record<SuggestionState, number>;
  for (const r of all) counts[r.state]++;
  const { text, ...summary } = source;
  return {
    source: { ...summary, sha256: text === undefined ? null : sha256Of(text) },
    extraction: extractionStatus(sourceId, ext?.row ?? null, ext?.now),
    suggestions: await suggestionViews(store, rows, all),
    mentions,
    counts,
  };
}

export async function extractionOf(store: GraphStore, sourceId: string): Promise<ExtractionStatus> {
  await sourceOr404(store, sourceId);
  return readExtraction(store, sourceId);
}

/**
 * Starts the extraction of a source that has none (added before ingest), or whose run failed or was interrupted;
 * 409 while one runs or once it is done. Answers at once with the running state; poll GET .../extraction.
 */
export async function startExtraction(
  store: GraphStore,
  actor: AuthUser,
  sourceId: string,
  logger?: Logger,
): Promise<ExtractionStatus> {
  const source = await sourceOr404(store, sourceId);
  await store.transaction(
    'write',
    (tx) => claimExtraction(tx, sourceId, actor.username, new Date().toISOString()),
    {
      timeout: 15_000,
    },
  );
  runClaimedExtraction(store, sourceId, source.text ?? '').catch((err: unknown) =>
    logger?.error({ err, sourceId }, 'extraction failed'),
  );
  return readExtraction(store, sourceId);
}

/**
 * Accepts every pending suggestion of a kind that passes the filters, each in its own transaction (one refused
 * leaves the others accepted); disputed ones are skipped unless asked for.
 */
export async function acceptAll(
  store: GraphStore,
  ctx: DecisionContext,
  sourceId: string,
  req: AcceptAllRequest,
): Promise<AcceptAllResponse> {
  await sourceOr404(store, sourceId);
  const maxHedge = CONFIDENCE_LEVELS.indexOf(req.minConfidence ?? 'speculative');
  const out: AcceptAllResponse = { accepted: [], refused: [], skipped: [] };
  const rows = (await suggestionsOf(store, sourceId)).filter(
    (r) => r.kind === req.kind && (!req.label || r.label === req.label || r.type === req.label),
  );
  for (const r of rows) {
    if (r.state !== 'pending') continue;
    if (req.minScore !== undefined && r.score < req.minScore) {
      out.skipped.push({ id: r.id, reason: `score ${r.score} is below ${req.minScore}` });
      continue;
    }
    if (CONFIDENCE_LEVELS.indexOf(r.confidence as never) > maxHedge) {
      out.skipped.push({ id: r.id, reason: `the source is ${r.confidence} only` });
      continue;
    }
    if (r.disputed && !req.includeDisputed) {
      out.skipped.push({ id: r.id, reason: 'possible dispute: left for a person' });
      continue;
    }
    try {
      const d = await acceptSuggestion(store, ctx, r.id);
      out.accepted.push({ id: r.id, resultId: d.suggestion.decision?.resultId ?? null });
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      // Decided meanwhile (a candidate accepted with an earlier relationship) is no refusal.
      if (err.code === 'CONFLICT' && err.field === 'id') continue;
      out.refused.push({ id: r.id, code: err.code, message: err.message });
    }
  }
  return out;
}
