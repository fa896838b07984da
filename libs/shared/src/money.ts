/**
 * Money helpers. FarmLink keeps every amount as an integer number of minor
 * units (fen for CNY) and never uses floating point for money.
 */

import { DomainError } from './domain-error';

export const DEFAULT_CURRENCY = 'CNY';

/**
 * ISO 4217 currencies FarmLink knows, with their exponent (how many minor units a major unit
 * holds, as a power of ten): every amount is an integer number of minor units of its currency.
 * Adding a currency is one line here (and Stripe must support it).
 */
export const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = {
  CNY: 2,
  KES: 2,
  UGX: 0,
  RWF: 0,
  TZS: 2,
  USD: 2,
  EUR: 2,
};

export function isKnownCurrency(currency: string): boolean {
  return Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENTS, currency);
}

/** The currency's exponent (CNY 2, KES 2, UGX 0, RWF 0); a RangeError for a currency FarmLink does not know. */
export function currencyExponent(currency: string): number {
  if (!isKnownCurrency(currency)) throw new RangeError(`unknown currency ${currency}`);
  return CURRENCY_EXPONENTS[currency];
}

/** Minor units → a decimal string in major units by the currency's exponent (never a float): 123456 CNY → "1234.56", 1500 UGX → "1500". */
export function minorToMajorString(minor: number, currency = DEFAULT_CURRENCY): string {
  assertSafeMinorUnits(minor);
  const exp = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exp + 1, '0');
  return exp === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

/**
 * A decimal string in major units → minor units by the currency's exponent, by string arithmetic:
 * "12.5" CNY → 1250, "1500" UGX → 1500; null when it is not a plain amount with at most the
 * currency's decimals ("12.345" CNY, "12.5" UGX).
 */
export function parseMajorToMinor(text: string, currency = DEFAULT_CURRENCY): number | null {
  const exp = currencyExponent(currency);
  const m = /^(-)?(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!m) return null;
  const frac = m[3] ?? '';
  if (frac.length > exp) return null;
  const n = Number(m[2] + frac.padEnd(exp, '0'));
  if (!Number.isSafeInteger(n)) return null;
  return m[1] ? -n : n;
}

/**
 * Rounds an amount given in a finer unit to the currency's minor units, half up: e.g. a per-kg
 * price computed in 1/100 of a minor unit. `scale` is the finer unit's power of ten below the minor unit.
 */
export function roundToMinorUnits(value: number, scale: number): number {
  return mulDivRound(value, 1, 10 ** scale);
}

/** The highest unit price of a listing: 100,000,000 fen (¥1,000,000). */
export const MAX_UNIT_PRICE_CENTS = 100_000_000;

/** The highest order (and checkout) total: 99,999,999 fen, Stripe's single-charge limit for CNY. */
export const MAX_ORDER_TOTAL_CENTS = 99_999_999;

/**
 * A figure read from PostgreSQL (a sum over many rows) that a JavaScript
 * number cannot hold exactly (beyond 2^53 − 1). 422, not 500: the request is
 * valid but asks for a figure FarmLink cannot give exactly (narrow it).
 */
export class UnsafeAmountError extends DomainError {
  constructor(raw: unknown) {
    super('unprocessable', `A figure is too large to be given exactly (${String(raw)} is beyond 2^53 - 1); narrow the request`);
  }
}

