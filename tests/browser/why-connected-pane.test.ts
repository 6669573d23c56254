// "Why are these connected" in the wide details pane (issue 16.4), in Chromium: choosing a path opens its
// explanation in the details pane, not the sidebar; each hop's quotes take one line until a keyboard-operable
// disclosure opens them; at 1280×800 and 1920×1080 nothing overlaps with the pane open, and a curator's node
// menu stays inside the window (scrolling inside itself when taller).
/// <reference lib="dom" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { PathsResponse } from '../../contract/index.js';
import { dropUser, ensureUser, testUsername } from '../setup/auth.js';
import { ARTIFACTS, POLL, useBrowser } from './harness.js';

const h = useBrowser();
const users: string[] = [];
afterAll(async () => {
  for (const u of users) await dropUser(h.app, u).catch(() => undefined);
});

const START = 'forum:five-country-ministerial-2025';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Boxes of the visible elements matched by each selector. */
function boxes(page: Page, selectors: readonly string[]): Promise<Box[]> {
  return page.evaluate(
    (sels) =>
      sels.flatMap((sel) =>
        [...document.querySelectorAll<HTMLElement>(sel)]
          .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
          .map((e, i) => {
            const r = e.getBoundingClientRect();
            return { name: `${sel}#${i}`, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
          }),
      ),
    selectors,
  );
}

/** Pairs whose boxes share more than a hairline. */
function overlaps(list: Box[]): string[] {
  const found: string[] = [];
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const hgt = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && hgt > 1) found.push(`${a.name} overlaps ${b.name}`);
    }
  return found;
}

/** Picks a path end by typing and choosing the suggestion named `name`. */
async function pickEnd(page: Page, testId: string, text: string, name: string): Promise<void> {
  await page.getByTestId(testId).fill(text);
  await page.getByTestId('search-suggestion').filter({ hasText: name }).first().click();
}

/** Finds France → Canada's paths and chooses the first one from the list with the real mouse. */
async function chooseFranceCanada(page: Page): Promise<PathsResponse> {
  await pickEnd(page, 'path-from', 'France', 'France');
  await pickEnd(page, 'path-to', 'Canada', 'Canada');
  await page.getByTestId('path-mode').selectOption('all-shortest');
  await page.getByTestId('path-run').click();
  const { body } = await h.app.get<PathsResponse>(
    '/api/paths?from=country:fr&to=country:ca&maxHops=4&mode=all-shortest',
  );
  await expect.poll(() => page.getByTestId('path-item').count(), POLL).toBe(body.paths.length);
  await h.idle();
  await page.getByTestId('path-item').first().click();
  return body;
}

/** Each hop's quotes as drawn: how many are visible, their line counts, and whether any is cut. */
function hopQuotes(
  page: Page,
): Promise<{ visible: number; lines: number[]; cut: boolean; height: number }[]> {
  return page.getByTestId('why-hop').evaluateAll((hops) =>
    hops.map((hop) => {
      const quotes = [...hop.querySelectorAll<HTMLElement>('[data-testid="evidence-quote"]')].filter(
        (q) => q.getClientRects().length > 0,
      );
      const box = hop.querySelector<HTMLElement>('[data-testid="why-quotes"]');
      return {
        visible: quotes.length,
        lines: quotes.map((q) =>
          Math.round(q.clientHeight / parseFloat(getComputedStyle(q).lineHeight || '16')),
        ),
        cut: quotes.some((q) => q.scrollWidth > q.clientWidth + 1),
        height: box?.getBoundingClientRect().height ?? 0,
      };
    }),
  );
}

