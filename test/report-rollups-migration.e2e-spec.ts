import { DataSource } from 'typeorm';
import { migrations } from '@farmlink/database/migrations';
import { checkout, COUNTIES, createListing, createUser, TestUser, useTestApp } from '@farmlink/testing';

/**
 * Migration 1780000000052 (period rollups and distinct-count counters) can be
 * reverted to the per-day rollups of 050/051 and applied again on a database
 * with sales in it, and the reports read the same before and after.
 */
describe('Report rollups migration 052: down and up again', () => {
  const t = useTestApp();
  let admin: TestUser;

  beforeAll(async () => {
    admin = await createUser(t, 'admin');
    const buyer = await createUser(t, 'buyer');
    const farmer = await createUser(t, 'farmer', { countyCode: COUNTIES.lankao, povertyRegistered: true });
    const listing = await createListing(t, farmer, { priceCents: 1234, stock: 100, category: 'tea' });
    const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 3 }]).expect(201);
    await t.http().post(`/api/payments/${res.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
  });

  it('reverts and re-applies, and the reports read the same', async () => {
    const [{ today }] = await t.db.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`);
    const query = { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31`, groupBy: 'county' };
    const before = (await t.http().get('/api/reports/sales').set(admin.auth).query(query).expect(200)).body;
    expect(before.totals).toMatchObject({ grossSalesCents: 3702, orders: 1, buyers: 1, producers: 1, povertyHouseholds: 1 });

    const ds = new DataSource({ type: 'postgres', url: t.database.url, migrations, migrationsTransactionMode: 'each' });
    await ds.initialize();
    try {
      // Undo the migrations after 052 too (newest first; their down() runs as well), then 052.
      for (;;) {
        const [{ name }] = await ds.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
        await ds.undoLastMigration({ transaction: 'each' });
        if (name === 'ReportPeriodRollups1780000000052') break;
      }
      const tables = await ds.query(`SELECT tablename FROM pg_tables WHERE tablename IN ('report_sales_daily', 'report_sales_actors', 'report_sales') ORDER BY 1`);
      expect(tables.map((r: { tablename: string }) => r.tablename)).toEqual(['report_sales_actors', 'report_sales_daily']);
      const [{ gross }] = await ds.query(`SELECT sum(gross_cents)::int AS gross FROM report_sales_daily`);
      expect(gross).toBe(3702);
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }

    const after = (await t.http().get('/api/reports/sales').set(admin.auth).query(query).expect(200)).body;
    expect(after).toEqual(before);
  });
});
