import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { checkout, COUNTIES, createListing, createUser, TestUser } from '@farmlink/testing';
import { DESKTOP, describeWhenWired, downloadBy, PHONE, screenshot, useBrowserApp, settledValue } from './browser';

/*
 * #16 items 2–5, as an officer and an admin use them: the drill-down lives in the URL (Back, Forward,
 * reload, breadcrumb links, a county opens its report by category); exports for people; a report
 * table that fits a desktop and reads on a phone; programme enrolment that shows and keeps the
 * counties, confirms changes, edits and deletes programmes; the list of officer accounts.
 */
const describeAll = describeWhenWired(['CatalogModule', 'OrdersModule', 'PaymentsModule', 'ReportsModule']);

describeAll('Browser: officer drill-down, exports, report table, programme admin', () => {
  const spec = useBrowserApp([
    'GET /api/reports/sales',
    'GET /api/programmes/{id}',
    'PATCH /api/programmes/{id}',
    'DELETE /api/programmes/{id}',
    'PUT /api/programmes/{id}/counties',
    'GET /api/admin/users',
  ]);
  const { t, open } = spec;
  let officer: TestUser;
  let admin: TestUser;
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4);

  /** A paid order of `quantity` × `priceCents` from a farmer of `countyCode`. */
  const sale = async (countyCode: string, priceCents: number, quantity = 1, category = 'fruit') => {
    const farmer = await createUser(t, 'farmer', { countyCode });
    const buyer = await createUser(t, 'buyer');
    const listing = await createListing(t, farmer, { priceCents, stock: 10, category });
    const res = await checkout(t, buyer, [{ listingId: listing.id, quantity }]).expect(201);
    await t.http().post(`/api/payments/${res.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
  };

  beforeAll(async () => {
    officer = await createUser(t, 'officer', { displayName: '刘专员', jurisdictionCode: '520000' });
    admin = await createUser(t, 'admin', { displayName: '赵管理' });
    // Large figures, as a real county's year is: the table must still fit.
    await sale(COUNTIES.tongzi, 98_765_432); // ¥987,654.32
    await sale(COUNTIES.tongzi, 660_200, 2, 'tea'); // ¥13,204.00
    await sale(COUNTIES.zhengan, 45_678_901);
    await sale(COUNTIES.leishan, 12_345_678);
  });

  const path = (page: Page) => {
    const u = new URL(page.url());
    return u.pathname + u.search;
  };
  const crumbs = (page: Page) => page.getByRole('navigation', { name: '地区' });

  it('item 2: the drill-down is in the URL — Back, Forward, reload and breadcrumb links go back up; a county opens by category', async () => {
    const { page } = await open({ viewport: DESKTOP, lang: 'zh', user: officer });
    await page.goto('/officer');
    await crumbs(page).getByText('贵州省').waitFor();
    await page.locator('tr[data-key="520300"]').waitFor(); // 遵义市, by prefecture
    expect(path(page)).toBe('/officer');

    await page.getByRole('link', { name: '查看 遵义市 明细' }).click();
    await page.locator(`tr[data-key="${COUNTIES.tongzi}"]`).waitFor();
    expect(path(page)).toBe('/officer?region=520300');
    await page.getByRole('heading', { name: '按县' }).waitFor();

    // A county opens: its report by category, then by month.
    await page.getByRole('link', { name: '查看 桐梓县 明细' }).click();
    await page.getByRole('heading', { name: '按品类' }).waitFor();
    await page.locator('tr[data-key="fruit"]').getByText('¥987,654.32').first().waitFor();
    await page.locator('tr[data-key="tea"]').getByText('¥13,204.00').first().waitFor();
    await page.locator('tr[data-key="tea"]').getByRole('rowheader', { name: '茶叶' }).waitFor(); // the category's name, not its code
    expect(path(page)).toBe(`/officer?region=${COUNTIES.tongzi}`);
    await page.getByLabel('分组').selectOption({ label: '按月份' });
    await page.getByRole('heading', { name: '按月份' }).waitFor();
    expect(path(page)).toBe(`/officer?region=${COUNTIES.tongzi}&groupBy=month`);
    await screenshot(page, 'officer-county-by-month-desktop-zh');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'officer-county-by-month-phone-zh');
    await page.setViewportSize(DESKTOP);

    // Back walks up the way it came; Forward returns.
    await page.goBack();
    await page.getByRole('heading', { name: '按品类' }).waitFor();
    await page.goBack();
    await page.locator(`tr[data-key="${COUNTIES.tongzi}"]`).waitFor();
    expect(path(page)).toBe('/officer?region=520300');
    await page.goBack();
    await page.locator('tr[data-key="520300"]').waitFor();
    expect(path(page)).toBe('/officer');
    await page.goForward();
    await page.locator(`tr[data-key="${COUNTIES.tongzi}"]`).waitFor();

    // A reload shows the same report, dates included.
    await page.locator('#r-from').fill(`${year}-01-01`);
    await page.locator('#r-to').fill(`${year}-12-31`);
    await page.waitForURL(/to=/);
    await page.reload();
    await page.locator(`tr[data-key="${COUNTIES.tongzi}"]`).waitFor();
    expect(await settledValue(page.locator('#r-to'), `${year}-12-31`)).toBe(`${year}-12-31`);
    await crumbs(page).getByText('遵义市').waitFor();

    // The breadcrumb goes back up (to the officer's jurisdiction, not above it).
    await crumbs(page).getByRole('link', { name: '贵州省' }).click();
    await page.locator('tr[data-key="520300"]').waitFor();
    expect(path(page)).toBe(`/officer?to=${year}-12-31`);
    expect(await crumbs(page).getByRole('link').count()).toBe(0);

    // An admin (no jurisdiction) deep in the tree: every level above is a link.
    const { page: adminPage } = await open({ viewport: DESKTOP, lang: 'zh', user: admin });
    await adminPage.goto(`/officer?region=${COUNTIES.tongzi}`);
    await adminPage.locator('tr[data-key="fruit"]').waitFor();
    expect(await crumbs(adminPage).getByRole('link').allTextContents()).toEqual(['全国', '贵州省', '遵义市']);
    await crumbs(adminPage).getByRole('link', { name: '全国' }).click();
    await adminPage.locator('tr[data-key="520000"]').waitFor(); // by province
  }, 120_000);

  /** The report table's horizontal overflow, and whether every figure cell of `key`'s row lies inside the viewport. */
  const layout = (page: Page, key: string) =>
    page.evaluate((k) => {
      // The browser's globals (this file is type-checked without the DOM library).
      interface Box { left: number; right: number }
      interface El { scrollWidth: number; clientWidth: number; getBoundingClientRect(): Box; querySelectorAll(s: string): ArrayLike<El> }
      const g = globalThis as unknown as {
        document: { documentElement: El; querySelector(s: string): El };
        innerWidth: number;
        getComputedStyle(e: El, pseudo?: string): { content: string; display: string };
      };
      const wrap = g.document.querySelector('.table-wrap');
      const row = g.document.querySelector(`tr[data-key="${k}"]`);
      const cells = Array.from(row.querySelectorAll('td')).map((td) => {
        const r = td.getBoundingClientRect();
        return { left: r.left, right: r.right, label: g.getComputedStyle(td, '::before').content, display: g.getComputedStyle(td).display };
      });
      return { overflow: wrap.scrollWidth - wrap.clientWidth, page: g.document.documentElement.scrollWidth, viewport: g.innerWidth, cells };
    }, key);

  it('item 4: the report table fits 1280 px with no sideways scrolling; at 360 px each row is a card with every figure labelled', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const { page } = await open({ viewport: DESKTOP, lang, user: officer });
      await page.goto('/officer?region=520300');
      await page.locator(`tr[data-key="${COUNTIES.tongzi}"]`).getByText('¥1,000,858.32').first().waitFor();
      const desktop = await layout(page, COUNTIES.tongzi);
      expect(desktop.overflow).toBeLessThanOrEqual(0);
      expect(desktop.cells).toHaveLength(10);
      await screenshot(page, `officer-table-desktop-${lang}`);

      await page.setViewportSize(PHONE);
      await page.reload(); // as a phone opens it (the charts size themselves on load)
      await page.locator(`tr[data-key="${COUNTIES.tongzi}"]`).getByText('¥1,000,858.32').first().waitFor();
      await page.locator('.chart canvas').first().waitFor();
      const phone = await layout(page, COUNTIES.tongzi);
      expect(phone.page).toBeLessThanOrEqual(PHONE.width);
      for (const c of phone.cells) {
        expect(c.left).toBeGreaterThanOrEqual(0);
        expect(c.right).toBeLessThanOrEqual(PHONE.width);
        expect(c.label).not.toBe('none'); // its column's name shows above the figure
      }
      expect(phone.cells[0].label).toBe(lang === 'zh' ? '"净销售额"' : '"Net sales"');
      await screenshot(page, `officer-table-phone-${lang}`);
    }
  }, 120_000);

  it('the admin\'s and the officer\'s menus fit a 360 px phone in both languages (no entry cut off)', async () => {
    for (const [user, lang] of [[admin, 'zh'], [admin, 'en'], [officer, 'zh']] as const) {
      const { page } = await open({ viewport: PHONE, lang, user });
      await page.goto(user === admin ? '/admin' : '/officer');
      const nav = page.getByRole('navigation', { name: lang === 'zh' ? '主导航' : 'Main' });
      const links = await nav.getByRole('link').all();
      expect(links.length).toBeGreaterThan(1);
      for (const link of links) {
        const box = (await link.boundingBox())!;
        expect([await link.innerText(), box.x >= 0 && box.x + box.width <= PHONE.width]).toEqual([await link.innerText(), true]);
      }
      if (user === admin) await screenshot(page, `admin-menu-phone-${lang}`);
    }
  });

  it('item 3: the dashboard downloads files for people — headers in the reader\'s language, money in yuan, an Excel title', async () => {
    const { page } = await open({ viewport: DESKTOP, lang: 'en', user: officer });
    await page.goto('/officer?region=520300');
    await page.locator(`tr[data-key="${COUNTIES.tongzi}"]`).waitFor();
    const csv = readFileSync((await (await downloadBy(page, 'Download CSV')).path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toMatch(/^Code,County,Orders,Gross sales \(CNY\),Refunds \(CNY\),Net sales \(CNY\),/);
    expect(csv.find((l) => l.startsWith(COUNTIES.tongzi))).toMatch(/^520322,桐梓县,2,1000858\.32,0\.00,1000858\.32,/);

    const { page: zhPage } = await open({ viewport: DESKTOP, lang: 'zh', user: officer });
    await zhPage.goto('/officer?region=520300');
    await zhPage.locator(`tr[data-key="${COUNTIES.tongzi}"]`).waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await (await downloadBy(zhPage, '下载 Excel')).path())!);
    const ws = wb.getWorksheet('销售报表')!;
    expect(ws.getCell('A1').value).toBe('FarmLink 销售报表（按县）');
    expect(ws.getCell('B3').value).toBe('贵州省 › 遵义市');
    const header = (ws.getRow(7).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['代码', '县', '订单数', '销售总额（元）']);
    let tongzi: ExcelJS.Row | undefined;
    ws.eachRow((r) => (r.getCell(1).value === COUNTIES.tongzi ? (tongzi = r) : undefined));
    expect(tongzi!.getCell(4).value).toBeCloseTo(1000858.32, 6);
    expect(tongzi!.getCell(4).numFmt).toBe('#,##0.00');
  }, 120_000);

  it('item 5: enrolment shows the counties, adds and removes with a confirmation; programmes are edited and deleted; officers are listed', async () => {
    const zunyi = (await t.http().get('/api/regions?parentCode=520300').expect(200)).body as { code: string; name: string }[];
    const six = [COUNTIES.tongzi, ...zunyi.map((r) => r.code).filter((c) => c !== COUNTIES.tongzi)].slice(0, 6);
    const mk = async (name: string, codes: string[]) => {
      const p = (await t.http().post('/api/programmes').set(admin.auth).send({ name, startDate: `${year}-01-01` }).expect(201)).body;
      await t.http().put(`/api/programmes/${p.id}/counties`).set(admin.auth).send({ countyCodes: codes }).expect(200);
      return p.id as string;
    };
    const pilot = await mk('遵义示范县', six);
    const mistaken = await mk('误建项目', [COUNTIES.lankao]);

    for (const [lang, viewport] of [['en', PHONE], ['zh', PHONE], ['en', DESKTOP], ['zh', DESKTOP]] as const) {
      const { page } = await open({ viewport, lang, user: admin });
      await page.goto('/admin');
      await page.locator(`[data-programme-id="${pilot}"]`).waitFor();
      await screenshot(page, `admin-programmes-${viewport === PHONE ? 'phone' : 'desktop'}-${lang}`);
    }

    const { page } = await open({ viewport: DESKTOP, lang: 'zh', user: admin });
    await page.goto('/admin');
    const item = page.locator(`[data-programme-id="${pilot}"]`);
    await item.getByRole('button', { name: '纳入县' }).click();
    // The six enrolled counties, names and codes (it used to open an empty box).
    await item.getByRole('heading', { name: '已纳入的县（6）' }).waitFor();
    for (const code of six) await item.locator(`li[data-code="${code}"]`).getByText(code).waitFor();
    await item.locator(`li[data-code="${COUNTIES.tongzi}"]`).getByText('桐梓县').waitFor();

    // One code pasted is added, not a replacement; one county removed; saving asks first.
    await item.getByLabel('县代码').fill(COUNTIES.lankao);
    await item.getByRole('button', { name: '添加这些代码' }).click();
    await item.locator(`li[data-code="${COUNTIES.lankao}"]`).getByText('兰考县').waitFor();
    await item.getByRole('button', { name: '移除 桐梓县' }).click();
    await item.getByRole('button', { name: '保存名单' }).click();
    await item.getByTestId('confirm-added').getByText(`新增 1 个：兰考县 ${COUNTIES.lankao}`).waitFor();
    await item.getByTestId('confirm-removed').getByText(`移出 1 个：桐梓县 ${COUNTIES.tongzi}`, { exact: false }).waitFor();
    await screenshot(page, 'admin-enrolment-confirm-desktop-zh');
    // Nothing is saved before the confirmation.
    expect((await t.http().get(`/api/programmes/${pilot}`).set(admin.auth)).body.countyCodes).toEqual([...six].sort());
    await item.getByRole('button', { name: '确认保存' }).click();
    await item.getByText('已纳入 6 个县。').waitFor();
    const after = (await t.http().get(`/api/programmes/${pilot}`).set(admin.auth).expect(200)).body.countyCodes;
    expect(after).toEqual([...six.filter((c) => c !== COUNTIES.tongzi), COUNTIES.lankao].sort());
    await page.setViewportSize(PHONE);
    await screenshot(page, 'admin-enrolment-phone-zh');
    await page.setViewportSize(DESKTOP);

    // Edit: a new name and an end date.
    await item.getByRole('button', { name: '编辑' }).click();
    await item.getByLabel('项目名称').fill('遵义电商示范县');
    await item.getByLabel('结束日期').fill(`${year}-12-31`);
    await item.getByRole('button', { name: '保存项目' }).click();
    await item.getByText('遵义电商示范县').waitFor();
    expect((await t.http().get(`/api/programmes/${pilot}`).set(admin.auth)).body).toMatchObject({ name: '遵义电商示范县', endDate: `${year}-12-31` });

    // Delete: refused while its counties have sales (正安县), done for the mistaken one.
    await item.getByRole('button', { name: '删除' }).click();
    await item.getByRole('button', { name: '确认删除' }).click();
    await item.getByRole('alert').getByText(/不能删除/).waitFor();
    await t.http().get(`/api/programmes/${pilot}`).set(admin.auth).expect(200);
    const wrong = page.locator(`[data-programme-id="${mistaken}"]`);
    await wrong.getByRole('button', { name: '删除' }).click();
    await wrong.getByRole('button', { name: '确认删除' }).click();
    await wrong.waitFor({ state: 'detached' });
    await t.http().get(`/api/programmes/${mistaken}`).set(admin.auth).expect(404);

    // The officer accounts, with their jurisdiction.
    const officers = page.getByRole('list', { name: '专员账户列表' });
    await officers.locator(`li[data-user-id="${officer.id}"]`).getByText('刘专员').waitFor();
    await officers.locator(`li[data-user-id="${officer.id}"]`).getByText(/贵州省/).waitFor();
  }, 150_000);
});
