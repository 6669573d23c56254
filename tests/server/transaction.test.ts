// store.transaction: the one way to run a transaction. Console and export queries wait their turn in the traversal
// lane (their time limit counted from admission) and get BUSY past the wait; writes have a lane of their own; a
// failed write leaves nothing; timeouts and driver errors are mapped in one place, per whose query it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CypherResponse, ErrorResponse, NodeResponse } from '../../contract/index.js';
import type { CytoscapeExport } from '../setup/export-readers.js';
import { AppError } from '../../server/src/errors.js';
import { curationWrite } from '../../server/src/store/curation-store.js';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import type { Tx } from '../../server/src/store/transaction.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { gate, tick } from '../setup/gate.js';
import { startTestApp, testStore, type TestApp } from '../setup/test-app.js';

/** Slower than any time limit here however idle the machine: a four-way product of every node (billions of rows). */
const SLOW =
  'MATCH (a:Entity), (b:Entity), (c:Entity), (d:Entity) WHERE a.name + b.name + c.name + d.name = "x" RETURN count(*) AS n';

const suffix = (): string => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A new Organization node's create parameters (cypher/curation-node-create.cypher). */
const orgNode = (id: string) => ({
  labels: ['Actor', 'Organization'],
  props: { id, name: `Transaction test ${id}` },
});

const nodeExists = async (store: GraphStore, id: string): Promise<boolean> =>
  (await store.read('node-by-id', { id })).records.length > 0;

/** Takes the traversal lane's only slot until the returned gate opens; resolves once the slot is taken. */
async function holdTraversalSlot(
  store: GraphStore,
): Promise<{ release: () => void; done: Promise<unknown> }> {
  const g = gate();
  let started!: () => void;
  const running = new Promise<void>((r) => {
    started = r;
  });
  const done = store.transaction('read', async (tx) => {
    await tx.run('count-all');
    started();
    await g.promise;
  });
  await running;
  return { release: g.open, done };
}

describe('console and export queries under admission (a lane of one)', () => {
  let store: GraphStore;
  let app: TestApp;
  beforeAll(async () => {
    store = await testStore({ admission: { maxConcurrent: 1, maxWaitMs: 30_000 } });
    // The console's time limit is shorter than the wait below: it must count from admission, not from the call.
    app = await startTestApp({ store, console: { timeoutMs: 2000, rowCap: 50 } });
    // Warm: the console's procedure list is fetched once per store.
    expect((await app.send<CypherResponse>('POST', '/api/cypher', { query: 'RETURN 1 AS one' })).status).toBe(
      200,
    );
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('a console query waits for the traversal slot, then runs with its whole time limit', async () => {
    const held = await holdTraversalSlot(store);
    let answered = false;
    const reply = app
      .send<CypherResponse>('POST', '/api/cypher', {
        query: 'MATCH (c:Country {id: $id}) RETURN c.name AS name',
        params: { id: 'country:fr' },
      })
      .finally(() => {
        answered = true;
      });
    const deadline = Date.now() + 5000;
    while (store.admissionLoad?.traversal.waiting !== 1 && Date.now() < deadline) await tick();
    expect(store.admissionLoad?.traversal).toEqual({ running: 1, waiting: 1 });
    // Past the console's 2 s limit while it waits: still not run, and not failed.
    await new Promise((r) => setTimeout(r, 2500));
    expect(answered).toBe(false);
    held.release();
    await held.done;
    const { status, body } = await reply;
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.rows).toEqual([['France']]);
    expect(store.admissionLoad?.traversal).toEqual({ running: 0, waiting: 0 });
  });

  it('a query export waits for the traversal slot too, then streams the file', async () => {
    const held = await holdTraversalSlot(store);
    const reply = app.send<CytoscapeExport>('POST', '/api/export', {
      format: 'json',
      query: "MATCH (c:Country) WHERE c.id IN ['country:fr', 'country:uk'] RETURN c",
    });
    const deadline = Date.now() + 5000;
    while (store.admissionLoad?.traversal.waiting !== 1 && Date.now() < deadline) await tick();
    expect(store.admissionLoad?.traversal).toEqual({ running: 1, waiting: 1 });
    held.release();
    await held.done;
    const { status, body } = await reply;
    expect(status, JSON.stringify(body).slice(0, 300)).toBe(200);
    const ids = body.elements.nodes.map((n) => n.data.id).sort();
    expect(ids).toEqual(['country:fr', 'country:uk']);
  });

  it('a key lookup does not wait behind a console query', async () => {
    const slow = app.send<ErrorResponse>('POST', '/api/cypher', { query: SLOW });
    const deadline = Date.now() + 5000;
    while (store.admissionLoad?.traversal.running !== 1 && Date.now() < deadline) await tick();
    const node = await app.get<NodeResponse>('/api/nodes/country:fr');
    expect(node.status).toBe(200);
    // The console query held the traversal slot all along, and then ran out of its own time.
    expect(store.admissionLoad?.traversal.running).toBe(1);
    const { status, body } = await slow;
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'QUERY_TIMEOUT', field: 'query' });
  });
});

