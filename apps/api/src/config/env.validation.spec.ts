import { validateEnv } from './env.validation';

describe('validateEnv', () => {
  const SECRET = '0123456789abcdef0123456789abcdef-not-a-placeholder';
  const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/farmlink', JWT_SECRET: SECRET };
  const { JWT_SECRET: _unused, ...noSecret } = base;

  it('fills defaults', () => {
    const env = validateEnv(base);
    expect(env.PORT).toBe(3000);
    expect(env.REPORT_TIME_ZONE).toBe('Asia/Shanghai');
    expect(env.PAYMENT_TIMEOUT_MINUTES).toBe(30);
    expect(env.PLATFORM_FEE_BPS).toBe(0);
    expect(env.MAX_UNPAID_CHECKOUTS).toBe(3);
  });

  it('takes MAX_UNPAID_CHECKOUTS as a whole number of at least 1', () => {
    expect(validateEnv({ ...base, MAX_UNPAID_CHECKOUTS: '5' }).MAX_UNPAID_CHECKOUTS).toBe(5);
    expect(() => validateEnv({ ...base, MAX_UNPAID_CHECKOUTS: '0' })).toThrow(/MAX_UNPAID_CHECKOUTS/);
    expect(() => validateEnv({ ...base, MAX_UNPAID_CHECKOUTS: 'many' })).toThrow(/MAX_UNPAID_CHECKOUTS/);
  });

  it('names every bad setting', () => {
    expect(() => validateEnv({ ...base, PORT: 'abc', REPORT_TIME_ZONE: 'Mars/Olympus' })).toThrow(/PORT[\s\S]*REPORT_TIME_ZONE/);
  });

  it('requires a strong JWT_SECRET in production', () => {
    expect(() => validateEnv({ ...noSecret, NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => validateEnv({ ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(31) })).toThrow(/JWT_SECRET/);
    expect(() => validateEnv({ ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).not.toThrow();
  });

  it('has no JWT secret of its own: with a DATABASE_URL and no JWT_SECRET it refuses to start, naming the setting', () => {
    for (const NODE_ENV of ['development', 'test', 'production']) {
      expect(() => validateEnv({ ...noSecret, NODE_ENV })).toThrow(/"JWT_SECRET" is required with a DATABASE_URL/);
    }
    // Only main.ts's embedded database gets a secret made for it (set before validation; see jwt-secret-file.ts).
    expect(() => validateEnv({ ...noSecret, EMBEDDED_DATABASE: 'true' })).toThrow(/JWT_SECRET/);
  });

  it('refuses published placeholder secrets everywhere, whatever their length', () => {
    for (const JWT_SECRET of [
      'farmlink-development-secret-change-me',
      'change-me-to-a-long-random-secret-of-32-chars',
      'farmlink-test-secret-0123456789abcdef',
      'CHANGE-ME-please-0123456789abcdef0123',
      'secret',
      'change-me',
    ]) {
      for (const NODE_ENV of ['development', 'production']) {
        expect(() => validateEnv({ ...base, NODE_ENV, JWT_SECRET })).toThrow(/JWT_SECRET/);
      }
    }
  });

  it('listens on loopback outside production unless HOST says otherwise', () => {
    expect(validateEnv(base).HOST).toBe('127.0.0.1');
    expect(validateEnv({ ...base, NODE_ENV: 'production', JWT_SECRET: 'y'.repeat(40) }).HOST).toBe('0.0.0.0');
    expect(validateEnv({ ...base, HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  });

  it('bounds the auth look-up cache to 5 seconds', () => {
    expect(validateEnv(base).AUTH_USER_CACHE_MS).toBe(2000);
    expect(() => validateEnv({ ...base, AUTH_USER_CACHE_MS: '60000' })).toThrow(/AUTH_USER_CACHE_MS/);
  });

  it('requires the webhook secret once Stripe is configured', () => {
    expect(() => validateEnv({ ...base, STRIPE_SECRET_KEY: 'sk_test_x' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });

  it('takes mail settings: SMTP_URL must be smtp:// or smtps://; without it mail is logged', () => {
    expect(validateEnv(base).SMTP_URL).toBeUndefined();
    expect(validateEnv(base).OUTBOX_POLL_MS).toBe(5000);
    expect(validateEnv({ ...base, SMTP_URL: 'smtps://u:p@mail.example.com:465' }).SMTP_URL).toBe('smtps://u:p@mail.example.com:465');
    expect(() => validateEnv({ ...base, SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
    expect(() => validateEnv({ ...base, PUBLIC_WEB_URL: 'not a url' })).toThrow(/PUBLIC_WEB_URL/);
  });

  it('takes an internationalised domain in PUBLIC_WEB_URL and CORS_ORIGINS, written in Unicode or punycode', () => {
    expect(validateEnv(base).PUBLIC_WEB_URL).toBeUndefined(); // mails fall back to localhost, shared pages to the request's host
    expect(validateEnv({ ...base, PUBLIC_WEB_URL: 'https://农场.中国/' }).PUBLIC_WEB_URL).toBe('https://xn--j7qu0l.xn--fiqs8s');
    expect(validateEnv({ ...base, PUBLIC_WEB_URL: 'https://xn--j7qu0l.xn--fiqs8s' }).PUBLIC_WEB_URL).toBe('https://xn--j7qu0l.xn--fiqs8s');
    expect(() => validateEnv({ ...base, PUBLIC_WEB_URL: 'ftp://农场.中国' })).toThrow(/PUBLIC_WEB_URL/);
    expect(validateEnv({ ...base, CORS_ORIGINS: 'https://农场.中国, https://shop.example.cn' }).CORS_ORIGINS).toBe('https://农场.中国, https://shop.example.cn');
    expect(() => validateEnv({ ...base, CORS_ORIGINS: 'https://shop.example.cn/app' })).toThrow(/CORS_ORIGINS/);
    expect(() => validateEnv({ ...base, CORS_ORIGINS: 'shop.example.cn' })).toThrow(/CORS_ORIGINS/);
  });

  it('requires DATABASE_URL', () => {
    expect(() => validateEnv({})).toThrow(/DATABASE_URL/);
  });
});
