// Debounce: run a function once input has been quiet for a while, with a way to run it now.

/** A debounced function with `flush` (run now if pending) and `cancel`. */
export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  flush(): void;
  cancel(): void;
  readonly pending: boolean;
}

/** Wraps `fn` so it runs `ms` after the last call. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastArgs: A | null = null;
  const fire = (): void => {
    timer = null;
    const args = lastArgs;
    lastArgs = null;
    if (args) fn(...args);
  };
  const debounced = (...args: A): void => {
    lastArgs = args;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(fire, ms);
  };
  return Object.defineProperties(debounced, {
    flush: {
      value: () => {
        if (timer !== null) {
          clearTimeout(timer);
          fire();
        }
      },
    },
    cancel: {
      value: () => {
        if (timer !== null) clearTimeout(timer);
        timer = null;
        lastArgs = null;
      },
    },
    pending: { get: () => timer !== null },
  }) as Debounced<A>;
}
