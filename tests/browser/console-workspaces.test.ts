// The Cypher console and saved workspaces in a real Chromium: rows and canvas, refused writes, CSP, save and reopen;
// owners: someone else's workspace opens read-only (save a copy), private ones are refused with a clear message.
/// <reference lib="dom" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type {
  CypherResponse,
  ErrorResponse,
  NeighboursResponse,
  Workspace,
  WorkspaceOpenResponse,
  WorkspaceScene,
} from '../../contract/index.js';
import { dropUser, loginAs, type LoggedIn } from '../setup/auth.js';
import { graphFingerprint } from '../setup/fingerprint.js';
import { ARTIFACTS, POLL, useBrowser } from './harness.js';

const h = useBrowser();
const createdWorkspaces: string[] = [];
/** Two viewers: the owner of the workspaces made through the API, and someone else. */
let alice: LoggedIn | undefined;
let bob: LoggedIn | undefined;
const asAlice = async (): Promise<LoggedIn> => (alice ??= await loginAs(h.app, 'viewer'));
const asBob = async (): Promise<LoggedIn> => (bob ??= await loginAs(h.app, 'viewer'));
const login = (u: LoggedIn) => ({ username: u.username, password: u.password });

afterAll(async () => {
  await h.app.store.driver.executeQuery(
    'MATCH (w:Workspace) WHERE w.id IN $ids DELETE w',
    { ids: createdWorkspaces },
    { database: h.app.store.database },
  );
  for (const u of [alice, bob]) if (u) await dropUser(h.app, u.username);
});

const canvas = {
  nodeIds: (page: Page) => page.evaluate(() => window.__explorer!.nodeIds()),
  edgeIds: (page: Page) => page.evaluate(() => window.__explorer!.edgeIds()),
  idle: (page: Page) => page.evaluate(() => window.__explorer!.whenIdle()),
  positions: (page: Page) => page.evaluate(() => window.__explorer!.positions()),
  viewport: (page: Page) => page.evaluate(() => window.__explorer!.viewport()),
};

const unique = (base: string): string => `${base} ${Math.random().toString(36).slice(2, 8)}`;

/** A workspace made through the API, owned by alice (deleted after the file). */
async function createWorkspace(name: string, scene: WorkspaceScene): Promise<Workspace> {
  const { status, body } = await h.app.send<Workspace>(
    'POST',
    '/api/workspaces',
    { name, scene },
    (await asAlice()).headers,
  );
  expect(status, JSON.stringify(body)).toBe(201);
  createdWorkspaces.push(body.id);
  return body;
}

/** A scene of `centre` and a few of its neighbours, on a circle. */
async function sceneAround(centre: string, count = 6): Promise<WorkspaceScene> {
  const { body } = await h.app.get<NeighboursResponse>(
    `/api/nodes/${encodeURIComponent(centre)}/neighbours?limit=${count}`,
  );
  const ids = [centre, ...(body.nodes as { id: string }[]).map((n) => n.id).filter((id) => id !== centre)];
  return {
    nodes: ids.map((id, i) => ({ id, x: Math.round(200 * Math.cos(i)), y: Math.round(200 * Math.sin(i)) })),
  };
}

/** What the API answers for a console query, to compare the panel against. */
async function apiCypher<T = CypherResponse>(
  query: string,
  params?: Record<string, unknown>,
): Promise<{ status: number; body: T }> {
  return h.app.send<T>('POST', '/api/cypher', params ? { query, params } : { query });
}

/** The console's references to graph values in a cell (see CypherValue). */
type NodeRef = { $node: string | null };
type RelationshipRef = { $relationship: string };

/** Opens the console with its shortcut and types `query` into the editor (replacing what is there). */
async function typeQuery(page: Page, query: string): Promise<void> {
  const panel = page.getByTestId('console-panel');
  if (!(await panel.isVisible())) {
    await page.locator('body').press(':');
    await expect.poll(() => panel.isVisible(), POLL).toBe(true);
  }
  const input = page.getByRole('textbox', { name: 'Cypher query' });
  await input.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(query);
  await expect.poll(() => input.innerText(), POLL).toBe(query);
}

async function waitForStartView(page: Page): Promise<void> {
  await page.waitForFunction(
    () => window.__explorer!.nodeIds().includes('forum:five-country-ministerial-2025'),
    undefined,
    POLL,
  );
  await canvas.idle(page);
}

