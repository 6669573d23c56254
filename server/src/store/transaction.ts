// One way to run a transaction: an admission lane, the connectivity gate, a session, a time limit, mapped errors.
import neo4j, { type Driver, type QueryResult, type RecordShape, type Result } from 'neo4j-driver';
import { AppError, DatabaseUnavailableError } from '../errors.js';
import { createAdmission, type Admission, type AdmissionLoad, type AdmissionOptions } from './admission.js';
import { createColdStart, type ColdStart } from './cold-start.js';
import type { Connectivity } from './connectivity.js';
import { mapDriverError, type ErrorStyle } from './driver-errors.js';
import type { QueryName } from './queries.js';

export type Params = Record<string, unknown>;

/** READ transactions are routed to readers in a cluster and refused any write by the server; WRITE ones may write. */
export type TxMode = 'read' | 'write';

/**
 * Admission lanes, each with DB_MAX_CONCURRENT_QUERIES slots and its own queue:
 * - `lookup`: reads of one node by a unique, indexed key (LOOKUP_QUERIES): bounded work, so health, node details and
 *   the session lookup of a signed-in request never wait behind traversals;
 * - `traversal`: every other read, the console's and query exports' included: a user's own Cypher is unbounded work,
 *   just what this lane exists to bound (in the lookup lane it would delay the clicks the lane protects);
 * - `write`: every write. Its own lane, not the traversal one: a curator's save must not queue behind a burst of
 *   reads, and writes are a trickle of short transactions. Bounded all the same, so a flood of writes (a script, a
 *   crowd of logins) cannot crowd the database; a slot is held while its transaction waits for a node's lock, which
 *   only another running write can hold, so the lane cannot deadlock on itself.
 */
export type Lane = 'lookup' | 'traversal' | 'write';
/** The lanes a transaction of mode `M` may take: reads one of the two read lanes, writes the write lane. */
export type LaneOf<M extends TxMode> = M extends 'read' ? 'lookup' | 'traversal' : 'write';

export interface TxOptions<M extends TxMode = TxMode> {
  /**
   * Time limit in ms, counted from admission (waiting for a slot costs latency, not the limit). Default: the
   * store's QUERY_TIMEOUT_MS. null leaves the server's own limit in force (batch loads); it is null and not
   * undefined on purpose, since an undefined value silently takes the default.
   */
  timeout?: number | null;
  /** Default: `traversal` for reads, `write` for writes. */
  lane?: LaneOf<M>;
  /**
   * The cold-start rule's key (cold-start.ts): in the traversal lane, the first run of each key since the database
   * (re)started runs alone. Named reads pass their query name. The console's and query exports' Cypher passes
   * none: it is the user's own text, so nearly every run would be a first run and the console would run one query
   * at a time; it takes a traversal slot like any read and has its own time limit instead.
   */
  coldStart?: string;
  /** How driver errors are told (driver-errors.ts). Default `api`. */
  errors?: ErrorStyle;
  /**
   * Roll back at the end even when `work` succeeds, and return its value: a read that must leave nothing whatever
   * slipped past its checks, and whose result stream may have been cut short (the console's row cap).
   */
  rollback?: boolean;
  /**
   * Reads only: `work` usually needs one statement (a named read; a node that is not a hub). The first is sent as
   * an auto-commit query: RUN and PULL go out in one write and the answer ends it, where a managed transaction adds
   * BEGIN and COMMIT (two more socket writes and a round trip; under load a third of the API's CPU in a profile of
   * 1-hop, search and paths). If `work` asks for a second statement, or the first meets a retryable failure (a
   * stale connection after a restart), it is run again from the start as a managed transaction, with the driver's
   * retries, so what it reads together is still read in one transaction. `work` must then leave `tx`'s calls
   * uncaught (a second call throws to restart it).
   */
  firstAlone?: boolean;
}

/** What `work` runs its queries through; every call is part of the one transaction. */
export interface Tx {
  /** Runs a named query (cypher/<name>.cypher) and buffers its records. */
  run<R extends RecordShape = RecordShape>(name: QueryName, params?: Params): Promise<QueryResult<R>>;
  /**
   * Runs Cypher that is not a named query, as a stream of records: the console's (the user's own text), and named
   * templates with a model label or type spliced in (spliced.ts).
   */
  runText(cypher: string, params?: Params): Result;
}

/**
 * Runs `work` in one transaction of `mode` (everything it writes commits together, or nothing does) once its lane
 * admits it: 503 BUSY after DB_QUEUE_TIMEOUT_MS of waiting, 503 DATABASE_UNAVAILABLE while Neo4j is known down,
 * driver errors mapped by `errors`. The driver retries transient failures (deadlocks) for up to 2 s, so `work` may
 * run more than once: it must not have effects outside `tx`. `work` must not start another transaction: it would
 * hold one slot while waiting for a second.
 */
export type RunTransaction = <T, M extends TxMode>(
  mode: M,
  work: (tx: Tx) => Promise<T>,
  opts?: TxOptions<M>,
) => Promise<T>;

export interface TransactionRunner {
  transaction: RunTransaction;
  /** Running and waiting transactions in each lane; null when admission is off (scripts). */
  load(lane: Lane): AdmissionLoad | null;
}

/**
 * Calls `start` (a driver call that creates a Result) with V8's stack capture off. The driver captures and formats
 * a stack trace for every query it starts (neo4j-driver-core result.js `captureStacktrace`), only to graft it onto
 * an error that may come later; that trace is the synchronous part of the caller (our store functions, which the
 * mapped error names anyway), and building it was a fixed cost of every query (about 2.5% of the server's CPU in a
 * profile of small reads). A driver error then carries its name and message without the caller's frames.
 */
function withoutStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** Thrown by a `firstAlone` read's second statement: the work is run again in a managed transaction. */
class NeedsTransaction extends Error {}

/** Carries the value of a `rollback` transaction out through the driver's rollback (it is not retried). */
class RollBack {
  constructor(readonly value: unknown) {}
}

export function createTransactionRunner(deps: {
  driver: Driver;
  database: string | undefined;
  connectivity: Connectivity;
  queries: Record<QueryName, string>;
  defaultTimeoutMs: number;
  /** Off (undefined) for scripts, which want no queue. */
  admission?: AdmissionOptions;
}): TransactionRunner {
  const { driver, database, connectivity, queries } = deps;
  const lanes: { admission: Record<Lane, Admission>; coldStart: ColdStart } | null = deps.admission
    ? {
        admission: {
          lookup: createAdmission(deps.admission),
          traversal: createAdmission(deps.admission),
          write: createAdmission(deps.admission),
        },
        coldStart: createColdStart(deps.admission),
      }
    : null;
  // The database came back: its plan cache is empty, every traversal's next run is a first run again.
  if (lanes) connectivity.onReconnect(() => lanes.coldStart.reset());

  /** The driver's transaction config for `opts`' time limit (the store's default when unset, none when null). */
  const txConfig = (opts: TxOptions): { timeout?: number } => {
    const timeout = opts.timeout === undefined ? deps.defaultTimeoutMs : opts.timeout;
    return timeout === null ? {} : { timeout };
  };

  /** Session, retries, time limit and error mapping of one transaction, inside the connectivity gate. */
  const execute = <T>(mode: TxMode, work: (tx: Tx) => Promise<T>, opts: TxOptions): Promise<T> =>
    connectivity.guard(async (abandoned) => {
      // A retry attempt after the request was answered 503 must not write (nor commit what it wrote).
      const live = (): void => {
        if (abandoned()) throw new DatabaseUnavailableError();
      };
      const session = driver.session({
        database,
        defaultAccessMode: mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE,
      });
      const attempt = async (tx: { run: (q: string, p: Params) => Result }): Promise<T> => {
        const handle: Tx = {
          run: async <R extends RecordShape>(name: QueryName, params: Params = {}) => {
            live();
            return (await withoutStack(() => tx.run(queries[name], params))) as unknown as QueryResult<R>;
          },
          runText: (cypher, params = {}) => {
            live();
            return withoutStack(() => tx.run(cypher, params));
          },
        };
        let out: T;
        try {
          out = await work(handle);
        } catch (err) {
          // Seen inside the attempt: a broken connection asks for a probe while the driver is still retrying.
          connectivity.noteError(err);
          throw err;
        }
        live();
        if (opts.rollback) throw new RollBack(out);
        return out;
      };
      const config = txConfig(opts);
      try {
        return mode === 'read'
          ? await session.executeRead(attempt, config)
          : await session.executeWrite(attempt, config);
      } catch (err) {
        if (err instanceof RollBack) return err.value as T;
        connectivity.noteError(err);
        throw err instanceof AppError ? err : mapDriverError(err, opts.errors);
      } finally {
        await session.close();
      }
    });

  /** Runs `run` once its lane admits it (a cold run first waits for its turn). */
  const admit = <T>(mode: TxMode, opts: TxOptions, run: () => Promise<T>): Promise<T> => {
    if (!lanes) return run();
    const lane: Lane = opts.lane ?? (mode === 'read' ? 'traversal' : 'write');
    const admitted = () => lanes.admission[lane].run(run);
    // A cold run waits for its turn before it takes a lane slot, so it never holds a slot idle.
    return lane === 'traversal' && opts.coldStart !== undefined
      ? lanes.coldStart.run(opts.coldStart, admitted)
      : admitted();
  };
  /**
   * `work`'s first statement as an auto-commit query; null when it asked for a second one (or hit a retryable
   * failure), for the caller to run it again as a managed transaction.
   */
  const firstAlone = <T>(work: (tx: Tx) => Promise<T>, opts: TxOptions): Promise<{ out: T } | null> =>
    connectivity.guard(async (abandoned) => {
      if (abandoned()) throw new DatabaseUnavailableError();
      const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
      const config = txConfig(opts);
      let ran = false;
      const once = (cypher: string, params: Params): Result => {
        if (ran) throw new NeedsTransaction();
        ran = true;
        return withoutStack(() => session.run(cypher, params, config));
      };
      const handle: Tx = {
        run: async <R extends RecordShape>(name: QueryName, params: Params = {}) =>
          (await once(queries[name], params)) as unknown as QueryResult<R>,
        runText: (cypher, params = {}) => once(cypher, params),
      };
      try {
        return { out: await work(handle) };
      } catch (err) {
        if (err instanceof NeedsTransaction) return null;
        connectivity.noteError(err);
        if (neo4j.isRetryableError(err) && !abandoned()) return null;
        throw err instanceof AppError ? err : mapDriverError(err, opts.errors);
      } finally {
        await session.close();
      }
    });

  const transaction: RunTransaction = (mode, work, opts = {}) =>
    admit(mode, opts, async () => {
      if (mode === 'read' && opts.firstAlone) {
        const alone = await firstAlone(work, opts);
        if (alone) return alone.out;
      }
      return execute(mode, work, opts);
    });

  return { transaction, load: (lane) => (lanes ? lanes.admission[lane].load : null) };
}
