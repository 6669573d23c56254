// A cache of answers read from the graph: each entry lives a short time, and any write through the store drops all.
// Why both: this process's writes (curation) must show at once; other processes' writes (another API server behind
// the same load balancer, a seed or generator run) can only be noticed by time.
import type { GraphStore } from '../store/neo4j-store.js';

export interface GraphCacheOptions {
  /** How long an entry is served after it was read. */
  ttlMs: number;
  /** Entries kept at most; the oldest goes first. */
  maxEntries: number;
}

/** Answers by key for one store; `get` reads through, concurrent misses share one read. */
export interface GraphCache<T> {
  /** The cached answer for `key`, or `read()`'s, kept when `keep` says so (default: always). */
  get(key: string, read: () => Promise<T>, keep?: (value: T) => boolean): Promise<T>;
  /** Drops every entry. */
  clear(): void;
  readonly size: number;
}

interface Entry<T> {
  at: number;
  value: Promise<T>;
}

/** A cache bound to `store`'s writes; `now` is for tests. */
export function createGraphCache<T>(
  store: GraphStore,
  opts: GraphCacheOptions,
  now: () => number = Date.now,
): GraphCache<T> {
  const entries = new Map<string, Entry<T>>();
  // A read that started before a write must not store what it read after the write dropped the cache.
  let generation = 0;
  store.onWrite(() => {
    generation++;
    entries.clear();
  });

  return {
    get(key, read, keep = () => true) {
      const hit = entries.get(key);
      if (hit && now() - hit.at < opts.ttlMs) return hit.value;
      entries.delete(key);
      const started = generation;
      const value = read();
      const entry = { at: now(), value };
      entries.set(key, entry);
      value.then(
        (v) => {
          if (generation !== started || !keep(v)) {
            if (entries.get(key)?.value === value) entries.delete(key);
            // An answer lives ttlMs from when it arrived: a hub page read for 1.5 s under load otherwise lost 1.5 s.
          } else entry.at = now();
        },
        () => {
          if (entries.get(key)?.value === value) entries.delete(key);
        },
      );
      while (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value as string);
      return value;
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

/** One cache per store and purpose, made on first use (services are plain functions of the store). */
export function cacheFor<T>(
  caches: WeakMap<GraphStore, GraphCache<T>>,
  store: GraphStore,
  opts: GraphCacheOptions,
): GraphCache<T> {
  let cache = caches.get(store);
  if (!cache) {
    cache = createGraphCache<T>(store, opts);
    caches.set(store, cache);
  }
  return cache;
}
