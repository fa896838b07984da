import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRegionsCommand } from '../../libs/regions/src/regions-cli';
import { COUNTIES, createListing, createUser, type TestUser } from '@farmlink/testing';
import { PHONE, screenshot, settledCount, useBrowserApp } from './browser';

/*
 * A second market in the web app (#17): with Kenya beside China the shop shows a market
 * switcher, the register form a market choice, and the region pickers the chosen market's
 * own levels (Kenya: one select of its 47 counties). A Kenyan farmer registers and lists in
 * KES; a buyer switches the shop to Kenya, buys and pays with an address in a Kenyan county;
 * the China shop never shows the Kenyan listing. Kenya offers English (and Swahili, which has
 * no message file), so the app is in English there.
 */
describe('Browser: a second market (Kenya) in the web app', () => {
  const { t, open } = useBrowserApp(['GET /api/markets', 'GET /api/regions', 'POST /api/checkouts', 'POST /api/payments/{id}/simulate']);
  const email = `wanjiru.${Date.now()}@example.ke`;
  let chinaListing = '';
  let buyer: TestUser;

  beforeAll(async () => {
    const quiet = () => undefined;
    expect(await runRegionsCommand(t.db, ['add-market', 'ke', 'KE', 'KES', 'Africa/Nairobi', 'en,sw', 'county=county'], quiet)).toBe(0);
    expect(await runRegionsCommand(t.db, ['import', 'ke', 'libs/regions/data/ke-iso-3166-2.csv'], quiet)).toBe(0);
    const chinaFarmer = await createUser(t, 'farmer', { countyCode: COUNTIES.tongzi, displayName: '王芳' });
    chinaListing = (await createListing(t, chinaFarmer, { title: '桐梓红心猕猴桃', priceCents: 4800, stock: 20 })).id;
    buyer = await createUser(t, 'buyer', { displayName: 'Achieng' });
    // The buyer's default address is in China: a Kenyan cart's checkout must not offer it.
    await t.http().post('/api/me/addresses').set(buyer.auth).send({ name: 'Achieng', phone: '13800000000', countyCode: COUNTIES.tongzi, line1: '娄山关镇 1 号', isDefault: true }).expect(201);
  });

  const listingTitle = 'Nandi purple tea 250 g';

  it('a farmer registers in the Kenya market, picking a Kenyan county, and lists produce priced in KES', async () => {
    const { page } = await open({ viewport: PHONE, lang: 'zh' });
    await page.goto('/register?role=farmer');
    // Several markets: the form asks which one (cn until chosen); Kenya's regions are one select of its counties.
    const market = page.getByLabel('市场', { exact: true });
    await market.locator('option[value="ke"]').waitFor({ state: 'attached' });
    expect(await page.getByLabel('省份').count()).toBe(1);
    await market.selectOption('ke');
    await page.getByLabel('姓名').fill('Wanjiru Kiprono');
    await page.getByLabel('邮箱').fill(email);
    await page.getByLabel('密码', { exact: true }).fill('correct horse battery');
    const county = page.getByLabel('县 / 区');
    await county.locator('option', { hasText: 'Nandi' }).waitFor({ state: 'attached' });
    expect(await page.getByLabel('省份').count()).toBe(0);
    expect(await county.locator('option').count()).toBe(48); // "choose", then the 47 counties
    await county.selectOption({ label: 'Nandi' });
    await screenshot(page, 'second-market-register-ke-zh-phone');
    await page.getByRole('button', { name: '注册' }).click();
    await page.waitForURL(/\/farm$/);

    // The Kenya market's languages are en and sw (no messages): the app is in English now.
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    expect(await page.getByRole('button', { name: 'Switch language' }).count()).toBe(0);
    const [user] = await t.db.query(`SELECT market_code, county_code FROM users WHERE email = $1`, [email]);
    expect(user).toEqual({ market_code: 'ke', county_code: 'KE-32' });

    await page.goto('/farm/listings/new');
    await page.getByLabel('Title', { exact: true }).fill(listingTitle);
    await page.getByLabel('Category', { exact: true }).selectOption('tea');
    await page.getByLabel('Unit', { exact: true }).fill('packet');
    await page.getByLabel('Net weight per unit (kg)').fill('0.25');
    await page.getByLabel('Price per unit (KES)').fill('450');
    await page.getByLabel('Stock', { exact: true }).fill('30');
    await page.getByText('That is KES 1,800.00 per kg.').waitFor();
    await screenshot(page, 'second-market-listing-form-ke-en-phone');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/\/farm\/listings\?saved=/);
    const listingId = new URL(page.url()).searchParams.get('saved')!;
    const listing = (await t.http().get(`/api/listings/${listingId}`).expect(200)).body;
    expect(listing).toMatchObject({ title: listingTitle, priceCents: 45000, currency: 'KES', marketCode: 'ke', countyCode: 'KE-32' });
  }, 120_000);

  it('a buyer switches the shop to Kenya, sees only Kenyan listings in KES, and checks out to a Kenyan county', async () => {
    const { page } = await open({ viewport: PHONE, lang: 'zh', user: buyer });
    const searches: URL[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/listings') searches.push(url);
    });
    await page.goto('/');
    const switcher = page.getByLabel('选购市场');
    await switcher.waitFor();
    // The China shop (the default for a buyer of the cn market): its listing, not Kenya's.
    const cards = page.locator('.listing-card');
    await page.locator(`[data-listing-id="${chinaListing}"]`).waitFor();
    expect(await settledCount(cards, 1)).toBe(1);
    expect(await page.getByText(listingTitle).count()).toBe(0);
    expect(searches.at(-1)?.searchParams.get('market')).toBe('cn');
    await screenshot(page, 'second-market-shop-cn-zh-phone');

    await switcher.selectOption('ke');
    // Kenya's languages: English only here.
    await page.getByRole('heading', { name: 'Fresh from the farm, straight to you' }).waitFor();
    const kenyan = page.locator('.listing-card', { hasText: listingTitle });
    await kenyan.waitFor();
    expect(await settledCount(cards, 1)).toBe(1);
    expect(await page.locator(`[data-listing-id="${chinaListing}"]`).count()).toBe(0);
    await kenyan.getByText(/KES\s?450\.00/).waitFor();
    expect(await page.locator('main').getByText('¥').count()).toBe(0);
    expect(searches.at(-1)?.searchParams.get('market')).toBe('ke');
    // The origin filter offers Kenya's counties.
    await page.getByText('Filters').click();
    const origin = page.getByRole('group', { name: 'Origin' }).getByLabel('County');
    await origin.locator('option', { hasText: 'Nairobi City' }).waitFor({ state: 'attached' });
    await screenshot(page, 'second-market-shop-ke-en-phone');
    // Remembered: the next visit opens the Kenya shop, prerendered by the API for the market the app
    // keeps in a cookie, so the app starts from it without a search and no China listing shows.
    const html = (await t.http().get('/').set('Cookie', 'farmlink.lang=en; farmlink.market=ke').expect(200)).text;
    expect(html).toContain(listingTitle);
    expect(html).not.toContain('桐梓红心猕猴桃');
    const searchesBefore = searches.length;
    await page.reload();
    await page.locator('.listing-card', { hasText: listingTitle }).waitFor();
    expect(await page.getByLabel('Shop in').inputValue()).toBe('ke');
    expect(await page.locator(`[data-listing-id="${chinaListing}"]`).count()).toBe(0);
    await page.waitForTimeout(300);
    expect(searches.length).toBe(searchesBefore);

    await kenyan.locator('a').first().click();
    await page.getByRole('button', { name: 'Add to cart' }).click();
    await page.goto('/cart');
    await page.getByTestId('cart-total').getByText(/KES\s?450\.00/).waitFor();
    const addresses = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me/addresses');
    await page.getByRole('link', { name: 'Checkout' }).or(page.getByRole('button', { name: 'Checkout' })).first().click();
    await addresses;
    await page.waitForTimeout(200);
    // Only addresses in the cart's market: the Chinese default is not offered, nor filled in.
    expect(await page.locator('.saved-addresses').count()).toBe(0);
    expect(await page.getByText('娄山关镇').count()).toBe(0);

    await page.getByLabel('Phone').fill('+254 712 345678');
    const deliverTo = page.getByRole('group', { name: 'Deliver to' });
    expect(await deliverTo.locator('select').count()).toBe(1);
    await deliverTo.getByLabel('County').selectOption({ label: 'Nairobi City' });
    await page.getByLabel('Street address').fill('Moi Avenue 12, Nairobi');
    await screenshot(page, 'second-market-checkout-ke-en-phone');
    await page.getByRole('button', { name: /Place order and pay/ }).click();

    await page.getByText('SIMULATED PAYMENT — no real money moves').waitFor();
    await page.getByTestId('pay-total').getByText(/KES\s?450\.00/).waitFor();
    await page.getByRole('button', { name: 'Pay (simulated)' }).click();
    await page.waitForURL(/\/orders\?paid=1/);
    await page.locator('.order-card[data-status="paid"]').getByText(/KES\s?450\.00/).first().waitFor();
    expect(await page.locator('main').getByText('¥').count()).toBe(0); // the order's lines too are in KES
    await screenshot(page, 'second-market-order-paid-ke-en-phone');

    const orders = (await t.http().get('/api/orders').set(buyer.auth).expect(200)).body.items;
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ status: 'paid', currency: 'KES', totalCents: 45000 });
    const order = (await t.http().get(`/api/orders/${orders[0].id}`).set(buyer.auth).expect(200)).body;
    expect(order.shippingAddress).toMatchObject({ countyCode: 'KE-30' });

    // Back in the China shop: no Kenyan listing.
    await page.goto('/');
    await page.getByLabel('Shop in').selectOption('cn');
    await page.locator(`[data-listing-id="${chinaListing}"]`).waitFor();
    expect(await settledCount(cards, 1)).toBe(1);
    expect(await page.getByText(listingTitle).count()).toBe(0);
  }, 120_000);

  it('a farmer in a market whose currency has no minor unit (UGX) prices in whole shillings', async () => {
    const quiet = () => undefined;
    const file = join(mkdtempSync(join(tmpdir(), 'farmlink-ug-')), 'ug.csv');
    writeFileSync(file, 'code,name:en,level,parent_code\nUG-102,Kampala,county,\nUG-101,Kalangala,county,\n');
    expect(await runRegionsCommand(t.db, ['add-market', 'ug', 'UG', 'UGX', 'Africa/Kampala', 'en', 'county=district'], quiet)).toBe(0);
    expect(await runRegionsCommand(t.db, ['import', 'ug', file], quiet)).toBe(0);
    // A running API learns of a new market within its markets cache's 10 s (markets.service.ts).
    for (let i = 0; i < 150; i++) {
      const served = (await t.http().get('/api/markets').expect(200)).body as { code: string }[];
      if (served.some((m) => m.code === 'ug')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const farmer = await createUser(t, 'farmer', { countyCode: 'UG-102', displayName: 'Nakato' });
    const { page } = await open({ viewport: PHONE, lang: 'en', user: farmer });
    await page.goto('/farm/listings/new');
    await page.getByLabel('Title', { exact: true }).fill('Matooke bunch');
    await page.getByLabel('Category', { exact: true }).selectOption('vegetables');
    await page.getByLabel('Unit', { exact: true }).fill('bunch');
    await page.getByLabel('Net weight per unit (kg)').fill('10');
    await page.getByLabel('Stock', { exact: true }).fill('12');
    const price = page.getByLabel('Price per unit (UGX)');
    await price.fill('12.5'); // a shilling has no cents
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByText('A price in UGX is a whole number, e.g. 38.').waitFor();
    await price.fill('25000');
    await page.getByText(/That is UGX\s?2,500 per kg\./).waitFor();
    await screenshot(page, 'second-market-listing-form-ug-en-phone');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.waitForURL(/\/farm\/listings\?saved=/);
    const listingId = new URL(page.url()).searchParams.get('saved')!;
    const listing = (await t.http().get(`/api/listings/${listingId}`).expect(200)).body;
    expect(listing).toMatchObject({ priceCents: 25000, currency: 'UGX', marketCode: 'ug' });
    // Editing shows the whole shillings back, without decimals.
    await page.goto(`/farm/listings/${listingId}/edit`);
    expect(await page.getByLabel('Price per unit (UGX)').inputValue()).toBe('25000');
  }, 120_000);
});
