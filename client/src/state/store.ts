// A minimal observable store: holds the State and tells subscribers when it is replaced.

/** Read access to the state, for the graph view and panels. */
export interface ReadableStore<S> {
  get(): S;
  /** Calls `listener` after every change with the new and previous state; returns an unsubscribe. */
  subscribe(listener: (next: S, prev: S) => void): () => void;
}

/** Write access; only actions.ts holds one. */
export interface WritableStore<S> extends ReadableStore<S> {
  set(next: S): void;
}

/** Creates a store holding `initial`. */
export function createStore<S>(initial: S): WritableStore<S> {
  let state = initial;
  const listeners = new Set<(next: S, prev: S) => void>();
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      if (next === state) return;
      const prev = state;
      state = next;
      for (const listener of [...listeners]) listener(next, prev);
    },
  };
}
