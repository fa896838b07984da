import { validateEnv } from './env.validation';

describe('validateEnv', () => {
  const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/farmlink' };

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
    expect(() => validateEnv({ ...base, NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(() => validateEnv({ ...base, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).not.toThrow();
  });

  it('requires the webhook secret once Stripe is configured', () => {
    expect(() => validateEnv({ ...base, STRIPE_SECRET_KEY: 'sk_test_x' })).toThrow(/STRIPE_WEBHOOK_SECRET/);
  });

  it('requires DATABASE_URL', () => {
    expect(() => validateEnv({})).toThrow(/DATABASE_URL/);
  });
});
