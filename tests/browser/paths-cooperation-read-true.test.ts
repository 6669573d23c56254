// Paths and cooperation that read true, in Chromium (issue 16.5, 16.6): the "through shared topics" toggle, paths
// listed strongest first with their weakest claim, the camera framing the highlighted path, and the cooperation
// view's level switch, minimum-weight slider and weight labels.
/// <reference lib="dom" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CooperationResponse, PathsResponse } from '../../contract/index.js';
import { ARTIFACTS, POLL, useBrowser } from './harness.js';

const h = useBrowser();

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

/** Records the URLs of the API requests to `path` the page sends from now on. */
function recordRequests(page: Page, path: string): URL[] {
  const seen: URL[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === path) seen.push(url);
  });
  return seen;
}

async function listedEdgeIds(page: Page): Promise<string[][]> {
  return page
    .getByTestId('path-item')
    .evaluateAll((items) => items.map((li) => (li.getAttribute('data-edge-ids') ?? '').split(' ').sort()));
}

describe('paths that read true', () => {
  it('France → Canada goes through the United Kingdom, not a threat type, until "Through shared topics" is on', async () => {
    const page = await openExplorer();
    const requests = recordRequests(page, '/api/paths');
    await expect.poll(() => page.getByTestId('path-through-topics').isChecked(), POLL).toBe(false);
    await expect.poll(() => page.getByText('Through shared topics').isVisible(), POLL).toBe(true);
    await pickEnd(page, 'path-from', 'France', 'France');
    await pickEnd(page, 'path-to', 'Canada', 'Canada');
    await page.getByTestId('path-run').click();
    await expect.poll(() => page.getByTestId('path-item').count(), POLL).toBe(1);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.searchParams.get('throughTopics')).not.toBe('true');

    const { body } = await h.app.get<PathsResponse>('/api/paths?from=country:fr&to=country:ca&maxHops=4');
    const path = body.paths[0]!;
    const inner = path.nodes.filter((n) => n.id !== 'country:fr' && n.id !== 'country:ca');
    expect(inner.map((n) => n.id)).toContain('country:uk');
    expect(inner.some((n) => n.labels.includes('ThreatType'))).toBe(false);
    // The list shows that very path, its chain through the United Kingdom, and its weakest claim.
    expect(await listedEdgeIds(page)).toEqual([path.edges.map((e) => e.id).sort()]);
    expect(await page.getByTestId('path-chain').first().innerText()).toContain('United Kingdom');
    const strength = page.getByTestId('path-item').first().getByTestId('path-strength');
    expect(await strength.getAttribute('data-weakest')).toBe(path.strength.weakest);
    expect(await strength.innerText()).toMatch(new RegExp(path.strength.weakest, 'i'));

    // With the toggle on, the request says so and the answer may go through a shared topic.
    await page.getByTestId('path-through-topics').check();
    await page.getByTestId('path-run').click();
    await expect.poll(() => requests.length, POLL).toBe(2);
    expect(requests[1]!.searchParams.get('throughTopics')).toBe('true');
    const topics = await h.app.get<PathsResponse>(
      '/api/paths?from=country:fr&to=country:ca&maxHops=4&throughTopics=true',
    );
    await expect
      .poll(() => listedEdgeIds(page), POLL)
      .toEqual([topics.body.paths[0]!.edges.map((e) => e.id).sort()]);
  });

  it('"All shortest" lists the paths in the server\'s order, a confirmed one before any speculative one', async () => {
    const page = await openExplorer();
    await pickEnd(page, 'path-from', 'France', 'France');
    await pickEnd(page, 'path-to', 'Canada', 'Canada');
    await page.getByTestId('path-mode').selectOption('all-shortest');
    await page.getByTestId('path-run').click();
    const { body } = await h.app.get<PathsResponse>(
      '/api/paths?from=country:fr&to=country:ca&maxHops=4&mode=all-shortest',
    );
    expect(body.paths.some((p) => p.strength.weakest === 'speculative')).toBe(true);
    expect(body.paths.some((p) => p.strength.weakest === 'confirmed' && !p.strength.disputed)).toBe(true);
    await expect.poll(() => page.getByTestId('path-item').count(), POLL).toBe(body.paths.length);
    expect(await listedEdgeIds(page)).toEqual(body.paths.map((p) => p.edges.map((e) => e.id).sort()));
    const shown = await page
      .getByTestId('path-strength')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-weakest')));
    expect(shown).toEqual(body.paths.map((p) => p.strength.weakest));
    expect(shown[0]).toBe('confirmed');
    // Every speculative path comes after every confirmed one.
    expect(shown.lastIndexOf('confirmed')).toBeLessThan(shown.indexOf('speculative'));
  });

  it('the camera frames the highlighted path at a readable zoom, zooming in from a speck', async () => {
    const page = await openExplorer();
    await pickEnd(page, 'path-from', 'France', 'France');
    await pickEnd(page, 'path-to', 'Canada', 'Canada');
    await page.getByTestId('path-mode').selectOption('all-shortest');
    await page.getByTestId('path-run').click();
    const { body } = await h.app.get<PathsResponse>(
      '/api/paths?from=country:fr&to=country:ca&maxHops=4&mode=all-shortest',
    );
    await expect.poll(() => page.getByTestId('path-item').count(), POLL).toBe(body.paths.length);
    await h.idle();

    // Zoom far out, as a user who had looked at the whole scene would have.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 8; i++) await page.keyboard.press('-');
    await h.idle();
    expect((await page.evaluate(() => window.__explorer!.viewport())).zoom).toBeLessThan(0.5);

    const framed = async (index: number): Promise<void> => {
      await h.idle();
      const ids = body.paths[index]!.nodes.map((n) => n.id);
      const seen = await page.evaluate(
        (nodes) => ({
          zoom: window.__explorer!.viewport().zoom,
          at: nodes.map((id) => window.__explorer!.screenPosition(id)),
          box: document.getElementById('graph')!.getBoundingClientRect().toJSON() as DOMRect,
        }),
        ids,
      );
      for (const p of seen.at) {
        expect(p).not.toBeNull();
        expect(p!.x).toBeGreaterThanOrEqual(seen.box.left);
        expect(p!.x).toBeLessThanOrEqual(seen.box.right);
        expect(p!.y).toBeGreaterThanOrEqual(seen.box.top);
        expect(p!.y).toBeLessThanOrEqual(seen.box.bottom);
      }
      // Readable: node labels (10 px at zoom 1) are drawn at least at their own size — unless the layout spread the
      // path wider than the canvas holds at zoom 1 (fcose starts from random positions, so now and then it does):
      // then the camera zooms in as far as the whole path allows, and the path fills the view instead.
      const xs = seen.at.map((p) => p!.x);
      const ys = seen.at.map((p) => p!.y);
      const fills = Math.max(
        (Math.max(...xs) - Math.min(...xs)) / seen.box.width,
        (Math.max(...ys) - Math.min(...ys)) / seen.box.height,
      );
      expect(seen.zoom >= 1 || fills >= 0.5, `zoom ${seen.zoom}, the path spans ${fills} of the canvas`).toBe(
        true,
      );
      expect(seen.zoom).toBeGreaterThan(0.5);
    };
    await page.getByTestId('path-item').nth(1).click();
    await framed(1);
    await page.screenshot({ path: join(ARTIFACTS, 'paths-framed.png') });
    // The keyboard cursor frames what it previews too.
    await page.getByTestId('path-list').focus();
    await page.keyboard.press('End');
    await framed(body.paths.length - 1);
  });
});

