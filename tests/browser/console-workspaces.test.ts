// The Cypher console and saved workspaces in a real Chromium: rows and canvas, refused writes, CSP, save and reopen.
/// <reference lib="dom" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CypherResponse } from '../../server/src/api-types.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { ARTIFACTS, POLL, useBrowser } from './harness.js';

const h = useBrowser();

/** What the API answers for a console query, to compare the panel against. */
async function apiCypher(query: string, params?: Record<string, unknown>): Promise<{ status: number; body: any }> {
  return h.app.send('POST', '/api/cypher', params ? { query, params } : { query });
}

/** Opens the console with its shortcut and types `query` into the editor (replacing what is there). */
async function typeQuery(page: Page, query: string): Promise<void> {
  const panel = page.getByTestId('console-panel');
  if (!(await panel.isVisible())) {
    await page.locator('body').press(':');
    await expect.poll(() => panel.isVisible(), POLL).toBe(true);
  }
  const input = page.getByRole('textbox', { name: 'Cypher query' });
  await input.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(query);
  await expect.poll(() => input.innerText(), POLL).toBe(query);
}

async function waitForStartView(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__explorer!.nodeIds().includes('forum:five-country-ministerial-2025'), undefined, POLL);
  await h.idle();
}

const sorted = (ids: readonly string[]): string[] => [...ids].sort();

