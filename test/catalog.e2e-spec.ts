import sharp from 'sharp';
import { COUNTIES, createUser, TestUser, useTestApp } from '@farmlink/testing';

const UUID0 = '00000000-0000-4000-8000-000000000000';

function listingBody(over: Record<string, unknown> = {}) {
  return {
    title: '桐梓方竹笋 鲜笋 5斤装',
    description: '海拔1200米高山方竹林现挖，当天发货。',
    category: 'vegetables',
    unit: 'box',
    netWeightGrams: 2500,
    priceCents: 4800,
    stock: 120,
    harvestDate: '2026-04-12',
    ...over,
  };
}

async function image(format: 'jpeg' | 'png' | 'webp', width = 1600, height = 1200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 160, b: 60 } } })
    [format]()
    .toBuffer();
}

describe('Catalog: listings and photos (e2e)', () => {
  const t = useTestApp();
  let farmer: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    farmer = await createUser(t, 'farmer', { displayName: '王芳', countyCode: COUNTIES.tongzi });
    other = await createUser(t, 'farmer', { countyCode: COUNTIES.lankao });
  });

  const count = async (table: string) => (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
  const create = async (by: TestUser, over: Record<string, unknown> = {}) =>
    (await t.http().post('/api/listings').set(by.auth).send(listingBody(over)).expect(201)).body;
  const upload = (by: TestUser, listingId: string, data: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg') =>
    t.http().post(`/api/listings/${listingId}/photos`).set(by.auth).attach('file', data, { filename, contentType });

  it('the whole story: register, cooperative, member, listings alone and through the cooperative, a photo served; others cannot change it', async () => {
    const reg = await t
      .http()
      .post('/api/auth/register')
      .send({ email: 'li.wei@farmlink.test', password: 'good-password', displayName: '李伟', role: 'farmer', countyCode: COUNTIES.zhengan })
      .expect(201);
    const li = { Authorization: `Bearer ${reg.body.accessToken}` };
    const liId = reg.body.user.id as string;

    const coop = (await t.http().post('/api/cooperatives').set(li).send({ name: '正安白茶合作社', countyCode: COUNTIES.zhengan }).expect(201)).body;
    const member = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
    await t.http().post(`/api/cooperatives/${coop.id}/members`).set(li).send({ farmerId: member.id }).expect(201);

    const alone = (await t.http().post('/api/listings').set(li).send(listingBody({ title: '正安白茶 明前 250g', category: 'tea', unit: 'tin', netWeightGrams: 250, priceCents: 16800 })).expect(201)).body;
    expect(alone).toMatchObject({
      title: '正安白茶 明前 250g',
      status: 'active',
      farmerId: liId,
      farmerName: '李伟',
      cooperativeId: null,
      countyCode: COUNTIES.zhengan,
      countyName: '正安县',
      currency: 'CNY',
      priceCents: 16800,
      unitPriceCentsPerKg: 67200,
      photos: [],
    });

    const viaCoop = (await t.http().post('/api/listings').set(member.auth).send(listingBody({ cooperativeId: coop.id })).expect(201)).body;
    // The producer's county, not the cooperative's.
    expect(viaCoop).toMatchObject({ farmerId: member.id, cooperativeId: coop.id, cooperativeName: '正安白茶合作社', countyCode: COUNTIES.tongzi });

    const photo = await upload(member, viaCoop.id, await image('jpeg')).expect(201);
    expect(photo.body).toMatchObject({ position: 0, url: expect.stringMatching(/^\/api\/photos\/.+-1280\.webp$/), width: 1280, height: 960 });
    expect(photo.body.sizes.map((s: { width: number }) => s.width)).toEqual([320, 640, 1280]);

    const served = await t.http().get(photo.body.url).expect(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['cache-control']).toMatch(/max-age=31536000/);
    expect((await sharp(served.body).metadata()).width).toBe(1280);
    const small = await t.http().get(photo.body.sizes[0].url).expect(200);
    expect((await sharp(small.body).metadata()).width).toBe(320);

    const got = await t.http().get(`/api/listings/${viaCoop.id}`).expect(200);
    expect(got.body.photos).toEqual([photo.body]);

    // The cooperative's manager may edit the member's listing, but not archive it; strangers may do neither.
    const edited = await t.http().patch(`/api/listings/${viaCoop.id}`).set(li).send({ priceCents: 5000, status: 'paused' }).expect(200);
    expect(edited.body).toMatchObject({ priceCents: 5000, status: 'paused', unitPriceCentsPerKg: 2000 });
    await t.http().delete(`/api/listings/${viaCoop.id}`).set(li).expect(403);
    await t.http().patch(`/api/listings/${viaCoop.id}`).set(other.auth).send({ priceCents: 1 }).expect(403);
    await t.http().delete(`/api/listings/${viaCoop.id}`).set(other.auth).expect(403);
    await upload(other, viaCoop.id, await image('png')).expect(403);
    // …and the manager has no say over the member's listings sold alone.
    const solo = await create(member);
    await t.http().patch(`/api/listings/${solo.id}`).set(li).send({ priceCents: 1 }).expect(403);
    expect((await t.http().get(`/api/listings/${viaCoop.id}`).expect(200)).body.priceCents).toBe(5000);
  });

  it('takes the county from the farmer, never from the request', async () => {
    const before = await count('listings');
    await t.http().post('/api/listings').set(farmer.auth).send(listingBody({ countyCode: COUNTIES.lankao })).expect(400);
    expect(await count('listings')).toBe(before);
    expect((await create(farmer)).countyCode).toBe(COUNTIES.tongzi);
  });

  it('rounds unitPriceCentsPerKg half up', async () => {
    expect((await create(farmer, { priceCents: 1, netWeightGrams: 2000 })).unitPriceCentsPerKg).toBe(1); // 0.5 → 1
    expect((await create(farmer, { priceCents: 1, netWeightGrams: 2001 })).unitPriceCentsPerKg).toBe(0); // 0.49…
    expect((await create(farmer, { priceCents: 999, netWeightGrams: 500, unit: 'jin' })).unitPriceCentsPerKg).toBe(1998);
  });

  it.each([
    ['a negative price', { priceCents: -1 }],
    ['a fractional price', { priceCents: 10.5 }],
    ['a price as a string', { priceCents: '4800' }],
    ['negative stock', { stock: -3 }],
    ['fractional stock', { stock: 1.5 }],
    ['a zero weight', { netWeightGrams: 0 }],
    ['an unknown category', { category: 'electronics' }],
    ['a title over 200 characters', { title: '笋'.repeat(201) }],
    ['an empty title', { title: '  ' }],
    ['a bad harvest date', { harvestDate: '2026-02-30' }],
    ['a malformed cooperativeId', { cooperativeId: 'coop-1' }],
    ['an archived status on create (only active or paused, #16 item 7)', { status: 'archived' }],
    ['a farmerId on create', { farmerId: UUID0 }],
  ])('refuses %s with 400 and stores nothing', async (_name, over) => {
    const before = await count('listings');
    const res = await t.http().post('/api/listings').set(farmer.auth).send(listingBody(over)).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(await count('listings')).toBe(before);
  });

  it('refuses a cooperative the farmer is not a member of (422), and an unknown one, storing nothing', async () => {
    const coop = (await t.http().post('/api/cooperatives').set(other.auth).send({ name: '兰考蜜瓜合作社', countyCode: COUNTIES.lankao }).expect(201)).body;
    const before = await count('listings');
    const res = await t.http().post('/api/listings').set(farmer.auth).send(listingBody({ cooperativeId: coop.id })).expect(422);
    expect(res.body.message).toMatch(/not a cooperative you are a member of/);
    await t.http().post('/api/listings').set(farmer.auth).send(listingBody({ cooperativeId: UUID0 })).expect(422);
    expect(await count('listings')).toBe(before);

    const mine = await create(farmer);
    await t.http().patch(`/api/listings/${mine.id}`).set(farmer.auth).send({ cooperativeId: coop.id }).expect(422);
    expect((await t.http().get(`/api/listings/${mine.id}`).expect(200)).body.cooperativeId).toBeNull();
  });

  it('only farmers create listings; anonymous callers get 401', async () => {
    const buyer = await createUser(t, 'buyer');
    await t.http().post('/api/listings').set(buyer.auth).send(listingBody()).expect(403);
    await t.http().post('/api/listings').send(listingBody()).expect(401);
  });

  it('stores HTML as plain text and answers it as JSON, never as HTML', async () => {
    const html = '<script>alert("x")</script><b>甜</b>';
    const created = await create(farmer, { title: html, description: `<img src=x onerror=alert(1)>` });
    const res = await t.http().get(`/api/listings/${created.id}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body.title).toBe(html);
    expect(res.body.description).toBe('<img src=x onerror=alert(1)>');
  });

  it('PATCH changes the given fields only and refuses bad values and archiving through status', async () => {
    const l = await create(farmer);
    const res = await t.http().patch(`/api/listings/${l.id}`).set(farmer.auth).send({ stock: 7, harvestDate: null }).expect(200);
    expect(res.body).toMatchObject({ stock: 7, harvestDate: null, title: l.title, priceCents: l.priceCents });
    expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(l.updatedAt).getTime());
    for (const bad of [{ status: 'archived' }, { priceCents: -5 }, { stock: 0.5 }, { category: 'x' }, { title: 'a'.repeat(201) }, { countyCode: '410225' }]) {
      await t.http().patch(`/api/listings/${l.id}`).set(farmer.auth).send(bad).expect(400);
    }
    const after = (await t.http().get(`/api/listings/${l.id}`).expect(200)).body;
    expect(after).toMatchObject({ stock: 7, status: 'active', priceCents: l.priceCents, category: l.category });
    await t.http().patch(`/api/listings/${UUID0}`).set(farmer.auth).send({ stock: 1 }).expect(404);
    await t.http().patch('/api/listings/not-a-uuid').set(farmer.auth).send({ stock: 1 }).expect(400);
  });

  it('DELETE archives: the row stays, the public gets 404, the farmer still sees it and cannot change it', async () => {
    const l = await create(farmer);
    await t.http().delete(`/api/listings/${l.id}`).set(farmer.auth).expect(204);
    const [row] = await t.db.query(`SELECT status FROM listings WHERE id = $1`, [l.id]);
    expect(row.status).toBe('archived');
    await t.http().get(`/api/listings/${l.id}`).expect(404);
    await t.http().get(`/api/listings/${l.id}`).set(other.auth).expect(404);
    await t.http().patch(`/api/listings/${l.id}`).set(other.auth).send({ stock: 1 }).expect(404);
    expect((await t.http().get(`/api/listings/${l.id}`).set(farmer.auth).expect(200)).body.status).toBe('archived');
    await t.http().patch(`/api/listings/${l.id}`).set(farmer.auth).send({ status: 'active' }).expect(422);
    await t.http().delete(`/api/listings/${l.id}`).set(farmer.auth).expect(204);
    const search = await t.http().get('/api/listings').query({ farmerId: farmer.id, pageSize: 100 }).expect(200);
    expect(search.body.items.map((i: { id: string }) => i.id)).not.toContain(l.id);
    await t.http().get(`/api/listings/${UUID0}`).expect(404);
    // v1.1: GET /api/listings/:idOrSlug reads anything that is not an id as a slug: unknown is 404 (it was 400 before slugs).
    await t.http().get('/api/listings/nope').expect(404);
    await t.http().patch('/api/listings/nope').set(farmer.auth).send({ stock: 1 }).expect(400);
  });

  it('search caches never hide a change made through the API (default cache settings)', async () => {
    const seller = await createUser(t, 'farmer', { countyCode: COUNTIES.pingshan });
    const query = { farmerId: seller.id };
    const first = await create(seller, { title: '平山红枣' });
    expect((await t.http().get('/api/listings').query(query).expect(200)).body.total).toBe(1);
    const second = await create(seller, { title: '平山核桃' });
    let res = await t.http().get('/api/listings').query(query).expect(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([second.id, first.id]);
    await t.http().patch(`/api/listings/${first.id}`).set(seller.auth).send({ status: 'paused' }).expect(200);
    res = await t.http().get('/api/listings').query(query).expect(200);
    expect(res.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: second.id })] });
    await t.http().delete(`/api/listings/${second.id}`).set(seller.auth).expect(204);
    expect((await t.http().get('/api/listings').query(query).expect(200)).body).toMatchObject({ total: 0, items: [] });
  });

  describe('photos', () => {
    it('accepts JPEG, PNG and WebP by their bytes, whatever the name or declared type', async () => {
      const l = await create(farmer);
      await upload(farmer, l.id, await image('png', 400, 300), 'holiday.txt', 'text/plain').expect(201);
      const webp = await upload(farmer, l.id, await image('webp', 200, 100), 'a.jpg', 'image/jpeg').expect(201);
      // Never enlarged: a 200-pixel photo stays 200 pixels wide.
      expect(webp.body).toMatchObject({ position: 1, width: 200, height: 100 });
      const got = (await t.http().get(`/api/listings/${l.id}`).expect(200)).body;
      expect(got.photos.map((p: { position: number }) => p.position)).toEqual([0, 1]);
    });

    it('refuses other types (415), files over 5 MB (413), damaged images and broken multipart (4xx), storing nothing', async () => {
      const l = await create(farmer);
      const before = await count('listing_photos');
      const gif = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(100)]);
      expect((await upload(farmer, l.id, gif, 'cat.jpg', 'image/jpeg').expect(415)).body).toMatchObject({ statusCode: 415, error: 'Unsupported Media Type' });
      await upload(farmer, l.id, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'x.png', 'image/png').expect(415);
      const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5 * 1024 * 1024)]);
      const tooBig = await upload(farmer, l.id, big).expect(413);
      expect(tooBig.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      const damaged = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
      await upload(farmer, l.id, damaged).expect(422);
      // Wrong field name, no file, not multipart, a cut-off body.
      await t.http().post(`/api/listings/${l.id}/photos`).set(farmer.auth).attach('photo', await image('jpeg', 10, 10), 'a.jpg').expect(400);
      await t.http().post(`/api/listings/${l.id}/photos`).set(farmer.auth).field('note', 'hello').expect(400);
      await t.http().post(`/api/listings/${l.id}/photos`).set(farmer.auth).send({ file: 'abc' }).expect(400);
      const broken = await t
        .http()
        .post(`/api/listings/${l.id}/photos`)
        .set(farmer.auth)
        .set('Content-Type', 'multipart/form-data; boundary=XYZ')
        .send('--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff');
      expect(broken.status).toBeGreaterThanOrEqual(400);
      expect(broken.status).toBeLessThan(500);
      expect(await count('listing_photos')).toBe(before);
    });

    it('keeps at most 8 photos, in order; removing one frees its place', async () => {
      const l = await create(farmer);
      const jpeg = await image('jpeg', 64, 64);
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) ids.push((await upload(farmer, l.id, jpeg).expect(201)).body.id);
      const ninth = await upload(farmer, l.id, jpeg).expect(422);
      expect(ninth.body.message).toMatch(/at most 8/);
      const got = (await t.http().get(`/api/listings/${l.id}`).expect(200)).body;
      expect(got.photos.map((p: { id: string }) => p.id)).toEqual(ids);

      await t.http().delete(`/api/listings/${l.id}/photos/${ids[2]}`).set(other.auth).expect(403);
      await t.http().delete(`/api/listings/${l.id}/photos/${ids[2]}`).set(farmer.auth).expect(204);
      await t.http().get(got.photos[2].url).expect(404);
      const again = await upload(farmer, l.id, jpeg).expect(201);
      expect(again.body.position).toBe(2);
      expect(await count(`listing_photos WHERE listing_id = '${l.id}'`)).toBe(8);
    });

    it('answers 404 for unknown listings and unknown photo files', async () => {
      await upload(farmer, UUID0, await image('jpeg', 10, 10)).expect(404);
      await t.http().get(`/api/photos/${UUID0}/${UUID0}-640.webp`).expect(404);
      await t.http().get('/api/photos/..%2F..%2Fetc/passwd').expect(404);
    });
  });
});
