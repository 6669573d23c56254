// Opens the database for a maintenance command (backup, restore): NEO4J_URI when set, else the embedded Neo4j on
// NEO4J_DATA_DIR or a --data-dir, with no per-query time limit worth the name (batches may take long).
import { resolve } from 'node:path';
import { loadConfig, type Config } from '../server/src/config.js';
import { openDatabase, type Database } from '../server/src/database.js';
import { createLogger } from '../server/src/logger.js';

/** A problem the user can fix: printed as one line, exit code 1 (2 for usage). */
export class MaintenanceError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'MaintenanceError';
  }
}

/** Batches and index waits may take minutes on a large graph; the read of a backup sets its own limit. */
const LONG_QUERY_MS = 3_600_000;

/** The database a command works on, and words for it ("bolt://…" or "the embedded Neo4j in …"). */
export async function openMaintenanceDatabase(
  dataDir: string | undefined,
): Promise<{ db: Database; config: Config; where: string }> {
  const config = loadConfig();
  if (config.neo4j.uri && dataDir)
    throw new MaintenanceError(
      `--data-dir is for the embedded Neo4j, but NEO4J_URI is set (${config.neo4j.uri}); give one or the other.`,
      2,
    );
  const embeddedDir = dataDir ?? config.embedded.dataDir;
  const where = config.neo4j.uri
    ? `${config.neo4j.uri}${config.neo4j.database ? ` (database ${config.neo4j.database})` : ''}`
    : `the embedded Neo4j in ${resolve(embeddedDir)}`;
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  try {
    const db = await openDatabase(
      { ...config, queryTimeoutMs: LONG_QUERY_MS, embedded: { ...config.embedded, dataDir: embeddedDir } },
      logger,
    );
    return { db, config, where };
  } catch (err) {
    if (/store_lock|locked by another process/i.test((err as Error).message ?? ''))
      throw new MaintenanceError(
        `${resolve(embeddedDir)} is in use by a running Neo4j (one process per data directory). ` +
          'To work on the database the app is serving, run the app with NEO4J_PORT=7687 (or use npm run neo4j) ' +
          'and point this command at it with NEO4J_URI=bolt://127.0.0.1:7687; or stop the app first.',
      );
    throw err;
  }
}
