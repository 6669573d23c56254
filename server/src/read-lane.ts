// The read lane: anonymous GETs of the read endpoints answered without Express's per-request machinery.
//
// Every request through Express pays for its request and response objects (their prototypes swapped per request,
// which slows Node's own http code on them), the app and /api routers' layers and a final handler, before any of
// our middleware runs: measured, it was most of what the API added to a small read over the same service call
// behind a bare node:http server (bench/api-floor-server.ts). The lane answers the requests that need none of it —
// a GET of one of the reads in LANE_READS, from a caller without credentials, with no body and no validator — by
// doing what the middleware chain does for exactly that request, with the chain's own parts: the security headers
// (security-headers.ts), the request id and log line (request-log.ts), the per-address rate limiter (the same
// limiter instance, so one count per address whichever way a request goes), the access matrix's verdict for an
// anonymous caller (worked out once for the deployment), the contract's parsing (validate.ts), the route's work
// (read-routes.ts, with its status) and the JSON answer and error answer as Express sends them (json-reply.ts, error-middleware.ts).
// Anything else — a cookie or Authorization header, HEAD, a conditional request, a body, a path that does not
// decode, a URL Express's parser reads another way (a fragment, white space), TRUST_PROXY set (the client address
// and https then come from headers), AUTH_REQUIRED (anonymous reads refused) — goes to Express untouched.
// tests/server/read-lane.test.ts compares the two ways answer for answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Express } from 'express';
import { match } from 'path-to-regexp';
import type { ErrorResponse } from '../../contract/index.js';
import { ACCESS, grantOf, mayReach, type Deployment } from './auth/access-matrix.js';
import { errorAnswer, logError } from './error-middleware.js';
import type { Logger } from './logger.js';
import { requestLogger, startRequest } from './request-log.js';
import type { RequestLimit } from './rate-limits.js';
import { laneReads, LANE_READS, readStatus, type LaneRead } from './routes/read-routes.js';
import { jsonHeaders, type EtagFn } from './routes/json-reply.js';
import { parseRequest, queryString, type RequestParts } from './routes/validate.js';
import { applySecurityHeaders, securityHeaderSets } from './security-headers.js';
import type { GraphStore } from './store/neo4j-store.js';

export interface ReadLaneDeps {
  app: Express;
  store: GraphStore;
  logger: Logger;
  deployment: Deployment;
  /** The API's per-address limit (rate-limits.ts), the instance Express runs. */
  perIp: RequestLimit;
}

/** Answers `req` and returns true, or returns false (untouched) for Express to answer. */
export interface ReadLane {
  (req: IncomingMessage, res: ServerResponse): boolean;
  /** How many requests the lane has taken (tests check that it was the lane that answered). */
  readonly served: number;
}

/** The request as Express's limiter and validators read it (set on the lane's requests only). */
type LaneRequest = IncomingMessage & {
  app: Express;
  ip: string | undefined;
  path: string;
  originalUrl: string;
};

/**
 * A lane request's parts as `parseRequest` reads them, the query string parsed on first read of `query`. A class and
 * not an object literal with a getter: V8 keeps a literal's accessor in the object's hidden class, so each request's
 * literal made a hidden class holding its getter, and through it the request, its answer and everything they hold.
 * Hidden classes live outside the young generation, so each minor collection kept those requests alive and moved
 * them to the old one until a full collection: 0.7 MB moved and a 5 ms pause per minor collection on node reads,
 * and a full collection every few seconds, where the floor server, with no such literal, moved nearly nothing and
 * paused 1 ms (docs/benchmarks.md).
 */
