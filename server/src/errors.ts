// Application errors: every error has a code from one literal union, an HTTP status and a retriable flag.
import type { ErrorCode } from '../../contract/index.js';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly retriable = false,
    /** Extra data for the client, sent inside `error` (e.g. `current` state with a 409). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** 400: the request is malformed; `field` names the parameter, the message says what was expected. */
export class ValidationError extends AppError {
  constructor(message: string, field?: string) {
    super('VALIDATION_FAILED', 400, message, field);
    this.name = 'ValidationError';
  }
}

/** 404: the thing named by the request does not exist. */
export class NotFoundError extends AppError {
  constructor(message: string, field?: string) {
    super('NOT_FOUND', 404, message, field);
    this.name = 'NotFoundError';
  }
}

/** 409: the write was based on a stale version. */
export class ConflictError extends AppError {
  constructor(message: string, field?: string, details?: Record<string, unknown>) {
    super('CONFLICT', 409, message, field, false, details);
    this.name = 'ConflictError';
  }
}

/** 503: Neo4j is unreachable or busy; the client may retry later. */
export class DatabaseUnavailableError extends AppError {
  constructor(message = 'The graph database is unavailable; retry later.') {
    super('DATABASE_UNAVAILABLE', 503, message, undefined, true);
    this.name = 'DatabaseUnavailableError';
  }
}

/** 422: valid JSON, but the graph change it asks for breaks the schema or lacks evidence; `field` names what is wrong. */
export class UnprocessableError extends AppError {
  constructor(message: string, field?: string) {
    super('UNPROCESSABLE', 422, message, field);
    this.name = 'UnprocessableError';
  }
}
