import { COUNTIES, createUser, TestUser, useTestApp } from '@farmlink/testing';

describe('Cooperatives (e2e)', () => {
  const t = useTestApp();
  let manager: TestUser;

  beforeAll(async () => {
    manager = await createUser(t, 'farmer', { displayName: '李支书' });
  });

  const count = async (table: string) => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  /** POST /api/cooperatives as `by`; the caller says which status to expect. */
  const postCooperative = (by: TestUser, body: Record<string, unknown>) => t.http().post('/api/cooperatives').set(by.auth).send(body);

  async function createCoop(by: TestUser, body: Record<string, unknown> = {}) {
    const res = await postCooperative(by, { name: `桐梓县方竹笋专业合作社 ${Math.random().toString(36).slice(2, 7)}`, countyCode: COUNTIES.tongzi, ...body }).expect(201);
    return res.body as { id: string; name: string };
  }

  it('a farmer creates a cooperative and becomes its manager and first member', async () => {
    const res = await postCooperative(manager, { name: '  石坎村茶叶合作社 ', countyCode: COUNTIES.tongzi, registrationNo: '93520322MA6D000001' }).expect(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      name: '石坎村茶叶合作社',
      countyCode: COUNTIES.tongzi,
      countyName: '桐梓县',
      registrationNo: '93520322MA6D000001',
      managerId: manager.id,
      memberCount: 1,
    });
    const members = await t.http().get(`/api/cooperatives/${res.body.id}/members`).set(manager.auth).expect(200);
    expect(members.body).toEqual([expect.objectContaining({ farmerId: manager.id, role: 'manager', displayName: '李支书' })]);
  });

  it('only farmers may create one; anonymous callers get 401', async () => {
    const buyer = await createUser(t, 'buyer');
    await postCooperative(buyer, { name: 'x', countyCode: COUNTIES.tongzi }).expect(403);
    await t.http().post('/api/cooperatives').send({ name: 'x', countyCode: COUNTIES.tongzi }).expect(401);
  });

  it.each([
    ['an unknown county', { countyCode: '520399' }],
    ['a province code', { countyCode: '520000' }],
    ['a malformed county', { countyCode: '52' }],
    ['an empty name', { name: '   ' }],
    ['a name over 200 characters', { name: '社'.repeat(201) }],
    ['an unknown field', { managerId: '00000000-0000-0000-0000-000000000000' }],
  ])('refuses %s with 400 and stores nothing', async (_name, over) => {
    const before = [await count('cooperatives'), await count('cooperative_members')];
    const res = await postCooperative(manager, { name: '合作社', countyCode: COUNTIES.tongzi, ...over }).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect([await count('cooperatives'), await count('cooperative_members')]).toEqual(before);
  });

  it('answers 409 for a registration number already used', async () => {
    await createCoop(manager, { registrationNo: 'REG-DUP-1' });
    const res = await postCooperative(manager, { name: 'another', countyCode: COUNTIES.zhengan, registrationNo: 'REG-DUP-1' }).expect(409);
    expect(res.body.message).toMatch(/REG-DUP-1/);
  });

  it('the manager adds and removes members; a farmer may belong to several cooperatives', async () => {
    const coop = await createCoop(manager);
    const other = await createCoop(manager);
    const farmer = await createUser(t, 'farmer', { displayName: '王芳' });

    const added = await t.http().post(`/api/cooperatives/${coop.id}/members`).set(manager.auth).send({ farmerId: farmer.id }).expect(201);
    expect(added.body).toMatchObject({ cooperativeId: coop.id, farmerId: farmer.id, role: 'member', displayName: '王芳' });
    await t.http().post(`/api/cooperatives/${other.id}/members`).set(manager.auth).send({ farmerId: farmer.id }).expect(201);

    const dup = await t.http().post(`/api/cooperatives/${coop.id}/members`).set(manager.auth).send({ farmerId: farmer.id }).expect(409);
    expect(dup.body).toMatchObject({ statusCode: 409, error: 'Conflict' });

    const got = await t.http().get(`/api/cooperatives/${coop.id}`).expect(200);
    expect(got.body.memberCount).toBe(2);

    await t.http().delete(`/api/cooperatives/${coop.id}/members/${farmer.id}`).set(manager.auth).expect(204);
    expect((await t.http().get(`/api/cooperatives/${coop.id}`).expect(200)).body.memberCount).toBe(1);
    expect((await t.http().get(`/api/cooperatives/${other.id}`).expect(200)).body.memberCount).toBe(2);
    await t.http().delete(`/api/cooperatives/${coop.id}/members/${farmer.id}`).set(manager.auth).expect(404);
  });

  it('only farmers can be members: a buyer or an unknown user is refused and nothing is stored', async () => {
    const coop = await createCoop(manager);
    const buyer = await createUser(t, 'buyer');
    const before = await count('cooperative_members');
    await t.http().post(`/api/cooperatives/${coop.id}/members`).set(manager.auth).send({ farmerId: buyer.id }).expect(422);
    await t
      .http()
      .post(`/api/cooperatives/${coop.id}/members`)
      .set(manager.auth)
      .send({ farmerId: '00000000-0000-4000-8000-000000000000' })
      .expect(422);
    await t.http().post(`/api/cooperatives/${coop.id}/members`).set(manager.auth).send({ farmerId: 'not-a-uuid' }).expect(400);
    expect(await count('cooperative_members')).toBe(before);
  });

  it('the manager cannot remove themselves (422)', async () => {
    const coop = await createCoop(manager);
    const res = await t.http().delete(`/api/cooperatives/${coop.id}/members/${manager.id}`).set(manager.auth).expect(422);
    expect(res.body.message).toMatch(/manager/);
    expect((await t.http().get(`/api/cooperatives/${coop.id}`).expect(200)).body.memberCount).toBe(1);
  });

  it('other farmers, even members, may not manage members (403); unknown cooperatives are 404', async () => {
    const coop = await createCoop(manager);
    const member = await createUser(t, 'farmer');
    const stranger = await createUser(t, 'farmer');
    await t.http().post(`/api/cooperatives/${coop.id}/members`).set(manager.auth).send({ farmerId: member.id }).expect(201);

    await t.http().post(`/api/cooperatives/${coop.id}/members`).set(member.auth).send({ farmerId: stranger.id }).expect(403);
    await t.http().delete(`/api/cooperatives/${coop.id}/members/${member.id}`).set(stranger.auth).expect(403);
    await t.http().get(`/api/cooperatives/${coop.id}/members`).set(member.auth).expect(403);
    expect((await t.http().get(`/api/cooperatives/${coop.id}`).expect(200)).body.memberCount).toBe(2);

    const unknown = '00000000-0000-4000-8000-000000000000';
    await t.http().get(`/api/cooperatives/${unknown}`).expect(404);
    await t.http().post(`/api/cooperatives/${unknown}/members`).set(manager.auth).send({ farmerId: member.id }).expect(404);
    // Anything that is not an id is read as a slug (readable links, v1.1): an unknown one is 404 (it was 400 before slugs).
    await t.http().get('/api/cooperatives/not-a-uuid').expect(404);
    await t.http().post('/api/cooperatives/not-a-uuid/members').set(manager.auth).send({ farmerId: member.id }).expect(400);
  });

  it('officers and admins read the member list; buyers may not', async () => {
    const coop = await createCoop(manager);
    const officer = await createUser(t, 'officer');
    const admin = await createUser(t, 'admin');
    const buyer = await createUser(t, 'buyer');
    const res = await t.http().get(`/api/cooperatives/${coop.id}/members`).set(officer.auth).expect(200);
    expect(res.body.map((m: { farmerId: string }) => m.farmerId)).toEqual([manager.id]);
    await t.http().get(`/api/cooperatives/${coop.id}/members`).set(admin.auth).expect(200);
    await t.http().get(`/api/cooperatives/${coop.id}/members`).set(buyer.auth).expect(403);
    await t.http().get(`/api/cooperatives/${coop.id}/members`).expect(401);
  });

  it('anyone lists cooperatives by county and by part of the name, page by page', async () => {
    const lankaoFarmer = await createUser(t, 'farmer', { countyCode: COUNTIES.lankao });
    const names = ['兰考蜜瓜合作社', '兰考泡桐乐器合作社', '兰考红薯合作社'];
    for (const name of names) await createCoop(lankaoFarmer, { name, countyCode: COUNTIES.lankao });

    const byCounty = await t.http().get('/api/cooperatives').query({ countyCode: COUNTIES.lankao }).expect(200);
    expect(byCounty.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(byCounty.body.items.map((c: { name: string }) => c.name).sort()).toEqual([...names].sort());

    const byName = await t.http().get('/api/cooperatives').query({ q: '蜜瓜' }).expect(200);
    expect(byName.body.items.map((c: { name: string }) => c.name)).toEqual(['兰考蜜瓜合作社']);

    // % and _ are matched literally, not as wildcards
    expect((await t.http().get('/api/cooperatives').query({ q: '%' }).expect(200)).body.total).toBe(0);

    const p1 = await t.http().get('/api/cooperatives').query({ countyCode: COUNTIES.lankao, pageSize: 2 }).expect(200);
    const p2 = await t.http().get('/api/cooperatives').query({ countyCode: COUNTIES.lankao, pageSize: 2, page: 2 }).expect(200);
    expect(p1.body.items).toHaveLength(2);
    expect(p2.body.items).toHaveLength(1);
    expect(new Set([...p1.body.items, ...p2.body.items].map((c: { id: string }) => c.id)).size).toBe(3);

    await t.http().get('/api/cooperatives').query({ pageSize: 101 }).expect(400);
    await t.http().get('/api/cooperatives').query({ page: '1.5' }).expect(400);
    await t.http().get('/api/cooperatives').query({ countyCode: 'abc' }).expect(400);
  });
  it("a removed member's listing leaves the cooperative for good: the manager cannot revive it, and a sale goes to the farmer", async () => {
    const coop = await createCoop(manager);
    const farmer = await createUser(t, 'farmer', { displayName: '赵敏' });
    const buyer = await createUser(t, 'buyer');
    await t.http().post(`/api/cooperatives/${coop.id}/members`).set(manager.auth).send({ farmerId: farmer.id }).expect(201);
    const listing = (
      await t
        .http()
        .post('/api/listings')
        .set(farmer.auth)
        .send({ title: '方竹笋', category: 'vegetables', unit: 'box', netWeightGrams: 2500, priceCents: 4800, stock: 10, cooperativeId: coop.id })
        .expect(201)
    ).body as { id: string };

    await t.http().delete(`/api/cooperatives/${coop.id}/members/${farmer.id}`).set(manager.auth).expect(204);
    const after = (await t.http().get(`/api/listings/${listing.id}`).expect(200)).body;
    expect(after).toMatchObject({ cooperativeId: null, status: 'paused', farmerId: farmer.id });

    // The manager no longer acts for it; nobody can put it back into the cooperative without membership.
    await t.http().patch(`/api/listings/${listing.id}`).set(manager.auth).send({ status: 'active' }).expect(403);
    await t.http().patch(`/api/listings/${listing.id}`).set(farmer.auth).send({ cooperativeId: coop.id }).expect(422);
    const direct = await t.db.query(`UPDATE listings SET cooperative_id = $1 WHERE id = $2`, [coop.id, listing.id]).catch((e: { code?: string }) => e);
    expect(direct).toMatchObject({ code: '23503' }); // the database refuses a listing of a non-member in the cooperative

    // The farmer may sell it alone: the order's seller of record is the farmer, not the cooperative.
    await t.http().patch(`/api/listings/${listing.id}`).set(farmer.auth).send({ status: 'active' }).expect(200);
    const res = await t
      .http()
      .post('/api/checkouts')
      .set(buyer.auth)
      .set('Idempotency-Key', `coop-left-${listing.id}`)
      .send({ items: [{ listingId: listing.id, quantity: 1 }], shippingAddress: { name: '陈静', phone: '13800000000', countyCode: '110105', line1: '建国路 88 号' } })
      .expect(201);
    expect(res.body.orders).toEqual([expect.objectContaining({ sellerType: 'farmer', sellerId: farmer.id })]);
  });
});

