// Data export from the Export panel in Chromium: the files the browser saves, read back by independent parsers and
// compared with the API's own graph of the canvas's nodes; briefing variant and title; progress, cancel and refusals.
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Graph, Workspace, WorkspaceOpenResponse } from '../../contract/index.js';
import { readSources } from '../../seed/read-seed.js';
import {
  expectSameAsApi,
  mdSection,
  mdSources,
  readCsv,
  readCytoscape,
  readGraphml,
} from '../setup/export-readers.js';
import { POLL, useBrowser } from './harness.js';

const h = useBrowser();
const START = 'forum:five-country-ministerial-2025';
const workspaces: string[] = [];
const stamp = Math.random().toString(36).slice(2, 8);
const sourceText = new Map(readSources().map((s) => [s.title, s.text]));

afterAll(async () => {
  for (const id of workspaces) await h.app.send('DELETE', `/api/workspaces/${id}`);
});

/** Opens the explorer (on the start forum, or `?node=`), and the Export panel with X. */
const openExport = (
  query = '',
  allowStatuses: number[] = [],
  before?: (page: Page) => Promise<void>,
): Promise<Page> =>
  h.openExport({
    waitFor: query ? new URLSearchParams(query).get('node')! : START,
    query,
    allowStatuses,
    before,
  });

/** The canvas's visible node ids. */
const visibleIds = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const shown = new Set(window.__explorer!.visibleIds());
    return window.__explorer!.nodeIds().filter((id) => shown.has(id));
  });

/**
 * The API's graph of `ids` and the relationships among them, through another path than the export's:
 * a workspace of those nodes, opened by GET /api/workspaces/:id.
 */
