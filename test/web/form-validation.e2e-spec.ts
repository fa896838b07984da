import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Request } from 'playwright-core';
import { createUser } from '@farmlink/testing';
import { PHONE, screenshot, useBrowserApp } from './browser';

describe('Browser: forms with bad input show the messages and submit nothing', () => {
  const { t, open } = useBrowserApp();

  const writes = (requests: Request[]) => requests.filter((r) => r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/'));

  it('the listing form (Chinese, phone): a message beside each bad field, focus on the first, no request', async () => {
    const farmer = await createUser(t, 'farmer');
    const { page } = await open({ viewport: PHONE, lang: 'zh', user: farmer });
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));

    await page.goto('/farm/listings/new');
    await page.getByLabel('商品名称').fill('   ');
    await page.getByLabel('单位').fill('箱');
    await page.getByLabel('每份净重（公斤）').fill('0');
    await page.getByLabel('每份价格（元）').fill('abc');
    await page.getByLabel('库存').fill('-3');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'farmlink-bad-'));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a photo');
    await page.getByLabel('商品照片').setInputFiles(path.join(dir, 'notes.txt'));
    await page.getByRole('button', { name: '发布' }).click();

    const field = (label: string) => page.locator('.field', { has: page.getByLabel(label, { exact: true }) });
    await field('商品名称').getByText('请填写此项。').waitFor();
    await field('分类').getByText('请选择一项。').waitFor();
    await field('每份净重（公斤）').getByText('请输入净重（公斤），例如 2.5。').waitFor();
    await field('每份价格（元）').getByText('请输入大于零的价格（元），例如 38.00。').waitFor();
    await field('库存').getByText('请输入 0 或以上的整数。').waitFor();
    await field('商品照片').getByText('照片须为 JPEG、PNG 或 WebP 格式。').waitFor();
    await page.getByText('请修改上面标出的内容。').waitFor();
    // The inputs say they are invalid, and the keyboard lands on the first one.
    expect(await page.getByLabel('商品名称').getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }).document.activeElement?.getAttribute('name') === 'title');
    await screenshot(page, 'listing-form-errors-phone');

    expect(writes(requests)).toEqual([]);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM listings WHERE farmer_id = $1`, [farmer.id]);
    expect(n).toBe(0);
  }, 90_000);

  it('the listing form says what is wrong with a price or a stock: too many decimals, too high', async () => {
    const farmer = await createUser(t, 'farmer');
    const { page } = await open({ viewport: PHONE, lang: 'zh', user: farmer });
    await page.goto('/farm/listings/new');
    const field = (label: string) => page.locator('.field', { has: page.getByLabel(label, { exact: true }) });
    const publish = () => page.getByRole('button', { name: '发布' }).click();

    await page.getByLabel('每份价格（元）').fill('12.345');
    await page.getByLabel('库存').fill('99999999999');
    await publish();
    await field('每份价格（元）').getByText('价格最多两位小数（到分），例如 12.35。').waitFor();
    await field('库存').getByText('库存最多 100,000,000。').waitFor();

    await page.getByLabel('每份价格（元）').fill('1000000.01');
    await publish();
    await field('每份价格（元）').getByText('单价最高 ¥1,000,000.00。').waitFor();
    expect(await page.getByText('请输入大于零的价格（元），例如 38.00。').count()).toBe(0);
  }, 90_000);

  it('the registration form (English): bad email, short password, farmer without county', async () => {
    const { page } = await open({ viewport: PHONE, lang: 'en' });
    const requests: Request[] = [];
    page.on('request', (r) => requests.push(r));
    const before = await t.db.query(`SELECT count(*)::int AS n FROM users`);

    await page.goto('/register');
    await page.getByText('Sell my produce').click();
    await page.getByLabel('Name').fill('Li Wei');
    await page.getByLabel('Email').fill('li.wei@');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel(/^Phone/).fill('call me');
    // Keyboard only: submit with Enter from the last field.
    await page.getByLabel(/^Phone/).press('Enter');

    await page.getByText('Enter an email address like name@example.com.').waitFor();
    await page.getByText('The password needs at least 8 characters.').waitFor();
    await page.getByText('Enter a phone number (digits, spaces, + - ( )).').waitFor();
    await page.getByText('Choose the province, city and county.').waitFor();
    await screenshot(page, 'register-errors-phone-en');

    expect(writes(requests)).toEqual([]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM users`)).toEqual(before);
  }, 90_000);
});
