// Admission to the database: never more than N queries at once, first come first served, a bounded wait (503 BUSY),
// a failed query gives its slot back, and key lookups have a lane of their own.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { BusyError, createAdmission } from '../../server/src/store/admission.js';
import { HUB_DEGREE } from '../../server/src/services/neighbour-counts.js';
import { searchQueryParams } from '../../server/src/store/graph-reads.js';
import { gate, tick } from '../setup/gate.js';
import { testStore } from '../setup/test-app.js';

describe('admission', () => {
  it('runs at most maxConcurrent at once and starts the waiting ones in arrival order', async () => {
    const admission = createAdmission({ maxConcurrent: 2, maxWaitMs: 10_000 });
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, () => gate());
    let peak = 0;
    const runs = gates.map((g, i) =>
      admission.run(async () => {
        started.push(i);
        peak = Math.max(peak, admission.load.running);
        await g.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(admission.load).toEqual({ running: 2, waiting: 3 });
    gates[1]!.open();
    await runs[1];
    await tick();
    expect(started).toEqual([0, 1, 2]);
    for (const g of gates) g.open();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(admission.load).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses a query that waited past maxWaitMs with 503 BUSY, and never runs it', async () => {
    const admission = createAdmission({ maxConcurrent: 1, maxWaitMs: 50 });
    const g = gate();
    const first = admission.run(() => g.promise);
    let ran = false;
    const second = admission.run(async () => {
      ran = true;
    });
    await expect(second).rejects.toBeInstanceOf(BusyError);
    await expect(second).rejects.toMatchObject({ status: 503, code: 'BUSY' });
    g.open();
    await first;
    expect(ran).toBe(false);
    expect(admission.load).toEqual({ running: 0, waiting: 0 });
  });

  it('a failed query gives its slot back to the next one', async () => {
    const admission = createAdmission({ maxConcurrent: 1, maxWaitMs: 10_000 });
    const failing = admission.run(async () => {
      throw new Error('boom');
    });
    const next = admission.run(async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('ran');
  });
});

describe("the store's admission lanes", () => {
  it('a key lookup runs at once while traversals queue for the other lane', async () => {
    const store = await testStore({ admission: { maxConcurrent: 1, maxWaitMs: 30_000 } });
    try {
      // Once warm, a traversal skips the one-at-a-time first run (cold-start.ts) and queues in its lane.
      await store.read('search', searchQueryParams('France', null, 5));
      const traversals = [0, 1, 2].map(() => store.read('search', searchQueryParams('France', null, 5)));
      const lookup = store.read('node-by-id', { id: 'country:fr' });
      // Slots are taken when a read is called: one traversal runs, two wait, and the lookup is not among them.
      expect(store.admissionLoad).toEqual({
        lookup: { running: 1, waiting: 0 },
        traversal: { running: 1, waiting: 2 },
      });
      expect((await lookup).records[0]?.get('node').properties.id).toBe('country:fr');
      for (const t of await Promise.all(traversals)) expect(t.records.length).toBeGreaterThan(0);
      expect(store.admissionLoad).toEqual({
        lookup: { running: 0, waiting: 0 },
        traversal: { running: 0, waiting: 0 },
      });
    } finally {
      await store.close();
    }
  });

  it('runs the first runs of different traversals one at a time, however many slots the lane has', async () => {
    const store = await testStore({ admission: { maxConcurrent: 4, maxWaitMs: 30_000 } });
    try {
      const first = store.read('search', searchQueryParams('France', null, 5));
      const second = store.read('neighbour-counts', { id: 'country:fr', hubDegree: neo4j.int(HUB_DEGREE) });
      await tick();
      // The second first run waits for the first to finish before it takes a slot.
      expect(store.admissionLoad?.traversal).toEqual({ running: 1, waiting: 0 });
      expect((await first).records.length).toBeGreaterThan(0);
      expect((await second).records[0]?.get('total')).toBeDefined();
      // Both warm now: side by side.
      const again = [
        store.read('search', searchQueryParams('France', null, 5)),
        store.read('neighbour-counts', { id: 'country:fr', hubDegree: neo4j.int(HUB_DEGREE) }),
      ];
      await tick();
      expect(store.admissionLoad?.traversal).toEqual({ running: 2, waiting: 0 });
      await Promise.all(again);
    } finally {
      await store.close();
    }
  });
});
