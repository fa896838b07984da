import { createListing, createUser } from '@farmlink/testing';
import { DESKTOP, describeWhenWired, PHONE, screenshot, settledCount, useBrowserApp } from './browser';

/*
 * Trust in the browser: an admin finds a user and suspends them with a reason,
 * takes a listing down by pasting its link, and sees both in the audit trail;
 * the farmer sees why their listing was taken down.
 */
const describeAll = describeWhenWired(['CatalogModule', 'AuditModule']);

describeAll('Browser: admin suspends a user, takes a listing down, reads the audit trail', () => {
  const { t, open } = useBrowserApp([
    'GET /api/admin/users',
    'POST /api/admin/users/{id}/suspend',
    'POST /api/admin/users/{id}/reinstate',
    'POST /api/admin/listings/{id}/takedown',
    'GET /api/admin/audit',
  ]);

  it('suspends, takes down, and shows both in the audit list; the farmer sees the reason', async () => {
    const admin = await createUser(t, 'admin', { displayName: '赵管理' });
    const tag = `${Date.now()}`;
    const spammer = await createUser(t, 'buyer', { displayName: '刷单账户', email: `spam-${tag}@farmlink.test` });
    const farmer = await createUser(t, 'farmer', { displayName: '王芳' });
    const listing = await createListing(t, farmer, { title: `假冒有机大米 ${tag}` });

    const { context, page } = await open({ viewport: PHONE, lang: 'zh', user: admin });
    await page.goto('/admin');
    await page.getByRole('link', { name: '账户管理、下架与审计日志' }).click();
    await page.waitForURL(/\/admin\/trust$/);

    // Find the user and suspend them with a reason.
    const users = page.locator('section', { has: page.getByRole('heading', { name: '用户' }) });
    await users.getByLabel('邮箱或姓名').fill(`spam-${tag}`);
    await users.getByRole('button', { name: '搜索' }).click();
    const row = users.locator(`li[data-user-id="${spammer.id}"]`);
    await row.getByText('刷单账户').waitFor();
    expect(await settledCount(users.locator('li.trust-user'), 1)).toBe(1); // the search's answer, not the first page
    await row.getByRole('button', { name: '停用' }).click();
    await row.getByRole('button', { name: '停用账户' }).click();
    await row.getByText('请填写原因。').waitFor(); // a reason is required
    await row.getByLabel('停用原因').fill('批量虚假下单');
    await row.getByRole('button', { name: '停用账户' }).click();
    await users.getByText('已停用 刷单账户。').waitFor();
    await row.getByText(/自 .* 起停用：批量虚假下单/).waitFor();
    await row.getByRole('button', { name: '恢复' }).waitFor();

    // Take the listing down by pasting its link.
    const takedown = page.locator('section', { has: page.getByRole('heading', { name: '下架商品' }) });
    await takedown.getByLabel('商品编号或链接').fill(`${t.url}/listings/${listing.id}`);
    await takedown.getByLabel('下架原因').fill('虚假宣传：并非有机');
    await takedown.getByRole('button', { name: '下架', exact: true }).click();
    await takedown.getByText('商品已下架。').waitFor();

    // Both in the audit trail, newest first.
    const audit = page.locator('section', { has: page.getByRole('heading', { name: '审计日志' }) });
    const first = audit.locator('li.audit-entry').first();
    await first.getByText('下架商品').waitFor();
    await first.getByText(/虚假宣传：并非有机/).waitFor();
    const suspension = audit.locator('li.audit-entry[data-action="user.suspend"]', { hasText: spammer.id });
    await suspension.getByText(/批量虚假下单/).waitFor();
    await screenshot(page, 'admin-trust-phone');

    // Filter by action.
    await audit.getByLabel('操作类型').selectOption('user.suspend');
    await audit.getByRole('button', { name: '筛选' }).click();
    await audit.locator('li.audit-entry[data-action="listing.takedown"]').waitFor({ state: 'detached' });
    await audit.locator('li.audit-entry[data-action="user.suspend"]').first().waitFor();
    await page.setViewportSize(DESKTOP);
    await screenshot(page, 'admin-trust-desktop');
    await context.close();

    // What the API says matches what the page showed.
    expect((await t.http().post('/api/auth/login').send({ email: spammer.email, password: 'test-password-123' })).status).toBe(401);
    await t.http().get(`/api/listings/${listing.id}`).expect(404);

    // The farmer sees the reason in My listings, without a button to put it back on sale.
    const farm = await open({ viewport: PHONE, lang: 'zh', user: farmer });
    await farm.page.goto('/farm/listings');
    const mine = farm.page.locator(`li[data-listing-id="${listing.id}"]`);
    await mine.getByText('已被管理员下架：虚假宣传：并非有机').waitFor();
    expect(await mine.getByRole('button', { name: '恢复销售' }).count()).toBe(0);
    expect(await mine.getByRole('button').count()).toBe(0);
    await screenshot(farm.page, 'farmer-listing-taken-down-phone');
    await farm.context.close();
  }, 90_000);
});
