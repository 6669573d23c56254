// Curation in a real Chromium: a curator logs in, renames a node, finds the change in its history and
// reverts it; viewers see no editing controls; a 409 shows the conflict and "reapply" wins; a relationship
// is drawn with a quote selected in the source viewer; a deleted node comes back from "Recently deleted".
/// <reference lib="dom" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type {
  GraphEdge,
  GraphNode,
  NeighboursResponse,
  NodeResponse,
  Role,
  SourceListResponse,
  SourceResponse,
  WriteResponse,
} from '../../contract/index.js';
import { ensureUser, loginAs } from '../setup/auth.js';
import { ARTIFACTS, POLL, useBrowser } from './harness.js';

const h = useBrowser();
const START = 'forum:five-country-ministerial-2025';
const suffix = (): string => Math.random().toString(36).slice(2, 8);

type Headers = Record<string, string>;

/** A fresh user of `role` who logs in through the UI (made directly through the user store). */
async function makeUser(role: Role): Promise<{ username: string; password: string }> {
  const user = { username: `ui-${role}-${suffix()}`, password: `pw-${suffix()}-${suffix()}`, role };
  await ensureUser(h.app, user);
  return user;
}

/** A fixture Country with a unique id and name, created through the API as a curator. */
async function createCountry(headers: Headers, name: string): Promise<GraphNode> {
  const { status, body } = await h.app.send<WriteResponse<GraphNode>>(
    'POST',
    '/api/nodes',
    {
      label: 'Country',
      id: `country:ui-test-${suffix()}`,
      name,
      evidence: [{ curatorAsserted: true, note: 'Browser test fixture' }],
    },
    headers,
  );
  expect(status, JSON.stringify(body)).toBe(201);
  return body.result as GraphNode;
}

async function apiNode(id: string): Promise<{ status: number; body: NodeResponse }> {
  return h.app.get(`/api/nodes/${encodeURIComponent(id)}`);
}

/** Deletes a fixture node (whatever its version by now); a node already gone is fine. */
async function removeNode(headers: Headers, id: string): Promise<void> {
  const { status, body } = await apiNode(id);
  if (status !== 200) return;
  await h.app.send(
    'DELETE',
    `/api/nodes/${encodeURIComponent(id)}`,
    { version: body.node.properties['version'] },
    headers,
  );
}

/** Logs in through the toolbar's login dialog and waits for the user badge. */
async function logIn(page: Page, user: { username: string; password: string }): Promise<void> {
  await page.getByTestId('login-open').click();
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('user-badge').textContent(), POLL).toContain(user.username);
}

/** Puts a node on the canvas through the search box (which also selects it). */
async function addBySearch(page: Page, node: GraphNode): Promise<void> {
  await page.getByTestId('search-input').fill(node.name);
  await page.getByTestId('search-suggestion').filter({ hasText: node.name }).first().click();
  await h.waitForNode(node.id);
  await expect.poll(() => page.locator('.details-title').first().textContent(), POLL).toBe(node.name);
}

const drawnName = (page: Page, id: string): Promise<unknown> =>
  page.evaluate((x) => window.__explorer!.dataOf?.(x)?.['name'] ?? null, id);
const title = (page: Page): Promise<string | null> =>
  page.locator('[data-testid="details-panel"] .details-title').first().textContent();

