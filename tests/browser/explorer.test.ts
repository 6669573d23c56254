// The explorer in a real Chromium (Debian's, via playwright-core): search, expand, evidence, cap, path finder.
/// <reference lib="dom" />
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSources } from '../../seed/read-seed.js';
import type { NeighboursResponse } from '../../contract/index.js';
import { ARTIFACTS, POLL, useBrowser } from './harness.js';

const h = useBrowser();
const { nodeIds, edgeIds, idle, doubleClickNode } = h;

describe('explorer in Chromium', () => {
  let page: Awaited<ReturnType<typeof h.openPage>>;
  it('opens on the Five Country Ministerial; search France, expand it: the UK appears and the details show a quote', async () => {
    page = await h.openPage();
    await page.waitForFunction(() =>
      window.__explorer!.nodeIds().includes('forum:five-country-ministerial-2025'),
    );
    expect((await nodeIds()).length).toBeGreaterThan(5);

    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await page.waitForFunction(() => window.__explorer!.nodeIds().length === 0);

    await page.getByTestId('search-input').fill('France');
    const suggestion = page.getByTestId('search-suggestion').filter({ hasText: 'France' }).first();
    await suggestion.click();
    await page.waitForFunction(() => window.__explorer!.nodeIds().includes('country:fr'));
    expect(await nodeIds()).toEqual(['country:fr']);

    await doubleClickNode('country:fr');
    await page.waitForFunction(() => window.__explorer!.nodeIds().includes('country:uk'));
    await idle();
    expect(await edgeIds()).toContain('country:fr|COOPERATES_WITH|country:uk');

    const details = page.getByTestId('details-panel');
    await expect.poll(() => details.getByTestId('evidence-quote').count(), POLL).toBeGreaterThan(0);
    const quote = (await details.getByTestId('evidence-quote').first().innerText())
      .trim()
      .replace(/^[“"]|[”"]$/g, '');
    const source = readSources().find((s) => s.id === 'source:004-paris-london-cooperation')!;
    expect(source.text).toContain(quote);
    expect(await details.getByTestId('evidence-source').first().innerText()).toContain('Paris-London');

    await page.screenshot({ path: join(ARTIFACTS, 'explorer.png') });
  });

  it('says "showing N of total" when the neighbour cap cuts an expansion', async () => {
    const { body } = await h.app.get<NeighboursResponse>('/api/nodes/country:uk/neighbours?limit=500');
    page = await h.openPage('?node=country:fr&cap=5');
    await page.waitForFunction(() => window.__explorer!.nodeIds().includes('country:fr'));
    await doubleClickNode('country:uk');
    await expect
      .poll(() => page.getByTestId('status').innerText(), POLL)
      .toContain(`showing 5 of ${body.total}`);
  });

  it('finds and highlights a path between two actors', async () => {
    page = await h.openPage();
    await page.waitForFunction(() =>
      window.__explorer!.nodeIds().includes('forum:five-country-ministerial-2025'),
    );
    await idle();
    for (const [testId, text, name] of [
      ['path-from', 'France', 'France'],
      ['path-to', 'Noem', 'Kristi Noem'],
    ] as const) {
      await page.getByTestId(testId).fill(text);
      await page.getByTestId('search-suggestion').filter({ hasText: name }).first().click();
    }
    await page.getByTestId('path-run').click();
    await expect
      .poll(() => page.getByTestId('status').innerText(), POLL)
      .toMatch(/path.* from France to Kristi Noem/);
    const ids = await nodeIds();
    expect(ids).toEqual(expect.arrayContaining(['country:fr', 'person:kristi-noem']));
    await idle();
    const classes = await page.evaluate(
      (all) => Object.fromEntries(all.map((id) => [id, window.__explorer!.classesOf(id)])),
      [...ids, ...(await edgeIds())],
    );
    // The path's ends and every edge on it are highlighted; what is off the path is dimmed.
    expect(classes['country:fr']).toContain('path');
    expect(classes['person:kristi-noem']).toContain('path');
    const onPath = Object.entries(classes)
      .filter(([, c]) => c.includes('path'))
      .map(([id]) => id);
    expect(onPath.filter((id) => id.includes('|')).length).toBeGreaterThanOrEqual(2);
    expect(Object.values(classes).some((c) => c.includes('dimmed'))).toBe(true);
  });
});
