// The session's slice of State and its transitions: who is logged in, and the login prompt.
import type { AuthUser } from '../../../../contract';
import type { Updater } from '../../state/update';

/** Who is logged in, the CSRF token their writes carry, and whether the server needs a login to read (AUTH_REQUIRED). */
export interface AuthState {
  user: AuthUser | null;
  csrfToken: string | null;
  authRequired: boolean;
}

/** The login dialog while it is open, with why it was asked for. */
export interface LoginPrompt {
  reason: string;
}

/** The session's part of State. */
export interface AuthSlice {
  /** The session, from GET /api/auth/me at start-up. */
  auth: AuthState;
  /** The open login dialog, or null. */
  loginPrompt: LoginPrompt | null;
}

/** Anonymous until GET /api/auth/me says otherwise. */
export function initialAuth(): AuthSlice {
  return { auth: { user: null, csrfToken: null, authRequired: false }, loginPrompt: null };
}

/** The session transitions. */
export interface AuthActions {
  /** Replaces the session (after me, login or logout). */
  setAuth(auth: AuthState): void;
  /** Opens the login dialog, saying why. */
  openLogin(reason: string): void;
  closeLogin(): void;
}

/** The session transitions, each one call of `u.update`. */
export function authActions(u: Updater): AuthActions {
  return {
    setAuth: (auth) => u.update(() => ({ auth })),
    openLogin: (reason) => u.update(() => ({ loginPrompt: { reason } })),
    closeLogin: () => u.update((s) => (s.loginPrompt ? { loginPrompt: null } : {})),
  };
}
