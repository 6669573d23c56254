// `npm run ingest -- [options] <files or folders>`: adds articles (.txt, .md, .html) as sources with their
// suggestions, with a progress bar; --accept-above accepts confident suggestions as automatic decisions;
// --dry-run --json prints what extraction suggests without writing anything. The same text is never added twice.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UPLOAD_EXTENSIONS, sourceAddBody, type AuthUser } from '../contract/index.js';
import { ConfigError, loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/database.js';
import { PrerequisiteError } from '../server/src/embedded-neo4j.js';
import { AppError } from '../server/src/errors.js';
import type { ExtractionResult } from '../server/src/ingest/types.js';
import { createLogger } from '../server/src/logger.js';
import { addArticle, sha256Of, storedText } from '../server/src/services/ingest/add-source.js';
import { acceptSuggestion } from '../server/src/services/ingest/decide.js';
import { extractionPool } from '../server/src/services/ingest/extraction-pool.js';
import { readUpload } from '../server/src/services/ingest/source-upload.js';
import { currentVocabulary } from '../server/src/services/ingest/vocabulary-cache.js';
import { ingestTx, suggestionsOf } from '../server/src/store/ingest-store.js';
import type { GraphStore } from '../server/src/store/neo4j-store.js';
import { ensureSchema } from '../server/src/store/schema-setup.js';
import { phaseProgress, type PhaseProgress } from './phase-progress.js';

const USAGE = `Usage: npm run ingest -- [options] <files or folders>

Adds each article (${UPLOAD_EXTENSIONS.join(', ')}; folders are read recursively) as a source and stores
its suggestions for review. A text already stored is skipped, so rerunning adds nothing.

  --dry-run               extract and print, write nothing
  --json                  print the outcome as JSON on stdout (progress stays on stderr)
  --accept-above <0-1>    accept suggestions scoring at least this (for trusted feeds), recorded as automatic
  --publisher <name>      publisher of every article
  --user <name>           who the sources and decisions are recorded as (default "ingest")

Uses NEO4J_URI when set, else the embedded Neo4j in NEO4J_DATA_DIR (stop the server first).`;

/** A problem the user can fix; printed as one line without a stack. */
class IngestCliError extends Error {}

interface Args {
  paths: string[];
  dryRun: boolean;
  json: boolean;
  acceptAbove: number | null;
  publisher: string | undefined;
  user: string;
}

function readArgs(argv: string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        'accept-above': { type: 'string' },
        publisher: { type: 'string' },
        user: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new IngestCliError(`${(err as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (!positionals.length) throw new IngestCliError(`Name at least one file or folder.\n\n${USAGE}`);
  let acceptAbove: number | null = null;
  if (values['accept-above'] !== undefined) {
    acceptAbove = Number(values['accept-above']);
    if (!Number.isFinite(acceptAbove) || acceptAbove < 0 || acceptAbove > 1)
      throw new IngestCliError(
        `--accept-above "${values['accept-above']}": expected a confidence from 0 to 1.`,
      );
  }
  return {
    paths: positionals,
    dryRun: !!values['dry-run'],
    json: !!values.json,
    acceptAbove,
    publisher: values.publisher,
    user: values.user?.trim() || 'ingest',
  };
}

/** The article files named, folders expanded (recursively, in name order). */
function articleFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const isArticle = (f: string) => UPLOAD_EXTENSIONS.some((e) => f.toLowerCase().endsWith(e));
  const walk = (p: string, named: boolean) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new IngestCliError(`"${p}": no such file or folder.`);
    }
    if (st.isDirectory()) for (const name of readdirSync(p).sort()) walk(join(p, name), false);
    else if (isArticle(p)) out.push(p);
    else if (named)
      throw new IngestCliError(`"${p}": not an article file; expected ${UPLOAD_EXTENSIONS.join(', ')}.`);
  };
  for (const p of paths) walk(resolve(p), true);
  return [...new Set(out)];
}

/** The article's title: an HTML page's <title>, else its first line when short (a Markdown heading's text), else the file's name. */
function titleOf(text: string, fromFile: string | null, file: string): string {
  const first =
    text
      .split('\n')
      .find((l) => l.trim())
      ?.replace(/^#+\s*/, '')
      .trim() ?? '';
  if (/\.html?$/i.test(file) && fromFile) return fromFile;
  if (first && first.length <= 200) return first;
  return fromFile ?? basename(file);
}

/** What happened to one file. */
interface FileOutcome {
  file: string;
  status: 'added' | 'duplicate' | 'would-add' | 'failed';
  sourceId: string | null;
  title: string;
  sha256: string | null;
  /** The source already holding the text (duplicates). */
  duplicateOf: string | null;
  suggestions: number;
  accepted: number;
  error: string | null;
  /** Dry runs: what extraction suggests. */
  suggested?: ExtractionResult['suggestions'];
}

async function dryRun(
  store: GraphStore,
  file: string,
  title: string,
  text: string,
  bars: PhaseProgress,
): Promise<FileOutcome> {
  const sha256 = sha256Of(text);
  const first = await store.transaction('read', (tx) => ingestTx(tx).sourceByText(text, sha256));
  const { stamp, vocabulary } = await currentVocabulary(store);
  const { result } = await extractionPool.run({
    text,
    stamp,
    vocabulary,
    onProgress: (p) => (p.total ? bars.update('sentences', p.done) : undefined),
  });
  return {
    file,
    status: first ? 'duplicate' : 'would-add',
    sourceId: null,
    title,
    sha256,
    duplicateOf: first?.id ?? null,
    suggestions: result.suggestions.length,
    accepted: 0,
    error: null,
    suggested: result.suggestions,
  };
}

async function ingestOne(
  store: GraphStore,
  args: Args,
  actor: AuthUser,
  file: string,
  title: string,
  text: string,
  bars: PhaseProgress,
): Promise<FileOutcome> {
  const base = { file, title, sha256: sha256Of(text), duplicateOf: null, accepted: 0, error: null };
  const body = sourceAddBody.safeParse({
    title,
    text,
    ...(args.publisher ? { publisher: args.publisher } : {}),
  });
  if (!body.success) {
    const issue = body.error.issues[0]!;
    return {
      ...base,
      status: 'failed',
      sourceId: null,
      suggestions: 0,
      error: `${issue.path.join('.')}: ${issue.message}`,
    };
  }
  let added;
  try {
    added = await addArticle(store, actor, body.data, {
      syncChars: Infinity,
      onProgress: (p) => (p.total ? bars.update('sentences', p.done) : undefined),
    });
  } catch (err) {
    const first =
      err instanceof AppError && err.code === 'CONFLICT'
        ? (err.details?.current as { source?: { id: string } })?.source
        : undefined;
    if (first) return { ...base, status: 'duplicate', sourceId: null, duplicateOf: first.id, suggestions: 0 };
    throw err;
  }
  const sourceId = added.body.result!.id;
  let accepted = 0;
  if (args.acceptAbove !== null) {
    // Nodes first, so relationships find their ends accepted; a relationship may accept a weaker end it needs.
    const rows = (await suggestionsOf(store, sourceId)).sort((a, b) =>
      a.kind === b.kind ? a.seq - b.seq : a.kind === 'node' ? -1 : 1,
    );
    for (const r of rows.filter((x) => x.score >= args.acceptAbove! && !x.disputed)) {
      try {
        const d = await acceptSuggestion(store, { actor, automatic: true }, r.id);
        accepted += 1 + d.alsoAccepted.length;
      } catch (err) {
        // Decided meanwhile (an end accepted with a relationship), or refused by the model's rules: left for review.
        if (!(err instanceof AppError) || err.status >= 500) throw err;
      }
    }
  }
  return {
    ...base,
    status: added.body.extraction.state === 'done' ? 'added' : 'failed',
    sourceId,
    suggestions: added.body.suggestions.length,
    accepted,
    error: added.body.extraction.error,
  };
}

async function main(): Promise<number> {
  const args = readArgs(process.argv.slice(2));
  const files = articleFiles(args.paths);
  if (!files.length)
    throw new IngestCliError(
      `No article files (${UPLOAD_EXTENSIONS.join(', ')}) in ${args.paths.join(', ')}.`,
    );
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  let db;
  try {
    db = await openDatabase(config, logger);
  } catch (err) {
    if (err instanceof PrerequisiteError) throw err;
    throw new IngestCliError(`Could not open the database: ${(err as Error).message.split('\n')[0]}`);
  }
  const bars = phaseProgress('');
  const outcomes: FileOutcome[] = [];
  try {
    if (!args.dryRun) await ensureSchema(db.store);
    const actor: AuthUser = { username: args.user, role: 'curator' };
    bars.phase('articles', files.length);
    for (const [i, file] of files.entries()) {
      let outcome: FileOutcome;
      try {
        const { text: raw, title: fromFile } = readUpload(readFileSync(file), basename(file));
        const text = storedText(raw);
        const title = titleOf(text, fromFile, file);
        bars.phase('sentences', 1);
        outcome = args.dryRun
          ? await dryRun(db.store, file, title, text, bars)
          : await ingestOne(db.store, args, actor, file, title, text, bars);
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        outcome = {
          file,
          status: 'failed',
          sourceId: null,
          title: basename(file),
          sha256: null,
          duplicateOf: null,
          suggestions: 0,
          accepted: 0,
          error: err.message,
        };
      }
      outcomes.push(outcome);
      bars.update('articles', i + 1);
    }
  } finally {
    bars.stop();
    await extractionPool.close();
    await db.close();
  }
  if (args.json)
    process.stdout.write(`${JSON.stringify({ dryRun: args.dryRun, files: outcomes }, null, 2)}\n`);
  else
    for (const o of outcomes)
      process.stdout.write(
        `${o.status.padEnd(9)} ${basename(o.file)}: ${
          o.status === 'duplicate'
            ? `already stored as ${o.duplicateOf}`
            : o.status === 'failed'
              ? o.error
              : `${o.sourceId ?? o.title}, ${o.suggestions} suggestions${args.acceptAbove !== null ? `, ${o.accepted} accepted automatically` : ''}`
        }\n`,
      );
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const known =
      err instanceof IngestCliError || err instanceof ConfigError || err instanceof PrerequisiteError;
    process.stderr.write(
      `${known ? '' : 'ingest failed: '}${err instanceof Error ? (known ? err.message : err.stack) : String(err)}\n`,
    );
    process.exit(1);
  },
);
