// Folding in a real Chromium on the seed graph: an expansion that brings a flood of leaves folds them into a
// count badge on their hub; clicking the badge unfolds them with their data; undo and redo take folds back and
// forth; Group communities folds Louvain communities into summary nodes that open on click; the status bar's
// notice says what is folded and its Unfold all restores everything; nothing overlaps at 1280x800 and 1440x900;
// an image export carries the badge (and a selection's does not); a saved workspace opens again with it.
/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { NeighboursResponse } from '../../contract/index.js';
import { seriousViolations } from './axe.js';
import { ARTIFACTS, POLL, inMoreMenu, useBrowser } from './harness.js';

const h = useBrowser();
const HUB = 'threat:terrorism';
const BADGE = `fold~leaves~${HUB}`;
/** The auto-fold threshold the test sets (`?fold=`), below Terrorism's leaves; the default is 50 (the neighbour cap). */
const THRESHOLD = 20;

/** A page that auto-folds past THRESHOLD, with the hub expanded into its badge; the badge's text (`+N`). */
async function expandIntoBadge(): Promise<{ page: Page; badge: string }> {
  const page = await h.openPage(`?fold=${THRESHOLD}`);
  await h.waitForNode(HUB);
  await h.idle();
  await h.doubleClickNode(HUB);
  await h.waitForNode(BADGE);
  await h.idle();
  return {
    page,
    badge: String(await page.evaluate((id) => window.__explorer!.dataOf!(id)?.['label'], BADGE)),
  };
}

