// Ingest review in a real Chromium: a curator adds an article through "Add article…", sees its mentions highlighted
// and its suggestions grouped by kind, accepts a relationship by keyboard and rejects a node, and the API then holds
// the accepted relationship with its quote indexing the stored text and a Change; axe-core finds nothing serious.
/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChangeListResponse,
  NeighboursResponse,
  SourceResponse,
  SuggestionListResponse,
} from '../../contract/index.js';
import { enc, startCuration, suffix, type Curation } from '../setup/curation-fixtures.js';
import { articleText, dropIngestState } from '../setup/ingest-fixtures.js';
import { seriousViolations } from './axe.js';
import { inMoreMenu, POLL, useBrowser } from './harness.js';

const h = useBrowser();
const SHOTS = '/work/shots';
const START = 'forum:five-country-ministerial-2025';

let c: Curation;
const sources = new Set<string>();
beforeAll(async () => {
  c = await startCuration(h.app);
}, 120_000);
afterAll(async () => {
  await dropIngestState(h.app, sources);
  for (const id of sources) c.nodes.add(id);
  await c.cleanup();
});

const list = async (sourceId: string): Promise<SuggestionListResponse> => {
  const res = await h.app.send<SuggestionListResponse>(
    'GET',
    `/api/sources/${enc(sourceId)}/suggestions`,
    undefined,
    c.as.curator.headers,
  );
  expect(res.status).toBe(200);
  return res.body;
};

/** The id of the suggestion the review list has focused (its visible focus). */
const focusedId = (page: Page): Promise<string | null> =>
  page.evaluate(
    () => document.querySelector('.review-item.focused')?.getAttribute('data-suggestion-id') ?? null,
  );