async function apiGraph(ids: string[]): Promise<Graph> {
  const made = await h.app.send<Workspace>('POST', '/api/workspaces', {
    name: `export data ${stamp} ${workspaces.length}`,
    scene: { nodes: ids.map((id, i) => ({ id, x: i, y: i })) },
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  workspaces.push(made.body.id);
  const open = (await h.app.get<WorkspaceOpenResponse>(`/api/workspaces/${made.body.id}`))
    .body as WorkspaceOpenResponse;
  expect(open.missing).toEqual([]);
  return open.graph;
}

/** Picks a data format, clicks Download data and returns the file the browser saved. */
async function downloadData(page: Page, format: string): Promise<{ name: string; data: Buffer }> {
  await page.getByTestId('export-data-format').selectOption(format);
  const [dl] = await Promise.all([
    page.waitForEvent('download', POLL),
    page.getByTestId('export-data').click(),
  ]);
  return { name: dl.suggestedFilename(), data: readFileSync(await dl.path()) };
}

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

describe('data export from the Export panel', () => {
  it('GraphML, Cytoscape JSON and the CSV zip the browser saves hold exactly the canvas’s nodes and the relationships among them', async () => {
    const page = await openExport();
    const ids = await visibleIds(page);
    expect(ids.length).toBeGreaterThan(5);
    const api = await apiGraph(ids);
    expect(api.edges.length).toBeGreaterThan(ids.length / 2);

    const graphml = await downloadData(page, 'graphml');
    expect(graphml.name).toMatch(/\.graphml$/);
    const fromGraphml = readGraphml(graphml.data.toString('utf8'));
    expect(sorted(fromGraphml.nodes.keys())).toEqual(sorted(ids));
    expectSameAsApi(fromGraphml, api);
    // The panel reports what the server sent: the counts come from its headers.
    await expect
      .poll(() => page.getByTestId('export-message').innerText(), POLL)
      .toMatch(
        new RegExp(
          `^Saved ${graphml.name.replace(/\./g, '\\.')} \\(.+\\): ${ids.length} nodes, ${api.edges.length} relationships\\.$`,
        ),
      );

    const json = await downloadData(page, 'json');
    expect(json.name).toMatch(/\.json$/);
    const cy = readCytoscape(JSON.parse(json.data.toString('utf8')));
    expect({ nodes: cy.nodes, edges: cy.edges }).toEqual({ nodes: ids.length, edges: api.edges.length });
    expectSameAsApi(cy.back, api);

    const csv = await downloadData(page, 'csv');
    expect(csv.name).toMatch(/\.zip$/);
    const table = readCsv(new Uint8Array(csv.data));
    expect(table.headers.nodes[0]).toMatch(/^\w*:ID$/);
    expect(table.headers.nodes[1]).toBe(':LABEL');
    expect(table.headers.relationships.slice(0, 3)).toEqual([':START_ID', ':END_ID', ':TYPE']);
    expectSameAsApi(table.back, api);
  });

  it('the CSV for spreadsheets: its own file name, the README, the same rows, no formula-like text cell', async () => {
    const page = await openExport();
    const ids = await visibleIds(page);
    const api = await apiGraph(ids);
    expect(await page.getByTestId('export-csv-options').isVisible()).toBe(false);
    await page.getByTestId('export-data-format').selectOption('csv');
    await expect.poll(() => page.getByTestId('export-csv-options').isVisible(), POLL).toBe(true);
    await page.getByTestId('export-csv-variant').selectOption('spreadsheet');
    const { name, data } = await downloadData(page, 'csv');
    expect(name).toMatch(/\.spreadsheet\.csv\.zip$/);
    const files = unzipSync(new Uint8Array(data));
    expect(Object.keys(files)).toEqual(['nodes.csv', 'relationships.csv', 'README.txt']);
    expect(strFromU8(files['README.txt']!)).toContain('single quote');
    const rows = (f: string): string[][] =>
      parseCsv(strFromU8(files[f]!), { bom: true, record_delimiter: '\r\n' }) as string[][];
    const nodes = rows('nodes.csv');
    const rels = rows('relationships.csv');
    expect(sorted(nodes.slice(1).map((r) => r[0]!.replace(/^'/, '')))).toEqual(sorted(ids));
    expect([nodes.length - 1, rels.length - 1]).toEqual([ids.length, api.edges.length]);
    const numeric = (h: string): boolean => /:(long|double)$/.test(h);
    for (const table of [nodes, rels])
      for (const row of table.slice(1))
        row.forEach((cell, i) => {
          if (!numeric(table[0]![i]!)) expect(cell, table[0]![i]).not.toMatch(/^[=+\-@\t\r]/);
        });
    // Back to the exact CSV: the panel keeps the choice per format, and the options hide for other formats.
    await page.getByTestId('export-csv-variant').selectOption('neo4j-admin');
    const exact = await downloadData(page, 'csv');
    expect(exact.name).not.toContain('spreadsheet');
    expectSameAsApi(readCsv(new Uint8Array(exact.data)).back, api);
    await page.getByTestId('export-data-format').selectOption('graphml');
    expect(await page.getByTestId('export-csv-options').isVisible()).toBe(false);
  });

  it('the Cypher script MERGEs exactly the selected nodes and the relationships among them', async () => {
    let chosen: string[] = [];
    // Select four nodes (one, then Shift+click three more) before the panel covers part of the canvas.
    const page = await openExport('', [], async (p) => {
      const [a, b, c] = (await visibleIds(p)).filter((id) => id !== START);
      chosen = [START, a!, b!, c!];
      await p.evaluate((id) => {
        window.__explorer!.select(id);
      }, START);
      for (const id of chosen.slice(1)) {
        const at = (await p.evaluate((nodeId) => window.__explorer!.screenPosition(nodeId), id))!;
        await p.keyboard.down('Shift');
        await p.mouse.click(at.x, at.y);
        await p.keyboard.up('Shift');
      }
    });
    await expect.poll(() => page.getByTestId('export-selection-only').isEnabled(), POLL).toBe(true);
    await expect
      .poll(async () => await page.getByTestId('export-selection-only').locator('xpath=..').innerText(), POLL)
      .toContain('4 nodes');
    await page.getByTestId('export-selection-only').check();
    const api = await apiGraph(chosen);
    expect(api.edges.length).toBeGreaterThan(0);

    const { name, data } = await downloadData(page, 'cypher');
    expect(name).toMatch(/\.cypher$/);
    const script = data.toString('utf8');
    const nodeIds = [...script.matchAll(/^MERGE \(n:Entity \{id: ("(?:[^"\\]|\\.)*")\}\)/gm)].map(
      (m) => JSON.parse(m[1]!) as string,
    );
    const relIds = [
      ...script.matchAll(/^MATCH .* MERGE \(a\)-\[r:[A-Z_]+ \{id: ("(?:[^"\\]|\\.)*")\}\]->\(b\)/gm),
    ].map((m) => JSON.parse(m[1]!) as string);
    expect(sorted(nodeIds)).toEqual(sorted(chosen));
    expect(sorted(relIds)).toEqual(sorted(api.edges.map((e) => e.id)));
  });

  it('a briefing as Markdown with a title: the title heads it, one cited sentence per relationship, every quote verbatim', async () => {
    const page = await openExport();
    const ids = await visibleIds(page);
    const api = await apiGraph(ids);
    await page.getByTestId('export-data-format').selectOption('briefing');
    await expect.poll(() => page.getByTestId('export-briefing-options').isVisible(), POLL).toBe(true);
    await page.getByTestId('export-briefing-variant').selectOption('markdown');
    await page.getByTestId('export-briefing-title').fill('Five Country Ministerial: who met whom');
    const { name, data } = await downloadData(page, 'briefing');
    expect(name).toMatch(/\.md$/);
    const md = data.toString('utf8');
    expect(md.split('\n')[0]).toBe('# Five Country Ministerial: who met whom');
    const sentences = mdSection(md, 'Relationships').filter((l) => l.startsWith('- '));
    expect(sentences).toHaveLength(api.edges.length);
    for (const line of sentences) expect(line, line).toMatch(/\[\d+\]/);
    const sources = mdSources(md);
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources.filter((x) => x.quote !== null))
      expect(sourceText.get(s.title)?.includes(s.quote!), `[${s.n}] verbatim`).toBe(true);
  });

  it('a briefing as HTML is one self-contained page with the title, the inline figure and a cited item per relationship', async () => {
    const page = await openExport();
    const ids = await visibleIds(page);
    const api = await apiGraph(ids);
    await page.getByTestId('export-data-format').selectOption('briefing');
    await page.getByTestId('export-briefing-variant').selectOption('html');
    await page.getByTestId('export-briefing-title').fill('Ministerial <brief> & notes');
    const { name, data } = await downloadData(page, 'briefing');
    expect(name).toMatch(/\.html$/);
    const html = data.toString('utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<title>Ministerial &lt;brief&gt; &amp; notes</title>');
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<svg[\s>]/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    const items = [...html.matchAll(/<li data-edge-id="([^"]*)"/g)].map((m) =>
      m[1]!
        .replace(/&amp;/g, '&')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"'),
    );
    expect(sorted(items)).toEqual(sorted(api.edges.map((e) => e.id)));
    // The briefing options show for the briefing only.
    await page.getByTestId('export-data-format').selectOption('json');
    expect(await page.getByTestId('export-briefing-options').isVisible()).toBe(false);
  });

  it('shows progress while the server works; Cancel stops the download and says so', async () => {
    const page = await openExport();
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/export', async (route) => {
      await held;
      try {
        await route.continue();
      } catch {
        /* the page cancelled the request meanwhile */
      }
    });
    let downloads = 0;
    page.on('download', () => {
      downloads += 1;
    });
    await page.getByTestId('export-data-format').selectOption('graphml');
    await page.getByTestId('export-data').click();
    await expect.poll(() => page.getByTestId('export-progress').isVisible(), POLL).toBe(true);
    expect(await page.getByTestId('export-progress-text').innerText()).toBe('0 bytes received');
    expect(await page.getByTestId('export-message').innerText()).toMatch(
      /^Asking the server for \d+ nodes…$/,
    );
    await page.getByTestId('export-cancel').click();
    await expect.poll(() => page.getByTestId('export-message').innerText(), POLL).toBe('Export cancelled.');
    expect(await page.getByTestId('export-progress').isVisible()).toBe(false);
    release();
    await page.unroute('**/api/export');
    // Nothing was saved, and the panel works again afterwards.
    expect(downloads).toBe(0);
    const again = await downloadData(page, 'json');
    expect(JSON.parse(again.data.toString('utf8')).elements.nodes.length).toBe(
      (await visibleIds(page)).length,
    );
  });

  it('a node that left the graph meanwhile is named in the refusal; nothing is saved', async () => {
    const id = `technology:zz-export-gone-${stamp}`;
    const db = { database: h.app.store.database };
    await h.app.store.driver.executeQuery(
      `MATCH (uk:Entity {id: 'country:uk'})
       CREATE (t:Entity:Technology {id: $id, name: 'Export gone fixture', version: 1, confidence: 'confirmed', evidence: '[]', sourceIds: []})
       CREATE (uk)-[:USES_TECHNOLOGY {id: 'country:uk|USES_TECHNOLOGY|' + $id, evidence: '[]', sourceIds: []}]->(t)`,
      { id },
      db,
    );
    try {
      const page = await openExport(`?node=${encodeURIComponent(id)}`, [400]);
      expect(await visibleIds(page)).toContain(id);
      await h.app.store.driver.executeQuery('MATCH (t:Entity {id: $id}) DETACH DELETE t', { id }, db);
      let downloads = 0;
      page.on('download', () => {
        downloads += 1;
      });
      await page.getByTestId('export-data-format').selectOption('graphml');
      await page.getByTestId('export-data').click();
      await expect.poll(() => page.getByTestId('export-message').innerText(), POLL).toContain(id);
      expect(await page.getByTestId('export-message').innerText()).toContain('(VALIDATION_FAILED)');
      expect(downloads).toBe(0);
    } finally {
      await h.app.store.driver.executeQuery('MATCH (t:Entity {id: $id}) DETACH DELETE t', { id }, db);
    }
  });

  it('the Export and Workspaces panels share the top-right corner: opening one closes the other', async () => {
    const page = await openExport();
    await page.getByTestId('workspaces-toggle').click();
    await expect.poll(() => page.getByTestId('workspace-panel').isVisible(), POLL).toBe(true);
    expect(await page.getByTestId('export-panel').isVisible()).toBe(false);
    expect(await page.getByTestId('export-toggle').getAttribute('aria-expanded')).toBe('false');
    await page.getByTestId('export-toggle').click();
    await expect.poll(() => page.getByTestId('export-panel').isVisible(), POLL).toBe(true);
    expect(await page.getByTestId('workspace-panel').isVisible()).toBe(false);
    expect(await page.getByTestId('workspaces-toggle').getAttribute('aria-expanded')).toBe('false');
  });
});
