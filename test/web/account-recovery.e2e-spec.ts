import type { Page } from 'playwright-core';
import { createListing, createUser, TEST_PASSWORD } from '@farmlink/testing';
import { DESKTOP, PHONE, screenshot, useBrowserApp, settledValue } from './browser';

/**
 * Issue 15, items 2 and 3 in the browser, at 360 px in both languages: forgot
 * password → the mailed link → a new password → sign in; the account page
 * (name, phone, password, saved addresses); saved addresses at checkout.
 * Without SMTP_URL the mail is logged; the test reads it from the outbox.
 */
describe('Browser: account recovery, the account page and saved addresses', () => {
  const { t, open } = useBrowserApp([
    'POST /api/auth/password-reset/request',
    'POST /api/auth/password-reset/confirm',
    'POST /api/me/password',
    'PATCH /api/me',
    'GET /api/me/addresses',
  ]);

  /** The path of the link in the newest mail to `email` (the outbox keeps what was sent). */
  async function linkInMail(email: string, template: string): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const [row] = await t.db.query(`SELECT body_text FROM outbox WHERE recipient = $1 AND template = $2 ORDER BY created_at DESC LIMIT 1`, [email, template]);
      const match = row && /https?:\/\/[^/\s]+(\/[^\s]+token=[A-Za-z0-9_-]+)/.exec(row.body_text);
      if (match) return match[1];
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no ${template} mail to ${email}`);
  }

  /** The page is no wider than the screen (nothing to scroll sideways). */
  async function fitsWidth(page: Page): Promise<void> {
    const overflow = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return d.scrollWidth - d.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  }

  for (const lang of ['en', 'zh'] as const) {
    const L = lang === 'en'
      ? { title: 'Reset your password', forgot: 'Forgot your password?', email: 'Email', send: 'Mail me a link', sent: /a link is on its way/, newPw: 'New password', again: 'New password again', save: 'Save the new password', mismatch: 'The two passwords are not the same.', done: /Your password is changed/, signInNew: 'Sign in with the new password', password: 'Password', signIn: 'Sign in', bad: 'This link is unknown, already used or expired.' }
      : { title: '重置密码', forgot: '忘记密码？', email: '邮箱', send: '发送链接', sent: /链接已发出/, newPw: '新密码', again: '再次输入新密码', save: '保存新密码', mismatch: '两次输入的密码不一致。', done: /密码已修改/, signInNew: '用新密码登录', password: '密码', signIn: '登录', bad: '此链接无效、已使用或已过期。' };

    it(`forgot password → mailed link → new password → sign in (${lang}, 360 px)`, async () => {
      const buyer = await createUser(t, 'buyer', { displayName: 'Chen Jing' });
      const { page } = await open({ viewport: PHONE, lang });
      await page.goto('/login');
      await page.getByRole('link', { name: L.forgot }).click();
      await page.waitForURL('**/forgot-password');
      // The page in its language first (its messages may still be loading): a re-render then must not
      // empty the field between the fill and the click.
      await page.getByRole('heading', { name: L.title }).waitFor();
      await page.getByLabel(L.email).fill(buyer.email);
      for (let i = 0; i < 50 && (await page.getByLabel(L.email).inputValue()) !== buyer.email; i++) {
        await page.waitForTimeout(100);
        await page.getByLabel(L.email).fill(buyer.email);
      }
      await screenshot(page, `forgot-password-${lang}-phone`);
      await page.getByRole('button', { name: L.send }).click();
      await page.getByText(L.sent).waitFor();
      await fitsWidth(page);

      const link = await linkInMail(buyer.email, 'password_reset');
      expect(link).toMatch(/^\/reset-password\?token=/);
      await page.goto(link);
      await page.getByLabel(L.newPw, { exact: true }).fill('my-new-password');
      await page.getByLabel(L.again).fill('my-new-passwordX');
      await page.getByRole('button', { name: L.save }).click();
      await page.getByText(L.mismatch).waitFor();
      await page.getByLabel(L.again).fill('my-new-password');
      await screenshot(page, `reset-password-${lang}-phone`);
      await page.getByRole('button', { name: L.save }).click();
      await page.getByText(L.done).waitFor();
      await fitsWidth(page);
      await screenshot(page, `reset-password-done-${lang}-phone`);

      // The old token no longer opens the API; the new password signs in.
      await t.http().get('/api/me').set(buyer.auth).expect(401);
      await page.getByRole('link', { name: L.signInNew }).click();
      await page.getByLabel(L.email).fill(buyer.email);
      await page.getByLabel(L.password, { exact: true }).fill('my-new-password');
      await page.locator('form').getByRole('button', { name: L.signIn }).click();
      await page.waitForURL((u) => u.pathname === '/');

      // The same link again: refused, with a way to ask for a new one.
      await page.goto(link);
      await page.getByLabel(L.newPw, { exact: true }).fill('another-password');
      await page.getByLabel(L.again).fill('another-password');
      await page.getByRole('button', { name: L.save }).click();
      await page.getByText(L.bad).waitFor();
    }, 120_000);
  }

  it('a new account is asked to confirm its email; the mailed link confirms it and the banner goes (en, 360 px)', async () => {
    const buyer = await createUser(t, 'buyer', { displayName: 'Chen Jing' });
    const { page } = await open({ viewport: PHONE, lang: 'en', user: buyer });
    await page.goto('/account');
    await page.getByText('Email not confirmed yet').waitFor();
    await page.getByRole('button', { name: 'Send the link again' }).click();
    await page.getByText('A new link is on its way.').waitFor();
    const link = await linkInMail(buyer.email, 'email_verification');
    expect(link).toMatch(/^\/verify-email\?token=/);
    await page.goto(link);
    await page.getByText('Thank you: your email address is confirmed.').waitFor();
    await screenshot(page, 'verify-email-en-phone');
    await page.goto('/');
    await page.getByRole('heading').first().waitFor();
    expect(await page.getByText(/Please confirm your email address/).count()).toBe(0);
    await page.goto('/account');
    await page.getByText('Email confirmed').waitFor();
  }, 120_000);

  it('the account page: banner, name and phone, password (a wrong one keeps the session), address book (en and zh, 360 px)', async () => {
    const buyer = await createUser(t, 'buyer', { displayName: 'Chen Jing' });
    const { page } = await open({ viewport: PHONE, lang: 'en', user: buyer });
    await page.goto('/');
    await page.getByText(/Please confirm your email address/).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'My account' }).click();
    await page.waitForURL('**/account');

    const profile = page.locator('form', { has: page.getByRole('heading', { name: 'Profile' }) });
    await profile.getByLabel('Name').fill('Chen Jing 2');
    await profile.getByLabel(/Phone/).fill('+86 138 0000 1111');
    await profile.getByRole('button', { name: 'Save' }).click();
    await profile.getByText('Saved.').waitFor();
    expect((await t.http().get('/api/me').set(buyer.auth).expect(200)).body).toMatchObject({ displayName: 'Chen Jing 2', phone: '+86 138 0000 1111' });

    const pw = page.locator('form', { has: page.getByRole('heading', { name: 'Change password' }) });
    await pw.getByLabel('Current password').fill('not-my-password');
    await pw.getByLabel('New password').fill('changed-password');
    await pw.getByRole('button', { name: 'Change password' }).click();
    await pw.getByText('The current password is wrong.').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor(); // still signed in
    await pw.getByLabel('Current password').fill(TEST_PASSWORD);
    await pw.getByRole('button', { name: 'Change password' }).click();
    await pw.getByText(/Password changed/).waitFor();
    await t.http().get('/api/me').set(buyer.auth).expect(401);

    const book = page.locator('section', { has: page.getByRole('heading', { name: 'Saved addresses' }) });
    await book.getByText(/No saved addresses yet/).waitFor();
    await book.getByLabel('Recipient').fill('Chen Jing');
    await book.getByLabel('Phone').fill('12345678901');
    await book.getByLabel('Province').selectOption({ label: '贵州省' });
    await book.getByLabel('City / prefecture').selectOption({ label: '遵义市' });
    await book.getByLabel('County').selectOption({ label: '桐梓县' });
    await book.getByLabel('Street address').fill('娄山关镇 1 号');
    await book.getByRole('button', { name: 'Add an address' }).click();
    await book.getByText('Enter an 11-digit mobile number starting with 13 to 19.').waitFor();
    await book.getByLabel('Phone').fill('13800001111');
    await book.getByRole('button', { name: 'Add an address' }).click();
    await book.locator('.address-list__item').getByText('Default').waitFor();
    await book.locator('.address-list__item').getByText(/桐梓县 娄山关镇 1 号/).waitFor();
    await fitsWidth(page);
    await screenshot(page, 'account-en-phone');

    await page.getByRole('button', { name: 'Switch language' }).click();
    await page.getByRole('heading', { name: '我的账户' }).waitFor();
    await page.getByRole('heading', { name: '收货地址' }).waitFor();
    await fitsWidth(page);
    await screenshot(page, 'account-zh-phone');
    await page.setViewportSize(DESKTOP);
    await page.waitForTimeout(300); // let the layout settle at the new width
    await screenshot(page, 'account-zh-desktop');
  }, 120_000);

  it('checkout offers the saved addresses (the default chosen), and saves a new one when ticked (zh, 360 px)', async () => {
    const farmer = await createUser(t, 'farmer');
    const listing = await createListing(t, farmer, { title: '桐梓红心猕猴桃', priceCents: 3800, stock: 50 });
    const buyer = await createUser(t, 'buyer', { displayName: '陈静' });
    await t.http().post('/api/me/addresses').set(buyer.auth).send({ name: '陈静', phone: '13800000001', countyCode: '520322', line1: '娄山关镇 1 号' }).expect(201);
    await t.http().post('/api/me/addresses').set(buyer.auth).send({ name: '陈静（单位）', phone: '13900000002', countyCode: '410225', line1: '城关镇 8 号' }).expect(201);
    const listingId = listing.id;
    const { context, page } = await open({ viewport: PHONE, lang: 'zh', user: buyer });
    const sellerKey = listing.farmerId;
    await context.addInitScript((line: string) => {
      const store = (globalThis as unknown as { localStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void } }).localStorage;
      if (!store.getItem('farmlink.cart')) store.setItem('farmlink.cart', line);
    }, JSON.stringify([{ listingId, quantity: 1, title: '桐梓红心猕猴桃', priceCents: 3800, unit: '箱', stock: 50, sellerKey, countyCode: '520322' }]));

    await page.goto('/checkout');
    const saved = page.getByRole('group', { name: '已保存的地址' });
    await saved.waitFor();
    expect(await saved.getByRole('radio').count()).toBe(3);
    expect(await saved.getByRole('radio').first().isChecked()).toBe(true);
    await page.waitForFunction(() => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document;
      return d.querySelector('input[autocomplete="street-address"]')?.value === '娄山关镇 1 号';
    });
    expect(await settledValue(page.getByLabel('手机号码'), '13800000001')).toBe('13800000001');
    await fitsWidth(page);
    await screenshot(page, 'checkout-saved-addresses-zh-phone');

    // A new address, ticked to be saved: it joins the book, and the order goes to it.
    await saved.getByRole('radio', { name: '新地址' }).check();
    await page.getByLabel('收货人').fill('陈静（新家）');
    await page.getByLabel('手机号码').fill('13700000003');
    await page.getByLabel('省份').selectOption({ label: '河南省' });
    await page.getByLabel('市 / 州').selectOption({ label: '开封市' });
    await page.getByLabel('县 / 区').selectOption({ label: '兰考县' });
    await page.getByLabel('详细地址').fill('新家 9 号');
    await page.getByLabel('保存此地址，下次使用').check();
    await screenshot(page, 'checkout-new-address-zh-phone');
    await page.getByRole('button', { name: /提交订单|下单/ }).click();
    await page.waitForURL('**/pay/**');
    const book = (await t.http().get('/api/me/addresses').set(buyer.auth).expect(200)).body as { line1: string; isDefault: boolean }[];
    expect(book.map((a) => a.line1)).toEqual(['娄山关镇 1 号', '城关镇 8 号', '新家 9 号']);
  }, 120_000);
});
