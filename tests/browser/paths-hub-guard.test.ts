// The path finder's hub notice in Chromium: a shortest path that went round a hub says so, names the hub and offers
// "Include hubs", which asks again with the guard off and shows the shorter path through it; undo brings the notice back.
/// <reference lib="dom" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATH_HUB_DEGREE, type PathsResponse } from '../../contract/index.js';
import { createPathHubFixture, type PathHubFixture } from '../setup/path-hub-fixture.js';
import { ARTIFACTS, POLL, useBrowser } from './harness.js';

const h = useBrowser();
let fx: PathHubFixture;
// A prefix no seed name shares, so typing it finds only the fixture.
const PREFIX = 'Quorvane';

beforeAll(async () => {
  fx = await createPathHubFixture(h.app, PREFIX);
});
afterAll(async () => {
  await fx.remove();
});

/** Picks a path end by typing its name and choosing the suggestion (the full-text index may lag the write). */
async function pickEnd(page: Page, testId: string, name: string): Promise<void> {
  const suggestion = page.getByTestId('search-suggestion').filter({ hasText: name }).first();
  await expect
    .poll(async () => {
      await page.getByTestId(testId).fill('');
      await page.getByTestId(testId).fill(name);
      return suggestion
        .waitFor({ state: 'visible', timeout: 3_000 })
        .then(() => true)
        .catch(() => false);
    }, POLL)
    .toBe(true);
  await suggestion.click();
}

const hopsListed = (page: Page): Promise<string[]> =>
  page.locator('[data-testid="path-item"] .path-hops').allInnerTexts();

describe('shortest path round a hub', () => {
  it('shows the notice naming the hub, and Include hubs finds the shorter path through it', async () => {
    const api = (extra: string) =>
      h.app.get<PathsResponse>(
        `/api/paths?from=${encodeURIComponent(fx.A)}&to=${encodeURIComponent(fx.B)}&maxHops=6&mode=shortest${extra}`,
      );
    const guarded = (await api('')).body;
    const through = (await api('&throughHubs=true')).body;
    // The answers the page should show (not a comparison of empty answers).
    expect(guarded.paths[0]!.edges).toHaveLength(4);
    expect(guarded.hubsAvoided?.map((x) => x.name)).toEqual([fx.hubName]);
    expect(through.paths[0]!.edges).toHaveLength(2);

    const page = await h.openPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await h.idle();
    await pickEnd(page, 'path-from', fx.names.A);
    await pickEnd(page, 'path-to', fx.names.B);
    await page.getByTestId('path-hops').selectOption('6');
    await page.getByTestId('path-run').click();

    const notice = page.getByTestId('path-hub-notice');
    await expect.poll(() => notice.isVisible(), POLL).toBe(true);
    expect(await hopsListed(page)).toEqual(['4 hops']);
    const text = await notice.innerText();
    expect(text).toContain(
      `Avoids 1 hub with more than ${PATH_HUB_DEGREE.toLocaleString('en-US')} ties (${fx.hubName}) — a shorter path may pass through it.`,
    );
    expect(await notice.getAttribute('title')).toContain(
      `${fx.hubName}: ${(PATH_HUB_DEGREE + 3).toLocaleString('en-US')} ties`,
    );
    // Readable in the sidebar: the notice and its button inside the sidebar's width, the button not cut.
    const [box, button, sidebar] = await Promise.all([
      notice.boundingBox(),
      page.getByTestId('path-include-hubs').boundingBox(),
      page.getByTestId('path-results').boundingBox(),
    ]);
    expect(box!.x + box!.width).toBeLessThanOrEqual(sidebar!.x + sidebar!.width + 0.5);
    expect(button!.x + button!.width).toBeLessThanOrEqual(box!.x + box!.width + 0.5);
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'paths-hub-notice-1280x800.png') });

    await page.getByTestId('path-include-hubs').click();
    await expect.poll(() => hopsListed(page), POLL).toEqual(['2 hops']);
    expect(await page.getByTestId('path-chain').innerText()).toContain(fx.hubName);
    expect(await h.nodeIds()).toContain(fx.HUB);
    await expect.poll(() => notice.isVisible(), POLL).toBe(false);

    // The path round the hub, with its notice, is one undo away.
    await page.getByTestId('undo').click();
    await expect.poll(() => hopsListed(page), POLL).toEqual(['4 hops']);
    await expect.poll(() => notice.isVisible(), POLL).toBe(true);
  });

  it('shows no notice when no hub is near the ends', async () => {
    const page = await h.openPage();
    await h.idle();
    await pickEnd(page, 'path-from', fx.names.D);
    await pickEnd(page, 'path-to', fx.names.C);
    await page.getByTestId('path-hops').selectOption('6');
    await page.getByTestId('path-run').click();
    await expect.poll(() => hopsListed(page), POLL).toEqual(['4 hops']);
    expect(await page.getByTestId('path-hub-notice').isVisible()).toBe(false);
  });
});
