// Ingest review end to end in a real Chromium (issue 17, point 7): a curator pastes an article, edits one suggestion
// before accepting it, accepts one by keyboard, links one to an existing node, rejects one, accepts all of one
// relationship type; the new facts are then found with their quotes in the explorer (search, open, quote and
// source) and in a briefing downloaded from the Export panel (a note quoting the sentence); a reload keeps the
// undecided suggestions and shows who decided what. Also: an .html upload, and a long article's progress.
/// <reference lib="dom" />
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeResponse, SourceResponse, SuggestionListResponse } from '../../contract/index.js';
import { extractionPool } from '../../server/src/services/ingest/extraction-pool.js';
import { mdNotes, mdSection, mdSourceList } from '../setup/briefing-readers.js';
import { enc, startCuration, suffix, type Curation } from '../setup/curation-fixtures.js';
import { articleText, dropIngestState } from '../setup/ingest-fixtures.js';
import { inMoreMenu, POLL, useBrowser } from './harness.js';

const h = useBrowser();
const SHOTS = '/work/shots';
const START = 'forum:five-country-ministerial-2025';
const SLOW = { timeout: 60_000 };

let c: Curation;
const sources = new Set<string>();
beforeAll(async () => {
  c = await startCuration(h.app);
  // The extraction worker's first start (loading the NLP lexicon) is not what these tests time.
  await extractionPool.warmUp();
}, 180_000);
afterAll(async () => {
  await dropIngestState(h.app, sources);
  for (const id of sources) c.nodes.add(id);
  await c.cleanup();
});

const login = () => ({ username: c.as.curator.username, password: c.as.curator.password });

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

const sourceIdOf = async (title: string): Promise<string> => {
  const all = await h.app.get<{ sources: { id: string; title: string }[] }>('/api/sources');
  const id = all.body.sources.find((s) => s.title === title)?.id;
  expect(id, `source "${title}"`).toBeDefined();
  sources.add(id!);
  return id!;
};

async function openPanel(page: Page): Promise<void> {
  await (await inMoreMenu(page, page.getByTestId('ingest-open'))).click();
  await expect.poll(() => page.getByTestId('review-panel').isVisible(), POLL).toBe(true);
}

const item = (page: Page, id: string) => page.locator(`li[data-suggestion-id="${id}"]`);
const stateOf = (page: Page, id: string) => item(page, id).getAttribute('data-state');

