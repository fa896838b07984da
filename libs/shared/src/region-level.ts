export const REGION_LEVELS = ['province', 'prefecture', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** GB/T 2260 codes: six digits; the province is the first two, the prefecture the first four. */
export const REGION_CODE_PATTERN = /^\d{6}$/;

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
