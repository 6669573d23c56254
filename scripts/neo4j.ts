// `npm run neo4j`: run the embedded Neo4j on its own (for NEO4J_URI, several app processes, or Neo4j tools).
import { loadConfig } from '../server/src/config.js';
import { createLogger } from '../server/src/logger.js';
import { startEmbeddedNeo4j } from '../server/src/embedded-neo4j.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const neo4j = await startEmbeddedNeo4j({
  ...config.embedded,
  port: config.embedded.port ?? 7687,
  onLog: (l) => logger.info(l),
});
logger.info(`Neo4j ready: NEO4J_URI=${neo4j.uri} (auth off, bound to 127.0.0.1). Ctrl+C stops it.`);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    void neo4j.stop().then(() => process.exit(0));
  });
}
