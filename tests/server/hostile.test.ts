// The hostile-input corpus (reliability/hostile*.ts): injection, console abuse and path traversal refused or neutralised, graph unchanged.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hostileCases, runHostile } from '../../reliability/hostile.js';
import { runHostileRenders } from '../../reliability/hostile-renders.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { useReliabilityApp } from '../setup/reliability-app.js';

/** The built client, so traversal attempts meet the static file server and its app-shell fallback (`npm test` builds it first). */
const CLIENT_DIR = fileURLToPath(new URL('../../dist/client', import.meta.url));

const r = useReliabilityApp({ clientDir: existsSync(`${CLIENT_DIR}/index.html`) ? CLIENT_DIR : undefined });

describe('the hostile-input corpus', () => {
  it('refuses or neutralises every case, without a 5xx or a leaked file, and leaves the graph as it was', async () => {
    const before = await graphFingerprint(r.app.store);
    expect(before.nodes).toBeGreaterThan(100);
    const result = await runHostile({ baseUrl: r.app.baseUrl, headers: r.headers });
    expect(result.failures).toEqual([]);
    expect(result.serverErrors).toBe(0);
    expect(result.cases).toBe(hostileCases().length);
    expect(result.refused + result.neutralised).toBe(result.cases);
    // Most of the corpus names things that must be refused outright.
    expect(result.refused).toBeGreaterThan(result.cases / 2);
    expect(await graphFingerprint(r.app.store)).toEqual(before);
  }, 120_000);

  it('keeps a curator-written name full of script and Cypher exact in the API and inert in every export', async () => {
    const result = await runHostileRenders({ baseUrl: r.app.baseUrl, headers: r.headers });
    expect(result.failures).toEqual([]);
    expect(result.cases).toBe(8);
    expect(result.neutralised).toBe(result.cases);
    expect(result.serverErrors).toBe(0);
  }, 60_000);
});
