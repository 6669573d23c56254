// The CSV export's two variants: neo4j-admin stays byte for byte what it was (golden files made by the code before
// the spreadsheet variant existed), and the spreadsheet variant neutralises every formula-like cell and says so.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '../../server/src/store/seed-load.js';
import { readSeed } from '../../seed/read-seed.js';
import type { ExportVariant } from '../../contract/index.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/src/embedded-neo4j.js';
import { csvZipFormat } from '../../server/src/services/export/csv-zip.js';
import { memorySink } from '../../server/src/services/export/sink.js';
import { FORMULA_TRIGGERS } from '../../server/src/services/export/spreadsheet-safe.js';
import { exportSubgraph, type ExportGraph } from '../../server/src/store/export-store.js';
import { createGraphStore } from '../../server/src/store/neo4j-store.js';
import { csvFixtureGraph, FORMULAS } from '../setup/csv-fixture.js';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const GOLDEN = join(import.meta.dirname, 'golden/csv-neo4j-admin');

/** The zip's files as written by the CSV format for `variant`. */
async function writeZip(graph: ExportGraph, variant?: ExportVariant): Promise<Record<string, Uint8Array>> {
  const sink = memorySink();
  await csvZipFormat.write(graph, sink, { generatedAt: new Date(), source: 'test', options: { variant } });
  const parts = sink.chunks as Uint8Array[];
  const all = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of parts) {
    all.set(c, at);
    at += c.length;
  }
  return unzipSync(all);
}

const table = (bytes: Uint8Array): string[][] =>
  parseCsv(strFromU8(bytes), { bom: true, record_delimiter: '\r\n', relax_quotes: false }) as string[][];

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Header cells of numeric columns, where plain numbers are left alone. */
const numericHeader = (h: string): boolean => h.endsWith(':long') || h.endsWith(':double');
const plainNumber = (s: string): boolean => /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(s);
const startsWithTrigger = (s: string): boolean =>
  (FORMULA_TRIGGERS as readonly string[]).includes(s[0] ?? '');

/**
 * Compares a spreadsheet table with the neo4j-admin one cell by cell: a formula-like cell (outside a numeric
 * column's plain numbers) is the original with one leading quote, every other cell is unchanged. Returns how many
 * cells were neutralised.
 */
function expectNeutralised(admin: string[][], sheet: string[][]): number {
  expect(sheet.length).toBe(admin.length);
  let changed = 0;
  const head = admin[0]!;
  admin.forEach((row, r) => {
    expect(sheet[r]!.length).toBe(row.length);
    row.forEach((cell, c) => {
      const numeric = r > 0 && numericHeader(head[c]!) && plainNumber(cell);
      const got = sheet[r]![c]!;
      if (startsWithTrigger(cell) && !numeric) {
        expect(got, `row ${r} column ${head[c]}`).toBe(`'${cell}`);
        changed++;
      } else expect(got, `row ${r} column ${head[c]}`).toBe(cell);
      // Nothing a spreadsheet would evaluate is left, apart from plain numbers in numeric columns.
      if (!numeric) expect(startsWithTrigger(got), `row ${r} column ${head[c]}`).toBe(false);
    });
  });
  return changed;
}

describe('CSV variants on a fixture graph (no database)', () => {
  it('neo4j-admin (the default, or asked for by name) is byte for byte the golden output', async () => {
    for (const variant of [undefined, 'neo4j-admin'] as const) {
      const files = await writeZip(csvFixtureGraph(), variant);
      expect(Object.keys(files).sort()).toEqual(['nodes.csv', 'relationships.csv']);
      for (const name of ['nodes.csv', 'relationships.csv'])
        expect(Buffer.from(files[name]!).equals(readFileSync(join(GOLDEN, name))), `${variant} ${name}`).toBe(
          true,
        );
    }
  });

  it('spreadsheet: every cell starting with = + - @ tab or CR is quoted text with a leading quote, the rest unchanged', async () => {
    const admin = await writeZip(csvFixtureGraph());
    const sheet = await writeZip(csvFixtureGraph(), 'spreadsheet');
    expect(Object.keys(sheet)).toEqual(['nodes.csv', 'relationships.csv', 'README.txt']);
    let changed = 0;
    for (const name of ['nodes.csv', 'relationships.csv']) {
      expect([...sheet[name]!.slice(0, 3)], `${name} starts with a UTF-8 byte-order mark`).toEqual([
        0xef, 0xbb, 0xbf,
      ]);
      changed += expectNeutralised(table(admin[name]!), table(sheet[name]!));
    }
    // Each kind of trigger occurs in the fixture, and each neutralised cell is quoted in the raw text.
    const rawNodes = strFromU8(sheet['nodes.csv']!);
    for (const f of Object.values(FORMULAS)) expect(rawNodes).toContain(`"'${f.replace(/"/g, '""')}"`);
    expect(rawNodes).toContain('"\'-technology:fixture-d"');
    // Numbers of numeric columns stay numbers; the same text in a list or a text column does not.
    const nodes = table(sheet['nodes.csv']!);
    const col = (h: string): number => nodes[0]!.indexOf(h);
    const a = nodes.find((r) => r[0] === 'country:fixture-a')!;
    expect(a[col('count')]).toBe("'-5"); // a mixed column (number and text) is text
    expect(a[col('ratio')]).toBe("'-2.5");
    const rels = table(sheet['relationships.csv']!);
    expect(rels[1]![rels[0]!.indexOf('weight:double')]).toBe('-0.5');
    expect(changed).toBeGreaterThanOrEqual(12);
    const readme = strFromU8(sheet['README.txt']!);
    expect(readme).toContain(`${changed} cells were neutralised`);
    expect(readme).toMatch(/=\s+\+\s+-\s+@\s+a tab or a carriage return/);
    expect(readme).toContain('neo4j-admin');
  });
});

