import { checkout, COUNTIES, createListing, createTestApp, createUser, TestApp, TestUser } from '@farmlink/testing';

/**
 * #16 item 5: an admin sees a programme's enrolled counties (names and codes), edits and deletes
 * programmes, and lists officer accounts. A programme whose counties have sales is never deleted
 * (its reports read its counties), and every change is audited.
 */
describe('Programmes: detail, edit, delete (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, 'admin');
    officer = await createUser(t, 'officer', { displayName: '刘专员', jurisdictionCode: '520000' });
    // A paid sale in 桐梓县.
    const farmer = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
    const buyer = await createUser(t, 'buyer');
    const listing = await createListing(t, farmer, { priceCents: 1500, stock: 10 });
    const res = await checkout(t, buyer, [{ listingId: listing.id, quantity: 2 }]).expect(201);
    await t.http().post(`/api/payments/${res.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
  });
  afterAll(() => t.close());

  const create = async (name: string, countyCodes: string[]) => {
    const p = (await t.http().post('/api/programmes').set(admin.auth).send({ name, startDate: '2026-01-01' }).expect(201)).body;
    if (countyCodes.length) await t.http().put(`/api/programmes/${p.id}/counties`).set(admin.auth).send({ countyCodes, enrolledOn: '2026-02-01' }).expect(200);
    return p as { id: string };
  };
  const audit = (id: string, action: string) =>
    t.db.query(`SELECT actor_id AS "actorId", details FROM audit_log WHERE target_id = $1 AND action = $2 ORDER BY seq`, [id, action]);

  it('GET /api/programmes/:id names the enrolled counties with their parents and enrolment dates', async () => {
    const p = await create('示范项目 A', [COUNTIES.leishan, COUNTIES.tongzi]);
    const res = await t.http().get(`/api/programmes/${p.id}`).set(officer.auth).expect(200);
    expect(res.body.countyCodes).toEqual([COUNTIES.tongzi, COUNTIES.leishan].sort());
    expect(res.body.counties).toEqual([
      { code: COUNTIES.tongzi, name: '桐梓县', enrolledOn: '2026-02-01', parents: [expect.objectContaining({ name: '贵州省' }), expect.objectContaining({ name: '遵义市' })] },
      { code: COUNTIES.leishan, name: '雷山县', enrolledOn: '2026-02-01', parents: [expect.objectContaining({ name: '贵州省' }), expect.objectContaining({ code: '522600' })] },
    ]);
    expect(res.body.countyCount).toBe(2);
  });

  it('PATCH renames and moves dates (null end: ongoing), audited with what changed; a bad end is 400 and changes nothing', async () => {
    const p = await create('旧名称', []);
    const res = await t.http().patch(`/api/programmes/${p.id}`).set(admin.auth).send({ name: '新名称', endDate: '2026-12-31' }).expect(200);
    expect(res.body).toMatchObject({ id: p.id, name: '新名称', startDate: '2026-01-01', endDate: '2026-12-31' });
    expect(await audit(p.id, 'programme.update')).toEqual([
      { actorId: admin.id, details: { name: { from: '旧名称', to: '新名称' }, endDate: { from: null, to: '2026-12-31' } } },
    ]);

    await t.http().patch(`/api/programmes/${p.id}`).set(admin.auth).send({ startDate: '2027-01-01' }).expect(400); // after the end
    await t.http().patch(`/api/programmes/${p.id}`).set(admin.auth).send({ name: '' }).expect(400);
    await t.http().patch(`/api/programmes/${p.id}`).set(admin.auth).send({ countyCodes: ['520322'] }).expect(400);
    const cleared = await t.http().patch(`/api/programmes/${p.id}`).set(admin.auth).send({ endDate: null }).expect(200);
    expect(cleared.body).toMatchObject({ name: '新名称', startDate: '2026-01-01', endDate: null });
    expect(await audit(p.id, 'programme.update')).toHaveLength(2);

    await t.http().patch(`/api/programmes/${p.id}`).set(officer.auth).send({ name: 'x' }).expect(403);
    await t.http().patch(`/api/programmes/00000000-0000-4000-8000-000000000000`).set(admin.auth).send({ name: 'x' }).expect(404);
  });

  it('DELETE removes a programme without sales (its counties with it), audited; officers may not', async () => {
    const p = await create('误建的项目', [COUNTIES.lankao, COUNTIES.pingshan]);
    await t.http().delete(`/api/programmes/${p.id}`).set(officer.auth).expect(403);
    await t.http().delete(`/api/programmes/${p.id}`).set(admin.auth).expect(204);
    await t.http().get(`/api/programmes/${p.id}`).set(admin.auth).expect(404);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM programme_counties WHERE programme_id = $1`, [p.id]))[0].n).toBe(0);
    expect(await audit(p.id, 'programme.delete')).toEqual([
      { actorId: admin.id, details: { name: '误建的项目', startDate: '2026-01-01', endDate: null, countyCodes: [COUNTIES.pingshan, COUNTIES.lankao].sort() } },
    ]);
    await t.http().delete(`/api/programmes/${p.id}`).set(admin.auth).expect(404);
    await t.http().delete(`/api/programmes/not-a-uuid`).set(admin.auth).expect(400);
  });

  it('DELETE is refused (409) when its counties have sales: the programme, its counties and its report stay as they were', async () => {
    const p = await create('有销售的项目', [COUNTIES.tongzi, COUNTIES.lankao]);
    const q = `from=2000-01-01&to=2002-12-31&groupBy=county&programmeId=${p.id}`;
    const thisYear = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4);
    const report = (await t.http().get(`/api/reports/sales?from=${thisYear}-01-01&to=${thisYear}-12-31&programmeId=${p.id}`).set(admin.auth).expect(200)).body;
    expect(report.totals.grossSalesCents).toBe(3000);

    const res = await t.http().delete(`/api/programmes/${p.id}`).set(admin.auth).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, code: 'PROGRAMME_HAS_HISTORY' });
    const after = (await t.http().get(`/api/programmes/${p.id}`).set(admin.auth).expect(200)).body;
    expect(after.countyCodes).toEqual([COUNTIES.lankao, COUNTIES.tongzi].sort());
    expect((await t.http().get(`/api/reports/sales?from=${thisYear}-01-01&to=${thisYear}-12-31&programmeId=${p.id}`).set(admin.auth).expect(200)).body).toEqual(report);
    await t.http().get(`/api/reports/sales?${q}`).set(admin.auth).expect(200);
    expect(await audit(p.id, 'programme.delete')).toEqual([]);
  });

  it('GET /api/admin/users?role=officer pages the officer accounts with their jurisdiction (admin only)', async () => {
    const res = await t.http().get('/api/admin/users?role=officer&pageSize=100').set(admin.auth).expect(200);
    expect(res.body.items.every((u: { role: string }) => u.role === 'officer')).toBe(true);
    expect(res.body.items).toContainEqual(expect.objectContaining({ id: officer.id, displayName: '刘专员', jurisdictionCode: '520000' }));
    await t.http().get('/api/admin/users?role=officer').set(officer.auth).expect(403);
  });
});
