// The path finder (k paths, filters, path list, "why connected") and the cooperation view (pair graph, drill-down, matrix) in Chromium.
/// <reference lib="dom" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CooperationResponse, Graph, GraphEdge, PathsResponse } from '../../contract/index.js';
import { readSources } from '../../seed/read-seed.js';
import { ARTIFACTS, POLL, useBrowser } from './harness.js';

const h = useBrowser();
const sources = readSources();

/** The filter the k-paths tests use: every hop must be one of these. */
const ALLOWED = ['PARTICIPATED_IN', 'COOPERATES_WITH', 'MEMBER_OF'];
const K = 5;
const HOPS = 5;

async function openExplorer(): Promise<Page> {
  const page = await h.openPage();
  await page.waitForFunction(() =>
    window.__explorer!.nodeIds().includes('forum:five-country-ministerial-2025'),
  );
  await h.idle();
  return page;
}

/** Picks a path end by typing and choosing the suggestion named `name`. */
async function pickEnd(page: Page, testId: string, text: string, name: string): Promise<void> {
  await page.getByTestId(testId).fill(text);
  await page.getByTestId('search-suggestion').filter({ hasText: name }).first().click();
}

/** Runs a k-paths search from France to Kristi Noem restricted to ALLOWED, and returns the API's own answer. */
async function findKPaths(page: Page): Promise<Graph[]> {
  await pickEnd(page, 'path-from', 'France', 'France');
  await pickEnd(page, 'path-to', 'Noem', 'Kristi Noem');
  await page.getByTestId('path-mode').selectOption('k-paths');
  await page.getByTestId('path-k').fill(String(K));
  await page.getByTestId('path-hops').selectOption(String(HOPS));
  await page.getByTestId('path-reltypes').locator('summary').click();
  for (const type of ALLOWED)
    await page.getByTestId('path-reltypes').locator(`input[value="${type}"]`).check();
  await page.getByTestId('path-run').click();
  const { status, body } = await h.app.get(
    `/api/paths?from=country:fr&to=person:kristi-noem&mode=k-paths&k=${K}&maxHops=${HOPS}&relTypes=${ALLOWED.join(',')}`,
  );
  expect(status).toBe(200);
  const paths = (body as PathsResponse).paths;
  await expect.poll(() => page.getByTestId('path-item').count(), POLL).toBe(paths.length);
  return paths;
}

const edgeIdsOf = (p: Graph): string[] => p.edges.map((e) => e.id).sort();

type Point = { x: number; y: number };
type Rect = { x1: number; y1: number; x2: number; y2: number };
const unionRect = (a: Rect, b: Rect): Rect => ({
  x1: Math.min(a.x1, b.x1),
  y1: Math.min(a.y1, b.y1),
  x2: Math.max(a.x2, b.x2),
  y2: Math.max(a.y2, b.y2),
});

/** The connected parts of the graph of `ids` joined by `links`, each a list of ids. */
function componentsOf(ids: readonly string[], links: readonly (readonly [string, string])[]): string[][] {
  const part = new Map(ids.map((id) => [id, id]));
  const root = (id: string): string => (part.get(id) === id ? id : root(part.get(id)!));
  for (const [a, b] of links) part.set(root(a), root(b));
  const groups = new Map<string, string[]>();
  for (const id of ids) groups.set(root(id), [...(groups.get(root(id)) ?? []), id]);
  return [...groups.values()];
}
/**
 * True when the straight line a–b passes through the box (page pixels), walked in half-pixel steps; the box is
 * taken 2 px in from each side, so a line grazing a label's padding does not count.
 */
function lineCrossesBox(
  a: Point,
  b: Point,
  box: { x1: number; y1: number; x2: number; y2: number },
): boolean {
  const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) * 2);
  for (let i = 0; i <= steps; i++) {
    const x = a.x + ((b.x - a.x) * i) / steps;
    const y = a.y + ((b.y - a.y) * i) / steps;
    if (x > box.x1 + 2 && x < box.x2 - 2 && y > box.y1 + 2 && y < box.y2 - 2) return true;
  }
  return false;
}

