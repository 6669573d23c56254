// Seed fidelity: quotes are verbatim, loading is idempotent, bad records are refused with nothing written.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeed, readSources, SEED_DIR } from '../../seed/read-seed.js';
import { SeedValidationError } from '../../seed/compile.js';
import { seedDatabase } from '../../server/src/store/seed-load.js';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import { parseEvidence } from '../../server/src/store/mapping.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { testStore } from '../setup/test-app.js';

let store: GraphStore;
beforeAll(async () => {
  store = await testStore();
});
afterAll(async () => {
  await store.close();
});

/** A seed data file as raw JSON, before validation: what the refusal tests break on purpose. */
type RawSeedFile = { nodes: Record<string, unknown>[]; relationships: Record<string, unknown>[] };

/** A copy of the seed folder whose `file` gets `mutate` applied, for refusal tests. */
function seedCopyWith(file: string, mutate: (data: RawSeedFile) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'secgraph-seed-'));
  cpSync(SEED_DIR, dir, { recursive: true });
  const path = join(dir, 'data', file);
  const data = JSON.parse(readFileSync(path, 'utf8')) as RawSeedFile;
  mutate(data);
  writeFileSync(path, JSON.stringify(data));
  return dir;
}

describe('seed graph', () => {
  it('every stored quote is verbatim in its source, at the stored offsets', async () => {
    const texts = new Map(readSources().map((s) => [s.id, s.text]));
    const session = store.driver.session();
    try {
      const res = await session.run(`
        MATCH (n:Entity) WHERE NOT n:Source RETURN n.id AS id, n.evidence AS evidence
        UNION ALL MATCH ()-[r]->() RETURN r.id AS id, r.evidence AS evidence`);
      expect(res.records.length).toBeGreaterThan(200);
      let quotes = 0;
      for (const rec of res.records) {
        const evidence = parseEvidence(rec.get('evidence'));
        expect(evidence.length, `${rec.get('id')} has evidence`).toBeGreaterThan(0);
        for (const e of evidence) {
          if (e.quote === null) {
            expect(e.note).toMatch(/^curator-asserted: /);
            continue;
          }
          const text = texts.get(e.sourceId!);
          expect(text, `${rec.get('id')} cites a known source`).toBeDefined();
          expect(text!.slice(e.start!, e.end!)).toBe(e.quote);
          quotes++;
        }
      }
      expect(quotes).toBeGreaterThan(300);
    } finally {
      await session.close();
    }
  });

  it('every article contributes evidence to the graph', () => {
    const seed = readSeed();
    for (const s of seed.sources) {
      const cited = seed.relationships.filter((r) => r.evidence.some((e) => e.sourceId === s.id));
      expect(cited.length, s.id).toBeGreaterThanOrEqual(10);
    }
  });

  it('loading the seed a second time changes nothing', async () => {
    const before = await graphFingerprint(store);
    await seedDatabase(store);
    const after = await graphFingerprint(store);
    expect(after).toEqual(before);
    expect(before.nodes).toBeGreaterThan(100);
  });

  const badRecords: [string, string, (d: RawSeedFile) => void, RegExp][] = [
    [
      'a quote not in its source',
      '004.json',
      (d) => {
        d.relationships[0].evidence = [{ quote: 'France and Germany signed a treaty' }];
      },
      /quote not found verbatim/,
    ],
    [
      'an unknown label',
      '000.json',
      (d) => {
        d.nodes[0].label = 'Spaceship';
      },
      /label/,
    ],
    [
      'an unknown relationship type',
      '001.json',
      (d) => {
        d.relationships[0].type = 'DETONATES';
      },
      /type/,
    ],
    [
      'a missing endpoint',
      '002.json',
      (d) => {
        d.relationships[0].to = 'org:does-not-exist';
      },
      /endpoint "org:does-not-exist" does not exist/,
    ],
    [
      'an endpoint of the wrong label',
      '004.json',
      (d) => {
        d.relationships.push({
          type: 'HOLDS_OFFICE',
          from: 'country:fr',
          to: 'country:uk',
          evidence: d.relationships[0].evidence,
        });
      },
      /HOLDS_OFFICE may not start at a Country/,
    ],
  ];

  for (const [what, file, mutate, reason] of badRecords) {
    it(`refuses ${what}, names the record, and writes nothing`, async () => {
      const dir = seedCopyWith(file, mutate);
      // A valid new node in the same folder proves that refusal is all-or-nothing.
      const extra = JSON.parse(readFileSync(join(dir, 'data', '003.json'), 'utf8'));
      extra.nodes.push({
        id: 'org:refusal-canary',
        label: 'Organization',
        name: 'Canary',
        evidence: extra.nodes[0].evidence,
      });
      writeFileSync(join(dir, 'data', '003.json'), JSON.stringify(extra));
      const before = await graphFingerprint(store);
      const err = await seedDatabase(store, dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SeedValidationError);
      const problems = (err as SeedValidationError).problems;
      expect(problems.some((p) => p.where.startsWith(file) && reason.test(`${p.where} ${p.reason}`))).toBe(
        true,
      );
      expect(await graphFingerprint(store)).toEqual(before);
    });
  }
});
