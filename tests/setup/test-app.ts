// Starts createApp on port 0 against the test run's Neo4j; tests talk to it over real HTTP.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { pino } from 'pino';
import { createApp } from '../../server/src/app.js';
import { createGraphStore, type GraphStore } from '../../server/src/store/neo4j-store.js';
import type { ConsoleLimits } from '../../server/src/store/console-query.js';

export interface TestApp {
  baseUrl: string;
  store: GraphStore;
  /** GET a path and parse the JSON body. */
  get(path: string): Promise<{ status: number; body: any }>;
  /** Sends `body` as JSON (a string is sent as is) with `method` and parses the answer. */
  send(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** A store connected to the test run's database. */
export function testStore(): Promise<GraphStore> {
  return createGraphStore({ uri: inject('neo4jUri'), username: inject('neo4jUser'), password: inject('neo4jPassword'), database: inject('neo4jDatabase') || undefined });
}

async function answer(r: Response): Promise<{ status: number; body: any; headers: Headers }> {
  const text = await r.text();
  let body: unknown = text;
  try { body = text === '' ? null : JSON.parse(text); } catch { /* keep the text: a non-JSON answer is itself a finding */ }
  return { status: r.status, body, headers: r.headers };
}

export async function startTestApp(opts: { store?: GraphStore; clientDir?: string; console?: ConsoleLimits } = {}): Promise<TestApp> {
  const store = opts.store ?? (await testStore());
  const app = createApp({ store, logger: pino({ level: 'silent' }), clientDir: opts.clientDir, console: opts.console });
  const server = await new Promise<Server>((res) => { const s = app.listen(0, '127.0.0.1', () => res(s)); });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    store,
    async get(path) {
      const { status, body } = await answer(await fetch(baseUrl + path));
      return { status, body };
    },
    async send(method, path, body) {
      const init: RequestInit = { method };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        init.headers = { 'content-type': 'application/json' };
      }
      return answer(await fetch(baseUrl + path, init));
    },
    async close() {
      await new Promise<void>((res) => server.close(() => res()));
      if (!opts.store) await store.close();
    },
  };
}
