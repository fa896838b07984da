import { randomUUID } from 'node:crypto';
import { checkout, COUNTIES, createCooperative, createListing, createUser, TestUser, useTestApp } from '@farmlink/testing';

/**
 * The API side of issue #16's shop and farm items: stable error codes beside the
 * contract's { statusCode, error, message } (item 8), the cooperative manager's
 * farmer search (item 10), ledger order (item 10), the seller's name on orders, the
 * orders of one payment (items 12, 13), and a listing created paused (item 7).
 */
describe('Shop and farm: error codes, member search, seller names (e2e)', () => {
  const t = useTestApp();
  let farmer: TestUser;
  let buyer: TestUser;

  beforeAll(async () => {
    farmer = await createUser(t, 'farmer', { displayName: '王芳' });
    buyer = await createUser(t, 'buyer');
  });

  describe('error bodies carry a stable code', () => {
    it('a domain error: { statusCode, error, message } as before, plus code', async () => {
      const id = randomUUID();
      const res = await t.http().get(`/api/listings/${id}`).expect(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: `Listing ${id} not found`, code: 'LISTING_NOT_FOUND' });
    });

    it('short of stock is OUT_OF_STOCK with the listing ids', async () => {
      const listing = await createListing(t, farmer, { stock: 3 });
      const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 5 }]).expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, code: 'OUT_OF_STOCK', listingIds: [listing.id] });
    });

    it('a route for another role is ROLE_REQUIRED with the roles (no user id or English to show)', async () => {
      const res = await t.http().post('/api/cooperatives').set(buyer.auth).send({ name: 'x', countyCode: COUNTIES.tongzi }).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'ROLE_REQUIRED', roles: ['farmer'] });
    });

    it('adding a non-farmer to a cooperative is NOT_A_FARMER', async () => {
      const coop = await createCooperative(t, farmer);
      const res = await t.http().post(`/api/cooperatives/${coop}/members`).set(farmer.auth).send({ farmerId: buyer.id }).expect(422);
      expect(res.body).toMatchObject({ code: 'NOT_A_FARMER' });
    });

    it('a body the validation refuses is VALIDATION_FAILED; no token is UNAUTHORIZED; a photo limit carries its number', async () => {
      const bad = await t.http().post('/api/listings').set(farmer.auth).send({ title: '' }).expect(400);
      expect(bad.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: expect.any(Array) });
      const anon = await t.http().get('/api/orders').expect(401);
      expect(anon.body).toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
    });
  });

  describe("GET /api/cooperatives/:id/candidates (the manager's farmer search)", () => {
    it("finds farmers of the cooperative's county by name or phone, not members, not other counties, phones masked", async () => {
      const manager = await createUser(t, 'farmer', { displayName: '李支书' });
      const coop = await createCooperative(t, manager);
      const zhang = await createUser(t, 'farmer', { displayName: '张大山' });
      await t.db.query(`UPDATE users SET phone = '13812345678' WHERE id = $1`, [zhang.id]);
      const member = await createUser(t, 'farmer', { displayName: '张小河' });
      await t.http().post(`/api/cooperatives/${coop}/members`).set(manager.auth).send({ farmerId: member.id }).expect(201);
      await createUser(t, 'farmer', { displayName: '张远方', countyCode: COUNTIES.lankao });
      await createUser(t, 'buyer', { displayName: '张买家', countyCode: COUNTIES.tongzi });

      const byName = await t.http().get(`/api/cooperatives/${coop}/candidates`).query({ q: '张' }).set(manager.auth).expect(200);
      expect(byName.body).toEqual([{ id: zhang.id, displayName: '张大山', phoneMasked: '138****5678', village: null }]);

      const byPhone = await t.http().get(`/api/cooperatives/${coop}/candidates`).query({ q: '5678' }).set(manager.auth).expect(200);
      expect(byPhone.body.map((c: { id: string }) => c.id)).toEqual([zhang.id]);
      // Three digits do not search phones (no guessing a number digit by digit).
      const short = await t.http().get(`/api/cooperatives/${coop}/candidates`).query({ q: '138' }).set(manager.auth).expect(200);
      expect(short.body).toEqual([]);
    });

    it('is for the manager only; an empty q is 400; an unknown cooperative 404', async () => {
      const manager = await createUser(t, 'farmer');
      const coop = await createCooperative(t, manager);
      const other = await createUser(t, 'farmer');
      const forbidden = await t.http().get(`/api/cooperatives/${coop}/candidates`).query({ q: '张' }).set(other.auth).expect(403);
      expect(forbidden.body.code).toBe('NOT_COOPERATIVE_MANAGER');
      await t.http().get(`/api/cooperatives/${coop}/candidates`).query({ q: '' }).set(manager.auth).expect(400);
      await t.http().get(`/api/cooperatives/${coop}/candidates`).set(manager.auth).expect(400);
      const missing = await t.http().get(`/api/cooperatives/${randomUUID()}/candidates`).query({ q: '张' }).set(manager.auth).expect(404);
      expect(missing.body.code).toBe('COOPERATIVE_NOT_FOUND');
      await t.http().get(`/api/cooperatives/${coop}/candidates`).query({ q: '张' }).set(buyer.auth).expect(403);
    });
  });

  describe('orders name their seller; a payment finds its orders', () => {
    it('sellerName is the farmer or the cooperative; GET /api/orders?checkoutId= lists one payment’s orders; the payment says its checkoutId', async () => {
      const alone = await createListing(t, farmer, { title: '猕猴桃' });
      const manager = await createUser(t, 'farmer', { displayName: '李支书' });
      const coop = await createCooperative(t, manager);
      const [{ name: coopName }] = await t.db.query(`SELECT name FROM cooperatives WHERE id = $1`, [coop]);
      const viaCoop = await createListing(t, manager, { title: '方竹笋', cooperativeId: coop });
      const done = await checkout(t, buyer, [
        { listingId: alone.id, quantity: 1 },
        { listingId: viaCoop.id, quantity: 2 },
      ]).expect(201);
      // Another checkout, which the filter must leave out.
      await checkout(t, buyer, [{ listingId: alone.id, quantity: 1 }]).expect(201);

      const payment = await t.http().get(`/api/payments/${done.body.payment.id}`).set(buyer.auth).expect(200);
      expect(payment.body.checkoutId).toBe(done.body.id);

      const mine = await t.http().get('/api/orders').query({ checkoutId: done.body.id }).set(buyer.auth).expect(200);
      expect(mine.body.total).toBe(2);
      const names = mine.body.items.map((o: { sellerName: string }) => o.sellerName).sort();
      expect(names).toEqual([coopName, '王芳'].sort());

      const one = await t.http().get(`/api/orders/${mine.body.items[0].id}`).set(buyer.auth).expect(200);
      expect(one.body.sellerName).toBe(mine.body.items[0].sellerName);

      // Someone else's checkout id finds nothing; a malformed one is 400.
      const stranger = await createUser(t, 'buyer');
      const none = await t.http().get('/api/orders').query({ checkoutId: done.body.id }).set(stranger.auth).expect(200);
      expect(none.body.total).toBe(0);
      await t.http().get('/api/orders').query({ checkoutId: 'nope' }).set(buyer.auth).expect(400);
    });
  });

  it('a listing may be created paused (out of the shop until its photos are in), and then activated', async () => {
    const body = { title: '待上架的红薯', category: 'vegetables', unit: '袋', netWeightGrams: 5000, priceCents: 3000, stock: 10, status: 'paused' };
    const created = await t.http().post('/api/listings').set(farmer.auth).send(body).expect(201);
    expect(created.body.status).toBe('paused');
    const search = await t.http().get('/api/listings').query({ q: '待上架的红薯' }).expect(200);
    expect(search.body.items).toEqual([]);
    await t.http().patch(`/api/listings/${created.body.id}`).set(farmer.auth).send({ status: 'active' }).expect(200);
    const again = await t.http().get('/api/listings').query({ q: '待上架的红薯' }).expect(200);
    expect(again.body.items.map((l: { id: string }) => l.id)).toEqual([created.body.id]);
    await t.http().post('/api/listings').set(farmer.auth).send({ ...body, status: 'archived' }).expect(400);
  });

  it("the seller's ledger is newest first by date, whatever order the entries were written in", async () => {
    const seller = await createUser(t, 'farmer');
    const listing = await createListing(t, seller);
    const first = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201);
    const second = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201);
    // Written in this order (seq), dated otherwise (as a backfill or an import would).
    for (const [paid, kind, amount, at] of [
      [first, 'sale', 2500, '2026-03-01T10:00:00Z'],
      [first, 'fee', -50, '2026-05-01T10:00:00Z'],
      [second, 'sale', 2400, '2026-01-01T10:00:00Z'],
    ] as const) {
      await t.db.query(
        `INSERT INTO seller_ledger_entries (seller_type, seller_id, kind, amount_cents, currency, fee_bps, order_id, payment_id, created_at)
         VALUES ('farmer', $1, $2, $3, 'CNY', 200, $4, $5, $6)`,
        [seller.id, kind, amount, paid.body.orders[0].id, paid.body.payment.id, at],
      );
    }
    const page1 = await t.http().get('/api/sellers/me/ledger').query({ page: 1, pageSize: 2 }).set(seller.auth).expect(200);
    expect(page1.body.items.map((e: { amountCents: number }) => e.amountCents)).toEqual([-50, 2500]);
    expect(page1.body.total).toBe(3);
    const page2 = await t.http().get('/api/sellers/me/ledger').query({ page: 2, pageSize: 2 }).set(seller.auth).expect(200);
    expect(page2.body.items.map((e: { amountCents: number }) => e.amountCents)).toEqual([2400]);
  });
});
