// Process entry: config, database (embedded or external), auto-seed, listen, graceful shutdown.
import type { Server } from 'node:http';
import { loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { openDatabase } from './database.js';
import { createApp } from './app.js';
import { extractionPool } from './services/ingest/extraction-pool.js';
import { seedDatabase } from './store/seed-load.js';
import { countEntities } from './store/graph-reads.js';
import { ensureSchema } from './store/schema-setup.js';
import { resolveAuthSecret } from './auth/auth-secret.js';
import { authSettings } from './auth/auth-settings.js';
import { answerMalformedRequests } from './malformed-requests.js';
import { repoPath } from './repo-root.js';
import { warmPlans } from './store/warm-plans.js';

/** The built client; `CLIENT_DIR` (relative to the repository) serves another build, as the page-open bench does. */
const CLIENT_DIR = repoPath(process.env.CLIENT_DIR ?? 'dist/client');
/** In-flight requests get this long to finish on shutdown before connections are cut. */
const DRAIN_MS = 10_000;

export async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Before the database starts, so a bad secret stops start-up at once.
  const secret = resolveAuthSecret({ secret: config.auth.secret, file: config.auth.secretFile });
  const db = await openDatabase(config, logger);

  let server: Server | undefined;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests, closing the driver, stopping Neo4j');
    if (server) {
      const s = server;
      await new Promise<void>((res) => {
        // Keep-alive connections turn idle as their last response goes out: close them then, not at their timeout.
        const idle = setInterval(() => s.closeIdleConnections(), 100);
        const t = setTimeout(() => {
          clearInterval(idle);
          s.closeAllConnections();
          res();
        }, DRAIN_MS);
        s.close(() => {
          clearTimeout(t);
          clearInterval(idle);
          res();
        });
        s.closeIdleConnections();
      });
    }
    await db.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await ensureSchema(db.store);
    if (config.autoSeed) {
      if ((await countEntities(db.store)) === 0) {
        logger.info('database is empty: loading the seed graph');
        await seedDatabase(db.store);
      }
    }
    // Before listening: the first visitor finds the opening queries planned, and nothing plans behind a request.
    await warmPlans(db.store, (err) => logger.warn({ err }, 'could not plan a query ahead'));
    const auth = authSettings({
      secret,
      sessionTtlHours: config.auth.sessionTtlHours,
      authRequired: config.auth.required,
      anonymousWorkspaces: config.auth.anonymousWorkspaces,
    });
    const app = createApp({
      store: db.store,
      logger,
      clientDir: CLIENT_DIR,
      console: config.console,
      export: config.export,
      auth,
      trustProxy: config.trustProxy,
      rateLimits: config.rateLimits,
    });
    server = await new Promise<Server>((res, rej) => {
      const s = app.listen(config.port, config.host, () => res(s));
      s.once('error', rej);
      answerMalformedRequests(s);
    });
    // The extraction worker loads in the background; a failure shows on the first article's extraction.
    extractionPool.warmUp().catch((err: unknown) => logger.warn({ err }, 'extraction worker did not start'));
    logger.info(
      `explorer ready at http://${config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`,
    );
  } catch (err) {
    await db.close();
    throw err;
  }
}
