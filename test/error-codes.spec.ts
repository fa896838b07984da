import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DomainError, errorCodeOf } from '@farmlink/shared';

/** The web app's messages (apps/web is an ES module package, so read as text): key → text. */
function messages(lang: 'en' | 'zh'): Record<string, string> {
  const source = readFileSync(path.resolve(__dirname, `../apps/web/src/i18n/${lang}.ts`), 'utf8');
  const out: Record<string, string> = {};
  for (const m of source.matchAll(/^\s*'([\w.]+)':\s*'((?:[^'\\]|\\.)*)',?\s*$/gm)) out[m[1]] = m[2];
  return out;
}
const en = messages('en');
const zh = messages('zh');

/**
 * Every error the API can answer carries a stable `code` (the exception filter adds it), and the
 * web app shows its own message for each code, in Chinese and in English (issue #16 item 8: no
 * English server text inside the Chinese UI). A new error class without messages fails here.
 */
const root = path.resolve(__dirname, '..');
const errorFiles = readdirSync(path.join(root, 'libs'))
  .flatMap((lib) => {
    const dir = path.join(root, 'libs', lib, 'src');
    try {
      return readdirSync(dir).filter((f) => f.endsWith('.errors.ts') || f === 'domain-error.ts' || f === 'money.ts').map((f) => path.join(dir, f));
    } catch {
      return [];
    }
  })
  .concat(path.join(root, 'libs/payments/src/providers/stripe-payment.provider.ts'));

function domainErrorClasses(): { name: string; code: string }[] {
  const found = new Map<string, string>();
  for (const file of errorFiles) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (typeof value !== 'function' || value === DomainError || !(value.prototype instanceof DomainError)) continue;
      const cls = value as unknown as { name: string; code?: string };
      found.set(cls.name, cls.code ?? errorCodeOf(cls.name));
    }
  }
  return [...found].map(([name, code]) => ({ name, code }));
}

/** Codes the exception filter gives errors that have no domain class. */
const FILTER_CODES = ['VALIDATION_FAILED', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'TOO_MANY_REQUESTS', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_REQUEST', 'INVALID_VALUE', 'DATABASE_UNAVAILABLE', 'SERVICE_UNAVAILABLE', 'INTERNAL_ERROR'];

describe('error codes and their messages in the web app', () => {
  it('derives SCREAMING_SNAKE codes from class names', () => {
    expect(errorCodeOf('ListingNotFoundError')).toBe('LISTING_NOT_FOUND');
    expect(errorCodeOf('NotAFarmerError')).toBe('NOT_A_FARMER');
    expect(errorCodeOf('TooManyUnpaidCheckoutsError')).toBe('TOO_MANY_UNPAID_CHECKOUTS');
  });

  it('reads the message files', () => {
    expect(en['code.LISTING_NOT_FOUND']).toMatch(/listing/i);
    expect(Object.keys(zh).length).toBeGreaterThan(300);
  });

  it('finds the error classes (the check below can fail)', () => {
    const names = domainErrorClasses().map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['ListingNotFoundError', 'NotAFarmerError', 'InsufficientStockError', 'RoleRequiredError', 'PaymentProviderUnavailableError']));
    expect(names.length).toBeGreaterThan(40);
  });

  it('every code has a Chinese and an English message', () => {
    const codes = [...new Set([...domainErrorClasses().map((c) => c.code), ...FILTER_CODES])];
    const missing = codes.filter((code) => !(`code.${code}` in en) || !(`code.${code}` in zh));
    expect(missing).toEqual([]);
    const untranslated = codes.filter((code) => zh[`code.${code}`] === en[`code.${code}`]);
    expect(untranslated).toEqual([]);
  });

  it('a stock shortage is OUT_OF_STOCK (the name the web app and the issue use)', () => {
    const { InsufficientStockError } = require(path.join(root, 'libs/orders/src/orders.errors.ts'));
    expect(new InsufficientStockError(['x']).code).toBe('OUT_OF_STOCK');
  });
});
