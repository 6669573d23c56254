// The auth actions: the only code that changes State.auth and the login prompt.
import type { AuthState, State } from '../../state/state';
import type { WritableStore } from '../../state/store';

export interface AuthActions {
  /** Replaces the session (after me, login or logout). */
  setAuth(auth: AuthState): void;
  /** Opens the login dialog, saying why. */
  openLogin(reason: string): void;
  closeLogin(): void;
}

export function createAuthActions(store: WritableStore<State>): AuthActions {
  return {
    setAuth(auth) {
      store.set({ ...store.get(), auth });
    },
    openLogin(reason) {
      store.set({ ...store.get(), loginPrompt: { reason } });
    },
    closeLogin() {
      if (store.get().loginPrompt) store.set({ ...store.get(), loginPrompt: null });
    },
  };
}