describe('reviewing an ingested article', () => {
  it('adds an article, highlights its mentions, accepts by keyboard, rejects one, and the fact is in the graph with its quote and a Change', async () => {
    const page = await h.openPage('', {
      allowStatuses: [409],
      login: { username: c.as.curator.username, password: c.as.curator.password },
    });
    await h.waitForNode(START);
    const open = await inMoreMenu(page, page.getByTestId('ingest-open'));
    await open.click();
    const panel = page.getByTestId('review-panel');
    await expect.poll(() => panel.isVisible(), POLL).toBe(true);

    // A unique text each run: the server refuses a duplicate.
    const text = articleText(`rv${suffix()}`);
    const title = `Review test ${suffix()}`;
    await page.getByTestId('ingest-title').fill(title);
    await page.getByTestId('ingest-publisher').fill('Test Wire');
    await page.getByTestId('ingest-text').fill(text);
    await page.getByTestId('ingest-submit').click();
    await expect.poll(() => page.getByTestId('review-view').isVisible(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('review-suggestion').count(), POLL).toBeGreaterThan(2);

    const sources_ = await h.app.get<{ sources: { id: string; title: string }[] }>('/api/sources');
    const sourceId = sources_.body.sources.find((s) => s.title === title)!.id;
    sources.add(sourceId);
    const stored = (await h.app.get<SourceResponse>(`/api/sources/${enc(sourceId)}`)).body.source.text;
    const before = await list(sourceId);

    // Every mention the API found is highlighted with exactly the text at its offsets; Malta (a seed node) is among them.
    const marks = await page
      .getByTestId('review-mention')
      .evaluateAll((els) =>
        els.map((e) => ({ start: Number(e.getAttribute('data-start')), text: e.textContent ?? '' })),
      );
    expect(marks.length).toBeGreaterThan(0);
    const starts = new Map(before.mentions.map((m) => [m.start, m.end]));
    for (const m of marks) expect(stored.slice(m.start, starts.get(m.start))).toBe(m.text);
    expect(marks.map((m) => m.text)).toEqual(expect.arrayContaining(['Maritime Crime Unit', 'Europol']));
    const known = await page.locator('mark.known').allTextContents();
    // Nodes the graph already has (a seed country or organisation) are marked apart from new candidates.
    const knownApi = before.mentions.filter((m) => m.nodeId).map((m) => stored.slice(m.start, m.end));
    expect(known.length).toBeGreaterThan(0);
    expect(knownApi).toEqual(expect.arrayContaining(known));
    expect(await page.locator('mark.candidate').allTextContents()).toContain('Maritime Crime Unit');
    // Grouped by kind, each with its quote.
    const groups = await page.getByTestId('review-group').locator('h3').allTextContents();
    expect(groups.some((g) => g.includes('(new nodes)'))).toBe(true);
    expect(groups.some((g) => g.includes('(relationships)'))).toBe(true);
    const firstQuote = await page.locator('.review-quote').first().textContent();
    expect(stored).toContain(firstQuote!.slice(1, -1));

    // Keyboard: the list starts on the first pending suggestion; j moves to the first relationship; a accepts it.
    await expect.poll(() => focusedId(page), POLL).toBe(before.suggestions[0]!.id);
    // The first relationship with a new candidate at one end: accepting it accepts that candidate too.
    const relIndex = before.suggestions.findIndex(
      (s) => s.kind === 'relationship' && (s.from?.kind === 'candidate' || s.to?.kind === 'candidate'),
    );
    expect(relIndex).toBeGreaterThan(0);
    for (let i = 0; i < relIndex; i++) await page.keyboard.press('j');
    const rel = before.suggestions[relIndex]!;
    expect(await focusedId(page)).toBe(rel.id);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-suggestion-id'))).toBe(
      rel.id,
    );
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowDown');
    expect(await focusedId(page)).toBe(rel.id);
    await page.keyboard.press('a');
    const relItem = page.locator(`[data-suggestion-id="${rel.id}"]`);
    await expect.poll(() => relItem.getAttribute('data-state'), { timeout: 30_000 }).toBe('accepted');
    expect(await relItem.getByTestId('review-state').textContent()).toBe(
      `accepted by ${c.as.curator.username}`,
    );

    // Reject a node suggestion still pending, by its button.
    const after = await list(sourceId);
    const node = after.suggestions.find((s) => s.kind === 'node' && s.state === 'pending')!;
    const nodeItem = page.locator(`[data-suggestion-id="${node.id}"]`);
    await nodeItem.getByTestId('review-reject').click();
    await expect.poll(() => nodeItem.getAttribute('data-state'), { timeout: 30_000 }).toBe('rejected');

    // Through the API: the relationship exists with the sentence as evidence at its offsets, and a Change.
    const decided = await list(sourceId);
    const accepted = decided.suggestions.find((s) => s.id === rel.id)!;
    expect(accepted.state).toBe('accepted');
    expect(decided.suggestions.find((s) => s.id === node.id)!.state).toBe('rejected');
    const edgeId = accepted.decision!.resultId!;
    expect(edgeId).toBeTruthy();
    const from = edgeId.split('|')[0]!;
    const neighbours = await h.app.get<NeighboursResponse>(`/api/nodes/${enc(from)}/neighbours`);
    const edge = neighbours.body.edges.find((e) => e.id === edgeId)!;
    expect(edge, `edge ${edgeId}`).toBeDefined();
    const ev = edge.evidence!.find((e) => e.sourceId === sourceId)!;
    expect(ev.start).not.toBeNull();
    expect(ev.quote).toBe(stored.slice(ev.start!, ev.end!));
    expect(ev.quote).toBe(rel.quote);
    const history = await h.app.send<ChangeListResponse>(
      'GET',
      `/api/edges/${enc(edgeId)}/history`,
      undefined,
      c.as.curator.headers,
    );
    expect(history.status).toBe(200);
    expect(history.body.changes.map((x) => x.operation)).toContain('create-edge');
    expect(accepted.decision!.changeIds.length).toBeGreaterThan(0);

    // An accepted node goes on the canvas.
    const endNode = accepted.from?.kind === 'candidate' ? accepted.from : accepted.to;
    expect(endNode).toMatchObject({ kind: 'candidate', state: 'accepted' });
    if (endNode?.kind !== 'candidate') throw new Error('the accepted relationship has no candidate end');
    await page
      .locator(`[data-suggestion-id="${endNode.suggestionId}"]`)
      .getByTestId('review-add-canvas')
      .click();
    await h.waitForNode(endNode.nodeId!);

    // The same text again, as an uploaded .txt file: refused (409) with a link that opens the first source's review.
    await page.getByTestId('ingest-another').click();
    await page.getByTestId('ingest-title').fill(`Copy ${suffix()}`);
    await page
      .getByTestId('ingest-file')
      .setInputFiles({ name: 'copy.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
    await page.getByTestId('ingest-submit').click();
    const duplicate = page.getByTestId('ingest-duplicate-link');
    await expect.poll(() => duplicate.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('ingest-message').textContent()).toContain('Not added');
    expect(await duplicate.textContent()).toContain(title);
    await duplicate.click();
    await expect.poll(() => page.getByTestId('review-heading').textContent(), POLL).toContain(title);
    await expect.poll(() => relItem.getAttribute('data-state'), POLL).toBe('accepted');
    expect((await h.app.get<{ sources: { title: string }[] }>('/api/sources')).body.sources.length).toBe(
      sources_.body.sources.length,
    );

    // Accessible, and laid out inside the window at both sizes.
    expect(await seriousViolations(page)).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    for (const [w, hh] of [
      [1280, 800],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width: w, height: hh });
      await page.waitForTimeout(200);
      const box = (await panel.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(w);
      expect(box.y + box.height).toBeLessThanOrEqual(hh);
      await page.screenshot({ path: `${SHOTS}/review-${w}x${hh}.png` });
    }
    // A browser, a Neo4j and the extraction on a machine shared with other runs: well past vitest's 30 s default.
  }, 180_000);
});
