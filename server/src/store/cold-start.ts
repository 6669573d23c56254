// First runs one at a time: each query's first run since the database (re)started plans it, and on a cold JVM that is slow.
// After a kill -9 and restart, Neo4j's plan cache is empty and its JIT cold: on the 2-core VM a traversal's first run
// took 0.5-1.5 s alone but 3.5-5 s beside four or five other first runs under load, and some passed QUERY_TIMEOUT_MS
// (504). One after another, each first run is quicker, and the runs of the same query behind it find its plan cached.
import { createAdmission } from './admission.js';

export interface ColdStart {
  /**
   * Runs `work`, a run of query `name`: at once when `name` has succeeded since the last reset, otherwise after the
   * cold runs before it (one at a time). A cold run that waits past `maxWaitMs` is refused with 503 BUSY.
   */
  run<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Forgets which queries have run: the database came back after an outage, so its plan cache is empty. */
  reset(): void;
  /** Queries that have succeeded since the last reset (for tests). */
  readonly warm: ReadonlySet<string>;
}

export function createColdStart(opts: { maxWaitMs: number }): ColdStart {
  const warm = new Set<string>();
  const cold = createAdmission({ maxConcurrent: 1, maxWaitMs: opts.maxWaitMs });
  // A reset while a cold run is in flight: its success says nothing about the new database's cache.
  let generation = 0;
  return {
    async run(name, work) {
      if (warm.has(name)) return work();
      const started = generation;
      // Once its turn comes, a run of a query that warmed up meanwhile is quick: it keeps the turn, briefly.
      const result = await cold.run(work);
      if (started === generation) warm.add(name);
      return result;
    },
    reset() {
      warm.clear();
      generation++;
    },
    get warm() {
      return warm;
    },
  };
}