async function listedEdgeIds(page: Page): Promise<string[][]> {
  return page
    .getByTestId('path-item')
    .evaluateAll((items) => items.map((li) => (li.getAttribute('data-edge-ids') ?? '').split(' ').sort()));
}

async function classesOf(page: Page, ids: string[]): Promise<Record<string, string[]>> {
  return page.evaluate(
    (all) => Object.fromEntries(all.map((id) => [id, window.__explorer!.classesOf(id)])),
    ids,
  );
}

/** Checks every quote shown in `scope` is verbatim in the source its citation names; returns how many there were. */
async function expectVerbatimQuotes(scope: ReturnType<Page['getByTestId']>): Promise<number> {
  const items = await scope.locator('.evidence-item').evaluateAll((els) =>
    els.map((el) => ({
      quote: el.querySelector('[data-testid="evidence-quote"]')?.textContent ?? null,
      sourceId: el.querySelector('[data-testid="evidence-source"]')?.getAttribute('title') ?? null,
    })),
  );
  for (const item of items.filter((i) => i.quote !== null)) {
    const quote = item.quote!.trim().replace(/^[“"]|[”"]$/g, '');
    const source = sources.find((s) => s.id === item.sourceId);
    expect(source, `source ${item.sourceId}`).toBeDefined();
    expect(source!.text).toContain(quote);
  }
  return items.filter((i) => i.quote !== null).length;
}

