import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DESKTOP, describeWhenWired, fillListingForm, PHONE, sampleJpeg, screenshot, signUpFarmer, useBrowserApp } from './browser';

const describeCatalog = describeWhenWired(['CatalogModule']);

describeCatalog('Browser: a farmer registers, lists produce with a photo, and sees it in the shop', () => {
  const { t, open } = useBrowserApp(['POST /api/auth/register', 'POST /api/listings', 'POST /api/listings/{id}/photos', 'GET /api/listings']);

  it('works on a 360 px phone in Chinese, from sign-up to the shop', async () => {
    const { page } = await open({ viewport: PHONE, lang: 'zh' });
    const email = `wang.fang-${Date.now()}@farmlink.test`;

    // Register as a farmer, picking the county in three steps.
    await signUpFarmer(page, { name: '王芳', email, password: 'kiwi-farm-2026', village: '石坎村', poor: true });
    await screenshot(page, 'farmer-register-phone');
    await page.getByRole('button', { name: '注册' }).click();
    await page.getByRole('heading', { name: '您好，王芳' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/farm');
    // The box is a claim: an officer verifies it (test/web/poverty-verification.e2e-spec.ts).
    const [user] = await t.db.query(
      `SELECT u.id, u.county_code, pc.status AS poverty FROM users u LEFT JOIN poverty_claims pc ON pc.farmer_id = u.id WHERE u.email = $1`,
      [email],
    );
    expect(user).toMatchObject({ county_code: '520322', poverty: 'claimed' });

    // Create a listing with a photo; the preview shows before anything is sent.
    await page.getByRole('link', { name: /发布商品/ }).first().click();
    await fillListingForm(page, { title: '桐梓高山红心猕猴桃 5斤装', category: '水果', unit: '箱', kilograms: '2.5', yuan: '48.80', stock: '40' });
    await page.getByLabel(/商品介绍/).fill('海拔1200米果园，现摘现发。');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'farmlink-photo-'));
    await page.getByLabel('商品照片').setInputFiles(await sampleJpeg(path.join(dir, 'kiwi.jpg')));
    await page.getByRole('img', { name: '新照片 1' }).waitFor();
    await page.getByText('折合每公斤 ¥19.52。').waitFor();
    await screenshot(page, 'farmer-listing-form-phone');
    await page.getByRole('button', { name: '发布' }).click();
    await page.waitForURL(/\/farm\/listings\?saved=/);
    const card = page.locator('.my-listing', { hasText: '桐梓高山红心猕猴桃' });
    await card.waitFor();
    await expect(card.getByText('在售')).toBeTruthy();
    await screenshot(page, 'farmer-my-listings-phone');

    const listingId = new URL(page.url()).searchParams.get('saved')!;
    const listing = (await t.http().get(`/api/listings/${listingId}`).expect(200)).body;
    expect(listing).toMatchObject({ title: '桐梓高山红心猕猴桃 5斤装', priceCents: 4880, netWeightGrams: 2500, stock: 40, countyCode: '520322', unit: '箱' });
    expect(listing.photos).toHaveLength(1);

    // The shop finds it, with its photo lazy-loaded in the right size.
    await page.goto('/');
    await page.getByLabel('搜索农产品').fill('猕猴桃');
    await page.getByLabel('搜索农产品').press('Enter');
    const shopCard = page.locator(`[data-listing-id="${listingId}"]`);
    await shopCard.waitFor();
    await shopCard.getByText('¥48.80').waitFor();
    await shopCard.getByText('折合 ¥19.52/公斤').waitFor();
    const img = shopCard.locator('img');
    expect(await img.getAttribute('loading')).toBe('eager'); // the first two cards load at once, the rest lazily
    expect(await img.getAttribute('srcset')).toMatch(/\d+w/);
    await page.waitForFunction((id) => {
      const el = (globalThis as unknown as { document: { querySelector(s: string): { complete: boolean; naturalWidth: number } | null } }).document.querySelector(`[data-listing-id="${id}"] img`);
      return !!el && el.complete && el.naturalWidth > 0;
    }, listingId);
    await screenshot(page, 'shop-search-phone');

    // The listing page on a desktop-sized window.
    await page.setViewportSize(DESKTOP);
    await shopCard.getByRole('link').click();
    await page.getByRole('heading', { name: '桐梓高山红心猕猴桃 5斤装' }).waitFor();
    await page.getByText('贵州省 遵义市 桐梓县').waitFor();
    await screenshot(page, 'listing-page-desktop');
  }, 120_000);
});
