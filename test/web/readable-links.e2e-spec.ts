import { createCooperative, createListing, createUser, TestUser } from '@farmlink/testing';
import { describeWhenWired, DESKTOP, PHONE, screenshot, useBrowserApp } from './browser';

/*
 * Issue #17 item 4: shared links are readable in Chinese. A listing card leads to
 * /listings/雷山银球茶-明前-8f3a2c (percent-encoded on the wire, decoded in the address bar), the
 * seller's name to /farms/<name>, an old id link or a renamed listing's old slug lands on the current
 * readable address.
 */
const describeLinks = describeWhenWired(['CatalogModule', 'CooperativesModule']);

describeLinks('Browser: readable links (issue #17 item 4)', () => {
  const { t, open } = useBrowserApp(['GET /api/listings', 'GET /api/listings/{idOrSlug}', 'GET /api/farms/{idOrSlug}', 'GET /api/cooperatives/{idOrSlug}']);
  let farmer: TestUser;
  let listing: { id: string; slug: string };

  beforeAll(async () => {
    farmer = await createUser(t, 'farmer', { displayName: '杨秀英' });
    const { id } = await createListing(t, farmer, { title: '雷山银球茶 明前', priceCents: 3800, category: 'tea' });
    listing = { id, slug: (await t.http().get(`/api/listings/${id}`).expect(200)).body.slug };
    expect(listing.slug).toBe(`雷山银球茶-明前-${id.replace(/-/g, '').slice(0, 6)}`);
  });

  const path = (url: string) => new URL(url).pathname;

  it('a listing card leads to a readable address; the seller’s name to the farm’s page', async () => {
    // The server-rendered first screen links the same way as the app.
    const first = (await t.http().get('/').set('Accept-Language', 'zh-CN').expect(200)).text;
    expect(first).toContain(`href="/listings/${encodeURIComponent(listing.slug)}"`);

    const { page } = await open({ viewport: PHONE, lang: 'zh' });
    await page.goto(`/?q=${encodeURIComponent('雷山银球茶')}`);
    await page.locator('.listing-card__link', { hasText: '雷山银球茶 明前' }).click();
    await page.locator('.listing-page').getByRole('heading', { name: '雷山银球茶 明前' }).waitFor();
    // On the wire: UTF-8, percent-encoded. Read by people: Chinese.
    expect(path(page.url())).toBe(`/listings/${encodeURIComponent(listing.slug)}`);
    expect(decodeURIComponent(path(page.url()))).toBe(`/listings/${listing.slug}`);
    await page.locator('.listing-page .price-big').getByText('¥38.00').waitFor();
    await screenshot(page, 'readable-link-listing-zh-phone');

    await page.getByRole('link', { name: '杨秀英' }).click();
    await page.locator('.seller-page').getByRole('heading', { name: '杨秀英' }).waitFor();
    expect(decodeURIComponent(path(page.url()))).toBe('/farms/杨秀英');
    await page.locator('.listing-card', { hasText: '雷山银球茶 明前' }).waitFor();
    await screenshot(page, 'readable-link-farm-zh-phone');
  }, 90_000);

  it('an old id link and a renamed listing’s old slug land on the current readable address', async () => {
    const { page } = await open({ viewport: DESKTOP, lang: 'en' });
    await page.goto(`/listings/${listing.id}`);
    await page.locator('.listing-page').getByRole('heading', { name: '雷山银球茶 明前' }).waitFor();
    expect(decodeURIComponent(path(page.url()))).toBe(`/listings/${listing.slug}`);

    await t.http().patch(`/api/listings/${listing.id}`).set(farmer.auth).send({ title: '雷公山银球茶 明前' }).expect(200);
    await page.goto(`/listings/${encodeURIComponent(listing.slug)}`);
    await page.locator('.listing-page').getByRole('heading', { name: '雷公山银球茶 明前' }).waitFor();
    expect(decodeURIComponent(path(page.url()))).toBe(`/listings/雷公山银球茶-明前-${listing.id.replace(/-/g, '').slice(0, 6)}`);
    // A link the app itself makes from an id (the cart, an order line) is replaced by the readable one too.
    await page.evaluate((id) => {
      const w = globalThis as unknown as { history: { pushState(s: unknown, t: string, u: string): void }; dispatchEvent(e: unknown): void; PopStateEvent: new (type: string) => unknown };
      w.history.pushState({}, '', `/listings/${id}`);
      w.dispatchEvent(new w.PopStateEvent('popstate'));
    }, listing.id);
    await page.waitForURL((url) => decodeURIComponent(url.pathname).startsWith('/listings/雷公山银球茶'));
  }, 90_000);

  it('a cooperative’s listing links to the cooperative’s readable page', async () => {
    const manager = await createUser(t, 'farmer', { displayName: '龙支书' });
    const coopId = await createCooperative(t, manager);
    const coop = (await t.http().get(`/api/cooperatives/${coopId}`).expect(200)).body;
    const { id } = await createListing(t, manager, { title: '合作社 糯米', cooperativeId: coopId });
    const { page } = await open({ viewport: PHONE, lang: 'zh' });
    await page.goto(`/listings/${id}`);
    await page.locator('.listing-page').getByRole('heading', { name: '合作社 糯米' }).waitFor();
    await page.getByRole('link', { name: `${coop.name}（合作社）` }).click();
    await page.locator('.seller-page').getByRole('heading', { name: coop.name }).waitFor();
    expect(decodeURIComponent(path(page.url()))).toBe(`/cooperatives/${coop.slug}`);
    await page.locator('.listing-card', { hasText: '合作社 糯米' }).waitFor();
    await screenshot(page, 'readable-link-cooperative-zh-phone');
  }, 90_000);

  it('an admin takes a listing down by pasting its readable link', async () => {
    const admin = await createUser(t, 'admin', { displayName: '赵管理' });
    const { id } = await createListing(t, farmer, { title: '可疑 有机茶' });
    const slug = (await t.http().get(`/api/listings/${id}`).expect(200)).body.slug as string;
    const { page } = await open({ viewport: PHONE, lang: 'zh', user: admin });
    await page.goto('/admin/trust');
    const takedown = page.locator('section', { has: page.getByRole('heading', { name: '下架商品' }) });
    // As a chat app or the address bar copies it: decoded Chinese.
    await takedown.getByLabel('商品编号或链接').fill(`${t.url}/listings/${slug}`);
    await takedown.getByLabel('下架原因').fill('虚假宣传');
    await takedown.getByRole('button', { name: '下架', exact: true }).click();
    await takedown.getByText('商品已下架。').waitFor();
    expect((await t.db.query(`SELECT status FROM listings WHERE id = $1`, [id]))[0].status).toBe('removed');
  }, 90_000);
});
