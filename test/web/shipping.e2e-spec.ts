import type { Page } from 'playwright-core';
import { createListing, createUser } from '@farmlink/testing';
import { DESKTOP, PHONE, screenshot, useBrowserApp, settledValue } from './browser';

/**
 * Issue 15 item 4 in the browser, at 360 px in both languages: a farmer sets shipping rates on the
 * farm page; a buyer with a cart from two farms sees each farm's shipping before paying, and the
 * total charged is goods + shipping.
 */
describe('Browser: shipping fees', () => {
  const { t, open } = useBrowserApp(['GET /api/sellers/me/shipping-rates', 'PUT /api/sellers/me/shipping-rates', 'POST /api/checkouts/quote']);

  async function fitsWidth(page: Page): Promise<void> {
    const overflow = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return d.scrollWidth - d.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  }

  it('a farmer sets rates (en, then zh), a buyer sees each seller’s shipping at checkout and is charged it (360 px)', async () => {
    const henan = await createUser(t, 'farmer', { countyCode: '410225', displayName: 'Lankao Farm' });
    const guizhou = await createUser(t, 'farmer', { countyCode: '520322', displayName: 'Tongzi Farm' });

    // The farmer: no rates → free; add one for every province; save.
    {
      const { page } = await open({ viewport: PHONE, lang: 'en', user: henan });
      await page.goto('/farm');
      await page.getByRole('link', { name: /Shipping/ }).first().click();
      await page.getByTestId('shipping-free').waitFor();
      await page.getByTestId('shipping-add').click();
      await page.locator('input[name="base-0"]').fill('8.00');
      await page.locator('input[name="per-kg-0"]').fill('2.00');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Shipping fees saved.').waitFor();
      await fitsWidth(page);
      await screenshot(page, 'shipping-rates-en-phone');
      await page.setViewportSize(DESKTOP);
      await page.waitForTimeout(300);
      await screenshot(page, 'shipping-rates-en-desktop');
      const saved = (await t.http().get('/api/sellers/me/shipping-rates').set(henan.auth).expect(200)).body.rates;
      expect(saved).toEqual([{ provinceCode: '*', baseCents: 800, perKgCents: 200, freeAboveCents: null, noDelivery: false }]);
    }
    {
      const { page } = await open({ viewport: PHONE, lang: 'zh', user: henan });
      await page.goto('/farm/shipping');
      await page.getByTestId('shipping-rate').first().waitFor();
      expect(await settledValue(page.locator('input[name="base-0"]'), '8.00')).toBe('8.00');
      await fitsWidth(page);
      await screenshot(page, 'shipping-rates-zh-phone');
    }
    await t.http().put('/api/sellers/me/shipping-rates').set(guizhou.auth).send({ rates: [{ provinceCode: '520000', baseCents: 500, perKgCents: 0 }] }).expect(200);

    const a = await createListing(t, henan, { title: 'Lankao honey', priceCents: 3000, stock: 20, netWeightGrams: 1500 });
    const b = await createListing(t, guizhou, { title: 'Tongzi kiwi', priceCents: 3800, stock: 20, netWeightGrams: 2500 });
    const buyer = await createUser(t, 'buyer', { displayName: 'Chen Jing' });
    await t.http().post('/api/me/addresses').set(buyer.auth).send({ name: 'Chen Jing', phone: '13800000001', countyCode: '520322', line1: 'Loushanguan 1', isDefault: true }).expect(201);
    const cart = JSON.stringify([
      { listingId: a.id, quantity: 2, title: 'Lankao honey', priceCents: 3000, unit: 'box', stock: 20, sellerKey: henan.id, countyCode: '410225' },
      { listingId: b.id, quantity: 1, title: 'Tongzi kiwi', priceCents: 3800, unit: 'box', stock: 20, sellerKey: guizhou.id, countyCode: '520322' },
    ]);
    // henan: 800 + 200 × 3 started kg (2 × 1.5 kg) = 1400; guizhou: 500 to Guizhou.
    const goods = 2 * 3000 + 3800;
    const shipping = 1400 + 500;

    for (const lang of ['zh', 'en'] as const) {
      const { context, page } = await open({ viewport: PHONE, lang, user: buyer });
      await context.addInitScript((line: string) => {
        const store = (globalThis as unknown as { localStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void } }).localStorage;
        if (!store.getItem('farmlink.cart')) store.setItem('farmlink.cart', line);
      }, cart);
      await page.goto('/checkout');
      await page.getByTestId('parcel-shipping').nth(1).waitFor();
      const fees = await page.getByTestId('parcel-shipping').allInnerTexts();
      expect(fees.join(' | ')).toMatch(/14\.00[\s\S]*\|[\s\S]*5\.00/);
      expect(await page.getByTestId('checkout-total').innerText()).toContain(((goods + shipping) / 100).toFixed(2));
      await fitsWidth(page);
      await page.getByTestId('checkout-shipping').scrollIntoViewIfNeeded();
      await screenshot(page, `shipping-checkout-${lang}-phone`);
      if (lang === 'zh') {
        await page.setViewportSize(DESKTOP);
        await page.waitForTimeout(300);
        await screenshot(page, 'shipping-checkout-zh-desktop');
      }
      if (lang === 'en') {
        await page.getByRole('button', { name: /Place order|order/i }).click();
        await page.waitForURL('**/pay/**');
      }
    }
    const [payment] = await t.db.query(
      `SELECT p.amount_cents FROM payments p JOIN checkouts c ON c.id = p.checkout_id WHERE c.buyer_id = $1`,
      [buyer.id],
    );
    expect(Number(payment.amount_cents)).toBe(goods + shipping);
    const orders = await t.db.query(`SELECT seller_id, shipping_cents FROM orders WHERE buyer_id = $1 ORDER BY shipping_cents`, [buyer.id]);
    expect(orders.map((o: { shipping_cents: string }) => Number(o.shipping_cents))).toEqual([500, 1400]);
  }, 180_000);
});
