// Helpers for tests of queues (admission, cold start): work that finishes when told to, and a turn of the event loop.

/** A promise that resolves when `open` is called: a query that finishes when told to. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => {
    open = r;
  });
  return { promise, open };
}

/** Lets queued callbacks run (one turn of the event loop). */
export const tick = (): Promise<void> => new Promise((r) => setImmediate(r));
