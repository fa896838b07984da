import { COUNTIES, createUser, TestUser, useTestApp } from '@farmlink/testing';

interface Item {
  id: string;
  title: string;
  priceCents: number;
  countyCode: string;
  category: string;
}

/** Search on its own database, so totals are exact; the caches are off, so every answer comes from the database. */
describe('Catalog search (e2e)', () => {
  const t = useTestApp({ CATALOG_SEARCH_CACHE_MS: '0', CATALOG_COUNT_CACHE_MS: '0' });
  let tongzi: TestUser; // 贵州 遵义 桐梓
  let leishan: TestUser; // 贵州 黔东南 雷山
  let lankao: TestUser; // 河南 开封 兰考
  let dongguan: TestUser; // 广东 东莞 (441900: a county-level city whose code ends in 00)
  let coopId: string;
  const ids: Record<string, string> = {};

  const search = async (query: Record<string, unknown>) => (await t.http().get('/api/listings').query(query).expect(200)).body as {
    items: Item[];
    total: number;
    page: number;
    pageSize: number;
  };
  const titles = (items: Item[]) => items.map((i) => i.title);

  beforeAll(async () => {
    tongzi = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
    leishan = await createUser(t, 'farmer', { countyCode: COUNTIES.leishan });
    lankao = await createUser(t, 'farmer', { countyCode: COUNTIES.lankao });
    dongguan = await createUser(t, 'farmer', { countyCode: '441900' });
    coopId = (await t.http().post('/api/cooperatives').set(leishan.auth).send({ name: '雷山银球茶合作社', countyCode: COUNTIES.leishan }).expect(201)).body.id;

    const add = async (key: string, by: TestUser, body: Record<string, unknown>) => {
      const res = await t
        .http()
        .post('/api/listings')
        .set(by.auth)
        .send({ description: '', unit: 'box', netWeightGrams: 1000, stock: 10, ...body })
        .expect(201);
      ids[key] = res.body.id;
    };
    await add('bamboo', tongzi, { title: '桐梓方竹笋', description: '高山鲜笋', category: 'vegetables', priceCents: 4800 });
    await add('kiwi', tongzi, { title: '猕猴桃 5斤', description: '红心猕猴桃，产自方竹林下', category: 'fruit', priceCents: 3900 });
    await add('tea', leishan, { title: '雷山银球茶', description: '高山云雾茶', category: 'tea', priceCents: 12800, cooperativeId: coopId });
    await add('rice', leishan, { title: '雷山香禾糯', description: '100% 糯米_古法', category: 'grain', priceCents: 2500, stock: 0 });
    await add('melon', lankao, { title: '兰考蜜瓜', description: 'sweet melon', category: 'fruit', priceCents: 3900 });
    await add('lychee', dongguan, { title: '东莞荔枝', description: '糯米糍', category: 'fruit', priceCents: 6800 });
    await add('paused', tongzi, { title: '桐梓方竹笋干', category: 'vegetables', priceCents: 100 });
    await t.http().patch(`/api/listings/${ids.paused}`).set(tongzi.auth).send({ status: 'paused' }).expect(200);
    await add('archived', tongzi, { title: '方竹笋 旧款', category: 'vegetables', priceCents: 100 });
    await t.http().delete(`/api/listings/${ids.archived}`).set(tongzi.auth).expect(204);
  });

  it('shows only active listings, newest first, in the page shape', async () => {
    const res = await search({});
    expect(res).toMatchObject({ total: 6, page: 1, pageSize: 20 });
    expect(titles(res.items)).toEqual(['东莞荔枝', '兰考蜜瓜', '雷山香禾糯', '雷山银球茶', '猕猴桃 5斤', '桐梓方竹笋']);
    expect(res.items[0]).toMatchObject({ unitPriceCentsPerKg: 6800, countyName: '东莞市', photos: [] });
  });

  it('finds Chinese keywords in the title and the description', async () => {
    expect(titles((await search({ q: '方竹' })).items).sort()).toEqual(['桐梓方竹笋', '猕猴桃 5斤'].sort());
    expect(titles((await search({ q: '高山' })).items).sort()).toEqual(['桐梓方竹笋', '雷山银球茶'].sort());
    expect(titles((await search({ q: '糯' })).items).sort()).toEqual(['东莞荔枝', '雷山香禾糯'].sort());
    expect((await search({ q: 'MELON' })).total).toBe(1);
    expect((await search({ q: '榴莲' })).total).toBe(0);
  });

  it('matches % and _ literally', async () => {
    expect(titles((await search({ q: '100%' })).items)).toEqual(['雷山香禾糯']);
    expect(titles((await search({ q: '_' })).items)).toEqual(['雷山香禾糯']);
    expect((await search({ q: '%%' })).total).toBe(0);
  });

  it('filters by category, county, farmer and cooperative', async () => {
    expect(titles((await search({ category: 'fruit' })).items)).toEqual(['东莞荔枝', '兰考蜜瓜', '猕猴桃 5斤']);
    expect(titles((await search({ countyCode: COUNTIES.leishan })).items)).toEqual(['雷山香禾糯', '雷山银球茶']);
    expect(titles((await search({ farmerId: tongzi.id })).items)).toEqual(['猕猴桃 5斤', '桐梓方竹笋']);
    expect(titles((await search({ cooperativeId: coopId })).items)).toEqual(['雷山银球茶']);
    expect((await search({ category: 'fruit', countyCode: COUNTIES.tongzi })).total).toBe(1);
  });

  it('filters by region: province, prefecture, county, and the county-level cities whose codes end in 00', async () => {
    expect((await search({ regionCode: '520000' })).total).toBe(4); // 贵州省
    expect(titles((await search({ regionCode: '520300' })).items)).toEqual(['猕猴桃 5斤', '桐梓方竹笋']); // 遵义市
    expect(titles((await search({ regionCode: '522600' })).items)).toEqual(['雷山香禾糯', '雷山银球茶']); // 黔东南州
    expect(titles((await search({ regionCode: COUNTIES.lankao })).items)).toEqual(['兰考蜜瓜']);
    expect(titles((await search({ regionCode: '410000' })).items)).toEqual(['兰考蜜瓜']); // 河南省
    expect(titles((await search({ regionCode: '441900' })).items)).toEqual(['东莞荔枝']); // 东莞市 (county level)
    expect(titles((await search({ regionCode: '440000' })).items)).toEqual(['东莞荔枝']); // 广东省
    expect((await search({ regionCode: '110000' })).total).toBe(0);
    expect(titles((await search({ regionCode: '520000', category: 'tea' })).items)).toEqual(['雷山银球茶']);
  });

  it('filters by price and stock', async () => {
    expect(titles((await search({ minPriceCents: 3900, maxPriceCents: 4800, sort: 'price_asc' })).items)).toEqual([
      expect.any(String),
      expect.any(String),
      '桐梓方竹笋',
    ]);
    expect((await search({ minPriceCents: 3900, maxPriceCents: 4800 })).total).toBe(3);
    expect((await search({ minPriceCents: 10000 })).total).toBe(1);
    expect(titles((await search({ inStock: 'true' })).items)).not.toContain('雷山香禾糯');
    expect((await search({ inStock: 'true' })).total).toBe(5);
    expect((await search({ inStock: 'false' })).total).toBe(6);
  });

  it('sorts by price both ways, ties broken by id', async () => {
    const asc = (await search({ sort: 'price_asc' })).items;
    expect(asc.map((i) => i.priceCents)).toEqual([2500, 3900, 3900, 4800, 6800, 12800]);
    const ties = asc.filter((i) => i.priceCents === 3900).map((i) => i.id);
    expect(ties).toEqual([...ties].sort());
    const desc = (await search({ sort: 'price_desc' })).items;
    expect(desc.map((i) => i.priceCents)).toEqual([12800, 6800, 4800, 3900, 3900, 2500]);
    expect(desc.filter((i) => i.priceCents === 3900).map((i) => i.id)).toEqual([...ties].reverse());
  });

  it('pages through results without gaps or repeats, also across equal prices', async () => {
    const many = await createUser(t, 'farmer', { countyCode: COUNTIES.pingshan });
    for (let i = 0; i < 25; i++) {
      await t
        .http()
        .post('/api/listings')
        .set(many.auth)
        .send({ title: `平山核桃 ${i}`, category: 'nuts_seeds', unit: 'bag', netWeightGrams: 500, priceCents: 2000 + (i % 3), stock: 5 })
        .expect(201);
    }
    for (const sort of ['newest', 'price_asc', 'price_desc']) {
      const seen: string[] = [];
      for (let page = 1; page <= 4; page++) {
        const res = await search({ farmerId: many.id, sort, page, pageSize: 7 });
        expect(res).toMatchObject({ total: 25, page, pageSize: 7 });
        seen.push(...res.items.map((i) => i.id));
      }
      expect(seen).toHaveLength(25);
      expect(new Set(seen).size).toBe(25);
    }
    expect((await search({ farmerId: many.id, page: 5, pageSize: 7 })).items).toEqual([]);
  });

  it.each([
    ['pageSize over 100', { pageSize: 101 }],
    ['pageSize 0', { pageSize: 0 }],
    ['a fractional page', { page: '2.5' }],
    ['an unknown sort', { sort: 'cheapest' }],
    ['an unknown category', { category: 'toys' }],
    ['a malformed county', { countyCode: '5203' }],
    ['an unknown region', { regionCode: '529999' }],
    ['a negative price', { minPriceCents: -1 }],
    ['a fractional price', { maxPriceCents: '9.99' }],
    ['a non-boolean inStock', { inStock: 'yes' }],
    ['a malformed farmerId', { farmerId: 'abc' }],
    ['an unknown parameter', { color: 'red' }],
  ])('answers 400 for %s', async (_name, query) => {
    const res = await t.http().get('/api/listings').query(query).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('hides the listings a removed member sold through the cooperative', async () => {
    const member = await createUser(t, 'farmer', { countyCode: COUNTIES.leishan });
    await t.http().post(`/api/cooperatives/${coopId}/members`).set(leishan.auth).send({ farmerId: member.id }).expect(201);
    const viaCoop = (
      await t
        .http()
        .post('/api/listings')
        .set(member.auth)
        .send({ title: '雷山天麻', category: 'herbs_fungi', unit: 'bag', netWeightGrams: 500, priceCents: 9900, stock: 3, cooperativeId: coopId })
        .expect(201)
    ).body;
    expect(titles((await search({ cooperativeId: coopId })).items)).toContain('雷山天麻');
    await t.http().delete(`/api/cooperatives/${coopId}/members/${member.id}`).set(leishan.auth).expect(204);
    expect(titles((await search({ cooperativeId: coopId })).items)).not.toContain('雷山天麻');
    expect((await t.http().get(`/api/listings/${viaCoop.id}`).expect(200)).body.status).toBe('paused');
  });
});
