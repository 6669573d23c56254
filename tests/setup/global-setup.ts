// Starts a fresh embedded Neo4j on a free port (or uses NEO4J_URI), seeds it, and stops it after the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/src/embedded-neo4j.js';
import { createGraphStore } from '../../server/src/store/neo4j-store.js';
import { readSeed } from '../../seed/read-seed.js';
import { loadSeed } from '../../server/src/store/seed-load.js';
import { warmPlans } from '../../server/src/store/warm-plans.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    neo4jDatabase: string;
    /** True when the run may wipe the graph (its own fresh database, or TEST_ALLOW_WIPE=true). */
    mayWipe: boolean;
  }
}

let embedded: EmbeddedNeo4j | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = mkdtempSync(join(tmpdir(), 'secgraph-test-neo4j-'));
    embedded = await startEmbeddedNeo4j({ dataDir, heap: '512m', pageCacheMb: 256 });
    uri = embedded.uri;
  }
  const creds = {
    username: process.env.NEO4J_USERNAME ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE,
  };
  const store = await createGraphStore({ uri, ...creds });
  try {
    await loadSeed(store, readSeed());
    // As `npm start` does before it listens: the first page a test opens finds its queries planned.
    await warmPlans(store, (err) => {
      throw err;
    });
  } finally {
    await store.close();
  }
  project.provide('neo4jUri', uri);
  project.provide('neo4jUser', creds.username);
  project.provide('neo4jPassword', creds.password);
  project.provide('neo4jDatabase', creds.database ?? '');
  // Never wipe a database the user pointed the tests at, unless they say so.
  project.provide('mayWipe', !!embedded || process.env.TEST_ALLOW_WIPE === 'true');
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
