import type { Page } from 'playwright-core';
import { runRegionsCommand } from '../../libs/regions/src/regions-cli';
import { createUser } from '@farmlink/testing';
import { PHONE, screenshot, settledCount, settledValue, useBrowserApp } from './browser';

/**
 * Shipping rates in a second market (#17), at 360 px: a Kenyan farmer's shipping page lists Kenya's
 * counties (the market's first-level regions), not China's provinces, and takes amounts in KES.
 */
describe('Browser: a Kenyan seller’s shipping rates', () => {
  const { t, open } = useBrowserApp(['GET /api/sellers/me/shipping-rates', 'PUT /api/sellers/me/shipping-rates', 'GET /api/regions']);

  async function fitsWidth(page: Page): Promise<void> {
    const overflow = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return d.scrollWidth - d.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  }

  it('lists the 47 counties, amounts in KES; a rate for Nairobi (KE-30) and no delivery to Baringo (KE-01) are saved (360 px)', async () => {
    const quiet = () => undefined;
    // Chinese among the market's locales (the web app offers only those), for the page's zh check below.
    expect(await runRegionsCommand(t.db, ['add-market', 'ke', 'KE', 'KES', 'Africa/Nairobi', 'en,sw,zh-CN', 'county=county'], quiet)).toBe(0);
    expect(await runRegionsCommand(t.db, ['import', 'ke', 'libs/regions/data/ke-iso-3166-2.csv'], quiet)).toBe(0);
    const farmer = await createUser(t, 'farmer', { countyCode: 'KE-32', displayName: 'Wanjiru' }); // Nandi

    const { page } = await open({ viewport: PHONE, lang: 'en', user: farmer });
    await page.goto('/farm/shipping');
    await page.getByTestId('shipping-free').waitFor();
    await page.getByTestId('shipping-add').click(); // '*': every other county
    await page.locator('input[name="base-0"]').fill('350');
    await page.getByTestId('shipping-add').click();
    const region = page.locator('select[name="province-1"]');
    // The market's first-level regions: '*' and Kenya's 47 counties, nothing Chinese.
    expect(await settledCount(region.locator('option'), 48)).toBe(48);
    const options = await region.locator('option').allInnerTexts();
    expect(options).toContain('Nairobi City');
    expect(options.some((o) => /北京|贵州|province/i.test(o))).toBe(false);
    await region.selectOption('KE-30');
    await page.locator('input[name="base-1"]').fill('200.00');
    await page.locator('input[name="per-kg-1"]').fill('50');
    await page.getByTestId('shipping-add').click();
    await page.locator('select[name="province-2"]').selectOption('KE-01');
    await page.locator('input[name="no-delivery-2"]').check();

    // Labels and the worked example speak KES, never yuan or ¥.
    await page.getByText('Base fee (KES)').first().waitFor();
    expect(await page.getByTestId('shipping-example').nth(1).innerText()).toMatch(/KES\s?350\.00/); // 200 + 3 × 50
    expect(await page.locator('main').getByText(/yuan|¥|province/i).count()).toBe(0);

    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Shipping fees saved.').waitFor();
    const saved = (await t.http().get('/api/sellers/me/shipping-rates').set(farmer.auth).expect(200)).body;
    expect(saved).toMatchObject({ marketCode: 'ke', currency: 'KES' });
    expect(saved.rates).toEqual([
      { provinceCode: 'KE-01', baseCents: 0, perKgCents: 0, freeAboveCents: null, noDelivery: true },
      { provinceCode: 'KE-30', baseCents: 20000, perKgCents: 5000, freeAboveCents: null, noDelivery: false },
      { provinceCode: '*', baseCents: 35000, perKgCents: 0, freeAboveCents: null, noDelivery: false },
    ]);
    // The saved rates come back in the form in the order the API answers (KE-01 first).
    expect(await settledValue(page.locator('input[name="base-1"]'), '200.00')).toBe('200.00');
    await fitsWidth(page);
    await screenshot(page, 'shipping-rates-ke-en-phone');

    // In Chinese: the same counties, amounts in KES (never 元).
    const zh = (await open({ viewport: PHONE, lang: 'zh', user: farmer })).page;
    await zh.goto('/farm/shipping');
    expect(await settledValue(zh.locator('input[name="base-1"]'), '200.00')).toBe('200.00');
    await zh.getByText('基础运费（KES）').first().waitFor();
    expect(await zh.locator('select[name="province-1"]').inputValue()).toBe('KE-30');
    expect(await zh.locator('main').getByText(/元|省份|¥/).count()).toBe(0);
    await fitsWidth(zh);
    await screenshot(zh, 'shipping-rates-ke-zh-phone');
  }, 120_000);
});
