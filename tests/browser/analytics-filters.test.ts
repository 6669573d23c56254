// Analytics, filters and the timeline in Chromium: sizing by betweenness, brokers, histogram, communities, filters, brush, undated.
/// <reference lib="dom" />
import { join } from 'node:path';
import * as graphology from 'graphology';
import * as betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, NeighboursResponse } from '../../contract/index.js';
import type { GraphStore } from '../../server/src/store/neo4j-store.js';
import { testStore } from '../setup/test-app.js';
import {
  FIXTURE_CENTRE,
  FIXTURE_EDGES,
  FIXTURE_NODES,
  insertDatedFixture,
  removeDatedFixture,
} from './dated-fixture.js';
import { ARTIFACTS, POLL, useBrowser } from './harness.js';

const h = useBrowser();
const { nodeIds, edgeIds, idle } = h;
const START = 'forum:five-country-ministerial-2025';

/** graphology is CommonJS: take the default export whichever way Node hands it over. */
const cjs = <T>(m: unknown): T => ((m as { default?: unknown }).default ?? m) as T;
const betweenness =
  cjs<(g: unknown, o?: { normalized?: boolean }) => Record<string, number>>(betweennessModule);
const { UndirectedGraph } = graphology;

/** The nodes and edges the API gives for the expansions the page made, keyed by id. */
async function apiScene(
  centres: string[],
): Promise<{ nodes: Map<string, GraphNode>; edges: Map<string, GraphEdge> }> {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const id of centres) {
    const { status, body } = await h.app.get(`/api/nodes/${encodeURIComponent(id)}/neighbours?limit=50`);
    expect(status).toBe(200);
    for (const n of (body as NeighboursResponse).nodes) nodes.set(n.id, n);
    for (const e of (body as NeighboursResponse).edges) edges.set(e.id, e);
  }
  return { nodes, edges };
}

const classesOf = (id: string) => h.page.evaluate((x) => window.__explorer!.classesOf(x), id);
const visibleIds = async () => new Set(await h.page.evaluate(() => window.__explorer!.visibleIds()));
const settled = () => h.page.evaluate(() => window.__explorer!.analyticsSettled());
/** Opens the Analytics section: its code loads on first use, then the measures are computed. */
async function openAnalytics(): Promise<void> {
  await h.page.getByTestId('analytics-open').click();
  await expect.poll(() => h.page.getByTestId('size-by').isVisible(), POLL).toBe(true);
  await settled();
}

