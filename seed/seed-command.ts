// `npm run seed` against the configured database (starting the embedded one if NEO4J_URI is unset).
import { loadConfig } from '../server/src/config.js';
import { createLogger } from '../server/src/logger.js';
import { openDatabase } from '../server/src/database.js';
import type { CompiledSeed } from './compile.js';
import { loadSeed } from './load.js';
import { countAll } from '../server/src/store/graph-reads.js';

export async function runSeedCommand(seed: CompiledSeed): Promise<void> {
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
