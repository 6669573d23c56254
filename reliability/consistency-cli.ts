// `npm run consistency`: checks the configured database's curated graph against its change history (see consistency.ts).
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/database.js';
import { createLogger } from '../server/src/logger.js';
import { checkConsistency } from './consistency.js';

const config = loadConfig();
// Uses NEO4J_URI when set, else the embedded Neo4j in NEO4J_DATA_DIR (stop the server first: one process per data directory).
const db = await openDatabase({ ...config, queryTimeoutMs: 120_000 }, createLogger('warn'));
try {
  const report = await checkConsistency(db.store);
  process.stdout.write(
    `${report.ok ? 'consistent' : 'INCONSISTENT'}: ${report.changes} changes, ${report.nodesChecked} nodes and ${report.edgesChecked} relationships checked\n`,
  );
  for (const v of report.violations) process.stdout.write(`  ${v}\n`);
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await db.close();
}
