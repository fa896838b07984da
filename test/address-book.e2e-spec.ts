import { randomUUID } from 'node:crypto';
import { COUNTIES, createUser, TestUser, useTestApp } from '@farmlink/testing';

/** Issue 15, item 3: a buyer's address book (/api/me/addresses), with exactly one default whenever there is any. */
describe('Address book (e2e)', () => {
  const t = useTestApp();
  let buyer: TestUser;
  const home = { name: '陈静', phone: '13800000001', countyCode: COUNTIES.tongzi, line1: '娄山关镇 1 号' };
  const work = { name: '陈静', phone: '19912345678', countyCode: COUNTIES.lankao, line1: '城关镇 8 号' };

  beforeEach(async () => {
    buyer = await createUser(t, 'buyer');
  });

  const list = async (u: TestUser = buyer) => (await t.http().get('/api/me/addresses').set(u.auth).expect(200)).body as { id: string; isDefault: boolean; line1: string }[];
  const add = (body: object, u: TestUser = buyer) => t.http().post('/api/me/addresses').set(u.auth).send(body);
  const defaults = async () => (await list()).filter((a) => a.isDefault).map((a) => a.line1);

  it('the first address is the default; a later one becomes it only when asked', async () => {
    const first = await add(home).expect(201);
    expect(first.body).toMatchObject({ ...home, isDefault: true });
    expect(first.body.id).toEqual(expect.any(String));
    const second = await add(work).expect(201);
    expect(second.body.isDefault).toBe(false);
    expect(await defaults()).toEqual([home.line1]);
    await add({ ...work, line1: '新地址', isDefault: true }).expect(201);
    expect(await defaults()).toEqual(['新地址']);
    expect((await list())[0].line1).toBe('新地址'); // the default first
  });

  it('PATCH makes another the default (one default), changes fields; un-defaulting hands it on', async () => {
    const a = (await add(home).expect(201)).body;
    const b = (await add(work).expect(201)).body;
    const changed = await t.http().patch(`/api/me/addresses/${b.id}`).set(buyer.auth).send({ isDefault: true, line1: '城关镇 9 号' }).expect(200);
    expect(changed.body).toMatchObject({ id: b.id, isDefault: true, line1: '城关镇 9 号', phone: work.phone });
    expect(await defaults()).toEqual(['城关镇 9 号']);
    await t.http().patch(`/api/me/addresses/${b.id}`).set(buyer.auth).send({ isDefault: false }).expect(200);
    expect(await defaults()).toEqual([home.line1]);
    // Alone, the default stays the default.
    await t.http().delete(`/api/me/addresses/${b.id}`).set(buyer.auth).expect(204);
    await t.http().patch(`/api/me/addresses/${a.id}`).set(buyer.auth).send({ isDefault: false }).expect(200);
    expect(await defaults()).toEqual([home.line1]);
  });

  it('deleting the default hands it to the oldest other address; deleting the last leaves none', async () => {
    const a = (await add(home).expect(201)).body;
    await add(work).expect(201);
    await add({ ...work, line1: '第三个' }).expect(201);
    await t.http().delete(`/api/me/addresses/${a.id}`).set(buyer.auth).expect(204);
    expect(await defaults()).toEqual([work.line1]);
    for (const x of await list()) await t.http().delete(`/api/me/addresses/${x.id}`).set(buyer.auth).expect(204);
    expect(await list()).toEqual([]);
  });

  it('validates: Chinese mobile numbers, a known county, the lengths (400, nothing saved)', async () => {
    const bad = [
      { ...home, phone: '12800000001' },
      { ...home, phone: '1380000000' },
      { ...home, phone: '+86 138 0000 0001' },
      { ...home, phone: 13800000001 },
      { ...home, countyCode: '52032' },
      { ...home, countyCode: '520300' }, // a prefecture, not a county
      { ...home, countyCode: '999999' },
      { ...home, name: '' },
      { ...home, line1: 'x'.repeat(301) },
      { ...home, isDefault: 'yes' },
      { name: home.name },
    ];
    for (const body of bad) {
      const res = await add(body);
      expect([res.status, body]).toEqual([400, body]);
    }
    const msg = (await add({ ...home, phone: '12800000001' })).body.message;
    expect(JSON.stringify(msg)).toMatch(/phone must be a mainland mobile number/);
    expect(await list()).toEqual([]);
    const a = (await add(home).expect(201)).body;
    await t.http().patch(`/api/me/addresses/${a.id}`).set(buyer.auth).send({ phone: '10000000000' }).expect(400);
    await t.http().patch(`/api/me/addresses/${a.id}`).set(buyer.auth).send({ countyCode: '000000' }).expect(400);
    expect((await list())[0]).toMatchObject({ phone: home.phone, countyCode: home.countyCode });
  });

  it("another user's address is 404 for read-modify-delete, and a bad id 400", async () => {
    const other = await createUser(t, 'buyer');
    const theirs = (await add(home, other).expect(201)).body;
    await t.http().patch(`/api/me/addresses/${theirs.id}`).set(buyer.auth).send({ line1: 'mine now' }).expect(404);
    await t.http().delete(`/api/me/addresses/${theirs.id}`).set(buyer.auth).expect(404);
    await t.http().patch(`/api/me/addresses/${randomUUID()}`).set(buyer.auth).send({ line1: 'x' }).expect(404);
    await t.http().delete('/api/me/addresses/not-a-uuid').set(buyer.auth).expect(400);
    expect(await list()).toEqual([]);
    expect((await list(other))[0]).toMatchObject({ id: theirs.id, line1: home.line1, isDefault: true });
  });

  it('is for buyers: a farmer gets 403, no token 401', async () => {
    const farmer = await createUser(t, 'farmer');
    await t.http().get('/api/me/addresses').set(farmer.auth).expect(403);
    await add(home, farmer).expect(403);
    await t.http().get('/api/me/addresses').expect(401);
  });

  it('keeps exactly one default when many are made default at once', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => add({ ...home, line1: `地址 ${i}`, isDefault: true }).expect(201)));
    const all = await list();
    expect(all).toHaveLength(8);
    expect(all.filter((a) => a.isDefault)).toHaveLength(1);
  });

  it('holds at most 20 addresses (422)', async () => {
    for (let i = 0; i < 20; i++) await add({ ...home, line1: `地址 ${i}` }).expect(201);
    await add(home).expect(422);
  });
});
