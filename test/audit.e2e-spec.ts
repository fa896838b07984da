import type { AuditRow } from '../libs/audit/src/audit.repository';
import { randomUUID } from 'node:crypto';
import { checkout, COUNTIES, createListing, createTestApp, createUser, TestApp, TestUser } from '@farmlink/testing';

/**
 * Trust, item 3: the audit trail. Each staff action writes exactly one entry
 * with the right fields, in the same transaction as the action (a refused
 * action writes none); the table is append-only; only admins read it.
 */
describe('Audit trail (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());

  /** An audit row as the API answers it (times as ISO text). */
  type Entry = Omit<AuditRow, 'at'> & { at: string };

  /** The entries about one target, read straight from the table. */
  const entriesFor = async (targetId: string): Promise<Entry[]> =>
    t.db.query(
      `SELECT id, at, actor_id AS "actorId", actor_role AS "actorRole", action, target_type AS "targetType", target_id AS "targetId", details
         FROM audit_log WHERE target_id = $1 ORDER BY seq`,
      [targetId],
    );
  const countAll = async (): Promise<number> => (await t.db.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n;
  const byAdmin = { actorId: expect.any(String), actorRole: 'admin' };

  it('POST /api/admin/users writes one user.create entry; a refused creation (email taken) writes none', async () => {
    const email = `officer-${randomUUID()}@farmlink.test`;
    const res = await t
      .http()
      .post('/api/admin/users')
      .set(admin.auth)
      .send({ email, password: 'password-123', displayName: '王处长', role: 'officer', jurisdictionCode: '520000' })
      .expect(201);
    const entries = await entriesFor(res.body.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      ...byAdmin,
      actorId: admin.id,
      action: 'user.create',
      targetType: 'user',
      targetId: res.body.id,
      details: { email, role: 'officer', jurisdictionCode: '520000' },
    });
    expect(JSON.stringify(entries[0].details)).not.toMatch(/password/i);

    const before = await countAll();
    await t.http().post('/api/admin/users').set(admin.auth).send({ email, password: 'password-123', displayName: 'again', role: 'admin' }).expect(409);
    expect(await countAll()).toBe(before);
  });

  it('suspension, reinstatement and takedown write one entry each, with the reason', async () => {
    const farmer = await createUser(t, 'farmer');
    const listing = await createListing(t, farmer);
    await t.http().post(`/api/admin/users/${farmer.id}/suspend`).set(admin.auth).send({ reason: '售卖假冒种子' }).expect(200);
    await t.http().post(`/api/admin/users/${farmer.id}/reinstate`).set(admin.auth).send({}).expect(200);
    await t.http().post(`/api/admin/listings/${listing.id}/takedown`).set(admin.auth).send({ reason: '图片与实物不符' }).expect(200);

    const onUser = await entriesFor(farmer.id);
    expect(onUser).toHaveLength(2);
    expect(onUser[0]).toMatchObject({ ...byAdmin, actorId: admin.id, action: 'user.suspend', targetType: 'user', details: { reason: '售卖假冒种子', listingsHidden: 1 } });
    expect(onUser[1]).toMatchObject({ ...byAdmin, action: 'user.reinstate', targetType: 'user', details: { listingsRestored: 1 } });
    const onListing = await entriesFor(listing.id);
    expect(onListing).toHaveLength(1);
    expect(onListing[0]).toMatchObject({
      ...byAdmin,
      action: 'listing.takedown',
      targetType: 'listing',
      details: { reason: '图片与实物不符', farmerId: farmer.id, previousStatus: 'active' },
    });

    // Refused decisions write nothing.
    const before = await countAll();
    await t.http().post(`/api/admin/users/${farmer.id}/reinstate`).set(admin.auth).send({}).expect(409);
    await t.http().post(`/api/admin/listings/${listing.id}/takedown`).set(admin.auth).send({ reason: 'again' }).expect(409);
    await t.http().post(`/api/admin/users/${randomUUID()}/suspend`).set(admin.auth).send({ reason: 'x' }).expect(404);
    expect(await countAll()).toBe(before);
  });

  it('programme creation and county changes write one entry each', async () => {
    const res = await t.http().post('/api/programmes').set(admin.auth).send({ name: '电商进农村 2027', startDate: '2027-01-01' }).expect(201);
    await t.http().put(`/api/programmes/${res.body.id}/counties`).set(admin.auth).send({ countyCodes: [COUNTIES.tongzi, COUNTIES.leishan] }).expect(200);
    await t.http().put(`/api/programmes/${res.body.id}/counties`).set(admin.auth).send({ countyCodes: [COUNTIES.leishan, COUNTIES.lankao] }).expect(200);
    const entries = await entriesFor(res.body.id);
    expect(entries.map((e) => e.action)).toEqual(['programme.create', 'programme.counties', 'programme.counties']);
    expect(entries[0]).toMatchObject({ ...byAdmin, targetType: 'programme', details: { name: '电商进农村 2027', startDate: '2027-01-01' } });
    expect(entries[2].details).toMatchObject({ enrolled: 2, added: [COUNTIES.lankao], removed: [COUNTIES.tongzi] });

    // Unknown counties: 400 and nothing recorded.
    const before = await countAll();
    await t.http().put(`/api/programmes/${res.body.id}/counties`).set(admin.auth).send({ countyCodes: ['999999'] }).expect(400);
    expect(await countAll()).toBe(before);
  });

  it('an admin refund writes one order.refund entry; a seller refund writes none', async () => {
    const farmer = await createUser(t, 'farmer');
    const buyer = await createUser(t, 'buyer');
    const listing = await createListing(t, farmer, { priceCents: 1000, stock: 10 });
    const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 3 }]).expect(201);
    await t.http().post(`/api/payments/${res.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
    const orderId = res.body.orders[0].id;

    await t.http().post(`/api/orders/${orderId}/refunds`).set(farmer.auth).send({ amountCents: 500, reason: '卖家退款' }).expect(201);
    expect(await entriesFor(orderId)).toHaveLength(0);
    const refund = await t.http().post(`/api/orders/${orderId}/refunds`).set(admin.auth).send({ amountCents: 700, reason: '平台仲裁' }).expect(201);
    const entries = await entriesFor(orderId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      ...byAdmin,
      action: 'order.refund',
      targetType: 'order',
      details: { refundId: refund.body.id, amountCents: 700, currency: 'CNY', reason: '平台仲裁' },
    });
    // Too large: refused, nothing recorded.
    await t.http().post(`/api/orders/${orderId}/refunds`).set(admin.auth).send({ amountCents: 999_999, reason: 'x' }).expect(422);
    expect(await entriesFor(orderId)).toHaveLength(1);
  });

  it('report exports (csv, xlsx) write one report.export entry each; the JSON report writes none', async () => {
    const officer = await createUser(t, 'officer');
    const q = 'from=2026-01-01&to=2026-01-31&groupBy=county';
    const exports = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'report.export' AND actor_id = $1`, [officer.id]))[0].n;
    await t.http().get(`/api/reports/sales?${q}`).set(officer.auth).expect(200);
    expect(await exports()).toBe(0);
    await t.http().get(`/api/reports/sales?${q}&format=csv`).set(officer.auth).expect(200);
    await t.http().get(`/api/reports/sales?${q}&format=xlsx`).set(officer.auth).expect(200);
    expect(await exports()).toBe(2);
    const [row] = await t.db.query(`SELECT actor_role, target_type, details FROM audit_log WHERE actor_id = $1 ORDER BY seq LIMIT 1`, [officer.id]);
    expect(row).toMatchObject({ actor_role: 'officer', target_type: 'report', details: { report: 'sales', format: 'csv', from: '2026-01-01', to: '2026-01-31', groupBy: 'county' } });
  });

  it('audit_log is append-only: UPDATE, DELETE and TRUNCATE fail', async () => {
    const [row] = await t.db.query(`SELECT id FROM audit_log LIMIT 1`);
    expect(row).toBeDefined();
    await expect(t.db.query(`UPDATE audit_log SET details = '{}'::jsonb WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_log WHERE id = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE id = $1`, [row.id]))[0].n).toBe(1);
  });

  describe('GET /api/admin/audit', () => {
    it('is for admins only: 401 without a token, 403 for buyers, farmers and officers', async () => {
      await t.http().get('/api/admin/audit').expect(401);
      for (const role of ['buyer', 'farmer', 'officer'] as const) {
        const u = await createUser(t, role);
        await t.http().get('/api/admin/audit').set(u.auth).expect(403);
      }
    });

    it('answers a page newest first, filtered by action, actor, target and time', async () => {
      const other = await createUser(t, 'admin');
      const a = await createUser(t, 'buyer');
      const b = await createUser(t, 'buyer');
      await t.http().post(`/api/admin/users/${a.id}/suspend`).set(admin.auth).send({ reason: 'one' }).expect(200);
      await t.http().post(`/api/admin/users/${b.id}/suspend`).set(other.auth).send({ reason: 'two' }).expect(200);
      await t.http().post(`/api/admin/users/${a.id}/reinstate`).set(other.auth).send({}).expect(200);

      const page = await t.http().get('/api/admin/audit?pageSize=3').set(admin.auth).expect(200);
      expect(page.body).toMatchObject({ page: 1, pageSize: 3, total: expect.any(Number) });
      expect(page.body.items.map((e: Entry) => [e.action, e.targetId])).toEqual([
        ['user.reinstate', a.id],
        ['user.suspend', b.id],
        ['user.suspend', a.id],
      ]);
      expect(Object.keys(page.body.items[0]).sort()).toEqual(['action', 'actorId', 'actorRole', 'at', 'details', 'id', 'targetId', 'targetType']);
      expect(page.body.items[1]).toMatchObject({ actorId: other.id, actorRole: 'admin', targetType: 'user', details: { reason: 'two' } });

      const byActor = await t.http().get(`/api/admin/audit?actorId=${other.id}`).set(admin.auth).expect(200);
      expect(byActor.body.items.map((e: Entry) => e.action)).toEqual(['user.reinstate', 'user.suspend']);
      const byTarget = await t.http().get(`/api/admin/audit?targetId=${a.id}&action=user.suspend`).set(admin.auth).expect(200);
      expect(byTarget.body).toMatchObject({ total: 1, items: [{ targetId: a.id, details: { reason: 'one' } }] });
      const second = await t.http().get(`/api/admin/audit?actorId=${other.id}&page=2&pageSize=1`).set(admin.auth).expect(200);
      expect(second.body.items.map((e: Entry) => e.action)).toEqual(['user.suspend']);

      const at = page.body.items[0].at as string;
      const future = new Date(Date.parse(at) + 60_000).toISOString();
      expect((await t.http().get(`/api/admin/audit?actorId=${other.id}&from=${future}`).set(admin.auth).expect(200)).body.total).toBe(0);
      expect((await t.http().get(`/api/admin/audit?actorId=${other.id}&to=${encodeURIComponent(at.slice(0, 10))}`).set(admin.auth).expect(200)).body.total).toBe(2);
      expect((await t.http().get(`/api/admin/audit?actorId=${other.id}&to=2000-01-01`).set(admin.auth).expect(200)).body.total).toBe(0);

      await t.http().get('/api/admin/audit?actorId=not-a-uuid').set(admin.auth).expect(400);
      await t.http().get('/api/admin/audit?from=yesterday').set(admin.auth).expect(400);
      await t.http().get('/api/admin/audit?pageSize=101').set(admin.auth).expect(400);
    });
  });
});
