// Accounts in a real Chromium under the strict CSP: log in and out from the toolbar, the admin's Users panel, AUTH_REQUIRED.
/// <reference lib="dom" />
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import type { WorkspaceListResponse } from '../../contract/index.js';
import { dropUser, ensureUser, testPassword, testUsername } from '../setup/auth.js';
import { startTestApp } from '../setup/test-app.js';
import { ARTIFACTS, inMoreMenu, POLL, useBrowser } from './harness.js';

const h = useBrowser();
const CLIENT_DIR = fileURLToPath(new URL('../../dist/client-test', import.meta.url));
const users: string[] = [];
afterAll(async () => {
  for (const u of users) await dropUser(h.app, u).catch(() => undefined);
});

async function newUser(
  role: 'viewer' | 'curator' | 'admin',
): Promise<{ username: string; password: string }> {
  const username = testUsername(role);
  const { password } = await ensureUser(h.app, { username, role });
  users.push(username);
  return { username, password };
}

const visible = (page: Page, testId: string) => page.getByTestId(testId).isVisible();

/** Logs in through the toolbar's dialog with the keyboard (Enter submits). */
async function logIn(page: Page, username: string, password: string): Promise<void> {
  if (!(await visible(page, 'login-dialog'))) await page.getByTestId('login-open').click();
  await expect.poll(() => visible(page, 'login-dialog'), POLL).toBe(true);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-password').press('Enter');
}

describe('login and logout from the toolbar', () => {
  it('logs in with Enter, shows who is logged in, sends the CSRF token with writes, and logs out', async () => {
    const u = await newUser('curator');
    const page = await h.openPage('', { allowStatuses: [401, 403] });
    const res = await page.request.get(`${h.app.baseUrl}/`);
    expect(res.headers()['content-security-policy']).toContain("style-src 'self';");
    await expect.poll(() => visible(page, 'login-open'), POLL).toBe(true);
    expect(await visible(page, 'user-badge')).toBe(false);

    // Esc closes the dialog and gives focus back to the button that opened it.
    await page.getByTestId('login-open').click();
    await expect.poll(() => visible(page, 'login-dialog'), POLL).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => visible(page, 'login-dialog'), POLL).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('login-open');

    await logIn(page, u.username, 'not-the-password');
    await expect
      .poll(() => page.getByTestId('login-message').innerText(), POLL)
      .toBe('Invalid username or password.');
    expect(await visible(page, 'login-dialog')).toBe(true);

    await page.getByTestId('login-password').fill(u.password);
    await page.getByTestId('login-submit').click();
    await expect.poll(() => visible(page, 'login-dialog'), POLL).toBe(false);
    await expect.poll(() => page.getByTestId('user-badge').innerText(), POLL).toBe(`${u.username} · curator`);
    expect(await visible(page, 'login-open')).toBe(false);
    expect(await visible(page, 'users-toggle')).toBe(false);
    const sid = (await page.context().cookies()).find((c) => c.name === 'sid');
    expect(sid).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('sid=');

    // A write without the header is refused; the client's own writes (a workspace save) carry it.
    const bare = await page.evaluate(
      async () =>
        (
          await fetch('/api/workspaces', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: '{"name":"no csrf","scene":{"nodes":[]}}',
          })
        ).status,
    );
    expect(bare).toBe(403);
    const name = `auth csrf ${u.username}`;
    await page.locator('body').press('w');
    await page.getByTestId('workspace-name').fill(name);
    await page.getByTestId('workspace-name').press('Enter');
    await expect.poll(() => page.getByTestId('workspace-message').innerText(), POLL).toContain(name);
    const saved = (await h.app.get<WorkspaceListResponse>('/api/workspaces')).body.workspaces.find(
      (w: { name: string }) => w.name === name,
    );
    expect(saved).toBeTruthy();
    await h.app.send('DELETE', `/api/workspaces/${saved!.id}`);
    await page.screenshot({ path: join(ARTIFACTS, 'auth-logged-in.png') });

    await page.getByTestId('logout').click();
    await expect.poll(() => visible(page, 'login-open'), POLL).toBe(true);
    expect(await visible(page, 'user-badge')).toBe(false);
    expect((await page.context().cookies()).find((c) => c.name === 'sid')).toBeUndefined();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    expect(me.user).toBeNull();
  });
});