describe('A farmer\'s own cooperatives (e2e)', () => {
  const t = useTestApp();

  it('lists the cooperatives a farmer manages or belongs to, and no others', async () => {
    const manager = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
    const member = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
    const stranger = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
    const mine = await t.http().post('/api/cooperatives').set(manager.auth).send({ name: '山堡猕猴桃合作社', countyCode: COUNTIES.tongzi }).expect(201);
    await t.http().post('/api/cooperatives').set(stranger.auth).send({ name: '别人的合作社', countyCode: COUNTIES.tongzi }).expect(201);
    await t.http().post(`/api/cooperatives/${mine.body.id}/members`).set(manager.auth).send({ farmerId: member.id }).expect(201);

    const ofManager = await t.http().get('/api/cooperatives/mine').set(manager.auth).expect(200);
    const ofMember = await t.http().get('/api/cooperatives/mine').set(member.auth).expect(200);
    expect(ofManager.body.map((c: { id: string }) => c.id)).toEqual([mine.body.id]);
    expect(ofMember.body.map((c: { id: string }) => c.id)).toEqual([mine.body.id]);
    expect(ofMember.body[0]).toMatchObject({ name: '山堡猕猴桃合作社', memberCount: 2 });
    await t.http().get('/api/cooperatives/mine').set((await createUser(t, 'buyer')).auth).expect(403);
  });

});
