import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RegionsService } from '@farmlink/regions';
import { runRegionsCommand } from '../libs/regions/src/regions-cli';
import { COUNTIES, createListing, createTestApp, createTestDatabase, createUser, stockOf, TestApp, TestUser } from '@farmlink/testing';

/**
 * Shipping rates in every market (#17): a rate names a first-level region of the seller's market —
 * a GB/T province in cn, a county in ke (Kenya's 47 counties, ISO 3166-2, no parent) — and checkout
 * finds the rate of the buyer's county's first-level region. China's rates work as before
 * (test/shipping.e2e-spec.ts).
 */
describe('Shipping rates per market: a Kenyan seller (e2e)', () => {
  const NAIROBI = 'KE-30';
  const BARINGO = 'KE-01';
  const NANDI = 'KE-32';
  let t: TestApp;
  let keFarmer: TestUser;
  let cnFarmer: TestUser;
  let buyer: TestUser;

  beforeAll(async () => {
    const database = await createTestDatabase();
    const ds = new DataSource({ type: 'postgres', url: database.url });
    await ds.initialize();
    try {
      const log = () => undefined;
      expect(await runRegionsCommand(ds, ['add-market', 'ke', 'KE', 'KES', 'Africa/Nairobi', 'en,sw', 'county=county'], log)).toBe(0);
      expect(await runRegionsCommand(ds, ['import', 'ke', 'libs/regions/data/ke-iso-3166-2.csv'], log)).toBe(0);
    } finally {
      await ds.destroy();
    }
    t = await createTestApp({}, { database });
    keFarmer = await createUser(t, 'farmer', { countyCode: NANDI, displayName: 'Nandi Farm' });
    cnFarmer = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
    buyer = await createUser(t, 'buyer');
  });
  afterAll(async () => {
    await t?.close();
  });

  const rates = (u: TestUser) => t.http().get('/api/sellers/me/shipping-rates').set(u.auth);
  const putRates = (u: TestUser, body: unknown) => t.http().put('/api/sellers/me/shipping-rates').set(u.auth).send(body as object);
  const address = (countyCode: string) => ({ name: 'Otieno', phone: '+254 700 000000', countyCode, line1: 'Moi Avenue 12' });
  const checkoutTo = (countyCode: string, items: { listingId: string; quantity: number }[]) =>
    t.http().post('/api/checkouts').set(buyer.auth).set('Idempotency-Key', randomUUID()).send({ items, shippingAddress: address(countyCode) });

  it("a Kenyan seller sets a rate for a county (KE-30) and no delivery to another (KE-01), in KES; GET names the seller's market", async () => {
    expect((await rates(keFarmer).expect(200)).body).toEqual({ sellerType: 'farmer', sellerId: keFarmer.id, marketCode: 'ke', currency: 'KES', rates: [] });
    const put = await putRates(keFarmer, {
      rates: [
        { provinceCode: NAIROBI, baseCents: 20000, perKgCents: 5000, freeAboveCents: 1000000 },
        { provinceCode: BARINGO, baseCents: 0, perKgCents: 0, noDelivery: true },
      ],
    }).expect(200);
    expect(put.body).toMatchObject({ marketCode: 'ke', currency: 'KES' });
    expect(put.body.rates).toEqual([
      { provinceCode: BARINGO, baseCents: 0, perKgCents: 0, freeAboveCents: null, noDelivery: true },
      { provinceCode: NAIROBI, baseCents: 20000, perKgCents: 5000, freeAboveCents: 1000000, noDelivery: false },
    ]);
    expect((await rates(keFarmer).expect(200)).body.rates).toEqual(put.body.rates);
    // A Chinese seller's rates are in CNY, in cn.
    expect((await rates(cnFarmer).expect(200)).body).toMatchObject({ marketCode: 'cn', currency: 'CNY' });
  });

  it.each([
    ['a Chinese province for a Kenyan seller', 'ke', ['520000']],
    ['an unknown Kenyan county', 'ke', ['KE-99']],
    ['a Chinese prefecture and county for a Kenyan seller', 'ke', ['520300', '520322']],
    ['a Kenyan county for a Chinese seller', 'cn', [NAIROBI]],
  ])('400 for %s, naming the codes that are not first-level regions of the market; nothing changes', async (_why, market, codes) => {
    const seller = market === 'ke' ? keFarmer : cnFarmer;
    const before = (await rates(seller).expect(200)).body.rates;
    const res = await putRates(seller, { rates: [...codes.map((provinceCode) => ({ provinceCode, baseCents: 100, perKgCents: 0 })), { provinceCode: '*', baseCents: 1, perKgCents: 0 }] }).expect(400);
    expect(res.body.provinceCodes).toEqual(codes);
    expect(res.body.marketCode).toBe(market);
    expect(res.body.message).toContain(codes[0]);
    expect((await rates(seller).expect(200)).body.rates).toEqual(before);
  });

  it("a buyer's checkout to a Nairobi (KE-30) address pays the seller's KE-30 rate in KES; the quote says the same", async () => {
    const crate = await createListing(t, keFarmer, { priceCents: 125050, stock: 10, netWeightGrams: 4000 });
    const items = [{ listingId: crate.id, quantity: 1 }];
    const quote = await t.http().post('/api/checkouts/quote').set(buyer.auth).send({ items, shippingAddress: address(NAIROBI) }).expect(200);
    expect(quote.body).toMatchObject({ currency: 'KES', goodsCents: 125050, shippingCents: 40000, totalCents: 165050, deliverable: true });

    const res = await checkoutTo(NAIROBI, items).expect(201);
    // 200.00 KES base + 4 started kg × 50.00 KES.
    expect(res.body).toMatchObject({ currency: 'KES', totalCents: 165050 });
    expect(res.body.orders[0]).toMatchObject({ currency: 'KES', goodsCents: 125050, shippingCents: 40000, totalCents: 165050 });
    expect(await stockOf(t, crate.id)).toBe(9);
  });

  it('a checkout to a Baringo (KE-01) address is refused (422 NO_DELIVERY naming KE-01) and takes nothing; a county without a rate ships free', async () => {
    const crate = await createListing(t, keFarmer, { priceCents: 50000, stock: 5, netWeightGrams: 1000 });
    const items = [{ listingId: crate.id, quantity: 2 }];
    const refused = await checkoutTo(BARINGO, items).expect(422);
    expect(refused.body).toMatchObject({ code: 'NO_DELIVERY', provinceCode: BARINGO, sellerNames: 'Nandi Farm' });
    expect(await stockOf(t, crate.id)).toBe(5);
    const quote = await t.http().post('/api/checkouts/quote').set(buyer.auth).send({ items, shippingAddress: address(BARINGO) }).expect(200);
    expect(quote.body).toMatchObject({ deliverable: false, currency: 'KES' });
    expect(quote.body.orders[0]).toMatchObject({ shippingCents: null, totalCents: null });

    // No rate for Nandi and no '*' rate: free.
    const free = await checkoutTo(NANDI, items).expect(201);
    expect(free.body.orders[0]).toMatchObject({ shippingCents: 0, totalCents: 100000 });
  });

  it("a '*' rate covers every Kenyan county without its own rate", async () => {
    await putRates(keFarmer, { rates: [{ provinceCode: NAIROBI, baseCents: 20000, perKgCents: 0 }, { provinceCode: '*', baseCents: 35000, perKgCents: 0 }] }).expect(200);
    const crate = await createListing(t, keFarmer, { priceCents: 10000, stock: 5, netWeightGrams: 500 });
    const res = await checkoutTo(NANDI, [{ listingId: crate.id, quantity: 1 }]).expect(201);
    expect(res.body.orders[0]).toMatchObject({ shippingCents: 35000, totalCents: 45000 });
  });

  it("every Chinese county's first-level region is its GB/T province (XX0000), as the code arithmetic said before; a Kenyan county is its own", async () => {
    const regions = t.app.get(RegionsService);
    const counties: { code: string }[] = await t.db.query(`SELECT code FROM regions WHERE market_code = 'cn' AND level = 'county'`);
    expect(counties.length).toBeGreaterThan(2800);
    const wrong: string[] = [];
    for (const { code } of counties) if ((await regions.firstLevelOf(code))?.code !== `${code.slice(0, 2)}0000`) wrong.push(code);
    expect(wrong).toEqual([]);
    expect((await regions.firstLevelOf(NAIROBI))?.code).toBe(NAIROBI);
    expect(await regions.firstLevelOf('KE-99')).toBeUndefined();
  });

  it("a Kenyan buyer saves an address with a Kenyan phone number; the phone rule is the county's market's", async () => {
    const kenyan = await createUser(t, 'buyer');
    const add = (body: object) => t.http().post('/api/me/addresses').set(kenyan.auth).send(body);
    const saved = await add({ name: 'Otieno', phone: '0712 345678', countyCode: NAIROBI, line1: 'Moi Avenue 12' }).expect(201);
    expect(saved.body).toMatchObject({ countyCode: NAIROBI, phone: '0712 345678', isDefault: true });
    await add({ name: 'Otieno', phone: '+254 712 345678', countyCode: NAIROBI, line1: 'Moi Avenue 14' }).expect(201);
    // Not a Kenyan number (too short; a mainland Chinese mobile number): 400, nothing saved.
    for (const phone of ['071234', '13800000001']) {
      const res = await add({ name: 'Otieno', phone, countyCode: NAIROBI, line1: 'Moi Avenue 12' }).expect(400);
      expect(JSON.stringify(res.body.message)).toMatch(/phone must be a phone number of KE/);
    }
    // A Chinese county keeps China's rule (a mainland mobile number), and so does moving an address there.
    const cn = await add({ name: '陈静', phone: '0712 345678', countyCode: COUNTIES.tongzi, line1: '娄山关镇 1 号' }).expect(400);
    expect(JSON.stringify(cn.body.message)).toMatch(/mainland mobile number/);
    await t.http().patch(`/api/me/addresses/${saved.body.id}`).set(kenyan.auth).send({ countyCode: COUNTIES.tongzi }).expect(400);
    const book = (await t.http().get('/api/me/addresses').set(kenyan.auth).expect(200)).body as { countyCode: string }[];
    expect(book.map((a) => a.countyCode)).toEqual([NAIROBI, NAIROBI]);
  });
});