/** Boxes (page pixels) whose interiors intersect, named by id. */
function crossing(
  a: readonly { id: string; x1: number; y1: number; x2: number; y2: number }[],
  b: readonly { id: string; x1: number; y1: number; x2: number; y2: number }[],
  same: boolean,
): string[] {
  const out: string[] = [];
  a.forEach((p, i) =>
    b.forEach((q, j) => {
      if (same && j <= i) return;
      const w = Math.min(p.x2, q.x2) - Math.max(p.x1, q.x1);
      const hgt = Math.min(p.y2, q.y2) - Math.max(p.y1, q.y1);
      if (w > 0.5 && hgt > 0.5) out.push(`${p.id} × ${q.id}`);
    }),
  );
  return out;
}

describe('the camera and the texts of a highlighted path', () => {
  it('frames every path choice (each listed path, Show all, a new All shortest search); path edge texts overlap neither each other nor node labels', async () => {
    const page = await openExplorer();
    // A hub on the canvas with its neighbours, so the path's texts have labels around them to collide with.
    await h.waitForNode('country:uk');
    await h.doubleClickNode('country:uk');
    await h.idle();
    await pickEnd(page, 'path-from', 'France', 'France');
    await pickEnd(page, 'path-to', 'Canada', 'Canada');
    await page.getByTestId('path-mode').selectOption('all-shortest');
    const { body } = await h.app.get<PathsResponse>(
      '/api/paths?from=country:fr&to=country:ca&maxHops=4&mode=all-shortest',
    );
    expect(body.paths.length).toBeGreaterThan(1);

    const zoomOut = async (): Promise<void> => {
      await page.getByTestId('graph').focus();
      for (let i = 0; i < 8; i++) await page.keyboard.press('-');
      await h.idle();
      expect((await page.evaluate(() => window.__explorer!.viewport())).zoom).toBeLessThan(0.5);
    };
    /** The path's nodes are all in the canvas and fill it: at the framing's zoom cap, or a third of a side. */
    const framed = async (ids: string[], what: string): Promise<void> => {
      await h.idle();
      const seen = await page.evaluate(
        (nodes) => ({
          zoom: window.__explorer!.viewport().zoom,
          at: nodes.map((id) => window.__explorer!.screenPosition(id)),
          box: document.getElementById('graph')!.getBoundingClientRect().toJSON() as DOMRect,
        }),
        ids,
      );
      const xs = seen.at.map((p) => p!.x);
      const ys = seen.at.map((p) => p!.y);
      for (const p of seen.at) {
        expect(p, what).not.toBeNull();
        expect(p!.x, what).toBeGreaterThanOrEqual(seen.box.left);
        expect(p!.x, what).toBeLessThanOrEqual(seen.box.right);
        expect(p!.y, what).toBeGreaterThanOrEqual(seen.box.top);
        expect(p!.y, what).toBeLessThanOrEqual(seen.box.bottom);
      }
      const spread = Math.max(
        (Math.max(...xs) - Math.min(...xs)) / seen.box.width,
        (Math.max(...ys) - Math.min(...ys)) / seen.box.height,
      );
      expect(seen.zoom >= 1.55 || spread >= 0.33, `${what}: zoom ${seen.zoom}, spread ${spread}`).toBe(true);
    };
    /** Edge texts drawn now (the highlighted path's among them) clear of each other and of node labels. */
    let shownPathTexts = 0;
    const textsApart = async (edgeIds: readonly string[], what: string): Promise<void> => {
      const { edges, nodes } = await page.evaluate(() => ({
        edges: window.__explorer!.drawnEdgeLabelBoxes!(),
        nodes: window.__explorer!.drawnLabels!(),
      }));
      // A path edge whose text would collide is left unlabelled (its type shows on hover), so whether one path's
      // texts fit depends on where its nodes were placed; over the whole walk some must show.
      shownPathTexts += edges.filter((e) => edgeIds.includes(e.id)).length;
      expect(crossing(edges, edges, true), `${what}: edge texts overlap`).toEqual([]);
      expect(crossing(edges, nodes, false), `${what}: edge texts over node labels`).toEqual([]);
    };

    const allIds = [...new Set(body.paths.flatMap((p) => p.nodes.map((n) => n.id)))];
    const allEdges = body.paths.flatMap((p) => p.edges.map((e) => e.id));
    await zoomOut();
    await page.getByTestId('path-run').click();
    await expect.poll(() => page.getByTestId('path-item').count(), POLL).toBe(body.paths.length);
    await framed(allIds, 'new search');
    await textsApart(allEdges, 'new search');
    const listed = await listedEdgeIds(page);
    for (let i = 0; i < listed.length; i++) {
      const p = body.paths.find(
        (q) =>
          q.edges
            .map((e) => e.id)
            .sort()
            .join() === listed[i]!.join(),
      )!;
      await zoomOut();
      await page.getByTestId('path-item').nth(i).click();
      await framed(
        p.nodes.map((n) => n.id),
        `path ${i}`,
      );
      await textsApart(listed[i]!, `path ${i}`);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'paths-edge-texts.png') });
    await zoomOut();
    await page.getByTestId('path-show-all').click();
    await framed(allIds, 'Show all');
    await textsApart(allEdges, 'Show all');
    expect(shownPathTexts, 'path edges showing their type over every framing').toBeGreaterThan(0);
  }, 180_000);
});

