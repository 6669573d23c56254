// Curation test fixtures: logged-in users of each role, unique fixture nodes, a fingerprint of the business graph, and cleanup.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { GraphNode, Role, SourceResponse, WriteResponse } from '../../contract/index.js';
import { loginAs, type LoggedIn } from './auth.js';
import type { TestApp } from './test-app.js';

/** The seed source every fixture quotes, and a sentence that is verbatim in it. */
export const SOURCE_ID = 'source:000-noem-five-country-ministerial';
export const enc = encodeURIComponent;
export const suffix = (): string => randomBytes(4).toString('hex');

export interface Curation {
  app: TestApp;
  as: Record<Role, LoggedIn>;
  /** A quote that is verbatim in SOURCE_ID's text. */
  quote: string;
  /** Node ids this test created (live, deleted or merged), removed at the end. */
  nodes: Set<string>;
  /** Creates a Country fixture through the API as the curator and returns it. */
  country(name?: string, extra?: Record<string, unknown>): Promise<GraphNode>;
  /** Removes every fixture node and relationship, the changes the test users made, and the users. */
  cleanup(): Promise<void>;
}

export async function startCuration(app: TestApp): Promise<Curation> {
  const as = {
    viewer: await loginAs(app, 'viewer'),
    curator: await loginAs(app, 'curator'),
    admin: await loginAs(app, 'admin'),
  };
  const source = await app.get<SourceResponse>(`/api/sources/${enc(SOURCE_ID)}`);
  expect(source.status).toBe(200);
  const text = source.body.source.text;
  const quote = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 60)!;
  const nodes = new Set<string>();
  return {
    app,
    as,
    quote,
    nodes,
    async country(name = `Testland ${suffix()}`, extra = {}) {
      const res = await app.send<WriteResponse<GraphNode>>(
        'POST',
        '/api/nodes',
        { label: 'Country', name, evidence: [{ sourceId: SOURCE_ID, quote }], ...extra },
        as.curator.headers,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const node = res.body.result!;
      nodes.add(node.id);
      return node;
    },
    async cleanup() {
      const users = Object.values(as).map((u) => u.username);
      await app.store.driver.executeQuery(
        `MATCH (n) WHERE (n:Entity OR n:Deleted) AND n.id IN $ids DETACH DELETE n`,
        { ids: [...nodes] },
        { database: app.store.database },
      );
      await app.store.driver.executeQuery(
        `MATCH (c:Change) WHERE c.by IN $users DELETE c`,
        { users },
        { database: app.store.database },
      );
      // Directly, not through dropUser: a test admin may be the only admin, which the API rightly refuses to delete.
      await app.store.driver.executeQuery(
        `MATCH (u:User) WHERE u.username IN $users OPTIONAL MATCH (s:Session {usernameKey: u.usernameKey}) DETACH DELETE s, u`,
        { users },
        { database: app.store.database },
      );
    },
  };
}