describe('path finder in Chromium', () => {
  it('k paths with a relationship-type filter lists exactly the paths the API returns, every hop of an allowed type', async () => {
    const page = await openExplorer();
    const paths = await findKPaths(page);
    expect(paths.length).toBeGreaterThan(1);
    expect(await listedEdgeIds(page)).toEqual(paths.map(edgeIdsOf));
    for (const p of paths) for (const e of p.edges) expect(ALLOWED).toContain(e.type);
    // The readable chains name every node and only allowed types between them.
    const chains = await page.getByTestId('path-chain').allInnerTexts();
    chains.forEach((chain, i) => {
      for (const n of paths[i]!.nodes) expect(chain).toContain(n.name);
      const types = [...chain.matchAll(/[→←] ([A-Z_]+) [→←]/g)].map((m) => m[1]);
      expect(types).toHaveLength(paths[i]!.edges.length);
      for (const t of types) expect(ALLOWED).toContain(t);
    });
    await expect
      .poll(() => page.getByTestId('status').innerText(), POLL)
      .toContain(`${paths.length} paths from France to Kristi Noem`);
  });

  it('choosing a path in the list highlights just that path, by mouse and by keyboard', async () => {
    const page = await openExplorer();
    const paths = await findKPaths(page);
    await h.idle();
    const all = [
      ...new Set(paths.flatMap((p) => [...p.nodes.map((n) => n.id), ...p.edges.map((e) => e.id)])),
    ];
    const highlightedIs = async (index: number): Promise<void> => {
      const chosen = new Set([
        ...paths[index]!.nodes.map((n) => n.id),
        ...paths[index]!.edges.map((e) => e.id),
      ]);
      await expect
        .poll(async () => {
          const classes = await classesOf(page, all);
          return all.filter((id) => classes[id]!.includes('path')).sort();
        }, POLL)
        .toEqual([...chosen].sort());
      const classes = await classesOf(page, all);
      for (const id of all.filter((x) => !chosen.has(x))) expect(classes[id]).toContain('dimmed');
    };

    await page.getByTestId('path-item').nth(1).click();
    await highlightedIs(1);
    await expect
      .poll(() => page.getByTestId('path-item').nth(1).getAttribute('aria-selected'), POLL)
      .toBe('true');

    // Keyboard: focus the list, arrow to the last path (previewed), Enter chooses it.
    await page.getByTestId('path-list').focus();
    await page.keyboard.press('End');
    await highlightedIs(paths.length - 1);
    await page.keyboard.press('Enter');
    await expect
      .poll(
        () =>
          page
            .getByTestId('path-item')
            .nth(paths.length - 1)
            .getAttribute('aria-selected'),
        POLL,
      )
      .toBe('true');
    // Escape in the list shows every path again.
    await page.keyboard.press('Escape');
    await page.getByTestId('path-from').focus();
    await expect
      .poll(async () => {
        const classes = await classesOf(page, all);
        return all.every((id) => classes[id]!.includes('path'));
      }, POLL)
      .toBe(true);
  });

  it('"why are these connected" explains each hop with a quote verbatim in its source and flags disputed claims', async () => {
    const page = await openExplorer();
    // Mahmood and Cleverly are linked through the Home Office by two disputed HOLDS_OFFICE claims.
    await pickEnd(page, 'path-from', 'Mahmood', 'Mahmood');
    await pickEnd(page, 'path-to', 'Cleverly', 'Cleverly');
    await page.getByTestId('path-run').press('Enter');
    const { body } = await h.app.get(
      '/api/paths?from=person:mahmood&to=person:james-cleverly&mode=shortest&maxHops=4',
    );
    const path = (body as PathsResponse).paths[0]!;
    expect(path.edges.length).toBeGreaterThan(0);
    const why = page.getByTestId('why-connected');
    await expect.poll(() => why.getByTestId('why-hop').count(), POLL).toBe(path.edges.length);

    const hops = why.getByTestId('why-hop');
    const byId = new Map<string, GraphEdge>(path.edges.map((e) => [e.id, e]));
    for (let i = 0; i < path.edges.length; i++) {
      const hop = hops.nth(i);
      const edge = byId.get((await hop.getAttribute('data-edge-id'))!);
      expect(edge, 'each hop is an edge of the path').toBeDefined();
      const quotes = edge!.evidence?.filter((ev) => ev.quote !== null).length ?? 0;
      expect(await expectVerbatimQuotes(hop)).toBe(quotes);
      expect(quotes).toBeGreaterThan(0);
      expect(await hop.getByTestId('disputed-badge').count()).toBe(
        edge!.properties['disputed'] === true ? 1 : 0,
      );
    }
    expect(path.edges.some((e) => e.properties['disputed'] === true)).toBe(true);

    // Each hop's quotes show one line each until opened; opened, no quote is cut.
    const quoteLines = (scope: typeof why) =>
      scope.getByTestId('evidence-quote').evaluateAll((els) =>
        els.map((q) => ({
          lines: Math.round(q.clientHeight / parseFloat(getComputedStyle(q).lineHeight || '16')),
          cut: q.scrollWidth > q.clientWidth + 1,
        })),
      );
    const firstHop = hops.first();
    const collapsed = await quoteLines(firstHop);
    expect(collapsed.length).toBeGreaterThan(0);
    for (const q of collapsed) expect(q.lines).toBeLessThanOrEqual(1);
    await firstHop.getByTestId('why-quotes-toggle').click();
    expect(await firstHop.getByTestId('why-quotes-toggle').getAttribute('aria-expanded')).toBe('true');
    for (const q of await quoteLines(firstHop)) expect(q.cut).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'paths-why.png') });
  });
});

/**
 * Clicks a cooperation edge with the real mouse. Edges are straight, so points along the segment between
 * the two actors are on it; the midpoint comes first, then points either side in case the layout happened
 * to put another edge or node over it.
 */
async function clickCoopEdge(page: Page, edgeId: string, a: string, b: string): Promise<void> {
  const coop = await page.evaluate(
    ([e, x, y]) => {
      const hooks = window.__explorer!.cooperation!;
      return { mid: hooks.edgeMidpoint(e!), a: hooks.screenPosition(x!), b: hooks.screenPosition(y!) };
    },
    [edgeId, a, b],
  );
  expect(coop.mid && coop.a && coop.b, 'the edge and its actors are drawn').toBeTruthy();
  const along = (t: number): { x: number; y: number } => ({
    x: coop.a!.x + (coop.b!.x - coop.a!.x) * t,
    y: coop.a!.y + (coop.b!.y - coop.a!.y) * t,
  });
  const points = [coop.mid!, ...[0.4, 0.6, 0.3, 0.7, 0.35, 0.65].map(along)];
  for (const p of points) {
    await page.mouse.click(p.x, p.y);
    const selected = await page.evaluate(
      (e) => window.__explorer!.cooperation!.classesOf(e).includes('selected'),
      edgeId,
    );
    if (selected) return;
  }
  throw new Error(`could not click ${edgeId}: every point along it is covered`);
}

