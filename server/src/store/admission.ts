// Admission to the database: at most N read queries in Neo4j at once; the others wait their turn here.
// Under a burst (32 clients on 2 cores) every query in Neo4j shares the CPU, so each one's wall time grows with the
// crowd and the slower ones pass QUERY_TIMEOUT_MS: the 10-minute soak saw 115 such 504s. A query's time limit starts
// when it is admitted, so waiting here costs latency, not a failure. A wait longer than `maxWaitMs` is a 503 BUSY.
import { AppError } from '../errors.js';

export interface AdmissionOptions {
  /** Queries allowed in the database at once. */
  maxConcurrent: number;
  /** How long a query may wait for its turn before it is refused (503 BUSY). */
  maxWaitMs: number;
}

/** Queries in the database and queued for it. */
export interface AdmissionLoad {
  running: number;
  waiting: number;
}

export interface Admission {
  /** Runs `work` once a slot is free (first come, first served). */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Queries running and waiting now (for health and tests). */
  readonly load: AdmissionLoad;
}

/** 503 BUSY: the query waited too long for a slot; the message says how long. */
export class BusyError extends AppError {
  constructor(waitedMs: number) {
    super(
      'BUSY',
      503,
      `The server is busy: the query waited ${Math.round(waitedMs / 1000)} s for its turn and was not run; retry shortly.`,
      undefined,
      true,
    );
    this.name = 'BusyError';
  }
}

export function createAdmission(opts: AdmissionOptions): Admission {
  let running = 0;
  const waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];

  const release = (): void => {
    running--;
    const next = waiting.shift();
    if (next) {
      clearTimeout(next.timer);
      running++;
      next.start();
    }
  };

  const slot = (): Promise<void> => {
    if (running < opts.maxConcurrent) {
      running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const entry = {
        start: resolve,
        timer: setTimeout(() => {
          const i = waiting.indexOf(entry);
          if (i >= 0) waiting.splice(i, 1);
          reject(new BusyError(opts.maxWaitMs));
        }, opts.maxWaitMs),
      };
      waiting.push(entry);
    });
  };

  return {
    async run(work) {
      await slot();
      try {
        return await work();
      } finally {
        release();
      }
    },
    get load() {
      return { running, waiting: waiting.length };
    },
  };
}
