/**
 * Readable order numbers, `FL-7K3M9-Q`: Crockford base32 (no I, L, O, U) and a check symbol.
 * The database makes them (order_no_of() in migration 1780000000077); this is the same rule in
 * TypeScript, for tests and for reading what people type.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SPAN = 32 ** 5;

/** The order number of the n-th order (the same as the SQL function order_no_of). */
export function formatOrderNo(n: number): string {
  let v = n < SPAN ? Number((BigInt(n) * 15485863n + 7654321n) % BigInt(SPAN)) : n;
  let body = '';
  do {
    body = ALPHABET[v % 32] + body;
    v = Math.floor(v / 32);
  } while (v > 0);
  body = body.padStart(5, '0');
  return `FL-${body}-${checkSymbol(body)}`;
}

function checkSymbol(body: string): string {
  let s = 0;
  for (let i = 0; i < body.length; i++) s += ALPHABET.indexOf(body[i]) * (2 * i + 1);
  return ALPHABET[s % 32];
}

/**
 * What someone typed or read out ("fl 7k3m9q", "7K3M9-Q", "7k3m", with O for 0 and I or L for 1)
 * as the beginning of an order number in its written form (`FL-7K3M9-Q`, `FL-7K3M`), or null when
 * it cannot be one (other letters, nothing left).
 */
export function orderNoPrefix(typed: string): string | null {
  let s = typed.toUpperCase().replace(/[\s\-_.]/g, '');
  if (s.startsWith('FL')) s = s.slice(2);
  s = s.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (s.length === 0 || s.length > 12 || !/^[0-9A-HJKMNP-TV-Z]+$/.test(s)) return null;
  return s.length <= 5 ? `FL-${s}` : `FL-${s.slice(0, s.length - 1)}-${s.slice(-1)}`;
}

/** Whether a written order number's check symbol agrees with its body. */
export function isValidOrderNo(no: string): boolean {
  const m = /^FL-([0-9A-HJKMNP-TV-Z]{5,})-([0-9A-HJKMNP-TV-Z])$/.exec(no);
  return !!m && checkSymbol(m[1]) === m[2];
}
