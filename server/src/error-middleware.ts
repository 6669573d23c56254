// The one error middleware: AppErrors become their status and code; anything else is logged once as a 500.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ErrorResponse } from '../../contract/index.js';
import { AppError } from './errors.js';
import type { Logger } from './logger.js';

/** Body-parser and other http-errors carry a status and a type; map the common ones to clear codes. */
function fromHttpError(err: {
  status?: number;
  type?: string;
  message?: string;
  limit?: number;
}): AppError | null {
  if (typeof err.status !== 'number' || err.status < 400 || err.status >= 500) return null;
  if (err.type === 'entity.too.large') {
    const limit = typeof err.limit === 'number' ? err.limit : undefined;
    return new AppError(
      'PAYLOAD_TOO_LARGE',
      413,
      `Request body too large${limit ? `: at most ${limit.toLocaleString('en')} bytes here` : ''}.`,
      'body',
      false,
      limit ? { limit } : undefined,
    );
  }
  if (err.type === 'entity.parse.failed')
    return new AppError('BAD_REQUEST', 400, 'Invalid JSON in the request body.', 'body');
  return new AppError('BAD_REQUEST', err.status, err.message ?? 'Bad request.');
}

function safeError(err: unknown): Record<string, unknown> {
  const e = (err ?? {}) as { name?: unknown; message?: unknown; stack?: unknown; code?: unknown };
  return {
    type: e.name,
    message: e.message,
    stack: e.stack,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  const body: ErrorResponse = {
    error: { code: 'NOT_FOUND', message: `No API endpoint ${req.method} ${req.path}.` },
  };
  res.status(404).json(body);
};

/**
 * What an error answers: its status, extra headers (Retry-After while the database is unavailable) and body (an
 * unknown error is a 500 that says only that it was logged).
 */
export function errorAnswer(err: unknown): {
  status: number;
  headers: readonly (readonly [string, string])[];
  body: ErrorResponse;
  known: AppError | null;
} {
  const known = err instanceof AppError ? err : fromHttpError(err as object);
  return {
    status: known?.status ?? 500,
    headers: known?.code === 'DATABASE_UNAVAILABLE' ? [['Retry-After', '5']] : [],
    known,
    body: {
      error: known
        ? {
            code: known.code,
            message: known.message,
            ...(known.field ? { field: known.field } : {}),
            ...(known.details ?? {}),
          }
        : { code: 'INTERNAL', message: 'Internal error; it has been logged.' },
    },
  };
}

/** Logs an error once: a 500 with its name, message and stack, a refusal at `info` with its code and field. */
export function logError(
  log: Logger | undefined,
  err: unknown,
  answer: ReturnType<typeof errorAnswer>,
): void {
  // Name, message and stack only: an arbitrary error's own fields could hold a request body or headers.
  if (answer.status >= 500) log?.error({ err: safeError(err) }, 'request failed');
  else log?.info({ code: answer.known?.code, field: answer.known?.field }, 'request refused');
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const answer = errorAnswer(err);
  logError(req.log, err, answer);
  if (res.headersSent) return;
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.status(answer.status).json(answer.body);
};