describe('analytics on the scene', () => {
  it('sizes nodes by betweenness, lists the top broker first and centres it on click; histogram counts every node', async () => {
    const page = await h.openPage();
    await h.waitForNode(START);
    await page.evaluate(() => window.__explorer!.expand('country:uk'));
    await idle();
    await settled();
    const ids = await nodeIds();
    const eids = await edgeIds();
    const scene = await apiScene([START, 'country:uk']);

    // The expected brokers, computed here with graphology from the scene's own nodes and edges.
    const g = new UndirectedGraph();
    for (const id of ids) g.addNode(id);
    for (const id of eids) {
      const e = scene.edges.get(id)!;
      if (e.source !== e.target && !g.hasEdge(e.source, e.target)) g.addEdge(e.source, e.target);
    }
    const bc = betweenness(g, { normalized: true });
    const top = Math.max(...Object.values(bc));
    const tops = ids.filter((id) => Math.abs(bc[id]! - top) < 1e-9);
    expect(top).toBeGreaterThan(0);

    // The timeline says plainly that the seed scene has no dates.
    await expect.poll(() => page.getByTestId('timeline-empty').isVisible(), POLL).toBe(true);

    await openAnalytics();
    await page.getByTestId('size-by').selectOption('betweenness');
    await expect.poll(() => classesOf(tops[0]!), POLL).toContain('sized');
    await idle();
    const sizes = await page.evaluate(
      (all) => Object.fromEntries(all.map((id) => [id, window.__explorer!.renderedSize(id)])),
      ids,
    );
    const first = await page.getByTestId('broker-entry').first().getAttribute('data-id');
    expect(tops).toContain(first);
    expect(sizes[first!]).toBe(Math.max(...Object.values(sizes)));
    const leaf = ids.find((id) => bc[id] === 0)!;
    expect(sizes[leaf]).toBeLessThan(sizes[first!]!);
    expect(await page.getByTestId('broker-entry').count()).toBe(
      Math.min(10, ids.filter((id) => bc[id]! > 0).length),
    );

    // The histogram counts every node on the scene; hovering a bar tells its count.
    const counts = await page
      .locator('rect.histogram-bar')
      .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(ids.length);
    const tallest = counts.indexOf(Math.max(...counts));
    await page.locator('rect.histogram-bar').nth(tallest).hover();
    await expect
      .poll(() => page.getByTestId('histogram-readout').innerText())
      .toMatch(new RegExp(`^${counts[tallest]} nodes? with betweenness`));

    // Clicking the first broker selects it and centres the camera on it.
    await page.getByTestId('broker-entry').first().click();
    await expect.poll(() => classesOf(first!), POLL).toContain('selected');
    await idle();
    const at = (await page.evaluate((id) => window.__explorer!.screenPosition(id), first!))!;
    const box = (await page.getByTestId('graph').boundingBox())!;
    // Centred on the node itself, not on its box with its label (which may sit beside it): within 3 pixels.
    expect(Math.abs(at.x - (box.x + box.width / 2))).toBeLessThan(3);
    expect(Math.abs(at.y - (box.y + box.height / 2))).toBeLessThan(3);

    // Enter on another entry does the same from the keyboard.
    const second = page.getByTestId('broker-entry').nth(1);
    const secondId = (await second.getAttribute('data-id'))!;
    await second.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => classesOf(secondId), POLL).toContain('selected');
    await page.screenshot({ path: join(ARTIFACTS, 'analytics.png') });
  });

  it('colours nodes by Louvain community when toggled', async () => {
    const page = await h.openPage();
    await h.waitForNode(START);
    await openAnalytics();
    await page.getByTestId('community-toggle').check();
    const ids = await nodeIds();
    await expect
      .poll(async () => {
        const all = await page.evaluate((x) => x.map((id) => window.__explorer!.classesOf(id)), ids);
        return all.every((c) => c.some((k) => k.startsWith('community-')));
      }, POLL)
      .toBe(true);
    await page.getByTestId('community-toggle').uncheck();
    await expect
      .poll(async () => (await classesOf(ids[0]!)).some((k) => k.startsWith('community-')), POLL)
      .toBe(false);
  });
});