describe('cooperation view in Chromium', () => {
  const threat = 'terrorism';
  const load = async (): Promise<CooperationResponse> => {
    const { status, body } = await h.app.get(`/api/cooperation?threat=${threat}`);
    expect(status).toBe(200);
    const res = body as CooperationResponse;
    expect(res.pairs.length).toBeGreaterThan(1);
    return res;
  };
  const pairId = (a: string, b: string): string => `coop:${a}~${b}`;

  /** Opens the view from the keyboard: type, Enter picks the suggestion, Enter again runs. */
  async function enterView(page: Page, res: CooperationResponse): Promise<void> {
    const input = page.getByTestId('coop-threat');
    await input.fill(threat);
    await expect.poll(() => page.getByTestId('search-suggestion').count(), POLL).toBeGreaterThan(0);
    await input.press('Enter');
    await expect.poll(() => input.inputValue(), POLL).toBe(res.threat.name);
    await input.press('Enter');
    await page.waitForFunction(
      (n) => window.__explorer!.cooperation!.edges().length === n,
      res.pairs.length,
      POLL,
    );
    await page.evaluate(() => window.__explorer!.cooperation!.whenIdle());
  }

  it("draws one edge per pair weighted by via.length; clicking an edge lists the pair's forums and agreements with their evidence", async () => {
    const res = await load();
    const page = await openExplorer();
    const sceneBefore = { nodes: (await h.nodeIds()).sort(), edges: (await h.edgeIds()).sort() };
    await enterView(page, res);

    const drawn = await page.evaluate(() => window.__explorer!.cooperation!.edges());
    expect(drawn.map((e) => e.id).sort()).toEqual(res.pairs.map((p) => pairId(p.a.id, p.b.id)).sort());
    for (const p of res.pairs) {
      expect(drawn.find((e) => e.id === pairId(p.a.id, p.b.id))).toMatchObject({
        source: p.a.id,
        target: p.b.id,
        weight: p.via.length,
      });
    }
    const actors = [...new Set(res.pairs.flatMap((p) => [p.a.id, p.b.id]))].sort();
    expect((await page.evaluate(() => window.__explorer!.cooperation!.nodeIds())).sort()).toEqual(actors);
    const canvas = (await page.getByTestId('coop-graph').boundingBox())!;
    const at = await page.evaluate(
      (ids) => ids.map((id) => window.__explorer!.cooperation!.screenPosition(id)!),
      actors,
    );
    // Every actor's name is drawn, and at most one has a pair's line through it: names move to a place clear of the
    // lines (with every name below its node, 3 to 5 of these 8 were struck through on each load); one at the
    // canvas's edge with lines on its other sides may have no clear place left.
    const names = await page.evaluate(() => window.__explorer!.cooperation!.drawnLabels());
    expect(names.map((n) => n.id).sort()).toEqual(actors);
    const lines = drawn.map((e) => ({ a: at[actors.indexOf(e.source)]!, b: at[actors.indexOf(e.target)]! }));
    const crossed = names.filter((n) => lines.some(({ a, b }) => lineCrossesBox(a, b, n))).map((n) => n.text);
    expect(crossed.length, `names with a line through them: ${crossed.join(', ')}`).toBeLessThanOrEqual(1);
    // The view's parts (on this threat, a group of countries and a pair apart) are packed to the canvas's shape: Fit
    // draws them at least as large as the other arrangement would (one above the other instead of side by side, or
    // the reverse). fcose alone put them side by side, a strip drawn at half the size a near-square canvas had room
    // for.
    const parts = componentsOf(
      actors,
      res.pairs.map((p) => [p.a.id, p.b.id] as const),
    );
    expect(parts).toHaveLength(2);
    const partBox = (ids: string[]): Rect =>
      ids
        .map((id): Rect => {
          const p = at[actors.indexOf(id)]!;
          const name = names.find((n) => n.id === id)!;
          return {
            x1: Math.min(p.x, name.x1),
            y1: Math.min(p.y, name.y1),
            x2: Math.max(p.x, name.x2),
            y2: Math.max(p.y, name.y2),
          };
        })
        .reduce(unionRect);
    const [g, q] = parts.map(partBox) as [Rect, Rect];
    const stacked = g.x1 < q.x2 && q.x1 < g.x2;
    const gap = stacked ? Math.max(q.y1 - g.y2, g.y1 - q.y2) : Math.max(q.x1 - g.x2, g.x1 - q.x2);
    const size = (r: Rect) => ({ w: r.x2 - r.x1, h: r.y2 - r.y1 });
    const [gs, qs] = [size(g), size(q)];
    const other = stacked
      ? { w: gs.w + gap + qs.w, h: Math.max(gs.h, qs.h) }
      : { w: Math.max(gs.w, qs.w), h: gs.h + gap + qs.h };
    const scale = (s: { w: number; h: number }): number => Math.min(canvas.width / s.w, canvas.height / s.h);
    expect(
      scale(size(unionRect(g, q))),
      `parts ${stacked ? 'one above the other' : 'side by side'}, against the other way`,
    ).toBeGreaterThanOrEqual(scale(other) * 0.95);
    // The status bar counts what the view draws, the explorer scene underneath on hover.
    const counts = page.locator('.status-counts');
    await expect
      .poll(() => counts.innerText(), POLL)
      .toBe(`${actors.length} actors · ${res.pairs.length} pairs`);
    expect(await counts.getAttribute('title')).toBe(
      `The explorer scene underneath: ${sceneBefore.nodes.length} nodes · ${sceneBefore.edges.length} edges`,
    );
    // The explorer scene underneath is untouched: no synthetic edge ever enters it.
    expect((await h.nodeIds()).sort()).toEqual(sceneBefore.nodes);
    expect((await h.edgeIds()).sort()).toEqual(sceneBefore.edges);

    // Click the heaviest pair's edge with the real mouse.
    const pair = res.pairs.reduce((best, p) => (p.via.length > best.via.length ? p : best));
    await clickCoopEdge(page, pairId(pair.a.id, pair.b.id), pair.a.id, pair.b.id);
    const details = page.getByTestId('details-panel');
    await expect.poll(() => details.getByTestId('coop-via').count(), POLL).toBe(pair.via.length);
    expect(
      await details.getByTestId('coop-via').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))),
    ).toEqual(pair.via.map((v) => v.id));
    await expect
      .poll(() => details.getByTestId('coop-weight').getAttribute('data-weight'), POLL)
      .toBe(String(pair.via.length));
    expect(await details.getByTestId('coop-tie').count()).toBe(pair.edges.length);
    expect(await expectVerbatimQuotes(details)).toBeGreaterThan(0);
    await expect
      .poll(
        () =>
          page.evaluate((id) => window.__explorer!.cooperation!.classesOf(id), pairId(pair.a.id, pair.b.id)),
        POLL,
      )
      .toContain('selected');
    await page.screenshot({ path: join(ARTIFACTS, 'cooperation.png') });

    // "Add to explorer" puts the real forums/agreements and relationships on the explorer scene; "Back" shows it.
    await details.getByTestId('coop-add-pair').click();
    await page.getByTestId('coop-back').click();
    await expect.poll(() => page.getByTestId('coop-overlay').getAttribute('class'), POLL).toMatch(/closed/);
    const after = await h.nodeIds();
    await expect
      .poll(() => counts.innerText(), POLL)
      .toMatch(new RegExp(`^${after.length} nodes · \\d+ edges$`));
    expect(after).toEqual(expect.arrayContaining([...sceneBefore.nodes, ...pair.via.map((v) => v.id)]));
    expect(await h.edgeIds()).toEqual(expect.arrayContaining(pair.edges.map((e) => e.id)));
    expect((await h.edgeIds()).some((id) => id.startsWith('coop:'))).toBe(false);
    await expect
      .poll(() => page.evaluate(() => window.__explorer!.cooperation!.edges().length), POLL)
      .toBe(0);

    // Leaving was one history step: undo opens the view again, redo leaves it again.
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => page.getByTestId('coop-overlay').getAttribute('class'), POLL)
      .not.toMatch(/closed/);
    await expect
      .poll(() => page.evaluate(() => window.__explorer!.cooperation!.edges().length), POLL)
      .toBe(res.pairs.length);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.getByTestId('coop-overlay').getAttribute('class'), POLL).toMatch(/closed/);
  });

  it('the matrix has one row per actor, its filled cells are exactly the pairs, and a cell drills down from the keyboard', async () => {
    const res = await load();
    const page = await openExplorer();
    await enterView(page, res);
    await page.getByTestId('coop-show-matrix').click();
    const matrix = page.getByTestId('coop-matrix');
    await expect.poll(() => matrix.isVisible(), POLL).toBe(true);

    const actors = [...new Set(res.pairs.flatMap((p) => [p.a.id, p.b.id]))];
    const rows = await matrix
      .getByTestId('matrix-row')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    expect([...rows].sort()).toEqual([...actors].sort());
    // Cells sized to the room: a few actors' grid grows past the 22 px minimum and still fits without scrolling.
    const fitted = await page.evaluate(() => {
      const cell = document.querySelector<HTMLElement>('[data-testid="matrix-cell"]')!;
      const scroller = document.querySelector<HTMLElement>('.matrix-scroller')!;
      return {
        side: cell.getBoundingClientRect().width,
        scrolls: scroller.scrollWidth > scroller.clientWidth || scroller.scrollHeight > scroller.clientHeight,
      };
    });
    expect(fitted.side).toBeGreaterThan(30);
    expect(fitted.scrolls).toBe(false);
    const filled = await matrix.locator('td[data-testid="matrix-cell"]').evaluateAll((tds) =>
      tds
        .map((td) => ({
          row: td.getAttribute('data-row')!,
          col: td.getAttribute('data-col')!,
          weight: Number(td.getAttribute('data-weight')),
        }))
        .filter((c) => c.weight > 0),
    );
    // Symmetric: each pair fills (a, b) and (b, a), with its weight.
    const expected = res.pairs.flatMap((p) => [
      { row: p.a.id, col: p.b.id, weight: p.via.length },
      { row: p.b.id, col: p.a.id, weight: p.via.length },
    ]);
    const key = (c: { row: string; col: string }): string => `${c.row} ${c.col}`;
    expect([...filled].sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
      [...expected].sort((x, y) => key(x).localeCompare(key(y))),
    );

    // Ordered by name, rows follow the actors' names.
    await page.getByTestId('matrix-order').selectOption('name');
    const names = await matrix.locator('th[scope="row"]').allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));

    // Keyboard: the grid has one tab stop; arrows move it, Enter drills down into that pair.
    const stop = matrix.locator('td[tabindex="0"]');
    await expect.poll(() => stop.count(), POLL).toBe(1);
    await stop.focus();
    const start = { row: await stop.getAttribute('data-row'), col: await stop.getAttribute('data-col') };
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      return {
        row: el.getAttribute('data-row'),
        col: el.getAttribute('data-col'),
        weight: Number(el.getAttribute('data-weight')),
      };
    });
    expect(focused).toMatchObject(start);
    expect(focused.weight).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('matrix-tooltip').isVisible(), POLL).toBe(true);
    await page.keyboard.press('Enter');
    const pair = res.pairs.find(
      (p) =>
        (p.a.id === focused.row && p.b.id === focused.col) ||
        (p.b.id === focused.row && p.a.id === focused.col),
    )!;
    const details = page.getByTestId('details-panel');
    await expect.poll(() => details.getByTestId('coop-via').count(), POLL).toBe(pair.via.length);
    await expect
      .poll(() => details.getByTestId('coop-pair-title').innerText(), POLL)
      .toBe(`${pair.a.name} and ${pair.b.name}`);
    await page.screenshot({ path: join(ARTIFACTS, 'cooperation-matrix.png') });
  });
});
