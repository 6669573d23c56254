// Use case: write a consistent snapshot of the database to a gzip'd NDJSON file, streamed, retried if a write intervened.
import { once } from 'node:events';
import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { createGzip } from 'node:zlib';
import type { GraphStore } from '../../store/neo4j-store.js';
import { listIndexes, readSnapshot, serverInfo, type SnapshotCounts } from '../../store/backup-store.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  EXCLUDED_LABELS,
  isBackupLabel,
  type BackupHeader,
  type EndLine,
} from './backup-format.js';

export interface BackupOptions {
  /** Where the backup goes; it is written next to it as `<file>.partial` and renamed at the end. */
  file: string;
  /** Replace an existing file. */
  overwrite?: boolean;
  /** Attempts after the first when a write committed during the read. */
  retries: number;
  /** Time limit of the read transaction. */
  timeoutMs: number;
  /** The database name (null: the server's default). */
  database: string | null;
  /** Where the app's auth secret lives: named in the header, never read. */
  authSecret: Pick<BackupHeader['authSecret'], 'source' | 'name'>;
  /** A new attempt starts: what it will read. */
  onAttempt?(attempt: number, counts: SnapshotCounts): void;
  /** Elements written so far in this attempt. */
  onProgress?(written: number): void;
  /** Test hook: runs after each element is read (e.g. to write to the database mid-read). */
  afterElement?(written: number): Promise<void> | void;
}

export interface BackupResult {
  header: BackupHeader;
  end: EndLine;
  bytes: number;
  attempts: number;
}

/** The target exists and overwrite was not asked for, or another refusal before any read. */
export class BackupRefusedError extends Error {
  readonly code = 'BACKUP_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

/** Writes kept committing while the snapshot was read, every attempt: no consistent file could be made. */
export class InconsistentSnapshotError extends Error {
  readonly code = 'BACKUP_INCONSISTENT';
  constructor(attempts: number) {
    super(
      `Writes committed during each of ${attempts} attempts to read the database, so no consistent snapshot was taken ` +
        'and no file was written. Run the backup again when writes are fewer (reads do not matter), or raise --retries.',
    );
    this.name = 'InconsistentSnapshotError';
  }
}

/** Lines are gathered into chunks this size before compression: few writes, little memory. */
const CHUNK_CHARS = 1 << 18;
/** Seconds to wait before attempt n+1: writes come in bursts. */
const RETRY_PAUSE_MS = 1000;

const AUTH_NOTE =
  'The auth secret (the pepper of every password hash) is not in this file. Restore it to the same place, or ' +
  'set the same AUTH_SECRET, or no account can log in after a restore.';

class LabelOutsideModelError extends Error {}

/** Writes one attempt to `partial`; resolves with whether it was consistent. */
async function attempt(
  store: GraphStore,
  partial: string,
  base: Omit<BackupHeader, 'counts'>,
  opts: BackupOptions,
  n: number,
): Promise<{ consistent: boolean; header?: BackupHeader; end?: EndLine }> {
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(partial, { mode: 0o600 });
  gzip.pipe(out);
  const closed = once(out, 'close');
  let buffer = '';
  const flush = async (): Promise<void> => {
    if (!buffer) return;
    const ok = gzip.write(buffer);
    buffer = '';
    if (!ok) await once(gzip, 'drain');
  };
  const line = async (value: unknown): Promise<void> => {
    buffer += `${JSON.stringify(value)}\n`;
    if (buffer.length >= CHUNK_CHARS) await flush();
  };
  let header: BackupHeader | undefined;
  const end: EndLine = { t: 'end', nodes: 0, relationships: 0, labels: {}, types: {} };
  let written = 0;
  const step = async (): Promise<void> => {
    written++;
    if (written % 1000 === 0) opts.onProgress?.(written);
    await opts.afterElement?.(written);
  };
  try {
    const { consistent } = await readSnapshot(
      store,
      {
        async begin(counts) {
          const { format, version, createdAt, neo4j, database, ...rest } = base;
          header = { format, version, createdAt, neo4j, database, counts, ...rest };
          opts.onAttempt?.(n, counts);
          await line(header);
        },
        async node(k, labels, p) {
          const bad = labels.find((l) => !isBackupLabel(l));
          if (bad !== undefined) throw new LabelOutsideModelError(bad);
          for (const l of labels) end.labels[l] = (end.labels[l] ?? 0) + 1;
          end.nodes++;
          await line({ t: 'n', k, l: labels, p });
          await step();
        },
        async relationship(y, s, e, p) {
          end.types[y] = (end.types[y] ?? 0) + 1;
          end.relationships++;
          await line({ t: 'r', y, s, e, p });
          await step();
        },
      },
      { excluded: EXCLUDED_LABELS, timeoutMs: opts.timeoutMs },
    );
    await line(end);
    await flush();
    gzip.end();
    await closed;
    opts.onProgress?.(written);
    // The counts come from the same transaction, so a consistent read matches them exactly.
    const matches = header?.counts.nodes === end.nodes && header.counts.relationships === end.relationships;
    return { consistent: consistent && matches, header, end };
  } catch (err) {
    gzip.destroy();
    out.destroy();
    if (err instanceof LabelOutsideModelError)
      throw new BackupRefusedError(
        `The database holds a node labelled "${err.message}", which is neither a model label nor one the app stores; ` +
          'a restore would refuse it, so no backup was written. Remove or relabel those nodes first.',
      );
    throw err;
  }
}

/**
 * Writes the backup: a header line (format, version, creation time, counts, Neo4j version, the database's indexes,
 * where the auth secret lives), every node, every relationship, and an end line with the counts by label and type.
 * The file appears only once a consistent snapshot is complete; a failed or inconsistent attempt leaves nothing.
 */
export async function writeBackup(store: GraphStore, opts: BackupOptions): Promise<BackupResult> {
  if (existsSync(opts.file) && !opts.overwrite)
    throw new BackupRefusedError(
      `${opts.file} exists; choose another name, or pass --overwrite to replace it.`,
    );
  const partial = `${opts.file}.partial`;
  const base: Omit<BackupHeader, 'counts'> = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    neo4j: await serverInfo(store),
    database: opts.database,
    excludedLabels: [...EXCLUDED_LABELS],
    authSecret: { ...opts.authSecret, included: false, note: AUTH_NOTE },
    schema: (await listIndexes(store)).filter((i) => i.name !== 'restore_key'),
    consistency:
      'Read in one read transaction; the database closed no transaction between its start and its commit ' +
      "(Neo4j's last closed transaction id was the same), so this is one consistent state.",
  };
  try {
    for (let n = 1; n <= opts.retries + 1; n++) {
      base.createdAt = new Date().toISOString();
      const res = await attempt(store, partial, base, opts, n);
      if (res.consistent) {
        renameSync(partial, opts.file);
        return { header: res.header!, end: res.end!, bytes: statSync(opts.file).size, attempts: n };
      }
      if (n <= opts.retries) await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS * n));
    }
    throw new InconsistentSnapshotError(opts.retries + 1);
  } finally {
    rmSync(partial, { force: true });
  }
}
