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
