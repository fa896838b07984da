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
