import { randomUUID } from 'node:crypto';
import { createListing, createUser, SHIPPING_ADDRESS, TEST_PASSWORD, TestSmtp, tokenFrom, useTestApp } from '@farmlink/testing';

/**
 * Issue 15, item 2 (accounts people can recover) and item 1's outbox, through a
 * real SMTP server in this process: what the user would find in their inbox.
 */
describe('Accounts: recovery by mail, verification, password and profile changes (e2e)', () => {
  const smtp = new TestSmtp();
  beforeAll(() => smtp.start());
  afterAll(() => smtp.stop());
  const t = useTestApp(() => ({ SMTP_URL: smtp.url(), PUBLIC_WEB_URL: 'https://farmlink.example', OUTBOX_POLL_MS: '200' }));

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const login = (email: string, password: string) => t.http().post('/api/auth/login').send({ email, password });
  const outboxOf = (email: string) =>
    t.db.query(`SELECT attempts, sent_at AS "sentAt", last_error AS "lastError" FROM outbox WHERE recipient = $1 ORDER BY created_at`, [email]);

  async function register(locale: 'zh-CN' | 'en') {
    const email = `buyer-${Math.random().toString(36).slice(2, 10)}@farmlink.test`;
    const res = await t.http().post('/api/auth/register').send({ email, password: TEST_PASSWORD, displayName: 'Chen Jing', role: 'buyer', locale }).expect(201);
    return { email, token: res.body.accessToken as string, user: res.body.user };
  }

  it('"Forgot password" → mail → new password → old token refused, new login works', async () => {
    const { email, token: oldToken } = await register('en');
    await smtp.waitFor(email, 1); // the verification mail of the registration
    await t.http().post('/api/auth/password-reset/request').send({ email: email.toUpperCase() }).expect(202);

    const mail = await smtp.waitFor(email, 2);
    expect(mail.subject).toBe('Reset your FarmLink password');
    expect(mail.text).toContain('within 30 minutes');
    expect(mail.html).toContain('https://farmlink.example/reset-password?token=');
    const resetToken = tokenFrom(mail);
    // Only a hash is stored.
    const [stored] = await t.db.query(`SELECT count(*)::int AS n FROM user_tokens WHERE encode(token_hash, 'escape') LIKE '%' || $1 || '%'`, [resetToken]);
    expect(stored.n).toBe(0);

    await t.http().post('/api/auth/password-reset/confirm').send({ token: resetToken, newPassword: 'a-brand-new-secret' }).expect(200);
    await t.http().get('/api/me').set(bearer(oldToken)).expect(401);
    await login(email, TEST_PASSWORD).expect(401);
    const fresh = await login(email, 'a-brand-new-secret').expect(200);
    await t.http().get('/api/me').set(bearer(fresh.body.accessToken)).expect(200);
    // Reading the reset mail proved the address.
    expect(fresh.body.user.emailVerified).toBe(true);

    // Single use.
    await t.http().post('/api/auth/password-reset/confirm').send({ token: resetToken, newPassword: 'yet-another-secret' }).expect(400);
    await login(email, 'a-brand-new-secret').expect(200);
  });

  it('answers 202 for an unknown address, and mails nothing', async () => {
    const before = smtp.mails.length;
    await t.http().post('/api/auth/password-reset/request').send({ email: 'nobody-here@farmlink.test' }).expect(202);
    await new Promise((r) => setTimeout(r, 600));
    expect(smtp.mails.length).toBe(before);
    expect(await outboxOf('nobody-here@farmlink.test')).toEqual([]);
  });

  it('refuses an unknown, expired or malformed token with 400 and changes nothing', async () => {
    const user = await createUser(t, 'buyer');
    await t.http().post('/api/auth/password-reset/confirm').send({ token: 'not-a-token', newPassword: 'whatever-secret' }).expect(400);
    await t.http().post('/api/auth/password-reset/confirm').send({ newPassword: 'whatever-secret' }).expect(400);

    await t.http().post('/api/auth/password-reset/request').send({ email: user.email }).expect(202);
    const token = tokenFrom(await smtp.waitFor(user.email, 1));
    await t.db.query(`UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    await t.http().post('/api/auth/password-reset/confirm').send({ token, newPassword: 'whatever-secret' }).expect(400);
    await t.http().get('/api/me').set(user.auth).expect(200);
    await login(user.email, TEST_PASSWORD).expect(200);
  });

  it('a too-short new password is a 400 and the token still works afterwards', async () => {
    const user = await createUser(t, 'farmer');
    await t.http().post('/api/auth/password-reset/request').send({ email: user.email }).expect(202);
    const token = tokenFrom(await smtp.waitFor(user.email, 1));
    await t.http().post('/api/auth/password-reset/confirm').send({ token, newPassword: 'short' }).expect(400);
    await t.http().post('/api/auth/password-reset/confirm').send({ token, newPassword: 'long-enough-now' }).expect(200);
  });

  it('mails at most 3 reset links per address in 30 minutes (the answer is still 202)', async () => {
    const user = await createUser(t, 'buyer');
    // At once, too: the count is taken under a lock on the user.
    await Promise.all(Array.from({ length: 6 }, () => t.http().post('/api/auth/password-reset/request').send({ email: user.email }).expect(202)));
    await smtp.waitFor(user.email, 3);
    await new Promise((r) => setTimeout(r, 600));
    expect(smtp.to(user.email)).toHaveLength(3);
  });

  it('with the SMTP server down the mail waits in the outbox and arrives once after it comes back', async () => {
    const user = await createUser(t, 'buyer');
    await smtp.stop();
    try {
      await t.http().post('/api/auth/password-reset/request').send({ email: user.email }).expect(202);
      // Wait until the worker has tried and failed at least once.
      for (let i = 0; i < 100; i++) {
        const [row] = await outboxOf(user.email);
        if (row?.attempts >= 1) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const [failed] = await outboxOf(user.email);
      expect(failed.attempts).toBeGreaterThanOrEqual(1);
      expect(failed.sentAt).toBeNull();
      expect(failed.lastError).toBeTruthy();
    } finally {
      await smtp.start();
    }
    const mail = await smtp.waitFor(user.email, 1, 20_000);
    expect(mail.subject).toBe('重置您的 FarmLink 密码'); // the user's language (zh-CN by default)
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.to(user.email)).toHaveLength(1);
    const [sent] = await outboxOf(user.email);
    expect(sent.sentAt).not.toBeNull();
    // And the link in it works.
    await t.http().post('/api/auth/password-reset/confirm').send({ token: tokenFrom(mail), newPassword: 'back-online-secret' }).expect(200);
  });

  it('mails a verification link at registration, in the user\'s language; the link verifies once', async () => {
    const { email, token, user } = await register('zh-CN');
    expect(user.emailVerified).toBe(false);
    const mail = await smtp.waitFor(email, 1);
    expect(mail.subject).toBe('请验证您在 FarmLink 的邮箱');
    expect(mail.text).toContain('https://farmlink.example/verify-email?token=');
    const verified = await t.http().post('/api/auth/verify-email').send({ token: tokenFrom(mail) }).expect(200);
    expect(verified.body.emailVerified).toBe(true);
    expect((await t.http().get('/api/me').set(bearer(token)).expect(200)).body.emailVerified).toBe(true);
    await t.http().post('/api/auth/verify-email').send({ token: tokenFrom(mail) }).expect(400);
    // Verified: asking again mails nothing.
    await t.http().post('/api/me/verification-email').set(bearer(token)).send({}).expect(202);
    await new Promise((r) => setTimeout(r, 600));
    expect(smtp.to(email)).toHaveLength(1);
  });

  it('an unverified buyer can still buy (verification gates nothing for buyers)', async () => {
    const { token, user } = await register('en');
    expect(user.emailVerified).toBe(false);
    const farmer = await createUser(t, 'farmer');
    const listing = await createListing(t, farmer, { priceCents: 1000, stock: 5 });
    const res = await t.http().post('/api/checkouts').set(bearer(token)).set('Idempotency-Key', randomUUID())
      .send({ items: [{ listingId: listing.id, quantity: 1 }], shippingAddress: SHIPPING_ADDRESS }).expect(201);
    await t.http().post(`/api/payments/${res.body.payment.id}/simulate`).set(bearer(token)).send({ outcome: 'succeeded' }).expect(200);
  });

  describe('POST /api/me/password', () => {
    it('401 for a wrong current password, and the session goes on', async () => {
      const user = await createUser(t, 'buyer');
      await t.http().post('/api/me/password').set(user.auth).send({ currentPassword: 'not-my-password', newPassword: 'new-password-1' }).expect(401);
      await t.http().get('/api/me').set(user.auth).expect(200);
      await login(user.email, TEST_PASSWORD).expect(200);
    });

    it('ends old tokens and answers a fresh one for this session', async () => {
      const user = await createUser(t, 'farmer');
      const other = (await login(user.email, TEST_PASSWORD).expect(200)).body.accessToken;
      const res = await t.http().post('/api/me/password').set(user.auth).send({ currentPassword: TEST_PASSWORD, newPassword: 'new-password-1' }).expect(200);
      await t.http().get('/api/me').set(user.auth).expect(401);
      await t.http().get('/api/me').set(bearer(other)).expect(401);
      await t.http().get('/api/me').set(bearer(res.body.accessToken)).expect(200);
      await login(user.email, 'new-password-1').expect(200);
      await login(user.email, TEST_PASSWORD).expect(401);
    });

    it('400 for a new password under 8 characters', async () => {
      const user = await createUser(t, 'buyer');
      await t.http().post('/api/me/password').set(user.auth).send({ currentPassword: TEST_PASSWORD, newPassword: 'short' }).expect(400);
      await t.http().get('/api/me').set(user.auth).expect(200);
    });
  });

  describe('PATCH /api/me', () => {
    it('changes display name, phone and mail language', async () => {
      const user = await createUser(t, 'buyer');
      const res = await t.http().patch('/api/me').set(user.auth).send({ displayName: '  陈静 ', phone: '13800001111', locale: 'en' }).expect(200);
      expect(res.body).toMatchObject({ displayName: '陈静', phone: '13800001111', locale: 'en' });
      const cleared = await t.http().patch('/api/me').set(user.auth).send({ phone: null }).expect(200);
      expect(cleared.body).toMatchObject({ displayName: '陈静', phone: null, locale: 'en' });
    });

    it('400 for a bad field, changing nothing', async () => {
      const user = await createUser(t, 'buyer', { displayName: 'Before' });
      for (const body of [{ displayName: '' }, { displayName: null }, { phone: 'call me' }, { locale: 'fr' }, { locale: null }, { displayName: 'x'.repeat(101) }]) {
        await t.http().patch('/api/me').set(user.auth).send(body).expect(400);
      }
      expect((await t.http().get('/api/me').set(user.auth).expect(200)).body.displayName).toBe('Before');
    });

    it('needs a token', async () => {
      await t.http().patch('/api/me').send({ displayName: 'x' }).expect(401);
    });
  });
});
