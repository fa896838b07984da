import ExcelJS from 'exceljs';
import { checkout, COUNTIES, createListing, createUser, TEST_PASSWORD, TestUser } from '@farmlink/testing';
import { DESKTOP, describeWhenWired, downloadBy, fillListingForm, openZunyiReport, PHONE, screenshot, useBrowserApp, settledValue } from './browser';

/*
 * The pages the buyer and farmer journeys do not reach: an admin sets up a programme and an
 * officer account; a farmer runs a cooperative and lists through it; an officer downloads Excel.
 */
const describeAll = describeWhenWired(['CooperativesModule', 'CatalogModule', 'OrdersModule', 'PaymentsModule', 'ReportsModule']);

describeAll('Browser: admin pages, cooperatives, and the Excel report', () => {
  const spec = useBrowserApp([
    'POST /api/programmes',
    'PUT /api/programmes/{id}/counties',
    'GET /api/programmes',
    'POST /api/admin/users',
    'POST /api/cooperatives',
    'POST /api/cooperatives/{id}/members',
    'GET /api/cooperatives/{id}/members',
    'POST /api/payments/{id}/simulate',
    'GET /api/reports/sales',
  ]);
  const { t, open } = spec;
  let kiwiFarmer: TestUser;
  const SALE_CENTS = 2 * 3600;

  beforeAll(async () => {
    // A paid sale in 桐梓县 for the officer's report: 2 × ¥36.00.
    kiwiFarmer = await createUser(t, 'farmer', { displayName: '王芳', countyCode: COUNTIES.tongzi });
    const buyer = await createUser(t, 'buyer', { displayName: '陈静' });
    const kiwi = await createListing(t, kiwiFarmer, { title: '桐梓猕猴桃', priceCents: 3600, stock: 10 });
    const res = await checkout(t, buyer, [{ listingId: kiwi.id, quantity: 2 }]).expect(201);
    await t.http().post(`/api/payments/${res.body.payment.id}/simulate`).set(buyer.auth).send({ outcome: 'succeeded' }).expect(200);
  });

  it('an admin signs in, creates a programme, enrols counties, and creates an officer', async () => {
    const admin = await createUser(t, 'admin', { displayName: '赵管理' });
    const { page } = await open({ viewport: DESKTOP, lang: 'zh' });
    await page.goto('/login');
    await page.getByLabel('邮箱').fill(admin.email);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/officer/);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '系统管理' }).click();
    await page.waitForURL(/\/admin$/);

    // A programme, then two counties pasted into it.
    const programmeName = `电子商务进农村综合示范 ${Date.now()}`;
    await page.getByLabel('项目名称').fill(programmeName);
    await page.getByLabel('开始日期').fill('2026-01-01');
    await page.getByLabel('结束日期').fill('2026-12-31');
    await page.getByRole('button', { name: '创建项目' }).click();
    const programme = page.locator('li.programme', { hasText: programmeName });
    await programme.getByText(/· 0 个县$/).waitFor();
    await programme.getByRole('button', { name: '纳入县' }).click();
    await programme.getByLabel('县代码').fill(`${COUNTIES.tongzi}\n${COUNTIES.leishan}`);
    await programme.getByRole('button', { name: '添加这些代码' }).click();
    await programme.getByRole('button', { name: '保存名单' }).click();
    await programme.getByRole('button', { name: '确认保存' }).click(); // the changes are shown and confirmed first
    await programme.getByText('已纳入 2 个县。').waitFor();
    await programme.getByText(/· 2 个县$/).waitFor(); // the list, reloaded

    // An officer who sees Guizhou only.
    const officerEmail = `liu.officer-${Date.now()}@farmlink.test`;
    const staff = page.locator('section', { has: page.getByRole('heading', { name: '专员账户' }) });
    await staff.getByLabel('姓名').fill('刘专员');
    await staff.getByLabel('邮箱').fill(officerEmail);
    await staff.getByLabel('初始密码').fill('officer-pass-2026');
    await staff.getByLabel('角色').selectOption('officer');
    await staff.getByLabel('省份').selectOption({ label: '贵州省' });
    await staff.getByRole('button', { name: '创建账户' }).click();
    await staff.getByText(`账户 ${officerEmail} 已创建。`).waitFor();
    await screenshot(page, 'admin-programme-officer-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'admin-programme-officer-phone');

    const list = (await t.http().get('/api/programmes').set(admin.auth).expect(200)).body;
    const items: { name: string; countyCount?: number }[] = Array.isArray(list) ? list : list.items;
    expect(items.find((p) => p.name === programmeName)).toMatchObject({ countyCount: 2 });
    const login = await t.http().post('/api/auth/login').send({ email: officerEmail, password: 'officer-pass-2026' }).expect(200);
    expect(login.body.user).toMatchObject({ role: 'officer', displayName: '刘专员', jurisdictionCode: '520000' });
  }, 60_000);

  it('a farmer creates a cooperative, adds a member, and lists produce through it', async () => {
    const manager = await createUser(t, 'farmer', { displayName: '杨合作', countyCode: COUNTIES.tongzi });
    const member = await createUser(t, 'farmer', { displayName: '李小梅', countyCode: COUNTIES.tongzi });
    const { page } = await open({ viewport: PHONE, lang: 'zh', user: manager });
    await page.goto('/farm/cooperatives');
    await page.getByText('您还没有负责的合作社。').waitFor();
    await page.getByLabel('合作社名称').fill('桐梓县石坎猕猴桃专业合作社');
    // The county starts as the farmer's own.
    await page.locator('fieldset', { hasText: '所在县' }).getByLabel('县 / 区').locator('option:checked', { hasText: '桐梓县' }).waitFor({ state: 'attached' });
    await page.getByRole('button', { name: '创建', exact: true }).click();
    await page.waitForURL(/\/farm\/cooperatives\/[0-9a-f-]{36}$/);
    const cooperativeId = page.url().split('/').pop()!;
    await page.getByRole('heading', { name: '桐梓县石坎猕猴桃专业合作社' }).waitFor();

    // The manager finds the farmer by name among the county's farmers (no 36-character id to paste).
    await page.getByLabel('查找桐梓县的农户').fill('李小');
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.getByRole('button', { name: '添加 李小梅' }).waitFor();
    await screenshot(page, 'cooperative-member-search-phone');
    await page.getByRole('button', { name: '添加 李小梅' }).click();
    await page.getByRole('status').getByText('李小梅 已成为成员。').waitFor();
    await page.getByText('2 名成员').waitFor();
    const members = page.locator('section', { has: page.getByRole('heading', { name: '成员' }) });
    await members.locator('li', { hasText: '李小梅' }).waitFor();
    await members.locator('li', { hasText: '杨合作' }).waitFor();
    await members.getByRole('button', { name: '移除' }).waitFor(); // the manager can remove the member, not themself
    expect(await members.getByRole('button', { name: '移除' }).count()).toBe(1);
    await screenshot(page, 'cooperative-members-phone');

    // The listing form offers the cooperative, already chosen when coming from its page.
    await page.getByRole('link', { name: '通过本合作社发布商品' }).click();
    await page.waitForURL(/\/farm\/listings\/new\?cooperativeId=/);
    const sellThrough = page.getByLabel('销售方式');
    await sellThrough.locator('option', { hasText: '桐梓县石坎猕猴桃专业合作社' }).waitFor({ state: 'attached' });
    expect(await settledValue(sellThrough, cooperativeId)).toBe(cooperativeId);
    await fillListingForm(page, { title: '石坎合作社红心猕猴桃 10斤装', category: '水果', unit: '箱', kilograms: '5', yuan: '88', stock: '20' });
    await screenshot(page, 'cooperative-listing-form-phone');
    await page.getByRole('button', { name: '发布' }).click();
    await page.waitForURL(/\/farm\/listings\?saved=/);
    const listingId = new URL(page.url()).searchParams.get('saved')!;

    const listing = (await t.http().get(`/api/listings/${listingId}`).expect(200)).body;
    expect(listing).toMatchObject({ title: '石坎合作社红心猕猴桃 10斤装', cooperativeId, farmerId: manager.id, priceCents: 8800, countyCode: COUNTIES.tongzi });
    const memberIds = (await t.http().get(`/api/cooperatives/${cooperativeId}/members`).set(manager.auth).expect(200)).body;
    expect((Array.isArray(memberIds) ? memberIds : memberIds.items).map((m: { farmerId: string }) => m.farmerId).sort()).toEqual([manager.id, member.id].sort());

    // The cooperative's page shows its listing.
    await page.goto(`/farm/cooperatives/${cooperativeId}`);
    await page.locator(`[data-listing-id="${listingId}"]`).waitFor();
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'cooperative-page-desktop');
  }, 60_000);

  it('an officer downloads the county report as Excel', async () => {
    const { page } = await openZunyiReport(spec);
    const row = page.locator(`tr[data-key="${COUNTIES.tongzi}"]`);
    await row.getByText('¥72.00').first().waitFor();

    const download = await downloadBy(page, '下载 Excel');
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    // The export for people (#16 item 3): a title, then Chinese headers (row 7) and money in yuan.
    const sheet = wb.getWorksheet('销售报表')!;
    expect(sheet).toBeDefined();
    const header = (sheet.getRow(7).values as unknown[]).slice(1);
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((r, n) => {
      if (n <= 7) return;
      const values = (r.values as unknown[]).slice(1);
      rows.push(Object.fromEntries(header.map((h, i) => [String(h), values[i]])));
    });
    const county = rows.find((r) => r['代码'] === COUNTIES.tongzi);
    expect(county).toMatchObject({ 县: '桐梓县', 订单数: 1, '销售总额（元）': SALE_CENTS / 100, '净销售额（元）': SALE_CENTS / 100, 件数: 2 });
    expect(rows.map((r) => r['代码'])).not.toContain(COUNTIES.leishan);
    await screenshot(page, 'officer-excel-desktop');
  }, 60_000);
});
