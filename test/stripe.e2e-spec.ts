import { basisPoints } from '@farmlink/shared';
import { OrdersService } from '@farmlink/orders';
import { PaymentsService } from '@farmlink/payments';
import { checkout, COUNTIES, createListing, TestUser, useFakeStripe, useTestApp, useUsers } from '@farmlink/testing';

const FEE_BPS = 250; // 2.5 %

describe('Payments with Stripe (e2e, real SDK against a local fake Stripe)', () => {
  const stripe = useFakeStripe();
  const t = useTestApp(() => stripe.env({ STRIPE_PAYMENT_METHODS: 'card,alipay,wechat_pay', PLATFORM_FEE_BPS: String(FEE_BPS) }));
  const { farmerA, farmerB, buyer, admin } = useUsers(t, {
    farmerA: ['farmer', { countyCode: COUNTIES.tongzi }],
    farmerB: ['farmer', { countyCode: COUNTIES.leishan }],
    buyer: 'buyer',
    admin: 'admin',
  });

  const deliver = (event: unknown, opts: { timestamp?: number; secret?: string } = {}) => {
    const { payload, signature } = stripe.sign(event, opts);
    return t.http().post('/api/payments/stripe/webhook').set('Content-Type', 'application/json').set('Stripe-Signature', signature).send(payload);
  };
  const intentOf = async (paymentId: string): Promise<string> => {
    const [row] = await t.db.query(`SELECT provider_ref FROM payments WHERE id = $1`, [paymentId]);
    return row.provider_ref;
  };
  const order = async (id: string) => (await t.http().get(`/api/orders/${id}`).set(buyer.auth).expect(200)).body;
  const ledgerOf = async (farmer: TestUser) => (await t.http().get('/api/sellers/me/ledger?pageSize=100').set(farmer.auth).expect(200)).body;
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const reconcile = async () => (await t.http().get(`/api/admin/reconciliation?from=${today()}&to=${today()}`).set(admin.auth).expect(200)).body;

  /** A two-farm checkout: farmer A 2 × 3990, farmer B 1 × 12800. */
  async function twoFarmCheckout() {
    const kiwi = await createListing(t, farmerA, { priceCents: 3990, stock: 50 });
    const tea = await createListing(t, farmerB, { priceCents: 12800, stock: 50, category: 'tea', netWeightGrams: 250 });
    const res = await checkout(t, buyer, [
      { listingId: kiwi.id, quantity: 2 },
      { listingId: tea.id, quantity: 1 },
    ]).expect(201);
    const orderA = res.body.orders.find((o: { sellerId: string }) => o.sellerId === farmerA.id);
    const orderB = res.body.orders.find((o: { sellerId: string }) => o.sellerId === farmerB.id);
    return { res, orderA, orderB, intent: await intentOf(res.body.payment.id) };
  }

  it('checkout → PaymentIntent → signed success webhook → paid → partial refund → charge.refunded; ledger and reconciliation agree to the fen', async () => {
    const before = stripe.requestsTo('POST', '/v1/payment_intents').length;
    const { res, orderA, orderB, intent } = await twoFarmCheckout();

    // One PaymentIntent for the checkout total, in fen, with our ids and an idempotency key.
    expect(res.body.payment).toMatchObject({ provider: 'stripe', status: 'pending', amountCents: 20780 });
    const created = stripe.requestsTo('POST', '/v1/payment_intents').slice(before);
    expect(created).toHaveLength(1);
    expect(created[0].body).toMatchObject({
      amount: '20780',
      currency: 'cny',
      allowed_payment_method_types: ['card', 'alipay', 'wechat_pay'],
      metadata: { checkout_id: res.body.id, payment_id: res.body.payment.id },
    });
    expect(created[0].idempotencyKey).toBe(`farmlink-pi-${res.body.id}-20780-cny`);
    expect(res.body.payment.clientSecret).toBe(stripe.paymentIntents.get(intent)!.client_secret);

    // The buyer pays at Stripe; the webhook marks both orders paid.
    const ack = await deliver(stripe.event('payment_intent.succeeded', stripe.succeed(intent))).expect(200);
    expect(ack.body).toMatchObject({ received: true, processed: true });
    expect((await order(orderA.id)).status).toBe('paid');
    expect((await order(orderB.id)).status).toBe('paid');
    const payment = await t.http().get(`/api/payments/${res.body.payment.id}`).set(buyer.auth).expect(200);
    expect(payment.body.status).toBe('succeeded');

    // Farmer A refunds part of the order: the refund goes to Stripe with a key derived from the refund id.
    const refund = await t.http().post(`/api/orders/${orderA.id}/refunds`).set(farmerA.auth).send({ amountCents: 1000, reason: '一箱压坏了' }).expect(201);
    expect(refund.body).toMatchObject({ amountCents: 1000, status: 'succeeded' });
    const sent = stripe.requestsTo('POST', '/v1/refunds').filter((r) => r.body.metadata && (r.body.metadata as Record<string, string>).refund_id === refund.body.id);
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toMatchObject({ payment_intent: intent, amount: '1000' });
    expect(sent[0].idempotencyKey).toBe(`farmlink-refund-${refund.body.id}`);
    expect((await order(orderA.id)).refundedCents).toBe(1000);

    // Stripe then tells us about that refund: it is ours, nothing is added.
    await deliver(stripe.event('charge.refunded', stripe.charge(intent))).expect(200);
    const refunds = await t.db.query(`SELECT amount_cents::int AS amount, status, source, provider_ref FROM refunds WHERE order_id = $1`, [orderA.id]);
    expect(refunds).toEqual([{ amount: 1000, status: 'succeeded', source: 'seller', provider_ref: expect.stringMatching(/^re_/) }]);
    expect((await order(orderA.id)).refundedCents).toBe(1000);

    // The ledger: sale credited, 2.5 % fee debited, refund debited, fee returned pro rata.
    const ledger = await ledgerOf(farmerA);
    const entries = ledger.items.filter((e: { orderId: string }) => e.orderId === orderA.id);
    const byKind = Object.fromEntries(entries.map((e: { kind: string; amountCents: number }) => [e.kind, e.amountCents]));
    expect(byKind).toEqual({ sale: 7980, fee: -basisPoints(7980, FEE_BPS), refund: -1000, fee_refund: basisPoints(7980, FEE_BPS) - basisPoints(6980, FEE_BPS) });
    expect(ledger.balanceCents).toBe(6980 - basisPoints(6980, FEE_BPS));
    expect((await ledgerOf(farmerB)).balanceCents).toBe(12800 - basisPoints(12800, FEE_BPS));

    const report = await reconcile();
    expect(report.mismatches).toEqual([]);
    expect(report.paymentsSucceededCents).toBeGreaterThanOrEqual(20780);
    expect(report.netCents).toBe(report.ordersNetCents);
  });

  it('a refund Stripe answers "pending" stays pending until charge.refunded says succeeded', async () => {
    const { orderA, intent } = await twoFarmCheckout();
    await deliver(stripe.event('payment_intent.succeeded', stripe.succeed(intent))).expect(200);
    stripe.refundStatus = 'pending';
    try {
      const refund = await t.http().post(`/api/orders/${orderA.id}/refunds`).set(farmerA.auth).send({ amountCents: 500, reason: 'late' }).expect(201);
      expect(refund.body.status).toBe('pending');
      const [row] = await t.db.query(`SELECT status FROM refunds WHERE id = $1`, [refund.body.id]);
      expect(row.status).toBe('pending');
      for (const r of stripe.refunds.values()) if (r.payment_intent === intent) r.status = 'succeeded';
      await deliver(stripe.event('charge.refunded', stripe.charge(intent))).expect(200);
      const [after] = await t.db.query(`SELECT status FROM refunds WHERE id = $1`, [refund.body.id]);
      expect(after.status).toBe('succeeded');
      expect((await order(orderA.id)).refundedCents).toBe(500);
    } finally {
      stripe.refundStatus = 'succeeded';
    }
  });

  it("records a refund made in Stripe's dashboard, shared among the payment's orders, once", async () => {
    const { orderA, orderB, intent } = await twoFarmCheckout(); // A 7980, B 12800
    await deliver(stripe.event('payment_intent.succeeded', stripe.succeed(intent))).expect(200);
    stripe.dashboardRefund(intent, 2078); // 10 % of 20780
    const event = stripe.event('charge.refunded', stripe.charge(intent));
    await deliver(event).expect(200);
    await deliver(event).expect(200);
    await deliver(stripe.event('charge.refunded', stripe.charge(intent))).expect(200); // another event, same refund
    const a = await order(orderA.id);
    const b = await order(orderB.id);
    expect(a.refundedCents + b.refundedCents).toBe(2078);
    expect(a.refundedCents).toBe(798);
    expect(b.refundedCents).toBe(1280);
    const rows = await t.db.query(
      `SELECT source, count(*)::int AS n, sum(amount_cents)::int AS amount FROM refunds WHERE order_id = ANY($1::uuid[]) GROUP BY source`,
      [[orderA.id, orderB.id]],
    );
    expect(rows).toEqual([{ source: 'provider', n: 2, amount: 2078 }]);
    expect((await reconcile()).mismatches).toEqual([]);
  });

  it('a dashboard refund racing a seller refund is shared by what is really left: never a 5xx, never more than a total', async () => {
    for (let round = 0; round < 5; round++) {
      const { res, orderA, orderB, intent } = await twoFarmCheckout(); // A 7980, B 12800
      await deliver(stripe.event('payment_intent.succeeded', stripe.succeed(intent))).expect(200);
      // Farmer A refunds all of A while a dashboard refund of exactly what B is worth arrives:
      // shared by what is left, it all belongs to B.
      stripe.dashboardRefund(intent, 12800);
      const [seller, hook] = await Promise.all([
        t.http().post(`/api/orders/${orderA.id}/refunds`).set(farmerA.auth).send({ amountCents: 7980, reason: 'whole order' }),
        deliver(stripe.event('charge.refunded', stripe.charge(intent))),
      ]);
      // Whoever is first wins what is left; the other is refused (422) or shared accordingly — never a 5xx.
      expect([201, 422]).toContain(seller.status);
      expect(hook.status).toBe(200);
      await deliver(stripe.event('charge.refunded', stripe.charge(intent))).expect(200);
      const a = await order(orderA.id);
      const b = await order(orderB.id);
      expect(a.refundedCents).toBeLessThanOrEqual(7980);
      expect(b.refundedCents).toBeLessThanOrEqual(12800);
      expect(a.refundedCents + b.refundedCents).toBeLessThanOrEqual(res.body.totalCents);
    }
  });

  it('the same event delivered 5 times, then 5 times at once, is acted on once', async () => {
    const { res, orderA, intent } = await twoFarmCheckout();
    const event = stripe.event('payment_intent.succeeded', stripe.succeed(intent));
    const sequential = [];
    for (let i = 0; i < 5; i++) sequential.push((await deliver(event).expect(200)).body.processed);
    expect(sequential).toEqual([true, false, false, false, false]);

    const { res: res2, orderA: orderA2, intent: intent2 } = await twoFarmCheckout();
    const { payload, signature } = stripe.sign(stripe.event('payment_intent.succeeded', stripe.succeed(intent2)));
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${t.url}/api/payments/stripe/webhook`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body: payload }).then(
          async (r) => ({ status: r.status, body: (await r.json()) as { processed: boolean } }),
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.body.processed)).toHaveLength(1);

    for (const [o, checkoutId] of [
      [orderA, res.body.id],
      [orderA2, res2.body.id],
    ]) {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM order_history WHERE order_id = $1 AND to_status = 'paid'`, [o.id]);
      expect(n).toBe(1);
      const [{ sales }] = await t.db.query(`SELECT count(*)::int AS sales FROM seller_ledger_entries WHERE order_id = $1 AND kind = 'sale'`, [o.id]);
      expect(sales).toBe(1);
      expect((await order(o.id)).status).toBe('paid');
      expect(checkoutId).toEqual(expect.any(String));
    }
  });

  it('events out of order end the same: a refund before the success, a failure and a cancel after it', async () => {
    // In order, for reference.
    const inOrder = await twoFarmCheckout();
    await deliver(stripe.event('payment_intent.succeeded', stripe.succeed(inOrder.intent))).expect(200);
    stripe.dashboardRefund(inOrder.intent, 1000);
    await deliver(stripe.event('charge.refunded', stripe.charge(inOrder.intent))).expect(200);

    // Out of order: the failure (an earlier attempt) and the refund arrive first, the success last, a cancel after.
    const late = await twoFarmCheckout();
    const failed = stripe.event('payment_intent.payment_failed', stripe.fail(late.intent));
    const succeeded = stripe.event('payment_intent.succeeded', stripe.succeed(late.intent));
    stripe.dashboardRefund(late.intent, 1000);
    await deliver(stripe.event('charge.refunded', stripe.charge(late.intent))).expect(200);
    await deliver(succeeded).expect(200);
    await deliver(failed).expect(200);
    await deliver(stripe.event('payment_intent.canceled', { ...stripe.paymentIntents.get(late.intent), status: 'canceled' })).expect(200);

    const summary = async (x: typeof inOrder) => {
      const [p] = await t.db.query(`SELECT status FROM payments WHERE id = $1`, [x.res.body.payment.id]);
      const orders = await Promise.all([x.orderA, x.orderB].map(async (o) => {
        const body = await order(o.id);
        return { status: body.status, refundedCents: body.refundedCents };
      }));
      const [{ ledger }] = await t.db.query(`SELECT sum(amount_cents)::int AS ledger FROM seller_ledger_entries WHERE payment_id = $1`, [x.res.body.payment.id]);
      return { payment: p.status, orders, ledger };
    };
    const expected = await summary(inOrder);
    expect(expected.payment).toBe('succeeded');
    expect(expected.orders.map((o) => o.status)).toEqual(['paid', 'paid']);
    expect(await summary(late)).toEqual(expected);
    expect((await reconcile()).mismatches).toEqual([]);
  });

  describe('a webhook that is not from Stripe changes nothing', () => {
    let intent: string;
    let orderId: string;
    let event: Record<string, unknown>;

    beforeAll(async () => {
      const c = await twoFarmCheckout();
      intent = c.intent;
      orderId = c.orderA.id;
      event = stripe.event('payment_intent.succeeded', stripe.succeed(intent));
    });

    const nothingChanged = async () => {
      expect((await order(orderId)).status).toBe('pending_payment');
      const rows = await t.db.query(`SELECT 1 FROM webhook_events WHERE id = $1`, [event.id]);
      expect(rows).toHaveLength(0);
    };

    it('signed with another secret → 400', async () => {
      const res = await deliver(event, { secret: 'whsec_not_ours' }).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
      await nothingChanged();
    });

    it('a tampered body → 400', async () => {
      const { signature } = stripe.sign(event);
      const tampered = JSON.stringify({ ...event, data: { object: { ...(event.data as { object: object }).object, amount_received: 1 } } });
      await t.http().post('/api/payments/stripe/webhook').set('Content-Type', 'application/json').set('Stripe-Signature', signature).send(tampered).expect(400);
      await nothingChanged();
    });

    it('a timestamp outside the tolerance (10 minutes old) → 400', async () => {
      await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 600 }).expect(400);
      await nothingChanged();
    });

    it('no signature, or garbage → 400', async () => {
      await t.http().post('/api/payments/stripe/webhook').set('Content-Type', 'application/json').send(JSON.stringify(event)).expect(400);
      await t.http().post('/api/payments/stripe/webhook').set('Content-Type', 'application/json').set('Stripe-Signature', 'garbage').send(JSON.stringify(event)).expect(400);
      await nothingChanged();
    });

    it('the genuine delivery then works (so the checks above could fail)', async () => {
      await deliver(event).expect(200);
      expect((await order(orderId)).status).toBe('paid');
    });
  });

  it('money that arrives after the timeout cancelled the orders is refunded through Stripe and recorded', async () => {
    const { res, orderA, orderB, intent } = await twoFarmCheckout();
    await t.db.query(`UPDATE orders SET placed_at = now() - interval '31 minutes' WHERE checkout_id = $1`, [res.body.id]);
    await t.app.get(OrdersService).expireUnpaidOrders();
    expect((await order(orderA.id)).status).toBe('cancelled');

    await deliver(stripe.event('payment_intent.succeeded', stripe.succeed(intent))).expect(200);
    for (const o of [orderA, orderB]) {
      const body = await order(o.id);
      expect(body).toMatchObject({ status: 'cancelled', paidAt: null, refundedCents: o.totalCents });
      const refunds = await t.db.query(`SELECT id, amount_cents::int AS amount, source, status, provider_ref FROM refunds WHERE order_id = $1`, [o.id]);
      expect(refunds).toEqual([{ id: expect.any(String), amount: o.totalCents, source: 'system', status: 'succeeded', provider_ref: expect.stringMatching(/^re_/) }]);
      // Really sent to Stripe, once, with our refund id.
      const sent = stripe.requestsTo('POST', '/v1/refunds').filter((r) => (r.body.metadata as Record<string, string>)?.refund_id === refunds[0].id);
      expect(sent).toHaveLength(1);
      expect(sent[0].body).toMatchObject({ payment_intent: intent, amount: String(o.totalCents) });
    }
    // Never paid, so never in the ledger.
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM seller_ledger_entries WHERE payment_id = $1`, [res.body.payment.id]);
    expect(n).toBe(0);
    const refunded = [...stripe.refunds.values()].filter((r) => r.payment_intent === intent).reduce((s, r) => s + r.amount, 0);
    expect(refunded).toBe(20780);
    expect((await reconcile()).mismatches).toEqual([]);
  });

  it('an unknown PaymentIntent is recorded and answered 200; the route is public and not rate limited', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => deliver(stripe.event('payment_intent.succeeded', { id: `pi_unknown_${i}`, object: 'payment_intent', amount: 100, amount_received: 100, currency: 'cny', metadata: {} })).then((r) => r.status)),
    );
    expect(new Set(statuses)).toEqual(new Set([200]));
    const [row] = await t.db.query(`SELECT outcome FROM webhook_events WHERE object_ref = 'pi_unknown_0'`);
    expect(row.outcome).toMatch(/unknown payment intent/);
  });

  it('when Stripe is down the checkout answers 503; the same Idempotency-Key later finishes it with one PaymentIntent', async () => {
    const listing = await createListing(t, farmerA, { priceCents: 800, stock: 5 });
    const key = `retry-${Date.now()}`;
    const before = stripe.paymentIntents.size;
    stripe.failNext = 3; // the SDK tries 3 times (maxNetworkRetries 2)
    const down = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }], key).expect(503);
    expect(down.body).toMatchObject({ statusCode: 503, message: expect.stringMatching(/payment provider/i) });
    expect(stripe.failNext).toBe(0);
    const again = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }], key).expect(201);
    expect(again.body.payment.clientSecret).toMatch(/^pi_.*_secret_/);
    expect(stripe.paymentIntents.size).toBe(before + 1);
    const third = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }], key).expect(201);
    expect(third.body.payment.clientSecret).toBe(again.body.payment.clientSecret);
    expect(stripe.paymentIntents.size).toBe(before + 1);
  });

  it('a refund Stripe could not be reached for stays pending and is sent again later, once', async () => {
    const { orderB, intent } = await twoFarmCheckout();
    await deliver(stripe.event('payment_intent.succeeded', stripe.succeed(intent))).expect(200);
    stripe.failNext = 3;
    const refund = await t.http().post(`/api/orders/${orderB.id}/refunds`).set(farmerB.auth).send({ amountCents: 2800, reason: '少发一盒' }).expect(201);
    expect(refund.body.status).toBe('pending');
    expect((await order(orderB.id)).refundedCents).toBe(2800);
    expect(await t.app.get(PaymentsService).retryUnsentRefunds(0)).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.query(`SELECT status, provider_ref FROM refunds WHERE id = $1`, [refund.body.id]);
    expect(row).toEqual({ status: 'succeeded', provider_ref: expect.stringMatching(/^re_/) });
    const atStripe = [...stripe.refunds.values()].filter((r) => r.metadata.refund_id === refund.body.id);
    expect(atStripe).toHaveLength(1);
    expect(atStripe[0].amount).toBe(2800);
    expect((await reconcile()).mismatches).toEqual([]);
  });

  it('reconciliation lists a mismatch planted in the data', async () => {
    const { orderA, intent } = await twoFarmCheckout();
    await deliver(stripe.event('payment_intent.succeeded', stripe.succeed(intent))).expect(200);
    expect((await reconcile()).mismatches).toEqual([]);
    // Someone marks 100 fen refunded straight in the database: no refund, no ledger entry, no money moved.
    await t.db.query(`UPDATE orders SET refunded_cents = refunded_cents + 100 WHERE id = $1`, [orderA.id]);
    const report = await reconcile();
    const checks = report.mismatches.filter((m: { orderId: string | null; paymentId: string | null }) => m.orderId === orderA.id).map((m: { check: string }) => m.check).sort();
    expect(checks).toEqual(['ledger_fee', 'ledger_refunds', 'refunds_vs_order']);
    expect(report.mismatches).toContainEqual(expect.objectContaining({ check: 'ledger_refunds', orderId: orderA.id, expectedCents: 100, actualCents: 0 }));
    expect(report.mismatches).toContainEqual(expect.objectContaining({ check: 'payment_net_vs_orders' }));
    await t.db.query(`UPDATE orders SET refunded_cents = refunded_cents - 100 WHERE id = $1`, [orderA.id]);
    expect((await reconcile()).mismatches).toEqual([]);
  });
});
