// Image export in Chromium: PNG (2x, white, legend; transparent) and SVG (labels as text, legend, selection only, filters).
/// <reference lib="dom" />
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, type Element as XmlElement } from '@xmldom/xmldom';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { displayKindOf, displayName } from '../../model/index.js';
import type { GraphNode, NodeResponse, SchemaResponse } from '../../contract/index.js';
import { ARTIFACTS, POLL, useBrowser } from './harness.js';

const h = useBrowser();
const START = 'forum:five-country-ministerial-2025';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** The legend's width and padding in CSS pixels (ui/legend.ts, export/image-compose.ts). */
const LEGEND_AREA = 252 + 2 * 16;

/** The legend's row name of a node: its kind's display name (the model's), or 'Other'. */
const legendRow = (n: GraphNode): string => displayName(displayKindOf(n.labels));

interface Png {
  width: number;
  height: number;
  colourType: number;
  bytes: number;
}

/** Reads a PNG's signature and IHDR chunk (the first chunk: width, height, bit depth, colour type). */
function readPng(buf: Buffer): Png {
  expect([...buf.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(buf.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return {
    width: buf.readUInt32BE(16),
    height: buf.readUInt32BE(20),
    colourType: buf[25] ?? -1,
    bytes: buf.length,
  };
}

/** Clicks Save image (or whatever `trigger` does) and returns the file the browser downloaded. */
async function download(page: Page, trigger: () => Promise<void>): Promise<{ name: string; data: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), data: readFileSync(path) };
}

async function saveImage(
  page: Page,
  opts: { format: 'png' | 'svg'; scale?: string; background?: 'white' | 'transparent'; legend?: boolean },
): Promise<{ name: string; data: Buffer }> {
  await page.getByTestId('export-image-format').selectOption(opts.format);
  if (opts.scale) await page.getByTestId('export-scale').selectOption(opts.scale);
  await page.getByTestId('export-background').selectOption(opts.background ?? 'white');
  await page.getByTestId('export-legend').setChecked(opts.legend ?? true);
  return download(page, () => page.getByTestId('export-image').click());
}

/** Texts of an exported SVG: the graph's (node and edge labels) and the legend's, in document order. */
function svgTexts(data: Buffer): { graph: string[]; legend: string[] } {
  const doc = new DOMParser().parseFromString(data.toString('utf8'), 'image/svg+xml');
  expect(doc.documentElement?.nodeName).toBe('svg');
  const inLegend = (e: XmlElement): boolean => {
    for (let p = e.parentNode as XmlElement | null; p; p = p.parentNode as XmlElement | null) {
      if (p.nodeType === 1 && p.getAttribute('class') === 'export-legend') return true;
    }
    return false;
  };
  const graph: string[] = [];
  const legend: string[] = [];
  for (const t of Array.from(doc.getElementsByTagName('text')))
    (inLegend(t) ? legend : graph).push(t.textContent ?? '');
  return { graph, legend };
}

/** A drawn label is the name, or the name cut short with an ellipsis (text-wrap: ellipsis). */
const labelOf =
  (name: string) =>
  (text: string): boolean =>
    text === name || (text.endsWith('…') && text.length > 1 && name.startsWith(text.slice(0, -1).trimEnd()));

/** The canvas's visible nodes with their API records. */
async function visibleNodes(page: Page): Promise<GraphNode[]> {
  const ids = await page.evaluate(() => {
    const shown = new Set(window.__explorer!.visibleIds());
    return window.__explorer!.nodeIds().filter((id) => shown.has(id));
  });
  return Promise.all(
    ids.map(
      async (id) =>
        (await h.app.get<NodeResponse>(`/api/nodes/${encodeURIComponent(id)}`)).body.node as GraphNode,
    ),
  );
}

/** Node-label texts of the graph: every text except relationship-type (edge) labels. */
async function nodeLabelTexts(graphTexts: string[]): Promise<string[]> {
  const schema = (await h.app.get('/api/schema')).body as SchemaResponse;
  const relTypes = new Set(schema.relationshipTypes.map((r) => r.type));
  return graphTexts.filter((t) => !relTypes.has(t));
}

/** Every node has exactly one label text, and there are no others. */
function expectOneLabelPerNode(texts: string[], nodes: GraphNode[]): void {
  for (const n of nodes) expect(texts.filter(labelOf(n.name)), `label of ${n.id}`).toHaveLength(1);
  expect(texts).toHaveLength(nodes.length);
}

/**
 * The canvas's label rules hold in the image: every text is the label of one of `nodes`, no node's label
 * is there twice, and no text repeats; labels that lost a collision are simply absent.
 */
function expectDrawnLabelsOf(texts: string[], nodes: GraphNode[]): void {
  for (const n of nodes)
    expect(texts.filter(labelOf(n.name)).length, `label of ${n.id}`).toBeLessThanOrEqual(1);
  for (const t of texts)
    expect(
      nodes.some((n) => labelOf(n.name)(t)),
      `"${t}" is a node's label`,
    ).toBe(true);
  expect(new Set(texts).size).toBe(texts.length);
}

/**
 * The page boxes of an SVG's graph texts (not the legend's), as Chromium lays them out: the SVG is opened in a
 * page of its own at its own size, so each <text> (its <tspan> lines included) has its drawn box.
 */
async function svgTextBoxes(
  svg: Buffer,
): Promise<{ id: string; x1: number; y1: number; x2: number; y2: number }[]> {
  const viewer = await h.browser.newPage();
  try {
    await viewer.setContent(`<!doctype html><body style="margin:0">${svg.toString('utf8')}</body>`);
    return await viewer.evaluate(() =>
      [...document.querySelectorAll('svg text')]
        .filter((t) => !t.closest('.export-legend') && (t.textContent ?? '').trim() !== '')
        .map((t, i) => {
          const r = t.getBoundingClientRect();
          return { id: `${i}:${t.textContent ?? ''}`, x1: r.left, y1: r.top, x2: r.right, y2: r.bottom };
        }),
    );
  } finally {
    await viewer.close();
  }
}

/** Pairs of boxes whose interiors cross by more than half a pixel. */
function crossingBoxes(
  b: readonly { id: string; x1: number; y1: number; x2: number; y2: number }[],
): string[] {
  const out: string[] = [];
  for (let i = 0; i < b.length; i++)
    for (let j = i + 1; j < b.length; j++) {
      const w = Math.min(b[i]!.x2, b[j]!.x2) - Math.max(b[i]!.x1, b[j]!.x1);
      const hgt = Math.min(b[i]!.y2, b[j]!.y2) - Math.max(b[i]!.y1, b[j]!.y1);
      if (w > 0.5 && hgt > 0.5) out.push(`${b[i]!.id} × ${b[j]!.id}`);
    }
  return out;
}

const openWithExport = (before?: (page: Page) => Promise<void>): Promise<Page> =>
  h.openExport({ waitFor: START, before });

describe('image export in Chromium', () => {
  it('X opens the Export panel; a 2x PNG on white with the legend is a real, large PNG of canvas + legend size', async () => {
    const page = await openWithExport();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('export-image-format');
    const box = (await page.getByTestId('graph').boundingBox())!;
    const { name, data } = await saveImage(page, {
      format: 'png',
      scale: '2',
      background: 'white',
      legend: true,
    });
    expect(name).toMatch(/^security-graph-\d{4}-\d{2}-\d{2}-\d{4}\.png$/);
    const png = readPng(data);
    expect(Math.abs(png.width - 2 * (box.width + LEGEND_AREA))).toBeLessThanOrEqual(4);
    expect(png.height).toBeGreaterThanOrEqual(2 * box.height - 4);
    expect(png.height).toBeLessThanOrEqual(Math.max(2 * box.height, 2 * 700) + 4);
    expect(png.bytes).toBeGreaterThan(30_000);
    writeFileSync(join(ARTIFACTS, 'export-2x-legend.png'), data);
    await page.screenshot({ path: join(ARTIFACTS, 'export-panel.png') });
  });

  it('a transparent PNG has an alpha channel (colour type 6); without the legend it is the canvas size', async () => {
    const page = await openWithExport();
    const box = (await page.getByTestId('graph').boundingBox())!;
    const png = readPng(
      (await saveImage(page, { format: 'png', scale: '1', background: 'transparent', legend: false })).data,
    );
    expect(png.colourType).toBe(6);
    expect(Math.abs(png.width - box.width)).toBeLessThanOrEqual(2);
    expect(Math.abs(png.height - box.height)).toBeLessThanOrEqual(2);
  });

  it('an SVG parses, with one <text> per drawn node label and the legend entries with their counts', async () => {
    const page = await openWithExport();
    const { name, data } = await saveImage(page, { format: 'svg', legend: true });
    expect(name).toMatch(/\.svg$/);
    writeFileSync(join(ARTIFACTS, 'export-legend.svg'), data);
    const nodes = await visibleNodes(page);
    expect(nodes.length).toBeGreaterThan(3);
    const { graph, legend } = svgTexts(data);
    const texts = await nodeLabelTexts(graph);
    expect(texts.length).toBeGreaterThan(3);
    expectDrawnLabelsOf(texts, nodes);

    const counts = new Map<string, number>();
    for (const n of nodes) counts.set(legendRow(n), (counts.get(legendRow(n)) ?? 0) + 1);
    for (const [label, count] of counts) {
      const at = legend.indexOf(label);
      expect(at, `legend row ${label}`).toBeGreaterThanOrEqual(0);
      expect(legend[at + 1]).toBe(String(count));
    }
    expect(legend).toContain('Disputed claim');
  });

  it('selection only: the SVG holds only the selected nodes’ labels', async () => {
    let a: GraphNode | undefined;
    let b: GraphNode | undefined;
    // Select two nodes (one, then Shift+click another) before the panel covers part of the canvas.
    const page = await openWithExport(async (p) => {
      [a, b] = (await visibleNodes(p)).filter((n) => n.id !== START);
      await p.evaluate((id) => window.__explorer!.select(id), a!.id);
      const at = (await p.evaluate((id) => window.__explorer!.screenPosition(id), b!.id))!;
      await p.keyboard.down('Shift');
      await p.mouse.click(at.x, at.y);
      await p.keyboard.up('Shift');
      await expect
        .poll(() => p.evaluate((id) => window.__explorer!.classesOf(id).includes('selected'), b!.id), POLL)
        .toBe(true);
    });
    expect(await page.getByTestId('export-selection-only').locator('xpath=..').innerText()).toContain(
      '2 nodes',
    );
    const tick = page.getByTestId('export-selection-only');
    await expect.poll(() => tick.isEnabled(), POLL).toBe(true);
    await tick.check();
    const { name, data } = await saveImage(page, { format: 'svg', legend: false });
    expect(name).toMatch(/^security-graph-selection-/);
    const { graph, legend } = svgTexts(data);
    expect(legend).toEqual([]);
    expectOneLabelPerNode(await nodeLabelTexts(graph), [a!, b!]);
  });

  it('filtered-out nodes are not in the image', async () => {
    const page = await openWithExport();
    const before = await visibleNodes(page);
    expect(before.some((n) => n.labels.includes('Country'))).toBe(true);
    await page.getByTestId('filter-label-Country').uncheck();
    await expect.poll(async () => (await visibleNodes(page)).length, POLL).toBeLessThan(before.length);
    const after = await visibleNodes(page);
    const { graph } = svgTexts((await saveImage(page, { format: 'svg', legend: false })).data);
    const texts = await nodeLabelTexts(graph);
    expectDrawnLabelsOf(texts, after);
    for (const n of before.filter((x) => x.labels.includes('Country')))
      expect(texts.filter(labelOf(n.name))).toEqual([]);
  });

  it('an SVG of a dense scene applies the canvas label rules: no two drawn texts overlap, colliding labels are left out', async () => {
    const page = await openWithExport(async (p) => {
      // Two hubs expanded and the whole scene fitted: labels crowd each other, as they do on screen.
      for (const hub of ['country:uk', 'country:us']) {
        await h.waitForNode(hub);
        await h.doubleClickNode(hub);
        await h.idle();
      }
      await p.locator('body').click({ position: { x: 5, y: 5 } });
      await p.keyboard.press('f');
      await h.idle();
    });
    const nodes = await visibleNodes(page);
    expect(nodes.length).toBeGreaterThan(25);
    const { data } = await saveImage(page, { format: 'svg', legend: true });
    writeFileSync(join(ARTIFACTS, 'export-dense.svg'), data);
    const texts = await nodeLabelTexts(svgTexts(data).graph);
    expectDrawnLabelsOf(texts, nodes);
    expect(texts.length).toBeGreaterThan(5);
    // The rules left some labels out (the scene is too dense for all of them), as the canvas does.
    expect(texts.length).toBeLessThan(nodes.length);
    const boxes = await svgTextBoxes(data);
    expect(boxes.length).toBeGreaterThanOrEqual(texts.length);
    expect(crossingBoxes(boxes)).toEqual([]);
  }, 120_000);
});
