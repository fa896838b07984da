import * as fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { DataSource } from 'typeorm';
import { runRegionsCommand } from '../libs/regions/src/regions-cli';
import {
  checkout,
  COUNTIES,
  createListing,
  createTestApp,
  createTestDatabase,
  createUser,
  SHIPPING_ADDRESS,
  startFakeStripe,
  TestApp,
  TestUser,
  type FakeStripe,
} from '@farmlink/testing';

/**
 * A second market (#17): Kenya, its 47 counties imported from the npm package iso-3166 with the
 * operator's own command, beside the default market China. A Kenyan farmer lists in KES, a buyer
 * pays in KES through Stripe, and neither market's figures leak into the other.
 */
describe('Markets: Kenya beside China (e2e)', () => {
  const KE_CSV = 'libs/regions/data/ke-iso-3166-2.csv';
  const NAIROBI = 'KE-30';
  const NANDI = 'KE-32';
  let stripe: FakeStripe;
  let t: TestApp;
  const cliOutput: string[] = [];

  beforeAll(async () => {
    stripe = await startFakeStripe();
    // The operator adds the market and imports its regions before the API starts, with the same
    // commands as `npm run markets:add` / `npm run regions:import`.
    const database = await createTestDatabase();
    const ds = new DataSource({ type: 'postgres', url: database.url });
    await ds.initialize();
    try {
      const log = (line: string) => cliOutput.push(line);
      expect(await runRegionsCommand(ds, ['add-market', 'ke', 'KE', 'KES', 'Africa/Nairobi', 'en,sw', 'county=county'], log)).toBe(0);
      expect(await runRegionsCommand(ds, ['import', 'ke', KE_CSV], log)).toBe(0);
      // Re-runnable: the same file again changes nothing.
      expect(await runRegionsCommand(ds, ['import', 'ke', KE_CSV], log)).toBe(0);
    } finally {
      await ds.destroy();
    }
    t = await createTestApp(stripe.env(), { database });
  });
  afterAll(async () => {
    await t?.close();
    await stripe?.stop();
  });

  const register = async (body: Record<string, unknown>) => {
    const res = await t.http().post('/api/auth/register').send({ password: 'correct horse battery', displayName: 'Wanjiku', ...body }).expect(201);
    return { id: res.body.user.id as string, user: res.body.user, auth: { Authorization: `Bearer ${res.body.accessToken}` } };
  };

  it('the operator commands said what they did, and the shipped file is what the npm package gives', () => {
    expect(cliOutput).toEqual([
      '[markets] ke: KE, KES, Africa/Nairobi, en/sw',
      '[regions] ke: 47 regions in the file, 47 added, 0 changed',
      '[regions] ke: 47 regions in the file, 0 added, 0 changed',
    ]);
    const fromPackage = execFileSync(process.execPath, ['scripts/regions/iso-3166-2.mjs', 'KE', 'county', 'en'], { encoding: 'utf8' });
    expect(fs.readFileSync(KE_CSV, 'utf8')).toBe(fromPackage);
  });

  it('GET /api/markets lists cn (the default, first) and ke; GET /api/regions answers each market its own regions', async () => {
    const markets = await t.http().get('/api/markets').expect(200);
    expect(markets.body).toEqual([
      { code: 'cn', country: 'CN', currency: 'CNY', timeZone: 'Asia/Shanghai', locales: ['zh-CN', 'en'], levelNames: { province: 'province', prefecture: 'prefecture', county: 'county' } },
      { code: 'ke', country: 'KE', currency: 'KES', timeZone: 'Africa/Nairobi', locales: ['en', 'sw'], levelNames: { county: 'county' } },
    ]);

    const ke = await t.http().get('/api/regions').query({ market: 'ke' }).expect(200);
    expect(ke.body).toHaveLength(47);
    expect(ke.body).toContainEqual({ code: NAIROBI, name: 'Nairobi City', level: 'county', parentCode: null });
    // Without a market: cn, as before, with no Kenyan county in it.
    const cn = await t.http().get('/api/regions').query({ level: 'province' }).expect(200);
    expect(cn.body).toHaveLength(31);
    const cnCounties = await t.http().get('/api/regions').query({ level: 'county' }).expect(200);
    expect(cnCounties.body.some((r: { code: string }) => r.code.startsWith('KE-'))).toBe(false);
    expect((await t.http().get(`/api/regions/${NAIROBI}`).expect(200)).body).toMatchObject({ code: NAIROBI, parents: [] });

    const unknown = await t.http().get('/api/regions').query({ market: 'zz' }).expect(400);
    expect(unknown.body.code).toBe('UNKNOWN_MARKET');
    await t.http().get('/api/regions').query({ market: 'KE!' }).expect(400);
  });

  it('a region file is checked line by line (bad and duplicate codes, unknown parents, cycles, levels) and nothing is written', async () => {
    const file = [
      'code,name:en,name:sw,level,parent_code',
      'KE-30-01,Westlands,Westlands,ward,KE-30', // a ward: not a level of the market
      'KE-30-02,Dagoretti,,county,KE-99', // unknown parent
      'KE-30-02,Dagoretti again,,county,', // duplicate
      'KE-A,Loop A,,county,KE-B',
      'KE-B,Loop B,,county,KE-A', // a cycle
      'not a code,X,,county,',
      'KE-30-03,,,county,', // no name
      '520322,Tongzi,,county,', // a code of another market
    ].join('\n');
    const out: string[] = [];
    expect(await runRegionsCommand(t.db, ['import', 'ke', writeTemp(file)], (l) => out.push(l))).toBe(1);
    const problems = out.slice(0, -1).map((l) => l.replace(/^.*?:(\d+): /, '$1: '));
    expect(problems).toEqual([
      expect.stringMatching(/^2: KE-30-01: unknown level "ward"/),
      expect.stringMatching(/^3: KE-30-02: unknown parent KE-99/),
      expect.stringMatching(/^4: KE-30-02: duplicate code KE-30-02 \(first on line 3\)/),
      expect.stringMatching(/^5: KE-A: parent KE-B \(county\) is not above KE-A/),
      expect.stringMatching(/^5: KE-A: cycle of parents: KE-A → KE-B → KE-A/),
      expect.stringMatching(/^6: KE-B: parent KE-A \(county\) is not above KE-B/),
      expect.stringMatching(/^7: not a code: code "not a code" is not a region code/),
      expect.stringMatching(/^8: KE-30-03: no name/),
      expect.stringMatching(/^9: 520322: code 520322 is already a region of market cn/),
    ]);
    expect(out.at(-1)).toBe('[regions] 9 problem(s): nothing imported');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM regions WHERE market_code = 'ke'`);
    expect(n).toBe(47);
  });

  it('registering without a market means cn; a Kenyan farmer registers in ke with a Kenyan county only', async () => {
    const chinese = await register({ email: 'li@farmlink.test', role: 'farmer', countyCode: COUNTIES.tongzi });
    expect(chinese.user).toMatchObject({ marketCode: 'cn', countyCode: COUNTIES.tongzi });
    const kenyan = await register({ email: 'wanjiku@farmlink.test', role: 'farmer', countyCode: NANDI, marketCode: 'ke' });
    expect(kenyan.user).toMatchObject({ marketCode: 'ke', countyCode: NANDI });

    const wrong = await t.http().post('/api/auth/register')
      .send({ email: 'x@farmlink.test', password: 'correct horse battery', displayName: 'X', role: 'farmer', countyCode: NANDI }).expect(400);
    expect(wrong.body.code).toBe('REGION_NOT_IN_MARKET');
    const unknown = await t.http().post('/api/auth/register')
      .send({ email: 'y@farmlink.test', password: 'correct horse battery', displayName: 'Y', role: 'buyer', marketCode: 'zz' }).expect(400);
    expect(unknown.body.code).toBe('UNKNOWN_MARKET');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE email IN ('x@farmlink.test', 'y@farmlink.test')`);
    expect(n).toBe(0);

    // A cooperative is in its manager's market: a Kenyan manager cannot found one in a Chinese county.
    await t.http().post('/api/cooperatives').set(kenyan.auth).send({ name: 'Nandi Dairy Co-op', countyCode: NANDI }).expect(201)
      .expect((res) => expect(res.body).toMatchObject({ marketCode: 'ke', countyCode: NANDI }));
    const mixed = await t.http().post('/api/cooperatives').set(kenyan.auth).send({ name: 'Wrong', countyCode: COUNTIES.tongzi }).expect(400);
    expect(mixed.body.code).toBe('REGION_NOT_IN_MARKET');
  });

  describe('a Kenyan sale in KES beside a Chinese one in CNY', () => {
    let keFarmer: TestUser;
    let cnFarmer: TestUser;
    let buyer: TestUser;
    const KE_ADDRESS = { name: 'Otieno', phone: '+254 700 000000', countyCode: NAIROBI, line1: 'Moi Avenue 12' };

    beforeAll(async () => {
      keFarmer = await createUser(t, 'farmer', { countyCode: NANDI });
      cnFarmer = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi });
      buyer = await createUser(t, 'buyer');
    });

    it('a Kenyan farmer lists in KES; a checkout mixing markets, or delivering outside the market, is refused (422) and takes nothing', async () => {
      const listing = await t.http().post('/api/listings').set(keFarmer.auth).send({
        title: 'Avocado (Hass), 4 kg crate', description: 'From Nandi', category: 'fruit', unit: 'crate', netWeightGrams: 4000, priceCents: 125050, stock: 10,
      }).expect(201);
      expect(listing.body).toMatchObject({ currency: 'KES', marketCode: 'ke', countyCode: NANDI, priceCents: 125050 });
      const kiwi = await createListing(t, cnFarmer, { priceCents: 3990, stock: 10 });

      const mixed = await checkout(t, buyer, [{ listingId: listing.body.id, quantity: 1 }, { listingId: kiwi.id, quantity: 1 }]).expect(422);
      expect(mixed.body).toMatchObject({ code: 'CHECKOUT_MIXES_MARKETS', marketCodes: ['cn', 'ke'] });
      const outside = await checkout(t, buyer, [{ listingId: listing.body.id, quantity: 1 }]).expect(422); // a Beijing address
      expect(outside.body).toMatchObject({ code: 'CHECKOUT_MIXES_MARKETS', shippingCountyCode: SHIPPING_ADDRESS.countyCode });
      const stock = await t.db.query(`SELECT id, stock FROM listings WHERE id = ANY($1::uuid[]) ORDER BY stock`, [[listing.body.id, kiwi.id]]);
      expect(stock.map((r: { stock: number }) => r.stock)).toEqual([10, 10]);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM checkouts WHERE buyer_id = $1`, [buyer.id]);
      expect(n).toBe(0);

      // The shop of one market: ?market= keeps the other market's listings (and currency) out.
      const shop = async (market: string) =>
        (await t.http().get('/api/listings').query({ market, pageSize: 100 }).expect(200)).body.items as { id: string; currency: string }[];
      const ke = await shop('ke');
      expect(ke.map((l) => l.id)).toContain(listing.body.id);
      expect(ke.every((l) => l.currency === 'KES')).toBe(true);
      const cn = await shop('cn');
      expect(cn.map((l) => l.id)).toContain(kiwi.id);
      expect(cn.map((l) => l.id)).not.toContain(listing.body.id);
      expect(cn.every((l) => l.currency === 'CNY')).toBe(true);
      expect((await t.http().get('/api/listings').query({ market: 'zz' }).expect(400)).body.code).toBe('UNKNOWN_MARKET');
    });

    it('the buyer pays the Kenyan checkout in KES through Stripe; the ledger is in KES; the Chinese sale stays in CNY', async () => {
      const [ke] = await t.db.query(`SELECT id FROM listings WHERE farmer_id = $1`, [keFarmer.id]);
      const keCheckout = await t.http().post('/api/checkouts').set(buyer.auth).set('Idempotency-Key', 'ke-1')
        .send({ items: [{ listingId: ke.id, quantity: 2 }], shippingAddress: KE_ADDRESS }).expect(201);
      expect(keCheckout.body).toMatchObject({ totalCents: 250100, currency: 'KES' });
      expect(keCheckout.body.orders[0]).toMatchObject({ currency: 'KES', totalCents: 250100 });
      expect(keCheckout.body.payment).toMatchObject({ provider: 'stripe', amountCents: 250100, currency: 'KES' });
      const intents = stripe.requestsTo('POST', '/v1/payment_intents');
      expect(intents.at(-1)!.body).toMatchObject({ amount: '250100', currency: 'kes' });

      const kiwi = await createListing(t, cnFarmer, { priceCents: 3990, stock: 10 });
      const cnCheckout = await checkout(t, buyer, [{ listingId: kiwi.id, quantity: 1 }]).expect(201);
      expect(cnCheckout.body).toMatchObject({ totalCents: 3990, currency: 'CNY' });
      expect(stripe.requestsTo('POST', '/v1/payment_intents').at(-1)!.body).toMatchObject({ amount: '3990', currency: 'cny' });

      for (const c of [keCheckout.body, cnCheckout.body]) {
        const [{ ref }] = await t.db.query(`SELECT provider_ref AS ref FROM payments WHERE id = $1`, [c.payment.id]);
        const { payload, signature } = stripe.sign(stripe.event('payment_intent.succeeded', stripe.succeed(ref)));
        await t.http().post('/api/payments/stripe/webhook').set('Content-Type', 'application/json').set('Stripe-Signature', signature).send(payload).expect(200);
      }
      const keOrder = (await t.http().get(`/api/orders/${keCheckout.body.orders[0].id}`).set(buyer.auth).expect(200)).body;
      expect(keOrder).toMatchObject({ status: 'paid', currency: 'KES', totalCents: 250100 });

      const keLedger = (await t.http().get('/api/sellers/me/ledger').set(keFarmer.auth).expect(200)).body;
      expect(keLedger).toMatchObject({ currency: 'KES', balanceCents: 250100 });
      expect(keLedger.items.every((e: { currency: string }) => e.currency === 'KES')).toBe(true);
      const cnLedger = (await t.http().get('/api/sellers/me/ledger').set(cnFarmer.auth).expect(200)).body;
      expect(cnLedger).toMatchObject({ currency: 'CNY', balanceCents: 3990 });
      const [orders] = await t.db.query(
        `SELECT array_agg(DISTINCT market_code || ':' || currency ORDER BY market_code || ':' || currency) AS m FROM orders WHERE buyer_id = $1`,
        [buyer.id],
      );
      expect(orders.m).toEqual(['cn:CNY', 'ke:KES']);

      // Reconciliation covers one market, so one currency: each agrees with itself, neither adds the other's.
      const admin = await createUser(t, 'admin');
      const recon = async (market: string) =>
        (await t.http().get('/api/admin/reconciliation').query({ market, from: '2025-01-01', to: '2030-12-31' }).set(admin.auth).expect(200)).body;
      expect(await recon('ke')).toMatchObject({ marketCode: 'ke', currency: 'KES', timeZone: 'Africa/Nairobi', paymentsSucceededCents: 250100, ledgerCents: 250100, mismatches: [] });
      expect(await recon('cn')).toMatchObject({ marketCode: 'cn', currency: 'CNY', paymentsSucceededCents: 3990, ledgerCents: 3990, mismatches: [] });
    });

    it("each market's report is in its currency, on its local dates, and neither leaks into the other", async () => {
      // Both sales paid at 19:30 UTC on 30 June: 22:30 that day in Nairobi, 03:30 on 1 July in Shanghai.
      await t.db.query(`UPDATE orders SET paid_at = '2025-06-30T19:30:00Z' WHERE buyer_id = $1`, [buyer.id]);
      const admin = await createUser(t, 'admin');
      const keOfficer = await createUser(t, 'officer', { marketCode: 'ke' });
      const cnOfficer = await createUser(t, 'officer');
      const report = (u: TestUser, q: Record<string, string>) => t.http().get('/api/reports/sales').query({ groupBy: 'county', ...q }).set(u.auth);

      const june30 = { from: '2025-06-30', to: '2025-06-30' };
      const july1 = { from: '2025-07-01', to: '2025-07-01' };
      // The Kenyan officer reads Kenya by default: KES, Africa/Nairobi, the sale on 30 June.
      const ke = (await report(keOfficer, june30).expect(200)).body;
      expect(ke).toMatchObject({ marketCode: 'ke', currency: 'KES', timeZone: 'Africa/Nairobi' });
      expect(ke.rows).toEqual([expect.objectContaining({ key: NANDI, name: 'Nandi', grossSalesCents: 250100, orders: 1, buyers: 1 })]);
      expect(ke.totals).toMatchObject({ grossSalesCents: 250100, orders: 1 });
      expect((await report(keOfficer, july1).expect(200)).body.rows).toEqual([]);
      // The same for an admin asking for ke, by month too.
      const keMonths = (await report(admin, { market: 'ke', from: '2025-06-01', to: '2025-07-31', groupBy: 'month' }).expect(200)).body;
      expect(keMonths.rows).toEqual([expect.objectContaining({ key: '2025-06', grossSalesCents: 250100 })]);

      // China's report (the default) has the Chinese sale on 1 July, in CNY, and nothing Kenyan.
      const cn = (await report(cnOfficer, july1).expect(200)).body;
      expect(cn).toMatchObject({ marketCode: 'cn', currency: 'CNY', timeZone: 'Asia/Shanghai' });
      expect(cn.rows).toEqual([expect.objectContaining({ key: COUNTIES.tongzi, grossSalesCents: 3990, orders: 1 })]);
      expect(cn.totals).toMatchObject({ grossSalesCents: 3990, orders: 1, buyers: 1 });
      expect((await report(cnOfficer, june30).expect(200)).body.rows).toEqual([]);
      const cnYear = (await report(admin, { from: '2025-01-01', to: '2025-12-31', groupBy: 'province' }).expect(200)).body;
      expect(cnYear.totals).toMatchObject({ grossSalesCents: 3990, orders: 1, buyers: 1, sellers: 1 });
      expect(cnYear.rows.some((r: { key: string }) => r.key.startsWith('KE-'))).toBe(false);
      const keYear = (await report(admin, { market: 'ke', from: '2025-01-01', to: '2025-12-31' }).expect(200)).body;
      expect(keYear.totals).toMatchObject({ grossSalesCents: 250100, orders: 1, buyers: 1, sellers: 1 });

      // An officer reads their own market only; a region of another market is not in this one.
      await report(cnOfficer, { ...july1, market: 'ke' }).expect(403);
      await report(keOfficer, { ...july1, market: 'cn' }).expect(403);
      await report(admin, { ...july1, market: 'ke', regionCode: COUNTIES.tongzi }).expect(404);

      // Exports for people name each market's currency: KES for Kenya, 元 / CNY for China as before.
      const keCsv = (await report(keOfficer, { ...june30, format: 'csv', lang: 'en' }).expect(200)).text.replace(/^\uFEFF/, '').split('\r\n');
      expect(keCsv[0]).toMatch(/^Code,County,Orders,Gross sales \(KES\),Refunds \(KES\),Net sales \(KES\),/);
      expect(keCsv[1]).toMatch(/^KE-32,Nandi,1,2501\.00,0\.00,2501\.00,/);
      const keZh = (await report(keOfficer, { ...june30, format: 'csv', lang: 'zh-CN' }).expect(200)).text;
      expect(keZh).toContain('销售总额（KES）');
      expect(keZh).not.toMatch(/元|CNY/);
      const cnCsv = (await report(cnOfficer, { ...july1, format: 'csv', lang: 'zh-CN' }).expect(200)).text.replace(/^\uFEFF/, '').split('\r\n');
      expect(cnCsv[0]).toMatch(/^代码,县,订单数,销售总额（元）,退款（元）,净销售额（元）,/);
      expect(cnCsv[1]).toMatch(new RegExp(`^${COUNTIES.tongzi},[^,]+,1,39\\.90,0\\.00,39\\.90,`));

      // The Kenyan seller's orders export: KES.
      const orders = (await t.http().get('/api/orders/export').query({ format: 'csv', lang: 'en' }).set(keFarmer.auth).expect(200)).text.split('\r\n');
      expect(orders[0]).toContain(',Total (KES),Refunded (KES),');
      expect(orders[1]).toContain(',2501.00,0.00,');
      // Its dates and times are Nairobi's: placed 19:30 UTC on 30 June is 22:30 that day there (03:30 on 1 July in Shanghai).
      await t.db.query(`UPDATE orders SET placed_at = '2025-06-30T19:30:00Z' WHERE seller_id = $1`, [keFarmer.id]);
      const onJune30 = (await t.http().get('/api/orders/export').query({ format: 'csv', lang: 'en', from: '2025-06-30', to: '2025-06-30' }).set(keFarmer.auth).expect(200)).text.split('\r\n');
      expect(onJune30[1]).toContain('2025-06-30 22:30');
      const listed = (await t.http().get('/api/orders').query({ from: '2025-07-01', to: '2025-07-01' }).set(keFarmer.auth).expect(200)).body;
      expect(listed.total).toBe(0);
    });
  });
});

function writeTemp(text: string): string {
  const file = `${require('node:os').tmpdir()}/farmlink-regions-${process.pid}-${Date.now()}.csv`;
  fs.writeFileSync(file, text);
  return file;
}
