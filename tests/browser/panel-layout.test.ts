// Panels never collide: at 1280×800 and 1920×1080, with the console (a result shown), the Export panel and the
// details pane open, no two visible top-level panels overlap, nor the console's result header its controls;
// the node menu fits the window; the cooperation view's heading keeps its title on one line.
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

const START = 'forum:five-country-ministerial-2025';
/** The two laptop windows the heading and side panel checks run at. */
const LAPTOP_SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Boxes of the visible elements matched by each selector, named by the selector. */
function boxes(page: Page, selectors: readonly string[]): Promise<Box[]> {
  return page.evaluate(
    (sels) =>
      sels.flatMap((sel) =>
        [...document.querySelectorAll<HTMLElement>(sel)]
          .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
          .map((e) => {
            const r = e.getBoundingClientRect();
            return { name: sel, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
          }),
      ),
    selectors,
  );
}

/** Pairs whose boxes share more than a hairline (borders that touch are not an overlap). */
function overlaps(list: Box[]): string[] {
  const found: string[] = [];
  const fmt = (b: Box): string =>
    `${b.name} [${Math.round(b.left)},${Math.round(b.top)}–${Math.round(b.right)},${Math.round(b.bottom)}]`;
  for (let i = 0; i < list.length; i++)
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const hgt = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 1 && hgt > 1) found.push(`${fmt(a)} overlaps ${fmt(b)}`);
    }
  return found;
}

/** Boxes of `inner` that are not inside `outer`'s box. */
function notInside(outer: Box, inner: Box[]): string[] {
  return inner
    .filter((b) => b.left < outer.left - 1 || b.right > outer.right + 1 || b.top < outer.top - 1)
    .map(
      (b) =>
        `${b.name} at ${Math.round(b.left)}–${Math.round(b.right)} outside ${Math.round(outer.left)}–${Math.round(outer.right)}`,
    );
}

const TOP_LEVEL = [
  '#toolbar',
  '#sidebar',
  '[data-testid="details-panel"]',
  '.status-bar',
  '[data-testid="console-panel"]',
  '[data-testid="export-panel"]',
] as const;

