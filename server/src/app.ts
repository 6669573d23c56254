// createApp(deps): the Express application, without listening (tests start it on port 0).
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import cookieParser from 'cookie-parser';
import { randomUUID } from 'node:crypto';
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
import { staticClient } from './static-client.js';
import { limitJsonDepth } from './json-depth.js';
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
}: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('trust proxy', trustProxy);
  app.use(securityHeaders());
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => !req.url?.startsWith('/api') },
      // Only what identifies the request: never headers (Authorization, Cookie, Set-Cookie) nor bodies.
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(cookieParser());
  // Saved scenes may list tens of thousands of nodes; every other body stays under BODY_LIMIT.
  app.use('/api/workspaces', express.json({ limit: WORKSPACE_BODY_LIMIT }));
  app.use('/api/export', express.json({ limit: EXPORT_BODY_LIMIT }));
  app.use('/api/sources', express.json({ limit: SOURCE_BODY_LIMIT }));
  app.use(express.json({ limit: BODY_LIMIT }));
  app.use(limitJsonDepth());

  const limits = apiRateLimits({ ...RATE_LIMIT_DEFAULTS, ...rateLimits });
  app.use('/api', limits.perIp);
  app.use('/api', authenticate(store));
  // Who may call what: auth/access-matrix.ts, one row per route (tests/server/access-matrix.test.ts walks them all).
  app.use('/api', accessGuard(auth));
  app.use('/api', limits.perUser);
  app.use('/api', authRoutes(store, auth));
  app.use('/api', readRoutes(store));
  app.use('/api', consoleRoutes(store, consoleLimits));
  app.use('/api', workspaceRoutes(store));
  app.use(
    '/api',
    exportRoutes(store, {
      ...EXPORT_DEFAULTS,
      ...(consoleLimits ? { queryTimeoutMs: consoleLimits.timeoutMs } : {}),
      ...exportLimits,
    }),
  );
  app.use('/api', ingestRoutes(store));
  app.use('/api', curationRoutes(store));
  app.use('/api', notFoundHandler);

  const client = clientDir ? staticClient(clientDir) : null;
  if (client) app.use(client);
  app.use(errorHandler);
  return app;
}
