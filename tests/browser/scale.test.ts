// Large scenes in a real Chromium: fast drawing above the threshold (with a notice, the toolbar choice and back),
// and a large layout that runs in the worker with a progress bar while the page keeps answering.
/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  FAST_DRAWING_CODE,
  FAST_MODE_THRESHOLD,
  LARGE_LAYOUT_ELEMENTS,
} from '../../client/src/graph/level-of-detail.js';
import { REFINE_MAX_NODES } from '../../client/src/graph/spread-draft.js';
import { inMoreMenu, POLL, useBrowser } from './harness.js';

const h = useBrowser();
/** A large layout runs fcose in the worker; on two shared cores that can take a minute or two. */
const LAYOUT_WAIT = { timeout: 240_000 };

const fastMode = (page: Page): Promise<boolean> => page.evaluate(() => window.__explorer!.fastMode!());
const fastNotices = (page: Page): Promise<string[]> =>
  page
    .getByTestId('status')
    .locator('.notice', { hasText: FAST_DRAWING_CODE })
    .locator('.notice-text')
    .allTextContents();

async function openWithScene(elements: number): Promise<Page> {
  const page = await h.openPage();
  await page.waitForFunction(() => window.__explorer!.nodeIds().length > 0, undefined, POLL);
  await h.idle();
  await page.evaluate((n) => window.__explorer!.loadSynthetic!(n), elements);
  return page;
}

describe('fast drawing on large scenes', () => {
  it('turns on above the threshold and says so, follows the toolbar choice, and turns off when the scene shrinks', async () => {
    const page = await h.openPage();
    await page.waitForFunction(() => window.__explorer!.nodeIds().length > 0, undefined, POLL);
    expect(await fastMode(page), 'the start view is small').toBe(false);
    expect(await page.getByTestId('graph').getAttribute('data-detail')).toBe('full');
    await expect.poll(() => page.getByTestId('fast-indicator').isVisible()).toBe(false);

    await page.evaluate((n) => window.__explorer!.loadSynthetic!(n), FAST_MODE_THRESHOLD + 300);
    const drawn = (await h.nodeIds()).length + (await h.edgeIds()).length;
    expect(drawn).toBeGreaterThanOrEqual(FAST_MODE_THRESHOLD);
    await expect.poll(() => fastMode(page), POLL).toBe(true);
    expect(await page.getByTestId('graph').getAttribute('data-detail')).toBe('fast');
    await expect.poll(() => page.getByTestId('fast-indicator').isVisible(), POLL).toBe(true);
    await expect.poll(() => fastNotices(page), POLL).toHaveLength(1);
    const [onNotice] = await fastNotices(page);
    expect(onNotice).toContain(String(drawn.toLocaleString('en')));
    expect(onNotice).toContain('Detail: full');

    // The user overrides: full detail although the scene is large; then back to automatic.
    const select = await inMoreMenu(page, page.getByTestId('draw-mode'));
    await select.selectOption('full');
    await expect.poll(() => fastMode(page), POLL).toBe(false);
    expect(await page.getByTestId('fast-indicator').isVisible()).toBe(false);
    await select.selectOption('auto');
    await expect.poll(() => fastMode(page), POLL).toBe(true);

    // The scene shrinks below the threshold: full detail comes back, and the user is told.
    await page.getByRole('button', { name: 'Clear canvas', exact: true }).click();
    await expect.poll(() => fastMode(page), POLL).toBe(false);
    await expect
      .poll(async () => (await fastNotices(page)).some((t) => t.includes('full detail is back')), POLL)
      .toBe(true);
    expect(await page.getByTestId('graph').getAttribute('data-detail')).toBe('full');
  });

  it('can be forced on for a small scene from the toolbar', async () => {
    const page = await h.openPage();
    await page.waitForFunction(() => window.__explorer!.nodeIds().length > 0, undefined, POLL);
    await (await inMoreMenu(page, page.getByTestId('draw-mode'))).selectOption('fast');
    await expect.poll(() => fastMode(page), POLL).toBe(true);
    await expect.poll(() => page.getByTestId('fast-indicator').isVisible(), POLL).toBe(true);
    expect(await fastNotices(page), 'a choice the user made needs no notice').toEqual([]);
  });
});

describe('full detail between gestures', () => {
  const textureComplete = (page: Page): Promise<boolean> =>
    page.evaluate(() => window.__explorer!.sceneTextureComplete!());

  it("has Cytoscape's bitmap of the scene built while the view rests, so the next pan draws from it", async () => {
    // Under the fast-mode threshold, every label and arrow is drawn; a pan is cheap only from the bitmap.
    const page = await openWithScene(Math.floor(FAST_MODE_THRESHOLD / 3));
    await h.idle();
    expect(await fastMode(page)).toBe(false);
    await expect.poll(() => textureComplete(page), POLL).toBe(true);

    // A zoom with the wheel: the label pass restyles the scene once the view rests, and the bitmap is rebuilt.
    const box = (await page.getByTestId('graph').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -200);
    await h.idle();
    await expect.poll(() => textureComplete(page), POLL).toBe(true);

    // A drag across the middle of the canvas: a pan, or a node moved if it starts on one.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(box.x + box.width / 2 + i * 15, box.y + box.height / 2 + i * 8);
    await page.mouse.up();
    await h.idle();
    await expect.poll(() => textureComplete(page), POLL).toBe(true);
  });
});

