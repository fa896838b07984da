import { DataSource } from 'typeorm';
import { ReportsService } from '@farmlink/reports';
import { checkout, COUNTIES, createListing, createUser, TestListing, TestUser, useTestApp } from '@farmlink/testing';

/**
 * The report aggregator (issue #18): the paying and refunding transactions
 * append one report_pending row per order or refund and touch no rollup; the
 * aggregator folds them in batches; a report is exact at every moment.
 */
describe('Report aggregator', () => {
  const t = useTestApp();
  let admin: TestUser;
  let buyer: TestUser;
  let farmer: TestUser;
  let listing: TestListing;
  let year: string;

  const rollupState = () =>
    t.db.query(`SELECT (SELECT coalesce(sum(gross_cents), 0)::text FROM report_sales) AS sales,
                       (SELECT count(*)::int FROM report_actor_days) AS "actorDays",
                       (SELECT coalesce(sum(n), 0)::text FROM report_distinct_counts) AS counters`);
  const report = async () =>
    (await t.http().get('/api/reports/sales').set(admin.auth).query({ from: `${year}-01-01`, to: `${year}-12-31`, groupBy: 'county' }).expect(200)).body.totals;
  const pay = (b: TestUser, paymentId: string) => t.http().post(`/api/payments/${paymentId}/simulate`).set(b.auth).send({ outcome: 'succeeded' }).expect(200);

  beforeAll(async () => {
    admin = await createUser(t, 'admin');
    buyer = await createUser(t, 'buyer');
    farmer = await createUser(t, 'farmer', { countyCode: COUNTIES.lankao });
    listing = await createListing(t, farmer, { priceCents: 1000, stock: 100000, category: 'tea' });
    const [{ today }] = await t.db.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`);
    year = today.slice(0, 4);
  });

  it('marking orders paid and recording a refund write one report_pending row each and no rollup', async () => {
    const placed = await checkout(t, buyer, [{ listingId: listing.id, quantity: 2 }]).expect(201);
    const orderId = placed.body.orders[0].id;
    await t.app.get(ReportsService).catchUp();
    // Inside one transaction (the aggregator cannot see it), as the payment's own statement does.
    const runner = t.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const before = await runner.query(`SELECT count(*)::int AS n FROM report_pending`);
      const rollupsBefore = await runner.query(`SELECT (SELECT coalesce(sum(gross_cents), 0)::text FROM report_sales) AS s, (SELECT count(*)::int FROM report_actor_days) AS a,
                                                       (SELECT coalesce(sum(n), 0)::text FROM report_distinct_counts) AS c`);
      await runner.query(`UPDATE orders SET status = 'paid', paid_at = now() WHERE id = $1`, [orderId]);
      await runner.query(
        `INSERT INTO refunds (id, order_id, payment_id, amount_cents, currency, reason, status, source)
         SELECT gen_random_uuid(), $1, p.id, 100, 'CNY', 'r', 'succeeded', 'seller' FROM payments p WHERE p.checkout_id = $2`,
        [orderId, placed.body.id],
      );
      const after = await runner.query(`SELECT count(*)::int AS n FROM report_pending`);
      expect(after[0].n - before[0].n).toBe(2);
      const rows = await runner.query(`SELECT kind, sign, amount_cents::int AS amount FROM report_pending WHERE order_id = $1 ORDER BY id`, [orderId]);
      expect(rows).toEqual([{ kind: 's', sign: 1, amount: null }, { kind: 'r', sign: 1, amount: 100 }]);
      const rollupsAfter = await runner.query(`SELECT (SELECT coalesce(sum(gross_cents), 0)::text FROM report_sales) AS s, (SELECT count(*)::int FROM report_actor_days) AS a,
                                                      (SELECT coalesce(sum(n), 0)::text FROM report_distinct_counts) AS c`);
      expect(rollupsAfter).toEqual(rollupsBefore);
      // And no advisory lock taken on the way.
      const locks = await runner.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()`);
      expect(locks[0].n).toBe(0);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('a payment answered 200 is in the very next report, every time', async () => {
    let expected = (await report()).grossSalesCents as number;
    for (let i = 0; i < 8; i++) {
      const placed = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 + i }]).expect(201);
      await pay(buyer, placed.body.payment.id);
      expected += 1000 * (1 + i);
      expect((await report()).grossSalesCents).toBe(expected);
    }
  });

  it('a sale committed after a later one is not skipped (no watermark to jump over it)', async () => {
    const slow = await checkout(t, buyer, [{ listingId: listing.id, quantity: 3 }]).expect(201);
    const fast = await checkout(t, buyer, [{ listingId: listing.id, quantity: 5 }]).expect(201);
    const base = (await report()).grossSalesCents as number;
    const other = new DataSource({ type: 'postgres', url: t.database.url });
    await other.initialize();
    const runner = other.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      // The slow transaction takes its report_pending id first...
      await runner.query(`UPDATE orders SET status = 'paid', paid_at = now() WHERE checkout_id = $1`, [slow.body.id]);
      // ...a later payment commits and is applied (the aggregator runs past the slow one's id)...
      await pay(buyer, fast.body.payment.id);
      expect((await report()).grossSalesCents).toBe(base + 5000);
      // ...then the slow one commits: the next report has it too.
      await runner.commitTransaction();
      expect((await report()).grossSalesCents).toBe(base + 8000);
    } finally {
      await runner.release();
      await other.destroy();
    }
    const [{ pending }] = await t.db.query(`SELECT count(*)::int AS pending FROM report_pending`);
    expect(pending).toBe(0);
  });

  it('several aggregators at once apply each pending row once', async () => {
    const placed = [];
    for (let i = 0; i < 6; i++) placed.push(await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201));
    const base = (await report()).grossSalesCents as number;
    const service = t.app.get(ReportsService);
    await Promise.all([...placed.map((p) => pay(buyer, p.body.payment.id)), service.applyPending(1), service.applyPending(2), service.catchUp(), service.catchUp()]);
    await service.catchUp();
    expect((await report()).grossSalesCents).toBe(base + 6000);
    const before = await rollupState();
    await t.db.query(`SELECT report_rebuild()`);
    expect(await rollupState()).toEqual(before);
  });

  it('the periodic round skips at once while another process holds the aggregator lock; a report waits for it', async () => {
    const placed = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201);
    const base = (await report()).grossSalesCents as number;
    const other = new DataSource({ type: 'postgres', url: t.database.url });
    await other.initialize();
    const runner = other.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      await runner.query(`SELECT pg_advisory_xact_lock(hashtext('farmlink:report-aggregator'))`);
      await pay(buyer, placed.body.payment.id);
      const service = t.app.get(ReportsService);
      const started = Date.now();
      expect(await service.applyPending(undefined, false)).toBe(0);
      expect(Date.now() - started).toBeLessThan(2000);
      const waiting = report();
      await new Promise((r) => setTimeout(r, 200));
      await runner.commitTransaction(); // the other process's batch ends
      expect((await waiting).grossSalesCents).toBe(base + 1000);
    } finally {
      await runner.release();
      await other.destroy();
    }
  });
});
