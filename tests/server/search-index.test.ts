// The full-text index covers every business node (:Entity), so a new kind needs no index change; a database
// whose index still lists kinds (made before the model module) gets it rebuilt at start-up.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import { ensureSchema } from '../../server/src/store/schema-setup.js';
import { testStore } from '../setup/test-app.js';

let store: GraphStore;
beforeAll(async () => {
  store = await testStore();
});
afterAll(async () => {
  await store?.close();
});

const run = (query: string, params: Record<string, unknown> = {}) =>
  store.driver.executeQuery(query, params, { database: store.database });

/** The search index's labels and id, or null when it does not exist. */
async function searchIndex(): Promise<{ labels: string[]; id: number } | null> {
  const res = await run(
    "SHOW FULLTEXT INDEXES YIELD id, name, labelsOrTypes WHERE name = 'entity_search' RETURN id, labelsOrTypes",
  );
  const rec = res.records[0];
  return rec ? { labels: rec.get('labelsOrTypes') as string[], id: Number(rec.get('id')) } : null;
}

/** Ids of the nodes the index finds for a name, as the search query asks it. */
async function found(name: string): Promise<string[]> {
  await run('CALL db.awaitIndexes(120)');
  const res = await store.read('search', {
    query: `"${name}"`,
    labels: null,
    limit: neo4j.int(10),
    candidates: neo4j.int(50),
  });
  return res.records.map((r) => (r.get('node') as { properties: { id: string } }).properties.id);
}

describe('the entity_search full-text index', () => {
  it('covers :Entity, and ensureSchema leaves an up-to-date index alone', async () => {
    const before = await searchIndex();
    expect(before?.labels).toEqual(['Entity']);
    await ensureSchema(store);
    expect(await searchIndex()).toEqual(before);
    expect(await found('United Kingdom')).toContain('country:uk');
  });

  it('is rebuilt on :Entity when an older database has it on a list of kinds', async () => {
    await run('DROP INDEX entity_search');
    await run(
      'CREATE FULLTEXT INDEX entity_search FOR (n:Actor|Forum|Agreement|ThreatType|Technology|Source) ON EACH [n.name, n.aliasText, n.description]',
    );
    expect((await searchIndex())?.labels).toEqual([
      'Actor',
      'Forum',
      'Agreement',
      'ThreatType',
      'Technology',
      'Source',
    ]);
    await ensureSchema(store);
    expect((await searchIndex())?.labels).toEqual(['Entity']);
    expect(await found('United Kingdom')).toContain('country:uk');
  });
});
