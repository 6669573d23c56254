// `npm run backup -- <file>`: a consistent, streamed snapshot of the whole database to a gzip'd NDJSON file.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuthSecretError } from '../server/src/auth/auth-secret.js';
import { ConfigError } from '../server/src/config.js';
import { PrerequisiteError } from '../server/src/embedded-neo4j.js';
import { EXCLUDED_LABELS } from '../server/src/services/backup/backup-format.js';
import {
  BackupRefusedError,
  InconsistentSnapshotError,
  writeBackup,
} from '../server/src/services/backup/write-backup.js';
import { MaintenanceError, openMaintenanceDatabase } from './maintenance-db.js';
import { trackPeakRss } from './peak-rss.js';
import { phaseProgress } from './phase-progress.js';

const USAGE = `Usage: npm run backup -- <file> [--data-dir <dir>] [--overwrite] [--retries 5] [--timeout-minutes 120]

Writes every node and relationship of the database (the graph with its evidence and sources, soft-deleted nodes,
the :Change history, users and workspaces; not login sessions) to <file> as gzip'd NDJSON: a header line (format
version, creation time, counts, Neo4j version, indexes, where the auth secret lives), one line per node and per
relationship, and an end line with the counts. The auth secret is named, never written.
The app may keep serving: everything is read in one read transaction, and the file is kept only if no write
committed meanwhile (else it tries again, up to --retries times).
Uses NEO4J_URI (+ NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) when set, else starts the embedded Neo4j on
NEO4J_DATA_DIR or --data-dir (which must not be in use by another Neo4j).`;

function readArgs(argv: string[]): {
  file: string;
  dataDir?: string;
  overwrite: boolean;
  retries: number;
  timeoutMs: number;
} {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        overwrite: { type: 'boolean' },
        retries: { type: 'string' },
        'timeout-minutes': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new MaintenanceError(`${(err as Error).message}\n\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new MaintenanceError(`Expected one file name.\n\n${USAGE}`, 2);
  const int = (name: string, raw: string | undefined, dflt: number, min: number, max: number): number => {
    if (raw === undefined) return dflt;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new MaintenanceError(`--${name} "${raw}": expected a whole number from ${min} to ${max}.`, 2);
    return n;
  };
  return {
    file: resolve(positionals[0]!),
    dataDir: values['data-dir'],
    overwrite: values.overwrite ?? false,
    retries: int('retries', values.retries, 5, 0, 100),
    timeoutMs: int('timeout-minutes', values['timeout-minutes'], 120, 1, 24 * 60) * 60_000,
  };
}

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const { db, config, where } = await openMaintenanceDatabase(args.dataDir);
  const progress = phaseProgress('elements');
  const peakRss = trackPeakRss();
  const started = Date.now();
  let phase = 'read';
  try {
    process.stderr.write(`Backing up ${where} to ${args.file}\n`);
    const result = await writeBackup(db.store, {
      file: args.file,
      overwrite: args.overwrite,
      retries: args.retries,
      timeoutMs: args.timeoutMs,
      database: config.neo4j.uri ? (config.neo4j.database ?? null) : null,
      authSecret: config.auth.secret
        ? { source: 'environment', name: 'AUTH_SECRET' }
        : { source: 'file', name: resolve(config.auth.secretFile) },
      onAttempt: (n, counts) => {
        if (n > 1) process.stderr.write(`A write committed during the read: attempt ${n}.\n`);
        phase = n > 1 ? `read (try ${n})` : 'read';
        progress.phase(phase, counts.nodes + counts.relationships);
      },
      onProgress: (done) => progress.update(phase, done),
    });
    progress.stop();
    const s = ((Date.now() - started) / 1000).toFixed(1);
    const labels = Object.entries(result.end.labels)
      .sort((a, b) => b[1] - a[1])
      .map(([l, n]) => `${l} ${n.toLocaleString('en')}`)
      .join(', ');
    const secret = result.header.authSecret;
    process.stdout.write(
      `Backup written: ${args.file} (${(result.bytes / 1e6).toFixed(1)} MB) in ${s} s (peak RSS ${peakRss()} MB), ` +
        `${result.attempts === 1 ? 'first attempt' : `attempt ${result.attempts}`}.\n` +
        `  ${result.end.nodes.toLocaleString('en')} nodes (${labels})\n` +
        `  ${result.end.relationships.toLocaleString('en')} relationships; Neo4j ${result.header.neo4j.version} ${result.header.neo4j.edition}\n` +
        `  Not included: ${EXCLUDED_LABELS.join(', ')} nodes (users log in again after a restore), and the auth secret ` +
        `(${secret.source === 'file' ? `file ${secret.name}` : `$${secret.name}`}): keep it with the backup, separately.\n`,
    );
  } finally {
    progress.stop();
    await db.close();
  }
}

main().catch((err: unknown) => {
  const known =
    err instanceof MaintenanceError ||
    err instanceof ConfigError ||
    err instanceof PrerequisiteError ||
    err instanceof AuthSecretError ||
    err instanceof BackupRefusedError ||
    err instanceof InconsistentSnapshotError;
  process.stderr.write(
    `backup failed: ${err instanceof Error ? (known ? err.message : err.stack) : String(err)}\n`,
  );
  process.exit(err instanceof MaintenanceError ? err.exitCode : 1);
});
