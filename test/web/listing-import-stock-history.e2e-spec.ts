import { readFileSync } from 'node:fs';
import { checkout, createUser, TestUser } from '@farmlink/testing';
import { DESKTOP, describeWhenWired, PHONE, screenshot, useBrowserApp } from './browser';

/*
 * Issue #15 items 6 and 7 in the browser: a farmer imports listings from a CSV (template, preview with
 * the bad rows named, confirm), and sees a listing's stock history on its edit page. At 360 px, zh and en.
 */
const describeFarm = describeWhenWired(['CatalogModule', 'OrdersModule']);

/** The page's width in CSS pixels (more than the viewport when something overflows sideways). */
const pageWidth = () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth;

const HEADER = 'title,category,unit,netWeightGrams,price,stock,description,harvestDate';
const csv = (prefix: string) =>
  [`sku,${HEADER}`, `${prefix}-TD,${prefix} 土豆,vegetables,bag,5000,25.00,30,,`, `,${prefix} 小米,grain,bag,2500,18.5,12,,2026-09-01`, `,,fruit,box,1000,abc,-1,,`].join('\n');

describeFarm('Browser: bulk listing import and stock history (issue #15 items 6, 7)', () => {
  const { t, open } = useBrowserApp(['POST /api/listings/import', 'GET /api/listings/{id}/stock-history']);
  let farmer: TestUser;

  beforeAll(async () => {
    farmer = await createUser(t, 'farmer', { displayName: '王芳' });
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`imports a CSV: preview names the bad row, confirm creates the good ones (${lang}, 360 px)`, async () => {
      const { page } = await open({ viewport: PHONE, lang, user: farmer });
      await page.goto('/farm/listings');
      await page.getByRole('link', { name: lang === 'zh' ? '从表格批量导入' : 'Import from a spreadsheet' }).click();
      await page.getByRole('heading', { name: lang === 'zh' ? '批量导入商品' : 'Import listings' }).waitFor();

      // The template downloads in the page's language, with a BOM so Excel reads it as UTF-8.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-template').click()]);
      const template = readFileSync((await download.path())!, 'utf8');
      expect(template.startsWith('\uFEFF')).toBe(true);
      expect(template.split('\r\n')[0]).toMatch(lang === 'zh' ? /^\uFEFF货号,标题,/ : /^\uFEFFsku,title,/); // the SKU first, then the listing's fields

      await page.getByLabel(lang === 'zh' ? '文件（CSV 或 XLSX）' : 'File (CSV or XLSX)').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv(lang)) });
      await page.getByTestId('import-preview').waitFor();
      expect(await page.getByTestId('import-ok').count()).toBe(2);
      const bad = page.getByTestId('import-bad');
      expect(await bad.count()).toBe(1);
      expect(await bad.locator('td').first().textContent()).toBe('4');
      await bad.getByText(lang === 'zh' ? '价格（元，最多两位小数）：缺失或无效' : 'Price (yuan, two decimals): missing or not valid').waitFor();
      expect(await t.db.query(`SELECT count(*)::int AS n FROM listings WHERE farmer_id = $1 AND title LIKE $2`, [farmer.id, `${lang} %`])).toEqual([{ n: 0 }]);
      await screenshot(page, `farm-import-preview-${lang}-phone`);
      const width = await page.evaluate(pageWidth);
      expect(width).toBeLessThanOrEqual(360);

      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-done').waitFor();
      expect(await page.getByTestId('import-done').textContent()).toContain('2');
      expect(await t.db.query(`SELECT count(*)::int AS n FROM listings WHERE farmer_id = $1 AND title LIKE $2`, [farmer.id, `${lang} %`])).toEqual([{ n: 2 }]);
      await screenshot(page, `farm-import-done-${lang}-phone`);

      // The same SKU again, with new stock: the preview says it updates that listing, and it does.
      await page.getByLabel(lang === 'zh' ? '文件（CSV 或 XLSX）' : 'File (CSV or XLSX)').setInputFiles({
        name: 'again.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`sku,${HEADER}\n${lang}-TD,${lang} 土豆 新货,vegetables,bag,5000,26.00,80,,\n`),
      });
      await page.getByTestId('import-action-update').getByText(lang === 'zh' ? `将更新货号 ${lang}-TD 的商品` : `Updates your listing ${lang}-TD`).waitFor();
      await screenshot(page, `farm-import-update-preview-${lang}-phone`);
      await page.getByTestId('import-confirm').click();
      await page.getByTestId('import-done').getByText(lang === 'zh' ? '已创建 0 个商品，更新 1 个。' : '0 listings created, 1 updated.').waitFor();
      expect(await t.db.query(`SELECT title, stock FROM listings WHERE farmer_id = $1 AND sku = $2`, [farmer.id, `${lang}-TD`])).toEqual([{ title: `${lang} 土豆 新货`, stock: 80 }]);
    }, 90_000);
  }

  it('shows the stock history on the edit page: import, sale, edit (zh and en, 360 px; en at 1280 px)', async () => {
    const f = await createUser(t, 'farmer', { displayName: '李强' });
    const buyer = await createUser(t, 'buyer', { displayName: '陈静' });
    const res = await t.http().post('/api/listings/import').set(f.auth).attach('file', Buffer.from(`${HEADER}\n高山猕猴桃,fruit,box,2500,48.00,20,,\n`), 'a.csv').expect(200);
    const id = res.body.rows[0].listingId as string;
    await checkout(t, buyer, [{ listingId: id, quantity: 3 }]).expect(201);
    await t.http().patch(`/api/listings/${id}`).set(f.auth).send({ stock: 50 }).expect(200);

    for (const [lang, viewport] of [['zh', PHONE], ['en', PHONE], ['en', DESKTOP]] as const) {
      const { page } = await open({ viewport, lang, user: f });
      await page.goto(`/farm/listings/${id}/edit`);
      const section = page.getByTestId('stock-history');
      await section.getByRole('heading', { name: lang === 'zh' ? '库存记录' : 'Stock history' }).waitFor();
      await section.locator('tbody tr').nth(2).waitFor();
      const rows = await section.locator('tbody tr').allInnerTexts();
      const want = lang === 'zh' ? ['手动修改', '下单售出', '批量导入'] : ['Changed by hand', 'Sold (checkout)', 'Imported'];
      expect(rows.map((r) => want.find((w) => r.includes(w)))).toEqual(want);
      expect(rows[0]).toContain('+33');
      expect(rows[0]).toContain('50');
      expect(rows[1]).toContain('-3');
      expect(rows[1]).toContain('陈静');
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, `farm-stock-history-${lang}-${viewport === PHONE ? 'phone' : 'desktop'}`);
      if (viewport === PHONE) expect(await page.evaluate(pageWidth)).toBeLessThanOrEqual(360);
    }

    // The SKU is shown and edited in the same form; another listing's SKU is refused on the field.
    await t.http().post('/api/listings').set(f.auth).send({ title: '别的', category: 'fruit', unit: 'box', netWeightGrams: 500, priceCents: 100, stock: 1, sku: 'TAKEN' }).expect(201);
    const { page } = await open({ viewport: PHONE, lang: 'en', user: f });
    await page.goto(`/farm/listings/${id}/edit`);
    const sku = page.getByLabel('SKU (your own code)');
    // The edit form is shown only once filled from the listing: read at once, never a blank frame.
    expect(await sku.inputValue()).toBe('');
    await sku.fill('TAKEN');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Another of your listings already has this SKU. Choose a different one.').waitFor();
    await sku.fill('KIWI-5');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/farm\/listings\?saved=/);
    expect(await t.db.query(`SELECT sku FROM listings WHERE id = $1`, [id])).toEqual([{ sku: 'KIWI-5' }]);
    await page.goto(`/farm/listings/${id}/edit`);
    // Straight after saving: the form asks the API again, never the browser's copy from before the save.
    expect(await page.getByLabel('SKU (your own code)').inputValue()).toBe('KIWI-5');
  }, 120_000);
});
