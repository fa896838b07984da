import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { createListing, createUser, TestUser } from '@farmlink/testing';
import { DESKTOP, describeWhenWired, PHONE, screenshot, useBrowserApp, settledValue } from './browser';

/*
 * Issue #15 item 5 in the browser: the farmer searches their sales (the search lives in the URL),
 * exports what they found, and prints packing slips — one order a page, the number as text and QR.
 */
/** The page's scroll width in the browser (wider than the viewport: something overflows). */
const pageWidth = () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth;

const describeSales = describeWhenWired(['OrdersModule', 'CatalogModule']);

describeSales('Browser: the seller’s order tools (issue #15 item 5)', () => {
  const { t, open } = useBrowserApp(['GET /api/orders', 'GET /api/orders/export']);
  let farmer: TestUser;
  const orderNos: Record<string, string> = {};

  beforeAll(async () => {
    farmer = await createUser(t, 'farmer', { displayName: '王芳' });
    const buyer = await createUser(t, 'buyer', { displayName: '陈静' });
    const kiwi = await createListing(t, farmer, { title: '红心猕猴桃', priceCents: 3990, stock: 50 });
    const eggs = await createListing(t, farmer, { title: '土鸡蛋', priceCents: 2500, stock: 50 });
    for (const [name, items] of [
      ['张三', [{ listingId: kiwi.id, quantity: 2 }, { listingId: eggs.id, quantity: 1 }]],
      ['李四', [{ listingId: eggs.id, quantity: 3 }]],
    ] as const) {
      const res = await t.http().post('/api/checkouts').set(buyer.auth).set('Idempotency-Key', randomUUID())
        .send({ items, shippingAddress: { name, phone: '13800000000', countyCode: '520322', line1: '娄山关镇 8 号' } }).expect(201);
      orderNos[name] = res.body.orders[0].orderNo;
    }
  });

  for (const lang of ['zh', 'en'] as const) {
    const L = lang === 'zh'
      ? { buyer: '买家姓名', search: '搜索', csv: '导出 CSV', print: '打印这些订单的发货单', printOne: '打印发货单（1）', header: '订单号', shipTo: '收货人' }
      : { buyer: 'Buyer name', search: 'Search', csv: 'Export CSV', print: 'Print packing slips for these orders', printOne: 'Print packing slips (1)', header: 'Order no.', shipTo: 'Ship to' };

    it(`${lang}, 360 px: search by buyer (kept in the URL), export it, print its slip`, async () => {
      const { page } = await open({ viewport: PHONE, lang, user: farmer });
      await page.goto('/farm/sales');
      await page.locator(`[data-order-no="${orderNos['李四']}"]`).waitFor();
      expect(await page.locator('.order-card').count()).toBe(2);
      // The order numbers are the readable ones, on every card.
      await page.getByRole('heading', { name: new RegExp(orderNos['张三']) }).waitFor();

      await page.getByLabel(L.buyer).fill('张');
      await page.getByRole('button', { name: L.search, exact: true }).click();
      await page.waitForURL(/buyer=%E5%BC%A0/);
      await page.locator('.order-card').nth(1).waitFor({ state: 'detached' });
      expect(await page.locator('.order-card').getAttribute('data-order-no')).toBe(orderNos['张三']);
      // A reload keeps the search.
      await page.reload();
      await page.locator(`[data-order-no="${orderNos['张三']}"]`).waitFor();
      expect(await settledValue(page.getByLabel(L.buyer), '张')).toBe('张');
      expect(await page.evaluate(pageWidth)).toBeLessThanOrEqual(360);
      await screenshot(page, `seller-tools-search-${lang}-phone`);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: L.csv }).click()]);
      const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
      expect(csv[0].split(',')[0]).toBe(L.header);
      expect(csv).toHaveLength(2);
      expect(csv[1].startsWith(`${orderNos['张三']},`)).toBe(true);

      await page.getByRole('link', { name: L.print }).click();
      await page.waitForURL(/\/farm\/orders\/print\?buyer=/);
      await page.locator('[data-testid="slip-qr"] svg').waitFor();
      expect(await page.locator('.slip').count()).toBe(1);
      await page.getByText(orderNos['张三']).first().waitFor();
      await page.getByText('红心猕猴桃').waitFor();
      await page.getByText('13800000000', { exact: false }).waitFor();
      expect(await page.evaluate(pageWidth)).toBeLessThanOrEqual(360);
      await screenshot(page, `seller-tools-slips-${lang}-phone`);
    }, 120_000);
  }

  it('selected orders print one per page, with the header and buttons left off the paper', async () => {
    const { page } = await open({ viewport: DESKTOP, lang: 'zh', user: farmer });
    await page.goto('/farm/sales');
    await page.locator('.order-card').nth(1).waitFor();
    await screenshot(page, 'seller-tools-sales-zh-desktop');
    await page.getByRole('link', { name: '打印这些订单的发货单' }).click();
    await page.locator('[data-testid="slip-qr"] svg').nth(1).waitFor();
    await screenshot(page, 'seller-tools-slips-zh-desktop');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    await screenshot(page, 'seller-tools-slips-print');
    const pdf = await page.pdf({ format: 'A5' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(2);

    // Selecting one order prints only that one.
    await page.emulateMedia({ media: 'screen' });
    await page.goto('/farm/sales');
    await page.getByRole('checkbox', { name: `选择订单 ${orderNos['李四']}` }).check();
    await page.getByRole('link', { name: '打印发货单（1）' }).click();
    await page.waitForURL(/ids=/);
    await page.locator('[data-testid="slip-qr"] svg').waitFor();
    expect(await page.locator('.slip').getAttribute('data-order-no')).toBe(orderNos['李四']);
  }, 120_000);
});