describe('Cypher console', () => {
  it('runs a read query with Ctrl+Enter: the table shows the rows the API returns and the nodes land on the canvas', async () => {
    const query = 'MATCH (c:Country)-[r]->(f:Forum) RETURN c, r, f ORDER BY r.id LIMIT 5';
    const expected = (await apiCypher(query)).body as CypherResponse;
    expect(expected.rows.length).toBeGreaterThan(0);

    const page = await h.openPage();
    await waitForStartView(page);
    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await page.waitForFunction(() => window.__explorer!.nodeIds().length === 0);

    await typeQuery(page, query);
    await page.keyboard.press('Control+Enter');
    const rows = page.getByTestId('console-row');
    await expect.poll(() => rows.count(), POLL).toBe(expected.rows.length);

    // Each row shows the same nodes, in the same order, as the API's answer.
    const chips = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('[data-testid="console-node-chip"]')].map((c) => c.getAttribute('data-id'))));
    expect(chips).toEqual(expected.rows.map((row: any[]) => [row[0].$node, row[2].$node]));
    const relIds = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('.cell-rel')?.getAttribute('data-id')));
    expect(relIds).toEqual(expected.rows.map((row: any[]) => row[1].$relationship));
    expect(await page.getByTestId('console-summary').innerText()).toMatch(new RegExp(`^${expected.rows.length} rows in \\d+ ms`));
    expect(await page.getByTestId('console-truncated').count()).toBe(0);

    // ... and exactly the returned nodes and relationships are on the (cleared) canvas.
    await expect.poll(async () => sorted(await h.nodeIds()), POLL).toEqual(sorted(expected.graph.nodes.map((n) => n.id)));
    expect(sorted(await h.edgeIds())).toEqual(sorted(expected.graph.edges.map((e) => e.id)));

    // The query is in the history, newest first.
    expect(await page.getByTestId('console-history-item').first().innerText()).toBe(query);
    await h.idle();
    await page.screenshot({ path: join(ARTIFACTS, 'console.png') });
  });

  it('says when the row cap cut the result', async () => {
    const page = await h.openPage();
    await waitForStartView(page);
    await typeQuery(page, 'UNWIND range(1, 1500) AS x RETURN x');
    await page.getByTestId('console-run').click();
    await expect.poll(() => page.getByTestId('console-truncated').innerText().catch(() => ''), POLL).toBe('Showing the first 1000 rows (row cap).');
    expect(await page.getByTestId('console-row').count()).toBe(1000);
  });

  it('shows a refused write with its code and message, and neither the graph nor the canvas changes', async () => {
    const write = "CREATE (:Country {id: 'country:zz', name: 'Nowhere'})";
    const page = await h.openPage();
    await waitForStartView(page);
    const before = { graph: await graphFingerprint(h.app.store), nodes: sorted(await h.nodeIds()), edges: sorted(await h.edgeIds()) };

    await typeQuery(page, write);
    await page.keyboard.press('Control+Enter');
    const error = page.getByTestId('console-error');
    await expect.poll(() => error.isVisible(), POLL).toBe(true);
    expect(await page.getByTestId('console-error-code').innerText()).toBe('WRITE_REFUSED');
    const refused = await apiCypher(write);
    expect(refused.status).toBe(400);
    expect(await page.getByTestId('console-error-message').innerText()).toBe(refused.body.error.message);
    expect(await page.getByTestId('console-row').count()).toBe(0);

    await h.idle();
    expect(await graphFingerprint(h.app.store)).toEqual(before.graph);
    expect((await apiCypher("MATCH (c {id: 'country:zz'}) RETURN c")).body.rows).toEqual([]);
    expect(sorted(await h.nodeIds())).toEqual(before.nodes);
    expect(sorted(await h.edgeIds())).toEqual(before.edges);
  });

  it('refuses bad parameters JSON before sending anything, then runs with valid ones; Ctrl+Up recalls history', async () => {
    const page = await h.openPage();
    await waitForStartView(page);
    const sent: string[] = [];
    page.on('request', (r) => { if (r.url().endsWith('/api/cypher')) sent.push(r.postData() ?? ''); });

    const query = 'MATCH (c:Country {id: $id}) RETURN c.name AS name';
    await typeQuery(page, query);
    const params = page.getByTestId('console-params');
    await params.fill('{"id": ');
    await page.getByTestId('console-run').click();
    await expect.poll(() => page.getByTestId('console-error-code').innerText().catch(() => ''), POLL).toBe('INVALID_PARAMETERS');
    expect(await page.getByTestId('console-error-message').innerText()).toMatch(/^Parameters: invalid JSON .*Nothing was sent\.$/);
    await params.fill('["country:fr"]');
    await params.press('Control+Enter');
    await expect.poll(() => page.getByTestId('console-error-message').innerText(), POLL).toContain('expecting a JSON object');
    expect(await params.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);

    await params.fill('{"id": "country:fr"}');
    await params.press('Control+Enter');
    await expect.poll(() => page.getByTestId('console-cell').first().innerText().catch(() => ''), POLL).toBe('France');
    expect(sent.map((body) => JSON.parse(body))).toEqual([{ query, params: { id: 'country:fr' } }]);

    // Another query, then Ctrl+Up brings the previous one back into the editor.
    await typeQuery(page, 'RETURN 1 AS one');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('console-history-item').count(), POLL).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Control+ArrowUp');
    await page.keyboard.press('Control+ArrowUp');
    await expect.poll(() => page.getByRole('textbox', { name: 'Cypher query' }).innerText(), POLL).toBe(query);
  });

  it('works under a strict Content-Security-Policy (no inline styles): the editor is styled and highlighted', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const strict = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
    await page.route((url) => url.pathname === '/', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': strict } });
    });
    try {
      await page.goto(`${h.app.baseUrl}/`);
      await page.waitForFunction(() => !!window.__explorer);
      await page.waitForFunction(() => window.__explorer!.nodeIds().length > 0, undefined, POLL);
      await page.getByTestId('console-toggle').click();
      await typeQuery(page, 'MATCH (c:Country) RETURN c.name AS name LIMIT 3');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByTestId('console-row').count(), POLL).toBe(3);
      // CodeMirror's base theme (display: flex) and the keyword colour of its default highlight style applied.
      const looks = await page.getByTestId('console-editor').evaluate((host) => {
        const root = host.shadowRoot!;
        const editor = root.querySelector('.cm-editor')!;
        const keyword = [...root.querySelectorAll('.cm-line span')].find((s) => s.textContent === 'MATCH');
        return { display: getComputedStyle(editor).display, keyword: keyword ? getComputedStyle(keyword).color : null };
      });
      expect(looks).toEqual({ display: 'flex', keyword: 'rgb(119, 0, 136)' });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
