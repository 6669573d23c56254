// Use cases of the session in the browser: read it at start-up, log in and out, react to a refused request.
import { ApiError, describeError } from '../../api/api-error';
import type { AuthApi } from '../../api/auth-api';
import type { Actions } from '../../state/actions';
import type { AuthActions } from './state';
import type { State } from '../../state/state';
import type { ReadableStore } from '../../state/store';

export interface AuthOperations {
  /** Reads GET /api/auth/me into the state; on failure the page goes on as an anonymous visitor. */
  load(): Promise<void>;
  /** Logs in with a session cookie; rejects with the ApiError the dialog shows (wrong password, rate limit). */
  logIn(username: string, password: string): Promise<void>;
  logOut(): Promise<void>;
  /** A request was refused for want of a login (401) or with a stale CSRF token: ask to log in. */
  refused(err: ApiError): void;
  /** Runs `task` now if reads are allowed, else right after the next login (AUTH_REQUIRED). */
  whenReadable(task: () => void): void;
}

export interface AuthOperationsDeps {
  api: AuthApi;
  store: ReadableStore<State>;
  actions: Actions;
  auth: AuthActions;
  /** Starts over after logging out when reads need a login (drops what the page holds). */
  reload: () => void;
}

export function createAuthOperations({
  api,
  store,
  actions,
  auth,
  reload,
}: AuthOperationsDeps): AuthOperations {
  let waiting: (() => void)[] = [];
  const readable = (): boolean => !store.get().auth.authRequired || store.get().auth.user !== null;
  const flush = (): void => {
    if (!readable()) return;
    const tasks = waiting;
    waiting = [];
    tasks.forEach((t) => t());
  };

  const ops: AuthOperations = {
    async load() {
      try {
        const me = await api.me();
        auth.setAuth({ user: me.user, csrfToken: me.csrfToken, authRequired: me.authRequired });
        if (!readable()) auth.openLogin('This explorer needs a login.');
      } catch (err) {
        actions.notify(
          'error',
          `Could not read the login state: ${describeError(err)}`,
          err instanceof ApiError ? err.code : undefined,
        );
      }
    },
    async logIn(username, password) {
      const res = await api.login({ username, password });
      auth.setAuth({ user: res.user, csrfToken: res.csrfToken, authRequired: store.get().auth.authRequired });
      auth.closeLogin();
      actions.notify('info', `Logged in as ${res.user.username} (${res.user.role}).`);
      flush();
    },
    async logOut() {
      try {
        await api.logout();
      } catch (err) {
        // The session is gone either way once the cookie is cleared or expired; say so if the server did not answer.
        if (!(err instanceof ApiError && (err.status === 401 || err.code === 'CSRF_FAILED'))) {
          actions.notify('error', describeError(err));
          return;
        }
      }
      const required = store.get().auth.authRequired;
      auth.setAuth({ user: null, csrfToken: null, authRequired: required });
      if (required) {
        reload();
        return;
      }
      actions.notify('info', 'Logged out.');
    },
    refused(err) {
      const was = store.get().auth;
      if (err.code === 'CSRF_FAILED') {
        // The session changed elsewhere (another tab logged in or out): read it again, then ask.
        void api.me().then(
          (me) => {
            auth.setAuth({ user: me.user, csrfToken: me.csrfToken, authRequired: me.authRequired });
            if (me.user) actions.notify('error', 'Your session changed in another tab; try again.', err.code);
            else auth.openLogin('Your session has ended; log in again.');
          },
          () => auth.openLogin('Your session has ended; log in again.'),
        );
        return;
      }
      auth.setAuth({ user: null, csrfToken: null, authRequired: was.authRequired });
      auth.openLogin(was.user ? 'Your session has ended; log in again.' : err.message);
    },
    whenReadable(task) {
      waiting.push(task);
      flush();
    },
  };
  return ops;
}
