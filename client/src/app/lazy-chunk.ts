// Loads a feature's code on first use (one dynamic import(), shared by every caller), saying so while it
// loads and, when it fails, what failed and that trying again may help.
import { describeError } from '../api/api-error';
import type { Actions } from '../state/actions';
import type { State } from '../state/state';
import type { ReadableStore } from '../state/store';

/** A feature's chunk, loaded at most once (again after a failure). */
export interface LazyChunk<T> {
  /**
   * Loads the chunk, or reuses the load under way; `busy` (the control that asked) carries aria-busy
   * meanwhile. Rejects after telling the user.
   */
  load(busy?: HTMLElement): Promise<T>;
  /** The module once loaded, else null. */
  loaded(): T | null;
}

/** `what` names the feature for the user, e.g. "the Cypher console". */
export function lazyChunk<T>(
  what: string,
  importer: () => Promise<T>,
  ctx: { store: ReadableStore<State>; actions: Pick<Actions, 'notify' | 'setStatus'> },
): LazyChunk<T> {
  let module: T | null = null;
  let pending: Promise<T> | null = null;
  const loading = `Loading ${what}…`;
  const settle = (busy: HTMLElement | undefined): void => {
    busy?.removeAttribute('aria-busy');
    // Only our own line: a status set meanwhile stays.
    if (ctx.store.get().statusText === loading) ctx.actions.setStatus('');
  };
  const start = (): Promise<T> =>
    importer().then(
      (m) => {
        module = m;
        return m;
      },
      (err: unknown) => {
        // A later use tries again (browsers that remember the failed module fail again until a reload).
        pending = null;
        ctx.actions.notify(
          'error',
          `Could not load ${what}: ${describeError(err)}. Check the connection and reload the page.`,
          'CHUNK_LOAD_FAILED',
        );
        throw err;
      },
    );
  return {
    loaded: () => module,
    load(busy) {
      if (module) return Promise.resolve(module);
      busy?.setAttribute('aria-busy', 'true');
      if (!pending) {
        pending = start();
        // After the current state notification: load() may be called from a store listener.
        queueMicrotask(() => {
          if (!module) ctx.actions.setStatus(loading);
        });
      }
      return pending.finally(() => settle(busy));
    },
  };
}
