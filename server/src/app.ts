// createApp(deps): the Express application, without listening (tests start it on port 0).
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import cookieParser from 'cookie-parser';
import type { Logger } from './logger.js';
import type { GraphStore } from './store/neo4j-store.js';
import { readRoutes } from './routes/read-routes.js';
import { consoleRoutes } from './routes/console-routes.js';
import { workspaceRoutes } from './routes/workspace-routes.js';
import type { ConsoleLimits } from './store/console-query.js';
import { exportRoutes } from './routes/export-routes.js';
import { curationRoutes } from './routes/curation-routes.js';
import { ingestRoutes } from './routes/ingest-routes.js';
import { EXPORT_DEFAULTS, type ExportLimits } from './services/export/export-service.js';
import { errorHandler, notFoundHandler } from './error-middleware.js';
import { authSettings, type AuthSettings } from './auth/auth-settings.js';
import { authenticate } from './auth/authenticate.js';
import { accessGuard } from './auth/access-guard.js';
import { authRoutes } from './routes/auth-routes.js';
import { securityHeaders } from './security-headers.js';
import { requestLogging } from './request-log.js';
import { weakEtag } from './etag.js';
import { staticClient } from './static-client.js';
import { limitJsonDepth } from './json-depth.js';
import { readLane } from './read-lane.js';
import { apiRateLimits, RATE_LIMIT_DEFAULTS, type RateLimits } from './rate-limits.js';

export interface AppDeps {
  store: GraphStore;
  logger: Logger;
  /** Built client to serve at /, if any (dist/client). */
  clientDir?: string;
  /** Time limit and row cap of the Cypher console (defaults 5 s and 1000 rows). */
  console?: ConsoleLimits;
  /** Largest export and the time limit of an export query (defaults 50,000 nodes and 5 s). */
  export?: Partial<ExportLimits>;
  /** Accounts: the password hasher (with the server secret), session length, AUTH_REQUIRED, login limits. */
  auth?: AuthSettings;
  /** Express `trust proxy` (TRUST_PROXY): needed behind an https proxy for Secure cookies and client IPs. */
  trustProxy?: boolean | number | string;
  /** Requests per minute per client IP and per user (RATE_LIMIT_PER_MINUTE, RATE_LIMIT_USER_PER_MINUTE); 429 above. */
  rateLimits?: Partial<RateLimits>;
  /** Answer anonymous read GETs through the read lane (default true; tests compare it with the Express way). */
  readLane?: boolean;
}

/** JSON bodies above this are refused with 413; graph edits are small. */
const BODY_LIMIT = '1mb';
/** A 25,000-node scene with positions is about 2 MB of JSON. */
const WORKSPACE_BODY_LIMIT = '4mb';
/** An article of up to MAX_SOURCE_CHARS (contract/ingest.ts) as JSON: characters of up to 3 bytes, escapes. */
const SOURCE_BODY_LIMIT = '4mb';
/** 50,000 node ids of up to ~60 characters; a list past the export limit still gets its 413, not a body error. */
const EXPORT_BODY_LIMIT = '4mb';

export function createApp({
  store,
  logger,
  clientDir,
  console: consoleLimits,
  export: exportLimits,
  auth = authSettings(),
  trustProxy = false,
  rateLimits,
  readLane: readLaneOn = true,
}: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', trustProxy);
  app.set('etag', weakEtag);
  app.use(securityHeaders());
  app.use(requestLogging(app, logger));
  app.use(cookieParser());
  // Saved scenes may list tens of thousands of nodes; every other body stays under BODY_LIMIT.
  const bodies = express.Router();
  bodies.use('/api/workspaces', express.json({ limit: WORKSPACE_BODY_LIMIT }));
  bodies.use('/api/export', express.json({ limit: EXPORT_BODY_LIMIT }));
  bodies.use('/api/sources', express.json({ limit: SOURCE_BODY_LIMIT }));
  bodies.use(express.json({ limit: BODY_LIMIT }));
  bodies.use(limitJsonDepth());
  // A request without a body (every GET the page sends) skips those five layers: each parser would only find no
  // body (type-is's test, inlined) and leave `req.body` undefined, as this does.
  app.use((req, res, next) => {
    if (req.headers['transfer-encoding'] !== undefined || !isNaN(Number(req.headers['content-length'])))
      bodies(req, res, next);
    else {
      req.body = undefined;
      next();
    }
  });

  const limits = apiRateLimits({ ...RATE_LIMIT_DEFAULTS, ...rateLimits });
  // One router mounted once: each `app.use('/api', ...)` layer cut and restored the URL on every request (the
  // router was 7-10% of the CPU of small reads). Read routes first: they take nearly all the traffic.
  const api = express.Router();
  api.use(limits.perIp);
  api.use(authenticate(store));
  // Who may call what: auth/access-matrix.ts, one row per route (tests/server/access-matrix.test.ts walks them all).
  api.use(accessGuard(auth));
  api.use(limits.perUser);
  // Registered on `api` itself: a nested router was one more dispatch (and URL cut) for nearly every request.
  readRoutes(store, api);
  api.use(authRoutes(store, auth));
  api.use(consoleRoutes(store, consoleLimits));
  api.use(workspaceRoutes(store));
  api.use(
    exportRoutes(store, {
      ...EXPORT_DEFAULTS,
      ...(consoleLimits ? { queryTimeoutMs: consoleLimits.timeoutMs } : {}),
      ...exportLimits,
    }),
  );
  api.use(ingestRoutes(store));
  api.use(curationRoutes(store));
  api.use(notFoundHandler);
  app.use('/api', api);

  const client = clientDir ? staticClient(clientDir) : null;
  if (client) app.use(client);
  app.use(errorHandler);

  // Anonymous read GETs skip Express's per-request machinery (read-lane.ts); with TRUST_PROXY set, the client's
  // address and https come from headers Express interprets, so every request takes the Express way. The hook is
  // Express's own dispatch (`app(req, res)` calls `app.handle`), so `app.listen`, `createServer(app)` and tests alike
  // get the lane.
  if (readLaneOn && trustProxy === false) {
    const lane = readLane({ app, store, logger, deployment: auth, perIp: limits.perIp });
    const dispatch = app as unknown as {
      handle: (req: IncomingMessage, res: ServerResponse, next?: unknown) => void;
    };
    const handle = dispatch.handle.bind(app);
    dispatch.handle = (req, res, next) => {
      if (next !== undefined || !lane(req, res)) handle(req, res, next);
    };
    app.set('read lane', lane);
  }
  return app;
}
