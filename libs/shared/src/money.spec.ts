import fc from 'fast-check';
import { allocateProportionally, assertSafeMinorUnits, basisPoints, formatMoney, mulDivRound, parseMinorUnits, sumMinorUnits, UnsafeAmountError } from './money';

describe('money', () => {
  it('splits a refund among lines by largest remainder, adding up exactly', () => {
    expect(allocateProportionally(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateProportionally(1000, [500, 300, 200])).toEqual([500, 300, 200]);
    expect(allocateProportionally(7, [0, 0])).toEqual([7, 0]);
    expect(allocateProportionally(0, [3, 4])).toEqual([0, 0]);
  });

  it('allocation always sums to the total and stays within one unit of the exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 20 }), (total, weights) => {
        const shares = allocateProportionally(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        shares.forEach((s, i) => {
          expect(Number.isInteger(s)).toBe(true);
          expect(Math.abs(s - (total * weights[i]) / sum)).toBeLessThan(1);
        });
      }),
    );
  });

  it('rounds half up on integers only', () => {
    expect(mulDivRound(5, 1, 2)).toBe(3);
    expect(mulDivRound(-5, 1, 2)).toBe(-3);
    expect(basisPoints(12345, 250)).toBe(309); // 2.5 % of 123.45 = 3.086… → 3.09
    expect(basisPoints(100, 0)).toBe(0);
  });

  it('refuses amounts a JavaScript number cannot hold exactly', () => {
    expect(() => assertSafeMinorUnits(1.5)).toThrow(RangeError);
    expect(() => parseMinorUnits('9007199254740993')).toThrow(UnsafeAmountError);
    expect(() => parseMinorUnits('18446744073709551616')).toThrow(UnsafeAmountError); // a numeric sum beyond bigint
    expect(() => parseMinorUnits('12.5')).toThrow(UnsafeAmountError);
    expect(parseMinorUnits('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(parseMinorUnits('12345')).toBe(12345);
    expect(parseMinorUnits(null)).toBe(0);
  });

  it('adds figures only while the sum stays exact', () => {
    expect(sumMinorUnits([1, 2, 3])).toBe(6);
    expect(sumMinorUnits([])).toBe(0);
    expect(sumMinorUnits([Number.MAX_SAFE_INTEGER - 1, 1])).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => sumMinorUnits([Number.MAX_SAFE_INTEGER, 1])).toThrow(UnsafeAmountError);
    expect(new UnsafeAmountError('x').kind).toBe('unprocessable');
  });

  it('formats yuan for people', () => {
    expect(formatMoney(123456)).toBe('¥1,234.56');
    expect(formatMoney(-5)).toBe('-¥0.05');
  });
});