/** Throws unless `value` is an integer that JavaScript can represent exactly. */
export function assertSafeMinorUnits(value: number, what = 'amount'): number {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a safe integer number of minor units, got ${value}`);
  }
  return value;
}

/**
 * Parses a bigint or numeric value (pg returns both as strings; sums of bigint
 * are numeric) into a safe integer; beyond 2^53 − 1, or not an integer, it
 * throws UnsafeAmountError (422) rather than give a rounded figure.
 */
export function parseMinorUnits(raw: string | number | bigint | null | undefined): number {
  if (raw === null || raw === undefined) return 0;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isSafeInteger(n)) throw new UnsafeAmountError(raw);
  return n;
}

/** Adds safe integers (sums of figures already read), refusing a result beyond 2^53 − 1 (UnsafeAmountError). */
export function sumMinorUnits(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) {
    total += v;
    if (!Number.isSafeInteger(total)) throw new UnsafeAmountError(`a sum (${total})`);
  }
  return total;
}

/**
 * Multiplies and divides with round-half-up, on integers only
 * (the one rounding rule for money in FarmLink).
 */
export function mulDivRound(value: number, multiplier: number, divisor: number): number {
  if (divisor === 0) throw new RangeError('divisor must not be 0');
  const product = BigInt(value) * BigInt(multiplier);
  const d = BigInt(divisor);
  const sign = (product < 0n) !== (d < 0n) ? -1n : 1n;
  const absP = product < 0n ? -product : product;
  const absD = d < 0n ? -d : d;
  const q = (absP * 2n + absD) / (absD * 2n);
  return assertSafeMinorUnits(Number(sign * q));
}

/** Basis-point share (1 bp = 0.01 %) of an amount, rounded half up. */
export function basisPoints(amount: number, bps: number): number {
  return mulDivRound(amount, bps, 10_000);
}

/**
 * Splits `total` among parts in proportion to `weights` with the
 * largest-remainder method: shares are integers and add up to `total` exactly.
 * Ties in the remainder go to the earlier part.
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  assertSafeMinorUnits(total, 'total');
  if (weights.length === 0) return [];
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) {
    const shares = weights.map(() => 0);
    shares[0] = total;
    return shares;
  }
  const bigTotal = BigInt(total);
  const bigSum = BigInt(sum);
  const floors: bigint[] = [];
  const remainders: { index: number; rem: bigint }[] = [];
  let allocated = 0n;
  weights.forEach((w, index) => {
    const p = bigTotal * BigInt(w);
    const q = p / bigSum; // truncates toward zero
    floors.push(q);
    allocated += q;
    remainders.push({ index, rem: p - q * bigSum });
  });
  let left = bigTotal - allocated;
  const step = left >= 0n ? 1n : -1n;
  remainders.sort((a, b) => {
    const ra = a.rem < 0n ? -a.rem : a.rem;
    const rb = b.rem < 0n ? -b.rem : b.rem;
    if (ra === rb) return a.index - b.index;
    return ra > rb ? -1 : 1;
  });
  for (let i = 0; left !== 0n; i = (i + 1) % remainders.length) {
    floors[remainders[i].index] += step;
    left -= step;
  }
  return floors.map((f) => Number(f));
}

/** Formatters by locale and currency: building an Intl.NumberFormat costs far more than using one (every order mail formats amounts). */
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string | undefined, currency: string, exp: number): Intl.NumberFormat {
  const key = `${locale ?? ''}|${currency}`;
  let nf = formats.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale ?? 'en-US', {
      style: 'currency',
      currency,
      currencyDisplay: locale ? 'symbol' : currency === 'CNY' ? 'narrowSymbol' : 'code',
      minimumFractionDigits: exp,
      maximumFractionDigits: exp,
    });
    if (formats.size >= 256) formats.clear(); // bounded whatever locales callers pass
    formats.set(key, nf);
  }
  return nf;
}

/**
 * Formats minor units for people with Intl.NumberFormat, as many decimals as the currency's
 * exponent: 123456 CNY → "¥1,234.56", 123456 KES → "KES 1,234.56", 1500 UGX → "UGX 1,500".
 * Without a locale the symbol is ¥ for CNY and the ISO code otherwise (unambiguous across
 * markets); with one, the locale's own way (e.g. "Ksh 1,234.56" for en-KE).
 */
export function formatMoney(minor: number, currency = DEFAULT_CURRENCY, locale?: string): string {
  const exp = currencyExponent(currency);
  // The integer part and the fraction are formatted apart so no amount goes through a float.
  const sign = minor < 0 ? -1 : 1;
  const abs = Math.abs(minor);
  const scale = 10 ** exp;
  const major = Math.floor(abs / scale);
  const fraction = exp === 0 ? '' : String(abs % scale).padStart(exp, '0');
  const nf = numberFormat(locale, currency, exp);
  // Format a number with the same integer part (exact below 2^53) and put the exact fraction in.
  const parts = nf.formatToParts(sign * (major + (exp === 0 ? 0 : 0.5 / scale)));
  return parts
    .map((p) => (p.type === 'fraction' ? fraction : p.type === 'literal' && p.value === '\u00a0' ? ' ' : p.value))
    .join('');
}
