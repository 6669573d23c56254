// The one place that talks to Neo4j: one driver per process, named queries, errors mapped to AppErrors.
import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';
import { AppError, DatabaseUnavailableError } from '../errors.js';
import { loadQueries, type QueryName } from './queries.js';

export interface StoreOptions {
  uri: string;
  username?: string;
  password?: string;
  database?: string;
  /** Per-transaction timeout for reads. */
  queryTimeoutMs?: number;
}

export type Params = Record<string, unknown>;

/** Neo4j error codes that mean "the database is not there right now": retry later, 503. */
const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.ClientError.Security.AuthorizationExpired', 'Neo.TransientError.General.DatabaseUnavailable']);

/** Turns driver failures into AppErrors: unreachable -> 503, timeouts -> 503, the rest pass through. */
export function mapDriverError(err: unknown): unknown {
  const e = err as { code?: string; message?: string; retriable?: boolean };
  if (!e || typeof e !== 'object') return err;
  if (e.code && (UNAVAILABLE.has(e.code) || e.code.startsWith('Neo.TransientError'))) return new DatabaseUnavailableError();
  if (e.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration' || e.code === 'Neo.ClientError.Transaction.TransactionTimedOut') {
    return new AppError('DATABASE_UNAVAILABLE', 503, 'The query took too long and was stopped; narrow it and retry.', undefined, true);
  }
  if (/connect|ECONNREFUSED|socket|closed/i.test(e.message ?? '') && !e.code?.startsWith('Neo.ClientError')) return new DatabaseUnavailableError();
  return err;
}

export interface GraphStore {
  /** Runs a named query in a READ transaction (routed to readers in a cluster). */
  read<R extends RecordShape = RecordShape>(name: QueryName, params?: Params): Promise<QueryResult<R>>;
  /** Runs a named query in a WRITE transaction. */
  write<R extends RecordShape = RecordShape>(name: QueryName, params?: Params): Promise<QueryResult<R>>;
  /** Runs several named queries in one WRITE transaction: all apply, or none. */
  writeAll(steps: { name: QueryName; params?: Params }[]): Promise<void>;
  /** True when the server answers now. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  readonly driver: Driver;
  readonly database: string | undefined;
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
  const timeout = opts.queryTimeoutMs ?? 5000;

  const run = async <R extends RecordShape>(mode: 'READ' | 'WRITE', name: QueryName, params: Params = {}): Promise<QueryResult<R>> => {
    const session = driver.session({ database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      const work = (tx: { run: (q: string, p: Params) => Promise<QueryResult<R>> | PromiseLike<QueryResult<R>> }) => tx.run(queries[name], params);
      const config = { timeout };
      return mode === 'READ' ? await session.executeRead(work as never, config) : await session.executeWrite(work as never, config);
    } catch (err) {
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
  };

  const store: GraphStore = {
    driver,
    database,
    read: (name, params) => run('READ', name, params),
    write: (name, params) => run('WRITE', name, params),
    async writeAll(steps) {
      const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
      try {
        await session.executeWrite(async (tx) => {
          for (const s of steps) await tx.run(queries[s.name], s.params ?? {});
        });
      } catch (err) {
        throw mapDriverError(err);
      } finally {
        await session.close();
      }
    },
    async ping() {
      try { await run('READ', 'ping'); return true; } catch { return false; }
    },
    close: () => driver.close(),
  };
  try {
    await driver.verifyConnectivity({ database });
  } catch (err) {
    await driver.close();
    throw mapDriverError(err);
  }
  return store;
}
