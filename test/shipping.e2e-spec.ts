import { basisPoints } from '@farmlink/shared';
import { oracleReport, pickFigures } from '../libs/reports/test/sales-oracle';
import { checkout, COUNTIES, createCooperative, createListing, stockOf, useTestApp, useUsers, type TestApp, type TestUser } from '@farmlink/testing';

const FEE_BPS = 300;

/**
 * #15 item 4: sellers' shipping rates by destination province, charged at checkout per seller of
 * record, paid with the goods, credited apart in the seller ledger, and never counted in reports.
 * The buyer's address (SHIPPING_ADDRESS) is in 110105, province 110000 (Beijing).
 */
describe('Shipping fees (e2e)', () => {
  const t = useTestApp({ PLATFORM_FEE_BPS: String(FEE_BPS), MAX_UNPAID_CHECKOUTS: '50' });
  const { henan, guizhou, remote, manager, member, buyer, admin } = useUsers(t, {
    henan: ['farmer', { countyCode: COUNTIES.lankao, displayName: '兰考农场' }],
    guizhou: ['farmer', { countyCode: COUNTIES.tongzi, displayName: '桐梓农场' }],
    remote: ['farmer', { countyCode: COUNTIES.pingshan, displayName: 'Pingshan Farm' }],
    manager: ['farmer', { countyCode: COUNTIES.zhengan }],
    member: ['farmer', { countyCode: COUNTIES.leishan }],
    buyer: 'buyer',
    admin: 'admin',
  });
  const rates = (u: TestUser, q = '') => t.http().get(`/api/sellers/me/shipping-rates${q}`).set(u.auth);
  const putRates = (u: TestUser, body: unknown, q = '') => t.http().put(`/api/sellers/me/shipping-rates${q}`).set(u.auth).send(body as object);
  const pay = (paymentId: string) => t.http().post(`/api/payments/${paymentId}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const report = async (regionCode: string) =>
    (await t.http().get('/api/reports/sales').query({ from: today(), to: today(), groupBy: 'county', regionCode }).set(admin.auth).expect(200)).body.totals;

  it('rates: a seller without rates ships free; PUT replaces them; GET reads them back', async () => {
    expect((await rates(henan).expect(200)).body).toMatchObject({ sellerType: 'farmer', sellerId: henan.id, rates: [] });
    const put = await putRates(henan, { rates: [{ provinceCode: '110000', baseCents: 800, perKgCents: 200 }, { provinceCode: '*', baseCents: 1500, perKgCents: 300, freeAboveCents: 20000 }] }).expect(200);
    expect(put.body.rates).toEqual([
      { provinceCode: '110000', baseCents: 800, perKgCents: 200, freeAboveCents: null, noDelivery: false },
      { provinceCode: '*', baseCents: 1500, perKgCents: 300, freeAboveCents: 20000, noDelivery: false },
    ]);
    expect((await rates(henan).expect(200)).body.rates).toEqual(put.body.rates);
    await rates(buyer).expect(403);
  });

  it.each([
    ['a prefecture, not a province', [{ provinceCode: '520300', baseCents: 1, perKgCents: 1 }]],
    ['no such province', [{ provinceCode: '990000', baseCents: 1, perKgCents: 1 }]],
    ['not a code', [{ provinceCode: 'guizhou', baseCents: 1, perKgCents: 1 }]],
    ['duplicate provinces', [{ provinceCode: '520000', baseCents: 1, perKgCents: 1 }, { provinceCode: '520000', baseCents: 2, perKgCents: 1 }]],
    ['fractional fen', [{ provinceCode: '*', baseCents: 1.5, perKgCents: 1 }]],
    ['negative fen', [{ provinceCode: '*', baseCents: 100, perKgCents: -1 }]],
    ['above the price cap', [{ provinceCode: '*', baseCents: 100_000_001, perKgCents: 0 }]],
    ['a string for fen', [{ provinceCode: '*', baseCents: '100', perKgCents: 0 }]],
  ])('rates: 400 for %s, and nothing changes', async (_why, bad) => {
    const before = (await rates(guizhou).expect(200)).body.rates;
    await putRates(guizhou, { rates: bad }).expect(400);
    expect((await rates(guizhou).expect(200)).body.rates).toEqual(before);
  });

  it("rates: only a cooperative's manager reads or sets its rates", async () => {
    const coopId = await createCooperative(t, manager, [member]);
    await putRates(manager, { rates: [{ provinceCode: '*', baseCents: 600, perKgCents: 0 }] }, `?cooperativeId=${coopId}`).expect(200);
    expect((await rates(manager, `?cooperativeId=${coopId}`).expect(200)).body).toMatchObject({ sellerType: 'cooperative', sellerId: coopId, rates: [{ provinceCode: '*', baseCents: 600 }] });
    await putRates(member, { rates: [] }, `?cooperativeId=${coopId}`).expect(403);
    await rates(member, `?cooperativeId=${coopId}`).expect(403);
    await rates(manager, `?cooperativeId=00000000-0000-4000-8000-000000000000`).expect(404);
    // The manager's own (farmer) rates are apart from the cooperative's.
    expect((await rates(manager).expect(200)).body.rates).toEqual([]);
    // A cooperative's listing ships at the cooperative's rate.
    const l = await createListing(t, member, { priceCents: 1000, stock: 5, cooperativeId: coopId });
    const res = await checkout(t, buyer, [{ listingId: l.id, quantity: 1 }]).expect(201);
    expect(res.body.orders[0]).toMatchObject({ sellerType: 'cooperative', sellerId: coopId, goodsCents: 1000, shippingCents: 600, totalCents: 1600 });
  });

  it('checkout: two sellers in different provinces each charge their shipping (started kg, free threshold); payment = goods + shipping; ledger apart; reports count goods only', async () => {
    // henan: 110000 → 800 + 200 per started kg. guizhou: '*' → 1200 flat, free from 10000 of goods.
    await putRates(guizhou, { rates: [{ provinceCode: '*', baseCents: 1200, perKgCents: 0, freeAboveCents: 10000 }] }).expect(200);
    const a = await createListing(t, henan, { priceCents: 1999, stock: 50, netWeightGrams: 2500 });
    const b = await createListing(t, guizhou, { priceCents: 2500, stock: 50, netWeightGrams: 1000 });
    const goodsA = 3 * 1999;
    const shipA = 800 + 200 * Math.ceil((3 * 2500) / 1000); // 7.5 kg → 8 started kg
    const goodsB = 2 * 2500;
    const shipB = 1200;

    const beforeHenan = await report('410000');
    const beforeGuizhou = await report('520000');

    const items = [{ listingId: a.id, quantity: 3 }, { listingId: b.id, quantity: 2 }];
    const quote = await t.http().post('/api/checkouts/quote').set(buyer.auth).send({ items, shippingAddress: { name: 'x', phone: '13800000000', countyCode: '110105', line1: 'y' } }).expect(200);
    expect(quote.body).toMatchObject({ goodsCents: goodsA + goodsB, shippingCents: shipA + shipB, totalCents: goodsA + goodsB + shipA + shipB, deliverable: true });

    const res = await checkout(t, buyer, items).expect(201);
    const orderOf = (sellerId: string) => res.body.orders.find((o: { sellerId: string }) => o.sellerId === sellerId);
    expect(orderOf(henan.id)).toMatchObject({ goodsCents: goodsA, shippingCents: shipA, totalCents: goodsA + shipA });
    expect(orderOf(guizhou.id)).toMatchObject({ goodsCents: goodsB, shippingCents: shipB, totalCents: goodsB + shipB });
    const total = goodsA + shipA + goodsB + shipB;
    expect(res.body.totalCents).toBe(total);
    expect(res.body.payment.amountCents).toBe(total);
    const [{ amount_cents }] = await t.db.query(`SELECT amount_cents FROM payments WHERE id = $1`, [res.body.payment.id]);
    expect(Number(amount_cents)).toBe(total);
    // The order pages show it too.
    expect((await t.http().get(`/api/orders/${orderOf(henan.id).id}`).set(buyer.auth).expect(200)).body).toMatchObject({ shippingCents: shipA, goodsCents: goodsA, totalCents: goodsA + shipA });

    await pay(res.body.payment.id);

    // The seller ledger credits the goods (sale) and the shipping apart; the fee is on what the seller receives.
    const ledger = (await t.http().get('/api/sellers/me/ledger').set(henan.auth).expect(200)).body;
    const ofOrder = ledger.items.filter((e: { orderId: string }) => e.orderId === orderOf(henan.id).id);
    const byKind = Object.fromEntries(ofOrder.map((e: { kind: string; amountCents: number }) => [e.kind, e.amountCents]));
    expect(byKind).toEqual({ sale: goodsA, shipping: shipA, fee: -basisPoints(goodsA + shipA, FEE_BPS) });

    // Reports: the lines (goods) only — the same figures as without shipping.
    const afterHenan = await report('410000');
    const afterGuizhou = await report('520000');
    expect(afterHenan.grossSalesCents - beforeHenan.grossSalesCents).toBe(goodsA);
    expect(afterGuizhou.grossSalesCents - beforeGuizhou.grossSalesCents).toBe(goodsB);
    expect(afterHenan.units - beforeHenan.units).toBe(3);

    // Reconciliation agrees with the ledger (shipping included in what the order credits).
    const recon = (await t.http().get(`/api/admin/reconciliation?from=${today()}&to=${today()}`).set(admin.auth).expect(200)).body;
    expect(JSON.stringify(recon)).not.toMatch(/ledger_sale|ledger_fee/);

    // A partial refund of the shipping-bearing order works and the ledger still sums to what is left.
    await t.http().post(`/api/orders/${orderOf(henan.id).id}/refunds`).set(henan.auth).send({ amountCents: goodsA + shipA, reason: '全退' }).expect(201);
    const after = (await t.http().get('/api/sellers/me/ledger').set(henan.auth).expect(200)).body;
    const sum = after.items.filter((e: { orderId: string }) => e.orderId === orderOf(henan.id).id).reduce((s: number, e: { amountCents: number }) => s + e.amountCents, 0);
    expect(sum).toBe(0);
    // Reports: the refund of goods + shipping takes the goods alone off the report (shipping's share is left out).
    const afterRefund = await report('410000');
    expect(afterRefund.refundsCents - afterHenan.refundsCents).toBe(goodsA);
    expect(afterRefund.netSalesCents).toBe(beforeHenan.netSalesCents);
  });

  it('checkout: shipping is free at or above freeAboveCents (compared with the goods), and base + per started kg below', async () => {
    const b = await createListing(t, guizhou, { priceCents: 2500, stock: 50 });
    const free = await checkout(t, buyer, [{ listingId: b.id, quantity: 4 }]).expect(201); // 10000 ≥ 10000
    expect(free.body.orders[0]).toMatchObject({ goodsCents: 10000, shippingCents: 0, totalCents: 10000 });
    const a = await createListing(t, henan, { priceCents: 100, stock: 50, netWeightGrams: 1000 });
    const exact = await checkout(t, buyer, [{ listingId: a.id, quantity: 2 }]).expect(201); // exactly 2 kg → 2 started kg
    expect(exact.body.orders[0].shippingCents).toBe(800 + 2 * 200);
    const c = await createListing(t, henan, { priceCents: 100, stock: 50, netWeightGrams: 1001 });
    const over = await checkout(t, buyer, [{ listingId: c.id, quantity: 1 }]).expect(201); // 1.001 kg → 2 started kg
    expect(over.body.orders[0].shippingCents).toBe(800 + 2 * 200);
    await cancelAll(t, buyer, [free.body, exact.body, over.body]);
  });

  it('checkout: 422 naming the seller that does not deliver to the province, and nothing is taken or placed', async () => {
    await putRates(remote, { rates: [{ provinceCode: '110000', baseCents: 0, perKgCents: 0, noDelivery: true }, { provinceCode: '*', baseCents: 500, perKgCents: 0 }] }).expect(200);
    const a = await createListing(t, henan, { priceCents: 1000, stock: 7 });
    const r = await createListing(t, remote, { priceCents: 1000, stock: 9 });
    const [{ n: ordersBefore }] = await t.db.query(`SELECT count(*)::int AS n FROM orders WHERE buyer_id = $1`, [buyer.id]);
    const items = [{ listingId: a.id, quantity: 1 }, { listingId: r.id, quantity: 1 }];
    const res = await checkout(t, buyer, items).expect(422);
    expect(res.body.code).toBe('NO_DELIVERY');
    expect(res.body.message).toContain('Pingshan Farm');
    expect(res.body.sellerNames).toBe('Pingshan Farm');
    expect(await stockOf(t, a.id)).toBe(7);
    expect(await stockOf(t, r.id)).toBe(9);
    const [{ n: ordersAfter }] = await t.db.query(`SELECT count(*)::int AS n FROM orders WHERE buyer_id = $1`, [buyer.id]);
    expect(ordersAfter).toBe(ordersBefore);
    const quote = await t.http().post('/api/checkouts/quote').set(buyer.auth).send({ items, shippingAddress: { name: 'x', phone: '13800000000', countyCode: '110105', line1: 'y' } }).expect(200);
    expect(quote.body.deliverable).toBe(false);
    expect(quote.body.orders.find((o: { sellerId: string }) => o.sellerId === remote.id)).toMatchObject({ sellerName: 'Pingshan Farm', shippingCents: null, totalCents: null });
  });

  it('reports: partial refunds of orders with shipping agree with the plain-SQL oracle (shipping takes its share, left out)', async () => {
    const x = await createListing(t, henan, { priceCents: 333, stock: 50, netWeightGrams: 700, category: 'tea' });
    const y = await createListing(t, henan, { priceCents: 1001, stock: 50, netWeightGrams: 1300 });
    const res = await checkout(t, buyer, [{ listingId: x.id, quantity: 3 }, { listingId: y.id, quantity: 1 }]).expect(201);
    const order = res.body.orders[0];
    expect(order.shippingCents).toBeGreaterThan(0);
    await pay(res.body.payment.id);
    for (const amountCents of [7, 101, 999]) {
      await t.http().post(`/api/orders/${order.id}/refunds`).set(henan.auth).send({ amountCents, reason: '部分退款' }).expect(201);
    }
    for (const groupBy of ['county', 'category'] as const) {
      const got = (await t.http().get('/api/reports/sales').query({ from: today(), to: today(), groupBy }).set(admin.auth).expect(200)).body;
      const expected = await oracleReport(t.db, { from: today(), to: today(), groupBy: groupBy as 'county', counties: null });
      expect(new Map(got.rows.map((r: Record<string, unknown>) => [r.key as string, pickFigures(r)]))).toEqual(expected.rows);
      expect(pickFigures(got.totals)).toEqual(expected.totals);
    }
  });

  it('checkout: the order-total cap (99,999,999 fen) applies to goods + shipping (422, nothing taken)', async () => {
    const big = await createListing(t, henan, { priceCents: 99_999_000, stock: 3, netWeightGrams: 500 });
    const res = await checkout(t, buyer, [{ listingId: big.id, quantity: 1 }]).expect(422); // + 800 + 200 shipping
    expect(res.body.code).toBe('ORDER_TOTAL_TOO_LARGE');
    expect(await stockOf(t, big.id)).toBe(3);
  });
});

async function cancelAll(t: TestApp, buyer: TestUser, checkouts: { orders: { id: string }[] }[]): Promise<void> {
  for (const c of checkouts) for (const o of c.orders) await t.http().post(`/api/orders/${o.id}/cancel`).set(buyer.auth).send({}).expect(200);
}
