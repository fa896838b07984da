import { createUser, useTwoTestApps, type TestApp, type TestUser } from '@farmlink/testing';

/**
 * Search caches across API processes: a change made through one process
 * clears the caches of every process (PostgreSQL LISTEN/NOTIFY), so the other
 * shows it at once, although its caches would keep the old answer for a minute.
 */
describe('Catalog caches across two processes (e2e)', () => {
  const [a, b] = useTwoTestApps({ CATALOG_COUNT_CACHE_MS: '60000', CATALOG_SEARCH_CACHE_MS: '60000' });
  let farmer: TestUser;
  beforeAll(async () => {
    farmer = await createUser(a, 'farmer');
  });

  const totalIn = async (t: TestApp, page = 1): Promise<number> =>
    (await t.http().get(`/api/listings?farmerId=${farmer.id}&page=${page}`).expect(200)).body.total;

  /** Polls until `check` holds; answers the milliseconds it took (fails after `withinMs`). */
  async function within(withinMs: number, check: () => Promise<boolean>): Promise<number> {
    const started = Date.now();
    for (;;) {
      if (await check()) return Date.now() - started;
      if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  const newListing = (title: string) =>
    a
      .http()
      .post('/api/listings')
      .set(farmer.auth)
      .send({ title, category: 'fruit', unit: 'box', netWeightGrams: 2500, priceCents: 3900, stock: 20 })
      .expect(201);

  it('a listing created through one process is in the other\'s search totals within a second', async () => {
    // Both processes cache the empty answer (total and page) for a minute.
    expect(await totalIn(a)).toBe(0);
    expect(await totalIn(b)).toBe(0);
    expect(await totalIn(b, 2)).toBe(0);
    await newListing('猕猴桃 A');
    const ms = await within(1000, async () => (await totalIn(b)) === 1 && (await totalIn(b, 2)) === 1);
    expect(ms).toBeLessThan(1000);
  });

  it('a change reaches the other process in about 100 ms, every time', async () => {
    const times: number[] = [];
    for (let i = 2; i <= 6; i++) {
      expect(await totalIn(b)).toBe(i - 1); // cached again
      await newListing(`猕猴桃 ${i}`);
      times.push(await within(1000, async () => (await totalIn(b)) === i));
    }
    times.sort((x, y) => x - y);
    expect(times[2]).toBeLessThan(200); // the median, with room for a busy test machine
  });

  it('an archive through the second process clears the first\'s caches too', async () => {
    const listings = (await b.http().get(`/api/listings?farmerId=${farmer.id}&pageSize=1`).expect(200)).body;
    const before = await totalIn(a);
    await b.http().delete(`/api/listings/${listings.items[0].id}`).set(farmer.auth).expect(204);
    await within(1000, async () => (await totalIn(a)) === before - 1);
  });

  it('a process whose listening connection was cut reconnects, and misses nothing', async () => {
    const before = await totalIn(b);
    // Cut every listening connection on this database (a restart of PostgreSQL or a pooler would).
    const cut: unknown[] = await a.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'farmlink-listener' AND datname = current_database()`,
    );
    expect(cut.length).toBe(2);
    await newListing('猕猴桃 after a cut');
    await within(3000, async () => (await totalIn(b)) === before + 1);
    // Listening again: the next change arrives as fast as before.
    await within(3000, async () => {
      const [{ n }] = await a.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'farmlink-listener' AND datname = current_database()`,
      );
      return n === 2;
    });
    expect(await totalIn(b)).toBe(before + 1);
    await newListing('猕猴桃 after reconnecting');
    expect(await within(1000, async () => (await totalIn(b)) === before + 2)).toBeLessThan(1000);
  });
});
