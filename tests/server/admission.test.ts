// Admission to the database: never more than N queries at once, first come first served, a bounded wait (503 BUSY),
// and a failed query gives its slot back.
import { describe, expect, it } from 'vitest';
import { BusyError, createAdmission } from '../../server/src/store/admission.js';

/** A query that finishes when told to, recording when it started. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => { open = r; });
  return { promise, open };
}

describe('admission', () => {
  it('runs at most maxConcurrent at once and starts the waiting ones in arrival order', async () => {
    const admission = createAdmission({ maxConcurrent: 2, maxWaitMs: 10_000 });
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, () => gate());
    let peak = 0;
    const runs = gates.map((g, i) => admission.run(async () => {
      started.push(i);
      peak = Math.max(peak, admission.load.running);
      await g.promise;
      return i;
    }));
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(admission.load).toEqual({ running: 2, waiting: 3 });
    gates[1]!.open();
    await runs[1];
    await new Promise((r) => setImmediate(r));
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
    const second = admission.run(async () => { ran = true; });
    await expect(second).rejects.toBeInstanceOf(BusyError);
    await expect(second).rejects.toMatchObject({ status: 503, code: 'BUSY' });
    g.open();
    await first;
    expect(ran).toBe(false);
    expect(admission.load).toEqual({ running: 0, waiting: 0 });
  });

  it('a failed query gives its slot back to the next one', async () => {
    const admission = createAdmission({ maxConcurrent: 1, maxWaitMs: 10_000 });
    const failing = admission.run(async () => { throw new Error('boom'); });
    const next = admission.run(async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('ran');
  });
});
