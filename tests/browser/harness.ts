// Shared browser-test harness: one app per test file, one Debian Chromium for the run, pages that fail on console errors.
/// <reference lib="dom" />
import type {} from '../../client/src/app/test-hooks.js';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startTestApp, type TestApp } from '../setup/test-app.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The test build of the client (`vite build --mode test`): the production build has no window.__explorer. */
const CLIENT_DIR = join(ROOT, 'dist/client-test');
/** Screenshots of each browser test land here (git-ignored). */
export const ARTIFACTS = join(ROOT, 'test-artifacts');
/** Cold queries (first plan, first JIT) can take a few seconds on a 2-core machine. */
export const POLL = { timeout: 15_000 };

/**
 * A control of the toolbar's "More" menu (layout, neighbour cap, drawing detail, Users), with the menu
 * opened first when the control is not in sight. Press Escape in the menu to close it again.
 */
export async function inMoreMenu(page: Page, control: Locator): Promise<Locator> {
  if (!(await control.isVisible())) {
    await page.getByTestId('toolbar-more').click();
    await expect.poll(() => control.isVisible(), POLL).toBe(true);
  }
  return control;
}

let sharedBrowser: Promise<Browser> | undefined;

/**
 * The integration project runs its files in one worker (isolate: false), so every browser test file gets
 * the same Chromium rather than launching its own; each page still has a context of its own. Playwright
 * ends the browser when the worker exits; a browser that crashed is launched again for the next file.
 */
function browserForRun(): Promise<Browser> {
  sharedBrowser ??= chromium
    .launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    })
    .then((b) => {
      b.on('disconnected', () => {
        sharedBrowser = undefined;
      });
      return b;
    });
  return sharedBrowser;
}

/** What a browser test file works with; `page` is the page opened last. */
export interface BrowserHarness {
  readonly app: TestApp;
  readonly browser: Browser;
  readonly page: Page;
  /**
   * Opens a fresh page at `/${query}` and waits for the explorer's test hooks. `allowStatuses`
   * is for tests where the API answers an error on purpose: Chromium logs each 4xx response as a
   * console error, so those statuses (and only those) are not counted as problems.
   */
  openPage(
    query?: string,
    opts?: { allowStatuses?: readonly number[]; login?: { username: string; password: string } },
  ): Promise<Page>;
  nodeIds(): Promise<string[]>;
  edgeIds(): Promise<string[]>;
  /** Resolves once queued layouts and camera moves have finished. */
  idle(): Promise<void>;
  /** Double-clicks a drawn node with the real mouse. */
  doubleClickNode(id: string): Promise<void>;
  /** Right-clicks a drawn node with the real mouse. */
  rightClickNode(id: string): Promise<void>;
  /** Waits until the canvas shows node `id`. */
  waitForNode(id: string): Promise<void>;
  /**
   * Opens a page at `/${query}`, waits for node `waitFor` and the layout, runs `before` (e.g. selecting
   * nodes while the canvas is uncovered), then opens the Export panel with X.
   */
  openExport(opts: {
    waitFor: string;
    query?: string;
    allowStatuses?: readonly number[];
    before?: (page: Page) => Promise<void>;
  }): Promise<Page>;
}

/**
 * Registers beforeAll/afterAll/afterEach hooks for one test file and returns the harness.
 * Every page records console errors, page errors and CSP violations; any of them fails the test.
 */
export function useBrowser(): BrowserHarness {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  const pages: Page[] = [];
  let problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(CLIENT_DIR, 'index.html')))
      throw new Error(
        'dist/client-test is missing: run `npm test` (it builds the client) or `npx vite build --mode test` first',
      );
    app = await startTestApp({ clientDir: CLIENT_DIR });
    browser = await browserForRun();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    // Pages a test opened on the browser directly: the next file starts with none.
    for (const context of browser?.contexts() ?? []) await context.close();
    await app?.close();
  });

  afterEach(async () => {
    for (const p of pages.splice(0)) await p.close();
    const seen = problems;
    problems = [];
    expect(seen).toEqual([]);
  });

  const current = (): Page => {
    if (!page) throw new Error('harness: call openPage() first');
    return page;
  };
  const mouseOn = async (id: string): Promise<{ x: number; y: number }> => {
    await h.idle();
    const at = await current().evaluate((nodeId) => window.__explorer!.screenPosition(nodeId), id);
    expect(at, `${id} is drawn`).not.toBeNull();
    return at!;
  };

  const h: BrowserHarness = {
    get app() {
      if (!app) throw new Error('harness: app not started');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('harness: browser not started');
      return browser;
    },
    get page() {
      return current();
    },
    async openPage(query = '', opts = {}) {
      const p = await h.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
      pages.push(p);
      page = p;
      const statuses = opts.allowStatuses ?? [];
      const allowed = new RegExp(
        `^Failed to load resource: the server responded with a status of (${statuses.join('|')}) `,
      );
      p.on('console', (m) => {
        if (m.type() === 'error' && !(statuses.length && allowed.test(m.text())))
          problems.push(`console: ${m.text()}`);
      });
      p.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      if (opts.login) {
        // The page's own request context shares its cookie jar: the page starts logged in (sid cookie).
        const res = await p.request.post(`${h.app.baseUrl}/api/auth/login`, { data: opts.login });
        expect(res.status(), 'harness login').toBe(200);
      }
      await p.goto(`${h.app.baseUrl}/${query}`);
      await p.waitForFunction(() => !!window.__explorer);
      return p;
    },
    nodeIds: () => current().evaluate(() => window.__explorer!.nodeIds()),
    edgeIds: () => current().evaluate(() => window.__explorer!.edgeIds()),
    idle: () => current().evaluate(() => window.__explorer!.whenIdle()),
    async doubleClickNode(id) {
      const at = await mouseOn(id);
      await current().mouse.dblclick(at.x, at.y);
    },
    async rightClickNode(id) {
      const at = await mouseOn(id);
      await current().mouse.click(at.x, at.y, { button: 'right' });
    },
    async waitForNode(id) {
      await current().waitForFunction((nodeId) => window.__explorer!.nodeIds().includes(nodeId), id, POLL);
    },
    async openExport({ waitFor, query = '', allowStatuses, before }) {
      const p = await h.openPage(query, { allowStatuses });
      await h.waitForNode(waitFor);
      await h.idle();
      await before?.(p);
      await p.locator('body').click({ position: { x: 5, y: 5 } });
      await p.keyboard.press('x');
      await expect.poll(() => p.getByTestId('export-panel').isVisible(), POLL).toBe(true);
      return p;
    },
  };
  return h;
}