describe('cooperation that reads true', () => {
  const pairId = (a: string, b: string): string => `coop:${a}~${b}`;

  /** Opens the cooperation view on `threat` from the sidebar and waits for its `pairs` edges. */
  async function enterView(page: Page, threat: string, res: CooperationResponse): Promise<void> {
    const input = page.getByTestId('coop-threat');
    await input.fill(threat);
    await expect.poll(() => page.getByTestId('search-suggestion').count(), POLL).toBeGreaterThan(0);
    await input.press('Enter');
    await expect.poll(() => input.inputValue(), POLL).toBe(res.threat.name);
    await page.getByTestId('coop-run').click();
    await page.waitForFunction(
      (n) => window.__explorer!.cooperation!.edges().length === n,
      res.pairs.length,
      POLL,
    );
    await page.evaluate(() => window.__explorer!.cooperation!.whenIdle());
  }

  const drawnEdges = (page: Page): Promise<{ id: string; weight: number; label: string; width: number }[]> =>
    page.evaluate(() => window.__explorer!.cooperation!.edges());

  it('human trafficking by country draws only countries with no "1" labels; by people it never pairs rival office holders', async () => {
    const { body: res } = await h.app.get<CooperationResponse>('/api/cooperation?threat=human%20trafficking');
    expect(res.level).toBe('countries');
    expect(res.pairs.length).toBeGreaterThan(1);
    const page = await openExplorer();
    const requests = recordRequests(page, '/api/cooperation');
    await enterView(page, 'human trafficking', res);
    expect(requests.at(-1)!.searchParams.get('level')).toBe('countries');
    await expect
      .poll(() => page.getByTestId('coop-level-countries').getAttribute('aria-pressed'), POLL)
      .toBe('true');

    // Only countries: every drawn actor is a Country of the answer.
    const drawn = (await page.evaluate(() => window.__explorer!.cooperation!.nodeIds())).sort();
    const actors = new Map(res.pairs.flatMap((p) => [p.a, p.b]).map((n) => [n.id, n]));
    expect(drawn).toEqual([...actors.keys()].sort());
    for (const id of drawn) expect(actors.get(id)!.labels).toContain('Country');
    // Weight 1 everywhere: no edge carries a number.
    const edges = await drawnEdges(page);
    expect(edges.every((e) => e.weight === 1)).toBe(true);
    expect(edges.filter((e) => e.label !== '')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'cooperation-human-trafficking.png') });

    // Hovering a pair shows its weight.
    const first = res.pairs[0]!;
    const mid = await page.evaluate(
      (id) => window.__explorer!.cooperation!.edgeMidpoint(id),
      pairId(first.a.id, first.b.id),
    );
    await page.mouse.move(mid!.x, mid!.y);
    const tip = page.getByTestId('coop-tooltip');
    await expect.poll(() => tip.isVisible(), POLL).toBe(true);
    expect(await tip.getByTestId('coop-tooltip-weight').getAttribute('data-weight')).toBe('1');

    // A pair's details list the members whose part counts for a country.
    const withMembers = res.pairs.find((p) => (p.members ?? []).length > 0)!;
    await page.evaluate((id) => window.__explorer!.select(id), pairId(withMembers.a.id, withMembers.b.id));
    const details = page.getByTestId('details-panel');
    await expect
      .poll(
        () =>
          details.getByTestId('coop-member').evaluateAll((els) => els.map((e) => e.getAttribute('data-id'))),
        POLL,
      )
      .toEqual(withMembers.members!.map((m) => m.id));

    // People level: the request says so, the matrix follows, and Cleverly and Mahmood are never a pair.
    const { body: people } = await h.app.get<CooperationResponse>(
      '/api/cooperation?threat=human%20trafficking&level=people',
    );
    await page.getByTestId('coop-level-people').click();
    await page.waitForFunction(
      (n) => window.__explorer!.cooperation!.edges().length === n,
      people.pairs.length,
      POLL,
    );
    expect(requests.at(-1)!.searchParams.get('level')).toBe('people');
    const peopleDrawn = await page.evaluate(() => window.__explorer!.cooperation!.nodeIds());
    expect(peopleDrawn).toEqual(expect.arrayContaining(['person:james-cleverly', 'person:mahmood']));
    const ids = (await drawnEdges(page)).map((e) => e.id);
    expect(ids).not.toContain(pairId('person:james-cleverly', 'person:mahmood'));
    expect(ids).not.toContain(pairId('person:mahmood', 'person:james-cleverly'));
    await page.getByTestId('coop-show-matrix').click();
    const rows = await page
      .getByTestId('coop-matrix')
      .getByTestId('matrix-row')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    expect([...rows].sort()).toEqual([...peopleDrawn].sort());
    const rival = page.locator(
      'td[data-row="person:james-cleverly"][data-col="person:mahmood"], td[data-row="person:mahmood"][data-col="person:james-cleverly"]',
    );
    expect(await rival.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-weight')))).toEqual([
      '0',
      '0',
    ]);
  });

  it('edge width follows the weight, numbers only above 1, and the slider asks for pairs sharing at least that many', async () => {
    const { body: res } = await h.app.get<CooperationResponse>('/api/cooperation?threat=cybercrime');
    const weights = res.pairs.map((p) => p.weight!);
    const top = Math.max(...weights);
    expect(weights.some((w) => w < top)).toBe(true);
    const page = await openExplorer();
    const requests = recordRequests(page, '/api/cooperation');
    await enterView(page, 'cybercrime', res);

    const edges = await drawnEdges(page);
    for (const e of edges) expect(e.label).toBe(e.weight > 1 ? String(e.weight) : '');
    const heavy = edges.filter((e) => e.weight === top);
    const light = edges.filter((e) => e.weight < top);
    expect(Math.min(...heavy.map((e) => e.width))).toBeGreaterThan(Math.max(...light.map((e) => e.width)));

    // The slider: End moves it to the heaviest weight; pairs below it go, by a request that says minWeight.
    const slider = page.getByTestId('coop-min-weight');
    await expect.poll(() => slider.getAttribute('max'), POLL).toBe(String(top));
    await slider.focus();
    await page.keyboard.press('End');
    const kept = res.pairs.filter((p) => p.weight! >= top).map((p) => pairId(p.a.id, p.b.id));
    await page.waitForFunction(
      (n) => window.__explorer!.cooperation!.edges().length === n,
      kept.length,
      POLL,
    );
    expect(requests.at(-1)!.searchParams.get('minWeight')).toBe(String(top));
    expect((await drawnEdges(page)).map((e) => e.id).sort()).toEqual([...kept].sort());
    expect(await page.getByTestId('coop-min-weight-value').innerText()).toContain(String(top));
    // Back to 1: every pair again.
    await page.keyboard.press('Home');
    await page.waitForFunction(
      (n) => window.__explorer!.cooperation!.edges().length === n,
      res.pairs.length,
      POLL,
    );
  });
});
