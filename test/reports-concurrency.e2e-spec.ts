import { checkout, COUNTIES, createListing, createUser, TestListing, TestUser, useTestApp } from '@farmlink/testing';
import { ReportRepository, ReportsService } from '@farmlink/reports';
import { oracleReport, pickFigures } from '../libs/reports/test/sales-oracle';

/**
 * The distinct-count counters are kept by the report aggregator from what the
 * paying transactions append: many payments at once, by the same buyers, to the
 * same farmers, folded in batches (by the periodic job and by catch-ups racing
 * it), must count every buyer, seller and producer exactly once per period and
 * scope — the same counters a rebuild from the raw tables gives.
 */
describe('Report counters under concurrent payments', () => {
  const t = useTestApp();
  let admin: TestUser;
  let buyers: TestUser[];
  let listings: TestListing[];

  beforeAll(async () => {
    admin = await createUser(t, 'admin');
    buyers = await Promise.all(Array.from({ length: 4 }, () => createUser(t, 'buyer')));
    const farmers = [
      await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi, povertyRegistered: true }),
      await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi }),
      await createUser(t, 'farmer', { countyCode: COUNTIES.lankao, povertyRegistered: true }),
    ];
    listings = [];
    for (const [i, f] of farmers.entries()) {
      listings.push(await createListing(t, f, { priceCents: 1000 + i, stock: 100000, category: 'fruit' }));
      listings.push(await createListing(t, f, { priceCents: 2000 + i, stock: 100000, category: 'tea' }));
    }
  });

  const counters = () =>
    t.db.query(`SELECT grain, period::text, scope, category, kind, sum(n)::int AS n FROM report_distinct_counts
                 GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5`);

  it('counts each id once however the payments interleave, and equals a rebuild', async () => {
    // 24 checkouts: every buyer buys from every farmer, in overlapping carts; then all are paid at once.
    const payments: { buyer: TestUser; id: string }[] = [];
    for (let round = 0; round < 6; round++) {
      for (const [b, buyer] of buyers.entries()) {
        const items = [listings[(round + b) % 6], listings[(round + b + 3) % 6]].map((l) => ({ listingId: l.id, quantity: 1 + round }));
        const res = await checkout(t, buyer, items).expect(201);
        payments.push({ buyer, id: res.body.payment.id });
      }
    }
    // Payments and aggregator runs interleave (several catch-ups at once, as several API processes would).
    const reports = t.app.get(ReportsService);
    await Promise.all([
      ...payments.map((p) => t.http().post(`/api/payments/${p.id}/simulate`).set(p.buyer.auth).send({ outcome: 'succeeded' }).expect(200)),
      ...Array.from({ length: 6 }, (_, i) => new Promise((r) => setTimeout(r, i * 15)).then(() => reports.catchUp())),
    ]);
    await reports.catchUp();
    const [{ pending }] = await t.db.query(`SELECT count(*)::int AS pending FROM report_pending`);
    expect(pending).toBe(0);

    const live = await counters();
    expect(live.length).toBeGreaterThan(0);
    const everywhere = live.filter((c: { grain: string; scope: string; category: string }) => c.grain === 'y' && c.scope === '*' && c.category === '*');
    expect(Object.fromEntries(everywhere.map((c: { kind: string; n: number }) => [c.kind, c.n]))).toEqual({ o: 48, b: 4, s: 3, p: 3, h: 2 }); // two farmers per cart: two orders

    // The report for this local year, from the counters, equals the plain computation.
    const [{ today }] = await t.db.query(`SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today`);
    const from = `${today.slice(0, 4)}-01-01`;
    const to = `${today.slice(0, 4)}-12-31`;
    for (const groupBy of ['county', 'province', 'category'] as const) {
      const res = await t.http().get('/api/reports/sales').set(admin.auth).query({ from, to, groupBy }).expect(200);
      const expected = await oracleReport(t.db, { from, to, groupBy, counties: null });
      expect(new Map(res.body.rows.map((r: Record<string, unknown>) => [r.key as string, pickFigures(r)]))).toEqual(expected.rows);
      expect(pickFigures(res.body.totals)).toEqual(expected.totals);
    }

    // One writer (the aggregator): one row per counter, nothing left to fold.
    const [{ shards }] = await t.db.query(`SELECT count(*)::int AS shards FROM report_distinct_counts WHERE shard <> 0`);
    expect(shards).toBe(0);
    expect(await t.app.get(ReportRepository).compactCounters()).toBe(0);
    expect(await counters()).toEqual(live);

    await t.db.query(`SELECT report_rebuild()`);
    expect(await counters()).toEqual(live);
  });
});
