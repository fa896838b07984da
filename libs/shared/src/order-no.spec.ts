import { formatOrderNo, isValidOrderNo, orderNoPrefix } from './order-no';

describe('readable order numbers', () => {
  it('are FL- + five Crockford base32 symbols + a check symbol, and differ for consecutive orders', () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 20000; n++) {
      const no = formatOrderNo(n);
      expect(no).toMatch(/^FL-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]$/);
      seen.add(no.slice(0, 8));
    }
    expect(seen.size).toBe(20000); // the body alone is unique (a bijection below 32^5)
    expect(formatOrderNo(32 ** 5 + 7)).toMatch(/^FL-[0-9A-Z]{6}-[0-9A-Z]$/); // beyond: longer, still unique
  });

  it('has a check symbol that catches every single mistyped symbol', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (const n of [1, 2, 999, 123456]) {
      const no = formatOrderNo(n);
      expect(isValidOrderNo(no)).toBe(true);
      for (let i = 3; i < 8; i++) {
        for (const c of alphabet) {
          if (c === no[i]) continue;
          expect(isValidOrderNo(no.slice(0, i) + c + no.slice(i + 1))).toBe(false);
        }
      }
    }
  });

  it('reads what people type: case, spaces, dashes, the FL prefix, O for 0 and I/L for 1', () => {
    expect(orderNoPrefix('FL-7K3M9-Q')).toBe('FL-7K3M9-Q');
    expect(orderNoPrefix('fl 7k3m9q')).toBe('FL-7K3M9-Q');
    expect(orderNoPrefix('7K3M9Q')).toBe('FL-7K3M9-Q');
    expect(orderNoPrefix('7k3m')).toBe('FL-7K3M');
    expect(orderNoPrefix('1O1l1')).toBe('FL-10111');
    expect(orderNoPrefix('FL-')).toBeNull();
    expect(orderNoPrefix('hello world!')).toBeNull();
    expect(orderNoPrefix('%')).toBeNull();
  });
});
