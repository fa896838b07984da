import type { TestApp } from '@farmlink/testing';
import { checkout, createCooperative, createListing, createUser, TestUser } from '@farmlink/testing';
import type { Page } from 'playwright-core';
import { DESKTOP, describeWhenWired, PHONE, screenshot, useBrowserApp } from './browser';

/** The readable order number the web shows (orders.order_no, e.g. FL-7K3M9-Q). */
const orderNo = async (t: TestApp, id: string): Promise<string> => (await t.db.query(`SELECT order_no FROM orders WHERE id = $1`, [id]))[0].order_no;

/*
 * Issue #16, the buyer's rough edges: units in the reader's language (item 11), the seller's
 * name on every parcel and order (item 12), and the payment page, "I received it", the order
 * list's URL and the order's own page (item 13).
 */
const describeShop = describeWhenWired(['CatalogModule', 'OrdersModule', 'PaymentsModule', 'CooperativesModule']);


describeShop('Browser: the buyer’s rough edges (issue #16 items 11, 12, 13)', () => {
  const { t, open } = useBrowserApp(['GET /api/listings', 'POST /api/checkouts', 'GET /api/orders', 'GET /api/orders/{id}', 'GET /api/payments/{id}']);
  let farmer: TestUser;
  let manager: TestUser;
  let coopName: string;
  let buyer: TestUser;
  const ids = { bag: '', box: '', odd: '', coop: '' };

  beforeAll(async () => {
    farmer = await createUser(t, 'farmer', { displayName: '王芳' });
    manager = await createUser(t, 'farmer', { displayName: '李支书' });
    buyer = await createUser(t, 'buyer', { displayName: '陈静' });
    const coop = await createCooperative(t, manager);
    coopName = (await t.db.query(`SELECT name FROM cooperatives WHERE id = $1`, [coop]))[0].name;
    ids.bag = (await createListing(t, farmer, { title: '红薯 英文单位', stock: 1932 })).id;
    await t.db.query(`UPDATE listings SET unit = 'bag' WHERE id = $1`, [ids.bag]);
    ids.box = (await createListing(t, farmer, { title: '猕猴桃 中文单位', stock: 40 })).id;
    await t.db.query(`UPDATE listings SET unit = '箱' WHERE id = $1`, [ids.box]);
    ids.odd = (await createListing(t, farmer, { title: '竹编 自定单位', stock: 5 })).id;
    await t.db.query(`UPDATE listings SET unit = '篓子' WHERE id = $1`, [ids.odd]);
    ids.coop = (await createListing(t, manager, { title: '合作社方竹笋', cooperativeId: coop, stock: 60 })).id;
  });

  async function addToCart(page: Page, listingId: string) {
    await page.goto(`/listings/${listingId}`);
    await page.getByRole('button', { name: '加入购物车' }).click();
    await page.getByText(/购物车中已有/).waitFor();
  }

  it('units read in the reader’s language; unknown units as typed', async () => {
    const zh = await open({ viewport: PHONE, lang: 'zh' });
    await zh.page.goto(`/listings/${ids.bag}`);
    await zh.page.getByText('/ 袋').first().waitFor();
    await zh.page.getByText('剩余 1932 袋').waitFor();
    expect(await zh.page.locator('main').innerText()).not.toMatch(/\bbag\b/);
    await screenshot(zh.page, 'shop-unit-zh-phone');
    await zh.page.goto(`/listings/${ids.odd}`);
    await zh.page.getByText('剩余 5 篓子').waitFor();

    const en = await open({ viewport: DESKTOP, lang: 'en' });
    await en.page.goto(`/listings/${ids.box}`);
    await en.page.getByText('/ box').first().waitFor();
    await en.page.getByText('40 box left').waitFor();
    expect(await en.page.locator('main').innerText()).not.toContain('箱');
    await screenshot(en.page, 'shop-unit-en-desktop');
    await en.page.goto(`/listings/${ids.odd}`);
    await en.page.getByText('/ 篓子').first().waitFor();
  }, 90_000);

  it('parcels and orders name their seller; the payment page survives a reload; amounts line up at 360 px; the order has its own page', async () => {
    const { page } = await open({ viewport: PHONE, lang: 'zh', user: buyer });
    await addToCart(page, ids.box);
    await addToCart(page, ids.coop);
    await page.goto('/cart');
    await page.getByRole('heading', { name: '包裹 1 · 王芳' }).waitFor();
    await page.getByRole('heading', { name: `包裹 2 · ${coopName}` }).waitFor();
    await screenshot(page, 'shop-cart-sellers-zh-phone');
    await page.getByRole('button', { name: '去结算' }).click();
    await page.getByRole('heading', { name: '包裹 1 · 王芳' }).waitFor();
    await page.getByLabel('手机号码').fill('13800000000');
    await page.getByLabel('省份').selectOption({ label: '北京市' });
    await page.getByLabel('市 / 州').selectOption({ index: 1 });
    await page.getByLabel('县 / 区').selectOption({ label: '朝阳区' });
    await page.getByLabel('详细地址').fill('建国路 88 号 3 单元 501');
    await page.getByRole('button', { name: /提交订单并支付/ }).click();
    await page.waitForURL(/\/pay\/[0-9a-f-]{36}$/);
    const paymentUrl = page.url();
    const list = page.getByTestId('pay-orders');
    await list.getByText('订单 1 · ').waitFor();

    // Reload without what the checkout left in this tab: the orders come back from the API.
    await page.evaluate(() => (globalThis as unknown as { sessionStorage: { clear(): void } }).sessionStorage.clear());
    await page.reload();
    await list.locator('li').nth(1).waitFor();
    expect(await list.locator('li').count()).toBe(2);
    await list.getByText('王芳').waitFor();
    await list.getByText(coopName).waitFor();
    // The amounts end at the same right edge.
    const rights = await list.locator('.pay-order__amount').evaluateAll((els) =>
      els.map((e) => Math.round((e as unknown as { getBoundingClientRect(): { right: number } }).getBoundingClientRect().right)),
    );
    expect(new Set(rights).size).toBe(1);
    expect(rights[0]).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'shop-payment-reloaded-zh-phone');
    const en = await open({ viewport: DESKTOP, lang: 'en', user: buyer });
    await en.page.goto(paymentUrl);
    await en.page.getByTestId('pay-orders').getByText('Order 2 · ').waitFor();
    await screenshot(en.page, 'shop-payment-en-desktop');

    await page.getByRole('button', { name: '确认支付（模拟）' }).click();
    await page.waitForURL(/\/orders\?paid=1/);
    const mine = (await t.http().get('/api/orders').set(buyer.auth).expect(200)).body.items as { id: string; sellerName: string }[];
    const fromWang = mine.find((o) => o.sellerName === '王芳')!;
    const card = page.locator(`.order-card[data-order-id="${fromWang.id}"]`);
    await card.getByText('卖家：王芳').waitFor();
    await page.locator('.order-card').getByText(`卖家：${coopName}`).waitFor();
    await screenshot(page, 'shop-orders-sellers-zh-phone');

    // The order's own page: seller, lines with their unit, what happened.
    await card.getByRole('link', { name: `订单 ${await orderNo(t, fromWang.id)}` }).click();
    await page.waitForURL(new RegExp(`/orders/${fromWang.id}$`));
    await page.getByTestId('order-seller').getByText('卖家：王芳').waitFor();
    await page.getByText('/ 箱').waitFor();
    await page.getByRole('heading', { name: '订单进度' }).waitFor();
    await page.locator('.order-history li').nth(1).waitFor(); // placed, paid
    await screenshot(page, 'shop-order-detail-zh-phone');
    await en.page.goto(`/orders/${fromWang.id}`);
    await en.page.getByText('Seller: 王芳').waitFor();
    await en.page.getByText('/ box').waitFor();
    await screenshot(en.page, 'shop-order-detail-en-desktop');
    await en.page.setViewportSize(PHONE);
    await screenshot(en.page, 'shop-order-detail-en-phone');
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'shop-order-detail-zh-desktop');
  }, 150_000);

  it('"I received it" asks first: dismissing changes nothing, accepting marks it delivered', async () => {
    const done = await checkout(t, buyer, [{ listingId: ids.bag, quantity: 1 }]).expect(201);
    await t.http().post(`/api/payments/${done.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
    const orderId = done.body.orders[0].id;
    await t.http().post(`/api/orders/${orderId}/ship`).set(farmer.auth).send({ carrier: '顺丰速运', trackingNo: 'SF1234567890' }).expect(200);

    const { page } = await open({ viewport: PHONE, lang: 'zh', user: buyer });
    await page.goto('/orders?status=shipped');
    const card = page.locator(`.order-card[data-order-id="${orderId}"]`);
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await card.getByRole('button', { name: '确认收货' }).click();
    await page.waitForTimeout(300);
    expect(asked).toEqual([`确认已收到订单 ${await orderNo(t, orderId)} 吗？确认后将通知卖家已送达，且无法撤销。`]);
    expect((await t.http().get(`/api/orders/${orderId}`).set(buyer.auth).expect(200)).body.status).toBe('shipped');

    page.once('dialog', (d) => void d.accept());
    await card.getByRole('button', { name: '确认收货' }).click();
    await page.getByRole('status').getByText(`订单 ${await orderNo(t, orderId)} 已确认收货，谢谢！`).waitFor();
    expect((await t.http().get(`/api/orders/${orderId}`).set(buyer.auth).expect(200)).body.status).toBe('delivered');
    await screenshot(page, 'shop-received-notice-zh-phone');
  }, 90_000);

  it('the order list keeps its page and filter in the URL: reload and Back return there', async () => {
    const many = await createUser(t, 'buyer');
    for (let i = 0; i < 22; i++) await checkout(t, many, [{ listingId: ids.bag, quantity: 1 }]).expect(201);
    const { page } = await open({ viewport: PHONE, lang: 'zh', user: many });
    await page.goto('/orders');
    await page.getByText('第 1 / 2 页').waitFor();
    await page.getByRole('button', { name: /下一页/ }).click();
    await page.waitForURL(/\/orders\?page=2$/);
    await page.reload();
    await page.getByText('第 2 / 2 页').waitFor();
    expect(await page.locator('.order-card').count()).toBe(2);
    await page.goBack();
    await page.getByText('第 1 / 2 页').waitFor();
    // Every filter tab is on the 360 px screen (they wrap).
    for (const tab of await page.getByRole('group', { name: '筛选订单' }).getByRole('button').all()) {
      const box = (await tab.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    await page.getByRole('button', { name: '已取消', exact: true }).click();
    await page.waitForURL(/status=cancelled/);
    await page.getByText('您还没有订单。').waitFor();
    await page.reload();
    await page.getByRole('button', { name: '已取消', pressed: true }).waitFor();
    await screenshot(page, 'shop-orders-filter-zh-phone');
  }, 120_000);
});
