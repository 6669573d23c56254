// The API server killed with SIGKILL in the middle of concurrent curator writes: after a restart every write is
// either fully applied with its Change or absent, every acknowledged write is there, and the history adds up.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApiProcess, type ApiProcess } from '../../bench/api-process.js';
import { freePort } from '../../server/src/embedded-neo4j.js';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import { apiAccount, newAuthSecret, removeRunData, type Account } from '../../reliability/accounts.js';
import { runApiKill } from '../../reliability/api-fault.js';
import { writeQuote } from '../../reliability/curator-writes.js';
import { testStore } from '../setup/test-app.js';

let store: GraphStore;
let api: ApiProcess | undefined;
let curator: Account | undefined;
const secret = newAuthSecret();
const prefixes: string[] = [];

const start = async (port: number): Promise<ApiProcess> =>
  startApiProcess({
    uri: inject('neo4jUri'),
    port,
    env: {
      AUTH_SECRET: secret,
      NEO4J_USERNAME: inject('neo4jUser'),
      NEO4J_PASSWORD: inject('neo4jPassword'),
      ...(inject('neo4jDatabase') ? { NEO4J_DATABASE: inject('neo4jDatabase') } : {}),
    },
  });

beforeAll(async () => {
  store = await testStore();
  api = await start(await freePort());
  curator = await apiAccount(store, secret, api.baseUrl, 'curator');
}, 240_000);

afterAll(async () => {
  if (api?.child.exitCode === null) {
    api.child.kill('SIGTERM');
    await api.exited;
  }
  if (curator) await removeRunData(store, { idPrefixes: prefixes, usernames: [curator.username] });
  await store?.close();
});

describe('when the API server is killed mid-write', () => {
  it('every write is applied with its Change or not at all, every acknowledged write is present, and the restarted server serves them', async () => {
    const quote = await writeQuote(api!.baseUrl);
    const tag = randomBytes(3).toString('hex');
    prefixes.push(`country:rel-${tag}-`);
    const result = await runApiKill({
      api: api!,
      restart: () => start(api!.port),
      store,
      curator: curator!,
      quote,
      concurrency: 8,
      ackedBeforeKill: 20,
      tag,
    });
    api = result.api;
    expect(result.inFlightAtKill, 'writes were in flight at the kill').toBeGreaterThan(0);
    expect(result.consistency.violations).toEqual([]);
    expect(result.writesAcknowledged).toBeGreaterThanOrEqual(20);
    expect(result.lostWrites).toBe(0);
    expect(result.writesPresent).toBe(result.writesAcknowledged);
    // Changes without an answer can only be writes that were in flight at the kill.
    expect(result.appliedWithoutAnswer).toBeLessThanOrEqual(result.inFlightAtKill);
    expect(result.readBack.ok).toBe(result.readBack.checked);
    expect(result.serverErrors).toBe(0);
  }, 300_000);
});
