// Request ids and request logging: `req.log` (a child logger naming the request) and one line per /api answer.
import type { Express, RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './logger.js';

declare global {
  namespace Express {
    interface Request {
      /** The request's id: the caller's X-Request-Id when well-formed, else a new UUID (sent back in X-Request-Id). */
      id: string;
      /** A child logger whose lines carry `req: {id, method, url}` (never headers nor bodies). */
      log: Logger;
    }
  }
}

const REQUEST_ID = /^[\w-]{1,64}$/;
const childLog = Symbol('childLog');
const startedAt = Symbol('startedAt');

type Logged = Express['request'] & { [childLog]?: Logger };

/** The request's child logger: its lines carry `req: {id, method, url}`. */
export const requestLogger = (
  logger: Logger,
  id: string,
  method: string | undefined,
  url: string | undefined,
): Logger => logger.child({ req: { id, method, url } });

/**
 * Gives the request its id (the caller's X-Request-Id when well-formed, else a new UUID), sends it back in
 * X-Request-Id, and writes the "request completed" line (`res.statusCode`, `responseTime` in ms) when the answer
 * is done, for /api requests only and only while the logger's level admits `info`, checked per request so a level
 * change applies at once. `log` builds the request's child logger (on first use only: most requests never log).
 */
export function startRequest(
  req: IncomingMessage,
  res: ServerResponse,
  logger: Logger,
  log: () => Logger,
): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', id);
  if (logger.isLevelEnabled('info') && req.url!.startsWith('/api')) {
    const r = res as typeof res & { [startedAt]: number };
    r[startedAt] = Date.now();
    let done = false;
    const complete = (): void => {
      if (done) return;
      done = true;
      const fields = { res: { statusCode: res.statusCode }, responseTime: Date.now() - r[startedAt] };
      if (res.statusCode >= 500) log().info(fields, 'request errored');
      else log().info(fields, 'request completed');
    };
    // The read lane calls this while the query runs: a caller who hung up before then gets their line now.
    if (res.closed) complete();
    else {
      res.once('finish', complete);
      res.once('close', complete);
    }
  }
  return id;
}

/**
 * What pino-http did, at a fraction of its cost per request (in a profile of small reads it was 6% of the server's
 * CPU, most of it building a child logger per request that nothing used): the child logger is built on first use
 * of `req.log` (an error, an export, an ingest), and the "request completed" line is written as `startRequest` says.
 */
export function requestLogging(app: Express, logger: Logger): RequestHandler {
  // A getter on this app's request prototype: no work at all for requests that never log.
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get(this: Logged): Logger {
      return (this[childLog] ??= requestLogger(logger, this.id, this.method, this.originalUrl));
    },
  });
  return (req, res, next) => {
    req.id = startRequest(req, res, logger, () => req.log);
    next();
  };
}
