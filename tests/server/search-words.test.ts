// GET /api/search reads the query as the index reads names: hyphens, dots, apostrophes and accents split and fold
// the same way, the exact name ranks first, acronyms and aliases match, and no character is ever Lucene syntax.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphNode, SearchResponse } from '../../contract/index.js';
import { escapeLucene, searchPlan } from '../../server/src/services/search-query.js';
import { indexWords, segmentedWords, STOP_WORDS } from '../../server/src/services/search-words.js';
import { SEARCH_ANALYZER } from '../../server/src/store/schema-setup.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

let app: TestApp;
const stamp = Math.random().toString(36).slice(2, 8);
const FIXTURE = `org:zz-search-${stamp}`;
const db = () => ({ database: app.store.database });

beforeAll(async () => {
  app = await startTestApp();
  // A name with accents, a sharp s and a curly apostrophe; the seed has none.
  await app.store.driver.executeQuery(
    `CREATE (:Entity:Actor:Organization {id: $id, name: $name, aliases: ['Dgspzz’s Bureau'], aliasText: 'Dgspzz’s Bureau',
       version: 1, evidence: '[]', sourceIds: []})`,
    { id: FIXTURE, name: `Direção-Geral de Segurança Pública Straßenwacht ${stamp}` },
    db(),
  );
  await app.store.driver.executeQuery('CALL db.awaitIndexes(60)', {}, db());
});
afterAll(async () => {
  await app.store.driver.executeQuery('MATCH (n:Entity {id: $id}) DETACH DELETE n', { id: FIXTURE }, db());
  await app.close();
});

async function ids(q: string, limit = 10): Promise<string[]> {
  const { status, body } = await app.get<SearchResponse>(
    `/api/search?q=${encodeURIComponent(q)}&limit=${limit}`,
  );
  expect(status, `${q}: ${JSON.stringify(body)}`).toBe(200);
  return (body.nodes as GraphNode[]).map((n) => n.id);
}

describe('search words are the index words', () => {
  it('splits at hyphens and keeps dotted acronyms and apostrophes whole, as the index does', () => {
    expect(indexWords('Franco-British')).toEqual(['franco', 'british']);
    expect(indexWords('UK-US talks (Washington D.C.)')).toEqual(['uk', 'us', 'talks', 'washington', 'd.c']);
    expect(indexWords('Interpol’s Fusion Centre')).toEqual(["interpol's", 'fusion', 'centre']);
    expect(indexWords('Direção-Geral Straße')).toEqual(['direcao', 'geral', 'strasse']);
  });
  it('splits plain ASCII text without the segmenter exactly as the segmenter does', () => {
    // Random text weighted to the characters that join or split words (letters, digits, . : , ; ' _ - and space),
    // plus any other ASCII character: 20,000 strings, seeded so a failure repeats.
    const joiners = "aZ09.:,;'_- ";
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 48271) % 2147483647; // Park and Miller's generator
      return Math.floor((seed / 2147483647) * n);
    };
    const char = (): string =>
      next(4) === 0 ? String.fromCharCode(next(128)) : joiners[next(joiners.length)]!;
    let compared = 0;
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + next(24) }, char).join('');
      expect(indexWords(text), JSON.stringify(text)).toEqual(segmentedWords(text));
      compared += segmentedWords(text).length;
    }
    expect(compared).toBeGreaterThan(20_000);
    for (const text of ['U.S.', "O'Neill's 3,5 a:b 1:2 a.1 1.a a1.2 1a.b x..y", 'e-mail me@x.org 2025-11-03'])
      expect(indexWords(text), text).toEqual(segmentedWords(text));
  });

  it('leaves out exactly the stop words the index analyzer leaves out', async () => {
    const res = await app.store.driver.executeQuery(
      'CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer, stopwords WHERE analyzer = $a RETURN stopwords',
      { a: SEARCH_ANALYZER },
      db(),
    );
    const fromDb = res.records[0]!.get('stopwords') as string[];
    expect([...STOP_WORDS].sort()).toEqual([...fromDb].sort());
    const index = await app.store.driver.executeQuery(
      "SHOW FULLTEXT INDEXES YIELD name, options WHERE name = 'entity_search' RETURN options.indexConfig.`fulltext.analyzer` AS a",
      {},
      db(),
    );
    expect(index.records[0]!.get('a')).toBe(SEARCH_ANALYZER);
  });

  it('escapes every Lucene special character, so each is read as text', () => {
    for (const c of '+-!(){}[]^"~*?:\\/&|') expect(escapeLucene(`a${c}b`)).toBe(`a\\${c}b`);
    const plan = searchPlan('France" OR *:* AND (')!;
    expect(plan.required).toEqual(['france']);
  });
});

describe('GET /api/search finds what is typed', () => {
  it.each([
    ['Franco-British', 'forum:franco-british-intelligence-summit'],
    ['Paris-London', 'source:004-paris-london-cooperation'],
    ['UK-US', 'forum:uk-us-smuggling-talks-washington'],
    ['Office of Counter-Terrorism', 'org:unoct'],
  ])('a hyphenated name: "%s" finds %s first', async (q, id) => {
    expect((await ids(q))[0]).toBe(id);
  });

  it('ranks the exact name first: "Human trafficking" is the threat, not the working group that mentions it', async () => {
    const found = await ids('Human trafficking');
    expect(found[0]).toBe('threat:human-trafficking');
    expect(found).toContain('forum:fr-uk-cybercrime-human-trafficking-working-group');
    expect((await ids('human TRAFFICKING'))[0]).toBe('threat:human-trafficking');
  });

  it('matches word by word, not only as a phrase: "people smuggling" finds Human smuggling', async () => {
    const found = await ids('people smuggling');
    expect(found).toContain('threat:human-smuggling');
    expect(found).toContain('threat:smuggling');
  });

  it.each([
    ['FCM', 'forum:five-country-ministerial-2025'],
    ['UNOCT', 'org:unoct'],
    ['DHS', 'org:us-dhs'],
    ['Britain', 'country:uk'],
    ["Interpol's Fusion Centre", 'org:interpol-ct-fusion-centre'],
  ])('an acronym or alias: "%s" finds %s first', async (q, id) => {
    expect((await ids(q))[0]).toBe(id);
  });

  it('finds dotted acronyms without the dots and the other way round', async () => {
    expect(await ids('US Department of Homeland Security')).toContain('org:us-dhs');
    expect((await ids('U.S. Department'))[0]).toBe('org:us-dhs');
    expect(await ids('Washington DC')).toContain('forum:uk-us-smuggling-talks-washington');
  });

  it('folds accents, sharp s and curly apostrophes both ways', async () => {
    expect((await ids(`Direcao-Geral de Seguranca ${stamp}`))[0]).toBe(FIXTURE);
    expect((await ids(`Direção-Geral ${stamp}`))[0]).toBe(FIXTURE);
    expect((await ids(`Strassenwacht ${stamp}`))[0]).toBe(FIXTURE);
    expect((await ids("Dgspzz's Bureau"))[0]).toBe(FIXTURE);
    expect(await ids('Dgspzz')).toContain(FIXTURE);
  });

  it('still tolerates a typo and reads Lucene syntax as text', async () => {
    expect(await ids('Interpool')).toContain('org:interpol');
    expect((await ids('France" OR *:* AND ('))[0]).toBe('country:fr');
    for (const q of ['*', '"', 'a:b', '\\', 'NOT', '&& ||', '(', 'Five~ Eyes^9', 'the of'])
      expect(Array.isArray(await ids(q)), q).toBe(true);
  });
});
