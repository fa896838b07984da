import { OrdersService } from '@farmlink/orders';
import { checkout, createCooperative, createUser, useTestApp } from '@farmlink/testing';

type Change = { delta: number; stockAfter: number; reason: string; actorId: string | null; actorName: string | null; refId: string | null; at: string };

describe('Stock history (e2e)', () => {
  const t = useTestApp();

  it('records creation, edit, checkout, cancellation and the payment timeout with who, why and the level after; newest first, paged', async () => {
    const farmer = await createUser(t, 'farmer');
    const buyer = await createUser(t, 'buyer');
    const created = await t.http().post('/api/listings').set(farmer.auth)
      .send({ title: '高山土豆', category: 'vegetables', unit: 'bag', netWeightGrams: 5000, priceCents: 3000, stock: 20 }).expect(201);
    const id = created.body.id as string;
    await t.http().patch(`/api/listings/${id}`).set(farmer.auth).send({ stock: 25 }).expect(200);
    await t.http().patch(`/api/listings/${id}`).set(farmer.auth).send({ title: '高山土豆 5kg' }).expect(200); // no stock change: no row
    const first = await checkout(t, buyer, [{ listingId: id, quantity: 3 }]).expect(201);
    const second = await checkout(t, buyer, [{ listingId: id, quantity: 2 }]).expect(201);
    await t.http().post(`/api/orders/${first.body.orders[0].id}/cancel`).set(buyer.auth).send({}).expect(200);
    await t.db.query(`UPDATE orders SET placed_at = now() - interval '31 minutes' WHERE checkout_id = $1`, [second.body.id]);
    await t.app.get(OrdersService).expireUnpaidOrders();

    const res = await t.http().get(`/api/listings/${id}/stock-history`).set(farmer.auth).expect(200);
    const items = res.body.items as Change[];
    expect(res.body.total).toBe(6);
    expect(items.map((c) => [c.reason, c.delta, c.stockAfter])).toEqual([
      ['payment_timeout', 2, 25],
      ['cancellation', 3, 23],
      ['checkout', -2, 20],
      ['checkout', -3, 22],
      ['edit', 5, 25],
      ['created', 20, 20],
    ]);
    expect(items[0].actorId).toBeNull();
    expect(items[0].refId).toBe(second.body.orders[0].id);
    expect(items[1]).toMatchObject({ actorId: buyer.id, refId: first.body.orders[0].id });
    expect(items[2]).toMatchObject({ actorId: buyer.id, refId: second.body.id });
    expect(items[4]).toMatchObject({ actorId: farmer.id, actorName: expect.any(String) });
    expect(new Date(items[5].at).getTime()).toBeLessThanOrEqual(new Date(items[0].at).getTime());

    const page2 = await t.http().get(`/api/listings/${id}/stock-history?page=2&pageSize=4`).set(farmer.auth).expect(200);
    expect(page2.body).toMatchObject({ total: 6, page: 2, pageSize: 4 });
    expect(page2.body.items.map((c: Change) => c.reason)).toEqual(['edit', 'created']);
  });

  it('the payment timeout cancelling several orders at once gives each listing a row naming its own order', async () => {
    const [f1, f2, buyer] = [await createUser(t, 'farmer'), await createUser(t, 'farmer'), await createUser(t, 'buyer')];
    const make = async (f: typeof f1) =>
      (await t.http().post('/api/listings').set(f.auth).send({ title: '核桃', category: 'nuts_seeds', unit: 'bag', netWeightGrams: 1000, priceCents: 2000, stock: 9 }).expect(201)).body.id as string;
    const [a, b] = [await make(f1), await make(f2)];
    const res = await checkout(t, buyer, [{ listingId: a, quantity: 2 }, { listingId: b, quantity: 4 }]).expect(201);
    expect(res.body.orders).toHaveLength(2); // one order per seller
    await t.db.query(`UPDATE orders SET placed_at = now() - interval '31 minutes' WHERE checkout_id = $1`, [res.body.id]);
    await t.app.get(OrdersService).expireUnpaidOrders();
    const orderOf = (farmerId: string) => res.body.orders.find((o: { sellerId?: string; farmerId?: string; lines: { listingId: string }[] }) => o.lines.some((l) => l.listingId === (farmerId === f1.id ? a : b))).id;
    for (const [id, f, qty] of [[a, f1, 2], [b, f2, 4]] as const) {
      const [latest] = (await t.http().get(`/api/listings/${id}/stock-history`).set(f.auth).expect(200)).body.items as Change[];
      expect(latest).toMatchObject({ reason: 'payment_timeout', delta: qty, stockAfter: 9, actorId: null, refId: orderOf(f.id) });
    }
  });

  it('a failed checkout (short of stock) leaves no history; only the farmer and the cooperative manager may read it', async () => {
    const manager = await createUser(t, 'farmer');
    const farmer = await createUser(t, 'farmer');
    const coop = await createCooperative(t, manager, [farmer]);
    const created = await t.http().post('/api/listings').set(farmer.auth)
      .send({ title: '蜂蜜', category: 'processed', unit: 'jar', netWeightGrams: 500, priceCents: 6800, stock: 2, cooperativeId: coop }).expect(201);
    const id = created.body.id as string;
    await checkout(t, await createUser(t, 'buyer'), [{ listingId: id, quantity: 3 }]).expect(409);
    const mine = await t.http().get(`/api/listings/${id}/stock-history`).set(farmer.auth).expect(200);
    expect(mine.body.items.map((c: Change) => c.reason)).toEqual(['created']);
    await t.http().get(`/api/listings/${id}/stock-history`).set(manager.auth).expect(200);
    await t.http().get(`/api/listings/${id}/stock-history`).set((await createUser(t, 'farmer')).auth).expect(403);
    await t.http().get(`/api/listings/${id}/stock-history`).set((await createUser(t, 'buyer')).auth).expect(403);
    await t.http().get(`/api/listings/${id}/stock-history`).expect(401);
    await t.http().get(`/api/listings/00000000-0000-4000-8000-000000000000/stock-history`).set(farmer.auth).expect(404);
    await t.http().get(`/api/listings/${id}/stock-history?pageSize=0`).set(farmer.auth).expect(400);
  });
});
