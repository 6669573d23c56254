// The toolbar fits 1280 px in every role (anonymous, curator, admin): every control in the window, the less
// used ones in a keyboard-driven "More" menu, and moving focus never scrolls the toolbar.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropUser, ensureUser, testUsername } from '../setup/auth.js';
import { POLL, useBrowser } from './harness.js';

const h = useBrowser();
const users: string[] = [];
// The start view's query once before the pages ask for it: on a loaded machine its first (cold) run can
// pass the API's time limit (504), which the page would log as an error.
beforeAll(async () => {
  await h.app.get(
    `/api/nodes/${encodeURIComponent('forum:five-country-ministerial-2025')}/neighbours?limit=50`,
  );
}, 120_000);
afterAll(async () => {
  for (const u of users) await dropUser(h.app, u).catch(() => undefined);
});

const VIEWPORT = { width: 1280, height: 800 };

interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The boxes of the visible controls (buttons, selects, inputs) inside `selector`, named for messages. */
function controlBoxes(page: Page, selector: string, exclude = ''): Promise<Box[]> {
  return page.evaluate(
    ([sel, not]) =>
      [...document.querySelector(sel!)!.querySelectorAll<HTMLElement>('button, select, input')]
        .filter((e) => e.getClientRects().length > 0 && !(not && e.closest(not)))
        .map((e) => {
          const r = e.getBoundingClientRect();
          const name =
            e.getAttribute('aria-label') ?? e.dataset['testid'] ?? (e.textContent ?? '').trim().slice(0, 30);
          return { name, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }),
    [selector, exclude],
  );
}

function outside(boxes: Box[]): string[] {
  return boxes
    .filter((b) => b.left < 0 || b.top < 0 || b.right > VIEWPORT.width || b.bottom > VIEWPORT.height)
    .map(
      (b) =>
        `${b.name} at ${Math.round(b.left)}–${Math.round(b.right)} × ${Math.round(b.top)}–${Math.round(b.bottom)}`,
    );
}

async function openAs(role: 'anonymous' | 'curator' | 'admin'): Promise<Page> {
  let login: { username: string; password: string } | undefined;
  if (role !== 'anonymous') {
    const username = testUsername(role);
    const { password } = await ensureUser(h.app, { username, role });
    users.push(username);
    login = { username, password };
  }
  const page = await h.openPage('', { login });
  await page.setViewportSize(VIEWPORT);
  const account = role === 'anonymous' ? 'login-open' : 'logout';
  await expect.poll(() => page.getByTestId(account).isVisible(), POLL).toBe(true);
  return page;
}

/** What each role must find on the toolbar or in its More menu (by test id or accessible name). */
const EXPECTED: Record<'anonymous' | 'curator' | 'admin', { bar: string[]; more: string[] }> = {
  anonymous: {
    bar: [
      'Fit',
      'Zoom in',
      'Zoom out',
      'Clear canvas',
      'Undo',
      'Redo',
      'workspaces-toggle',
      'console-toggle',
      'export-toggle',
      'toolbar-more',
      'login-open',
    ],
    more: ['Layout', 'Re-run layout', 'cap-input', 'Drawing detail'],
  },
  curator: {
    bar: [
      'Fit',
      'Clear canvas',
      'Undo',
      'Redo',
      'workspaces-toggle',
      'console-toggle',
      'export-toggle',
      'new-node',
      'changes-toggle',
      'toolbar-more',
      'logout',
    ],
    more: ['Layout', 'Re-run layout', 'cap-input', 'Drawing detail', 'ingest-open'],
  },
  admin: {
    bar: [
      'Fit',
      'Clear canvas',
      'Undo',
      'Redo',
      'workspaces-toggle',
      'console-toggle',
      'export-toggle',
      'new-node',
      'changes-toggle',
      'toolbar-more',
      'logout',
    ],
    more: ['Layout', 'Re-run layout', 'cap-input', 'Drawing detail', 'ingest-open', 'users-toggle'],
  },
};

describe('the toolbar at 1280×800', () => {
  for (const role of ['anonymous', 'curator', 'admin'] as const) {
    it(`shows every control inside the window, ${role}, including those in the open More menu`, async () => {
      const page = await openAs(role);
      const bar = await controlBoxes(page, '#toolbar', '.more-popup');
      expect(outside(bar), 'toolbar controls outside the window').toEqual([]);
      expect(bar.map((b) => b.name)).toEqual(expect.arrayContaining(EXPECTED[role].bar));
      expect(
        await page.evaluate(() => {
          const t = document.getElementById('toolbar')!;
          return t.scrollWidth - t.clientWidth;
        }),
        'the toolbar is not wider than the window',
      ).toBeLessThanOrEqual(0);

      await page.getByTestId('toolbar-more').click();
      await expect.poll(() => page.getByTestId('toolbar-more-popup').isVisible(), POLL).toBe(true);
      const more = await controlBoxes(page, '.more-popup');
      expect(outside(more), 'More menu controls outside the window').toEqual([]);
      expect(more.map((b) => b.name)).toEqual(expect.arrayContaining(EXPECTED[role].more));
      if (role !== 'admin') expect(more.map((b) => b.name)).not.toContain('users-toggle');
      if (role === 'anonymous') expect(more.map((b) => b.name)).not.toContain('ingest-open');
    });
  }

  it('opens the More menu from the keyboard: Enter and Space open, arrows move, Escape closes and returns focus', async () => {
    const page = await openAs('admin');
    const more = page.getByTestId('toolbar-more');
    const popup = page.getByTestId('toolbar-more-popup');
    const focused = (): Promise<string> =>
      page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return a?.getAttribute('aria-label') ?? a?.dataset['testid'] ?? a?.textContent?.trim() ?? '';
      });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => popup.isVisible(), POLL).toBe(true);
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    expect(await focused()).toBe('Layout');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('Re-run layout');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe('cap-input');
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('Re-run layout');
    await page.keyboard.press('End');
    expect(await focused()).toBe('users-toggle');
    await page.keyboard.press('ArrowDown');
    expect(await focused(), 'arrows wrap around').toBe('Layout');
    // An arrow on the layout select moves focus; it does not change the layout.
    const layoutBefore = await page.getByRole('combobox', { name: 'Layout' }).inputValue();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('combobox', { name: 'Layout' }).inputValue()).toBe(layoutBefore);

    await page.keyboard.press('Escape');
    await expect.poll(() => popup.isVisible(), POLL).toBe(false);
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await focused()).toBe('toolbar-more');

    await page.keyboard.press('Space');
    await expect.poll(() => popup.isVisible(), POLL).toBe(true);
    expect(await focused()).toBe('Layout');
    // A button in the menu does its job and the menu closes; closing its panel gives focus back to More.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('users-panel').isVisible(), POLL).toBe(true);
    expect(await popup.isVisible()).toBe(false);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('users-panel').isVisible(), POLL).toBe(false);
    expect(await focused()).toBe('toolbar-more');
  });

  it('never scrolls when focus moves through it', async () => {
    const page = await openAs('admin');
    const fitLeft = (): Promise<number> =>
      page.getByRole('button', { name: 'Fit', exact: true }).evaluate((e) => e.getBoundingClientRect().left);
    const before = await fitLeft();
    await page.getByRole('button', { name: 'Fit', exact: true }).focus();
    // Tab through every toolbar control and a few beyond: Fit stays where it was, nothing scrolled.
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('Tab');
      expect(await fitLeft()).toBe(before);
      expect(await page.evaluate(() => document.getElementById('toolbar')!.scrollLeft)).toBe(0);
    }
  });
});
