import { LRUCache } from 'lru-cache';
import type { Clock } from '@weiquan/core';

/**
 * A bounded per-process cache of read-mostly answers (the public site's pages), whose entries expire
 * `ttlMs` after they were stored on the app's Clock — so tests move time instead of waiting. Other API
 * processes keep their own copies: a change shows everywhere within `ttlMs`, or at once where the key
 * carries what changes (a case's version).
 */
export function ttlCache<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(
  clock: Clock,
  ttlMs: number,
  max = 5_000,
): LRUCache<K, V> {
  // ttlResolution 0: read the clock on every check (lru-cache otherwise reuses one reading for a millisecond timer,
  // which a moved test clock would not see).
  return new LRUCache<K, V>({ max, ttl: ttlMs, ttlResolution: 0, perf: { now: () => clock.now().getTime() } });
}

/** Answers loaded once per key and kept for a while (see `ttlCache`). */
export interface CachedLoader<K, V> {
  /** The kept answer for `key`, else `load()`'s — concurrent callers share one load; a failed one is not kept. */
  get(key: K, load: () => Promise<V>): Promise<V>;
  /** Forgets everything (after a change made through this process). */
  clear(): void;
}

export function cachedLoader<K extends NonNullable<unknown>, V>(
  clock: Clock,
  ttlMs: number,
  max = 5_000,
): CachedLoader<K, V> {
  const cache = ttlCache<K, Promise<V>>(clock, ttlMs, max);
  return {
    get(key, load) {
      const kept = cache.get(key);
      if (kept) return kept;
      const value = load();
      cache.set(key, value);
      value.catch(() => {
        if (cache.get(key) === value) cache.delete(key);
      });
      return value;
    },
    clear: () => cache.clear(),
  };
}
