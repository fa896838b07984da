import { currencyExponent, formatMoney, minorToMajorString, parseMajorToMinor } from './money';

describe('money by currency', () => {
  it('knows each currency’s exponent (CNY and KES 2, UGX and RWF 0) and refuses an unknown one', () => {
    expect([currencyExponent('CNY'), currencyExponent('KES'), currencyExponent('UGX'), currencyExponent('RWF')]).toEqual([2, 2, 0, 0]);
    expect(() => currencyExponent('XXX')).toThrow(RangeError);
  });

  it('formats with Intl.NumberFormat, as many decimals as the exponent, without a float on the way', () => {
    expect(formatMoney(123456)).toBe('¥1,234.56');
    expect(formatMoney(123456, 'KES')).toBe('KES 1,234.56');
    expect(formatMoney(1500, 'UGX')).toBe('UGX 1,500');
    expect(formatMoney(-5, 'KES')).toBe('-KES 0.05');
    expect(formatMoney(9_007_199_254_740_991, 'KES')).toBe('KES 90,071,992,547,409.91');
    expect(formatMoney(123456, 'KES', 'en-KE')).toBe('Ksh 1,234.56');
  });

  it('converts between minor units and decimal strings by the exponent', () => {
    expect(minorToMajorString(123456, 'CNY')).toBe('1234.56');
    expect(minorToMajorString(-5, 'KES')).toBe('-0.05');
    expect(minorToMajorString(1500, 'UGX')).toBe('1500');
    expect(parseMajorToMinor('12.5', 'CNY')).toBe(1250);
    expect(parseMajorToMinor('1500', 'UGX')).toBe(1500);
    expect(parseMajorToMinor('12.5', 'UGX')).toBeNull();
    expect(parseMajorToMinor('12.345', 'KES')).toBeNull();
    expect(parseMajorToMinor('abc', 'KES')).toBeNull();
  });
});
