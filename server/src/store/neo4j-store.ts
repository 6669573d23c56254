// The one place that talks to Neo4j: one driver per process, and every query run through one transaction function.
import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import { LOOKUP_QUERIES, loadQueries, type QueryName } from './queries.js';
import { createConnectivity, type Connectivity } from './connectivity.js';
import type { AdmissionLoad, AdmissionOptions } from './admission.js';
import { mapDriverError } from './driver-errors.js';
import { createTransactionRunner, type Params, type RunTransaction } from './transaction.js';

export { mapDriverError } from './driver-errors.js';
export type { Lane, Params, Tx, TxMode, TxOptions } from './transaction.js';

export interface StoreOptions {
  uri: string;
  username?: string;
  password?: string;
  database?: string;
  /** Per-transaction timeout for API queries (batch loads use the server's limit). */
  queryTimeoutMs?: number;
  /**
   * Transactions in Neo4j at once per lane and the longest wait for a turn (default: no admission, as scripts
   * want). Key lookups (LOOKUP_QUERIES), the other reads and the writes each have a lane of this size
   * (transaction.ts), so at most `maxConcurrent` traversals run at once.
   */
  admission?: AdmissionOptions;
}

export interface GraphStore {
  /**
   * Runs `work` in one transaction under admission control: the way every query of the server reaches Neo4j
   * (transaction.ts says how lanes, time limits and errors work).
   */
  readonly transaction: RunTransaction;
  /** Runs a named query in a READ transaction, in the lookup lane (LOOKUP_QUERIES) or the traversal lane. */
  read<R extends RecordShape = RecordShape>(name: QueryName, params?: Params): Promise<QueryResult<R>>;
  /** Runs a named query in a WRITE transaction. */
  write<R extends RecordShape = RecordShape>(name: QueryName, params?: Params): Promise<QueryResult<R>>;
  /** Runs several named queries in one WRITE transaction (all apply, or none), under the server's own time limit. */
  writeAll(steps: { name: QueryName; params?: Params }[]): Promise<void>;
  close(): Promise<void>;
  /** The driver itself, for scripts, benchmarks and tests; server code goes through `transaction`. */
  readonly driver: Driver;
  /** Fails work fast while Neo4j is known down (`transaction` runs inside it). */
  readonly connectivity: Connectivity;
  readonly database: string | undefined;
  /** Reads running and waiting in each read lane now; null when admission is off (scripts). */
  readonly admissionLoad: { lookup: AdmissionLoad; traversal: AdmissionLoad } | null;
  /** Writes running and waiting in the write lane now; null when admission is off. */
  readonly writeLoad: AdmissionLoad | null;
  /**
   * Calls `listener` after each WRITE transaction of this store commits, so caches of what the graph holds (schema
   * counts, hub pages) drop it at once; writes by other processes reach them only through their time limit.
   * Returns the function that removes the listener.
   */
  onWrite(listener: () => void): () => void;
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
  const runner = createTransactionRunner({
    driver,
    database,
    connectivity,
    queries,
    defaultTimeoutMs: opts.queryTimeoutMs ?? 5000,
    admission: opts.admission,
  });
  const writeListeners = new Set<() => void>();
  const transaction: RunTransaction = async (mode, work, opts) => {
    const out = await runner.transaction(mode, work, opts);
    if (mode === 'write') for (const listener of writeListeners) listener();
    return out;
  };

  const store: GraphStore = {
    transaction,
    driver,
    database,
    connectivity,
    get admissionLoad() {
      const lookup = runner.load('lookup');
      const traversal = runner.load('traversal');
      return lookup && traversal ? { lookup, traversal } : null;
    },
    get writeLoad() {
      return runner.load('write');
    },
    read: <R extends RecordShape>(name: QueryName, params: Params = {}) =>
      runner.transaction('read', (tx) => tx.run<R>(name, params), {
        lane: LOOKUP_QUERIES.has(name) ? 'lookup' : 'traversal',
        coldStart: name,
        firstAlone: true,
      }),
    write: <R extends RecordShape>(name: QueryName, params?: Params) =>
      transaction('write', (tx) => tx.run<R>(name, params)),
    writeAll: (steps) =>
      transaction(
        'write',
        async (tx) => {
          for (const step of steps) await tx.run(step.name, step.params);
        },
        { timeout: null },
      ),
    onWrite: (listener) => {
      writeListeners.add(listener);
      return () => writeListeners.delete(listener);
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
