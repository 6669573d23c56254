// Ingest test fixtures: a short article of our own (new forum, person, organisation with an acronym, agreement,
// a known country), added through POST /api/sources, and cleanup of its suggestions and extraction record.
import { expect } from 'vitest';
import type { SourceAddResponse } from '../../contract/index.js';
import { extractionPool } from '../../server/src/services/ingest/extraction-pool.js';
import { startCuration, suffix, type Curation } from './curation-fixtures.js';
import { startTestApp, type TestApp } from './test-app.js';

/**
 * A unique article: every run and every call names its own forum, so no text is a duplicate and no forum is one the
 * graph already holds (that one would be no suggestion). Every character of the tag is a letter of the name (a digit
 * as one of k-t): the name was once made of the tag's letters alone, so two calls in a run could name the
 * same forum (`3a1f…` and `9a0f…` both "Afria"), and a test then found no Forum to review.
 */
export function articleText(tag = suffix()): string {
  const word =
    tag
      .toLowerCase()
      .replace(/[0-9]/g, (d) => String.fromCharCode(97 + 10 + Number(d)))
      .replace(/[^a-z]/g, '')
      .slice(0, 10) || 'nova';
  const place = `${word[0]!.toUpperCase()}${word.slice(1).toLowerCase()}ria`;
  return [
    `Ministers meet in Valletta to fight people smuggling (${tag}).`,
    '',
    `The Government of Malta hosted the ${place} Border Security Forum in Valletta on 3 March 2025. ` +
      `Interior Minister Byron Camilleri chaired the forum. ` +
      `The Maritime Crime Unit (MCU) of Europol attended the meeting. ` +
      `France reportedly signed the ${place} Maritime Pact.`,
  ].join('\n');
}

/** Adds an article as `headers`' user; checks the 201 and records the source for cleanup. */
export async function addArticle(
  app: TestApp,
  c: Curation,
  headers: Record<string, string>,
  text = articleText(),
  extra: Record<string, unknown> = {},
): Promise<SourceAddResponse> {
  const res = await app.send<SourceAddResponse>(
    'POST',
    '/api/sources',
    { title: `Valletta forum ${suffix()}`, publisher: 'Test Wire', text, ...extra },
    headers,
  );
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
  c.nodes.add(res.body.result!.id);
  return res.body;
}

/** Deletes what accepting the suggestions of the sources among `ids` wrote, then the suggestions and extraction records (Curation.cleanup removes the sources). */
export async function dropIngestState(app: TestApp, ids: Iterable<string>): Promise<void> {
  const db = { database: app.store.database };
  // What accepting wrote: the new nodes (with their relationships), then relationships between existing nodes.
  await app.store.driver.executeQuery(
    `MATCH (s:Suggestion {state: 'accepted', kind: 'node'}) WHERE s.sourceId IN $ids
     MATCH (n {id: s.resultId}) WHERE n:Entity OR n:Deleted DETACH DELETE n`,
    { ids: [...ids] },
    db,
  );
  await app.store.driver.executeQuery(
    `MATCH (s:Suggestion {state: 'accepted', kind: 'relationship'}) WHERE s.sourceId IN $ids
     MATCH ()-[r {id: s.resultId}]->() DELETE r`,
    { ids: [...ids] },
    db,
  );
  await app.store.driver.executeQuery(
    `MATCH (x) WHERE (x:Suggestion OR x:Extraction) AND x.sourceId IN $ids DELETE x`,
    { ids: [...ids] },
    db,
  );
}

/** An ingest API suite's app: the test app, a curation fixture and a warm extraction worker. */
export async function startIngestSuite(): Promise<{ app: TestApp; c: Curation }> {
  const app = await startTestApp();
  const c = await startCuration(app);
  await extractionPool.warmUp();
  return { app, c };
}

/** Drops the suite's sources with their suggestions, then its curation fixture, then the app. */
export async function stopIngestSuite(app: TestApp, c: Curation): Promise<void> {
  await dropIngestState(
    app,
    [...c.nodes].filter((id) => id.startsWith('source:')),
  );
  await c.cleanup();
  await app.close();
}
