// Client auth plumbing without a browser: the CSRF header on every write, refusals reported, the session state machine.
import { afterEach, describe, expect, it } from 'vitest';
import type { LoginResponse, MeResponse } from '../../contract/index.js';
import { ApiError } from '../../client/src/api/api-error.js';
import type { AuthApi } from '../../client/src/api/auth-api.js';
import { authHeaders, installAuthHooks, reportRefusal } from '../../client/src/api/auth-hooks.js';
import { downloadExport } from '../../client/src/export/export-download.js';
import { createAuthOperations } from '../../client/src/auth/auth-operations.js';
import { createActions } from '../../client/src/state/actions.js';
import { createAuthActions } from '../../client/src/state/auth-actions.js';
import { initialState } from '../../client/src/state/state.js';
import { createStore } from '../../client/src/state/store.js';

afterEach(() => installAuthHooks({ csrfToken: () => null, refused: () => undefined }));

describe('auth hooks', () => {
  it('put the CSRF token on every method but GET, HEAD and OPTIONS, and only when one is known', () => {
    expect(authHeaders('POST')).toEqual({});
    installAuthHooks({ csrfToken: () => 'tok', refused: () => undefined });
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE', 'post'])
      expect(authHeaders(m), m).toEqual({ 'X-CSRF-Token': 'tok' });
    for (const m of ['GET', 'HEAD', 'OPTIONS']) expect(authHeaders(m), m).toEqual({});
  });

  it("report 401s and CSRF refusals, but not the auth endpoints' own answers or other errors", () => {
    const seen: string[] = [];
    installAuthHooks({ csrfToken: () => null, refused: (e) => seen.push(e.code) });
    reportRefusal(new ApiError('UNAUTHORIZED', 'x', 401), '/api/nodes');
    reportRefusal(new ApiError('CSRF_FAILED', 'x', 403), '/api/workspaces');
    reportRefusal(new ApiError('UNAUTHORIZED', 'Invalid username or password.', 401), '/api/auth/login');
    reportRefusal(new ApiError('FORBIDDEN', 'x', 403), '/api/users');
    reportRefusal(new ApiError('NOT_FOUND', 'x', 404), '/api/nodes/x');
    expect(seen).toEqual(['UNAUTHORIZED', 'CSRF_FAILED']);
  });

  it('the export download sends the token with its POST', async () => {
    installAuthHooks({ csrfToken: () => 'tok', refused: () => undefined });
    let sent: Headers | undefined;
    const fetchFn = (async (_url: string, init: RequestInit) => {
      sent = new Headers(init.headers);
      return new Response('{}', { status: 200 });
    }) as typeof fetch;
    await downloadExport('json', ['country:fr'], { onProgress: () => undefined, fetchFn });
    expect(sent?.get('X-CSRF-Token')).toBe('tok');
  });
});

describe('auth operations', () => {
  function setup(me: MeResponse) {
    const store = createStore(initialState());
    const actions = createActions(store);
    const auth = createAuthActions(store);
    let reloaded = 0;
    const api: AuthApi = {
      me: async () => me,
      login: async ({ username }) => {
        if (username !== 'alice') throw new ApiError('UNAUTHORIZED', 'Invalid username or password.', 401);
        return { user: { username, role: 'curator' }, csrfToken: 'csrf-1' } satisfies LoginResponse;
      },
      logout: async () => undefined,
      users: async () => ({ users: [] }),
      createUser: async () => {
        throw new Error('unused');
      },
      updateUser: async () => {
        throw new Error('unused');
      },
      deleteUser: async () => undefined,
    };
    const ops = createAuthOperations({
      api,
      store,
      actions,
      auth,
      reload: () => {
        reloaded++;
      },
    });
    return { store, ops, reloads: () => reloaded };
  }

  it('with AUTH_REQUIRED, asks to log in first and runs the start view only after a login', async () => {
    const { store, ops, reloads } = setup({ user: null, csrfToken: null, authRequired: true });
    await ops.load();
    const ran: string[] = [];
    ops.whenReadable(() => ran.push('start'));
    expect(ran).toEqual([]);
    expect(store.get().loginPrompt).not.toBeNull();
    await expect(ops.logIn('mallory', 'x')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(ran).toEqual([]);
    await ops.logIn('alice', 'secret-pass');
    expect(ran).toEqual(['start']);
    expect(store.get().auth).toEqual({
      user: { username: 'alice', role: 'curator' },
      csrfToken: 'csrf-1',
      authRequired: true,
    });
    expect(store.get().loginPrompt).toBeNull();
    await ops.logOut();
    expect(store.get().auth.user).toBeNull();
    expect(reloads()).toBe(1);
  });

  it('without AUTH_REQUIRED, loads at once; a 401 later drops the session and opens the login dialog', async () => {
    const { store, ops } = setup({
      user: { username: 'alice', role: 'admin' },
      csrfToken: 'c',
      authRequired: false,
    });
    await ops.load();
    const ran: string[] = [];
    ops.whenReadable(() => ran.push('start'));
    expect(ran).toEqual(['start']);
    expect(store.get().loginPrompt).toBeNull();
    ops.refused(new ApiError('UNAUTHORIZED', 'Log in to do this.', 401));
    expect(store.get().auth.user).toBeNull();
    expect(store.get().auth.csrfToken).toBeNull();
    expect(store.get().loginPrompt?.reason).toMatch(/session has ended/);
  });
});
