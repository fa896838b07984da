import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, inTransaction } from '@farmlink/database';
import { createTestDatabase, TestDatabase } from '@farmlink/testing/test-database';
import { ListingStockRepository } from './listing-stock.repository';

describe('ListingStockRepository (real PostgreSQL)', () => {
  let database: TestDatabase;
  let db: DataSource;
  const repo = new ListingStockRepository();
  let farmerId: string;
  let coopId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource(dataSourceOptions({ url: database.url, poolSize: 4 }));
    await db.initialize();
    [{ id: farmerId }] = await db.query(
      `INSERT INTO users (email, password_hash, display_name, role, county_code)
       VALUES ('stock-farmer@farmlink.test', 'x', 'F', 'farmer', '520322') RETURNING id`,
    );
    await db.query(`INSERT INTO poverty_claims (farmer_id, status, decided_at) VALUES ($1, 'verified', now())`, [farmerId]);
    [{ id: coopId }] = await db.query(
      `INSERT INTO cooperatives (name, county_code, manager_id) VALUES ('合作社', '520324', $1) RETURNING id`,
      [farmerId],
    );
    await db.query(`INSERT INTO cooperative_members (cooperative_id, farmer_id, role) VALUES ($1, $2, 'manager')`, [coopId, farmerId]);
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
  });

  async function listing(stock: number, status = 'active', cooperativeId: string | null = null): Promise<string> {
    const [{ id }] = await db.query(
      `INSERT INTO listings (farmer_id, cooperative_id, county_code, title, category, unit, net_weight_grams, price_cents, stock, status)
       VALUES ($1, $2, '520322', '方竹笋', 'vegetables', 'box', 2500, 4800, $3, $4) RETURNING id`,
      [farmerId, cooperativeId, stock, status],
    );
    return id;
  }
  const stockOf = async (id: string) => (await db.query(`SELECT stock FROM listings WHERE id = $1`, [id]))[0].stock as number;

  it('answers what checkout needs, with the farmer and cooperative counties, whether or not stock was taken', async () => {
    const a = await listing(5, 'active', coopId);
    const { listings, taken } = await db.transaction((m) => repo.takeForCheckout(m, [{ listingId: a, quantity: 2 }]));
    expect(listings).toEqual([
      {
        id: a,
        title: '方竹笋',
        unit: 'box',
        category: 'vegetables',
        netWeightGrams: 2500,
        priceCents: 4800,
        currency: 'CNY',
        marketCode: 'cn',
        stock: 5,
        status: 'active',
        farmerId,
        cooperativeId: coopId,
        countyCode: '520322',
        farmerCountyCode: '520322',
        farmerPovertyRegistered: true,
        cooperativeCountyCode: '520324',
      },
    ]);
    expect([...taken]).toEqual([a]);
    expect(await stockOf(a)).toBe(3);
    expect(await db.transaction((m) => repo.takeForCheckout(m, []))).toEqual({ listings: [], taken: new Set() });
  });

  it('snapshots the farmer as poor only while the poverty claim is verified', async () => {
    const a = await listing(10);
    const poor = async () => (await db.transaction((m) => repo.takeForCheckout(m, [{ listingId: a, quantity: 1 }]))).listings[0].farmerPovertyRegistered;
    expect(await poor()).toBe(true);
    await db.query(`UPDATE poverty_claims SET status = 'claimed', decided_at = NULL WHERE farmer_id = $1`, [farmerId]);
    expect(await poor()).toBe(false);
    await db.query(`UPDATE poverty_claims SET status = 'rejected', decided_at = now() WHERE farmer_id = $1`, [farmerId]);
    expect(await poor()).toBe(false);
    await db.query(`UPDATE poverty_claims SET status = 'verified', decided_at = now() WHERE farmer_id = $1`, [farmerId]);
    expect(await poor()).toBe(true);
  });

  it('takes stock only when there is enough and the listing is active; unknown ids are absent', async () => {
    const a = await listing(5);
    const b = await listing(1);
    const paused = await listing(10, 'paused');
    const unknown = '00000000-0000-4000-8000-000000000000';
    const { listings, taken } = await db.transaction((m) =>
      repo.takeForCheckout(m, [
        { listingId: b, quantity: 2 },
        { listingId: a, quantity: 2 },
        { listingId: a, quantity: 3 },
        { listingId: paused, quantity: 1 },
        { listingId: unknown, quantity: 1 },
      ]),
    );
    expect(listings.map((l) => l.id).sort()).toEqual([a, b, paused].sort());
    expect([...taken]).toEqual([a]);
    expect(await stockOf(a)).toBe(0);
    expect(await stockOf(b)).toBe(1);
    expect(await stockOf(paused)).toBe(10);
  });

  it('never oversells under concurrent transactions', async () => {
    const a = await listing(3);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        db.transaction(async (m) => (await repo.takeForCheckout(m, [{ listingId: a, quantity: 1 }])).taken.has(a)),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(3);
    expect(await stockOf(a)).toBe(0);
  });

  it('returns stock even to a listing that has since been archived', async () => {
    const a = await listing(0, 'archived');
    await db.transaction((m) => repo.returnStock(m, [{ listingId: a, quantity: 4 }], { reason: 'cancellation' }));
    expect(await stockOf(a)).toBe(4);
  });

  it('records each change in the stock history with the reason, actor and reference set in the same statement', async () => {
    const a = await listing(5);
    const b = await listing(5);
    const ref = '0190a8f0-0000-7000-8000-000000000001';
    const actor = (await db.query(`SELECT farmer_id AS id FROM listings WHERE id = $1`, [a]))[0].id;
    await db.transaction((m) => repo.takeForCheckout(m, [{ listingId: a, quantity: 2 }, { listingId: b, quantity: 9 }], { reason: 'checkout', actorId: actor, refId: ref }));
    await db.transaction((m) => repo.returnStock(m, [{ listingId: a, quantity: 1 }, { listingId: a, quantity: 1 }], { reason: 'payment_timeout', refId: ref }));
    await db.query(`UPDATE listings SET stock = stock + 1 WHERE id = $1`, [a]); // by hand: no reason set
    await db.query(`UPDATE listings SET title = 'x' WHERE id = $1`, [a]); // no change of stock: no row
    const rows = await db.query(
      `SELECT delta, stock_after AS "stockAfter", reason, actor_id AS "actorId", ref_id AS "refId" FROM listing_stock_changes WHERE listing_id = $1 ORDER BY id`,
      [a],
    );
    expect(rows).toEqual([
      { delta: 5, stockAfter: 5, reason: expect.any(String), actorId: null, refId: null }, // the listing's insert
      { delta: -2, stockAfter: 3, reason: 'checkout', actorId: actor, refId: ref },
      { delta: 2, stockAfter: 5, reason: 'payment_timeout', actorId: null, refId: ref },
      { delta: 1, stockAfter: 6, reason: 'other', actorId: null, refId: null },
    ]);
    // b had too little: nothing taken, nothing recorded beyond its insert.
    expect(await db.query(`SELECT count(*)::int AS n FROM listing_stock_changes WHERE listing_id = $1`, [b])).toEqual([{ n: 1 }]);
  });

  it('planned once per connection (a generic plan, as checkout runs it), it still finds listings by primary key', async () => {
    // Enough listings that a scan is never the cheap way (the generic plan once joined listings to unnest(), estimated at 100 rows, and scanned them).
    await db.query(
      `INSERT INTO listings (farmer_id, county_code, title, category, unit, net_weight_grams, price_cents, stock)
       SELECT $1, '520322', '笋 ' || g, 'vegetables', 'box', 2500, 4800, 5 FROM generate_series(1, 2000) g`,
      [farmerId],
    );
    await db.query(`ANALYZE listings`);
    const a = await listing(5);
    const plan = await inTransaction(
      db,
      async (m) => {
        await repo.takeForCheckout(m, [{ listingId: a, quantity: 1 }]);
        const [{ name }] = await m.query(`SELECT name FROM pg_prepared_statements WHERE statement LIKE '%stock_ctx%FOR UPDATE%'`);
        const rows: Record<string, string>[] = await m.query(`EXPLAIN (COSTS OFF) EXECUTE ${name}('{${a}}', '{1}', 'checkout', null, null)`);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      },
      { genericPlans: true },
    );
    expect(plan).toContain('$1'); // generic
    expect(plan).toContain('listings_pkey');
    expect(plan).not.toMatch(/Seq Scan on listings/);
  });
});
