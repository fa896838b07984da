import type { Page } from 'playwright-core';
import { createListing, createUser } from '@farmlink/testing';
import { PHONE, screenshot, useBrowserApp, settledValue } from './browser';

/**
 * Issue 15, the cart page: once the destination is known (the buyer's default saved address, or a
 * county chosen on the cart page) each seller's parcel shows its shipping, and the total includes it;
 * the county chosen in the cart is where the checkout starts. 360 px, zh and en.
 */
describe('Browser: shipping on the cart page', () => {
  const { t, open } = useBrowserApp(['POST /api/checkouts/quote']);

  async function fitsWidth(page: Page): Promise<void> {
    const overflow = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return d.scrollWidth - d.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  }

  it('shows each seller\'s shipping and the total with it, from the default address or a county chosen in the cart (zh, en, 360 px)', async () => {
    const henan = await createUser(t, 'farmer', { countyCode: '410225', displayName: 'Lankao Farm' });
    const guizhou = await createUser(t, 'farmer', { countyCode: '520322', displayName: 'Tongzi Farm' });
    await t.http().put('/api/sellers/me/shipping-rates').set(henan.auth).send({ rates: [{ provinceCode: '*', baseCents: 800, perKgCents: 200 }] }).expect(200);
    // Tongzi delivers within Guizhou only.
    await t.http().put('/api/sellers/me/shipping-rates').set(guizhou.auth).send({ rates: [{ provinceCode: '520000', baseCents: 500, perKgCents: 0 }, { provinceCode: '*', baseCents: 0, perKgCents: 0, noDelivery: true }] }).expect(200);
    const a = await createListing(t, henan, { title: 'Lankao honey', priceCents: 3000, stock: 20, netWeightGrams: 1500 });
    const b = await createListing(t, guizhou, { title: 'Tongzi kiwi', priceCents: 3800, stock: 20, netWeightGrams: 2500 });
    const cart = JSON.stringify([
      { listingId: a.id, quantity: 2, title: 'Lankao honey', priceCents: 3000, unit: 'box', stock: 20, sellerKey: henan.id, sellerName: 'Lankao Farm', countyCode: '410225' },
      { listingId: b.id, quantity: 1, title: 'Tongzi kiwi', priceCents: 3800, unit: 'box', stock: 20, sellerKey: guizhou.id, sellerName: 'Tongzi Farm', countyCode: '520322' },
    ]);
    const goods = 2 * 3000 + 3800;
    const withCart = async (lang: 'zh' | 'en', user: Awaited<ReturnType<typeof createUser>>) => {
      const opened = await open({ viewport: PHONE, lang, user });
      await opened.context.addInitScript((line: string) => {
        const store = (globalThis as unknown as { localStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void } }).localStorage;
        if (!store.getItem('farmlink.cart')) store.setItem('farmlink.cart', line);
      }, cart);
      return opened.page;
    };

    // A buyer whose default address is in Tongzi (Guizhou): henan 800 + 200 × 3 started kg = 1400, guizhou 500.
    const saved = await createUser(t, 'buyer', { displayName: 'Chen Jing' });
    await t.http().post('/api/me/addresses').set(saved.auth).send({ name: 'Chen Jing', phone: '13800000001', countyCode: '520322', line1: 'Loushanguan 1', isDefault: true }).expect(201);
    for (const lang of ['zh', 'en'] as const) {
      const page = await withCart(lang, saved);
      await page.goto('/cart');
      await page.getByTestId('cart-parcel-shipping').nth(1).waitFor();
      const fees = await page.getByTestId('cart-parcel-shipping').allInnerTexts();
      expect(fees.join(' | ')).toMatch(/14\.00[\s\S]*\|[\s\S]*5\.00/);
      expect(await page.getByTestId('cart-shipping').innerText()).toContain('19.00');
      expect(await page.getByTestId('cart-total').innerText()).toContain(((goods + 1900) / 100).toFixed(2));
      // The county picker shows where the estimate is for: the default address's county.
      expect(await settledValue(page.getByLabel(lang === 'zh' ? '县 / 区' : 'County'), '520322')).toBe('520322');
      await fitsWidth(page);
      await screenshot(page, `cart-shipping-${lang}-phone`);
    }

    // A buyer with no saved address: goods only until a county is chosen; then Lankao (Henan): Tongzi does not deliver there.
    const fresh = await createUser(t, 'buyer', { displayName: 'Li Lei' });
    for (const lang of ['zh', 'en'] as const) {
      const page = await withCart(lang, fresh);
      await page.goto('/cart');
      const where = page.getByTestId('cart-destination');
      await where.getByText(lang === 'zh' ? '选择区县后显示运费。' : 'Shipping is shown once you choose the county.').waitFor();
      expect(await page.getByTestId('cart-total').innerText()).toContain((goods / 100).toFixed(2));
      expect(await page.getByTestId('cart-parcel-shipping').count()).toBe(0);
      await where.getByLabel(lang === 'zh' ? '省份' : 'Province').selectOption({ label: '河南省' });
      await where.getByLabel(lang === 'zh' ? '市 / 州' : 'City / prefecture').selectOption({ label: '开封市' });
      await where.getByLabel(lang === 'zh' ? '县 / 区' : 'County').selectOption({ label: '兰考县' });
      await page.getByTestId('cart-parcel-no-delivery').waitFor();
      expect(await page.getByTestId('cart-parcel-no-delivery').innerText()).toContain('Tongzi Farm');
      expect(await page.getByTestId('cart-parcel-shipping').innerText()).toContain('14.00');
      await fitsWidth(page);
      await screenshot(page, `cart-shipping-county-${lang}-phone`);
      // The checkout starts from the county chosen in the cart.
      await page.getByRole('button', { name: lang === 'zh' ? '去结算' : 'Checkout' }).click();
      await page.getByTestId('parcel-no-delivery').waitFor();
      expect(await settledValue(page.getByLabel(lang === 'zh' ? '县 / 区' : 'County'), '410225')).toBe('410225');
    }
  }, 180_000);
});
