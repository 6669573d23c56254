// Seeded layouts in a real Chromium: the same scene comes out in the same picture on every load (the start scene,
// a scene past the best-of size laid out on the page, one laid out in the worker), and Re-run layout (L) on an
// unchanged scene draws a new picture instead of repeating it.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { POLL, useBrowser } from './harness.js';

const h = useBrowser();
const START = 'forum:five-country-ministerial-2025';
type Positions = Record<string, { x: number; y: number }>;

const positions = (page: Page): Promise<Positions> => page.evaluate(() => window.__explorer!.positions());

/** The largest distance a node moved between `a` and `b` (same nodes), in model pixels. */
function largestMove(a: Positions, b: Positions): number {
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  return Math.max(...Object.keys(a).map((id) => Math.hypot(a[id]!.x - b[id]!.x, a[id]!.y - b[id]!.y)));
}

async function startScene(): Promise<Page> {
  const page = await h.openPage();
  await h.waitForNode(START);
  await page.waitForFunction(() => window.__explorer!.nodeIds().length > 10, undefined, POLL);
  await h.idle();
  return page;
}

describe('the same scene, the same picture', () => {
  it('lays the start scene out the same way on two loads; L draws a new picture, each time another', async () => {
    const first = await positions(await startScene());
    const page = await startScene();
    const second = await positions(page);
    expect(Object.keys(first).length).toBeGreaterThan(10);
    expect(largestMove(first, second), 'a node placed elsewhere on the second load').toBeLessThan(0.01);

    // Re-run layout from the keyboard (L) on the unchanged scene: another draw, then yet another.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('l');
    await h.idle();
    const third = await positions(page);
    expect(largestMove(second, third), 'L left the picture as it was').toBeGreaterThan(20);
    await page.keyboard.press('l');
    await h.idle();
    expect(largestMove(third, await positions(page)), 'a second L repeated the first').toBeGreaterThan(20);
  }, 120_000);

  for (const elements of [400, 2600])
    it(`lays a ${elements}-element scene out the same way on two loads (${elements > 2000 ? 'in the worker' : 'on the page'})`, async () => {
      const load = async (): Promise<{ at: Positions; runner: string | null }> => {
        const page = await startScene();
        await page.evaluate((n) => window.__explorer!.loadSynthetic!(n), elements);
        await h.idle();
        return {
          at: await positions(page),
          runner: await page.evaluate(() => window.__explorer!.lastLayoutRunner!()),
        };
      };
      const a = await load();
      const b = await load();
      expect(a.runner).toBe(elements > 2000 ? 'worker' : 'main');
      expect(Object.keys(a.at).length).toBeGreaterThan(80);
      expect(largestMove(a.at, b.at), 'a node placed elsewhere on the second load').toBeLessThan(0.01);
    }, 180_000);
});
