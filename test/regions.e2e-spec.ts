import { createUser, useTestApp } from '@farmlink/testing';

describe('Regions and programmes (e2e)', () => {
  const t = useTestApp();

  it('lists about 3,000 counties with names', async () => {
    const res = await t.http().get('/api/regions?level=county').expect(200);
    expect(res.body.length).toBeGreaterThan(2900);
    expect(res.body.length).toBeLessThan(3100);
    expect(res.body.every((r: { name: string; level: string }) => r.name.length > 0 && r.level === 'county')).toBe(true);
  });

  it('lists 31 provinces and the prefectures of one', async () => {
    const provinces = await t.http().get('/api/regions?level=province').expect(200);
    expect(provinces.body).toHaveLength(31);
    expect(provinces.body).toContainEqual({ code: '520000', name: '贵州省', level: 'province', parentCode: null });
    const pref = await t.http().get('/api/regions?parentCode=520000').expect(200);
    expect(pref.body.map((r: { code: string }) => r.code)).toContain('520300');
  });

  it('finds by name', async () => {
    const res = await t.http().get(`/api/regions?q=${encodeURIComponent('桐梓')}`).expect(200);
    expect(res.body).toEqual([{ code: '520322', name: '桐梓县', level: 'county', parentCode: '520300' }]);
  });

  it('returns a county with its prefecture and province', async () => {
    const res = await t.http().get('/api/regions/520322').expect(200);
    expect(res.body).toMatchObject({ code: '520322', name: '桐梓县', level: 'county' });
    expect(res.body.parents.map((p: { code: string; name: string }) => [p.code, p.name])).toEqual([
      ['520000', '贵州省'],
      ['520300', '遵义市'],
    ]);
  });

  it('answers 404 for an unknown code and 400 for a bad filter', async () => {
    await t.http().get('/api/regions/999999').expect(404);
    await t.http().get('/api/regions?level=planet').expect(400);
  });

  it('lets an admin create a programme and enrol counties from JSON or CSV; unknown codes change nothing', async () => {
    const admin = await createUser(t, 'admin');
    const officer = await createUser(t, 'officer');
    const p = await t.http().post('/api/programmes').set(admin.auth).send({ name: '电子商务进农村综合示范', startDate: '2026-01-01' }).expect(201);
    expect(p.body).toMatchObject({ name: '电子商务进农村综合示范', startDate: '2026-01-01', countyCount: 0 });

    const ok = await t.http().put(`/api/programmes/${p.body.id}/counties`).set(admin.auth).send({ countyCodes: ['520322', '520324'] }).expect(200);
    expect(ok.body).toEqual({ enrolled: 2, countyCodes: ['520322', '520324'] });

    const bad = await t.http().put(`/api/programmes/${p.body.id}/counties`).set(admin.auth).send({ countyCodes: ['520322', '123456', '520000'] }).expect(400);
    expect(bad.body.unknownCodes).toEqual(['123456', '520000']);

    const csv = await t
      .http()
      .put(`/api/programmes/${p.body.id}/counties`)
      .set(admin.auth)
      .set('Content-Type', 'text/csv')
      .send('countyCode,name\n520322,桐梓县\n522634,雷山县\n410225,兰考县\n')
      .expect(200);
    expect(csv.body).toEqual({ enrolled: 3, countyCodes: ['410225', '520322', '522634'] });

    const list = await t.http().get('/api/programmes').set(officer.auth).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: p.body.id, countyCount: 3 })]);

    await t.http().post('/api/programmes').set(officer.auth).send({ name: 'x', startDate: '2026-01-01' }).expect(403);
    await t.http().post('/api/programmes').set(admin.auth).send({ name: 'x', startDate: '2026-02-30' }).expect(400);
    await t.http().get('/api/programmes').set((await createUser(t, 'buyer')).auth).expect(403);
    await t.http().put(`/api/programmes/${p.body.id}/counties`).set(admin.auth).send({ countyCodes: 'x' }).expect(400);
  });
});
