// Starts createApp on port 0 against the test run's Neo4j; tests talk to it over real HTTP.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { pino, type Logger } from 'pino';
import { authSettings, type AuthSettings, type LoginLimits } from '../../server/src/auth/auth-settings.js';
import { createApp } from '../../server/src/app.js';
import { createGraphStore, type GraphStore, type StoreOptions } from '../../server/src/store/neo4j-store.js';
import type { ConsoleLimits } from '../../server/src/store/console-query.js';
import { answerMalformedRequests } from '../../server/src/malformed-requests.js';
import type { RateLimits } from '../../server/src/rate-limits.js';
import { checkAnswer } from './contract-check.js';

/** One pepper for the whole test run, so a user made through one test app logs in to any other. */
export const TEST_AUTH_SECRET = Buffer.from('test-run-pepper-not-a-real-secret-0123456789', 'utf8');

export interface TestApp {
  baseUrl: string;
  store: GraphStore;
  /** The app's account settings (its hasher carries TEST_AUTH_SECRET). */
  auth: AuthSettings;
  /**
   * GET a path and parse the JSON body. `T` is the wire type the test expects there (a response or
   * `ErrorResponse`): the parsed JSON is not checked against it, the test's assertions do that.
   */
  get<T = unknown>(path: string): Promise<{ status: number; body: T }>;
  /** Sends `body` as JSON (a string is sent as is) with `method` and parses the answer (`T` as for `get`). */
  send<T = unknown>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
}

/** A store connected to the test run's database, with any other store options (admission, time limit). */
export function testStore(
  opts: Omit<StoreOptions, 'uri' | 'username' | 'password' | 'database'> = {},
): Promise<GraphStore> {
  return createGraphStore({
    uri: inject('neo4jUri'),
    username: inject('neo4jUser'),
    password: inject('neo4jPassword'),
    database: inject('neo4jDatabase') || undefined,
    ...opts,
  });
}

/** The answer, parsed; a JSON answer of the API is also checked against the contract (tests/setup/contract-check.ts). */
async function answer<T>(
  r: Response,
  method: string,
  path: string,
): Promise<{ status: number; body: T; headers: Headers }> {
  const text = await r.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    /* keep the text: a non-JSON answer is itself a finding */
  }
  checkAnswer(method, path, r.status, r.headers.get('content-type'), body);
  return { status: r.status, body: body as T, headers: r.headers };
}

export interface TestAppOptions {
  store?: GraphStore;
  clientDir?: string;
  console?: ConsoleLimits;
  /** AUTH_REQUIRED for this app. */
  authRequired?: boolean;
  /** ANONYMOUS_WORKSPACES for this app (default: the opposite of authRequired, as in a deployment). */
  anonymousWorkspaces?: boolean;
  sessionTtlHours?: number;
  loginLimits?: Partial<LoginLimits>;
  /** A logger to capture what the app logs (silent by default). */
  logger?: Logger;
  /** Express `trust proxy` (TRUST_PROXY). */
  trustProxy?: boolean | number | string;
  /** Request rate limits (defaults: those of a deployment). */
  rateLimits?: Partial<RateLimits>;
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const store = opts.store ?? (await testStore());
  const auth = authSettings({
    secret: TEST_AUTH_SECRET,
    authRequired: opts.authRequired,
    anonymousWorkspaces: opts.anonymousWorkspaces,
    sessionTtlHours: opts.sessionTtlHours,
    loginLimits: opts.loginLimits,
  });
  const app = createApp({
    store,
    logger: opts.logger ?? pino({ level: 'silent' }),
    clientDir: opts.clientDir,
    console: opts.console,
    auth,
    trustProxy: opts.trustProxy,
    rateLimits: opts.rateLimits,
  });
  const server = await new Promise<Server>((res) => {
    const s = app.listen(0, '127.0.0.1', () => res(s));
  });
  answerMalformedRequests(server);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    store,
    auth,
    async get<T>(path: string) {
      const { status, body } = await answer<T>(await fetch(baseUrl + path), 'GET', path);
      return { status, body };
    },
    async send<T>(
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      path: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        init.headers = { 'content-type': 'application/json', ...headers };
      }
      return answer<T>(await fetch(baseUrl + path, init), method, path);
    },
    async close() {
      await new Promise<void>((res) => server.close(() => res()));
      if (!opts.store) await store.close();
    },
  };
}
