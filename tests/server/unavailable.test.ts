// A stopped database gives 503 with a clear code (never a hang or a 500), and health says disconnected.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../contract/index.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/src/embedded-neo4j.js';
import { createGraphStore } from '../../server/src/store/neo4j-store.js';
import { readSeed } from '../../seed/read-seed.js';
import { loadSeed } from '../../server/src/store/seed-load.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let neo4j: EmbeddedNeo4j;
let app: TestApp;
let dir: string;

beforeAll(async () => {
  // Its own Neo4j, so stopping it does not disturb the other tests' database.
  dir = mkdtempSync(join(tmpdir(), 'secgraph-down-'));
  neo4j = await startEmbeddedNeo4j({ dataDir: dir, heap: '256m', pageCacheMb: 64 });
  // A cold JVM on a busy machine can take longer than the API's 5 s limit over the seed's steps.
  const store = await createGraphStore({ uri: neo4j.uri, queryTimeoutMs: 60_000 });
  await loadSeed(store, readSeed());
  app = await startTestApp({ store });
});

afterAll(async () => {
  await app?.close();
  await app?.store.close();
  await neo4j?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('when Neo4j stops', () => {
  it('answers 503 DATABASE_UNAVAILABLE quickly, and health reports disconnected', async () => {
    expect((await app.get('/api/nodes/country:fr')).status).toBe(200);
    await neo4j.stop();
    for (const path of [
      '/api/nodes/country:fr',
      '/api/search?q=France',
      '/api/nodes/country:fr/neighbours',
      '/api/schema',
      '/api/cooperation?threat=terrorism',
    ]) {
      const t0 = Date.now();
      const { status, body } = await app.get<ErrorResponse>(path);
      expect(status, path).toBe(503);
      expect(body.error.code).toBe('DATABASE_UNAVAILABLE');
      expect(Date.now() - t0, `${path} answered without hanging`).toBeLessThan(15_000);
    }
    const health = await app.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', neo4j: { connected: false } });
  }, 120_000);
});