describe('CSV variants on the seed graph, in a fresh Neo4j', () => {
  let neo: EmbeddedNeo4j;
  let dataDir: string;
  let graph: ExportGraph;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'secgraph-csv-neo4j-'));
    neo = await startEmbeddedNeo4j({ dataDir, heap: '256m', pageCacheMb: 32 });
    const store = await createGraphStore({ uri: neo.uri });
    try {
      const seed = readSeed();
      await loadSeed(store, seed);
      const ids = [...seed.sources.map((s) => s.id), ...seed.nodes.map((n) => n.id)].sort();
      graph = await exportSubgraph(store, ids);
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    await neo?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('neo4j-admin: the same bytes as before the spreadsheet variant (a seed change on purpose updates the hashes)', async () => {
    expect([graph.nodes.length, graph.edges.length]).toEqual([119, 272]);
    const files = await writeZip(graph, 'neo4j-admin');
    expect({
      nodes: [files['nodes.csv']!.length, sha256(files['nodes.csv']!)],
      relationships: [files['relationships.csv']!.length, sha256(files['relationships.csv']!)],
    }).toEqual({
      nodes: [231516, 'e1dc82cfe0516ff8caa05eb99fc0a77905dd73f28e2c63834d1ddf99f1751cb7'],
      relationships: [239180, '2e477c2d241b0478b45a87c505a6a69f0fc9472124db301ff5c88992b7d622c2'],
    });
  });

  it('spreadsheet: the same table with formula-like cells neutralised', async () => {
    const admin = await writeZip(graph);
    const sheet = await writeZip(graph, 'spreadsheet');
    for (const name of ['nodes.csv', 'relationships.csv'])
      expectNeutralised(table(admin[name]!), table(sheet[name]!));
  });
});

describe('POST/GET /api/export with a csv variant', () => {
  let app: TestApp;
  const id = `technology:zz-formula-${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    app = await startTestApp();
    await app.store.driver.executeQuery(
      'CREATE (:Entity:Technology {id: $id, name: $name, description: $desc, version: 1})',
      { id, name: FORMULAS.equals, desc: FORMULAS.minus },
      { database: app.store.database },
    );
  });
  afterAll(async () => {
    await app.store.driver.executeQuery(
      'MATCH (n:Entity {id: $id}) DETACH DELETE n',
      { id },
      { database: app.store.database },
    );
    await app.close();
  });

  const post = async (body: unknown): Promise<Response> =>
    fetch(`${app.baseUrl}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('spreadsheet: a dated .spreadsheet.csv.zip with the README, the formula cells neutralised', async () => {
    const nodeIds = [id, 'country:uk', 'forum:five-eyes'];
    const res = await post({ format: 'csv', nodeIds, variant: 'spreadsheet' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toMatch(
      /filename="secgraph-selection-\d{4}-\d{2}-\d{2}\.spreadsheet\.csv\.zip"$/,
    );
    const sheet = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(sheet)).toEqual(['nodes.csv', 'relationships.csv', 'README.txt']);
    const admin = unzipSync(new Uint8Array(await (await post({ format: 'csv', nodeIds })).arrayBuffer()));
    expect(Object.keys(admin)).toEqual(['nodes.csv', 'relationships.csv']);
    expect(expectNeutralised(table(admin['nodes.csv']!), table(sheet['nodes.csv']!))).toBeGreaterThanOrEqual(
      2,
    );
    const row = table(sheet['nodes.csv']!).find((r) => r[0] === id)!;
    expect(row).toContain(`'${FORMULAS.equals}`);
    expect(row).toContain(`'${FORMULAS.minus}`);
    const link = await fetch(`${app.baseUrl}/api/export?format=csv&nodeIds=${id}&variant=spreadsheet`);
    expect(link.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(await link.arrayBuffer())))).toContain('README.txt');
  });

  it('a variant its format does not take is a 400 naming `variant`', async () => {
    for (const [format, variant] of [
      ['csv', 'markdown'],
      ['briefing', 'spreadsheet'],
      ['graphml', 'spreadsheet'],
      ['json', 'html'],
      ['csv', 'excel'],
    ]) {
      const res = await post({ format, nodeIds: ['country:uk'], variant });
      expect(res.status, `${format} ${variant}`).toBe(400);
      const body = await res.json();
      expect(body.error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'variant' });
      expect(res.headers.get('content-disposition')).toBeNull();
    }
    const link = await fetch(
      `${app.baseUrl}/api/export?format=cypher&nodeIds=country:uk&variant=spreadsheet`,
    );
    expect(link.status).toBe(400);
    expect((await link.json()).error.field).toBe('variant');
  });
});
