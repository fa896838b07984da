import { randomUUID } from 'node:crypto';
import { checkout, COUNTIES, createListing, createUser, TestListing, TestUser, useTestApp } from '@farmlink/testing';
import { PovertyClaimRepository } from '../libs/identity/src/poverty-claim.repository';

/**
 * Contract v1.1, Trust: poverty status is verified, not declared. A farmer's
 * claim counts in the reports only once an officer whose jurisdiction holds the
 * farmer's county (or an admin) verifies it, and only for orders placed after.
 */
describe('Poverty registration is verified, not declared (e2e)', () => {
  const t = useTestApp();
  let admin: TestUser;
  let guizhouOfficer: TestUser;
  let henanOfficer: TestUser;
  let nationalOfficer: TestUser;
  let buyer: TestUser;
  let year: string;

  beforeAll(async () => {
    admin = await createUser(t, 'admin');
    guizhouOfficer = await createUser(t, 'officer', { jurisdictionCode: '520000' });
    henanOfficer = await createUser(t, 'officer', { jurisdictionCode: '410000' });
    nationalOfficer = await createUser(t, 'officer');
    buyer = await createUser(t, 'buyer');
    [{ year }] = await t.db.query(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') AS year`);
  });

  /** Signs a farmer up through the API, as the web form does. */
  async function registerFarmer(countyCode: string, over: Record<string, unknown> = {}): Promise<TestUser & { user: Record<string, unknown> }> {
    const email = `farmer-${randomUUID().slice(0, 8)}@farmlink.test`;
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({ email, password: 'good-password', displayName: '王芳', role: 'farmer', countyCode, ...over })
      .expect(201);
    const token: string = res.body.accessToken;
    return { id: res.body.user.id, email, role: 'farmer', countyCode, token, auth: { Authorization: `Bearer ${token}` }, user: res.body.user };
  }

  const me = async (u: TestUser) => (await t.http().get('/api/me').set(u.auth).expect(200)).body;
  const verify = (caller: TestUser, farmerId: string, decision: string, note?: string) =>
    t.http().post(`/api/farmers/${farmerId}/poverty-verification`).set(caller.auth).send(note === undefined ? { decision } : { decision, note });
  const claims = (caller: TestUser, query: Record<string, string> = {}) => t.http().get('/api/poverty-claims').set(caller.auth).query(query);

  /** Places an order (quantity × the listing's price) and answers a function that pays it. */
  async function place(listing: TestListing, quantity: number): Promise<{ orderId: string; pay: () => Promise<void> }> {
    const res = await checkout(t, buyer, [{ listingId: listing.id, quantity }]).expect(201);
    return {
      orderId: res.body.orders[0].id,
      pay: async () => {
        await t.http().post(`/api/payments/${res.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
      },
    };
  }
  async function sell(listing: TestListing, quantity: number): Promise<string> {
    const order = await place(listing, quantity);
    await order.pay();
    return order.orderId;
  }

  /** This year's report row of one county, as an admin reads it. */
  async function countyRow(countyCode: string): Promise<Record<string, number>> {
    const res = await t
      .http()
      .get('/api/reports/sales')
      .set(admin.auth)
      .query({ from: `${year}-01-01`, to: `${year}-12-31`, groupBy: 'county', regionCode: countyCode })
      .expect(200);
    return res.body.rows.find((r: { key: string }) => r.key === countyCode);
  }

  it('a claim at sign-up stays claimed until the county officer verifies it; only orders placed after verification count as poor', async () => {
    const farmer = await registerFarmer(COUNTIES.tongzi, { povertyRegistered: true, povertyRegistrationNo: '5203220101000123' });
    expect(farmer.user).toMatchObject({ povertyStatus: 'claimed', povertyRegistered: false });
    expect(await me(farmer)).toMatchObject({ povertyStatus: 'claimed', povertyRegistered: false });
    const listing = await createListing(t, farmer, { priceCents: 1000, stock: 100 });

    // Placed and paid while only claimed; placed while claimed but paid after the verification.
    const whileClaimed = await sell(listing, 1);
    const placedBefore = await place(listing, 1);
    expect(await countyRow(COUNTIES.tongzi)).toMatchObject({ grossSalesCents: 1000, povertyHouseholdSalesCents: 0, povertyHouseholds: 0 });

    const waiting = await claims(guizhouOfficer, { status: 'claimed' }).expect(200);
    expect(waiting.body.items).toContainEqual(
      expect.objectContaining({ farmerId: farmer.id, displayName: '王芳', countyCode: COUNTIES.tongzi, registrationNo: '5203220101000123', status: 'claimed', decidedAt: null, decidedBy: null, note: null }),
    );

    const decided = await verify(guizhouOfficer, farmer.id, 'verified', '已核对扶贫系统').expect(200);
    expect(decided.body).toEqual({ farmerId: farmer.id, status: 'verified', decidedAt: expect.any(String), decidedBy: guizhouOfficer.id });
    expect(await me(farmer)).toMatchObject({ povertyStatus: 'verified', povertyRegistered: true });

    await placedBefore.pay();
    const afterVerification = await sell(listing, 2);
    expect(await countyRow(COUNTIES.tongzi)).toMatchObject({ grossSalesCents: 4000, povertyHouseholdSalesCents: 2000, povertyHouseholds: 1 });

    const snapshots = await t.db.query(
      `SELECT order_id AS "orderId", producer_poverty_registered AS poor FROM order_lines WHERE order_id = ANY($1::uuid[]) ORDER BY quantity, order_id`,
      [[whileClaimed, placedBefore.orderId, afterVerification]],
    );
    expect(new Map(snapshots.map((s: { orderId: string; poor: boolean }) => [s.orderId, s.poor]))).toEqual(
      new Map([[whileClaimed, false], [placedBefore.orderId, false], [afterVerification, true]]),
    );

    const verified = await claims(guizhouOfficer, { status: 'verified', countyCode: COUNTIES.tongzi }).expect(200);
    expect(verified.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(verified.body.items[0]).toMatchObject({ farmerId: farmer.id, status: 'verified', decidedBy: guizhouOfficer.id, note: '已核对扶贫系统', decidedAt: decided.body.decidedAt });
    await claims(guizhouOfficer, { status: 'claimed', countyCode: COUNTIES.tongzi }).expect(200).expect((r) => expect(r.body.items).toEqual([]));
  });

  it('a rejected claim does not count; the farmer may claim again, but not twice (409), and not once verified', async () => {
    const farmer = await registerFarmer(COUNTIES.leishan, { povertyRegistered: true });
    const listing = await createListing(t, farmer, { priceCents: 700, stock: 100 });
    const rejected = await verify(nationalOfficer, farmer.id, 'rejected', '系统中查无此户').expect(200);
    expect(rejected.body).toMatchObject({ farmerId: farmer.id, status: 'rejected', decidedBy: nationalOfficer.id });
    expect(await me(farmer)).toMatchObject({ povertyStatus: 'rejected', povertyRegistered: false });
    await sell(listing, 3);
    expect(await countyRow(COUNTIES.leishan)).toMatchObject({ grossSalesCents: 2100, povertyHouseholdSalesCents: 0, povertyHouseholds: 0 });

    const again = await t.http().post('/api/me/poverty-claim').set(farmer.auth).send({ registrationNo: '5226340101000007' }).expect(201);
    expect(again.body).toMatchObject({ farmerId: farmer.id, status: 'claimed', registrationNo: '5226340101000007', decidedAt: null, decidedBy: null, note: null });
    expect(await me(farmer)).toMatchObject({ povertyStatus: 'claimed' });
    const twice = await t.http().post('/api/me/poverty-claim').set(farmer.auth).send({}).expect(409);
    expect(twice.body).toMatchObject({ statusCode: 409, error: 'Conflict' });

    await verify(admin, farmer.id, 'verified').expect(200);
    await t.http().post('/api/me/poverty-claim').set(farmer.auth).send({}).expect(409);
    expect(await me(farmer)).toMatchObject({ povertyStatus: 'verified' });
    await sell(listing, 1);
    expect(await countyRow(COUNTIES.leishan)).toMatchObject({ grossSalesCents: 2800, povertyHouseholdSalesCents: 700, povertyHouseholds: 1 });
  });

  it('an officer sees and decides only claims inside their jurisdiction; others are 404 and unchanged', async () => {
    const henanFarmer = await registerFarmer(COUNTIES.lankao);
    expect(henanFarmer.user).toMatchObject({ povertyStatus: 'none', povertyRegistered: false });
    await t.http().post('/api/me/poverty-claim').set(henanFarmer.auth).send({ registrationNo: '4102250101000001' }).expect(201);
    const guizhouFarmer = await registerFarmer(COUNTIES.zhengan, { povertyRegistered: true });

    const ids = async (caller: TestUser, query: Record<string, string> = {}) =>
      (await claims(caller, { pageSize: '100', ...query }).expect(200)).body.items.map((c: { farmerId: string }) => c.farmerId);
    expect(await ids(guizhouOfficer)).toContain(guizhouFarmer.id);
    expect(await ids(guizhouOfficer)).not.toContain(henanFarmer.id);
    expect(await ids(guizhouOfficer, { countyCode: COUNTIES.lankao })).toEqual([]);
    expect(await ids(henanOfficer)).toEqual([henanFarmer.id]);
    for (const everyone of [nationalOfficer, admin]) {
      expect(await ids(everyone)).toEqual(expect.arrayContaining([henanFarmer.id, guizhouFarmer.id]));
    }

    const outside = await verify(guizhouOfficer, henanFarmer.id, 'verified').expect(404);
    expect(outside.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await verify(henanOfficer, guizhouFarmer.id, 'rejected').expect(404);
    expect(await me(henanFarmer)).toMatchObject({ povertyStatus: 'claimed' });
    expect(await me(guizhouFarmer)).toMatchObject({ povertyStatus: 'claimed' });

    await verify(henanOfficer, henanFarmer.id, 'verified').expect(200);
    expect(await me(henanFarmer)).toMatchObject({ povertyStatus: 'verified' });
  });

  it('404 for a farmer without a claim or an unknown id, 400 for a bad decision or id', async () => {
    const noClaim = await registerFarmer(COUNTIES.tongzi);
    await verify(admin, noClaim.id, 'verified').expect(404);
    await verify(guizhouOfficer, noClaim.id, 'verified').expect(404);
    await verify(admin, buyer.id, 'verified').expect(404);
    await verify(admin, randomUUID(), 'verified').expect(404);
    await verify(admin, noClaim.id, 'maybe').expect(400);
    await t.http().post('/api/farmers/not-a-uuid/poverty-verification').set(admin.auth).send({ decision: 'verified' }).expect(400);
    await claims(admin, { status: 'none' }).expect(400);
    await claims(admin, { countyCode: 'x' }).expect(400);
    expect(await me(noClaim)).toMatchObject({ povertyStatus: 'none' });
    expect(await me(buyer)).not.toHaveProperty('povertyStatus');
  });

  it('only farmers claim and only officers and admins list and decide (403 otherwise, 401 without a token)', async () => {
    const farmer = await registerFarmer(COUNTIES.tongzi, { povertyRegistered: true });
    for (const caller of [buyer, farmer]) {
      await claims(caller).expect(403);
      await verify(caller, farmer.id, 'verified').expect(403);
    }
    for (const caller of [buyer, guizhouOfficer, admin]) await t.http().post('/api/me/poverty-claim').set(caller.auth).send({}).expect(403);
    await t.http().get('/api/poverty-claims').expect(401);
    await t.http().post(`/api/farmers/${farmer.id}/poverty-verification`).send({ decision: 'verified' }).expect(401);
    await t.http().post('/api/me/poverty-claim').send({}).expect(401);
    expect(await me(farmer)).toMatchObject({ povertyStatus: 'claimed' });
  });

  it('decides in one transaction: a failure after the decision is written (e.g. its audit row) leaves the claim as it was', async () => {
    const farmer = await registerFarmer(COUNTIES.zhengan, { povertyRegistered: true });
    const repo = t.app.get(PovertyClaimRepository, { strict: false });
    const decide = repo.decide.bind(repo);
    const spy = jest.spyOn(repo, 'decide').mockImplementationOnce(async (...args: Parameters<PovertyClaimRepository['decide']>) => {
      const written = await decide(...args);
      expect(written.status).toBe('verified'); // the UPDATE ran inside the transaction…
      throw new Error('simulated failure after the decision (an audit insert)');
    });
    try {
      await verify(guizhouOfficer, farmer.id, 'verified').expect(500);
    } finally {
      spy.mockRestore();
    }
    // …and was rolled back with it.
    const [row] = await t.db.query(`SELECT status, decided_at, decided_by FROM poverty_claims WHERE farmer_id = $1`, [farmer.id]);
    expect(row).toEqual({ status: 'claimed', decided_at: null, decided_by: null });
    await verify(guizhouOfficer, farmer.id, 'verified').expect(200);
  });

  it('every decision writes one audit row with the officer, the farmer and the previous status; a refused one writes none', async () => {
    const farmer = await registerFarmer(COUNTIES.tongzi, { povertyRegistered: true });
    const rows = () => t.db.query(`SELECT actor_id, actor_role, action, target_type, target_id, details FROM audit_log WHERE target_id = $1 ORDER BY at, id`, [farmer.id]);
    await verify(henanOfficer, farmer.id, 'verified').expect(404);
    expect(await rows()).toEqual([]);
    await verify(guizhouOfficer, farmer.id, 'rejected').expect(200);
    await verify(admin, farmer.id, 'verified').expect(200);
    expect(await rows()).toEqual([
      expect.objectContaining({ actor_id: guizhouOfficer.id, actor_role: 'officer', action: 'poverty.reject', target_type: 'user', target_id: farmer.id, details: expect.objectContaining({ previousStatus: 'claimed' }) }),
      expect.objectContaining({ actor_id: admin.id, actor_role: 'admin', action: 'poverty.verify', target_id: farmer.id, details: expect.objectContaining({ previousStatus: 'rejected' }) }),
    ]);
  });
});
