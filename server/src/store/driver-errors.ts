// What a driver failure means to the client: the one place where Neo4j error codes become AppErrors.
import { AppError, ConflictError, DatabaseUnavailableError } from '../errors.js';

/**
 * Whose query failed, which decides how a timeout or a Cypher error is told: `api` for the server's own named
 * queries (a timeout is a retriable 504: the query was fine, the moment was not), `console` for the user's own
 * Cypher in the console and query exports (a timeout is a 400 naming `query`: narrow it; a Cypher error is theirs).
 */
export type ErrorStyle = 'api' | 'console';

/** 400 WRITE_REFUSED: the console's plan shows a write, an administrative step or a file read. */
export class WriteRefusedError extends AppError {
  constructor(what: string) {
    super(
      'WRITE_REFUSED',
      400,
      `The console is read-only: ${what} is refused, and nothing was changed.`,
      'query',
    );
    this.name = 'WriteRefusedError';
  }
}

/** Neo4j error codes that mean "the database is not there right now": retry later, 503. */
const UNAVAILABLE = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.ClientError.Security.AuthorizationExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

const TIMED_OUT = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.ClientError.Transaction.TransactionTimedOut',
]);

const codeOf = (err: unknown): string => (err as { code?: string } | null)?.code ?? '';

/** A unique constraint refused the write: another write took the same key first. */
export function isUniqueConstraintError(err: unknown): boolean {
  return codeOf(err) === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

/** The user's own Cypher failed: Neo4j's explanation, first line only (no plan dumps or stack traces). */
function consoleError(err: unknown): unknown {
  const code = codeOf(err);
  if (TIMED_OUT.has(code)) {
    return new AppError(
      'QUERY_TIMEOUT',
      400,
      "The query ran past the console's time limit and was stopped; add a LIMIT or narrow the MATCH.",
      'query',
    );
  }
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.startsWith('Neo.ClientError.Security.'))
    return new WriteRefusedError('a write');
  if (
    code.startsWith('Neo.ClientError.Statement.') ||
    code.startsWith('Neo.ClientError.Procedure.') ||
    code.startsWith('Neo.ClientError.Schema.')
  ) {
    const first = ((err as { message?: string }).message ?? 'The query failed.')
      .split('\n')[0]!
      .slice(0, 500);
    const field = code.includes('Parameter') ? 'params' : 'query';
    return new AppError('CYPHER_ERROR', 400, `Cypher: ${first}`, field);
  }
  return mapDriverError(err);
}

/**
 * Turns driver failures into AppErrors: unreachable -> 503, timeouts -> 504 QUERY_TIMEOUT (console: 400), the
 * console's Cypher errors -> 400; the rest (e.g. a constraint hit, which callers name) pass through unchanged.
 */
export function mapDriverError(err: unknown, style: ErrorStyle = 'api'): unknown {
  if (!err || typeof err !== 'object' || err instanceof AppError) return err;
  if (style === 'console') return consoleError(err);
  const e = err as { code?: string; message?: string };
  if (e.code && (UNAVAILABLE.has(e.code) || e.code.startsWith('Neo.TransientError')))
    return new DatabaseUnavailableError();
  if (e.code && TIMED_OUT.has(e.code)) {
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

/** A curation write's unique-constraint hit is a conflict with a concurrent write, not a server error. */
export function mapWriteConflict(err: unknown): unknown {
  return isUniqueConstraintError(err)
    ? new ConflictError('Another change took the same id at the same moment; retry.', 'id')
    : err;
}