describe('"why are these connected" in the details pane', () => {
  it("opens in the details pane with each hop's quotes on one line until a keyboard disclosure opens them", async () => {
    const page = await h.openPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await h.waitForNode(START);
    await h.idle();
    const body = await chooseFranceCanada(page);
    const path = body.paths[0]!;

    const details = page.getByTestId('details-panel');
    const why = details.getByTestId('why-connected');
    await expect.poll(() => why.getByTestId('why-hop').count(), POLL).toBe(path.edges.length);
    // In the details pane, and nowhere in the sidebar.
    expect(await page.locator('#sidebar [data-testid="why-connected"]').count()).toBe(0);
    const [pane] = await boxes(page, ['[data-testid="details-panel"]']);
    const [side] = await boxes(page, ['#sidebar']);
    expect(pane!.right - pane!.left, 'the details pane is the wider one').toBeGreaterThan(
      side!.right - side!.left,
    );
    const inside = await boxes(page, ['[data-testid="why-connected"]', '[data-testid="why-hop"]']);
    for (const b of inside) {
      expect(b.left, b.name).toBeGreaterThanOrEqual(pane!.left - 0.5);
      expect(b.right, b.name).toBeLessThanOrEqual(pane!.right + 0.5);
    }
    expect(overlaps(inside.filter((b) => b.name.startsWith('[data-testid="why-hop"]')))).toEqual([]);

    // Collapsed: at most one quote per hop, on one line.
    const quoted = path.edges.filter((e) => (e.evidence ?? []).some((ev) => ev.quote !== null)).length;
    expect(quoted, 'the path has quoted hops').toBeGreaterThan(0);
    const collapsed = await hopQuotes(page);
    expect(collapsed.filter((q) => q.visible > 0)).toHaveLength(quoted);
    for (const q of collapsed) {
      expect(q.visible).toBeLessThanOrEqual(1);
      for (const l of q.lines) expect(l).toBeLessThanOrEqual(1);
    }

    // A disclosure opened and closed by the keyboard: Enter opens every quote of the hop whole, Space closes.
    const toggles = why.getByTestId('why-quotes-toggle');
    expect(await toggles.count()).toBe(quoted);
    const first = toggles.first();
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    const controls = await first.getAttribute('aria-controls');
    expect(await page.locator(`#${controls}`).getAttribute('data-testid')).toBe('why-quotes');
    await first.focus();
    await page.keyboard.press('Enter');
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    const hopIndex = await first.evaluate((t) =>
      [...document.querySelectorAll('[data-testid="why-hop"]')].indexOf(
        t.closest('[data-testid="why-hop"]')!,
      ),
    );
    const opened = (await hopQuotes(page))[hopIndex]!;
    const edgeId = await why.getByTestId('why-hop').nth(hopIndex).getAttribute('data-edge-id');
    const edge = path.edges.find((e) => e.id === edgeId)!;
    expect(opened.visible).toBe((edge.evidence ?? []).filter((ev) => ev.quote !== null).length);
    expect(opened.cut).toBe(false);
    expect(opened.height).toBeGreaterThan(collapsed[hopIndex]!.height);
    await page.screenshot({ path: join(ARTIFACTS, 'why-pane-1280.png') });
    await page.keyboard.press('Space');
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    expect((await hopQuotes(page))[hopIndex]!.visible).toBeLessThanOrEqual(1);

    // Back to details hands the pane to the selection; the sidebar's button brings the explanation back.
    await page.evaluate(() => window.__explorer!.select('country:uk'));
    await expect.poll(() => details.getByTestId('why-connected').count(), POLL).toBe(0);
    await expect
      .poll(() => page.locator('.details-title').first().textContent(), POLL)
      .toBe('United Kingdom');
    await page.getByTestId('why-open').click();
    await expect.poll(() => details.getByTestId('why-hop').count(), POLL).toBe(path.edges.length);
    await details.getByTestId('why-back').click();
    await expect
      .poll(() => page.locator('.details-title').first().textContent(), POLL)
      .toBe('United Kingdom');
  }, 120_000);

  for (const size of SIZES)
    it(`leaves nothing overlapping at ${size.width}×${size.height} with the pane open, and fits a curator's node menu in the window`, async () => {
      const username = testUsername('curator');
      const { password } = await ensureUser(h.app, { username, role: 'curator' });
      users.push(username);
      const page = await h.openPage('', { login: { username, password } });
      await page.setViewportSize(size);
      await h.waitForNode(START);
      await h.idle();
      const body = await chooseFranceCanada(page);
      await expect
        .poll(() => page.getByTestId('details-panel').getByTestId('why-hop').count(), POLL)
        .toBe(body.paths[0]!.edges.length);
      // Every disclosure open: the longest the pane gets.
      for (const t of await page.getByTestId('why-quotes-toggle').all()) await t.click();
      await h.idle();

      const top = await boxes(page, [
        '#toolbar',
        '#sidebar',
        '[data-testid="details-panel"]',
        '.status-bar',
        '#graph',
      ]);
      expect(top).toHaveLength(5);
      expect(overlaps(top)).toEqual([]);
      for (const b of top) {
        expect(b.right, `${b.name} ends inside the window`).toBeLessThanOrEqual(size.width + 0.5);
        expect(b.bottom, `${b.name} ends inside the window`).toBeLessThanOrEqual(size.height + 0.5);
      }
      // The pane scrolls rather than spilling sideways; its parts do not overlap one another.
      const scroll = await page
        .getByTestId('details-panel')
        .evaluate((e) => ({ sw: e.scrollWidth, cw: e.clientWidth, oy: getComputedStyle(e).overflowY }));
      expect(scroll.sw).toBeLessThanOrEqual(scroll.cw + 1);
      expect(['auto', 'scroll']).toContain(scroll.oy);
      const parts = await boxes(page, [
        '[data-testid="why-hop"] .why-sentence',
        '[data-testid="why-hop"] .why-type',
        '[data-testid="why-quotes-toggle"]',
        '[data-testid="evidence-quote"]',
        '[data-testid="why-back"]',
      ]);
      expect(parts.length).toBeGreaterThan(4);
      expect(overlaps(parts)).toEqual([]);
      // The path list in the sidebar: its items (as far as its scroll box shows them) neither overlap each
      // other nor the button below, nor leave the sidebar.
      const [list] = await boxes(page, ['[data-testid="path-list"]']);
      const items = [
        ...(await boxes(page, ['[data-testid="path-item"]']))
          .map((b) => ({ ...b, top: Math.max(b.top, list!.top), bottom: Math.min(b.bottom, list!.bottom) }))
          .filter((b) => b.bottom > b.top),
        ...(await boxes(page, ['[data-testid="why-open"]'])),
      ];
      expect(items.length).toBeGreaterThan(1);
      expect(overlaps(items)).toEqual([]);
      const [side] = top.filter((b) => b.name.startsWith('#sidebar'));
      for (const b of items) expect(b.right, b.name).toBeLessThanOrEqual(side!.right + 0.5);
      await page.screenshot({ path: join(ARTIFACTS, `why-pane-${size.width}x${size.height}.png`) });

      // A curator's node menu (the longest) at a node near the bottom: inside the window, scrolling inside.
      await h.rightClickNode('country:ca');
      const menu = page.getByTestId('node-menu');
      await expect.poll(() => menu.isVisible(), POLL).toBe(true);
      await expect.poll(() => menu.locator('button').count(), POLL).toBeGreaterThan(5);
      // The menu is rebuilt once the neighbour counts arrive: measure the final one.
      await expect.poll(() => menu.getByTestId('menu-loading').count(), POLL).toBe(0);
      const m = await menu.evaluate((e) => {
        const r = e.getBoundingClientRect();
        return {
          left: r.left,
          top: r.top,
          right: r.right,
          bottom: r.bottom,
          scrollHeight: e.scrollHeight,
          clientHeight: e.clientHeight,
          overflowY: getComputedStyle(e).overflowY,
        };
      });
      expect(m.left).toBeGreaterThanOrEqual(0);
      expect(m.top).toBeGreaterThanOrEqual(0);
      expect(m.right).toBeLessThanOrEqual(size.width);
      expect(m.bottom).toBeLessThanOrEqual(size.height);
      if (m.scrollHeight > m.clientHeight) expect(['auto', 'scroll']).toContain(m.overflowY);
      const last = menu.locator('button').last();
      await last.scrollIntoViewIfNeeded();
      const lb = await last.evaluate((e) => e.getBoundingClientRect().bottom);
      expect(lb).toBeLessThanOrEqual(m.bottom + 1);
      await page.screenshot({ path: join(ARTIFACTS, `why-pane-menu-${size.width}x${size.height}.png`) });
    }, 120_000);
});
