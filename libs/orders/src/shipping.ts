/**
 * Shipping fees, as pure functions (unit-tested in shipping.spec.ts): a seller's rate for the
 * buyer's province (else its '*' rate), base + per started kg, free at or above `freeAboveCents`
 * (compared with the goods total), or no delivery at all. A seller without rates — or without a
 * rate for that province and no '*' rate — ships free.
 *
 * "Province" is the first-level region (no parent) of the market that the delivery county lies in:
 * a GB/T 2260 province in cn, the county itself in ke (ShippingService.provinceOf, from the
 * cached regions).
 */
export interface ShippingRate {
  provinceCode: string;
  baseCents: number;
  perKgCents: number;
  freeAboveCents: number | null;
  noDelivery: boolean;
}

export function rateFor(rates: ShippingRate[], provinceCode: string): ShippingRate | null {
  return rates.find((r) => r.provinceCode === provinceCode) ?? rates.find((r) => r.provinceCode === '*') ?? null;
}

/** The shipping of one order, or null when the seller does not deliver to that province. */
export function shippingCents(rates: ShippingRate[], provinceCode: string, goodsCents: number, weightGrams: number): number | null {
  const rate = rateFor(rates, provinceCode);
  if (!rate) return 0;
  if (rate.noDelivery) return null;
  if (rate.freeAboveCents !== null && goodsCents >= rate.freeAboveCents) return 0;
  const startedKg = Math.ceil(weightGrams / 1000);
  return rate.baseCents + rate.perKgCents * startedKg;
}
