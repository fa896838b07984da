export const REGION_LEVELS = ['province', 'prefecture', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/**
 * A region code of any market: GB/T 2260 (six digits; the province is the first two, the
 * prefecture the first four) in the default market `cn`; another market's own codes, e.g.
 * ISO 3166-2 `KE-30` (a country, then up to three segments).
 */
export const REGION_CODE_PATTERN = /^(?:\d{6}|[A-Z]{2}(?:-[A-Z0-9]{1,8}){1,3})$/;

/** GB/T 2260 only: six digits. */
export const GBT2260_CODE_PATTERN = /^\d{6}$/;

export function provinceCodeOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

export function prefectureCodeOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

/** The level implied by a six-digit code's trailing zeros. */
export function levelOfCode(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}