const sorted = (ids: readonly string[]): string[] => [...ids].sort();

describe('Cypher console', () => {
  it('runs a read query with Ctrl+Enter: the table shows the rows the API returns and the nodes land on the canvas', async () => {
    const query = 'MATCH (c:Country)-[r]->(f:Forum) RETURN c, r, f ORDER BY r.id LIMIT 5';
    const expected = (await apiCypher(query)).body as CypherResponse;
    expect(expected.rows.length).toBeGreaterThan(0);

    const page = await h.openPage();
    await waitForStartView(page);
    await page.getByRole('button', { name: 'Clear canvas' }).click();
    await page.waitForFunction(() => window.__explorer!.nodeIds().length === 0);

    await typeQuery(page, query);
    await page.keyboard.press('Control+Enter');
    const rows = page.getByTestId('console-row');
    await expect.poll(() => rows.count(), POLL).toBe(expected.rows.length);

    // Each row shows the same nodes, in the same order, as the API's answer.
    const chips = await rows.evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('[data-testid="console-node-chip"]')].map((c) => c.getAttribute('data-id')),
      ),
    );
    expect(chips).toEqual(
      (expected.rows as [NodeRef, RelationshipRef, NodeRef][]).map((row) => [row[0].$node, row[2].$node]),
    );
    const relIds = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.querySelector('.cell-rel')?.getAttribute('data-id')),
    );
    expect(relIds).toEqual(
      (expected.rows as [NodeRef, RelationshipRef][]).map((row) => row[1].$relationship),
    );
    expect(await page.getByTestId('console-summary').innerText()).toMatch(
      new RegExp(`^${expected.rows.length} rows in \\d+ ms`),
    );
    expect(await page.getByTestId('console-truncated').count()).toBe(0);

    // ... and exactly the returned nodes and relationships are on the (cleared) canvas.
    await expect
      .poll(async () => sorted(await h.nodeIds()), POLL)
      .toEqual(sorted(expected.graph.nodes.map((n) => n.id)));
    expect(sorted(await h.edgeIds())).toEqual(sorted(expected.graph.edges.map((e) => e.id)));

    // The query is in the history, newest first.
    expect(await page.getByTestId('console-history-item').first().innerText()).toBe(query);
    await h.idle();
    await page.screenshot({ path: join(ARTIFACTS, 'console.png') });
  });

  it('says when the row cap cut the result', async () => {
    const page = await h.openPage();
    await waitForStartView(page);
    await typeQuery(page, 'UNWIND range(1, 1500) AS x RETURN x');
    await page.getByTestId('console-run').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('console-truncated')
            .innerText()
            .catch(() => ''),
        POLL,
      )
      .toBe('Showing the first 1000 rows (row cap).');
    expect(await page.getByTestId('console-row').count()).toBe(1000);
  });

  it('shows a refused write with its code and message, and neither the graph nor the canvas changes', async () => {
    const write = "CREATE (:Country {id: 'country:zz', name: 'Nowhere'})";
    const page = await h.openPage('', { allowStatuses: [400] });
    await waitForStartView(page);
    const before = {
      graph: await graphFingerprint(h.app.store),
      nodes: sorted(await canvas.nodeIds(page)),
      edges: sorted(await canvas.edgeIds(page)),
    };

    await typeQuery(page, write);
    await page.keyboard.press('Control+Enter');
    const error = page.getByTestId('console-error');
    await expect.poll(() => error.isVisible(), POLL).toBe(true);
    expect(await page.getByTestId('console-error-code').innerText()).toBe('WRITE_REFUSED');
    const refused = await apiCypher<ErrorResponse>(write);
    expect(refused.status).toBe(400);
    expect(await page.getByTestId('console-error-message').innerText()).toBe(refused.body.error.message);
    expect(await page.getByTestId('console-row').count()).toBe(0);

    await canvas.idle(page);
    expect(await graphFingerprint(h.app.store)).toEqual(before.graph);
    expect((await apiCypher("MATCH (c:Entity {id: 'country:zz'}) RETURN c")).body.rows).toEqual([]);
    expect(sorted(await canvas.nodeIds(page))).toEqual(before.nodes);
    expect(sorted(await canvas.edgeIds(page))).toEqual(before.edges);
  });

  it('refuses bad parameters JSON before sending anything, then runs with valid ones; Ctrl+Up recalls history', async () => {
    const page = await h.openPage();
    await waitForStartView(page);
    const sent: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/cypher')) sent.push(r.postData() ?? '');
    });

    const query = 'MATCH (c:Country {id: $id}) RETURN c.name AS name';
    await typeQuery(page, query);
    const params = page.getByTestId('console-params');
    await params.fill('{"id": ');
    await page.getByTestId('console-run').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('console-error-code')
            .innerText()
            .catch(() => ''),
        POLL,
      )
      .toBe('INVALID_PARAMETERS');
    expect(await page.getByTestId('console-error-message').innerText()).toMatch(
      /^Parameters: invalid JSON .*Nothing was sent\.$/,
    );
    await params.fill('["country:fr"]');
    await params.press('Control+Enter');
    await expect
      .poll(() => page.getByTestId('console-error-message').innerText(), POLL)
      .toContain('expecting a JSON object');
    expect(await params.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);

    await params.fill('{"id": "country:fr"}');
    await params.press('Control+Enter');
    await expect
      .poll(
        () =>
          page
            .getByTestId('console-cell')
            .first()
            .innerText()
            .catch(() => ''),
        POLL,
      )
      .toBe('France');
    expect(sent.map((body) => JSON.parse(body))).toEqual([{ query, params: { id: 'country:fr' } }]);

    // Another query, then Ctrl+Up brings the previous one back into the editor.
    await typeQuery(page, 'RETURN 1 AS one');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.getByTestId('console-history-item').count(), POLL).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Control+ArrowUp');
    await page.keyboard.press('Control+ArrowUp');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Cypher query' }).innerText(), POLL)
      .toBe(query);
  });

  it('works under a strict Content-Security-Policy (no inline styles): the editor is styled and highlighted', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        // eslint-disable-next-line no-console -- runs in the page: the console listener above is how the test hears of it
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const strict =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
    await page.route(
      (url) => url.pathname === '/',
      async (route) => {
        const res = await route.fetch();
        await route.fulfill({
          response: res,
          headers: { ...res.headers(), 'content-security-policy': strict },
        });
      },
    );
    try {
      await page.goto(`${h.app.baseUrl}/`);
      await page.waitForFunction(() => !!window.__explorer);
      await page.waitForFunction(() => window.__explorer!.nodeIds().length > 0, undefined, POLL);
      await page.getByTestId('console-toggle').click();
      await typeQuery(page, 'MATCH (c:Country) RETURN c.name AS name LIMIT 3');
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => page.getByTestId('console-row').count(), POLL).toBe(3);
      // CodeMirror's base theme (display: flex) and the keyword colour of its default highlight style applied.
      const looks = await page.getByTestId('console-editor').evaluate((host) => {
        const root = host.shadowRoot!;
        const editor = root.querySelector('.cm-editor')!;
        const keyword = [...root.querySelectorAll('.cm-line span')].find((s) => s.textContent === 'MATCH');
        return {
          display: getComputedStyle(editor).display,
          keyword: keyword ? getComputedStyle(keyword).color : null,
        };
      });
      expect(looks).toEqual({ display: 'flex', keyword: 'rgb(119, 0, 136)' });
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the console loads on first use', () => {
  it('says so when its code cannot be loaded, and loads it once the page is reloaded', async () => {
    const page = await h.openPage('', { allowStatuses: [503] });
    await waitForStartView(page);
    let refuse = true;
    await page.route(/\/assets\/console-[^/]+\.js$/, (route) =>
      refuse ? route.fulfill({ status: 503, body: 'unavailable' }) : route.fallback(),
    );
    await page.getByTestId('console-toggle').click();
    const notice = page.locator('.notice-error').filter({ hasText: 'Could not load the Cypher console' });
    await expect.poll(() => notice.count(), POLL).toBe(1);
    expect(await page.getByTestId('console-panel').count()).toBe(0);
    expect(await page.getByTestId('console-toggle').getAttribute('aria-busy')).toBeNull();

    // Chromium remembers a module that failed to load until the page is reloaded.
    refuse = false;
    await page.reload();
    await page.waitForFunction(() => !!window.__explorer);
    await page.getByTestId('console-toggle').click();
    await expect.poll(() => page.getByTestId('console-panel').isVisible(), POLL).toBe(true);
    await expect
      .poll(() => page.getByTestId('console-toggle').getAttribute('aria-expanded'), POLL)
      .toBe('true');
  });
});

