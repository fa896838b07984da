import { randomUUID } from 'node:crypto';
import { basisPoints } from '@farmlink/shared';
import { checkout, COUNTIES, createCooperative, createListing, createUser, useTestApp, useUsers } from '@farmlink/testing';

const FEE_BPS = 300; // 3 %

describe('Seller ledger and reconciliation with the simulated provider (e2e)', () => {
  const t = useTestApp({ PLATFORM_FEE_BPS: String(FEE_BPS) });
  const { farmer, manager, member, buyer, admin } = useUsers(t, {
    farmer: ['farmer', { countyCode: COUNTIES.lankao }],
    manager: ['farmer', { countyCode: COUNTIES.tongzi }],
    member: ['farmer', { countyCode: COUNTIES.zhengan }],
    buyer: 'buyer',
    admin: 'admin',
  });
  let coopId: string;

  beforeAll(async () => {
    coopId = await createCooperative(t, manager, [member]);
  });

  const pay = (paymentId: string) => t.http().post(`/api/payments/${paymentId}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const reconcile = async () => (await t.http().get(`/api/admin/reconciliation?from=${today()}&to=${today()}`).set(admin.auth).expect(200)).body;

  it('credits sales, debits fees and refunds (fee returned pro rata); the ledger sums to what the orders say', async () => {
    const own = await createListing(t, manager, { priceCents: 1999, stock: 20 }); // sold by the manager as a farmer
    const coop = await createListing(t, member, { priceCents: 3333, stock: 20, cooperativeId: coopId }); // sold by the cooperative
    const other = await createListing(t, farmer, { priceCents: 4567, stock: 20 });
    const res = await checkout(t, buyer, [
      { listingId: own.id, quantity: 3 },
      { listingId: coop.id, quantity: 2 },
      { listingId: other.id, quantity: 1 },
    ]).expect(201);
    const orderOf = (sellerId: string) => res.body.orders.find((o: { sellerId: string }) => o.sellerId === sellerId);
    const ownOrder = orderOf(manager.id); // 5997
    const coopOrder = orderOf(coopId); // 6666

    // Nothing is credited before the money arrives.
    expect((await t.http().get('/api/sellers/me/ledger').set(manager.auth).expect(200)).body).toMatchObject({ items: [], total: 0, balanceCents: 0 });
    await pay(res.body.payment.id);

    // Two partial refunds of the cooperative's order, one by its manager.
    await t.http().post(`/api/orders/${coopOrder.id}/refunds`).set(manager.auth).send({ amountCents: 1001, reason: '一袋破了' }).expect(201);
    await t.http().post(`/api/orders/${coopOrder.id}/refunds`).set(admin.auth).send({ amountCents: 17, reason: '运费差价' }).expect(201);

    const ledger = (await t.http().get('/api/sellers/me/ledger').set(manager.auth).expect(200)).body;
    // The manager sees their own ledger and the cooperative's.
    expect(new Set(ledger.items.map((e: { sellerId: string }) => e.sellerId))).toEqual(new Set([manager.id, coopId]));
    const sum = (sellerId: string) => ledger.items.filter((e: { sellerId: string }) => e.sellerId === sellerId).reduce((s: number, e: { amountCents: number }) => s + e.amountCents, 0);
    expect(sum(manager.id)).toBe(5997 - basisPoints(5997, FEE_BPS));
    const coopNet = 6666 - 1001 - 17;
    expect(sum(coopId)).toBe(coopNet - basisPoints(coopNet, FEE_BPS));
    expect(ledger.balances).toEqual([
      { sellerType: 'farmer', sellerId: manager.id, balanceCents: sum(manager.id) },
      { sellerType: 'cooperative', sellerId: coopId, balanceCents: sum(coopId) },
    ]);
    expect(ledger.balanceCents).toBe(sum(manager.id) + sum(coopId));
    for (const e of ledger.items) expect(Number.isInteger(e.amountCents)).toBe(true);
    expect(ledger.items.filter((e: { orderId: string }) => e.orderId === ownOrder.id).map((e: { kind: string }) => e.kind).sort()).toEqual(['fee', 'sale']);
    // Each entry names its order by the readable number the seller sees everywhere else.
    const [{ order_no }] = await t.db.query(`SELECT order_no FROM orders WHERE id = $1`, [ownOrder.id]);
    expect(ledger.items.filter((e: { orderId: string }) => e.orderId === ownOrder.id).map((e: { orderNo: string }) => e.orderNo)).toEqual([order_no, order_no]);

    // One seller only, and the balance endpoint.
    const coopOnly = await t.http().get(`/api/sellers/me/ledger?sellerType=cooperative&sellerId=${coopId}&pageSize=2`).set(manager.auth).expect(200);
    expect(coopOnly.body).toMatchObject({ total: 6, page: 1, pageSize: 2, balanceCents: sum(coopId) });
    expect(coopOnly.body.items).toHaveLength(2);
    const balance = await t.http().get('/api/sellers/me/balance').set(manager.auth).expect(200);
    expect(balance.body).toMatchObject({ balanceCents: ledger.balanceCents, currency: 'CNY' });

    // A member of the cooperative who does not manage it sees only their own (empty) ledger.
    const mine = await t.http().get('/api/sellers/me/ledger').set(member.auth).expect(200);
    expect(mine.body).toMatchObject({ total: 0, balanceCents: 0, balances: [{ sellerType: 'farmer', sellerId: member.id, balanceCents: 0 }] });
    await t.http().get(`/api/sellers/me/ledger?sellerType=cooperative&sellerId=${coopId}`).set(member.auth).expect(404);
    expect((await t.http().get('/api/sellers/me/ledger').set(farmer.auth).expect(200)).body.balanceCents).toBe(4567 - basisPoints(4567, FEE_BPS));

    const report = await reconcile();
    expect(report.mismatches).toEqual([]);
    expect(report.netCents).toBe(report.ordersNetCents);
  });

  it('a paid order cancelled by its seller is debited in full, fee returned', async () => {
    const listing = await createListing(t, farmer, { priceCents: 1234, stock: 10 });
    const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 3 }]).expect(201);
    await pay(res.body.payment.id);
    const id = res.body.orders[0].id;
    await t.http().post(`/api/orders/${id}/cancel`).set(farmer.auth).send({}).expect(200);
    const [{ net }] = await t.db.query(`SELECT sum(amount_cents)::int AS net FROM seller_ledger_entries WHERE order_id = $1`, [id]);
    expect(net).toBe(0);
    expect((await reconcile()).mismatches).toEqual([]);
  });

  it('the ledger is append-only', async () => {
    await expect(t.db.query(`UPDATE seller_ledger_entries SET amount_cents = amount_cents + 1`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM seller_ledger_entries`)).rejects.toThrow(/append-only/);
  });

  it('reconciliation finds a ledger entry planted for an order that was never paid', async () => {
    const listing = await createListing(t, farmer, { priceCents: 500, stock: 10 });
    const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201);
    const id = res.body.orders[0].id;
    expect((await reconcile()).mismatches).toEqual([]);
    await t.db.query(
      `INSERT INTO seller_ledger_entries (seller_type, seller_id, kind, amount_cents, order_id, payment_id) VALUES ('farmer', $1, 'sale', 500, $2, $3)`,
      [farmer.id, id, res.body.payment.id],
    );
    const report = await reconcile();
    expect(report.mismatches).toEqual([expect.objectContaining({ check: 'ledger_for_unpaid_order', orderId: id, expectedCents: 0, actualCents: 500 })]);
  });

  it("the simulated pay button: another buyer's call is 404 and pays nothing; paying twice credits once", async () => {
    const listing = await createListing(t, farmer, { priceCents: 2500, stock: 10 });
    const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 2 }]).expect(201);
    const paymentId = res.body.payment.id as string;
    const stranger = await createUser(t, 'buyer');
    await t.http().post(`/api/payments/${paymentId}/simulate`).set(stranger.auth).send({ outcome: 'succeeded' }).expect(404);
    const [before] = await t.db.query(`SELECT status FROM payments WHERE id = $1`, [paymentId]);
    expect(before.status).toBe('pending');
    expect(await t.db.query(`SELECT 1 FROM orders WHERE checkout_id = $1 AND status = 'paid'`, [res.body.id])).toHaveLength(0);

    const first = await pay(paymentId);
    const again = await pay(paymentId);
    expect(first.body.status).toBe('succeeded');
    expect(again.body.status).toBe('succeeded');
    const ledger = await t.db.query(`SELECT kind FROM seller_ledger_entries WHERE payment_id = $1 AND kind = 'sale'`, [paymentId]);
    expect(ledger).toHaveLength(1);
    const history = await t.db.query(`SELECT 1 FROM order_history h JOIN orders o ON o.id = h.order_id WHERE o.checkout_id = $1 AND h.to_status = 'paid'`, [res.body.id]);
    expect(history).toHaveLength(1);
  });

  it('who may call what, and bad input', async () => {
    await t.http().get('/api/sellers/me/ledger').set(buyer.auth).expect(403);
    await t.http().get('/api/sellers/me/ledger').expect(401);
    await t.http().get('/api/sellers/me/ledger?sellerType=cooperative').set(manager.auth).expect(400);
    await t.http().get('/api/sellers/me/ledger?sellerId=nope&sellerType=farmer').set(manager.auth).expect(400);
    await t.http().get('/api/sellers/me/ledger?pageSize=101').set(manager.auth).expect(400);
    await t.http().get(`/api/sellers/me/ledger?sellerType=cooperative&sellerId=${randomUUID()}`).set(manager.auth).expect(404);
    await t.http().get(`/api/admin/reconciliation?from=${today()}&to=${today()}`).set(farmer.auth).expect(403);
    const bad = await t.http().get('/api/admin/reconciliation?from=2026-02-30&to=2026-03-01').set(admin.auth).expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    await t.http().get('/api/admin/reconciliation?from=2026-03-02&to=2026-03-01').set(admin.auth).expect(400);
    await t.http().get('/api/admin/reconciliation').set(admin.auth).expect(400);
    // The Stripe webhook does not exist without Stripe.
    await t.http().post('/api/payments/stripe/webhook').set('Content-Type', 'application/json').set('Stripe-Signature', 't=1,v1=x').send('{}').expect(404);
  });
});
