/**
 * Markets: a deployment serves one or more (#17). Each has a country, a currency (ISO 4217), the
 * zone of its report dates, its locales and its own regions. `cn` is the default: a row without
 * a market is in it.
 */
export const DEFAULT_MARKET = 'cn';

/** A market code: lower-case letters, e.g. `cn`, `ke`. */
export const MARKET_CODE_PATTERN = /^[a-z]{2,8}$/;

export interface Market {
  code: string;
  /** ISO 3166-1 alpha-2, e.g. CN, KE. */
  country: string;
  /** ISO 4217, e.g. CNY, KES. */
  currency: string;
  /** IANA zone whose calendar dates the market's reports use, e.g. Asia/Shanghai, Africa/Nairobi. */
  timeZone: string;
  /** BCP 47 tags, the market's first language first, e.g. ['zh-CN', 'en']. */
  locales: string[];
}

/** A mainland Chinese mobile number: 11 digits, 13x–19x (the cn market's delivery phones). */
export const CN_MOBILE = /^1[3-9]\d{9}$/;

/** Any phone number as people type it: digits, spaces, brackets and dashes, an optional leading +. */
export const PHONE_PATTERN = /^\+?[0-9 ()-]{5,20}$/;

/**
 * Whether `phone` may be saved as a delivery phone in `marketCode`: a mainland mobile number in cn
 * (couriers text it), any phone number elsewhere (the API also checks it against the market's
 * country numbering plan).
 */
export function isAddressPhone(phone: string, marketCode: string): boolean {
  return marketCode === DEFAULT_MARKET ? CN_MOBILE.test(phone) : PHONE_PATTERN.test(phone);
}