describe('filters', () => {
  it("hiding a label hides exactly the scene's nodes with it and their edges, and says how many", async () => {
    const page = await h.openPage();
    await h.waitForNode(START);
    await idle();
    const ids = await nodeIds();
    const eids = await edgeIds();
    const scene = await apiScene([START]);
    const countries = ids.filter((id) => scene.nodes.get(id)!.labels.includes('Country'));
    expect(countries.length).toBeGreaterThan(0);
    const cut = new Set(countries);
    const cutEdges = eids.filter(
      (id) => cut.has(scene.edges.get(id)!.source) || cut.has(scene.edges.get(id)!.target),
    );

    await page.getByTestId('filter-label-Country').uncheck();
    const expected = new Set([...ids, ...eids].filter((id) => !cut.has(id) && !cutEdges.includes(id)));
    await expect.poll(visibleIds, POLL).toEqual(expected);
    const summary = page.getByTestId('filter-summary');
    expect(await summary.getAttribute('data-hidden-nodes')).toBe(String(countries.length));
    expect(await summary.getAttribute('data-hidden-edges')).toBe(String(cutEdges.length));
    expect(await summary.innerText()).toContain(
      `hide ${countries.length} of ${ids.length} nodes and ${cutEdges.length} of ${eids.length}`,
    );
    // Filtered elements are hidden, not removed: the scene still holds them.
    expect((await nodeIds()).length).toBe(ids.length);

    // The filter change is one undoable step, named after what it did.
    expect(await page.getByTestId('undo').getAttribute('title')).toContain('Filter: hide label Country');
    await page.getByTestId('undo').click();
    await expect.poll(visibleIds, POLL).toEqual(new Set([...ids, ...eids]));
    expect(await page.getByTestId('filter-label-Country').isChecked()).toBe(true);
    await page.getByTestId('redo').click();
    await expect.poll(visibleIds, POLL).toEqual(expected);

    await page.getByTestId('clear-filters').click();
    await expect.poll(visibleIds, POLL).toEqual(new Set([...ids, ...eids]));
  });

  it('Ctrl+A, N and ]/[ pick only what the filters show, so Delete or E never acts out of sight', async () => {
    const page = await h.openPage();
    await h.waitForNode(START);
    await idle();
    const ids = await nodeIds();
    const scene = await apiScene([START]);
    const hidden = new Set(ids.filter((id) => scene.nodes.get(id)!.labels.includes('Country')));
    const shown = ids.filter((id) => !hidden.has(id));
    expect(hidden.size).toBeGreaterThan(0);
    expect(shown.length).toBeGreaterThan(2);
    await page.getByTestId('filter-label-Country').uncheck();
    await expect.poll(async () => (await visibleIds()).has([...hidden][0]!), POLL).toBe(false);
    const count = page.getByTestId('selection-count');
    const body = page.locator('body');

    // Ctrl+A: every node shown, none of the hidden countries.
    await body.press('Control+a');
    await expect.poll(() => count.innerText(), POLL).toBe(`${shown.length} nodes selected`);
    const listed = await page.locator('.selection-list li').allInnerTexts();
    for (const id of hidden) expect(listed.some((t) => t.includes(scene.nodes.get(id)!.name))).toBe(false);

    // N on the forum: its shown neighbours (the countries it links to are hidden).
    await page.evaluate((id) => window.__explorer!.select(id), START);
    await expect
      .poll(() => page.locator('.details-title').first().textContent(), POLL)
      .toBe(scene.nodes.get(START)!.name);
    const neighbours = new Set(
      [...scene.edges.values()]
        .flatMap((e) => (e.source === START ? [e.target] : e.target === START ? [e.source] : []))
        .filter((id) => ids.includes(id) && !hidden.has(id)),
    );
    await body.press('n');
    await expect.poll(() => count.innerText(), POLL).toBe(`${neighbours.size + 1} nodes selected`);

    // ]: a full round visits every shown node once by name and never a hidden one.
    await body.press('Escape');
    const visited: string[] = [];
    for (let i = 0; i < shown.length; i++) {
      const before = visited.at(-1);
      await body.press(']');
      await expect
        .poll(() => page.locator('.details-title').first().textContent(), POLL)
        .not.toBe(before ?? null);
      visited.push((await page.locator('.details-title').first().textContent())!);
    }
    expect([...visited].sort()).toEqual(shown.map((id) => scene.nodes.get(id)!.name).sort());
  });

  it('disputed "only" leaves only disputed claims, with their ends as faded context', async () => {
    const page = await h.openPage('?node=person:mahmood');
    await h.waitForNode('person:mahmood');
    await idle();
    const ids = await nodeIds();
    const eids = await edgeIds();
    const scene = await apiScene(['person:mahmood']);
    const disputed = eids.filter((id) => scene.edges.get(id)!.properties['disputed'] === true);
    expect(disputed.length).toBeGreaterThan(0);

    await page.getByTestId('filter-disputed').selectOption('only');
    const ends = new Set(
      disputed.flatMap((id) => [scene.edges.get(id)!.source, scene.edges.get(id)!.target]),
    );
    const expectedNodes = ids.filter(
      (id) => scene.nodes.get(id)!.properties['disputed'] === true || ends.has(id),
    );
    await expect.poll(visibleIds, POLL).toEqual(new Set([...disputed, ...expectedNodes]));
    for (const id of expectedNodes) {
      if (scene.nodes.get(id)!.properties['disputed'] !== true)
        expect(await classesOf(id)).toContain('filter-context');
    }
  });
});

