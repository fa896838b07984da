import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkout, createListing, createUser, TestUser } from '@farmlink/testing';
import { DESKTOP, describeWhenWired, fillListingForm, PHONE, sampleJpeg, screenshot, useBrowserApp } from './browser';

/*
 * Issue #16, the farmer's rough edges: a bad photo no longer publishes a listing without it
 * (item 7), server errors read in the user's language (item 8), saving and shipping say that
 * they worked, the ledger is newest first with its whole history, and the farm menu fits a
 * 360 px phone (item 10). The cooperative member search is in admin-and-cooperative.e2e-spec.ts.
 */
const describeFarm = describeWhenWired(['CatalogModule', 'OrdersModule', 'PaymentsModule', 'CooperativesModule']);

describeFarm('Browser: the farmer’s rough edges (issue #16 items 7, 8, 10)', () => {
  const { t, open } = useBrowserApp([
    'POST /api/listings',
    'POST /api/listings/{id}/photos',
    'GET /api/sellers/me/ledger',
    'POST /api/orders/{id}/ship',
    'GET /api/cooperatives/{id}/candidates',
  ]);
  let farmer: TestUser;
  let buyer: TestUser;

  beforeAll(async () => {
    farmer = await createUser(t, 'farmer', { displayName: '王芳' });
    buyer = await createUser(t, 'buyer', { displayName: '陈静' });
  });

  const listingsTitled = async (title: string) =>
    t.db.query(`SELECT l.id, l.status, (SELECT count(*)::int FROM listing_photos p WHERE p.listing_id = l.id) AS photos FROM listings l WHERE l.title = $1`, [title]);

  it('a file that is not a picture is refused in the browser, and nothing is published', async () => {
    const { page } = await open({ viewport: PHONE, lang: 'zh', user: farmer });
    await page.goto('/farm/listings/new');
    const title = '坏照片 红薯 10斤';
    await fillListingForm(page, { title, category: '蔬菜', unit: '袋', kilograms: '5', yuan: '30', stock: '10' });
    await page.getByLabel('商品照片').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: randomBytes(4096) });
    await page.getByText('“broken.png”无法作为图片打开（已损坏或不是图片），请换一张。').waitFor();
    expect(await page.getByRole('img', { name: '新照片 1' }).count()).toBe(0);
    await screenshot(page, 'farm-bad-photo-zh-phone');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByTestId('form-summary').waitFor();
    expect(await listingsTitled(title)).toEqual([]);
  }, 90_000);

  it('a photo the server refuses leaves the listing saved but paused, says so in Chinese, and publishes once the photo is in', async () => {
    const { page } = await open({ viewport: PHONE, lang: 'zh', user: farmer });
    await page.goto('/farm/listings/new');
    const title = '石坎村 高山土豆 5斤';
    await fillListingForm(page, { title, category: '蔬菜', unit: '袋', kilograms: '2.5', yuan: '25', stock: '30' });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'farmlink-photo-'));
    await page.getByLabel('商品照片').setInputFiles(await sampleJpeg(path.join(dir, 'potato.jpg')));
    await page.getByRole('img', { name: '新照片 1' }).waitFor();
    // The server refuses the photo (as it does a damaged file that still decodes in some browsers).
    await page.route('**/api/listings/*/photos', (route) =>
      route.fulfill({
        status: 422,
        contentType: 'application/json',
        body: JSON.stringify({ statusCode: 422, error: 'Unprocessable Entity', message: 'The file looks like an image but could not be read', code: 'UNREADABLE_PHOTO' }),
      }),
    );
    await page.getByRole('button', { name: '发布' }).click();
    await page.waitForURL(/\/farm\/listings\/[0-9a-f-]{36}\/edit$/);
    await page.getByText(/商品已保存，但尚未上架（暂停销售）：有 1 张照片未能上传/).waitFor();
    await page.getByText('照片无法读取（已损坏或像素过多），请换一张。').waitFor();
    expect(await page.locator('main').innerText()).not.toMatch(/could not be read|Unprocessable/);
    // The photo not yet stored is still there, its preview intact, ready to be sent again.
    await page.waitForFunction('(() => { const i = document.querySelector(\'img[alt="新照片 1"]\'); return !!i && i.complete && i.naturalWidth > 0; })()');
    await screenshot(page, 'farm-photo-refused-zh-phone');
    const [saved] = await listingsTitled(title);
    expect(saved).toMatchObject({ status: 'paused', photos: 0 });
    // Not in the shop while paused.
    const shop = await t.http().get('/api/listings').query({ q: '高山土豆' }).expect(200);
    expect(shop.body.items).toEqual([]);

    // The server takes the photo now: set it on sale, save, and the list says it worked.
    await page.unroute('**/api/listings/*/photos');
    await page.getByLabel('状态').selectOption({ label: '在售' });
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/farm\/listings\?saved=/);
    await page.getByRole('status').getByText(`已保存：“${title}”。`).waitFor();
    await screenshot(page, 'farm-saved-notice-zh-phone');
    expect((await listingsTitled(title))[0]).toMatchObject({ status: 'active', photos: 1 });
  }, 90_000);

  it('a refusal from the server reads in the user’s language, never the server’s English', async () => {
    const owner = await createUser(t, 'farmer', { displayName: '杨光荣' });
    const other = await createListing(t, owner, { title: '别人的茶叶' });
    for (const [lang, expected] of [
      ['zh', '只有发布此商品的农户或其合作社负责人可以修改。'],
      ['en', 'Only the listing’s farmer or its cooperative’s manager may change it.'],
    ] as const) {
      const { page } = await open({ viewport: DESKTOP, lang, user: farmer });
      await page.goto(`/farm/listings/${other.id}/edit`);
      await page.getByRole('button', { name: lang === 'zh' ? '保存' : 'Save' }).click();
      await page.getByRole('alert').getByText(expected).waitFor();
      const text = await page.locator('main').innerText();
      if (lang === 'zh') expect(text).not.toMatch(/Only|farmer|listing/);
      await screenshot(page, `farm-error-translated-${lang}-desktop`);
    }
  }, 90_000);

  it('shipping says so; the tab and page are in the URL; the ledger is newest first with a full history; the menu fits 360 px', async () => {
    const seller = await createUser(t, 'farmer', { displayName: '赵农' });
    const listing = await createListing(t, seller, { title: '赵家土鸡蛋 30枚', stock: 500 });
    const paidIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const done = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201);
      await t.http().post(`/api/payments/${done.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
      paidIds.push(done.body.orders[0].id);
    }
    // Older history: 11 more orders with their sale and fee, dated last year (22 entries).
    for (let i = 0; i < 11; i++) {
      const done = await checkout(t, buyer, [{ listingId: listing.id, quantity: 1 }]).expect(201);
      for (const [kind, amount] of [['sale', 2500], ['fee', -50]] as const) {
        await t.db.query(
          `INSERT INTO seller_ledger_entries (seller_type, seller_id, kind, amount_cents, currency, fee_bps, order_id, payment_id, created_at)
           VALUES ('farmer', $1, $2, $3, 'CNY', 200, $4, $5, $6)`,
          [seller.id, kind, amount, done.body.orders[0].id, done.body.payment.id, `2025-0${1 + (i % 9)}-1${i % 10}T08:00:00Z`],
        );
      }
    }

    const { page } = await open({ viewport: PHONE, lang: 'zh', user: seller });
    // The farm menu wraps: every entry is inside the 360 px screen.
    await page.goto('/farm');
    const nav = page.getByRole('navigation', { name: '主导航' });
    for (const link of await nav.getByRole('link').all()) {
      const box = (await link.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    await nav.getByRole('link', { name: '合作社' }).waitFor();
    // The balance card: the five newest entries (today's), and a link to the whole history.
    const latest = page.getByTestId('ledger-latest').locator('li');
    await latest.first().waitFor();
    expect(await latest.count()).toBe(5);
    const year = String(new Date().getFullYear());
    // Today's sales (and fees, when the platform charges one) come before last year's entries.
    const today = (await t.db.query(`SELECT count(*)::int AS n FROM seller_ledger_entries WHERE seller_id = $1 AND created_at > now() - interval '1 day'`, [seller.id]))[0].n;
    expect(today).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < Math.min(today, 5); i++) expect(await latest.nth(i).innerText()).toContain(year);
    expect(await latest.nth(Math.min(today, 4)).innerText()).toContain(today >= 5 ? year : '2025');
    await screenshot(page, 'farm-home-zh-phone');
    await page.getByRole('link', { name: /全部明细/ }).click();
    await page.waitForURL(/\/farm\/ledger$/);
    const rows = page.getByTestId('ledger-table').locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(20);
    await page.getByText('第 1 / 2 页').waitFor();
    await screenshot(page, 'farm-ledger-zh-phone');
    await page.getByRole('button', { name: /下一页/ }).click();
    await page.waitForURL(/\/farm\/ledger\?page=2$/);
    await page.reload();
    await page.getByText('第 2 / 2 页').waitFor();
    expect(await rows.count()).toBe(today + 22 - 20);
    const api = (await t.http().get('/api/sellers/me/ledger').query({ pageSize: 100 }).set(seller.auth).expect(200)).body.items;
    const times = api.map((e: { createdAt: string }) => Date.parse(e.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // Shipping: a status line names the order that moved to "shipped"; the list follows the URL.
    await page.goto('/farm/sales?status=paid');
    await page.getByRole('button', { name: '待发货', pressed: true }).waitFor();
    const card = page.locator(`.order-card[data-order-id="${paidIds[0]}"]`);
    await card.getByLabel(/运单号/).fill('SF1234567890');
    await card.getByRole('button', { name: '确认发货' }).click();
    const [{ order_no: no }] = await t.db.query(`SELECT order_no FROM orders WHERE id = $1`, [paidIds[0]]); // the readable number (FL-…)
    await page.getByRole('status').getByText(`订单 ${no} 已标记为已发货，可在“已发货”中查看。`).waitFor();
    // In view wherever the list was scrolled to (the shipped order has left this tab).
    const toast = (await page.getByRole('status').filter({ hasText: `订单 ${no}` }).boundingBox())!;
    expect(toast.y).toBeGreaterThanOrEqual(0);
    expect(toast.y + toast.height).toBeLessThanOrEqual(PHONE.height);
    await card.waitFor({ state: 'detached' });
    await screenshot(page, 'farm-shipped-notice-zh-phone');
    await page.getByRole('button', { name: '已发货', exact: true }).click();
    await page.waitForURL(/status=shipped/);
    await page.reload();
    await page.getByRole('button', { name: '已发货', pressed: true }).waitFor();
    await page.locator(`.order-card[data-order-id="${paidIds[0]}"]`).waitFor();
    await page.goBack();
    await page.waitForURL(/status=paid/);
    await page.getByRole('button', { name: '待发货', pressed: true }).waitFor();

    // The same pages in English on a desktop.
    const en = await open({ viewport: DESKTOP, lang: 'en', user: seller });
    await en.page.goto('/farm/ledger');
    await en.page.getByText('Page 1 of 2').waitFor();
    await screenshot(en.page, 'farm-ledger-en-desktop');
    await en.page.setViewportSize(PHONE);
    await screenshot(en.page, 'farm-ledger-en-phone');
    await en.page.setViewportSize(DESKTOP);
    await en.page.goto('/farm');
    await en.page.getByRole('link', { name: /Full history/ }).waitFor();
    await screenshot(en.page, 'farm-home-en-desktop');
  }, 150_000);
});
