// Connectivity gate: fails database work fast while Neo4j is known to be down, and probes it back in the background.
import { DatabaseUnavailableError } from '../errors.js';

/**
 * Why a gate and not just shorter driver timeouts: the driver retries a transaction whose connection broke for
 * up to `maxTransactionRetryTime` (about 3 s with its backoff), and writes need that retry for transient
 * deadlocks. So the retry stays, and the gate decides "the database is gone" by itself:
 * - work that fails with a connection error, or that has not settled after SUSPECT_AFTER_MS, asks for a probe;
 * - a probe that fails with an error (refused, reset) marks the database down: every pending piece of work is
 *   answered with DatabaseUnavailableError at once (its `abandoned()` turns true, so a later retry attempt of
 *   that work gives up before writing), and new work is refused without touching the driver;
 * - while down, a probe runs every PROBE_INTERVAL_MS; the first that succeeds marks the database up again.
 * A probe that merely takes long never marks the database down, so a busy database is never mistaken for a
 * missing one (a slow probe only means the driver's own timeouts decide).
 */
export interface Connectivity {
  /** True unless a probe has found the database unreachable and none has found it back yet. */
  readonly connected: boolean;
  /** When the database was last found down (ms since epoch), or null while up. */
  readonly downSince: number | null;
  /**
   * Runs `work` unless the database is known down; rejects with DatabaseUnavailableError as soon as it is found
   * down while `work` is pending. `abandoned()` tells the work (inside a retried transaction) that its answer
   * was already given, so it must not write.
   */
  guard<T>(work: (abandoned: () => boolean) => Promise<T>): Promise<T>;
  /** Calls `listener` each time a probe finds the database back after it was found down. */
  onReconnect(listener: () => void): void;
  /** Reports a failure seen inside a transaction; a connection failure triggers a probe. */
  noteError(err: unknown): void;
  /** Stops probing (on driver close). */
  close(): void;
}

/** Pending work older than this triggers a probe: long enough that most requests never cause one. */
const SUSPECT_AFTER_MS = 250;
/** While down, how often the database is probed: recovery is seen within about this long. */
const PROBE_INTERVAL_MS = 500;
/** A probe with no answer after this long gives no verdict (neither up nor down), so a hung one cannot block the next. */
const PROBE_TIMEOUT_MS = 3000;
/** At most one probe per this long while up, however many requests are slow. */
const PROBE_MIN_GAP_MS = 200;

/** Driver errors that mean "the connection is gone", as opposed to a query or transaction failing. */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.code === 'ServiceUnavailable' || e.code === 'SessionExpired') return true;
  if (e.code?.startsWith('Neo.')) return false;
  return /ECONNREFUSED|ECONNRESET|EPIPE|connection.*(closed|refused|lost)|socket|Failed to connect/i.test(
    e.message ?? '',
  );
}

interface Pending {
  fail(err: Error): void;
}

/** A gate over `probe` (resolves when the database answers, rejects when it cannot be reached). */
export function createConnectivity(probe: () => Promise<unknown>): Connectivity {
  let downSince: number | null = null;
  let probing: Promise<void> | null = null;
  let lastProbe = 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const pending = new Set<Pending>();
  const reconnectListeners: (() => void)[] = [];

  const markDown = (): void => {
    if (downSince === null) downSince = Date.now();
    for (const p of [...pending]) p.fail(new DatabaseUnavailableError());
    if (!timer && !closed) {
      timer = setInterval(() => {
        void runProbe(true);
      }, PROBE_INTERVAL_MS);
      timer.unref();
    }
  };
  const markUp = (): void => {
    const wasDown = downSince !== null;
    downSince = null;
    if (timer) {
      clearInterval(timer);
      timer = undefined;
    }
    if (wasDown && !closed) for (const l of reconnectListeners) l();
  };
  const runProbe = (force = false): Promise<void> => {
    if (probing) return probing;
    if (!force && Date.now() - lastProbe < PROBE_MIN_GAP_MS) return Promise.resolve();
    lastProbe = Date.now();
    // A probe that hangs gives no verdict: the next one may start after PROBE_TIMEOUT_MS.
    let timeout: NodeJS.Timeout | undefined;
    const hung = new Promise<never>((_res, rej) => {
      timeout = setTimeout(() => rej(new Error('probe timed out')), PROBE_TIMEOUT_MS);
      timeout.unref();
    });
    probing = Promise.race([probe(), hung])
      .then(markUp, (err: unknown) => {
        if (isConnectionError(err)) markDown();
      })
      .finally(() => {
        clearTimeout(timeout);
        probing = null;
      });
    return probing;
  };

  return {
    get connected() {
      return downSince === null;
    },
    get downSince() {
      return downSince;
    },
    guard<T>(work: (abandoned: () => boolean) => Promise<T>): Promise<T> {
      if (downSince !== null) return Promise.reject(new DatabaseUnavailableError());
      return new Promise<T>((resolve, reject) => {
        let settled = false;
        const entry: Pending = {
          fail: (err) => {
            if (!settled) {
              settled = true;
              pending.delete(entry);
              reject(err);
            }
          },
        };
        pending.add(entry);
        const suspect = setTimeout(() => {
          void runProbe();
        }, SUSPECT_AFTER_MS);
        suspect.unref();
        work(() => settled).then(
          (v) => {
            clearTimeout(suspect);
            if (!settled) {
              settled = true;
              pending.delete(entry);
              resolve(v);
            }
          },
          (err: unknown) => {
            clearTimeout(suspect);
            if (!settled) {
              settled = true;
              pending.delete(entry);
              reject(err);
            }
          },
        );
      });
    },
    onReconnect(listener) {
      reconnectListeners.push(listener);
    },
    noteError(err) {
      if (isConnectionError(err)) void runProbe(true);
    },
    close() {
      closed = true;
      markUp();
    },
  };
}