describe('folding leaves and communities', () => {
  it('folds the leaves of a big expansion into a badge, unfolds them with their data, groups and opens communities', async () => {
    const { body: hood } = await h.app.get<NeighboursResponse>(`/api/nodes/${HUB}/neighbours?limit=500`);
    const page = await h.openPage(`?fold=${THRESHOLD}`);
    await h.waitForNode(HUB);
    await h.idle();

    /** Every node of the scene (drawn or folded), from the status bar's counts. */
    const sceneNodes = async (): Promise<number> => {
      const text = await page.locator('.status-counts').innerText();
      return Number(/(\d+) nodes?/.exec(text)?.[1] ?? NaN);
    };
    const drawnReal = async (): Promise<string[]> =>
      (await h.nodeIds()).filter((id) => !id.startsWith('fold~'));
    /** The hub's neighbours drawn with no other tie on the canvas. */
    const drawnLeavesOfHub = (): Promise<number> =>
      page.evaluate((hub) => {
        const x = window.__explorer!;
        const adj = new Map<string, Set<string>>();
        for (const id of x.edgeIds()) {
          const d = x.dataOf!(id)!;
          const a = String(d['source']);
          const b = String(d['target']);
          if (a === b) continue;
          if (!adj.has(a)) adj.set(a, new Set());
          if (!adj.has(b)) adj.set(b, new Set());
          adj.get(a)!.add(b);
          adj.get(b)!.add(a);
        }
        return [...(adj.get(hub) ?? [])].filter((n) => !n.startsWith('fold~') && adj.get(n)!.size === 1)
          .length;
      }, HUB);
    const notice = page.getByTestId('fold-notice');

    // Nothing folded yet: no notice, every node drawn.
    expect(await notice.isVisible()).toBe(false);
    expect((await drawnReal()).length).toBe(await sceneNodes());

    await h.doubleClickNode(HUB);
    await h.waitForNode(BADGE);
    await h.idle();
    const count = Number((await page.evaluate((id) => window.__explorer!.dataOf!(id), BADGE))?.['count']);
    // The badge counts exactly what left the canvas; the THRESHOLD best-connected leaves stay drawn.
    const folded = (await sceneNodes()) - (await drawnReal()).length;
    expect(count).toBe(folded);
    expect(count).toBeGreaterThan(0);
    expect(await drawnLeavesOfHub()).toBe(THRESHOLD);
    expect(await page.evaluate((id) => window.__explorer!.dataOf!(id)?.['label'], BADGE)).toBe(`+${count}`);
    await expect.poll(() => notice.innerText(), POLL).toContain(`${count} leaves folded into 1 badge`);
    // The folded leaves are neighbours of the hub the server returned, and none of them is drawn.
    const hoodIds = new Set(hood.nodes.map((n) => n.id));
    const drawnBefore = new Set(await drawnReal());
    const missing = [...hoodIds].filter((id) => !drawnBefore.has(id));
    expect(missing.length).toBe(count);
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      await h.idle();
      await page.screenshot({ path: join(ARTIFACTS, `fold-badge-${size.width}.png`) });
      const boxes = await page.evaluate(() =>
        ['.status-text', '.fold-notice', '.status-counts'].map((sel) => {
          const r = document.querySelector(sel)!.getBoundingClientRect();
          return { sel, x1: r.left, x2: r.right, y1: r.top, y2: r.bottom };
        }),
      );
      const [text, fold, counts] = boxes as [(typeof boxes)[0], (typeof boxes)[0], (typeof boxes)[0]];
      expect(fold.x1, 'the notice starts after the status text').toBeGreaterThanOrEqual(text.x2 - 0.5);
      expect(counts.x1, 'the counts start after the notice').toBeGreaterThanOrEqual(fold.x2 - 0.5);
      expect(counts.x2).toBeLessThanOrEqual(size.width);
      expect(fold.y2).toBeLessThanOrEqual(size.height);
    }
    expect(await seriousViolations(page)).toEqual([]);

    // A real click on the badge unfolds: every leaf is back, with its name as the server gave it.
    const at = await page.evaluate((id) => window.__explorer!.screenPosition(id), BADGE);
    await page.mouse.click(at!.x, at!.y);
    await expect.poll(async () => (await h.nodeIds()).includes(BADGE), POLL).toBe(false);
    await h.idle();
    const drawnAfter = new Set(await drawnReal());
    for (const id of missing) {
      expect(drawnAfter.has(id), `${id} is drawn again`).toBe(true);
      const name = await page.evaluate((n) => window.__explorer!.dataOf!(n)?.['name'], id);
      expect(name).toBe(hood.nodes.find((n) => n.id === id)?.name);
    }
    expect(await notice.isVisible()).toBe(false);
    const leaves = await drawnLeavesOfHub();
    expect(leaves).toBe(count + THRESHOLD);

    // Undo folds them again, redo unfolds: a fold is an undo step like any scene change.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await h.waitForNode(BADGE);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await h.nodeIds()).includes(BADGE), POLL).toBe(false);

    // O on the selected hub folds every one of its leaves by hand.
    await page.evaluate((id) => window.__explorer!.select(id), HUB);
    await page.keyboard.press('o');
    await h.waitForNode(BADGE);
    expect(Number((await page.evaluate((id) => window.__explorer!.dataOf!(id), BADGE))?.['count'])).toBe(
      leaves,
    );
    await page.keyboard.press('o');
    await expect.poll(async () => (await h.nodeIds()).includes(BADGE), POLL).toBe(false);

    // Group communities: summary nodes, each standing for at least 5 nodes, together with the drawn ones the whole scene.
    const group = await inMoreMenu(page, page.getByTestId('group-communities'));
    await group.click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => window.__explorer!.nodeIds().some((id) => id.startsWith('fold~group~')));
    await h.idle();
    const groups = (await h.nodeIds()).filter((id) => id.startsWith('fold~group~'));
    const sizes = await page.evaluate(
      (ids) => ids.map((id) => Number(window.__explorer!.dataOf!(id)?.['count'])),
      groups,
    );
    for (const n of sizes) expect(n).toBeGreaterThanOrEqual(5);
    const grouped = sizes.reduce((a, b) => a + b, 0);
    expect((await drawnReal()).length + grouped).toBe(await sceneNodes());
    await expect
      .poll(() => notice.innerText(), POLL)
      .toContain(`${groups.length} communit${groups.length === 1 ? 'y' : 'ies'} grouped (${grouped} nodes)`);
    // The summary is named by its most connected member and the count of the others.
    const first = groups[0]!;
    const label = String(await page.evaluate((id) => window.__explorer!.dataOf!(id)?.['name'], first));
    expect(label).toMatch(new RegExp(` \\+ ${(sizes[0] ?? 0) - 1}$`));
    await page.setViewportSize({ width: 1280, height: 800 });
    await h.idle();
    await page.screenshot({ path: join(ARTIFACTS, 'fold-groups-1280.png') });

    // Clicking a summary opens it: its members are drawn again, the others stay grouped.
    const g = await page.evaluate((id) => window.__explorer!.screenPosition(id), first);
    await page.mouse.click(g!.x, g!.y);
    await expect.poll(async () => (await h.nodeIds()).includes(first), POLL).toBe(false);
    await h.idle();
    expect((await drawnReal()).length + grouped - (sizes[0] ?? 0)).toBe(await sceneNodes());

    // Unfold all, from the notice: everything is drawn again and the notice goes.
    if (groups.length > 1) {
      await page.getByTestId('fold-unfold-all').click();
    } else {
      // One group only: fold leaves again so the notice has something to unfold.
      await page.evaluate((id) => window.__explorer!.select(id), HUB);
      await page.keyboard.press('o');
      await h.waitForNode(BADGE);
      await page.getByTestId('fold-unfold-all').click();
    }
    await expect.poll(() => notice.isVisible(), POLL).toBe(false);
    await h.idle();
    expect((await h.nodeIds()).filter((id) => id.startsWith('fold~'))).toEqual([]);
    expect((await drawnReal()).length).toBe(await sceneNodes());
  });

  it('an image of the canvas draws the badge as the screen does; an image of the selection draws none', async () => {
    const { page, badge } = await expandIntoBadge();
    expect(badge).toMatch(/^\+\d+$/);
    /** The texts of the graph in an SVG export (legend left out). */
    const svgTexts = async (): Promise<string[]> => {
      await page.getByTestId('export-image-format').selectOption('svg');
      await page.getByTestId('export-legend').setChecked(false);
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-image').click(),
      ]);
      const raw = readFileSync(await dl.path(), 'utf8');
      const doc = new DOMParser().parseFromString(raw, 'image/svg+xml');
      return Array.from(doc.getElementsByTagName('text'))
        .map((t) => (t.textContent ?? '').trim())
        .filter(Boolean);
    };
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('x');
    const whole = await svgTexts();
    expect(whole, 'the badge is in the image of the canvas').toContain(badge);
    // The hub alone: its folded leaves are not in the image, so no count of them is either.
    await page.evaluate((id) => window.__explorer!.select(id), HUB);
    await page.getByTestId('export-selection-only').setChecked(true);
    const selected = await svgTexts();
    expect(selected).not.toContain(badge);
    expect(selected.length).toBeGreaterThan(0);
  });

  it('a saved workspace opens again with its badge, in a new page', async () => {
    const { page, badge } = await expandIntoBadge();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('w');
    const nameInput = page.getByTestId('workspace-name');
    await expect.poll(() => nameInput.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    await nameInput.fill(`Folded ${Date.now()}`);
    await nameInput.press('Enter');
    await page.waitForURL(/[?&]workspace=/, POLL);
    const id = new URL(page.url()).searchParams.get('workspace')!;
    try {
      // A page without `?fold=`: the badge comes from the workspace, not from an auto-fold of its own.
      const reopened = await h.openPage(`?workspace=${encodeURIComponent(id)}`);
      await h.waitForNode(BADGE);
      await h.idle();
      expect(await reopened.evaluate((b) => window.__explorer!.dataOf!(b)?.['label'], BADGE)).toBe(badge);
    } finally {
      await h.app.store.driver.executeQuery(
        'MATCH (w:Workspace {id: $id}) DELETE w',
        { id },
        { database: h.app.store.database },
      );
    }
  });
});
