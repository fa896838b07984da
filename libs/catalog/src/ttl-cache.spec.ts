import { SingleFlight, TtlCache } from './ttl-cache';

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

  it('peek() also gives an entry expired less than one more TTL ago, as not fresh; never one deleted or cleared', () => {
    let now = 0;
    const cache = new TtlCache<string>(1000, 10, () => now);
    cache.set('a', 'A');
    expect(cache.peek('a')).toEqual({ value: 'A', fresh: true });
    now = 1500;
    expect(cache.peek('a')).toEqual({ value: 'A', fresh: false });
    expect(cache.get('a')).toBeUndefined(); // get() answers fresh entries only
    now = 2000;
    expect(cache.peek('a')).toBeUndefined();
    cache.set('b', 'B');
    now = 3500;
    cache.delete('b');
    expect(cache.peek('b')).toBeUndefined();
  });

  it('is off with a TTL of 0', () => {
    const cache = new TtlCache<number>(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('SingleFlight', () => {
  it('gives concurrent callers of one key the same load, other keys their own, and loads again once it is done', async () => {
    const flight = new SingleFlight<number>();
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = async () => {
      loads++;
      await gate;
      return loads;
    };
    const together = [flight.run('a', load), flight.run('a', load), flight.run('a', load)];
    const other = flight.run('b', load);
    expect(flight.size).toBe(2);
    release();
    expect(await Promise.all(together)).toEqual([2, 2, 2]);
    await other;
    expect(loads).toBe(2);
    expect(flight.size).toBe(0);
    expect(await flight.run('a', async () => 42)).toBe(42);
  });

  it('shares a failure with the callers waiting on it, and forgets it', async () => {
    const flight = new SingleFlight<number>();
    const failing = () => Promise.reject(new Error('database down'));
    await expect(Promise.all([flight.run('a', failing), flight.run('a', failing)])).rejects.toThrow('database down');
    expect(flight.size).toBe(0);
    expect(await flight.run('a', async () => 1)).toBe(1);
  });
});
