/**
 * Money helpers. FarmLink keeps every amount as an integer number of minor
 * units (fen for CNY) and never uses floating point for money.
 */

import { DomainError } from './domain-error';

export const DEFAULT_CURRENCY = 'CNY';

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

/** Formats minor units for people, e.g. 123456 → "¥1,234.56". */
export function formatMoney(cents: number, currency = DEFAULT_CURRENCY): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const major = Math.floor(abs / 100).toLocaleString('en-US');
  const minor = String(abs % 100).padStart(2, '0');
  const symbol = currency === 'CNY' ? '¥' : `${currency} `;
  return `${sign}${symbol}${major}.${minor}`;
}
