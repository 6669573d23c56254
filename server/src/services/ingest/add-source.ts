// Use case: a curator adds an article. Its text is stored once (with its SHA-256; the same text again is refused
// with a link to the first), its extraction is claimed in the same transaction, then run in the worker: within
// the request for an ordinary article (201 with the suggestions), in the background for a very long one (202).
import { createHash } from 'node:crypto';
import type {
  AuthUser,
  SourceAddRequest,
  SourceAddResponse,
  SourceSummary,
} from '../../../../contract/index.js';
import { ConflictError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { makeTx } from '../../store/curation-store.js';
import { mapWriteConflict } from '../../store/driver-errors.js';
import { ingestTx, suggestionsOf } from '../../store/ingest-store.js';
import type { GraphStore } from '../../store/neo4j-store.js';
import { addSourceIn } from '../sources.js';
import { claimExtraction, readExtraction, runClaimedExtraction, type RunOptions } from './extraction-run.js';
import { suggestionViews } from './suggestion-views.js';

/** Up to this many characters (about 15,000 words, a few seconds) the request waits for the extraction. */
export const SYNC_EXTRACTION_CHARS = 100_000;

/** The text as stored: line ends made `\n`, so the same article saved on Windows is the same text. */
export const storedText = (text: string): string => text.replace(/\r\n?/g, '\n');

/** Hex SHA-256 of the UTF-8 text. */
export const sha256Of = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The 409 for a text stored already: names the first source and links to it. */
function duplicate(first: SourceSummary): ConflictError {
  return new ConflictError(
    `This text is already stored as "${first.title}" (${first.id}); see /api/sources/${encodeURIComponent(first.id)}.`,
    'text',
    { current: { source: first, href: `/api/sources/${encodeURIComponent(first.id)}` } },
  );
}

/** What adding a source answers, and whether its extraction finished within the request. */
export interface AddedSource {
  body: SourceAddResponse;
  /** False when the extraction still runs (202). */
  complete: boolean;
  /** Resolves when the extraction ends (already resolved when complete). */
  finished: Promise<unknown>;
}

export interface AddSourceOptions extends RunOptions {
  logger?: Logger;
  /** Longest text extracted within the request (default SYNC_EXTRACTION_CHARS). */
  syncChars?: number;
}

export async function addArticle(
  store: GraphStore,
  actor: AuthUser,
  req: SourceAddRequest,
  opts: AddSourceOptions = {},
): Promise<AddedSource> {
  const text = storedText(req.text);
  const sha256 = sha256Of(text);
  const date = req.publishedAt ?? req.date;
  let added;
  try {
    added = await store.transaction(
      'write',
      async (tx) => {
        const first = await ingestTx(tx).sourceByText(text, sha256);
        if (first) throw duplicate(first);
        const out = await addSourceIn(makeTx(tx), actor, {
          title: req.title,
          text,
          sha256,
          ...(req.publisher !== undefined ? { publisher: req.publisher } : {}),
          ...(req.url !== undefined ? { url: req.url } : {}),
          ...(date !== undefined ? { date } : {}),
        });
        await claimExtraction(tx, out.result!.id, actor.username, new Date().toISOString());
        return out;
      },
      { timeout: 30_000 },
    );
  } catch (err) {
    // Two uploads of one text at once: the constraint on sha256 stops the second; answer it as a duplicate.
    const mapped = mapWriteConflict(err);
    if (mapped instanceof ConflictError && mapped !== err) {
      const first = await store.transaction('read', (tx) => ingestTx(tx).sourceByText(text, sha256));
      if (first) throw duplicate(first);
    }
    throw mapped;
  }
  const id = added.result!.id;
  const run = runClaimedExtraction(store, id, text, opts);
  const finished = run.catch((err: unknown) =>
    opts.logger?.error({ err, sourceId: id }, 'extraction failed'),
  );
  if (text.length > (opts.syncChars ?? SYNC_EXTRACTION_CHARS)) {
    return {
      body: {
        result: added.result,
        change: added.change,
        sha256,
        extraction: await readExtraction(store, id),
        suggestions: [],
      },
      complete: false,
      finished,
    };
  }
  const extraction = await run;
  const rows = await suggestionsOf(store, id);
  return {
    body: {
      result: added.result,
      change: added.change,
      sha256,
      extraction,
      suggestions: await suggestionViews(store, rows, rows),
    },
    complete: true,
    finished,
  };
}