describe('panels that never collide', () => {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    it(`leave no two visible panels overlapping at ${size.width}×${size.height} with the console, Export and details open`, async () => {
      const page = await h.openPage();
      await page.setViewportSize(size);
      await h.waitForNode(START);
      await h.idle();

      // The console, with a result of 18 rows (the result header above a long table).
      await page.locator('body').press(':');
      await expect.poll(() => page.getByTestId('console-panel').isVisible(), POLL).toBe(true);
      await page.getByRole('textbox', { name: 'Cypher query' }).click();
      await page.keyboard.type('MATCH (a:Actor)--(b) RETURN a.name AS name, b LIMIT 18');
      await page.keyboard.press('Control+Enter');
      await expect
        .poll(() => page.getByTestId('console-summary').innerText(), POLL)
        .toMatch(/^18 rows in \d+ ms/);
      await h.idle();
      // The Export panel, and a node in the details pane.
      await page.getByTestId('export-toggle').click();
      await expect.poll(() => page.getByTestId('export-panel').isVisible(), POLL).toBe(true);
      await page.evaluate((id) => window.__explorer!.select(id), START);
      await expect.poll(() => page.getByTestId('details-panel').innerText(), POLL).toContain('Five Country');

      const top = await boxes(page, TOP_LEVEL);
      expect(top.map((b) => b.name).sort(), 'every panel is visible').toEqual([...TOP_LEVEL].sort());
      expect(overlaps(top)).toEqual([]);
      for (const b of top) {
        expect(b.right, `${b.name} ends inside the window`).toBeLessThanOrEqual(size.width + 0.5);
        expect(b.bottom, `${b.name} ends inside the window`).toBeLessThanOrEqual(size.height + 0.5);
      }

      // The console: its result header covers neither the parameters box nor Run nor "Add results to canvas".
      const consoleParts = await boxes(page, [
        '[data-testid="console-summary"]',
        '[data-testid="console-params"]',
        '[data-testid="console-run"]',
        '.console-buttons label',
        '[data-testid="console-editor"]',
      ]);
      expect(consoleParts).toHaveLength(5);
      expect(overlaps(consoleParts)).toEqual([]);
      const [consoleBox] = top.filter((b) => b.name === '[data-testid="console-panel"]');
      expect(notInside(consoleBox!, consoleParts)).toEqual([]);
      for (const b of consoleParts) expect(b.bottom, b.name).toBeLessThanOrEqual(consoleBox!.bottom + 1);

      // The Export panel: its format lists and buttons stay inside its card.
      const [exportBox] = top.filter((b) => b.name === '[data-testid="export-panel"]');
      const exportParts = await boxes(page, [
        '[data-testid="export-panel"] select',
        '[data-testid="export-panel"] button',
      ]);
      expect(exportParts.length).toBeGreaterThan(3);
      expect(notInside(exportBox!, exportParts)).toEqual([]);
    }, 90_000);
  }

  it("keeps the cooperation view's title on one line and its buttons clear of the heading at 1280×800 and 1440×900", async () => {
    const page = await h.openPage();
    for (const size of LAPTOP_SIZES) {
      await page.setViewportSize(size);
      await h.waitForNode(START);
      await h.idle();
      if (!(await page.getByTestId('coop-overlay').isVisible())) {
        // Type, Enter picks the suggestion, Enter again runs.
        const input = page.getByTestId('coop-threat');
        await input.fill('terrorism');
        await expect.poll(() => page.getByTestId('search-suggestion').count(), POLL).toBeGreaterThan(0);
        await input.press('Enter');
        await expect.poll(() => input.inputValue(), POLL).toBe('Terrorism');
        await input.press('Enter');
        await expect.poll(() => page.getByTestId('coop-title').innerText(), POLL).toContain('Terrorism');
      }
      const title = await page.getByTestId('coop-title').evaluate((e) => ({
        height: e.getBoundingClientRect().height,
        line: parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.3,
      }));
      expect(title.height, `the title on one line at ${size.width}`).toBeLessThan(title.line * 1.5);
      const parts = await boxes(page, [
        '.coop-heading',
        '[data-testid="coop-show-graph"]',
        '[data-testid="coop-show-matrix"]',
        '[data-testid="coop-add-all"]',
        '[data-testid="coop-back"]',
      ]);
      expect(parts).toHaveLength(5);
      expect(overlaps(parts)).toEqual([]);
      const [header] = await boxes(page, ['.coop-header']);
      expect(notInside(header!, parts)).toEqual([]);
      // The summary reads in at most two lines.
      const summary = await page
        .locator('.coop-summary')
        .evaluate((e) => e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).fontSize));
      expect(summary, `the summary in two lines at most at ${size.width}`).toBeLessThan(2 * 1.5);
    }
  }, 90_000);

  it('shows suggestion names whole across on up to three lines, and keeps the swap button off both path fields', async () => {
    const page = await h.openPage();
    for (const size of LAPTOP_SIZES) {
      await page.setViewportSize(size);
      await h.waitForNode(START);
      // Names that share their first words (a series of agreements between the same two countries).
      for (const box of ['search-input', 'path-from']) {
        const input = page.getByTestId(box);
        await input.fill('franco-british');
        await expect.poll(() => page.getByTestId('search-suggestion').count(), POLL).toBeGreaterThan(3);
        const names = await page
          .getByTestId('search-suggestion')
          .locator('.suggestion-name')
          .evaluateAll((els) =>
            els.map((e) => ({
              text: e.textContent ?? '',
              across: e.scrollWidth - e.clientWidth,
              hidden: e.scrollHeight - e.clientHeight,
              lines: Math.round(e.clientHeight / parseFloat(getComputedStyle(e).lineHeight)),
            })),
          );
        for (const n of names) {
          expect(n.across, `"${n.text}" cut across at ${size.width} (${box})`).toBeLessThanOrEqual(1);
          // Cut only after three full lines.
          if (n.hidden > 1) expect(n.lines, `"${n.text}" cut before its third line`).toBe(3);
        }
        // Names up to 80 characters (all but the longest of the seed's) are never cut.
        expect(
          names.filter((n) => n.hidden > 1 && n.text.length <= 80).map((n) => n.text),
          `names cut at ${size.width} (${box})`,
        ).toEqual([]);
        await input.fill('');
        await page.keyboard.press('Escape');
      }
      const parts = await boxes(page, [
        '[data-testid="path-from"]',
        '[data-testid="path-to"]',
        '.path-ends .swap',
      ]);
      expect(parts).toHaveLength(3);
      expect(overlaps(parts)).toEqual([]);
    }
  }, 90_000);

  it('keeps the nodes that were on screen, and their names, on screen when the console docks above the canvas', async () => {
    const page = await h.openPage();
    /** Of `ids`, the nodes whose centre, or whose name, is drawn outside the canvas's visible box (page pixels). */
    const offCanvas = async (ids: string[]): Promise<string[]> => {
      const [canvas, status] = await boxes(page, ['#graph', '.status-bar']);
      // The status bar lies over the canvas's foot.
      const c = { ...canvas!, bottom: Math.min(canvas!.bottom, status!.top) };
      const out = (x: number, y: number): boolean =>
        x < c.left - 1 || x > c.right + 1 || y < c.top - 1 || y > c.bottom + 1;
      const at = await page.evaluate(
        (list) => list.map((id) => ({ id, p: window.__explorer!.screenPosition(id) })),
        ids,
      );
      const names = (await page.evaluate(() => window.__explorer!.drawnLabels!())).filter((n) =>
        ids.includes(n.id),
      );
      return [
        ...at.filter(({ p }) => !p || out(p.x, p.y)).map(({ id }) => id),
        ...names.filter((n) => out(n.x1, n.y1) || out(n.x2, n.y2)).map((n) => `the name "${n.text}"`),
      ];
    };
    /** The picture as the page shows it: where the nodes' centre is on screen, and their mean distance from it. */
    const camera = (ids: string[]): Promise<{ x: number; y: number; spread: number }> =>
      page.evaluate((list) => {
        const at = list.map((id) => window.__explorer!.screenPosition(id)!);
        const x = at.reduce((s, p) => s + p.x, 0) / at.length;
        const y = at.reduce((s, p) => s + p.y, 0) / at.length;
        return { x, y, spread: at.reduce((s, p) => s + Math.hypot(p.x - x, p.y - y), 0) / at.length };
      }, ids);
    for (const size of LAPTOP_SIZES)
      for (const closer of [false, true]) {
        const where = `at ${size.width}${closer ? ', one step closer than Fit' : ', as fitted'}`;
        await page.setViewportSize(size);
        await h.waitForNode(START);
        await h.idle();
        // Fit (the scene as the explorer frames it), or one step closer: the scene past the canvas, as when reading
        // part of it.
        await page.getByRole('button', { name: 'Fit', exact: true }).click();
        await h.idle();
        if (closer) {
          await page.getByRole('button', { name: 'Zoom in' }).click();
          await h.idle();
        }
        const all = await h.nodeIds();
        const away = new Set(await offCanvas(all));
        const seen = all.filter((id) => !away.has(id));
        expect(seen.length, `nodes on screen ${where}`).toBeGreaterThan(5);
        /** The nodes' centre on screen from the canvas's centre (page pixels). */
        const offCentre = async (): Promise<{ x: number; y: number; spread: number }> => {
          const [canvas] = await boxes(page, ['#graph']);
          const c = await camera(seen);
          return {
            x: c.x - (canvas!.left + canvas!.right) / 2,
            y: c.y - (canvas!.top + canvas!.bottom) / 2,
            spread: c.spread,
          };
        };
        const before = await camera(seen);
        const fitted = await offCentre();
        await page.getByTestId('console-toggle').click();
        await expect.poll(() => page.getByTestId('console-panel').isVisible(), POLL).toBe(true);
        // Once the console has docked and the canvas has settled; read once (a later label pass must not hide a
        // camera that left things off screen).
        await page.waitForTimeout(1000);
        await h.idle();
        expect(await offCanvas(seen), `on screen before, off it with the console ${where}`).toEqual([]);
        if (!closer) {
          // Framed again in the shorter canvas: the nodes sit about its centre as they sat about the taller one's
          // (scaled with the picture), not pushed down by the console's height.
          const docked = await offCentre();
          const k = docked.spread / fitted.spread;
          expect(
            Math.hypot(docked.x - fitted.x * k, docked.y - fitted.y * k),
            `framed again with the console ${where}`,
          ).toBeLessThan(20);
        }
        await page.getByTestId('console-toggle').click();
        await expect.poll(() => page.getByTestId('console-panel').isVisible(), POLL).toBe(false);
        await page.waitForTimeout(1000);
        await h.idle();
        if (!closer) {
          // A fitted scene is framed again when the console closes, by the box the Fit framed: the first Fit's picture
          // comes back (framed by the names as drawn at each size, it came back up to 5% smaller). Left as it was
          // with the console, it would sit half the console's height too high.
          const after = await camera(seen);
          expect(Math.hypot(after.x - before.x, after.y - before.y), `centred again ${where}`).toBeLessThan(
            1.5,
          );
          expect(after.spread / before.spread, `scale again ${where}`).toBeCloseTo(1, 2);
        }
      }
  }, 120_000);

  it('fits the node menu in the window at 1280×800, scrolling inside it when it is taller', async () => {
    const username = testUsername('curator');
    const { password } = await ensureUser(h.app, { username, role: 'curator' });
    users.push(username);
    // A curator's menu is the longest: the explorer's entries and the curation ones.
    const page = await h.openPage('', { login: { username, password } });
    await page.setViewportSize({ width: 1280, height: 800 });
    await h.waitForNode(START);
    await h.idle();
    await h.rightClickNode(START);
    const menu = page.getByTestId('node-menu');
    await expect.poll(() => menu.isVisible(), POLL).toBe(true);
    await expect.poll(() => menu.locator('button').count(), POLL).toBeGreaterThan(5);
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
        items: e.querySelectorAll('button, [role="menuitem"]').length,
      };
    });
    expect(m.items).toBeGreaterThan(5);
    expect(m.left).toBeGreaterThanOrEqual(0);
    expect(m.top).toBeGreaterThanOrEqual(0);
    expect(m.right).toBeLessThanOrEqual(1280);
    expect(m.bottom).toBeLessThanOrEqual(800);
    if (m.scrollHeight > m.clientHeight) expect(['auto', 'scroll']).toContain(m.overflowY);
    // Its last entry can be reached: scrolled into view, it is inside the menu's box.
    const last = menu.locator('button').last();
    await last.scrollIntoViewIfNeeded();
    const lb = await last.evaluate((e) => e.getBoundingClientRect().bottom);
    expect(lb).toBeLessThanOrEqual(m.bottom + 1);
  }, 90_000);
});
