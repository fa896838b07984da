import { mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { COUNTIES, createUser, TestUser } from '@farmlink/testing';
import { apiModuleWired, DESKTOP, describeWhenWired, downloadBy, openZunyiReport, PHONE, sampleJpeg, screenshot, useBrowserApp, settledValue } from './browser';

/*
 * One story, in order: a buyer searches in Chinese, fills one cart from two farms, pays
 * (simulated provider), and sees two orders; a farmer ships; the buyer confirms delivery;
 * an officer finds the sale in the right county and downloads the CSV.
 * The officer part waits for the reports endpoints (ReportsModule in the API).
 */
const shopModules = ['CatalogModule', 'OrdersModule', 'PaymentsModule'];
const reportsReady = [...shopModules, 'ReportsModule'].every(apiModuleWired);
const describeShop = describeWhenWired(shopModules);
const itReports = reportsReady ? it : it.skip;

describeShop('Browser: a buyer buys from two farms, the farmer ships, the officer sees the sale', () => {
  const spec = useBrowserApp([
    'GET /api/listings',
    'POST /api/checkouts',
    'GET /api/orders',
    'POST /api/orders/{id}/ship',
    'POST /api/orders/{id}/deliver',
    'POST /api/payments/{id}/simulate',
    ...(reportsReady ? ['GET /api/reports/sales'] : []),
  ]);
  const { t, open } = spec;
  let kiwiFarmer: TestUser;
  let teaFarmer: TestUser;
  let buyer: TestUser;
  const listing = { kiwi: '', tea: '' };

  async function createListing(farmer: TestUser, body: Record<string, unknown>, colour: { r: number; g: number; b: number }): Promise<string> {
    const res = await t.http().post('/api/listings').set(farmer.auth).send(body).expect(201);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'farmlink-photo-'));
    await t.http().post(`/api/listings/${res.body.id}/photos`).set(farmer.auth).attach('file', await sampleJpeg(path.join(dir, 'p.jpg'), colour)).expect(201);
    return res.body.id;
  }

  /** GET /api/orders as `user`: the orders they bought or sold. */
  const ordersOf = async (user: TestUser) => (await t.http().get('/api/orders').set(user.auth).expect(200)).body.items;

  beforeAll(async () => {
    kiwiFarmer = await createUser(t, 'farmer', { displayName: '王芳', countyCode: COUNTIES.tongzi, povertyRegistered: true });
    teaFarmer = await createUser(t, 'farmer', { displayName: '杨光荣', countyCode: COUNTIES.leishan });
    buyer = await createUser(t, 'buyer', { displayName: '陈静' });
    listing.kiwi = await createListing(
      kiwiFarmer,
      { title: '桐梓红心猕猴桃 5斤装', category: 'fruit', unit: '箱', netWeightGrams: 2500, priceCents: 4800, stock: 50, description: '高山果园现摘' },
      { r: 120, g: 160, b: 70 },
    );
    listing.tea = await createListing(
      teaFarmer,
      { title: '雷山银球茶 250克', category: 'tea', unit: '罐', netWeightGrams: 250, priceCents: 6800, stock: 30 },
      { r: 60, g: 110, b: 80 },
    );
  });

  it('the buyer searches in Chinese, buys from two farms, pays and sees two orders', async () => {
    const { page } = await open({ viewport: PHONE, lang: 'zh', user: buyer });
    await page.goto('/');
    await page.getByLabel('搜索农产品').fill('猕猴桃');
    await page.getByRole('button', { name: '搜索' }).click();
    await page.locator(`[data-listing-id="${listing.kiwi}"]`).waitFor();
    await page.getByText('共 1 件商品').waitFor();
    expect(await page.locator(`[data-listing-id="${listing.tea}"]`).count()).toBe(0);
    await screenshot(page, 'buyer-search-zh-phone');

    await page.locator(`[data-listing-id="${listing.kiwi}"] a`).click();
    await page.getByRole('button', { name: '加入购物车' }).click();
    await page.getByText('购物车中已有 1 件。').waitFor();

    await page.goto('/?q=%E9%93%B6%E7%90%83%E8%8C%B6'); // 银球茶
    await page.locator(`[data-listing-id="${listing.tea}"] a`).click();
    await page.getByRole('button', { name: '增加一件' }).click();
    await page.getByRole('button', { name: '加入购物车' }).click();
    await page.getByText('购物车中已有 2 件。').waitFor();

    // The cart survives a reload and shows one parcel per farm.
    await page.goto('/cart');
    await page.reload();
    await page.getByText('包裹 2').waitFor();
    await page.getByText('¥184.00').first().waitFor(); // 48.00 + 2 × 68.00
    await screenshot(page, 'buyer-cart-phone');
    // The cart holds no more than the stock (50 boxes of kiwi), and says so.
    const kiwiQuantity = page.getByLabel('桐梓红心猕猴桃 5斤装 的数量');
    await kiwiQuantity.fill('5000');
    await page.getByText('仅剩 50 箱').waitFor();
    expect(await settledValue(kiwiQuantity, '50')).toBe('50');
    await screenshot(page, 'buyer-cart-stock-phone');
    await kiwiQuantity.fill('1');
    await page.getByText('¥184.00').first().waitFor();
    await page.getByRole('button', { name: '去结算' }).click();

    await page.getByLabel('手机号码').fill('13800000000');
    await page.getByLabel('省份').selectOption({ label: '北京市' });
    await page.getByLabel('市 / 州').selectOption({ index: 1 });
    await page.getByLabel('县 / 区').selectOption({ label: '朝阳区' });
    await page.getByLabel('详细地址').fill('建国路 88 号 3 单元 501');
    await screenshot(page, 'buyer-checkout-phone');
    await page.getByRole('button', { name: /提交订单并支付/ }).click();

    // The simulated provider's page says plainly that it is a simulation.
    await page.getByText('模拟支付 — 不会产生真实扣款').waitFor();
    await page.getByTestId('pay-total').getByText('¥184.00').waitFor();
    await screenshot(page, 'buyer-simulated-payment-phone');
    await page.getByRole('button', { name: '确认支付（模拟）' }).click();

    await page.waitForURL(/\/orders\?paid=1/);
    await page.locator('.order-card[data-status="paid"]').nth(1).waitFor();
    expect(await page.locator('.order-card').count()).toBe(2);
    await screenshot(page, 'buyer-orders-paid-phone');

    const orders = await ordersOf(buyer);
    expect(orders).toHaveLength(2);
    expect(orders.map((o: { status: string }) => o.status)).toEqual(['paid', 'paid']);
    expect(orders.map((o: { totalCents: number }) => o.totalCents).sort((a: number, b: number) => a - b)).toEqual([4800, 13600]);
    expect(await page.evaluate(() => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem('farmlink.cart'))).toBe('[]');
  }, 120_000);

  it('the farmer ships with carrier and tracking number', async () => {
    const { page } = await open({ viewport: PHONE, lang: 'zh', user: kiwiFarmer });
    await page.goto('/farm/sales');
    const card = page.locator('.order-card[data-status="paid"]');
    await card.waitFor();
    await card.getByText('桐梓红心猕猴桃 5斤装 × 1').waitFor();
    await card.getByLabel(/快递公司/).fill('顺丰速运');
    await card.getByLabel(/运单号/).fill('SF1234567890');
    await screenshot(page, 'farmer-sales-ship-phone');
    await card.getByRole('button', { name: '确认发货' }).click();
    await page.locator('.order-card[data-status="shipped"]').getByText('已通过 顺丰速运 发货，运单号 SF1234567890').waitFor();

    const [order] = await ordersOf(kiwiFarmer);
    expect(order).toMatchObject({ status: 'shipped', carrier: '顺丰速运', trackingNo: 'SF1234567890' });
  }, 90_000);

  it('the buyer confirms delivery', async () => {
    const { page } = await open({ viewport: DESKTOP, lang: 'zh', user: buyer });
    await page.goto('/orders');
    const shipped = page.locator('.order-card[data-status="shipped"]');
    // "I received it" asks first (test/web/shop-rough-edges.e2e-spec.ts checks that dismissing changes nothing).
    page.once('dialog', (dialog) => void dialog.accept());
    await shipped.getByRole('button', { name: '确认收货' }).click();
    await page.locator('.order-card[data-status="delivered"]').waitFor();
    await screenshot(page, 'buyer-orders-delivered-desktop');
    const statuses = (await ordersOf(buyer)).map((o: { status: string }) => o.status).sort();
    expect(statuses).toEqual(['delivered', 'paid']);
  }, 90_000);

  itReports('an officer drills down to the county of the sale and downloads the CSV', async () => {
    // Officers see reports inside their jurisdiction; the dashboard opens there (Guizhou, by prefecture).
    const { page } = await openZunyiReport(spec);
    const row = page.locator('tr[data-key="520322"]');
    await row.waitFor();
    await row.getByText('桐梓县').waitFor();
    await row.getByText('¥48.00').first().waitFor();
    expect(await page.locator('tr[data-key="522634"]').count()).toBe(0); // 雷山县 is in another prefecture
    await page.locator('.chart canvas').first().waitFor();
    await screenshot(page, 'officer-dashboard-desktop');
    // The monthly trend runs from January to this month, in calendar order (months without sales at 0).
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const expectedMonths = Array.from({ length: Number(today.slice(5, 7)) }, (_, i) => `${today.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`);
    expect((await page.getByTestId('trend-chart').getAttribute('data-labels'))?.split(',')).toEqual(expectedMonths);
    // A cleared start date asks for one (it used to say the start was after the end).
    await page.locator('#r-from').fill('');
    await page.getByRole('alert').getByText('请选择开始日期。').waitFor();
    expect(await page.getByText('开始日期不能晚于结束日期。').count()).toBe(0);
    await page.locator('#r-from').fill(`${today.slice(0, 4)}-01-01`);

    const download = await downloadBy(page, '下载 CSV');
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    // The export for people (#16 item 3): Chinese headers, money in yuan with two decimals.
    expect(lines[0]).toMatch(/^\uFEFF?代码,县,订单数,销售总额（元）/);
    const county = lines.find((l) => l.includes('520322'));
    expect(county).toBeDefined();
    expect(county).toMatch(/,48\.00,/);

    await page.setViewportSize(PHONE);
    await screenshot(page, 'officer-dashboard-phone');
  }, 120_000);
});