describe('workspaces', () => {
  it('saves a scene with expanded nodes and reopens it from its URL in a new page: same nodes, edges and positions', async () => {
    const page = await h.openPage('?node=country:fr');
    await h.waitForNode('country:uk');
    await page.evaluate(() => window.__explorer!.expand('country:uk'));
    await canvas.idle(page);
    // Pin the UK (P pins the selection): pins are part of the saved scene.
    await page.evaluate(() => window.__explorer!.select('country:uk'));
    await page.locator('body').press('p');
    await expect
      .poll(() => page.evaluate(() => window.__explorer!.classesOf('country:uk')), POLL)
      .toContain('pinned');
    // A filter is part of the saved scene too: hide the threat types.
    await page.getByTestId('filter-label-ThreatType').uncheck();
    const threatIds = await page.evaluate(() =>
      window.__explorer!.nodeIds().filter((nodeId) => nodeId.startsWith('threat:')),
    );
    expect(threatIds.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.evaluate(() => window.__explorer!.visibleIds()), POLL)
      .not.toContain(threatIds[0]);

    await page.locator('body').press('w');
    const name = unique('Paris-London network');
    const nameInput = page.getByTestId('workspace-name');
    await expect.poll(() => nameInput.evaluate((el) => el === document.activeElement), POLL).toBe(true);
    await nameInput.fill(name);
    await nameInput.press('Enter');
    await page.waitForURL(/[?&]workspace=/, POLL);
    const id = new URL(page.url()).searchParams.get('workspace')!;
    createdWorkspaces.push(id);
    await expect.poll(() => page.getByTestId('workspace-message').innerText(), POLL).toBe(`Saved ‘${name}’.`);
    await expect
      .poll(() => page.getByTestId('workspace-item').filter({ hasText: name }).count(), POLL)
      .toBe(1);

    const saved = {
      nodes: sorted(await canvas.nodeIds(page)),
      edges: sorted(await canvas.edgeIds(page)),
      positions: await canvas.positions(page),
      viewport: await canvas.viewport(page),
    };
    expect(saved.nodes.length).toBeGreaterThan(5);
    const stored = (await h.app.get(`/api/workspaces/${id}`)).body as WorkspaceOpenResponse;
    expect(stored.workspace.name).toBe(name);
    expect(sorted(stored.workspace.scene.nodes.map((n) => n.id))).toEqual(saved.nodes);
    expect(sorted(stored.workspace.scene.edges ?? [])).toEqual(saved.edges);
    expect(stored.workspace.scene.nodes.filter((n) => n.pinned).map((n) => n.id)).toEqual(['country:uk']);
    expect(stored.workspace.scene.filters).toMatchObject({ hiddenLabels: ['ThreatType'] });

    const reopened = await h.openPage(`?workspace=${encodeURIComponent(id)}`);
    await reopened.waitForFunction(
      (n) => window.__explorer!.nodeIds().length === n,
      saved.nodes.length,
      POLL,
    );
    await canvas.idle(reopened);
    expect(sorted(await canvas.nodeIds(reopened))).toEqual(saved.nodes);
    expect(sorted(await canvas.edgeIds(reopened))).toEqual(saved.edges);
    const positions = await canvas.positions(reopened);
    for (const nodeId of saved.nodes) {
      expect(Math.abs(positions[nodeId]!.x - saved.positions[nodeId]!.x), nodeId).toBeLessThan(1);
      expect(Math.abs(positions[nodeId]!.y - saved.positions[nodeId]!.y), nodeId).toBeLessThan(1);
    }
    const viewport = await canvas.viewport(reopened);
    expect(viewport.zoom).toBeCloseTo(saved.viewport.zoom, 6);
    expect(Math.abs(viewport.pan.x - saved.viewport.pan.x)).toBeLessThan(1);
    expect(Math.abs(viewport.pan.y - saved.viewport.pan.y)).toBeLessThan(1);
    expect(new URL(reopened.url()).searchParams.get('workspace')).toBe(id);
    expect(await reopened.evaluate(() => window.__explorer!.classesOf('country:uk'))).toContain('pinned');
    expect(await reopened.getByTestId('filter-label-ThreatType').isChecked()).toBe(false);
    const visible = await reopened.evaluate(() => window.__explorer!.visibleIds());
    expect(threatIds.filter((t) => visible.includes(t))).toEqual([]);
    await expect
      .poll(() => reopened.getByTestId('status').innerText(), POLL)
      .toContain(`Opened workspace ‘${name}’`);
    await reopened.screenshot({ path: join(ARTIFACTS, 'workspace-reopened.png') });
    // Saved without a login, it belongs to the browser session that saved it: this new page (another
    // session) opens it read-only and is offered a copy instead of Save changes.
    await reopened.getByTestId('workspaces-toggle').click();
    await expect.poll(() => reopened.getByTestId('workspace-readonly').isVisible(), POLL).toBe(true);
    expect(await reopened.getByTestId('workspace-save').isVisible()).toBe(false);
    expect(await page.getByTestId('workspace-readonly').isVisible()).toBe(false);
    await reopened.getByTestId('workspaces-toggle').click();

    // Opening was one undoable step: Ctrl+Z goes back to the empty canvas the page started with.
    await reopened.locator('body').press('Control+z');
    await reopened.waitForFunction(() => window.__explorer!.nodeIds().length === 0, undefined, POLL);
  });

  it('saving an open workspace that changed elsewhere shows the conflict; Overwrite re-reads the version and saves', async () => {
    const scene = await sceneAround('country:fr');
    const ws = await createWorkspace(unique('Conflict'), scene);
    const page = await h.openPage(`?workspace=${encodeURIComponent(ws.id)}`, {
      allowStatuses: [409],
      login: login(await asAlice()),
    });
    await page.waitForFunction((n) => window.__explorer!.nodeIds().length === n, scene.nodes.length, POLL);
    await canvas.idle(page);
    await page.evaluate(() => window.__explorer!.expand('country:fr'));
    await canvas.idle(page);

    // Saved meanwhile from elsewhere (the owner's other tab): this page still holds version 1.
    const other = await h.app.send<Workspace>(
      'PUT',
      `/api/workspaces/${ws.id}`,
      { scene: { nodes: scene.nodes.slice(0, 2) }, version: 1 },
      (await asAlice()).headers,
    );
    expect(other.body.version).toBe(2);

    await page.keyboard.press('Control+s');
    const conflict = page.getByTestId('workspace-conflict');
    await expect.poll(() => conflict.isVisible(), POLL).toBe(true);
    expect(await conflict.innerText()).toContain('version 1');
    await page.screenshot({ path: join(ARTIFACTS, 'workspace-conflict.png') });

    await page.getByTestId('workspace-overwrite').click();
    await expect
      .poll(() => page.getByTestId('workspace-message').innerText(), POLL)
      .toBe(`Overwrote ‘${ws.name}’.`);
    expect(await conflict.isVisible()).toBe(false);
    const stored = (await h.app.get(`/api/workspaces/${ws.id}`)).body as WorkspaceOpenResponse;
    expect(stored.workspace.version).toBe(3);
    expect(sorted(stored.workspace.scene.nodes.map((n) => n.id))).toEqual(sorted(await canvas.nodeIds(page)));

    // Saving again now just works (PUT with the version it saved).
    await page.getByTestId('workspace-save').click();
    await expect
      .poll(
        async () =>
          ((await h.app.get(`/api/workspaces/${ws.id}`)).body as WorkspaceOpenResponse).workspace.version,
        POLL,
      )
      .toBe(4);

    // Another conflict, resolved with "Save as new": a copy is made and becomes the open workspace; the other is untouched.
    await expect
      .poll(() => page.getByTestId('workspace-message').innerText(), POLL)
      .toBe(`Saved ‘${ws.name}’.`);
    expect(
      (
        await h.app.send(
          'PUT',
          `/api/workspaces/${ws.id}`,
          { scene: { nodes: scene.nodes.slice(0, 1) }, version: 4 },
          (await asAlice()).headers,
        )
      ).status,
    ).toBe(200);
    await page.keyboard.press('Control+s');
    await expect.poll(() => conflict.isVisible(), POLL).toBe(true);
    await page.getByTestId('workspace-conflict-save-new').click();
    await page.waitForURL((url) => url.searchParams.get('workspace') !== ws.id, POLL);
    const copyId = new URL(page.url()).searchParams.get('workspace')!;
    createdWorkspaces.push(copyId);
    const copy = (await h.app.get(`/api/workspaces/${copyId}`)).body as WorkspaceOpenResponse;
    expect(copy.workspace.name).toBe(`${ws.name} (copy)`);
    expect(sorted(copy.workspace.scene.nodes.map((n) => n.id))).toEqual(sorted(await canvas.nodeIds(page)));
    expect(
      ((await h.app.get(`/api/workspaces/${ws.id}`)).body as WorkspaceOpenResponse).workspace.scene.nodes,
    ).toHaveLength(1);
  });

  it('renames and deletes from the panel (a taken name is refused); a deleted workspace URL gives a clear notice', async () => {
    const scene = await sceneAround('country:uk', 3);
    const ws = await createWorkspace(unique('Rename me'), scene);
    const taken = await createWorkspace(unique('Taken'), scene);
    const page = await h.openPage('', { allowStatuses: [404, 409], login: login(await asAlice()) });
    await waitForStartView(page);

    await page.getByTestId('workspaces-toggle').click();
    const item = page.locator(`[data-testid="workspace-item"][data-id="${ws.id}"]`);
    await expect.poll(() => item.count(), POLL).toBe(1);

    await item.getByTestId('workspace-rename').click();
    const input = item.getByTestId('workspace-rename-input');
    await input.fill(taken.name.toUpperCase());
    await input.press('Enter');
    await expect
      .poll(() => page.getByTestId('workspace-message').innerText(), POLL)
      .toMatch(/already exists.*\(CONFLICT\)$/);
    const renamed = unique('Renamed');
    await input.fill(renamed);
    await input.press('Enter');
    await expect
      .poll(
        () =>
          item
            .getByTestId('workspace-open')
            .innerText()
            .catch(() => ''),
        POLL,
      )
      .toBe(renamed);
    expect((await h.app.get<WorkspaceOpenResponse>(`/api/workspaces/${ws.id}`)).body.workspace.name).toBe(
      renamed,
    );

    await item.getByTestId('workspace-delete').click();
    const confirm = item.getByTestId('workspace-delete-confirm');
    await expect.poll(() => confirm.isVisible(), POLL).toBe(true);
    expect((await h.app.get(`/api/workspaces/${ws.id}`)).status).toBe(200);
    await confirm.click();
    await expect.poll(() => item.count(), POLL).toBe(0);
    expect((await h.app.get(`/api/workspaces/${ws.id}`)).status).toBe(404);
    expect(await page.locator(`[data-testid="workspace-item"][data-id="${taken.id}"]`).count()).toBe(1);

    const gone = await h.openPage(`?workspace=${encodeURIComponent(ws.id)}`, { allowStatuses: [404] });
    await expect
      .poll(() => gone.getByTestId('status').innerText(), POLL)
      .toContain(`Workspace "${ws.id}" does not exist (it may have been deleted)`);
    await waitForStartView(gone);
    expect(new URL(gone.url()).searchParams.has('workspace')).toBe(false);
  });

  it('opens a workspace whose nodes are partly gone and names the missing ids', async () => {
    const ws = await createWorkspace(unique('Partly gone'), {
      nodes: [
        { id: 'country:fr', x: 0, y: 0 },
        { id: 'country:uk', x: 150, y: 0 },
        { id: 'country:zz-gone', x: 300, y: 0 },
      ],
    });
    const page = await h.openPage(`?workspace=${encodeURIComponent(ws.id)}`);
    await expect
      .poll(() => page.getByTestId('status').innerText(), POLL)
      .toContain('no longer exists in the graph: country:zz-gone');
    expect(sorted(await canvas.nodeIds(page))).toEqual(['country:fr', 'country:uk']);
    expect(await canvas.positions(page)).toEqual({
      'country:fr': { x: 0, y: 0 },
      'country:uk': { x: 150, y: 0 },
    });
  });
  it('someone else’s workspace opens read-only with its owner named; Ctrl+S offers a copy; a private one is refused clearly', async () => {
    const scene = await sceneAround('country:uk', 3);
    const ws = await createWorkspace(unique('Alice’s network'), scene);
    const bobs = await h.openPage(`?workspace=${encodeURIComponent(ws.id)}`, { login: login(await asBob()) });
    await bobs.setViewportSize({ width: 1280, height: 800 });
    await bobs.waitForFunction((n) => window.__explorer!.nodeIds().length === n, scene.nodes.length, POLL);
    await bobs.getByTestId('workspaces-toggle').click();
    const access = bobs.getByTestId('workspace-access');
    await expect.poll(() => access.innerText(), POLL).toContain(`by ${alice!.username}`);
    expect(await access.innerText()).toBe(`by ${alice!.username} · shared`);
    expect(await bobs.getByTestId('workspace-readonly').isVisible()).toBe(true);
    expect(await bobs.getByTestId('workspace-save').isVisible()).toBe(false);
    expect(await bobs.getByTestId('workspace-private-toggle').isVisible()).toBe(false);
    const item = bobs.locator(`[data-testid="workspace-item"][data-id="${ws.id}"]`);
    await expect.poll(() => item.count(), POLL).toBe(1);
    expect(await item.getByTestId('workspace-owner').innerText()).toBe(`by ${alice!.username}`);
    expect(await item.getByTestId('workspace-readonly-badge').isVisible()).toBe(true);
    expect(await item.getByTestId('workspace-rename').count()).toBe(0);
    expect(await item.getByTestId('workspace-delete').count()).toBe(0);
    await bobs.screenshot({ path: join(ARTIFACTS, 'workspace-read-only-1280.png') });

    // Ctrl+S does not try to save over it: it says why and points at the copy, which becomes bob's.
    await bobs.locator('body').click({ position: { x: 5, y: 400 } });
    await bobs.keyboard.press('Control+s');
    await expect
      .poll(() => bobs.getByTestId('workspace-message').innerText(), POLL)
      .toContain('open read-only: Save a copy keeps your changes');
    expect(await bobs.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'workspace-save-copy',
    );
    await bobs.getByTestId('workspace-save-copy').click();
    await bobs.waitForURL((url) => url.searchParams.get('workspace') !== ws.id, POLL);
    const copyId = new URL(bobs.url()).searchParams.get('workspace')!;
    createdWorkspaces.push(copyId);
    const copy = (await h.app.send('GET', `/api/workspaces/${copyId}`, undefined, (await asBob()).headers))
      .body as WorkspaceOpenResponse;
    expect(copy.workspace).toMatchObject({ name: `${ws.name} (copy)`, owner: bob!.username, canEdit: true });
    expect((await h.app.get<WorkspaceOpenResponse>(`/api/workspaces/${ws.id}`)).body.workspace.version).toBe(
      1,
    );
    await expect.poll(() => bobs.getByTestId('workspace-save').isVisible(), POLL).toBe(true);
    expect(await bobs.getByTestId('workspace-readonly').isVisible()).toBe(false);

    // The owner makes it private from the panel.
    const alices = await h.openPage(`?workspace=${encodeURIComponent(ws.id)}`, {
      login: login(await asAlice()),
    });
    await alices.setViewportSize({ width: 1280, height: 800 });
    await alices.waitForFunction((n) => window.__explorer!.nodeIds().length === n, scene.nodes.length, POLL);
    await alices.getByTestId('workspaces-toggle').click();
    const toggle = alices.getByTestId('workspace-private-toggle');
    await expect.poll(() => toggle.isVisible(), POLL).toBe(true);
    expect(await alices.getByTestId('workspace-readonly').isVisible()).toBe(false);
    await toggle.check();
    await expect
      .poll(() => alices.getByTestId('workspace-message').innerText(), POLL)
      .toContain('is private: only you and admins can open it');
    expect((await h.app.get(`/api/workspaces/${ws.id}`)).status).toBe(401);
    const mine = alices.locator(`[data-testid="workspace-item"][data-id="${ws.id}"]`);
    await expect.poll(() => mine.getByTestId('workspace-private-badge').count(), POLL).toBe(1);
    expect(await mine.getByTestId('workspace-owner').innerText()).toBe('by you');
    await alices.screenshot({ path: join(ARTIFACTS, 'workspace-owner-private-1280.png') });

    // Bob's link now gets a clear refusal (403), and an anonymous visitor is asked to log in (401).
    const refused = await h.openPage(`?workspace=${encodeURIComponent(ws.id)}`, {
      allowStatuses: [403],
      login: login(await asBob()),
    });
    await expect
      .poll(() => refused.getByTestId('status').innerText(), POLL)
      .toContain(`Workspace "${ws.id}" could not be opened: Workspace "${ws.id}" is private`);
    const anonymous = await h.openPage(`?workspace=${encodeURIComponent(ws.id)}`, { allowStatuses: [401] });
    await expect.poll(() => anonymous.getByTestId('login-dialog').isVisible(), POLL).toBe(true);
    expect(await anonymous.getByTestId('login-dialog').innerText()).toContain('is private');
    await anonymous.setViewportSize({ width: 1280, height: 800 });
    await anonymous.screenshot({ path: join(ARTIFACTS, 'workspace-private-anonymous-1280.png') });
  });
});
