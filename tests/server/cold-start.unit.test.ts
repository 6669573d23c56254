// First runs one at a time: a query's first run since a reset waits for the cold runs before it; a warm query never
// waits; a failed first run leaves its query cold; a reset (the database came back) makes every query cold again.
import { describe, expect, it } from 'vitest';
import { BusyError } from '../../server/src/store/admission.js';
import { createColdStart } from '../../server/src/store/cold-start.js';
import { createConnectivity } from '../../server/src/store/connectivity.js';
import { gate, tick } from '../setup/gate.js';

describe('cold start', () => {
  it('runs first runs of different queries one after another, and a warm query at once beside them', async () => {
    const cold = createColdStart({ maxWaitMs: 10_000 });
    await cold.run('search', async () => 'warmed');
    const started: string[] = [];
    const a = gate();
    const first = cold.run('neighbours', async () => {
      started.push('neighbours');
      await a.promise;
    });
    const second = cold.run('paths', async () => {
      started.push('paths');
    });
    const warm = cold.run('search', async () => {
      started.push('search');
    });
    await warm;
    await tick();
    // The warm query ran beside the first cold one; the second cold one still waits.
    expect([...started].sort()).toEqual(['neighbours', 'search']);
    a.open();
    await Promise.all([first, second]);
    expect(started.at(-1)).toBe('paths');
    expect([...cold.warm].sort()).toEqual(['neighbours', 'paths', 'search']);
  });

  it('a failed first run leaves its query cold, and a reset makes every query cold again', async () => {
    const cold = createColdStart({ maxWaitMs: 10_000 });
    await expect(
      cold.run('cooperation', async () => {
        throw new Error('timed out');
      }),
    ).rejects.toThrow('timed out');
    expect(cold.warm.has('cooperation')).toBe(false);
    await cold.run('cooperation', async () => 'ok');
    expect(cold.warm.has('cooperation')).toBe(true);
    cold.reset();
    expect(cold.warm.size).toBe(0);
  });

  it('a first run in flight at a reset does not mark its query warm', async () => {
    const cold = createColdStart({ maxWaitMs: 10_000 });
    const g = gate();
    const run = cold.run('neighbourhood', () => g.promise);
    await tick();
    cold.reset();
    g.open();
    await run;
    expect(cold.warm.has('neighbourhood')).toBe(false);
  });

  it('a first run that waits past maxWaitMs is refused with 503 BUSY and never runs', async () => {
    const cold = createColdStart({ maxWaitMs: 50 });
    const g = gate();
    const first = cold.run('neighbours', () => g.promise);
    let ran = false;
    const second = cold.run('paths', async () => {
      ran = true;
    });
    await expect(second).rejects.toBeInstanceOf(BusyError);
    g.open();
    await first;
    expect(ran).toBe(false);
  });
});

describe('connectivity', () => {
  it('tells its listeners when a probe finds the database back after it was found down, and only then', async () => {
    let reachable = true;
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7687'), {
      code: 'ServiceUnavailable',
    });
    const connectivity = createConnectivity(async () => {
      if (!reachable) throw refused;
    });
    let reconnects = 0;
    connectivity.onReconnect(() => {
      reconnects++;
    });
    try {
      // A probe that finds the database up while it is up is no reconnect.
      connectivity.noteError(refused);
      await tick();
      expect(connectivity.connected).toBe(true);
      expect(reconnects).toBe(0);
      reachable = false;
      connectivity.noteError(refused);
      await tick();
      expect(connectivity.connected).toBe(false);
      reachable = true;
      // While down, the gate probes every 500 ms.
      const deadline = Date.now() + 3000;
      while (!connectivity.connected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(connectivity.connected).toBe(true);
      expect(reconnects).toBe(1);
    } finally {
      connectivity.close();
    }
  });
});
