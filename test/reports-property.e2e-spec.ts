import fc from 'fast-check';
import { checkout, COUNTIES, createCooperative, createListing, createUser, TestListing, TestUser, useTestApp } from '@farmlink/testing';
import type { PovertyStatus } from '@farmlink/shared';
import { RegionsService } from '@farmlink/regions';
import { ReportsService } from '@farmlink/reports';
import { oracleReport, pickFigures } from '../libs/reports/test/sales-oracle';

/**
 * Property: whatever farmers, checkouts, payments, partial refunds and
 * cancellations happen (across a year boundary, at times that are another
 * date in Asia/Shanghai than in UTC), every report row and total equals the
 * plain computation over orders, order lines and refunds, and a rebuild of
 * the rollups changes nothing. Producers claim poverty registration and have it
 * verified or rejected between purchases: a line counts as poor only when its
 * producer was verified when the order was placed (the test's own record).
 */
describe('Sales reports agree with the raw tables (property)', () => {
  const t = useTestApp();
  let admin: TestUser;
  let buyers: TestUser[];
  let listings: TestListing[];
  let farmers: TestUser[];
  let programmeId: string;
  let enrolled: string[];
  /** Each farmer's poverty status now, as the test drove it through the API. */
  const status = new Map<string, PovertyStatus>();
  /** For each order, the producers that were verified when it was placed. */
  const verifiedWhenPlaced = new Map<string, Set<string>>();
  const INITIAL: PovertyStatus[] = ['verified', 'claimed', 'rejected', 'verified', 'none', 'claimed'];

  const COUNTY_LIST = Object.values(COUNTIES);
  // Payment / refund instants: UTC 15:30 is 23:30 local, 16:30 is 00:30 of the next local day.
  const DAYS = ['2024-02-29', '2024-06-30', '2024-12-31', '2025-01-01', '2025-02-28', '2025-06-30', '2025-12-31'];
  const TIMES = ['T03:00:00Z', 'T15:30:00Z', 'T16:30:00Z', 'T15:59:59Z', 'T16:00:00Z'];
  const QUERY_DAYS = ['2024-01-01', '2024-03-01', '2024-07-01', '2024-12-31', '2025-01-01', '2025-01-02', '2025-03-01', '2025-07-01', '2025-12-31', '2026-01-01'];

  beforeAll(async () => {
    admin = await createUser(t, 'admin');
    buyers = await Promise.all([0, 1, 2].map(() => createUser(t, 'buyer')));
    farmers = [];
    for (let i = 0; i < 6; i++) {
      farmers.push(await createUser(t, 'farmer', { countyCode: COUNTY_LIST[i % COUNTY_LIST.length], povertyStatus: INITIAL[i] }));
      status.set(farmers[i].id, INITIAL[i]);
    }
    const coop = await createCooperative(t, farmers[0], [farmers[1], farmers[2]]);
    const cats = ['fruit', 'tea', 'grain'];
    listings = [];
    for (let i = 0; i < farmers.length; i++) {
      listings.push(await createListing(t, farmers[i], { priceCents: 101 + i * 997, stock: 100000, category: cats[i % 3], netWeightGrams: 250 * (i + 1) }));
    }
    // Cooperative listings by two members from different counties: one seller, two producers.
    listings.push(await createListing(t, farmers[1], { priceCents: 333, stock: 100000, cooperativeId: coop, category: 'tea' }));
    listings.push(await createListing(t, farmers[2], { priceCents: 777, stock: 100000, cooperativeId: coop, category: 'fruit' }));
    const p = await t.http().post('/api/programmes').set(admin.auth).send({ name: 'P', startDate: '2024-01-01' }).expect(201);
    programmeId = p.body.id;
    await t.http().put(`/api/programmes/${programmeId}/counties`).set(admin.auth).send({ countyCodes: [COUNTIES.tongzi, COUNTIES.lankao] }).expect(200);
  });

  const at = fc.tuple(fc.constantFrom(...DAYS), fc.constantFrom(...TIMES)).map(([d, h]) => d + h);
  const purchase = fc.record({
    buyer: fc.nat({ max: 2 }),
    items: fc.uniqueArray(fc.record({ listing: fc.nat({ max: 7 }), quantity: fc.integer({ min: 1, max: 7 }) }), { minLength: 1, maxLength: 3, selector: (i) => i.listing }),
    fate: fc.constantFrom('paid', 'paid', 'paid', 'unpaid', 'cancelledThenPaid', 'paidThenCancelled', 'markedPaidAt', 'markedPaidAt'),
    paidAt: at,
    refunds: fc.array(fc.record({ permille: fc.integer({ min: 1, max: 600 }), at }), { maxLength: 2 }),
    // Before the checkout, a farmer claims again, or an admin verifies or rejects their claim.
    poverty: fc.option(fc.record({ farmer: fc.nat({ max: 5 }), to: fc.constantFrom('claimed', 'verified', 'rejected', 'verified') })),
  });
  type Purchase = typeof purchase extends fc.Arbitrary<infer R> ? R : never;
  // Calendar years and months are answered from the distinct-count counters, other ranges by the exact scan: both must agree with the oracle.
  const CALENDAR = [
    ['2024-01-01', '2024-12-31'], ['2025-01-01', '2025-12-31'], ['2024-02-01', '2024-02-29'], ['2024-12-01', '2024-12-31'],
    ['2025-01-01', '2025-01-31'], ['2025-06-01', '2025-06-30'], ['2025-12-01', '2025-12-31'], ['2024-01-01', '2025-12-31'],
  ];
  const query = fc.record({
    range: fc.oneof(
      fc.tuple(fc.constantFrom(...QUERY_DAYS), fc.constantFrom(...QUERY_DAYS)).map(([a, b]) => (a <= b ? [a, b] : [b, a])),
      fc.constantFrom(...CALENDAR),
    ),
    groupBy: fc.constantFrom('county', 'prefecture', 'province', 'month', 'category'),
    filter: fc.constantFrom<Record<string, string>>(
      {}, { regionCode: '520000' }, { regionCode: '520300' }, { regionCode: COUNTIES.lankao }, { programmeId: 'P' }, { programmeId: 'P', regionCode: '520000' },
    ),
  });

  /** Drives a poverty status change through the API, with the answer the rules give. */
  async function changePoverty(change: { farmer: number; to: string }): Promise<void> {
    const farmer = farmers[change.farmer];
    const now = status.get(farmer.id)!;
    if (change.to === 'claimed') {
      const may = now === 'none' || now === 'rejected';
      await t.http().post('/api/me/poverty-claim').set(farmer.auth).send({}).expect(may ? 201 : 409);
      if (may) status.set(farmer.id, 'claimed');
    } else {
      const res = await t.http().post(`/api/farmers/${farmer.id}/poverty-verification`).set(admin.auth).send({ decision: change.to });
      expect(res.status).toBe(now === 'none' ? 404 : 200);
      if (now !== 'none') status.set(farmer.id, change.to as PovertyStatus);
    }
  }

  async function act(p: Purchase): Promise<void> {
    const buyer = buyers[p.buyer];
    if (p.poverty) await changePoverty(p.poverty);
    const verifiedNow = new Set(farmers.filter((f) => status.get(f.id) === 'verified').map((f) => f.id));
    const res = await checkout(t, buyer, p.items.map((i: { listing: number; quantity: number }) => ({ listingId: listings[i.listing].id, quantity: i.quantity }))).expect(201);
    const orders: { id: string; sellerId: string; totalCents: number }[] = res.body.orders;
    for (const o of orders) verifiedWhenPlaced.set(o.id, verifiedNow);
    if (p.fate === 'unpaid') return;
    if (p.fate === 'markedPaidAt') {
      // The orders become paid at a chosen instant in one statement, as a payment marks them: the
      // common (statement-trigger) path on any date, where the others pay now and then move paid_at.
      await t.db.query(`UPDATE orders SET status = 'paid', paid_at = $2 WHERE id = ANY($1::uuid[])`, [orders.map((o) => o.id), p.paidAt]);
      return;
    }
    if (p.fate === 'cancelledThenPaid') {
      for (const o of orders) await t.http().post(`/api/orders/${o.id}/cancel`).set(buyer.auth).send({}).expect(200);
    }
    await t.http().post(`/api/payments/${res.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
    if (p.fate === 'cancelledThenPaid') {
      // Auto-refunded; date those refunds somewhere in range too: they must still not count.
      await t.db.query(`UPDATE refunds SET created_at = $2 WHERE order_id = ANY($1::uuid[])`, [orders.map((o) => o.id), p.paidAt]);
      return;
    }
    for (const o of orders) {
      await t.db.query(`UPDATE orders SET paid_at = $2 WHERE id = $1`, [o.id, p.paidAt]);
      const seller = await sellerUser(o.sellerId);
      let left = o.totalCents;
      for (const r of p.refunds) {
        const amount = Math.floor((o.totalCents * r.permille) / 1000);
        if (amount < 1 || amount > left) continue;
        const refund = await t.http().post(`/api/orders/${o.id}/refunds`).set(seller.auth).send({ amountCents: amount, reason: 'r' }).expect(201);
        left -= amount;
        await t.db.query(`UPDATE refunds SET created_at = $2 WHERE id = $1`, [refund.body.id, r.at]);
      }
      if (p.fate === 'paidThenCancelled') {
        await t.http().post(`/api/orders/${o.id}/cancel`).set(seller.auth).send({}).expect(200);
      }
    }
  }

  const sellerCache = new Map<string, TestUser>();
  async function sellerUser(sellerId: string): Promise<TestUser> {
    // A cooperative's orders are refunded by its manager (farmers[0]).
    const f = farmers.find((x) => x.id === sellerId) ?? farmers[0];
    sellerCache.set(sellerId, f);
    return f;
  }

  async function rollups(): Promise<unknown> {
    await t.app.get(ReportsService).catchUp();
    const [sales, actorDays, counters] = await Promise.all([
      t.db.query(`SELECT grain, period::text, county_code, category, poverty, gross_cents::text, refunds_cents::text, units::text, weight_grams::text FROM report_sales
                   WHERE gross_cents <> 0 OR refunds_cents <> 0 OR units <> 0 OR weight_grams <> 0 ORDER BY 1, 2, 3, 4, 5`),
      t.db.query(`SELECT kind, actor_id, year, county_code, category, days::text FROM report_actor_days ORDER BY 1, 2, 3, 4, 5`),
      // Shards are where a backend happened to add; their sums are the counts.
      t.db.query(`SELECT grain, period::text, scope, category, kind, sum(n)::text AS n FROM report_distinct_counts
                   GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5`),
    ]);
    return { sales, actorDays, counters };
  }

  it('every row and total equals the plain computation; rebuild changes nothing', async () => {
    const regions = t.app.get(RegionsService);
    await fc.assert(
      fc.asyncProperty(
        fc.array(purchase, { minLength: 1, maxLength: 4 }),
        fc.array(query, { minLength: 2, maxLength: 3 }),
        // The programme's counties change between runs: its counters are recounted from the day bits.
        fc.subarray(COUNTY_LIST.slice(0, 4), { minLength: 1 }),
        async (purchases, queries, programmeCounties) => {
          for (const p of purchases) await act(p);
          enrolled = programmeCounties;
          await t.http().put(`/api/programmes/${programmeId}/counties`).set(admin.auth).send({ countyCodes: enrolled }).expect(200);
          for (const q of queries) {
            const filter = q.filter.programmeId ? { ...q.filter, programmeId } : q.filter;
            const res = await t.http().get('/api/reports/sales').set(admin.auth).query({ from: q.range[0], to: q.range[1], groupBy: q.groupBy, ...filter }).expect(200);
            let counties = filter.regionCode ? await regions.countiesWithin(filter.regionCode) : null;
            if (filter.programmeId) counties = (counties ?? enrolled).filter((c) => enrolled.includes(c));
            const expected = await oracleReport(t.db, {
              from: q.range[0], to: q.range[1], groupBy: q.groupBy as 'county', counties,
              verifiedAtOrder: (orderId, producerId) => verifiedWhenPlaced.get(orderId)!.has(producerId),
            });
            const got = new Map<string, unknown>(res.body.rows.map((r: Record<string, unknown>) => [r.key as string, pickFigures(r)]));
            expect(got).toEqual(expected.rows);
            expect(pickFigures(res.body.totals)).toEqual(expected.totals);
            const nets = res.body.rows.map((r: { netSalesCents: number }) => r.netSalesCents);
            expect(nets).toEqual([...nets].sort((a, b) => b - a));
          }
        },
      ),
      { numRuns: 8, seed: Number(process.env.FC_SEED ?? Date.now() % 100000), endOnFailure: true },
    );
    // Something really happened: paid lines on both sides of the year boundary, refunds, cancellations.
    const [facts] = await t.db.query(
      `SELECT count(DISTINCT extract(year FROM paid_at AT TIME ZONE 'Asia/Shanghai'))::int AS years,
              (SELECT count(*)::int FROM refunds) AS refunds,
              (SELECT count(*)::int FROM orders WHERE status = 'cancelled') AS cancelled
         FROM orders WHERE paid_at IS NOT NULL`,
    );
    expect(facts.years).toBeGreaterThanOrEqual(1);
    expect(facts.refunds).toBeGreaterThan(0);
    // Poor and not-poor lines both happened, and every line's snapshot is what the record says.
    const lines: { orderId: string; producerId: string; poor: boolean }[] = await t.db.query(
      `SELECT order_id AS "orderId", producer_id AS "producerId", producer_poverty_registered AS poor FROM order_lines`,
    );
    expect(new Set(lines.map((l) => l.poor))).toEqual(new Set([true, false]));
    for (const l of lines) expect({ ...l, poor: verifiedWhenPlaced.get(l.orderId)!.has(l.producerId) }).toEqual(l);

    const before = await rollups();
    await t.db.query(`SELECT report_rebuild()`);
    expect(await rollups()).toEqual(before);
  });
});
