import { FakeClock } from '@weiquan/testing';
import { cachedLoader, ttlCache } from './ttl-cache';

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

describe('cachedLoader', () => {
  it('loads once per key while kept, shares a load in flight, and does not keep a failure', async () => {
    const clock = new FakeClock(new Date('2026-12-05T10:00:00Z'));
    const cache = cachedLoader<string, number>(clock, 60_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
    expect(await cache.get('a', load)).toBe(1);
    clock.advance(60_001);
    expect(await cache.get('a', load)).toBe(2);
    await expect(cache.get('b', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('b', load)).toBe(3);
    cache.clear();
    expect(await cache.get('a', load)).toBe(4);
  });
});