describe('large-scene layout', () => {
  it('runs in the worker with a progress bar, keeps the page answering, and positions every node', async () => {
    const elements = LARGE_LAYOUT_ELEMENTS + 500;
    const page = await openWithScene(elements);
    const progress = page.getByTestId('layout-progress');
    await expect.poll(() => progress.isVisible(), POLL).toBe(true);
    expect(await progress.getAttribute('data-runner')).toBe('worker');
    const bar = page.getByRole('progressbar', { name: 'Layout progress' });
    const now = Number(await bar.getAttribute('aria-valuenow'));
    expect(now).toBeGreaterThanOrEqual(0);
    expect(now).toBeLessThanOrEqual(100);

    // A click during the layout is handled at once: the zoom changes while the progress bar still shows.
    const before = (await page.evaluate(() => window.__explorer!.viewport())).zoom;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const during = await page.evaluate(() => ({
      zoom: window.__explorer!.viewport().zoom,
      running: !document.querySelector('[data-testid="layout-progress"]')!.hasAttribute('hidden'),
    }));
    expect(during.zoom).toBeGreaterThan(before);
    expect(during.running, 'the layout was still running when the click was handled').toBe(true);

    // The bar keeps moving while fcose runs a phase as one call in the worker: the page reports elapsed time.
    const reports = await page.evaluate(
      () =>
        new Promise<{ texts: string[]; running: boolean }>((resolve) => {
          const root = document.querySelector('[data-testid="layout-progress"]')!;
          const texts = new Set([root.textContent ?? '']);
          const seen = new MutationObserver(() => texts.add(root.textContent ?? ''));
          seen.observe(root, { subtree: true, childList: true, characterData: true });
          setTimeout(() => {
            seen.disconnect();
            resolve({ texts: [...texts], running: !root.hasAttribute('hidden') });
          }, 1500);
        }),
    );
    expect(reports.running, 'the layout was still running while its progress was watched').toBe(true);
    expect(reports.texts.length, reports.texts.join(' | ')).toBeGreaterThanOrEqual(3);

    await expect.poll(() => progress.isVisible(), LAYOUT_WAIT).toBe(false);
    await h.idle();
    expect(await page.evaluate(() => window.__explorer!.lastLayoutRunner!())).toBe('worker');
    // The laid-out scene was drawn into Cytoscape's scene bitmap in slices (scene-prepaint.ts), not in one frame,
    // and the canvas shows it: a broken bitmap would leave the canvas blank.
    const graph = page.getByTestId('graph');
    expect(await graph.getAttribute('data-prepaint')).toBe('layers');
    const slices = Number(await graph.getAttribute('data-prepaint-slices'));
    expect(slices).toBeGreaterThanOrEqual(1);
    // Each slice had the browser rasterise what it drew into the layers, so that work stays in that slice (the
    // browser otherwise rasterises a canvas's recorded drawing all at once, later, in one long task).
    expect(Number(await graph.getAttribute('data-prepaint-flushes'))).toBeGreaterThanOrEqual(slices);
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            // Cytoscape's node layer: the canvas the elements are drawn on (the others hold selection boxes).
            const canvases = [
              ...document.querySelectorAll<HTMLCanvasElement>('[data-testid="graph"] canvas'),
            ];
            return Math.max(
              ...canvases.map((c) => {
                const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
                let inked = 0;
                for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
                return inked;
              }),
            );
          }),
        POLL,
      )
      .toBeGreaterThan(5000);
    const positions = Object.values(await page.evaluate(() => window.__explorer!.positions()));
    const ids = await h.nodeIds();
    expect(positions).toHaveLength(ids.length);
    // Every node was placed (they arrive at the origin) and they are spread out, not stacked.
    expect(positions.filter((p) => p.x === 0 && p.y === 0)).toEqual([]);
    expect(positions.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    const distinct = new Set(positions.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
    expect(distinct.size).toBeGreaterThan(ids.length * 0.9);
  }, 300_000);

  it('draws a scene too large for the force refinement with no node on another (spread draft)', async () => {
    const page = await openWithScene(5000);
    await expect.poll(() => page.getByTestId('layout-progress').isVisible(), LAYOUT_WAIT).toBe(false);
    await h.idle();
    const boxes = await page.evaluate(() => window.__explorer!.nodeBoxes!());
    expect(boxes.length, 'more nodes than the worker refines').toBeGreaterThan(REFINE_MAX_NODES);
    // fcose's spectral draft alone put the leaves of a hub on one point (188,067 overlapping pairs at 10k).
    const overlapping: string[] = [];
    const sorted = [...boxes].sort((a, b) => a.x1 - b.x1);
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length && sorted[j]!.x1 < sorted[i]!.x2; j++) {
        const [a, b] = [sorted[i]!, sorted[j]!];
        if (a.y1 < b.y2 && b.y1 < a.y2) overlapping.push(`${a.id}/${b.id}`);
      }
    expect(overlapping).toEqual([]);
  }, 300_000);

  it('stops when cancelled, and the page keeps working', async () => {
    const page = await openWithScene(LARGE_LAYOUT_ELEMENTS + 500);
    const progress = page.getByTestId('layout-progress');
    await expect.poll(() => progress.isVisible(), POLL).toBe(true);
    await page.getByTestId('layout-cancel').click();
    await expect.poll(() => progress.isVisible(), POLL).toBe(false);
    await h.idle();
    expect(await page.evaluate(() => window.__explorer!.lastLayoutRunner!())).toBe('worker');
    expect((await h.nodeIds()).length).toBeGreaterThan(LARGE_LAYOUT_ELEMENTS / 10);
  }, 120_000);
});