class LaneParts implements RequestParts {
  #query: Record<string, unknown> | undefined;
  constructor(
    readonly params: Record<string, string>,
    private readonly rawQuery: string,
  ) {}
  get query(): Record<string, unknown> {
    return (this.#query ??= parseQuery(this.rawQuery));
  }
}

export function readLane({ app, store, logger, deployment, perIp }: ReadLaneDeps): ReadLane {
  const reads = laneReads(store);
  const { always } = securityHeaderSets();
  // The reads an anonymous caller may reach on this deployment, matched as Express's router matches them
  // (case-insensitive, a trailing slash allowed, parameters URL-decoded).
  const routes = LANE_READS.filter((key) => mayReach(grantOf(ACCESS[key], 'anonymous', deployment))).map(
    (key) => ({
      key,
      match: match<Record<string, string>>(`/api${key.slice('GET '.length)}`, {
        sensitive: false,
        end: true,
        trailing: true,
      }),
    }),
  );
  let served = 0;

  const reply = (res: ServerResponse, status: number, out: unknown): void => {
    const body = JSON.stringify(out);
    res.statusCode = status;
    res.end(jsonHeaders(res, body, app.get('etag fn') as EtagFn | undefined));
  };

  const serve = async (
    req: LaneRequest,
    res: ServerResponse,
    key: LaneRead,
    params: Record<string, string>,
    rawQuery: string,
  ): Promise<void> => {
    let log: Logger | undefined;
    let id = '';
    const reqLog = (): Logger => (log ??= requestLogger(logger, id, req.method, req.url));
    let stamped = false;
    let rateLimitHeaders: (() => void) | undefined;
    // What every answer carries whatever it says: the security headers, the request id (and its log line) and the
    // limiter's RateLimit headers, in the order Express sets them. Set while Neo4j works on the query (below), or
    // before an error answer.
    const stamp = (): void => {
      if (stamped) return;
      stamped = true;
      applySecurityHeaders(res, always);
      id = startRequest(req, res, logger, reqLog);
      rateLimitHeaders?.();
    };
    try {
      // Only what decides whether the query runs, and with what, comes before it: the limiter's count and parsing.
      const verdict = perIp.check(req as never, res as never);
      if (verdict instanceof Error) throw verdict; // its RateLimit and Retry-After headers are set
      rateLimitHeaders = verdict;
      // The query string is parsed only when its parsed query is not kept already (validate.ts).
      const input = parseRequest(key, new LaneParts(params, rawQuery), rawQuery);
      const pending = (reads[key] as (input: unknown) => Promise<unknown>)(input);
      pending.catch(() => {}); // awaited below, after the stamp: not an unhandled rejection meanwhile
      // The driver sends the query in the microtasks that follow the call; the next turn of the event loop comes
      // after them. Headers set there cost the answer nothing: the process would otherwise wait for Neo4j idle.
      await nextTurn();
      stamp();
      const out = await pending;
      reply(res, readStatus(key, out), out);
    } catch (err) {
      stamp();
      const answer = errorAnswer(err);
      logError(reqLog(), err, answer);
      if (res.headersSent) return;
      for (const [name, value] of answer.headers) res.setHeader(name, value);
      reply(res, answer.status, answer.body satisfies ErrorResponse);
    }
  };

  const lane = (req: IncomingMessage, res: ServerResponse): boolean => {
    const h = req.headers;
    const url = req.url;
    if (
      req.method !== 'GET' ||
      url === undefined ||
      !url.startsWith('/api/') ||
      h.cookie !== undefined ||
      h.authorization !== undefined ||
      h['content-length'] !== undefined ||
      h['transfer-encoding'] !== undefined ||
      h['if-none-match'] !== undefined ||
      h['if-modified-since'] !== undefined
    )
      return false;
    // A URL Express's parser reads another way (a fragment, white space) is Express's to answer.
    const rawQuery = queryString(url);
    if (rawQuery === undefined) return false;
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    for (const route of routes) {
      let m: ReturnType<typeof route.match>;
      try {
        m = route.match(path);
      } catch {
        return false; // a parameter that does not decode: Express answers its 400
      }
      if (!m) continue;
      served++;
      const laneReq = req as LaneRequest;
      laneReq.app = app;
      laneReq.ip = req.socket.remoteAddress;
      laneReq.path = path.slice('/api'.length);
      laneReq.originalUrl = url;
      serve(laneReq, res, route.key, m.params, rawQuery).catch((err: unknown) => {
        // Only a failure outside the answer's own error handling lands here: end the request rather than leave it
        // hanging or the process with an unhandled rejection.
        logger.error({ err }, 'read lane failed');
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
      return true;
    }
    return false;
  };
  Object.defineProperty(lane, 'served', { get: () => served });
  return lane as ReadLane;
}