describe('the Users panel', () => {
  it('lets an admin create a user with a role and change it; that user can then log in', async () => {
    const admin = await newUser('admin');
    const page = await h.openPage('', { allowStatuses: [401] });
    await logIn(page, admin.username, admin.password);
    await expect
      .poll(() => page.getByTestId('user-badge').innerText(), POLL)
      .toBe(`${admin.username} · admin`);
    await (await inMoreMenu(page, page.getByTestId('users-toggle'))).click();
    await expect.poll(() => visible(page, 'users-panel'), POLL).toBe(true);
    await expect
      .poll(() => page.locator(`[data-testid="users-row"][data-username="${admin.username}"]`).count(), POLL)
      .toBe(1);

    const username = testUsername('panel');
    const password = testPassword();
    users.push(username);
    // Too short first: refused before anything is sent.
    await page.getByTestId('users-new-username').fill(username);
    await page.getByTestId('users-new-password').fill('short');
    await page.getByTestId('users-new-password').press('Enter');
    await expect
      .poll(() => page.getByTestId('users-message').innerText(), POLL)
      .toMatch(/at least 10 characters/);
    await page.getByTestId('users-new-password').fill(password);
    await page.getByTestId('users-new-role').selectOption('viewer');
    await page.getByTestId('users-create').click();
    await expect
      .poll(() => page.getByTestId('users-message').innerText(), POLL)
      .toBe(`Created viewer ${username}.`);
    const row = page.locator(`[data-testid="users-row"][data-username="${username}"]`);
    await expect.poll(() => row.count(), POLL).toBe(1);

    await row.getByTestId('users-role').selectOption('curator');
    await expect
      .poll(() => page.getByTestId('users-message').innerText(), POLL)
      .toBe(`${username} is now curator.`);
    // Reset the password from the panel: the new one is what logs in below.
    const newPassword = testPassword();
    await row.getByTestId('users-reset').click();
    await row.getByTestId('users-reset-password').fill(newPassword);
    await row.getByTestId('users-reset-password').press('Enter');
    await expect
      .poll(() => page.getByTestId('users-message').innerText(), POLL)
      .toMatch(new RegExp(`^New password set for ${username}`));
    expect((await h.app.send('POST', '/api/auth/login', { username, password, token: true })).status).toBe(
      401,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'auth-users-panel.png') });

    // Esc closes the panel.
    await page.getByTestId('users-new-username').press('Escape');
    await expect.poll(() => visible(page, 'users-panel'), POLL).toBe(false);

    await page.getByTestId('logout').click();
    await expect.poll(() => visible(page, 'users-toggle'), POLL).toBe(false);
    await logIn(page, username, newPassword);
    await expect.poll(() => page.getByTestId('user-badge').innerText(), POLL).toBe(`${username} · curator`);
  });

  it('disables and deletes from the panel; a request after the session ended opens the login dialog', async () => {
    const admin = await newUser('admin');
    const other = await newUser('viewer');
    const page = await h.openPage('', { allowStatuses: [401] });
    await logIn(page, admin.username, admin.password);
    await (await inMoreMenu(page, page.getByTestId('users-toggle'))).click();
    const row = page.locator(`[data-testid="users-row"][data-username="${other.username}"]`);
    await expect.poll(() => row.count(), POLL).toBe(1);
    await row.getByTestId('users-disable').click();
    await expect
      .poll(() => page.getByTestId('users-message').innerText(), POLL)
      .toBe(`${other.username} disabled.`);
    expect(
      (await h.app.send('POST', '/api/auth/login', { username: other.username, password: other.password }))
        .status,
    ).toBe(403);
    await row.getByTestId('users-delete').click();
    await row.getByTestId('users-delete-confirm').click();
    await expect.poll(() => row.count(), POLL).toBe(0);

    // The admin's session ends elsewhere; the next admin request is a 401 and asks to log in again.
    await (await inMoreMenu(page, page.getByTestId('users-toggle'))).click();
    await ensureUser(h.app, { username: admin.username, role: 'admin', password: admin.password });
    await (await inMoreMenu(page, page.getByTestId('users-toggle'))).click();
    await expect.poll(() => visible(page, 'login-dialog'), POLL).toBe(true);
    expect(await page.getByTestId('login-dialog').innerText()).toContain('Your session has ended');
    await logIn(page, admin.username, admin.password);
    await expect
      .poll(() => page.getByTestId('user-badge').innerText(), POLL)
      .toBe(`${admin.username} · admin`);
  });
});

describe('AUTH_REQUIRED', () => {
  it('asks to log in before loading the graph, then loads it', async () => {
    const closed = await startTestApp({ store: h.app.store, clientDir: CLIENT_DIR, authRequired: true });
    const problems: string[] = [];
    const page = await h.browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      const u = await newUser('viewer');
      await page.goto(`${closed.baseUrl}/`);
      await page.waitForFunction(() => !!window.__explorer);
      await expect.poll(() => visible(page, 'login-dialog'), POLL).toBe(true);
      expect(await page.getByTestId('login-dialog').innerText()).toContain('needs a login');
      expect(await page.evaluate(() => window.__explorer!.nodeIds())).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'auth-required-login.png') });

      await logIn(page, u.username, u.password);
      await page.waitForFunction(
        () => window.__explorer!.nodeIds().includes('forum:five-country-ministerial-2025'),
        undefined,
        POLL,
      );
      await expect
        .poll(() => page.getByTestId('user-badge').innerText(), POLL)
        .toBe(`${u.username} · viewer`);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await closed.close();
    }
  });
});
