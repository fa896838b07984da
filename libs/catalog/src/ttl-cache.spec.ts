import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('answers until the TTL passes, then forgets', () => {
    let now = 1000;
    const cache = new TtlCache<number>(500, 10, () => now);
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
    now = 1499;
    expect(cache.get('a')).toBe(1);
    now = 1500;
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops the oldest entry when full, and everything on clear()', () => {
    const cache = new TtlCache<string>(10_000, 2);
    cache.set('a', 'A');
    cache.set('b', 'B');
    cache.set('c', 'C');
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 'B', 'C']);
    cache.clear();
    expect(cache.get('c')).toBeUndefined();
  });

  it('is off with a TTL of 0', () => {
    const cache = new TtlCache<number>(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });
});