describe('a wait past DB_QUEUE_TIMEOUT_MS', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await testStore({ admission: { maxConcurrent: 1, maxWaitMs: 300 } });
  });
  afterAll(async () => {
    await store.close();
  });

  it('refuses a console query with 503 BUSY without running it', async () => {
    const app = await startTestApp({ store });
    try {
      expect((await app.send('POST', '/api/cypher', { query: 'RETURN 1 AS one' })).status).toBe(200);
      const held = await holdTraversalSlot(store);
      const { status, body } = await app.send<ErrorResponse>('POST', '/api/cypher', {
        query: 'RETURN 1 AS one',
      });
      held.release();
      await held.done;
      expect(status).toBe(503);
      expect(body.error).toMatchObject({ code: 'BUSY' });
    } finally {
      await app.close();
    }
  });

  it('refuses a write queued behind another with 503 BUSY, and it writes nothing', async () => {
    const id = `org:tx-busy-${suffix()}`;
    const g = gate();
    let started!: () => void;
    const running = new Promise<void>((r) => {
      started = r;
    });
    const first = store.transaction('write', async (tx) => {
      await tx.run('count-all');
      started();
      await g.promise;
    });
    await running;
    expect(store.writeLoad).toEqual({ running: 1, waiting: 0 });
    const second = store.transaction('write', (tx) => tx.run('curation-node-create', orgNode(id)));
    await expect(second).rejects.toMatchObject({ status: 503, code: 'BUSY' });
    g.open();
    await first;
    expect(await nodeExists(store, id)).toBe(false);
  });
});

describe('the lanes of reads and writes', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await testStore({ admission: { maxConcurrent: 1, maxWaitMs: 30_000 } });
  });
  afterAll(async () => {
    await store.close();
  });

  it('a write runs while the traversal lane is full, and writes queue in their own lane', async () => {
    const held = await holdTraversalSlot(store);
    try {
      const g = gate();
      let started!: () => void;
      const running = new Promise<void>((r) => {
        started = r;
      });
      const first = store.transaction('write', async (tx) => {
        await tx.run('count-all');
        started();
        await g.promise;
        return 'first';
      });
      await running;
      const second = store.transaction('write', async () => 'second');
      await tick();
      expect(store.writeLoad).toEqual({ running: 1, waiting: 1 });
      expect(store.admissionLoad?.traversal).toEqual({ running: 1, waiting: 0 });
      g.open();
      expect(await Promise.all([first, second])).toEqual(['first', 'second']);
      expect(store.writeLoad).toEqual({ running: 0, waiting: 0 });
    } finally {
      held.release();
      await held.done;
    }
  });
});

describe('a failed write', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await testStore();
  });
  afterAll(async () => {
    await store.close();
  });

  it('leaves nothing: a driver error on the second step rolls back the first', async () => {
    const before = await graphFingerprint(store);
    const id = `org:tx-rollback-${suffix()}`;
    const err = await store
      .transaction('write', async (tx) => {
        await tx.run('curation-node-create', orgNode(id));
        // The entity_id constraint refuses a second node with an existing id.
        await tx.run('curation-node-create', orgNode('country:fr'));
      })
      .catch((e: unknown) => e);
    // Not a 5xx in disguise: the constraint hit reaches the caller as the driver said it, for the caller to name.
    expect((err as { code?: string }).code).toBe('Neo.ClientError.Schema.ConstraintValidationFailed');
    expect(await nodeExists(store, id)).toBe(false);
    expect(await graphFingerprint(store)).toEqual(before);
  });

  it('leaves nothing when the work itself refuses after writing, and curation names a constraint hit 409', async () => {
    const before = await graphFingerprint(store);
    const id = `org:tx-refused-${suffix()}`;
    const refused = await store
      .transaction('write', async (tx) => {
        await tx.run('curation-node-create', orgNode(id));
        throw new AppError('UNPROCESSABLE', 422, 'refused after the write');
      })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 422 });
    const conflict = await curationWrite(store, async (tx) => {
      await tx.createNode({ id, labels: ['Actor', 'Organization'], props: orgNode(id).props, ints: [] });
      await tx.createNode({
        id: 'country:fr',
        labels: ['Actor', 'Country'],
        props: { id: 'country:fr' },
        ints: [],
      });
    }).catch((e: unknown) => e);
    expect(conflict).toMatchObject({ status: 409, code: 'CONFLICT', field: 'id' });
    expect(await nodeExists(store, id)).toBe(false);
    expect(await graphFingerprint(store)).toEqual(before);
  });

  it('a rollback transaction returns its value and keeps nothing it wrote', async () => {
    const id = `org:tx-rolled-back-${suffix()}`;
    const value = await store.transaction(
      'write',
      async (tx) => {
        await tx.run('curation-node-create', orgNode(id));
        return (await tx.run('node-by-id', { id })).records.length;
      },
      { rollback: true },
    );
    expect(value).toBe(1);
    expect(await nodeExists(store, id)).toBe(false);
  });
});

