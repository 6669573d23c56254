// The workbench core in Chromium: selective expansion with counts, undo/redo and history, paging,
// collapse, hide, pins through layouts, stable positions on expansion, tooltips, keyboard menus.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { NeighbourCountsResponse, NeighboursResponse, NodeResponse } from '../../contract/index.js';
import { join } from 'node:path';
import { ARTIFACTS, inMoreMenu, POLL, useBrowser } from './harness.js';

const h = useBrowser();
const { nodeIds, edgeIds, idle } = h;
let page: Page;

/** The start view on `id`, settled. */
async function open(id: string, extra = ''): Promise<void> {
  page = await h.openPage(`?node=${id}${extra}`);
  await h.waitForNode(id);
  await expect.poll(async () => (await nodeIds()).length, POLL).toBeGreaterThan(1);
  await idle();
}

const counts = async (id: string): Promise<NeighbourCountsResponse> =>
  (await h.app.get<NeighbourCountsResponse>(`/api/nodes/${id}/neighbour-counts`)).body;
const neighbours = async (id: string, query: string): Promise<NeighboursResponse> => {
  const res = await h.app.get<NeighboursResponse>(`/api/nodes/${id}/neighbours?${query}`);
  expect(res.status).toBe(200);
  return res.body;
};
const sorted = (ids: Iterable<string>): string[] => [...new Set(ids)].sort();
const union = (...lists: Iterable<string>[]): string[] => sorted(lists.flatMap((l) => [...l]));
const positions = (): Promise<Record<string, { x: number; y: number }>> =>
  page.evaluate(() =>
    Object.fromEntries(window.__explorer!.nodeIds().map((id) => [id, window.__explorer!.modelPosition(id)!])),
  );

/** Right-clicks `id` and waits for the menu's counts. */
async function openMenu(id: string): Promise<void> {
  await h.rightClickNode(id);
  await expect
    .poll(() => page.getByTestId('node-menu').locator('[data-testid="expand-type"]').count(), POLL)
    .toBeGreaterThan(0);
}

/** A node on the canvas (not `centre`) with a relationship type that adds at least `min` neighbours. */
async function pickExpandable(
  centre: string,
  min: number,
): Promise<{ id: string; type: string; count: number }> {
  for (const id of (await nodeIds()).filter((n) => n !== centre)) {
    const best = (await counts(id)).byType.find((t) => t.count >= min);
    if (best) return { id, type: best.type, count: best.count };
  }
  throw new Error(`no node around ${centre} has a relationship type with ${min}+ neighbours`);
}

