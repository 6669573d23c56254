// Cypher-injection strings in every parameter: never a 5xx, and the graph is left exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorResponse } from '../../contract/index.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

const PAYLOADS = [
  "x' MATCH (n) DETACH DELETE n //",
  'x"}) MATCH (n) DETACH DELETE n RETURN 1 //',
  '1 OR 1=1',
  "country:uk'}) CREATE (:Pwned {id:'p'}) WITH 1 AS x MATCH (n {id:'",
  'PARTY_TO]->() DETACH DELETE n //',
  'Country) DETACH DELETE n //',
  '`PARTY_TO`]-() MATCH (n) DELETE n//',
  '$id',
  '5; MATCH (n) DETACH DELETE n',
  'CALL dbms.killQueries([])',
  '*:* OR name:*',
  '\u0000\u202e<script>alert(1)</script>',
];

/** Every parameter of every read endpoint, as a URL template where {} is the payload. */
const TARGETS = [
  '/api/search?q={}',
  '/api/search?q=uk&labels={}',
  '/api/search?q=uk&limit={}',
  '/api/nodes/{}',
  '/api/nodes/{}/neighbours',
  '/api/nodes/country:uk/neighbours?relTypes={}',
  '/api/nodes/country:uk/neighbours?labels={}',
  '/api/nodes/country:uk/neighbours?threat={}',
  '/api/nodes/country:uk/neighbours?limit={}',
  '/api/nodes/country:uk/neighbours?skip={}',
  '/api/paths?from={}&to=country:us',
  '/api/paths?from=country:fr&to={}',
  '/api/paths?from=country:fr&to=country:us&maxHops={}',
  '/api/paths?from=country:fr&to=country:us&mode={}',
  '/api/paths?from=country:fr&to=country:us&threat={}',
  '/api/cooperation?threat={}',
  '/api/cooperation?threat=terrorism&actor={}',
];

describe('Cypher injection', () => {
  it(`leaves the graph unchanged across ${PAYLOADS.length * TARGETS.length} hostile requests, never answering 5xx`, async () => {
    const before = await graphFingerprint(app.store);
    expect(before.nodes).toBeGreaterThan(100);
    const statuses = new Map<number, number>();
    for (const target of TARGETS) {
      for (const payload of PAYLOADS) {
        const path = target.replace('{}', encodeURIComponent(payload));
        const { status, body } = await app.get<Partial<ErrorResponse>>(path);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect(status, path).toBeLessThan(500);
        if (status >= 400) expect(body.error?.code, path).toMatch(/^[A-Z_]+$/);
      }
    }
    expect(await graphFingerprint(app.store)).toEqual(before);
    // Most payloads are refused by validation or simply match nothing.
    expect([...statuses.keys()].every((s) => [200, 400, 404].includes(s))).toBe(true);
  });
});
