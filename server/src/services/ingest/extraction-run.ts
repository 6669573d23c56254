// Running a source's extraction: claim its record (one run at a time), extract in the worker with progress on the
// record, then store the suggestions and the mentions in one transaction. A run cut off by a stop reads as
// `interrupted` once its heartbeat is stale, and may be started again.
import type { ExtractionStatus } from '../../../../contract/index.js';
import { ConflictError } from '../../errors.js';
import type { ExtractionProgress } from '../../ingest/types.js';
import { makeTx } from '../../store/curation-store.js';
import { extractionBySource, ingestTx, putExtraction, type ExtractionRow } from '../../store/ingest-store.js';
import type { GraphStore } from '../../store/neo4j-store.js';
import { extractionPool, type ExtractionPool } from './extraction-pool.js';
import { storedMentions, suggestionRows } from './suggestion-rows.js';
import { currentVocabulary } from './vocabulary-cache.js';

/** A running extraction writes its record at least this often (progress, or a bare heartbeat). */
const HEARTBEAT_MS = 5_000;
/** Progress is written at most this often. */
const PROGRESS_MS = 500;
/** A `running` record not written for this long belongs to a run that stopped with its server. */
export const STALE_MS = 30_000;

/** The API's view of an extraction record (`now` is the database's clock, to judge staleness by). */
export function extractionStatus(
  sourceId: string,
  row: ExtractionRow | null,
  now?: string,
): ExtractionStatus {
  let state: ExtractionStatus['state'] = row?.state ?? 'none';
  if (state === 'running' && row?.updatedAt && now && Date.parse(now) - Date.parse(row.updatedAt) > STALE_MS)
    state = 'interrupted';
  return {
    sourceId,
    state,
    phase: row?.phase ?? null,
    done: row?.done ?? 0,
    total: row?.total ?? 0,
    startedAt: row?.startedAt ?? null,
    finishedAt: row?.finishedAt ?? null,
    suggestions: row?.suggestions ?? 0,
    ms: row?.ms ?? null,
    error: row?.error ?? null,
  };
}

/** The record of `sourceId` as the API gives it. */
export async function readExtraction(store: GraphStore, sourceId: string): Promise<ExtractionStatus> {
  const r = await extractionBySource(store, sourceId);
  return extractionStatus(sourceId, r?.row ?? null, r?.now);
}

/**
 * Claims the record for a new run (409 while another runs, or once suggestions exist: an article is extracted once,
 * its suggestions are then decided). Runs inside the caller's transaction, so adding a source claims it atomically.
 */
export async function claimExtraction(
  tx: Parameters<typeof ingestTx>[0],
  sourceId: string,
  by: string,
  now: string,
): Promise<void> {
  const itx = ingestTx(tx);
  const cur = await itx.lockExtraction(sourceId);
  const status = extractionStatus(sourceId, cur, now);
  if (status.state === 'running')
    throw new ConflictError(`The extraction of "${sourceId}" is already running.`, 'id', { current: status });
  if (status.state === 'done')
    throw new ConflictError(
      `"${sourceId}" has been extracted already; its suggestions are at GET /api/sources/${sourceId}/suggestions.`,
      'id',
      { current: status },
    );
  await itx.putExtraction(sourceId, {
    state: 'running',
    phase: 'queued',
    done: 0,
    total: 0,
    startedAt: now,
    finishedAt: '',
    suggestions: 0,
    ms: null,
    error: null,
    by,
  });
}

/** Options of one run (tests and the CLI pass their own pool and a progress listener). */
export interface RunOptions {
  pool?: ExtractionPool;
  onProgress?: (p: ExtractionProgress) => void;
}

/**
 * Extracts `text` of a claimed source and stores the outcome; resolves with the final status (a failure is
 * recorded on the record and returned as `failed`, not thrown).
 */
export async function runClaimedExtraction(
  store: GraphStore,
  sourceId: string,
  text: string,
  opts: RunOptions = {},
): Promise<ExtractionStatus> {
  const pool = opts.pool ?? extractionPool;
  // Record writes go one after another, so a late progress write never lands after the outcome.
  let writes: Promise<void> = Promise.resolve();
  let lastWrite = Date.now();
  const write = (props: Partial<ExtractionRow>) => {
    lastWrite = Date.now();
    writes = writes.then(() => putExtraction(store, sourceId, props)).catch(() => {});
  };
  const heartbeat = setInterval(() => {
    if (Date.now() - lastWrite >= HEARTBEAT_MS) write({});
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const { stamp, vocabulary } = await currentVocabulary(store);
    const { result, ms } = await pool.run({
      text,
      stamp,
      vocabulary,
      onProgress: (p) => {
        opts.onProgress?.(p);
        if (Date.now() - lastWrite >= PROGRESS_MS) write({ phase: p.phase, done: p.done, total: p.total });
      },
    });
    clearInterval(heartbeat);
    await writes;
    const rows = suggestionRows(sourceId, result);
    const finishedAt = new Date().toISOString();
    await store.transaction(
      'write',
      async (tx) => {
        const itx = ingestTx(tx);
        await itx.lockExtraction(sourceId);
        // The source may have been checked by a curation transaction meanwhile: lock it the same way.
        await makeTx(tx).lockNodes([sourceId]);
        await itx.createSuggestions(rows);
        await itx.putExtraction(sourceId, {
          state: 'done',
          phase: 'done',
          done: result.sentences.length,
          total: result.sentences.length,
          finishedAt,
          suggestions: rows.length,
          ms,
          mentions: JSON.stringify(storedMentions(result)),
        });
      },
      { timeout: null },
    );
  } catch (err) {
    clearInterval(heartbeat);
    await writes;
    const message = err instanceof Error ? err.message : String(err);
    await putExtraction(store, sourceId, {
      state: 'failed',
      finishedAt: new Date().toISOString(),
      error: message.slice(0, 500),
    }).catch(() => {});
  }
  return readExtraction(store, sourceId);
}
