// `npm run restore -- <file>`: checks a backup through and through, then loads it into an empty database in batches.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '../server/src/config.js';
import { PrerequisiteError } from '../server/src/embedded-neo4j.js';
import { BackupFileError } from '../server/src/services/backup/backup-format.js';
import {
  RestoreFailedError,
  RestoreRefusedError,
  restoreBackup,
  type RestorePhase,
} from '../server/src/services/backup/restore-backup.js';
import { MaintenanceError, openMaintenanceDatabase } from './maintenance-db.js';
import { trackPeakRss } from './peak-rss.js';
import { phaseProgress } from './phase-progress.js';

const USAGE = `Usage: npm run restore -- <file> [--data-dir <dir>] [--force] [--batch 5000]

Loads a backup written by npm run backup into an EMPTY database. First the whole file is checked (gzip
integrity, format version, every line, every relationship's ends, the counts) without touching the database,
so a missing, damaged or foreign file changes nothing. A database that holds anything is refused unless
--force, which deletes every node and relationship in it (accounts and sessions included) before loading.
The app's constraints and indexes are created as the seed loader does, then nodes and relationships are
written in batches of --batch. If loading fails part way, what was loaded is deleted again.
Stop the app while restoring (and start it after: on an empty database it would load the seed first), and give
it the same auth secret as the backed-up deployment (the header names where it was), or no account can log in.
Uses NEO4J_URI (+ NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) when set, else starts the embedded Neo4j on
NEO4J_DATA_DIR or --data-dir (created when missing).`;

function readArgs(argv: string[]): { file: string; dataDir?: string; force: boolean; batch: number } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        force: { type: 'boolean' },
        batch: { type: 'string' },
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
  const batch = values.batch === undefined ? 5000 : Number(values.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > 100_000)
    throw new MaintenanceError(`--batch "${values.batch}": expected a whole number from 1 to 100000.`, 2);
  return { file: resolve(positionals[0]!), dataDir: values['data-dir'], force: values.force ?? false, batch };
}

const PHASE_NAMES: Record<RestorePhase, string> = {
  check: 'check file',
  wipe: 'delete (force)',
  nodes: 'nodes',
  relationships: 'relationships',
  finish: 'finish',
};

async function main(): Promise<void> {
  const args = readArgs(process.argv.slice(2));
  const { db, where } = await openMaintenanceDatabase(args.dataDir);
  const progress = phaseProgress('elements');
  const peakRss = trackPeakRss();
  const started = Date.now();
  try {
    process.stderr.write(`Restoring ${args.file} into ${where}\n`);
    const result = await restoreBackup(db.store, args.file, {
      force: args.force,
      batch: args.batch,
      indexWaitSeconds: 3600,
      onPhase: (phase, total) => progress.phase(PHASE_NAMES[phase], total),
      onProgress: (phase, done) => progress.update(PHASE_NAMES[phase], done),
      onWipe: (existing) =>
        process.stderr.write(
          `--force: deleting all ${existing.nodes.toLocaleString('en')} nodes and ${existing.relationships.toLocaleString('en')} relationships of the database first.\n`,
        ),
    });
    progress.stop();
    const s = ((Date.now() - started) / 1000).toFixed(1);
    const secret = result.header.authSecret;
    process.stdout.write(
      `Restored ${result.end.nodes.toLocaleString('en')} nodes and ${result.end.relationships.toLocaleString('en')} relationships ` +
        `from the backup of ${result.header.createdAt} (Neo4j ${result.header.neo4j.version}) in ${s} s (peak RSS ${peakRss()} MB).\n` +
        (result.wiped.nodes
          ? `  --force deleted ${result.wiped.nodes.toLocaleString('en')} nodes and ${result.wiped.relationships.toLocaleString('en')} relationships first.\n`
          : '') +
        (result.indexesNotRecreated.length
          ? `  Not recreated (not part of the app's schema): ${result.indexesNotRecreated.join(', ')}.\n`
          : '') +
        `  Logins need the backed-up deployment's auth secret (${secret.source === 'file' ? `file ${secret.name}` : `$${secret.name}`}).\n`,
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
    err instanceof BackupFileError ||
    err instanceof RestoreRefusedError ||
    err instanceof RestoreFailedError;
  process.stderr.write(
    `restore failed: ${err instanceof Error ? (known ? err.message : err.stack) : String(err)}\n`,
  );
  process.exit(err instanceof MaintenanceError ? err.exitCode : 1);
});
