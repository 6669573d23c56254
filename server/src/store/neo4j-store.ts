// The one place that talks to Neo4j: one driver per process, named queries, errors mapped to AppErrors.
import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import { AppError, DatabaseUnavailableError } from '../errors.js';
import { loadQueries, LOOKUP_QUERIES, type QueryName } from './queries.js';
import { createConnectivity, type Connectivity } from './connectivity.js';
import { createAdmission, type AdmissionLoad, type AdmissionOptions } from './admission.js';
import { createColdStart } from './cold-start.js';

export interface StoreOptions {
  uri: string;
  username?: string;
  password?: string;
  database?: string;
  /** Per-transaction timeout for API queries (batch loads use the server's limit). */
  queryTimeoutMs?: number;
  /**
   * Read queries in Neo4j at once and the longest wait for a turn (default: unbounded, as scripts want). Key
   * lookups (LOOKUP_QUERIES) and the other reads each have a lane of this size, so at most twice `maxConcurrent`
   * reads run at once, and no more than `maxConcurrent` of them traversals.
   */
  admission?: AdmissionOptions;
}

export type Params = Record<string, unknown>;

/** Neo4j error codes that mean "the database is not there right now": retry later, 503. */
const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.AuthorizationExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** Turns driver failures into AppErrors: unreachable -> 503, timeouts -> 504 QUERY_TIMEOUT, the rest pass through. */
export function mapDriverError(err: unknown): unknown {
  const e = err as { code?: string; message?: string; retriable?: boolean };
  if (!e || typeof e !== 'object') return err;
  if (e.code && (UNAVAILABLE.has(e.code) || e.code.startsWith('Neo.TransientError')))
    return new DatabaseUnavailableError();
  if (
    e.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' ||
    e.code === 'Neo.ClientError.Transaction.TransactionTimedOut'
  ) {
    // Its own code: the database is up, this query was stopped at QUERY_TIMEOUT_MS (504, not the 503 of an outage).
    return new AppError(
      'QUERY_TIMEOUT',
      504,
      'The query took too long and was stopped (QUERY_TIMEOUT_MS); narrow it and retry.',
      undefined,
      true,
    );
  }
  if (/connect|ECONNREFUSED|socket|closed/i.test(e.message ?? '') && !e.code?.startsWith('Neo.ClientError'))
    return new DatabaseUnavailableError();
  // After a crash an index may still be coming online (search on a restarted database): not ready yet, retry later.
  if (/\bindex\b.*\b(not (yet )?online|populating)/i.test(e.message ?? ''))
    return new DatabaseUnavailableError();
  return err;
}

export interface GraphStore {
  /** Runs a named query in a READ transaction (routed to readers in a cluster). */
  read<R extends RecordShape = RecordShape>(name: QueryName, params?: Params): Promise<QueryResult<R>>;
  /** Runs a named query in a WRITE transaction. */
  write<R extends RecordShape = RecordShape>(name: QueryName, params?: Params): Promise<QueryResult<R>>;
  /** Runs several named queries in one WRITE transaction (all apply, or none), under the server's own time limit. */
  writeAll(steps: { name: QueryName; params?: Params }[]): Promise<void>;
  close(): Promise<void>;
  readonly driver: Driver;
  /** Fails work fast while Neo4j is known down; wrap any direct use of `driver` in `connectivity.guard`. */
  readonly connectivity: Connectivity;
  readonly database: string | undefined;
  /** Reads running and waiting in each admission lane now; null when admission is off (scripts). */
  readonly admissionLoad: { lookup: AdmissionLoad; traversal: AdmissionLoad } | null;
}

/** Creates the process's driver and verifies the connection. */
export async function createGraphStore(opts: StoreOptions): Promise<GraphStore> {
  const queries = loadQueries();
  // With auth disabled (the embedded default) the server accepts any basic credentials.
  const auth = neo4j.auth.basic(opts.username ?? 'neo4j', opts.password ?? '');
  const driver = neo4j.driver(opts.uri, auth, {
    // Fail fast when the database is gone, so the API answers 503 quickly instead of hanging.
    connectionAcquisitionTimeout: 5000,
    connectionTimeout: 3000,
    maxTransactionRetryTime: 2000,
    disableLosslessIntegers: false,
  });
  const database = opts.database;
  const connectivity = createConnectivity(() => driver.getServerInfo({ database }));
  const timeout = opts.queryTimeoutMs ?? 5000;
  // Traversals' first runs after a (re)connect go one at a time (cold-start.ts); lookups are cheap to plan and go at
  // once, so health and node details answer first. A cold run waits for its turn before it takes a lane slot.
  const lanes = opts.admission
    ? {
        lookup: createAdmission(opts.admission),
        traversal: createAdmission(opts.admission),
        coldStart: createColdStart(opts.admission),
      }
    : null;
  if (lanes) connectivity.onReconnect(() => lanes.coldStart.reset());
  const admitted = <T>(name: QueryName, work: () => Promise<T>): Promise<T> => {
    if (!lanes) return work();
    if (LOOKUP_QUERIES.has(name)) return lanes.lookup.run(work);
    return lanes.coldStart.run(name, () => lanes.traversal.run(work));
  };

  /**
   * Runs `steps` in one transaction of `mode` (all apply, or none) and returns the last step's result.
   * `timeoutMs` null leaves the server's own transaction limit in force (batch loads). It is null and not
   * undefined on purpose: an undefined argument would silently take the default.
   */
  const inTransaction = <R extends RecordShape>(
    mode: 'READ' | 'WRITE',
    steps: { name: QueryName; params?: Params }[],
    timeoutMs: number | null,
  ): Promise<QueryResult<R>> =>
    connectivity.guard(async (abandoned) => {
      const session = driver.session({
        database,
        defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      });
      const work = async (tx: {
        run: (q: string, p: Params) => PromiseLike<QueryResult<R>>;
      }): Promise<QueryResult<R>> => {
        let last: QueryResult<R> | undefined;
        try {
          for (const step of steps) {
            // A retry attempt after the request was answered 503 must not write.
            if (abandoned()) throw new DatabaseUnavailableError();
            last = await tx.run(queries[step.name], step.params ?? {});
          }
        } catch (err) {
          connectivity.noteError(err);
          throw err;
        }
        if (abandoned()) throw new DatabaseUnavailableError();
        return last!;
      };
      try {
        const config = timeoutMs === null ? {} : { timeout: timeoutMs };
        return mode === 'READ'
          ? await session.executeRead(work as never, config)
          : await session.executeWrite(work as never, config);
      } catch (err) {
        connectivity.noteError(err);
        throw err instanceof AppError ? err : mapDriverError(err);
      } finally {
        await session.close();
      }
    });

  const store: GraphStore = {
    driver,
    database,
    connectivity,
    get admissionLoad() {
      return lanes ? { lookup: lanes.lookup.load, traversal: lanes.traversal.load } : null;
    },
    // Reads wait for a slot in their lane (their time limit starts once admitted); writes are a trickle and keep
    // their own locks.
    read: (name, params) => admitted(name, () => inTransaction('READ', [{ name, params }], timeout)),
    write: (name, params) => inTransaction('WRITE', [{ name, params }], timeout),
    async writeAll(steps) {
      await inTransaction('WRITE', steps, null);
    },
    close: () => {
      connectivity.close();
      return driver.close();
    },
  };
  try {
    await driver.verifyConnectivity({ database });
  } catch (err) {
    await driver.close();
    throw mapDriverError(err);
  }
  return store;
}
