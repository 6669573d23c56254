// Opens the configured Neo4j: the user's server when NEO4J_URI is set, else the embedded default.
import type { Config } from './config.js';
import type { Logger } from './logger.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from './embedded-neo4j.js';
import { createGraphStore, type GraphStore } from './store/neo4j-store.js';

export interface Database {
  store: GraphStore;
  /** Present when this process started the embedded Neo4j (and so must stop it). */
  embedded?: EmbeddedNeo4j;
  /** Closes the driver, then stops the embedded Neo4j if we started it. */
  close(): Promise<void>;
}

export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let embedded: EmbeddedNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    logger.info({ dataDir: config.embedded.dataDir }, 'NEO4J_URI unset: starting the embedded Neo4j');
    embedded = await startEmbeddedNeo4j({ ...config.embedded, onLog: (line) => logger.info(line) });
    uri = embedded.uri;
  }
  try {
    const store = await createGraphStore({
      ...config.neo4j,
      uri,
      queryTimeoutMs: config.queryTimeoutMs,
      admission: config.admission,
    });
    logger.info({ uri }, 'connected to Neo4j');
    return {
      store,
      embedded,
      async close() {
        await store.close().catch(() => {});
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}