describe('timeouts, mapped by whose query it was', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await testStore();
  });
  afterAll(async () => {
    await store.close();
  });

  it("is a retriable 504 QUERY_TIMEOUT for the server's queries and a 400 naming `query` for the user's", async () => {
    const api = await store
      .transaction('read', async (tx) => tx.runText(SLOW), { timeout: 300 })
      .catch((e: unknown) => e);
    expect(api).toBeInstanceOf(AppError);
    expect(api).toMatchObject({ code: 'QUERY_TIMEOUT', status: 504, retriable: true });
    const consoleStyle = await store
      .transaction('read', async (tx) => tx.runText(SLOW), { timeout: 300, errors: 'console' })
      .catch((e: unknown) => e);
    expect(consoleStyle).toMatchObject({ code: 'QUERY_TIMEOUT', status: 400, field: 'query' });
  });

  it('a write in a READ transaction is refused by Neo4j, and told as WRITE_REFUSED to the console', async () => {
    const id = `org:tx-read-only-${suffix()}`;
    const err = await store
      .transaction('read', (tx) => tx.run('curation-node-create', orgNode(id)), { errors: 'console' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'WRITE_REFUSED', status: 400 });
    expect(await nodeExists(store, id)).toBe(false);
  });
});

describe('a read whose first statement usually answers alone (firstAlone)', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await testStore({ admission: { maxConcurrent: 2, maxWaitMs: 30_000 } });
  });
  afterAll(async () => {
    await store.close();
  });

  /** `during`'s answer, and which session methods the store called meanwhile (the real driver's, counted). */
  async function sessionCalls<T>(during: () => Promise<T>): Promise<{ out: T; calls: string[] }> {
    const calls: string[] = [];
    const driver = store.driver;
    const open = driver.session;
    driver.session = ((config) => {
      const session = open.call(driver, config);
      for (const m of ['run', 'executeRead', 'executeWrite'] as const) {
        const f = session[m].bind(session) as (...a: unknown[]) => unknown;
        (session as unknown as Record<string, unknown>)[m] = (...a: unknown[]) => {
          calls.push(m);
          return f(...a);
        };
      }
      return session;
    }) as typeof driver.session;
    try {
      return { out: await during(), calls };
    } finally {
      driver.session = open;
    }
  }

  it('sends a one-statement read as one auto-commit query, with the same answer', async () => {
    const count = (tx: Tx) => tx.run('count-entities').then((r) => Number(r.records[0]!.get('count')));
    const managed = await sessionCalls(() => store.transaction('read', count));
    expect(managed.calls).toEqual(['executeRead']);
    let runs = 0;
    const alone = await sessionCalls(() =>
      store.transaction(
        'read',
        (tx) => {
          runs++;
          return count(tx);
        },
        { firstAlone: true },
      ),
    );
    expect(alone.calls).toEqual(['run']);
    expect(runs).toBe(1);
    expect(alone.out).toBe(managed.out);
    expect(alone.out).toBeGreaterThan(0);
  });

  it('runs a read that asks for a second statement again from the start, in one managed transaction', async () => {
    let runs = 0;
    const { out, calls } = await sessionCalls(() =>
      store.transaction(
        'read',
        async (tx) => {
          runs++;
          const all = (await tx.run('count-all')).records[0]!;
          const entities = (await tx.runText('MATCH (n:Entity) RETURN count(n) AS count')).records[0]!;
          return [Number(all.get('nodes')), Number(entities.get('count'))];
        },
        { firstAlone: true },
      ),
    );
    expect(calls).toEqual(['run', 'executeRead']);
    expect(runs).toBe(2);
    expect(out[1]).toBeGreaterThan(0);
    expect(out[0]).toBeGreaterThanOrEqual(out[1]!);
  });

  it('maps a failure of the lone statement as a managed read does (a timeout is 504 QUERY_TIMEOUT)', async () => {
    await expect(
      store.transaction('read', (tx) => tx.runText(SLOW).then(() => 0), { firstAlone: true, timeout: 300 }),
    ).rejects.toMatchObject({ code: 'QUERY_TIMEOUT', status: 504 });
  });
});
