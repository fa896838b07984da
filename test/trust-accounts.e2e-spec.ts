import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import {
  checkout,
  createCooperative,
  createListing,
  createUser,
  TEST_PASSWORD,
  TestUser,
  useTestApp,
} from '@farmlink/testing';

/**
 * Trust, items 1 and 2: tokens that must not open the app (forged with the
 * old published default secret, of a deleted or suspended user, with a stale
 * version or a role the user no longer has), and moderation (suspension,
 * reinstatement, takedown) as the contract's Trust section describes it.
 */
describe('Trust: tokens and moderation (e2e)', () => {
  const t = useTestApp();
  let admin: TestUser;
  let buyer: TestUser;

  beforeAll(async () => {
    admin = await createUser(t, 'admin');
    buyer = await createUser(t, 'buyer');
  });

  /** A cooperative whose member, with a listing through it, an admin suspends. */
  async function suspendedCoopMember() {
    const manager = await createUser(t, 'farmer');
    const member = await createUser(t, 'farmer');
    const coop = await createCooperative(t, manager, [member]);
    const listing = await createListing(t, member, { cooperativeId: coop });
    await t.http().post(`/api/admin/users/${member.id}/suspend`).set(admin.auth).send({ reason: 'fraud' }).expect(200);
    return { manager, member, coop, listing };
  }

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const sign = (claims: object) => t.app.get(JwtService).sign(claims);
  const login = (u: { email: string }) => t.http().post('/api/auth/login').send({ email: u.email, password: TEST_PASSWORD });

  describe('tokens', () => {
    // The string that was the development default in the public code until this change.
    const OLD_DEFAULT = 'farmlink-development-secret-change-me';
    const RECONCILIATION = '/api/admin/reconciliation?from=2026-01-01&to=2026-01-31';

    it('a token forged with the old default secret opens no admin route (401), even with a real admin id', async () => {
      for (const sub of [randomUUID(), admin.id]) {
        const forged = new JwtService({ secret: OLD_DEFAULT }).sign({ sub, role: 'admin', ver: 0 }, { algorithm: 'HS256' });
        const a = await t.http().get(RECONCILIATION).set(bearer(forged)).expect(401);
        expect(a.body).toMatchObject({ statusCode: 401 });
        await t
          .http()
          .post('/api/admin/users')
          .set(bearer(forged))
          .send({ email: `x-${randomUUID()}@farmlink.test`, password: 'password-123', displayName: 'X', role: 'admin' })
          .expect(401);
      }
      // The genuine admin token works on both (so the 401s above are about the token).
      await t.http().get(RECONCILIATION).set(admin.auth).expect(200);
      await t
        .http()
        .post('/api/admin/users')
        .set(admin.auth)
        .send({ email: `x-${randomUUID()}@farmlink.test`, password: 'password-123', displayName: 'X', role: 'admin' })
        .expect(201);
    });

    it('a correctly signed token for a user who does not exist is 401', async () => {
      await t.http().get('/api/me').set(bearer(sign({ sub: randomUUID(), role: 'admin', ver: 0 }))).expect(401);
      await t.http().get('/api/admin/reconciliation?from=2026-01-01&to=2026-01-31').set(bearer(sign({ sub: randomUUID(), role: 'admin', ver: 0 }))).expect(401);
    });

    it('a token claiming a role its user does not have is 401', async () => {
      const b = await createUser(t, 'buyer');
      await t.http().get('/api/admin/reconciliation?from=2026-01-01&to=2026-01-31').set(bearer(sign({ sub: b.id, role: 'admin', ver: 0 }))).expect(401);
      await t.http().get('/api/me').set(b.auth).expect(200);
    });

    it('a deleted user’s token is 401', async () => {
      const b = await createUser(t, 'buyer');
      await t.db.query(`DELETE FROM users WHERE id = $1`, [b.id]);
      await t.http().get('/api/me').set(b.auth).expect(401);
    });

    it('a token with a stale version is 401 (a password change bumps users.token_version), within the cache bound', async () => {
      const res = await t.http().post('/api/auth/register').send({
        email: `v-${randomUUID()}@farmlink.test`,
        password: 'good-password',
        displayName: '陈',
        role: 'buyer',
      });
      const token = res.body.accessToken as string;
      expect(JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())).toMatchObject({ ver: 0 });
      await t.http().get('/api/me').set(bearer(token)).expect(200); // now cached in this process
      // Another process (or a password change) bumps the version: honoured within AUTH_USER_CACHE_MS (2 s).
      await t.db.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [res.body.user.id]);
      await new Promise((r) => setTimeout(r, 2100));
      await t.http().get('/api/me').set(bearer(token)).expect(401);
      // Signing in again gives a token of the new version.
      const again = await t.http().post('/api/auth/login').send({ email: res.body.user.email, password: 'good-password' }).expect(200);
      expect(JSON.parse(Buffer.from(again.body.accessToken.split('.')[1], 'base64url').toString())).toMatchObject({ ver: 1 });
      await t.http().get('/api/me').set(bearer(again.body.accessToken)).expect(200);
    });
  });

  describe('suspension', () => {
    it('only admins may suspend, reinstate, take down or list users', async () => {
      const farmer = await createUser(t, 'farmer');
      const officer = await createUser(t, 'officer');
      const listing = await createListing(t, farmer);
      for (const u of [buyer, farmer, officer]) {
        await t.http().post(`/api/admin/users/${buyer.id}/suspend`).set(u.auth).send({ reason: 'x' }).expect(403);
        await t.http().post(`/api/admin/users/${buyer.id}/reinstate`).set(u.auth).send({}).expect(403);
        await t.http().post(`/api/admin/listings/${listing.id}/takedown`).set(u.auth).send({ reason: 'x' }).expect(403);
        await t.http().get('/api/admin/users').set(u.auth).expect(403);
      }
      await t.http().post(`/api/admin/users/${buyer.id}/suspend`).send({ reason: 'x' }).expect(401);
      expect((await t.db.query(`SELECT suspended_at FROM users WHERE id = $1`, [buyer.id]))[0].suspended_at).toBeNull();
    });

    it('validates: a reason is required, unknown ids are 404, twice is 409, oneself is 422', async () => {
      const b = await createUser(t, 'buyer');
      await t.http().post(`/api/admin/users/${b.id}/suspend`).set(admin.auth).send({}).expect(400);
      await t.http().post(`/api/admin/users/${b.id}/suspend`).set(admin.auth).send({ reason: '   ' }).expect(400);
      await t.http().post(`/api/admin/users/${randomUUID()}/suspend`).set(admin.auth).send({ reason: 'spam' }).expect(404);
      await t.http().post(`/api/admin/users/${b.id}/reinstate`).set(admin.auth).send({}).expect(409);
      await t.http().post(`/api/admin/users/${b.id}/suspend`).set(admin.auth).send({ reason: 'spam' }).expect(200);
      await t.http().post(`/api/admin/users/${b.id}/suspend`).set(admin.auth).send({ reason: 'spam' }).expect(409);
      await t.http().post(`/api/admin/users/${admin.id}/suspend`).set(admin.auth).send({ reason: 'me' }).expect(422);
    });

    it('a suspended user cannot sign in and their tokens answer 401 at once; reinstated, they sign in again but old tokens stay dead', async () => {
      const b = await createUser(t, 'buyer');
      await login(b).expect(200);
      await t.http().get('/api/me').set(b.auth).expect(200); // cached: the suspension must still end it at once

      const res = await t.http().post(`/api/admin/users/${b.id}/suspend`).set(admin.auth).send({ reason: '恶意刷单' }).expect(200);
      expect(res.body).toMatchObject({ id: b.id, suspensionReason: '恶意刷单', suspendedAt: expect.any(String) });

      await t.http().get('/api/me').set(b.auth).expect(401);
      const refused = await login(b).expect(401);
      expect(refused.body.message).toBe('This account is suspended');
      // A wrong password for a suspended account answers as any wrong password does.
      const wrong = await t.http().post('/api/auth/login').send({ email: b.email, password: 'not-the-password' }).expect(401);
      expect(wrong.body.message).toBe('Wrong email or password');

      await t.http().post(`/api/admin/users/${b.id}/reinstate`).set(admin.auth).send({}).expect(200);
      await t.http().get('/api/me').set(b.auth).expect(401);
      const back = await login(b).expect(200);
      await t.http().get('/api/me').set(bearer(back.body.accessToken)).expect(200);
    });

    it('a suspended farmer’s listings leave the shop (search, GET by id, checkout) and come back, paused ones paused', async () => {
      const farmer = await createUser(t, 'farmer');
      const active = await createListing(t, farmer, { title: '停用测试 香菇' });
      const paused = await createListing(t, farmer, { title: '停用测试 木耳', status: 'paused' });
      const search = () => t.http().get(`/api/listings?farmerId=${farmer.id}`).expect(200);
      expect((await search()).body.items.map((l: { id: string }) => l.id)).toEqual([active.id]); // cached now

      await t.http().post(`/api/admin/users/${farmer.id}/suspend`).set(admin.auth).send({ reason: 'counterfeit' }).expect(200);
      expect((await search()).body).toMatchObject({ items: [], total: 0 });
      for (const id of [active.id, paused.id]) {
        await t.http().get(`/api/listings/${id}`).expect(404);
        await t.http().get(`/api/listings/${id}`).set(buyer.auth).expect(404);
      }
      // Checkout refuses it as it refuses any listing not for sale (paused listing of another farmer: same answer).
      const other = await createListing(t, await createUser(t, 'farmer'), { status: 'paused' });
      const unavailable = await checkout(t, buyer, [{ listingId: other.id, quantity: 1 }]);
      const refused = await checkout(t, buyer, [{ listingId: active.id, quantity: 1 }]);
      expect([404, 409, 422]).toContain(refused.status);
      expect(refused.status).toBe(unavailable.status);
      expect((await t.db.query(`SELECT stock FROM listings WHERE id = $1`, [active.id]))[0].stock).toBe(active.stock);

      await t.http().post(`/api/admin/users/${farmer.id}/reinstate`).set(admin.auth).send({}).expect(200);
      expect((await search()).body.items.map((l: { id: string }) => l.id)).toEqual([active.id]);
      expect((await t.http().get(`/api/listings/${paused.id}`).expect(200)).body.status).toBe('paused');
      await checkout(t, buyer, [{ listingId: active.id, quantity: 1 }]).expect(201);
    });

    it('a cooperative manager cannot set a suspended member’s listing active again (409)', async () => {
      const { manager, listing } = await suspendedCoopMember();
      await t.http().patch(`/api/listings/${listing.id}`).set(manager.auth).send({ status: 'active' }).expect(409);
      expect((await t.db.query(`SELECT status FROM listings WHERE id = $1`, [listing.id]))[0].status).toBe('suspended');
    });
  });

  it('a suspended member removed from their cooperative gets their listing back paused, outside the cooperative', async () => {
    const { manager, member, coop, listing } = await suspendedCoopMember();
    await t.http().delete(`/api/cooperatives/${coop}/members/${member.id}`).set(manager.auth).expect(204);
    await t.http().post(`/api/admin/users/${member.id}/reinstate`).set(admin.auth).send({}).expect(200);
    const [row] = await t.db.query(`SELECT status, cooperative_id FROM listings WHERE id = $1`, [listing.id]);
    expect(row).toEqual({ status: 'paused', cooperative_id: null });
  });

  describe('takedown', () => {
    it('a removed listing is 404 to all but its farmer, who sees the reason and cannot set it active again', async () => {
      const farmer = await createUser(t, 'farmer');
      const manager = await createUser(t, 'farmer');
      const coop = await createCooperative(t, manager, [farmer]);
      const listing = await createListing(t, farmer, { title: '下架测试 蜂蜜', cooperativeId: coop });
      const search = () => t.http().get(`/api/listings?q=${encodeURIComponent('下架测试')}`).expect(200);
      expect((await search()).body.total).toBe(1); // cached now

      const res = await t.http().post(`/api/admin/listings/${listing.id}/takedown`).set(admin.auth).send({ reason: '虚假宣传：非有机' }).expect(200);
      expect(res.body).toMatchObject({ id: listing.id, status: 'removed', removalReason: '虚假宣传：非有机', removedAt: expect.any(String) });

      expect((await search()).body).toMatchObject({ items: [], total: 0 });
      await t.http().get(`/api/listings/${listing.id}`).expect(404);
      for (const u of [buyer, manager, admin]) await t.http().get(`/api/listings/${listing.id}`).set(u.auth).expect(404);
      const own = await t.http().get(`/api/listings/${listing.id}`).set(farmer.auth).expect(200);
      expect(own.body).toMatchObject({ status: 'removed', removalReason: '虚假宣传：非有机' });
      const mine = await t.http().get('/api/listings/mine').set(farmer.auth).expect(200);
      expect(mine.body.find((l: { id: string }) => l.id === listing.id)).toMatchObject({ status: 'removed', removalReason: '虚假宣传：非有机' });

      await t.http().patch(`/api/listings/${listing.id}`).set(farmer.auth).send({ status: 'active' }).expect(409);
      await t.http().patch(`/api/listings/${listing.id}`).set(farmer.auth).send({ title: 'renamed' }).expect(409);
      await t.http().patch(`/api/listings/${listing.id}`).set(manager.auth).send({ status: 'active' }).expect(404);
      await t.http().delete(`/api/listings/${listing.id}`).set(farmer.auth).expect(409);
      expect((await t.db.query(`SELECT status FROM listings WHERE id = $1`, [listing.id]))[0].status).toBe('removed');

      const refused = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }]);
      expect([404, 409, 422]).toContain(refused.status);

      await t.http().post(`/api/admin/listings/${listing.id}/takedown`).set(admin.auth).send({ reason: 'again' }).expect(409);
      await t.http().post(`/api/admin/listings/${randomUUID()}/takedown`).set(admin.auth).send({ reason: 'x' }).expect(404);
      await t.http().post(`/api/admin/listings/${listing.id}/takedown`).set(admin.auth).send({}).expect(400);
    });

    it('a takedown during a suspension stays after reinstatement', async () => {
      const farmer = await createUser(t, 'farmer');
      const listing = await createListing(t, farmer);
      await t.http().post(`/api/admin/users/${farmer.id}/suspend`).set(admin.auth).send({ reason: 'r' }).expect(200);
      await t.http().post(`/api/admin/listings/${listing.id}/takedown`).set(admin.auth).send({ reason: 'mould' }).expect(200);
      await t.http().post(`/api/admin/users/${farmer.id}/reinstate`).set(admin.auth).send({}).expect(200);
      await t.http().get(`/api/listings/${listing.id}`).expect(404);
    });
  });

  describe('GET /api/admin/users', () => {
    it('lists users newest first with the admin fields; q matches email or name, role filters, pages', async () => {
      const tag = randomUUID().slice(0, 8);
      const a = await createUser(t, 'farmer', { email: `${tag}-a@farmlink.test`, displayName: '李农' });
      const b = await createUser(t, 'buyer', { email: `${tag}-b@farmlink.test` });
      await t.http().post(`/api/admin/users/${a.id}/suspend`).set(admin.auth).send({ reason: 'spam' }).expect(200);

      const all = await t.http().get(`/api/admin/users?q=${tag}`).set(admin.auth).expect(200);
      expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
      expect(all.body.items.map((u: { id: string }) => u.id)).toEqual([b.id, a.id]);
      expect(Object.keys(all.body.items[1]).sort()).toEqual(
        ['countyCode', 'createdAt', 'displayName', 'email', 'id', 'jurisdictionCode', 'role', 'suspendedAt', 'suspensionReason'].sort(),
      );
      expect(all.body.items[1]).toMatchObject({ role: 'farmer', countyCode: a.countyCode, suspensionReason: 'spam', suspendedAt: expect.any(String) });
      expect(all.body.items[0]).toMatchObject({ suspendedAt: null, suspensionReason: null });

      const farmers = await t.http().get(`/api/admin/users?q=${tag}&role=farmer`).set(admin.auth).expect(200);
      expect(farmers.body.items.map((u: { id: string }) => u.id)).toEqual([a.id]);
      const byName = await t.http().get(`/api/admin/users?q=${encodeURIComponent('李农')}`).set(admin.auth).expect(200);
      expect(byName.body.items.map((u: { id: string }) => u.id)).toContain(a.id);
      const page2 = await t.http().get(`/api/admin/users?q=${tag}&page=2&pageSize=1`).set(admin.auth).expect(200);
      expect(page2.body.items.map((u: { id: string }) => u.id)).toEqual([a.id]);
      await t.http().get('/api/admin/users?role=king').set(admin.auth).expect(400);
      await t.http().get('/api/admin/users?pageSize=1000').set(admin.auth).expect(400);
      // Wildcards match literally.
      expect((await t.http().get(`/api/admin/users?q=%25`).set(admin.auth).expect(200)).body.total).toBe(0);
    });
  });
});
