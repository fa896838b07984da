import { randomUUID } from 'node:crypto';
import { checkout, COUNTIES, createCooperative, createListing, createUser, SHIPPING_ADDRESS, stockOf, TestUser, useTestApp, useUsers } from '@farmlink/testing';
import { OrdersService } from '@farmlink/orders';

describe('Checkout and orders (e2e)', () => {
  const t = useTestApp();
  const { farmerA, farmerB, buyer } = useUsers(t, {
    farmerA: ['farmer', { countyCode: COUNTIES.tongzi, povertyRegistered: true }],
    farmerB: ['farmer', { countyCode: COUNTIES.leishan }],
    buyer: 'buyer',
  });

  const pay = (b: TestUser, paymentId: string, outcome: 'succeeded' | 'failed' = 'succeeded') =>
    t.http().post(`/api/payments/${paymentId}/simulate`).set(b.auth).send({ outcome });

  it('turns a cart from two farms into two orders and one payment, then pays, ships and delivers', async () => {
    const kiwi = await createListing(t, farmerA, { title: '红心猕猴桃', priceCents: 3990, stock: 10 });
    const tea = await createListing(t, farmerB, { title: '雷山银球茶', priceCents: 12800, stock: 5, category: 'tea', netWeightGrams: 250 });

    const res = await checkout(t, buyer, [
      { listingId: kiwi.id, quantity: 2 },
      { listingId: tea.id, quantity: 1 },
    ]).expect(201);
    expect(res.body.totalCents).toBe(2 * 3990 + 12800);
    expect(res.body.currency).toBe('CNY');
    expect(res.body.orders).toHaveLength(2);
    expect(res.body.payment).toMatchObject({ provider: 'simulated', status: 'pending', amountCents: 20780 });
    const orderA = res.body.orders.find((o: { sellerId: string }) => o.sellerId === farmerA.id);
    expect(orderA).toMatchObject({
      status: 'pending_payment',
      sellerType: 'farmer',
      countyCode: COUNTIES.tongzi,
      totalCents: 7980,
      refundedCents: 0,
      lines: [{ listingId: kiwi.id, title: '红心猕猴桃', quantity: 2, unitPriceCents: 3990, lineTotalCents: 7980 }],
    });
    expect(await stockOf(t, kiwi.id)).toBe(8);
    expect(await stockOf(t, tea.id)).toBe(4);

    // The order line keeps what reports need, whatever happens to the listing later.
    const [line] = await t.db.query(`SELECT producer_county_code, producer_poverty_registered, net_weight_grams FROM order_lines WHERE order_id = $1`, [orderA.id]);
    expect(line).toEqual({ producer_county_code: COUNTIES.tongzi, producer_poverty_registered: true, net_weight_grams: 2500 });

    const paid = await pay(buyer, res.body.payment.id).expect(200);
    expect(paid.body.status).toBe('succeeded');

    // Each farmer sees only their own order.
    const salesA = await t.http().get('/api/orders').set(farmerA.auth).expect(200);
    expect(salesA.body.items.map((o: { id: string }) => o.id)).toEqual([orderA.id]);
    expect(salesA.body.items[0].status).toBe('paid');
    expect(salesA.body.items[0].paidAt).toEqual(expect.any(String));
    const orderB = res.body.orders.find((o: { sellerId: string }) => o.sellerId === farmerB.id);
    await t.http().get(`/api/orders/${orderB.id}`).set(farmerA.auth).expect(404);

    // The buyer may not ship; the farmer ships; only the buyer confirms delivery.
    await t.http().post(`/api/orders/${orderA.id}/ship`).set(buyer.auth).send({}).expect(403);
    const shipped = await t.http().post(`/api/orders/${orderA.id}/ship`).set(farmerA.auth).send({ carrier: '顺丰速运', trackingNo: 'SF123' }).expect(200);
    expect(shipped.body).toMatchObject({ status: 'shipped', carrier: '顺丰速运', trackingNo: 'SF123' });
    await t.http().post(`/api/orders/${orderA.id}/deliver`).set(farmerA.auth).expect(403);
    const delivered = await t.http().post(`/api/orders/${orderA.id}/deliver`).set(buyer.auth).expect(200);
    expect(delivered.body.status).toBe('delivered');
    expect(delivered.body.history.map((h: { toStatus: string }) => h.toStatus)).toEqual(['pending_payment', 'paid', 'shipped', 'delivered']);

    const mine = await t.http().get('/api/orders?status=paid').set(buyer.auth).expect(200);
    expect(mine.body.items.map((o: { id: string }) => o.id)).toContain(orderB.id);
  });

  it('makes the cooperative the seller of record, and its manager sees and ships the order', async () => {
    const member = await createUser(t, 'farmer', { countyCode: COUNTIES.zhengan });
    const manager = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
    const coopId = await createCooperative(t, manager, [member]);
    const rice = await createListing(t, member, { title: '有机香米', priceCents: 5000, category: 'grain', cooperativeId: coopId });
    const res = await checkout(t, buyer, [{ listingId: rice.id, quantity: 1 }]).expect(201);
    const order = res.body.orders[0];
    expect(order).toMatchObject({ sellerType: 'cooperative', sellerId: coopId, countyCode: COUNTIES.tongzi });
    expect(order.lines[0].producerCountyCode).toBe(COUNTIES.zhengan);
    await pay(buyer, res.body.payment.id).expect(200);
    const list = await t.http().get('/api/orders').set(manager.auth).expect(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).toContain(order.id);
    await t.http().post(`/api/orders/${order.id}/ship`).set(member.auth).send({}).expect(404);
    await t.http().post(`/api/orders/${order.id}/ship`).set(manager.auth).send({ trackingNo: 'YT1' }).expect(200);
  });

  it('never oversells: 300 concurrent checkouts of 1 unit against stock 50', async () => {
    const listing = await createListing(t, farmerA, { stock: 50, priceCents: 100 });
    const buyers = await Promise.all(Array.from({ length: 30 }, () => createUser(t, 'buyer')));
    const statuses = await Promise.all(
      Array.from({ length: 300 }, async (_, i) => {
        const res = await fetch(`${t.url}/api/checkouts`, {
          method: 'POST',
          headers: { ...buyers[i % 30].auth, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
          body: JSON.stringify({ items: [{ listingId: listing.id, quantity: 1 }], shippingAddress: SHIPPING_ADDRESS }),
        });
        const body = (await res.json()) as { listingIds?: string[] };
        if (res.status === 409) expect(body.listingIds).toEqual([listing.id]);
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 409)).toHaveLength(250);
    expect(await stockOf(t, listing.id)).toBe(0);
    const [{ sold }] = await t.db.query(`SELECT coalesce(sum(quantity), 0)::int AS sold FROM order_lines WHERE listing_id = $1`, [listing.id]);
    expect(sold).toBe(50);
  });

  it('never lets a deadlock reach a client when two buyers take X and Y in opposite orders', async () => {
    const x = await createListing(t, farmerA, { stock: 10_000 });
    const y = await createListing(t, farmerB, { stock: 10_000 });
    const other = await createUser(t, 'buyer');
    const rounds = 60;
    const statuses = await Promise.all(
      Array.from({ length: rounds }, (_, i) => {
        const items = i % 2 === 0 ? [x, y] : [y, x];
        return fetch(`${t.url}/api/checkouts`, {
          method: 'POST',
          headers: { ...(i % 2 ? buyer : other).auth, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
          body: JSON.stringify({ items: items.map((l) => ({ listingId: l.id, quantity: 1 })), shippingAddress: SHIPPING_ADDRESS }),
        }).then((r) => r.status);
      }),
    );
    expect(statuses.every((s) => s === 201)).toBe(true);
    expect(await stockOf(t, x.id)).toBe(10_000 - rounds);
    expect(await stockOf(t, y.id)).toBe(10_000 - rounds);
  });

  it('creates one checkout for the same Idempotency-Key sent 20 times at once', async () => {
    const listing = await createListing(t, farmerA, { stock: 100 });
    const key = randomUUID();
    const bodies = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${t.url}/api/checkouts`, {
          method: 'POST',
          headers: { ...buyer.auth, 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body: JSON.stringify({ items: [{ listingId: listing.id, quantity: 3 }], shippingAddress: SHIPPING_ADDRESS }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id: string } })),
      ),
    );
    expect(bodies.every((b) => b.status === 201)).toBe(true);
    expect(new Set(bodies.map((b) => b.body.id)).size).toBe(1);
    expect(new Set(bodies.map((b) => JSON.stringify(b.body))).size).toBe(1);
    expect(await stockOf(t, listing.id)).toBe(97);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM checkouts WHERE idempotency_key = $1`, [key]);
    expect(n).toBe(1);
    // The replays took stock in the round trip that found the key taken, and rolled it back: one take in the history.
    expect(await t.db.query(`SELECT delta, ref_id AS "refId" FROM listing_stock_changes WHERE listing_id = $1 AND reason = 'checkout'`, [listing.id]))
      .toEqual([{ delta: -3, refId: bodies[0].body.id }]);

    // The same key with another body is refused; no key at all is a 400.
    await checkout(t, buyer, [{ listingId: listing.id, quantity: 4 }], key).expect(422);
    await t.http().post('/api/checkouts').set(buyer.auth).send({ items: [{ listingId: listing.id, quantity: 1 }], shippingAddress: SHIPPING_ADDRESS }).expect(400);
    expect(await stockOf(t, listing.id)).toBe(97);
  });

  describe('bad carts change nothing', () => {
    let listing: { id: string };
    beforeAll(async () => {
      listing = await createListing(t, farmerA, { stock: 5 });
    });
    const cases: [string, number, () => { items: unknown; shippingAddress?: unknown }][] = [
      ['quantity 0', 400, () => ({ items: [{ listingId: listing.id, quantity: 0 }] })],
      ['quantity over 10,000', 400, () => ({ items: [{ listingId: listing.id, quantity: 10_001 }] })],
      ['a fractional quantity', 400, () => ({ items: [{ listingId: listing.id, quantity: 1.5 }] })],
      ['no items', 400, () => ({ items: [] })],
      ['51 lines', 400, () => ({ items: Array.from({ length: 51 }, () => ({ listingId: randomUUID(), quantity: 1 })) })],
      ['a listing twice', 400, () => ({ items: [{ listingId: listing.id, quantity: 1 }, { listingId: listing.id, quantity: 1 }] })],
      ['an unknown listing', 404, () => ({ items: [{ listingId: randomUUID(), quantity: 1 }] })],
      ['a price in the request', 400, () => ({ items: [{ listingId: listing.id, quantity: 1, priceCents: 1 }] })],
      ['an unknown shipping county', 400, () => ({ items: [{ listingId: listing.id, quantity: 1 }], shippingAddress: { ...SHIPPING_ADDRESS, countyCode: '110000' } })],
      ['no shipping address', 400, () => ({ items: [{ listingId: listing.id, quantity: 1 }], shippingAddress: null })],
      ['more than the stock', 409, () => ({ items: [{ listingId: listing.id, quantity: 6 }] })],
    ];
    it.each(cases)('%s → %i', async (_name, status, body) => {
      const before = await t.db.query(`SELECT (SELECT count(*) FROM checkouts)::int AS c, (SELECT count(*) FROM orders)::int AS o`);
      const b = body();
      const res = await t
        .http()
        .post('/api/checkouts')
        .set(buyer.auth)
        .set('Idempotency-Key', randomUUID())
        .send({ shippingAddress: SHIPPING_ADDRESS, ...b })
        .expect(status);
      expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.anything() });
      expect(await stockOf(t, listing.id)).toBe(5);
      expect(await t.db.query(`SELECT (SELECT count(*) FROM checkouts)::int AS c, (SELECT count(*) FROM orders)::int AS o`)).toEqual(before);
    });

    it('a paused listing → 422 naming it', async () => {
      const paused = await createListing(t, farmerA, { status: 'paused' });
      const res = await checkout(t, buyer, [{ listingId: paused.id, quantity: 1 }]).expect(422);
      expect(res.body.listingIds).toEqual([paused.id]);
    });

    it('only buyers check out', async () => {
      await checkout(t, farmerA, [{ listingId: listing.id, quantity: 1 }]).expect(403);
      await t.http().post('/api/checkouts').set('Idempotency-Key', 'k').send({}).expect(401);
    });
  });

  describe('cancel, timeout and payment', () => {
    it('cancel returns the stock once; cancelling again is 409 with the state', async () => {
      const listing = await createListing(t, farmerA, { stock: 10 });
      const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 4 }]).expect(201);
      const id = res.body.orders[0].id;
      const other = await createUser(t, 'buyer');
      await t.http().post(`/api/orders/${id}/cancel`).set(other.auth).send({}).expect(404);
      const cancelled = await t.http().post(`/api/orders/${id}/cancel`).set(buyer.auth).send({ reason: 'changed my mind' }).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'changed my mind' });
      expect(await stockOf(t, listing.id)).toBe(10);
      const again = await t.http().post(`/api/orders/${id}/cancel`).set(buyer.auth).send({}).expect(409);
      expect(again.body.status).toBe('cancelled');
      expect(await stockOf(t, listing.id)).toBe(10);
    });

    it('a paid order cancelled by its seller is refunded in full', async () => {
      const listing = await createListing(t, farmerA, { stock: 10, priceCents: 1234 });
      const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 2 }]).expect(201);
      await pay(buyer, res.body.payment.id).expect(200);
      const id = res.body.orders[0].id;
      const out = await t.http().post(`/api/orders/${id}/cancel`).set(farmerA.auth).send({}).expect(200);
      expect(out.body).toMatchObject({ status: 'cancelled', refundedCents: 2468 });
      expect(await stockOf(t, listing.id)).toBe(10);
      await t.http().post(`/api/orders/${id}/ship`).set(farmerA.auth).send({}).expect(409);
    });

    it('refunds: partial, then never above the total; never for unpaid orders', async () => {
      const listing = await createListing(t, farmerA, { stock: 10, priceCents: 1000 });
      const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 3 }]).expect(201);
      const id = res.body.orders[0].id;
      await t.http().post(`/api/orders/${id}/refunds`).set(farmerA.auth).send({ amountCents: 100, reason: 'x' }).expect(422);
      await pay(buyer, res.body.payment.id).expect(200);
      const r1 = await t.http().post(`/api/orders/${id}/refunds`).set(farmerA.auth).send({ amountCents: 1000, reason: '一箱压坏了' }).expect(201);
      expect(r1.body).toMatchObject({ orderId: id, amountCents: 1000, status: 'succeeded' });
      await t.http().post(`/api/orders/${id}/refunds`).set(farmerA.auth).send({ amountCents: 2001, reason: 'too much' }).expect(422);
      await t.http().post(`/api/orders/${id}/refunds`).set(buyer.auth).send({ amountCents: 1, reason: 'me' }).expect(403);
      await t.http().post(`/api/orders/${id}/refunds`).set(farmerA.auth).send({ amountCents: -5, reason: 'neg' }).expect(400);
      await t.http().post(`/api/orders/${id}/refunds`).set(farmerA.auth).send({ amountCents: 2000, reason: 'rest' }).expect(201);
      const order = await t.http().get(`/api/orders/${id}`).set(buyer.auth).expect(200);
      expect(order.body.refundedCents).toBe(3000);
    });

    it('a failed payment leaves the orders payable; a later success pays them', async () => {
      const listing = await createListing(t, farmerA, { stock: 10 });
      const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201);
      expect((await pay(buyer, res.body.payment.id, 'failed').expect(200)).body.status).toBe('failed');
      const order = await t.http().get(`/api/orders/${res.body.orders[0].id}`).set(buyer.auth).expect(200);
      expect(order.body.status).toBe('pending_payment');
      expect((await pay(buyer, res.body.payment.id).expect(200)).body.status).toBe('succeeded');
      expect((await t.http().get(`/api/orders/${res.body.orders[0].id}`).set(buyer.auth)).body.status).toBe('paid');
      // Another buyer cannot touch the payment.
      await pay(await createUser(t, 'buyer'), res.body.payment.id).expect(404);
    });

    it('the payment timeout cancels unpaid orders and returns their stock', async () => {
      const listing = await createListing(t, farmerA, { stock: 10 });
      const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 3 }]).expect(201);
      const fresh = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201);
      await t.db.query(`UPDATE orders SET placed_at = now() - interval '31 minutes' WHERE checkout_id = $1`, [res.body.id]);
      await t.app.get(OrdersService).expireUnpaidOrders();
      expect((await t.http().get(`/api/orders/${res.body.orders[0].id}`).set(buyer.auth)).body.status).toBe('cancelled');
      expect((await t.http().get(`/api/orders/${fresh.body.orders[0].id}`).set(buyer.auth)).body.status).toBe('pending_payment');
      expect(await stockOf(t, listing.id)).toBe(9);

      // The money arrives after all: it is refunded automatically and recorded.
      await pay(buyer, res.body.payment.id).expect(200);
      const order = await t.http().get(`/api/orders/${res.body.orders[0].id}`).set(buyer.auth).expect(200);
      expect(order.body).toMatchObject({ status: 'cancelled', refundedCents: order.body.totalCents, paidAt: null });
      const refunds = await t.db.query(`SELECT amount_cents::int AS amount, source FROM refunds WHERE order_id = $1`, [order.body.id]);
      expect(refunds).toEqual([{ amount: order.body.totalCents, source: 'system' }]);
    });

    it('cancel, timeout and payment racing each other return stock exactly once', async () => {
      const orders = t.app.get(OrdersService);
      for (let round = 0; round < 15; round++) {
        const listing = await createListing(t, farmerA, { stock: 20, priceCents: 700 });
        const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 5 }]).expect(201);
        const id = res.body.orders[0].id;
        await t.db.query(`UPDATE orders SET placed_at = now() - interval '31 minutes' WHERE id = $1`, [id]);
        const [cancelRes, , payRes] = await Promise.all([
          fetch(`${t.url}/api/orders/${id}/cancel`, { method: 'POST', headers: { ...buyer.auth, 'Content-Type': 'application/json' }, body: '{}' }),
          orders.expireUnpaidOrders(),
          fetch(`${t.url}/api/payments/${res.body.payment.id}/simulate`, {
            method: 'POST',
            headers: { ...buyer.auth, 'Content-Type': 'application/json' },
            body: JSON.stringify({ outcome: 'succeeded' }),
          }),
        ]);
        expect([200, 409]).toContain(cancelRes.status);
        expect(payRes.status).toBe(200);
        const [order] = await t.db.query(`SELECT status, refunded_cents::int AS refunded, paid_at FROM orders WHERE id = $1`, [id]);
        const stock = await stockOf(t, listing.id);
        if (order.status === 'cancelled') {
          expect(stock).toBe(20);
          expect(order.refunded).toBe(3500); // paid then cancelled, or cancelled then paid: the money goes back
        } else {
          expect(order.status).toBe('paid');
          expect(stock).toBe(15);
          expect(order.refunded).toBe(0);
        }
        const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM order_history WHERE order_id = $1 AND to_status = 'cancelled'`, [id]);
        expect(n).toBeLessThanOrEqual(1);
      }
    });
  });

  it('shows an order to its buyer, seller, officers and admins only (404 for others)', async () => {
    const listing = await createListing(t, farmerA, { stock: 10 });
    const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201);
    const id = res.body.orders[0].id;
    await t.http().get(`/api/orders/${id}`).set(buyer.auth).expect(200);
    await t.http().get(`/api/orders/${id}`).set(farmerA.auth).expect(200);
    await t.http().get(`/api/orders/${id}`).set((await createUser(t, 'officer')).auth).expect(200);
    await t.http().get(`/api/orders/${id}`).set((await createUser(t, 'admin')).auth).expect(200);
    await t.http().get(`/api/orders/${id}`).set((await createUser(t, 'buyer')).auth).expect(404);
    await t.http().get(`/api/orders/${id}`).set(farmerB.auth).expect(404);
    await t.http().get(`/api/orders/${randomUUID()}`).set(buyer.auth).expect(404);
    await t.http().get(`/api/orders/not-a-uuid`).set(buyer.auth).expect(400);
    await t.http().get(`/api/orders?pageSize=101`).set(buyer.auth).expect(400);
  });
});