describe('an article from paste to briefing', () => {
  it('edit, keyboard accept, link, reject and accept all; the facts are in the explorer and the briefing; a reload keeps the rest', async () => {
    const tag = suffix();
    // An existing node the article's "Maritime Crime Unit" most likely is (link target).
    const unity = await c.country(`Maritime Crime Unity ${tag}`);
    const page = await h.openPage('', { allowStatuses: [400, 422], login: login() });
    await h.waitForNode(START);
    await openPanel(page);
    const title = `Flow test ${tag}`;
    await page.getByTestId('ingest-title').fill(title);
    await page.getByTestId('ingest-text').fill(articleText(`fl${tag}`));
    await page.getByTestId('ingest-submit').click();
    await expect
      .poll(() => page.getByTestId('review-suggestion').count(), {
        timeout: 120_000,
        message: 'suggestions in the review (see ingest-message)',
      })
      .toBeGreaterThan(3)
      .catch(async (err: unknown) => {
        throw new Error(
          `${String(err)}; the form says: ${await page.getByTestId('ingest-message').textContent()}`,
        );
      });
    const sourceId = await sourceIdOf(title);
    const stored = (await h.app.get<SourceResponse>(`/api/sources/${enc(sourceId)}`)).body.source.text;
    const before = await list(sourceId);
    const node = (name: string) => {
      const s = before.suggestions.find((x) => x.kind === 'node' && x.name === name);
      expect(s, `${name} among ${before.suggestions.map((x) => x.name ?? x.type).join(', ')}`).toBeDefined();
      return s!;
    };
    const forum = before.suggestions.find((s) => s.kind === 'node' && s.label === 'Forum')!;
    const byron = node('Byron Camilleri');
    const mcu = node('Maritime Crime Unit');
    const government = node('Government of Malta');
    const chaired = before.suggestions.find(
      (s) => s.kind === 'relationship' && s.from?.kind === 'candidate' && s.from.suggestionId === byron.id,
    )!;
    expect(chaired, 'a relationship from Byron Camilleri').toBeDefined();

    // 1. Edit before accept: the forum gets a new name and a hedge; its quote stays the sentence.
    const forumName = `Harbour Security Forum ${tag}`;
    await item(page, forum.id).getByTestId('review-edit').click();
    const editor = item(page, forum.id).getByTestId('review-editor');
    await expect.poll(() => editor.isVisible(), POLL).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'review-edit-name',
    );
    // A bad edit is refused by the server, naming the field; the suggestion stays pending.
    await editor.getByTestId('review-edit-name').fill('   ');
    await editor.getByTestId('review-edit-accept').click();
    await expect
      .poll(() => editor.getByTestId('review-edit-message').textContent(), POLL)
      .toMatch(/Not accepted/);
    expect(await stateOf(page, forum.id)).toBe('pending');
    await editor.getByTestId('review-edit-name').fill(forumName);
    await editor.getByTestId('review-edit-confidence').selectOption('reported');
    mkdirSync(SHOTS, { recursive: true });
    for (const [w, hh] of [
      [1280, 800],
      [1440, 900],
    ] as const) {
      await page.setViewportSize({ width: w, height: hh });
      await page.waitForTimeout(200);
      await editor.scrollIntoViewIfNeeded();
      const box = (await page.getByTestId('review-panel').boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(w);
      expect(box.y + box.height).toBeLessThanOrEqual(hh);
      await page.screenshot({ path: `${SHOTS}/issue17-review-edit-${w}x${hh}.png` });
    }
    await editor.getByTestId('review-edit-accept').click();
    await expect.poll(() => stateOf(page, forum.id), SLOW).toBe('accepted');
    const forumId = (await list(sourceId)).suggestions.find((s) => s.id === forum.id)!.decision!.resultId!;
    const forumNode = (await h.app.get<NodeResponse>(`/api/nodes/${enc(forumId)}`)).body.node;
    expect(forumNode).toMatchObject({ name: forumName, properties: { confidence: 'reported' } });
    const forumEv = forumNode.evidence!.find((e) => e.sourceId === sourceId)!;
    expect(forumEv).toMatchObject({ quote: forum.quote, start: forum.start, end: forum.end });
    expect(stored.slice(forumEv.start!, forumEv.end!)).toBe(forum.quote);

    // 2. Keyboard only: from the list, move to Byron Camilleri with j/k and accept with Enter; r rejects.
    await page.getByTestId('review-list').focus();
    const goTo = async (id: string): Promise<void> => {
      for (let i = 0; i < 40; i++) {
        const at = await page.evaluate(() => document.activeElement?.getAttribute('data-suggestion-id'));
        if (at === id) return;
        const order = await page
          .locator('li[data-suggestion-id]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-suggestion-id')));
        await page.keyboard.press(order.indexOf(at ?? null) > order.indexOf(id) ? 'k' : 'j');
      }
      throw new Error(`could not reach ${id} by keyboard`);
    };
    // In the text: j walks the mentions; Enter on Byron Camilleri's goes to his suggestion.
    await page.getByTestId('review-text').focus();
    const activeFor = () => page.evaluate(() => document.activeElement?.getAttribute('data-for-suggestion'));
    for (let i = 0; i < 30 && (await activeFor()) !== byron.id; i++) await page.keyboard.press('j');
    expect(await activeFor()).toBe(byron.id);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-suggestion-id'))).toBe(
      byron.id,
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => stateOf(page, byron.id), SLOW).toBe('accepted');
    await goTo(government.id);
    // Tab goes into the focused suggestion's buttons (only its own are in the Tab order), its keys still work there.
    await page.keyboard.press('Tab');
    const active = await page.evaluate(() => ({
      testId: document.activeElement?.getAttribute('data-testid'),
      item: document.activeElement?.closest('li')?.getAttribute('data-suggestion-id'),
      keys: document.activeElement?.getAttribute('aria-keyshortcuts'),
    }));
    expect(active).toEqual({ testId: 'review-accept', item: government.id, keys: 'Enter a' });
    await page.keyboard.press('r');
    await expect.poll(() => stateOf(page, government.id), SLOW).toBe('rejected');

    // 3. Link: the candidate's likely matches are offered, the most likely first; link to the existing node.
    const choice = item(page, mcu.id).getByTestId('review-link-choice');
    const offered = await choice
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toContain(unity.id);
    const ranked = (await list(sourceId)).suggestions.find((s) => s.id === mcu.id)!.matches;
    expect(offered[0]).toBe([...ranked].sort((a, b) => b.score - a.score)[0]!.nodeId);
    await choice.selectOption(unity.id);
    await item(page, mcu.id).getByTestId('review-link').click();
    await expect.poll(() => stateOf(page, mcu.id), SLOW).toBe('linked');

    // 4. Accept all of the chaired relationship's type.
    const group = page.getByTestId('review-group').filter({ hasText: `${chaired.type} (relationships)` });
    await group.getByTestId('review-accept-all').click();
    await expect.poll(() => stateOf(page, chaired.id), SLOW).toBe('accepted');
    // A relationship's editor offers its type, both ends (the article's nodes) and confidence; Esc cancels it
    // without closing the panel or deciding anything.
    const pendingRel = (await list(sourceId)).suggestions.find(
      (s) => s.kind === 'relationship' && s.state === 'pending',
    );
    expect(pendingRel, 'a relationship still pending').toBeDefined();
    {
      await item(page, pendingRel!.id).getByTestId('review-edit').click();
      const relEditor = item(page, pendingRel!.id).getByTestId('review-editor');
      await expect.poll(() => relEditor.isVisible(), POLL).toBe(true);
      const ends = await relEditor
        .getByTestId('review-edit-to')
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      expect(ends).toEqual(expect.arrayContaining([forumId, unity.id]));
      await relEditor.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/issue17-review-edit-relationship-1440x900.png` });
      await page.keyboard.press('Escape');
      await expect.poll(() => relEditor.count(), POLL).toBe(0);
      expect(await page.getByTestId('review-panel').isVisible()).toBe(true);
      expect(await stateOf(page, pendingRel!.id)).toBe('pending');
    }
    const decided = await list(sourceId);
    const chairedNow = decided.suggestions.find((s) => s.id === chaired.id)!;
    const edgeId = chairedNow.decision!.resultId!;
    expect(edgeId.split('|')).toContain(forumId);
    expect(decided.counts.pending).toBeGreaterThan(0);
    expect(decided.suggestions.find((s) => s.id === mcu.id)!.decision!.resultId).toBe(unity.id);

    // 5. In the explorer: search the new forum, open it, its quote and source are in the details.
    await page.getByTestId('review-close').click();
    await page.getByTestId('search-input').fill(forumName);
    const hit = page.getByTestId('search-suggestion').filter({ hasText: forumName }).first();
    await expect.poll(() => hit.isVisible(), SLOW).toBe(true);
    await hit.click();
    await h.waitForNode(forumId);
    const details = page.getByTestId('details-panel');
    await expect
      .poll(() => details.getByTestId('evidence-quote').allInnerTexts(), SLOW)
      .toEqual(expect.arrayContaining([expect.stringContaining(forum.quote)]));
    expect((await details.getByTestId('evidence-source').allInnerTexts()).join(' ')).toContain(title);

    // 6. A reload keeps the undecided suggestions and shows who decided what.
    await page.reload();
    await h.waitForNode(START);
    await openPanel(page);
    await page.getByTestId('review-source-choice').selectOption(sourceId);
    await page.getByTestId('review-source-open').click();
    await expect
      .poll(() => page.getByTestId('review-suggestion').count(), SLOW)
      .toBe(decided.suggestions.length);
    for (const s of decided.suggestions) {
      expect(await stateOf(page, s.id), s.id).toBe(s.state);
      const shown = await item(page, s.id).getByTestId('review-state').textContent();
      expect(shown).toBe(s.state === 'pending' ? 'pending' : `${s.state} by ${c.as.curator.username}`);
    }
    expect(await page.getByTestId('review-heading').textContent()).toContain(
      `${decided.counts.pending} pending`,
    );

    // 7. In the briefing of the forum's neighbourhood: the chaired fact, its note quoting the sentence and source.
    const exp = await h.openExport({ waitFor: forumId, query: `?node=${enc(forumId)}` });
    await exp.getByTestId('export-data-format').selectOption('briefing');
    await expect.poll(() => exp.getByTestId('export-briefing-options').isVisible(), POLL).toBe(true);
    await exp.getByTestId('export-briefing-variant').selectOption('markdown');
    const [dl] = await Promise.all([
      exp.waitForEvent('download', SLOW),
      exp.getByTestId('export-data').click(),
    ]);
    const md = readFileSync((await dl.path())!, 'utf8');
    expect(mdSection(md, 'Findings').join('\n')).toContain(forumName);
    const keyOf = mdSourceList(md).find((s) => s.title === title)?.key;
    expect(keyOf, 'the article among the briefing sources').toBeDefined();
    const notes = mdNotes(md).filter((n) => n.source === keyOf);
    expect(notes.flatMap((n) => n.pieces)).toEqual(expect.arrayContaining([chaired.quote]));
  }, 300_000);
});

describe('other ways in', () => {
  it('an .html upload is reduced to its text, reviewed and accepted', async () => {
    const tag = suffix();
    const body = articleText(`ht${tag}`)
      .split('\n')
      .map((p) => (p ? `<p>${p}</p>` : ''))
      .join('\n');
    const html = `<!doctype html><html><head><title>Wire ${tag}</title><style>p{color:red}</style></head><body><nav><a href="https://example.org/">Home</a></nav>${body}<script>alert(1)</script></body></html>`;
    const page = await h.openPage('', { login: login() });
    await h.waitForNode(START);
    await openPanel(page);
    const title = `HTML test ${tag}`;
    await page.getByTestId('ingest-title').fill(title);
    await page
      .getByTestId('ingest-file')
      .setInputFiles({ name: 'article.html', mimeType: 'text/html', buffer: Buffer.from(html, 'utf8') });
    await page.getByTestId('ingest-submit').click();
    await expect.poll(() => page.getByTestId('review-suggestion').count(), SLOW).toBeGreaterThan(2);
    const sourceId = await sourceIdOf(title);
    const shown = await page.getByTestId('review-text').textContent();
    expect(shown).toContain('Maritime Crime Unit (MCU) of Europol attended the meeting.');
    expect(shown).not.toMatch(/<p>|alert\(1\)|color:red/);
    // Any new candidate (an earlier test may have put this article's people in the graph already).
    const s = (await list(sourceId)).suggestions.find((x) => x.kind === 'node' && x.state === 'pending')!;
    expect(s, 'a pending node suggestion').toBeDefined();
    await item(page, s.id).getByTestId('review-accept').click();
    await expect.poll(() => stateOf(page, s.id), SLOW).toBe('accepted');
    const after = (await list(sourceId)).suggestions.find((x) => x.id === s.id)!;
    const stored = (await h.app.get<SourceResponse>(`/api/sources/${enc(sourceId)}`)).body.source.text;
    expect(stored.slice(after.start, after.end)).toBe(after.quote);
  }, 120_000);

  it('a long article is extracted in the background: the panel shows its progress, then its suggestions', async () => {
    const tag = suffix();
    // Past the 100,000 characters the request waits for: the API answers 202 and extracts in the background.
    const filler = Array.from(
      { length: 1_400 },
      (_, i) =>
        `Paragraph ${i + 1} records that the delegates reviewed agenda item ${i + 1} in the afternoon.`,
    ).join(' ');
    const text = `${articleText(`lg${tag}`)}\n\n${filler}`;
    expect(text.length).toBeGreaterThan(100_000);
    const page = await h.openPage('', { login: login() });
    await h.waitForNode(START);
    await openPanel(page);
    const title = `Long test ${tag}`;
    await page.getByTestId('ingest-title').fill(title);
    await page.getByTestId('ingest-text').fill(text);
    // Every state the progress box shows, with its text and whether it was on screen, recorded as it is painted: the
    // extraction may end between two reads of the page, so the checks read this record instead of one moment.
    await page.evaluate(() => {
      const seen: { state: string; text: string; shown: boolean }[] = [];
      (window as unknown as { __progressSeen: typeof seen }).__progressSeen = seen;
      new MutationObserver(() => {
        const box = document.querySelector<HTMLElement>('[data-testid="review-progress"]');
        if (!box) return;
        const entry = {
          state: box.dataset['state'] ?? '',
          text: box.querySelector('[data-testid="review-progress-text"]')?.textContent ?? '',
          shown: !box.hidden && box.getBoundingClientRect().height > 0,
        };
        const last = seen[seen.length - 1];
        if (!last || last.state !== entry.state || last.text !== entry.text || last.shown !== entry.shown)
          seen.push(entry);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.getByTestId('ingest-submit').click();
    const progress = page.getByTestId('review-progress');
    const seen = (): Promise<{ state: string; text: string; shown: boolean }[]> =>
      page.evaluate(() => (window as unknown as { __progressSeen: [] }).__progressSeen);
    await expect.poll(async () => (await seen()).some((e) => e.state === 'running'), SLOW).toBe(true);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `${SHOTS}/issue17-review-progress-1440x900.png` });
    const running = (await seen()).filter((e) => e.state === 'running');
    expect(
      running.every((e) => e.shown),
      'the box is on screen while it runs',
    ).toBe(true);
    expect(running.map((e) => e.text)).toContainEqual(expect.stringMatching(/…$/));
    sources.add(await sourceIdOf(title));
    await expect
      .poll(() => page.getByTestId('review-suggestion').count(), { timeout: 180_000 })
      .toBeGreaterThan(2);
    expect(await progress.isVisible()).toBe(false);
    expect(await page.getByTestId('ingest-message').textContent()).toContain('background');
  }, 240_000);
});
