import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { checkout, COUNTIES, createCooperative, createListing, createUser, TestUser, useTestApp } from '@farmlink/testing';
import { CALLERS, Caller, Fixture, MATRIX } from './authorization-matrix';

describe('Authorization matrix (e2e)', () => {
  const t = useTestApp();
  let users: Record<Exclude<Caller, 'anonymous'>, TestUser>;

  beforeAll(async () => {
    users = {
      buyer: await createUser(t, 'buyer'),
      otherBuyer: await createUser(t, 'buyer'),
      farmer: await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi }),
      otherFarmer: await createUser(t, 'farmer', { countyCode: COUNTIES.zhengan }),
      officerScoped: await createUser(t, 'officer', { jurisdictionCode: '520000' }),
      officer: await createUser(t, 'officer'),
      admin: await createUser(t, 'admin'),
    };
  });

  /** Fresh objects for every cell, so one caller's success cannot change another's answer. */
  async function fixture(orderState: 'pending_payment' | 'paid' | 'shipped' = 'pending_payment'): Promise<Fixture> {
    const cooperativeId = await createCooperative(t, users.farmer, [users.otherFarmer]);
    const listing = await createListing(t, users.farmer, { stock: 100 });
    const coopListing = await createListing(t, users.otherFarmer, { stock: 100, cooperativeId });
    const free = await createUser(t, 'farmer', { countyCode: COUNTIES.leishan });
    const [programme] = await t.db.query(`INSERT INTO programmes (name, start_date) VALUES ('试点', '2026-01-01') RETURNING id`);
    const res = await checkout(t, users.buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201);
    const orderId = res.body.orders[0].id;
    if (orderState !== 'pending_payment') {
      await t.http().post(`/api/payments/${res.body.payment.id}/simulate`).set(users.buyer.auth).send({ outcome: 'succeeded' }).expect(200);
    }
    if (orderState === 'shipped') await t.http().post(`/api/orders/${orderId}/ship`).set(users.farmer.auth).send({}).expect(200);
    return {
      listingId: listing.id,
      coopListingId: coopListing.id,
      cooperativeId,
      otherFarmerId: users.otherFarmer.id,
      freeFarmerId: free.id,
      programmeId: programme.id,
      orderId,
      paymentId: res.body.payment.id,
    };
  }

  const cells = MATRIX.flatMap((row) => CALLERS.map((caller) => ({ row, caller, expected: row.expect[caller] })));

  it.each(cells.map((c) => [c.row.operation, c.caller, c.expected, c] as const))('%s as %s → %i', async (_op, caller, expected, cell) => {
    const f = await fixture(cell.row.orderState);
    const { method, path, body, headers } = cell.row.request(f);
    let req = t.http()[method.toLowerCase() as 'get'](path);
    if (caller !== 'anonymous') req = req.set(users[caller].auth);
    for (const [k, v] of Object.entries(headers ?? {})) req = req.set(k, v);
    const res = await (body !== undefined ? req.send(body as object) : req);
    if (res.status !== expected) throw new Error(`${cell.row.operation} as ${caller}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    if (res.status >= 400) expect(res.body).toMatchObject({ statusCode: expected, error: expect.any(String), message: expect.anything() });
  });

  describe('tokens', () => {
    const claims = () => ({ sub: users.buyer.id, role: 'buyer' });

    it('refuses an expired token', async () => {
      const token = t.app.get(JwtService).sign(claims(), { expiresIn: -10 });
      await t.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    });

    it('refuses a token signed with another key', async () => {
      const token = new JwtService({ secret: 'another-secret-that-is-long-enough' }).sign(claims());
      await t.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    });

    it('refuses a token whose role was changed after signing', async () => {
      const [h, , s] = users.buyer.token.split('.');
      const payload = Buffer.from(JSON.stringify({ ...claims(), role: 'admin', iat: Math.floor(Date.now() / 1000) })).toString('base64url');
      await t.http().get('/api/programmes').set('Authorization', `Bearer ${h}.${payload}.${s}`).expect(401);
    });

    it('refuses an unsigned (alg none) token and a malformed header', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify({ sub: users.admin.id, role: 'admin' })).toString('base64url');
      await t.http().get('/api/me').set('Authorization', `Bearer ${header}.${payload}.`).expect(401);
      await t.http().get('/api/me').set('Authorization', `Basic ${Buffer.from('a:b').toString('base64')}`).expect(401);
      await t.http().get('/api/me').set('Authorization', 'Bearer').expect(401);
    });

    it('refuses a valid signature over an unknown role', async () => {
      const token = t.app.get(JwtService).sign({ sub: randomUUID(), role: 'superuser' });
      await t.http().get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    });
  });
});