describe('curation in the browser', () => {
  it('a curator renames a node, sees the change in its history, reverts it, and the old name is back', async () => {
    const { headers } = await loginAs(h.app, 'curator');
    const oldName = `Testland ${suffix()}`;
    const newName = `${oldName} Renamed`;
    const fixture = await createCountry(headers, oldName);
    try {
      const page = await h.openPage();
      await h.waitForNode(START);
      await logIn(page, await makeUser('curator'));
      await addBySearch(page, fixture);

      await page.getByTestId('edit-node').click();
      await expect.poll(() => page.getByTestId('edit-name').inputValue(), POLL).toBe(oldName);
      await page.getByTestId('edit-name').fill(newName);
      await page.getByTestId('edit-name').press('Control+Enter');

      // The panel, the canvas and the API all show the new name, without a reload.
      await expect.poll(() => title(page), POLL).toBe(newName);
      await expect.poll(() => drawnName(page, fixture.id), POLL).toBe(newName);
      expect((await apiNode(fixture.id)).body.node.name).toBe(newName);

      await page.getByTestId('history-toggle').click();
      const history = page.getByTestId('node-history');
      const newest = history.getByTestId('change-item').first();
      await expect.poll(() => newest.getAttribute('data-operation'), POLL).toBe('update-node');
      const text = await newest.textContent();
      expect(text).toContain(oldName);
      expect(text).toContain(newName);
      await page.screenshot({ path: join(ARTIFACTS, 'curation-history.png') });

      await newest.getByTestId('change-revert').click();
      await expect.poll(() => title(page), POLL).toBe(oldName);
      await expect.poll(() => drawnName(page, fixture.id), POLL).toBe(oldName);
      expect((await apiNode(fixture.id)).body.node.name).toBe(oldName);
      // The revert is a change too, listed first.
      await page.getByTestId('history-toggle').isVisible();
      await expect
        .poll(
          () =>
            page
              .getByTestId('node-history')
              .getByTestId('change-item')
              .first()
              .getAttribute('data-operation'),
          POLL,
        )
        .toBe('revert');
    } finally {
      await removeNode(headers, fixture.id);
    }
  });

  it('viewers and anonymous visitors see no editing controls', async () => {
    const page = await h.openPage();
    await h.waitForNode(START);
    const noControls = async (): Promise<void> => {
      await page.evaluate((id) => window.__explorer!.select(id), START);
      await expect.poll(() => title(page), POLL).not.toBeNull();
      await expect.poll(() => page.getByTestId('history-toggle').count(), POLL).toBe(1);
      expect(await page.getByTestId('edit-node').count()).toBe(0);
      expect(await page.getByTestId('delete-node').count()).toBe(0);
      expect(await page.getByTestId('new-node').isVisible()).toBe(false);
      await h.rightClickNode(START);
      await expect.poll(() => page.getByTestId('node-menu').isVisible(), POLL).toBe(true);
      expect(await page.getByTestId('merge-into').count()).toBe(0);
      expect(await page.getByTestId('menu-start-relationship').count()).toBe(0);
      await page.keyboard.press('Escape');
    };
    await noControls();
    await logIn(page, await makeUser('viewer'));
    await noControls();
    // Shift+E does not open an edit form for a viewer either.
    await page.evaluate((id) => window.__explorer!.select(id), START);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Shift+E');
    expect(await page.getByTestId('element-editor').locator('input').count()).toBe(0);
    expect(await page.getByTestId('edit-name').count()).toBe(0);
  });

  it('loads the curation code for curators only: not for anonymous visitors or viewers', async () => {
    /** True once the page has fetched the curation chunk (named after the feature by vite.config.ts). */
    const curationLoaded = (p: Page): Promise<boolean> =>
      p.evaluate(() =>
        performance.getEntriesByType('resource').some((e) => /\/assets\/curation-[^/]+\.js$/.test(e.name)),
      );
    const page = await h.openPage();
    await h.waitForNode(START);
    await page.evaluate((id) => window.__explorer!.select(id), START);
    await expect.poll(() => page.getByTestId('history-toggle').count(), POLL).toBe(1);
    expect(await curationLoaded(page)).toBe(false);
    await logIn(page, await makeUser('viewer'));
    await page.evaluate((id) => window.__explorer!.select(id), START);
    await expect.poll(() => title(page), POLL).not.toBeNull();
    expect(await curationLoaded(page)).toBe(false);

    const { username, password } = await makeUser('curator');
    const curator = await h.openPage('', { login: { username, password } });
    await expect.poll(() => curator.getByTestId('new-node').isVisible(), POLL).toBe(true);
    expect(await curationLoaded(curator)).toBe(true);
  });

  it('a stale save shows what the other curator changed, and "reapply" saves mine on the latest version', async () => {
    const { headers } = await loginAs(h.app, 'curator');
    const name = `Conflictia ${suffix()}`;
    const fixture = await createCountry(headers, name);
    try {
      const page = await h.openPage('', { allowStatuses: [409] });
      await h.waitForNode(START);
      await logIn(page, await makeUser('curator'));
      await addBySearch(page, fixture);
      await page.getByTestId('edit-node').click();
      await page.getByTestId('edit-description').fill('My description');

      // Meanwhile another curator renames it.
      const theirs = `${name} (theirs)`;
      const other = await h.app.send(
        'PATCH',
        `/api/nodes/${encodeURIComponent(fixture.id)}`,
        { version: fixture.properties['version'], name: theirs },
        headers,
      );
      expect(other.status, JSON.stringify(other.body)).toBe(200);

      await page.getByTestId('edit-description').press('Control+Enter');
      const dialog = page.getByTestId('conflict-dialog');
      await expect.poll(() => dialog.isVisible(), POLL).toBe(true);
      const nameRow = dialog.locator('[data-testid="conflict-row"][data-field="name"]');
      expect(await nameRow.textContent()).toContain(theirs);
      await page.screenshot({ path: join(ARTIFACTS, 'curation-conflict.png') });

      await dialog.getByTestId('conflict-reapply').click();
      await expect.poll(() => page.getByTestId('conflict-dialog').count(), POLL).toBe(0);
      const after = (await apiNode(fixture.id)).body.node;
      expect(after.name).toBe(theirs);
      expect(after.properties['description']).toBe('My description');
      await expect.poll(() => title(page), POLL).toBe(theirs);
    } finally {
      await removeNode(headers, fixture.id);
    }
  });

  it('draws a relationship between two nodes with a quote selected in the source viewer', async () => {
    const { headers } = await loginAs(h.app, 'curator');
    const fixture = await createCountry(headers, `Drawland ${suffix()}`);
    const start = (await apiNode(START)).body;
    const quoted = start.evidence.find((e) => e.sourceId && e.quote);
    expect(quoted, 'the start forum is quoted from a source').toBeTruthy();
    let edgeId: string | null = null;
    try {
      const page = await h.openPage();
      await h.waitForNode(START);
      await logIn(page, await makeUser('curator'));
      await addBySearch(page, fixture);

      await h.rightClickNode(fixture.id);
      await page.getByTestId('menu-start-relationship').click();
      await expect.poll(() => page.getByTestId('draw-hint').isVisible(), POLL).toBe(true);
      // Where the node is once the camera rests, as the harness's own clicks read it (a full run once missed it).
      await h.idle();
      const at = await page.evaluate((id) => window.__explorer!.screenPosition(id), START);
      await page.mouse.click(at!.x, at!.y);

      const dialog = page.getByTestId('relationship-dialog');
      await expect.poll(() => dialog.isVisible(), POLL).toBe(true);
      const offered = await dialog.getByTestId('rel-type').locator('option').allTextContents();
      expect(offered).toContain('PARTICIPATED_IN');
      expect(offered).not.toContain('ADDRESSES'); // a Country -> Forum relationship cannot address a threat
      await dialog.getByTestId('rel-type').selectOption({ label: 'PARTICIPATED_IN' });
      await dialog.getByTestId('rel-prop-key').fill('role');
      await dialog.getByTestId('rel-prop-value').fill('attendee');
      await expect
        .poll(
          () => dialog.getByTestId('evidence-source').locator(`option[value="${quoted!.sourceId}"]`).count(),
          POLL,
        )
        .toBe(1);
      await dialog.getByTestId('evidence-source').selectOption(quoted!.sourceId!);
      await dialog.getByTestId('source-open').click();

      const viewer = page.getByTestId('source-viewer');
      await expect
        .poll(() => viewer.getByTestId('source-text').textContent(), POLL)
        .toContain(quoted!.quote!);
      // Select the quote in the text, as a reader would with the mouse.
      await page.evaluate((quote) => {
        const text = document.querySelector('[data-testid="source-text"]')!;
        const node = text.firstChild!;
        const at = node.textContent!.indexOf(quote);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + quote.length);
        const sel = document.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
      }, quoted!.quote!);
      await expect
        .poll(() => dialog.getByTestId('evidence-quote-input').inputValue(), POLL)
        .toBe(quoted!.quote);
      await page.screenshot({ path: join(ARTIFACTS, 'curation-source-viewer.png') });
      await viewer.getByTestId('source-done').click();
      await page.screenshot({ path: join(ARTIFACTS, 'curation-relationship.png') });
      await dialog.getByTestId('rel-create').click();
      await expect.poll(() => page.getByTestId('relationship-dialog').count(), POLL).toBe(0);

      const { body } = await h.app.get<NeighboursResponse>(
        `/api/nodes/${encodeURIComponent(fixture.id)}/neighbours`,
      );
      const edge = (body.edges as GraphEdge[]).find(
        (e) => e.type === 'PARTICIPATED_IN' && e.source === fixture.id && e.target === START,
      );
      expect(edge, 'the new relationship is stored').toBeTruthy();
      edgeId = edge!.id;
      expect(edge!.properties['role']).toBe('attendee');
      expect(edge!.evidence?.[0]?.quote).toBe(quoted!.quote);
      await expect.poll(() => h.edgeIds(), POLL).toContain(edge!.id);

      // The new relationship is selected: edit its role, then delete it (after confirming).
      await page.getByTestId('edit-edge').click();
      await expect.poll(() => page.getByTestId('edit-prop-role').inputValue(), POLL).toBe('attendee');
      await page.getByTestId('edit-prop-role').selectOption('host'); // an enum in the allow-list: a select
      await page.getByTestId('edit-save').click();
      await expect
        .poll(async () => {
          const { body: now } = await h.app.get<NeighboursResponse>(
            `/api/nodes/${encodeURIComponent(fixture.id)}/neighbours`,
          );
          return (now.edges as GraphEdge[]).find((e) => e.id === edgeId)?.properties['role'];
        }, POLL)
        .toBe('host');
      await page.getByTestId('delete-edge').click();
      await page.getByTestId('confirm-ok').click();
      await expect.poll(() => h.edgeIds(), POLL).not.toContain(edgeId);
      const { body: gone } = await h.app.get<NeighboursResponse>(
        `/api/nodes/${encodeURIComponent(fixture.id)}/neighbours`,
      );
      expect(((gone.edges as GraphEdge[] | undefined) ?? []).some((e) => e.id === edgeId)).toBe(false);
    } finally {
      if (edgeId) {
        const { body } = await h.app.get<NeighboursResponse>(
          `/api/nodes/${encodeURIComponent(fixture.id)}/neighbours`,
        );
        const e = (body.edges as GraphEdge[] | undefined)?.find((x) => x.id === edgeId);
        if (e)
          await h.app.send(
            'DELETE',
            `/api/edges/${encodeURIComponent(e.id)}`,
            { version: e.properties['version'] },
            headers,
          );
      }
      await removeNode(headers, fixture.id);
    }
  });

  it('deletes a node after confirmation and restores it from "Recently deleted"', async () => {
    const { headers } = await loginAs(h.app, 'curator');
    const fixture = await createCountry(headers, `Gonia ${suffix()}`);
    try {
      const page = await h.openPage();
      await h.waitForNode(START);
      await logIn(page, await makeUser('curator'));
      await addBySearch(page, fixture);

      await page.getByTestId('delete-node').click();
      await page.getByTestId('confirm-ok').click();
      await expect.poll(() => h.nodeIds(), POLL).not.toContain(fixture.id);
      expect((await apiNode(fixture.id)).status).toBe(404);

      await page.getByTestId('changes-toggle').click();
      const item = page
        .getByTestId('deleted-list')
        .locator(`[data-testid="deleted-item"][data-id="${fixture.id}"]`);
      await expect.poll(() => item.count(), POLL).toBe(1);
      expect(await page.getByTestId('recent-changes').textContent()).toContain(fixture.id);
      await page.screenshot({ path: join(ARTIFACTS, 'curation-changes.png') });
      await item.getByTestId('restore').click();

      await expect.poll(() => h.nodeIds(), POLL).toContain(fixture.id);
      expect((await apiNode(fixture.id)).body.node.name).toBe(fixture.name);
      await expect.poll(() => item.count(), POLL).toBe(0);
    } finally {
      await removeNode(headers, fixture.id);
    }
  });
  it('creates a node with a quote selected in the source viewer', async () => {
    const { headers } = await loginAs(h.app, 'curator');
    const { body: list } = await h.app.get<SourceListResponse>('/api/sources');
    const source = list.sources[0] as { id: string };
    const { body: full } = await h.app.get<SourceResponse>(`/api/sources/${encodeURIComponent(source.id)}`);
    const text = full.source.text as string;
    const quote = text.slice(text.indexOf('. ') + 2, text.indexOf('. ') + 62);
    const name = `Newlandia ${suffix()}`;
    const id = `country:ui-test-${suffix()}`;
    try {
      const page = await h.openPage();
      await h.waitForNode(START);
      await logIn(page, await makeUser('curator'));
      await page.getByTestId('new-node').click();
      const dialog = page.getByTestId('new-node-dialog');
      await dialog.getByTestId('new-node-label').selectOption('Country');
      await dialog.getByTestId('new-node-name').fill(name);
      await dialog.getByTestId('new-node-id').fill(id);
      // Without evidence the form says so and sends nothing.
      await dialog.getByTestId('new-node-create').click();
      await expect.poll(() => dialog.getByTestId('evidence-error').textContent(), POLL).not.toBe('');
      expect((await apiNode(id)).status).toBe(404);

      await expect
        .poll(
          () => dialog.getByTestId('evidence-source').locator(`option[value="${source.id}"]`).count(),
          POLL,
        )
        .toBe(1);
      await dialog.getByTestId('evidence-source').selectOption(source.id);
      await dialog.getByTestId('source-open').click();
      await expect.poll(() => page.getByTestId('source-text').textContent(), POLL).toContain(quote);
      await page.evaluate((q) => {
        const node = document.querySelector('[data-testid="source-text"]')!.firstChild!;
        const at = node.textContent!.indexOf(q);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + q.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
      }, quote);
      await expect.poll(() => dialog.getByTestId('evidence-quote-input').inputValue(), POLL).toBe(quote);
      await page.getByTestId('source-done').click();
      await dialog.getByTestId('new-node-create').click();

      await h.waitForNode(id);
      await expect.poll(() => title(page), POLL).toBe(name);
      const stored = await apiNode(id);
      expect(stored.status).toBe(200);
      expect(stored.body.evidence.map((e) => e.quote)).toEqual([quote]);
    } finally {
      await removeNode(headers, id);
    }
  });

  it('merges a duplicate into the node to keep after a preview, and reverting the merge brings it back', async () => {
    const { headers } = await loginAs(h.app, 'curator');
    const keep = await createCountry(headers, `Keepland ${suffix()}`);
    const dup = await createCountry(headers, `Dupland ${suffix()}`);
    try {
      const page = await h.openPage();
      await h.waitForNode(START);
      await logIn(page, await makeUser('curator'));
      await addBySearch(page, keep);
      await addBySearch(page, dup);

      await h.rightClickNode(dup.id);
      await page.getByTestId('merge-into').click();
      const dialog = page.getByTestId('merge-dialog');
      await dialog.locator(`[data-testid="merge-candidate"][data-id="${keep.id}"]`).click();
      await expect.poll(() => dialog.getByTestId('merge-aliases').textContent(), POLL).toContain(dup.name);
      await dialog.getByTestId('merge-confirm').click();

      await expect.poll(() => h.nodeIds(), POLL).not.toContain(dup.id);
      expect(await h.nodeIds()).toContain(keep.id);
      expect((await apiNode(dup.id)).status).toBe(404);
      expect((await apiNode(keep.id)).body.node.properties['aliases']).toContain(dup.name);

      await page.evaluate((id) => window.__explorer!.select(id), keep.id);
      await page.getByTestId('history-toggle').click();
      const merge = page.getByTestId('node-history').getByTestId('change-item').first();
      await expect.poll(() => merge.getAttribute('data-operation'), POLL).toBe('merge-nodes');
      await merge.getByTestId('change-revert').click();

      await expect.poll(() => h.nodeIds(), POLL).toContain(dup.id);
      expect((await apiNode(dup.id)).body.node.name).toBe(dup.name);
      expect((await apiNode(keep.id)).body.node.properties['aliases'] ?? []).not.toContain(dup.name);
    } finally {
      await removeNode(headers, dup.id);
      await removeNode(headers, keep.id);
    }
  });
  it("checks the form before sending and shows the server's 422 next to the evidence it names", async () => {
    const { headers } = await loginAs(h.app, 'curator');
    const fixture = await createCountry(headers, `Checkland ${suffix()}`);
    const { body: list } = await h.app.get<SourceListResponse>('/api/sources');
    const sourceId = (list.sources[0] as { id: string }).id;
    try {
      const page = await h.openPage('', { allowStatuses: [422] });
      await h.waitForNode(START);
      await logIn(page, await makeUser('curator'));
      await addBySearch(page, fixture);

      // Shift+E opens the form on the selected node; an empty name is refused before anything is sent.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.keyboard.press('Shift+E');
      await expect.poll(() => page.getByTestId('edit-name').inputValue(), POLL).toBe(fixture.name);
      await page.getByTestId('edit-name').fill('');
      await page.getByTestId('edit-save').click();
      await expect.poll(() => page.getByTestId('edit-error-name').textContent(), POLL).not.toBe('');

      // A quote that is not in the source passes the form but not the server: its 422 lands by the evidence.
      await page.getByTestId('edit-name').fill(fixture.name);
      await expect
        .poll(() => page.getByTestId('evidence-source').locator(`option[value="${sourceId}"]`).count(), POLL)
        .toBe(1);
      await page.getByTestId('evidence-source').selectOption(sourceId);
      await page.getByTestId('evidence-quote-input').fill(`words no source contains ${suffix()}`);
      await page.getByTestId('evidence-quote-input').press('Control+Enter');
      await expect.poll(() => page.getByTestId('evidence-error').textContent(), POLL).toContain('verbatim');
      await page.screenshot({ path: join(ARTIFACTS, 'curation-edit-form.png') });
      expect(await page.getByTestId('element-editor').isVisible()).toBe(true);
      const after = (await apiNode(fixture.id)).body;
      expect(after.node.properties['version']).toBe(fixture.properties['version']);
      expect(after.evidence).toHaveLength(1);

      // Esc leaves the form without saving.
      await page.getByTestId('evidence-quote-input').press('Escape');
      await expect.poll(() => page.getByTestId('edit-node').isVisible(), POLL).toBe(true);
    } finally {
      await removeNode(headers, fixture.id);
    }
  });
});
