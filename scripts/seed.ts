// `npm run seed`: validate the seed graph and load it into the configured database, starting the embedded one
// if NEO4J_URI is unset (`--check` validates only, with no database).
import { readSeed } from '../seed/read-seed.js';
import { SeedValidationError, type CompiledSeed } from '../seed/compile.js';

/** Loads `seed` and logs the counts before and after (loading twice changes nothing). */
async function load(seed: CompiledSeed): Promise<void> {
  // Loaded only when a database is needed, so `--check` starts neither the config nor a driver.
  const { loadConfig } = await import('../server/src/config.js');
  const { createLogger } = await import('../server/src/logger.js');
  const { openDatabase } = await import('../server/src/database.js');
  const { countAll } = await import('../server/src/store/graph-reads.js');
  const { loadSeed } = await import('../server/src/store/seed-load.js');
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await openDatabase(config, logger);
  try {
    const before = await countAll(db.store);
    await loadSeed(db.store, seed);
    const after = await countAll(db.store);
    logger.info(
      { before, after },
      `seed loaded: ${seed.nodes.length} nodes, ${seed.relationships.length} relationships, ${seed.sources.length} sources`,
    );
  } finally {
    await db.close();
  }
}

async function main(): Promise<void> {
  const checkOnly = process.argv.includes('--check');
  let seed;
  try {
    seed = readSeed();
  } catch (err) {
    if (err instanceof SeedValidationError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const summary = `${seed.sources.length} sources, ${seed.nodes.length} nodes, ${seed.relationships.length} relationships`;
  if (checkOnly) {
    process.stdout.write(`Seed valid: ${summary}\n`);
    return;
  }
  await load(seed);
}

main().catch((err: unknown) => {
  process.stderr.write(`seed failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
