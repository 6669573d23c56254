// Script payloads a curator writes into names, descriptions, aliases and evidence notes show as text everywhere and never run.
/// <reference lib="dom" />
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphNode, NodeResponse, WriteResponse } from '../../contract/index.js';
import { dropUser, loginAs, type LoggedIn } from '../setup/auth.js';
import { POLL, useBrowser } from './harness.js';

declare global {
  interface Window {
    __pwned?: string;
  }
}

const h = useBrowser();
const suffix = randomBytes(4).toString('hex');
/** Each payload sets window.__pwned if it ever runs as markup or script. */
const NAME = `Hostile${suffix} <img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script>`;
const DESCRIPTION = `<svg onload="window.__pwned='svg'"></svg> <a href="javascript:window.__pwned='href'">click</a> javascript:window.__pwned='text'`;
const ALIAS = `<b onmouseover="window.__pwned='alias'">alias${suffix}</b>`;
const NOTE = `<iframe src="javascript:window.__pwned='iframe'"></iframe>`;

let curator: LoggedIn;
let id = '';
beforeAll(async () => {
  curator = await loginAs(h.app, 'curator');
  const { status, body } = await h.app.send<WriteResponse<GraphNode>>(
    'POST',
    '/api/nodes',
    {
      label: 'Organization',
      name: NAME,
      description: DESCRIPTION,
      aliases: [ALIAS],
      evidence: [{ curatorAsserted: true, note: NOTE }],
    },
    curator.headers,
  );
  expect(status, JSON.stringify(body)).toBe(201);
  id = body.result!.id;
  // The API keeps the text exactly as written: neutralising is the renderer's job, not a lossy filter's.
  expect(body.result!.name).toBe(NAME);
});
afterAll(async () => {
  if (id) {
    const { body } = await h.app.get<NodeResponse>(`/api/nodes/${encodeURIComponent(id)}`);
    if (body?.node)
      await h.app.send(
        'DELETE',
        `/api/nodes/${encodeURIComponent(id)}`,
        { version: body.node.properties.version },
        curator.headers,
      );
  }
  await dropUser(h.app, curator.username);
});

/** Records dialogs (alert, confirm, prompt) a payload might open. */
function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
  return seen;
}

/** Elements a payload would have created if it had been parsed as markup. */
const injectedElements = (page: Page) =>
  page.evaluate(
    () =>
      document.querySelectorAll(
        '[onerror], [onload], [onmouseover], img[src="x"], iframe, a[href^="javascript:"]',
      ).length,
  );

describe('script payloads written by a curator', () => {
  it('show as literal text in the details panel, search results and tooltip, and never run', async () => {
    const page = await h.openPage(`?node=${encodeURIComponent(id)}`);
    const dialogs = watchDialogs(page);
    await h.waitForNode(id);
    await h.idle();

    const at = await page.evaluate((n) => window.__explorer!.screenPosition(n), id);
    await page.mouse.move(at!.x, at!.y);
    const tip = page.getByTestId('tooltip');
    await expect.poll(() => tip.isVisible(), POLL).toBe(true);
    expect(await tip.innerText()).toContain(NAME);

    await page.mouse.click(at!.x, at!.y);
    const details = page.getByTestId('details-panel');
    await expect.poll(() => details.innerText(), POLL).toContain(NAME);
    const text = await details.innerText();
    expect(text).toContain(DESCRIPTION);
    await page.mouse.move(5, 5);

    await page.getByTestId('search-input').fill(`Hostile${suffix}`);
    const suggestion = page
      .getByTestId('search-suggestion')
      .filter({ hasText: `Hostile${suffix}` })
      .first();
    await expect.poll(() => suggestion.isVisible(), POLL).toBe(true);
    expect(await suggestion.innerText()).toContain('<script>');

    expect(await injectedElements(page)).toBe(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  it('show as literal text in the briefing HTML export, which runs no script', async () => {
    const res = await fetch(`${h.app.baseUrl}/api/export?format=briefing&nodeIds=${encodeURIComponent(id)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/<(img|svg|iframe|b)\s+[^>]*on\w+=/i);
    expect(html).toContain('&lt;script&gt;');
    const page = await h.browser.newPage();
    try {
      const dialogs = watchDialogs(page);
      await page.setContent(html);
      expect(await page.locator('body').innerText()).toContain(NAME);
      expect(await injectedElements(page)).toBe(0);
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
