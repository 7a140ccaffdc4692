import { FakeClock } from '@weiquan/testing';
import { ttlCache } from './ttl-cache';

describe('ttlCache', () => {
  it('keeps an entry for ttlMs on the app clock, then forgets it', () => {
    const clock = new FakeClock(new Date('2026-12-05T10:00:00Z'));
    const cache = ttlCache<string, number>(clock, 30_000);
    cache.set('a', 1);
    clock.advance(29_999);
    expect(cache.get('a')).toBe(1);
    clock.advance(2);
    expect(cache.get('a')).toBeUndefined();
  });

  it('holds at most `max` entries, dropping the least recently used', () => {
    const clock = new FakeClock(new Date('2026-12-05T10:00:00Z'));
    const cache = ttlCache<string, number>(clock, 30_000, 2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });
});