describe('timeline', () => {
  // The seed has no dates: a few dated elements go into the test database for this block only.
  let store: GraphStore;
  beforeAll(async () => {
    store = await testStore();
    await insertDatedFixture(store);
  });
  afterAll(async () => {
    await removeDatedFixture(store);
    await store.close();
  });

  const dateOf = (d: { date?: string; validFrom?: string; validTo?: string }): [number, number] | null => {
    if (d.date) return [Date.parse(d.date), Date.parse(d.date)];
    if (d.validFrom) return [Date.parse(d.validFrom), d.validTo ? Date.parse(d.validTo) : Infinity];
    return null;
  };
  const dated = [...FIXTURE_NODES, ...FIXTURE_EDGES]
    .map((x) => ({ id: x.id, span: dateOf(x.dates) }))
    .filter((x) => x.span);

  it("brushing keeps the fixture's elements that overlap the window; the undated toggle hides and shows the rest", async () => {
    const page = await h.openPage(`?node=${FIXTURE_CENTRE}`);
    for (const n of FIXTURE_NODES) await h.waitForNode(n.id);
    await idle();
    const ids = await nodeIds();
    const eids = await edgeIds();
    const undated = [...ids, ...eids].filter((id) => !dated.some((d) => d.id === id));
    expect(undated).toEqual(expect.arrayContaining([FIXTURE_CENTRE, 'country:uk']));

    const svg = page.getByTestId('timeline');
    await svg.scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('rect.timeline-mark').count(), POLL).toBe(dated.length);
    const axis = await svg.evaluate((el) => ({
      d0: Number(el.getAttribute('data-domain-start')),
      d1: Number(el.getAttribute('data-domain-end')),
      r0: Number(el.getAttribute('data-range-start')),
      r1: Number(el.getAttribute('data-range-end')),
    }));
    const box = (await svg.boundingBox())!;
    const xOf = (t: number) => box.x + axis.r0 + ((t - axis.d0) / (axis.d1 - axis.d0)) * (axis.r1 - axis.r0);
    const [from, to] = [Date.parse('2019-06-01'), Date.parse('2021-01-31')];
    await page.mouse.move(xOf(from), box.y + 10);
    await page.mouse.down();
    await page.mouse.move(xOf(to), box.y + 10, { steps: 8 });
    await page.mouse.up();

    const inside = dated.filter((d) => d.span![0] <= to && d.span![1] >= from).map((d) => d.id);
    const outside = dated.filter((d) => !inside.includes(d.id)).map((d) => d.id);
    expect(inside.length).toBeGreaterThan(0);
    expect(outside.length).toBeGreaterThan(0);
    await expect.poll(visibleIds, POLL).toEqual(new Set([...inside, ...undated]));
    await expect
      .poll(() => page.getByTestId('timeline-readout').innerText())
      .toContain(`${inside.length} of ${dated.length} dated elements`);

    // Undated elements follow the toggle, which shows their count.
    const toggle = page.getByTestId('undated-toggle');
    expect(await toggle.innerText()).toBe(`Undated: shown (${undated.length})`);
    await toggle.click();
    await expect.poll(() => toggle.innerText()).toBe(`Undated: hidden (${undated.length})`);
    // The undated centre stays, faded, because the dated relationships shown need it.
    await expect.poll(visibleIds, POLL).toEqual(new Set([...inside, FIXTURE_CENTRE]));
    expect(await classesOf(FIXTURE_CENTRE)).toContain('filter-context');
    expect(await page.getByTestId('filter-summary').getAttribute('data-hidden-nodes')).toBe(
      String(ids.length - [...inside, FIXTURE_CENTRE].filter((id) => ids.includes(id)).length),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'timeline.png') });

    await toggle.click();
    await expect.poll(visibleIds, POLL).toEqual(new Set([...inside, ...undated]));
    await page.getByTestId('timeline-clear').click();
    await expect.poll(visibleIds, POLL).toEqual(new Set([...ids, ...eids]));
  });
});