describe('workbench core in Chromium', () => {
  it('right-clicking a node shows, before expanding, the neighbour counts the API gives', async () => {
    const api = await counts('country:fr');
    await open('country:fr');
    await openMenu('country:fr');
    const menu = page.getByTestId('node-menu');
    const shown = await menu.locator('[data-testid="menu-count"]').evaluateAll((els) =>
      els.map((e) => ({
        type: e.getAttribute('data-type'),
        label: e.getAttribute('data-label'),
        threat: e.getAttribute('data-threat'),
        total: e.getAttribute('data-total'),
        n: Number(e.textContent),
      })),
    );
    expect(api.byType.length).toBeGreaterThan(0);
    expect(Object.fromEntries(shown.filter((s) => s.type).map((s) => [s.type, s.n]))).toEqual(
      Object.fromEntries(api.byType.map((t) => [t.type, t.count])),
    );
    expect(Object.fromEntries(shown.filter((s) => s.label).map((s) => [s.label, s.n]))).toEqual(
      Object.fromEntries(api.byLabel.map((l) => [l.label, l.count])),
    );
    expect(Object.fromEntries(shown.filter((s) => s.threat).map((s) => [s.threat, s.n]))).toEqual(
      Object.fromEntries(api.byThreat.map((t) => [t.threat.id, t.count])),
    );
    expect(shown.find((s) => s.total)?.n).toBe(api.total);
    await page.screenshot({ path: join(ARTIFACTS, 'workbench-core-menu.png') });
    // Directions are shown too: out and in per type, as the API counts them.
    const first = api.byType[0]!;
    const dir = await menu
      .locator(`[data-testid="expand-type"][data-type="${first.type}"] .menu-dir`)
      .innerText();
    if (first.out) expect(dir).toContain(`→${first.out}`);
    if (first.in) expect(dir).toContain(`←${first.in}`);
  });

  it("expands one direction of a type that runs both ways, exactly as the API's direction filter does", async () => {
    const centre = 'country:uk';
    const both = (await counts(centre)).byType.find((t) => t.out > 0 && t.in > 0);
    expect(both, 'the UK has a relationship type in both directions').toBeDefined();
    await open(centre);
    const before = await nodeIds();
    const api = await neighbours(centre, `relTypes=${both!.type}&direction=in&limit=50`);
    expect(api.total).toBe(both!.in);
    await openMenu(centre);
    const item = page.locator(
      `[data-testid="expand-type-direction"][data-type="${both!.type}"][data-direction="in"]`,
    );
    await expect.poll(() => item.innerText(), POLL).toContain(String(both!.in));
    await item.click();
    await expect
      .poll(async () => sorted(await nodeIds()), POLL)
      .toEqual(
        union(
          before,
          api.nodes.map((n) => n.id),
        ),
      );
    // The relationships that came with them all point at the UK, and they are drawn.
    expect(api.edges.length).toBeGreaterThan(0);
    for (const e of api.edges) expect(e.target, e.id).toBe(centre);
    expect(await edgeIds()).toEqual(expect.arrayContaining(api.edges.map((e) => e.id)));
  });

  it('expands by one type from the menu, undoes and redoes it by keyboard and buttons, and jumps back in the history', async () => {
    await open('forum:five-country-ministerial-2025');
    const before = await nodeIds();
    const pick = await pickExpandable('forum:five-country-ministerial-2025', 2);
    const api = await neighbours(pick.id, `relTypes=${pick.type}&limit=50`);
    const expected = union(
      before,
      api.nodes.map((n) => n.id),
    );
    expect(expected.length, 'the expansion adds something').toBeGreaterThan(before.length);

    await openMenu(pick.id);
    await page.locator(`[data-testid="expand-type"][data-type="${pick.type}"]`).click();
    await expect.poll(async () => sorted(await nodeIds()), POLL).toEqual(expected);
    await idle();
    await expect.poll(() => page.getByTestId('undo').getAttribute('title')).toContain(pick.type);

    // Typing in a field never undoes the canvas.
    await page.getByTestId('search-input').focus();
    await page.keyboard.press('Control+z');
    expect(sorted(await nodeIds())).toEqual(expected);
    await page.getByTestId('search-input').blur();

    await page.keyboard.press('Control+z');
    await expect.poll(async () => sorted(await nodeIds()), POLL).toEqual(sorted(before));
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => sorted(await nodeIds()), POLL).toEqual(expected);

    await page.getByTestId('undo').click();
    await expect.poll(async () => sorted(await nodeIds()), POLL).toEqual(sorted(before));
    expect(await page.getByTestId('redo').isDisabled()).toBe(false);
    await page.getByTestId('redo').click();
    await expect.poll(async () => sorted(await nodeIds()), POLL).toEqual(expected);
    expect(await page.getByTestId('redo').isDisabled()).toBe(true);
    await page.keyboard.press('Control+y');
    expect(sorted(await nodeIds())).toEqual(expected);

    // Two more steps (hide, then pin), then one click goes back over all three.
    const victim = api.nodes.map((n) => n.id).find((id) => !before.includes(id))!;
    await page.evaluate((id) => window.__explorer!.select(id), pick.id);
    await page.keyboard.press('p');
    await page.evaluate((id) => window.__explorer!.select(id), victim);
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await nodeIds()).includes(victim), POLL).toBe(false);
    const steps = page.getByTestId('history-step');
    const count = await steps.count();
    expect(await steps.nth(count - 1).getAttribute('aria-current')).toBe('step');
    await steps.nth(count - 4).click();
    await expect.poll(async () => sorted(await nodeIds()), POLL).toEqual(sorted(before));
    expect(await steps.nth(count - 4).getAttribute('aria-current')).toBe('step');
    expect(await page.evaluate((id) => window.__explorer!.classesOf(id), pick.id)).not.toContain('pinned');
    // Redo the whole way: the hidden node is gone again and the pin is back.
    await steps.nth(count - 1).click();
    await expect.poll(async () => (await nodeIds()).includes(victim), POLL).toBe(false);
    expect(await page.evaluate((id) => window.__explorer!.classesOf(id), pick.id)).toContain('pinned');
  });

  it('pages past the cap with the filter the expansion used', async () => {
    await open('forum:five-country-ministerial-2025');
    const pick = await pickExpandable('forum:five-country-ministerial-2025', 3);
    const cap = 2;
    const capInput = await inMoreMenu(page, page.getByTestId('cap-input'));
    await capInput.fill(String(cap));
    await capInput.press('Enter');
    await capInput.press('Escape');
    const before = await nodeIds();
    const page1 = await neighbours(pick.id, `relTypes=${pick.type}&limit=${cap}`);
    const page2 = await neighbours(pick.id, `relTypes=${pick.type}&limit=${cap}&skip=${cap}`);
    expect(page1.truncated).toBe(true);

    await openMenu(pick.id);
    await page.locator(`[data-testid="expand-type"][data-type="${pick.type}"]`).click();
    await expect
      .poll(async () => sorted(await nodeIds()), POLL)
      .toEqual(
        union(
          before,
          page1.nodes.map((n) => n.id),
        ),
      );
    await expect
      .poll(() => page.getByTestId('status').innerText(), POLL)
      .toContain(`showing ${cap} of ${pick.count}`);
    await idle();

    await openMenu(pick.id);
    const more = page.getByTestId('expand-more');
    expect(await more.innerText()).toContain(`showing ${cap} of ${pick.count}`);
    await more.click();
    await expect
      .poll(async () => sorted(await nodeIds()), POLL)
      .toEqual(
        union(
          before,
          page1.nodes.map((n) => n.id),
          page2.nodes.map((n) => n.id),
        ),
      );
    await expect
      .poll(() => page.getByTestId('status').innerText(), POLL)
      .toContain(
        `${Math.min(2 * cap, pick.count) < pick.count ? `showing ${2 * cap} of` : `${pick.count} neighbour`}`,
      );
  });

  it('collapse removes what the expansion added and nothing else', async () => {
    await open('forum:five-country-ministerial-2025');
    const pick = await pickExpandable('forum:five-country-ministerial-2025', 2);
    const beforeNodes = sorted(await nodeIds());
    const beforeEdges = sorted(await edgeIds());
    await h.doubleClickNode(pick.id);
    await expect.poll(async () => (await nodeIds()).length, POLL).toBeGreaterThan(beforeNodes.length);
    await idle();

    await openMenu(pick.id);
    await page.getByTestId('menu-collapse').click();
    await expect.poll(async () => sorted(await nodeIds()), POLL).toEqual(beforeNodes);
    expect(sorted(await edgeIds())).toEqual(beforeEdges);
  });

  it('Delete and Backspace hide the selection; Escape clears it', async () => {
    await open('country:fr');
    const [a, b] = (await nodeIds()).filter((id) => id !== 'country:fr');
    const at = await page.evaluate((id) => window.__explorer!.screenPosition(id), a!);
    await page.mouse.click(at!.x, at!.y);
    await expect
      .poll(() => page.evaluate((id) => window.__explorer!.classesOf(id), a!))
      .toContain('selected');
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await nodeIds()).includes(a!), POLL).toBe(false);

    await page.evaluate((id) => window.__explorer!.select(id), b!);
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate((id) => window.__explorer!.classesOf(id), b!))
      .not.toContain('selected');
    await page.keyboard.press('Backspace');
    expect(await nodeIds()).toContain(b!);
    await page.evaluate((id) => window.__explorer!.select(id), b!);
    await page.keyboard.press('Backspace');
    await expect.poll(async () => (await nodeIds()).includes(b!), POLL).toBe(false);
  });

  it('a pinned node keeps its position through a full layout while the others move; undo puts them back', async () => {
    await open('forum:five-country-ministerial-2025');
    const pinned = (await nodeIds()).find((id) => id !== 'forum:five-country-ministerial-2025')!;
    await openMenu(pinned);
    await page.getByTestId('menu-pin').click();
    await expect
      .poll(() => page.evaluate((id) => window.__explorer!.classesOf(id), pinned))
      .toContain('pinned');
    const before = await positions();

    const layout = await inMoreMenu(page, page.getByRole('combobox', { name: 'Layout' }));
    await layout.selectOption('grid');
    await layout.press('Escape');
    await expect.poll(() => page.getByTestId('undo').getAttribute('title'), POLL).toContain('Layout: grid');
    await idle();
    const after = await positions();
    expect(after[pinned]!.x).toBeCloseTo(before[pinned]!.x, 0);
    expect(after[pinned]!.y).toBeCloseTo(before[pinned]!.y, 0);
    const moved = Object.keys(before).filter(
      (id) => id !== pinned && Math.hypot(after[id]!.x - before[id]!.x, after[id]!.y - before[id]!.y) > 1,
    );
    expect(moved.length).toBeGreaterThan(0);

    await page.keyboard.press('Control+z');
    await idle();
    const undone = await positions();
    for (const id of moved) {
      expect(undone[id]!.x).toBeCloseTo(before[id]!.x, 0);
      expect(undone[id]!.y).toBeCloseTo(before[id]!.y, 0);
    }
  });

  it('expanding a node leaves the nodes already on the canvas where they were', async () => {
    await open('forum:five-country-ministerial-2025');
    const pick = await pickExpandable('forum:five-country-ministerial-2025', 2);
    const before = await positions();
    await h.doubleClickNode(pick.id);
    await expect.poll(async () => (await nodeIds()).length, POLL).toBeGreaterThan(Object.keys(before).length);
    await idle();
    const after = await positions();
    for (const [id, p] of Object.entries(before)) {
      expect(Math.hypot(after[id]!.x - p.x, after[id]!.y - p.y), `${id} stays put`).toBeLessThan(1);
    }
  });

  it('hovering a node shows a tooltip with its name, labels and degree on the canvas', async () => {
    await open('country:fr');
    const { body } = await h.app.get<NodeResponse>('/api/nodes/country:fr');
    const degree = (await edgeIds()).filter(
      (e) => e.startsWith('country:fr|') || e.endsWith('|country:fr'),
    ).length;
    const at = await page.evaluate(() => window.__explorer!.screenPosition('country:fr'));
    await page.mouse.move(at!.x, at!.y);
    const tip = page.getByTestId('tooltip');
    await expect.poll(() => tip.isVisible(), POLL).toBe(true);
    const text = await tip.innerText();
    expect(text).toContain(body.node.name);
    for (const label of body.node.labels) expect(text).toContain(label);
    expect(text).toContain(`${degree} relationship`);
    await page.mouse.move(5, 5);
    await expect.poll(() => tip.isVisible()).toBe(false);
  });

  it('hovering a relationship shows its type, its ends and its first quote', async () => {
    await open('country:fr');
    const edges = await page.evaluate(() => window.__explorer!.edgeIds());
    const { body } = await h.app.get<NeighboursResponse>('/api/nodes/country:fr/neighbours?limit=50');
    const tip = page.getByTestId('tooltip');
    // Try edges until the pointer lands on one (a midpoint can sit under a node or another edge).
    for (const id of edges) {
      const e = body.edges.find((x: { id: string }) => x.id === id);
      if (!e?.evidence?.[0]?.quote) continue;
      const [a, b] = await page.evaluate(
        ([s, t]) => [window.__explorer!.screenPosition(s), window.__explorer!.screenPosition(t)],
        [e.source, e.target],
      );
      await page.mouse.move((a!.x + b!.x) / 2, (a!.y + b!.y) / 2);
      try {
        await expect.poll(() => tip.getAttribute('data-id'), { timeout: 1500 }).toBe(id);
      } catch {
        await page.mouse.move(5, 5);
        continue;
      }
      const text = await tip.innerText();
      expect(text).toContain(e.type);
      const names = Object.fromEntries(body.nodes.map((n: { id: string; name: string }) => [n.id, n.name]));
      expect(text).toContain(`${names[e.source]} → ${names[e.target]}`);
      expect(text.replace(/\s+/g, ' ')).toContain(
        e
          .evidence!.find((ev: { quote: string | null }) => ev.quote)!
          .quote!.slice(0, 60)
          .replace(/\s+/g, ' '),
      );
      return;
    }
    throw new Error('no edge midpoint could be hovered');
  });

  it('shift-click and shift-drag select several nodes; Delete hides them all in one step', async () => {
    await open('country:fr');
    const [a, b] = (await nodeIds()).filter((id) => id !== 'country:fr');
    for (const id of [a!, b!]) {
      const at = await page.evaluate((n) => window.__explorer!.screenPosition(n), id);
      await page.keyboard.down('Shift');
      await page.mouse.click(at!.x, at!.y);
      await page.keyboard.up('Shift');
    }
    await expect.poll(() => page.getByTestId('selection-count').innerText(), POLL).toBe('2 nodes selected');
    const before = await nodeIds();
    await page.keyboard.press('Delete');
    await expect
      .poll(async () => sorted(await nodeIds()), POLL)
      .toEqual(sorted(before.filter((id) => id !== a && id !== b)));
    expect(await page.getByTestId('undo').getAttribute('title')).toContain('Hide 2 nodes');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => sorted(await nodeIds()), POLL).toEqual(sorted(before));

    // A box drawn with Shift held around the whole graph selects every node in it.
    await page.keyboard.press('Escape');
    const box = (await page.getByTestId('graph').boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + 3, box.y + 3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width - 3, box.y + box.height - 3, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const inView = (
      await page.evaluate(() =>
        window.__explorer!.nodeIds().map((id) => window.__explorer!.screenPosition(id)!),
      )
    ).filter((p) => p.x > box.x && p.x < box.x + box.width && p.y > box.y && p.y < box.y + box.height).length;
    expect(inView).toBeGreaterThan(1);
    await expect
      .poll(() => page.getByTestId('selection-count').innerText(), POLL)
      .toBe(`${inView} nodes selected`);
  });

  it('dragging a node is a step: undo puts it back where it was', async () => {
    await open('country:fr');
    const id = (await nodeIds()).find((n) => n !== 'country:fr')!;
    const start = await page.evaluate((n) => window.__explorer!.modelPosition(n), id);
    const at = await page.evaluate((n) => window.__explorer!.screenPosition(n), id);
    await page.mouse.move(at!.x, at!.y);
    await page.mouse.down();
    await page.mouse.move(at!.x + 60, at!.y + 40, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('undo').getAttribute('title'), POLL).toMatch(/^Undo: Move /);
    const moved = await page.evaluate((n) => window.__explorer!.modelPosition(n), id);
    expect(Math.hypot(moved!.x - start!.x, moved!.y - start!.y)).toBeGreaterThan(20);
    await page.keyboard.press('Control+z');
    await idle();
    const back = await page.evaluate((n) => window.__explorer!.modelPosition(n), id);
    expect(back!.x).toBeCloseTo(start!.x, 0);
    expect(back!.y).toBeCloseTo(start!.y, 0);
  });

  it('opens the node menu from the keyboard, moves through it with arrows, expands with Enter, and lists shortcuts on ?', async () => {
    await open('forum:five-country-ministerial-2025');
    const pick = await pickExpandable('forum:five-country-ministerial-2025', 2);
    const before = await nodeIds();
    const api = await neighbours(pick.id, `relTypes=${pick.type}&limit=50`);
    await page.evaluate((id) => window.__explorer!.select(id), pick.id);
    const menu = page.getByTestId('node-menu');

    await page.keyboard.press('Shift+F10');
    await expect.poll(() => menu.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.isVisible()).toBe(false);
    // Escape closed the menu only: the node is still selected.
    expect(await page.evaluate((id) => window.__explorer!.classesOf(id), pick.id)).toContain('selected');

    await page.keyboard.press('ContextMenu');
    await expect.poll(() => menu.locator('[data-testid="expand-type"]').count(), POLL).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('expand-all');
    for (let i = 0; i < 40; i++) {
      if (
        (await page.evaluate(() => document.activeElement?.getAttribute('data-type') ?? null)) === pick.type
      )
        break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => sorted(await nodeIds()), POLL)
      .toEqual(
        union(
          before,
          api.nodes.map((n) => n.id),
        ),
      );
    expect(await menu.isVisible()).toBe(false);

    await page.keyboard.press('?');
    const overlay = page.getByTestId('shortcuts');
    await expect.poll(() => overlay.isVisible()).toBe(true);
    for (const keys of ['Ctrl+Z', 'Shift+F10', 'Del', 'Esc'])
      expect(await overlay.innerText()).toContain(keys);
    await page.keyboard.press('Escape');
    await expect.poll(() => overlay.isVisible()).toBe(false);
  });
});
