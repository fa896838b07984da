import { shippingCents, type ShippingRate } from './shipping';

const rate = (r: Partial<ShippingRate> & { provinceCode: string }): ShippingRate => ({ baseCents: 0, perKgCents: 0, freeAboveCents: null, noDelivery: false, ...r });

describe('shipping', () => {
  it('a seller without rates ships free', () => {
    expect(shippingCents([], '520000', 5000, 12_000)).toBe(0);
  });
  it('charges base + per started kg (ceil), the province rate before the * rate', () => {
    const rates = [rate({ provinceCode: '*', baseCents: 1000, perKgCents: 100 }), rate({ provinceCode: '520000', baseCents: 500, perKgCents: 200 })];
    expect(shippingCents(rates, '520000', 100, 1000)).toBe(500 + 200);
    expect(shippingCents(rates, '520000', 100, 1001)).toBe(500 + 2 * 200);
    expect(shippingCents(rates, '110000', 100, 2500)).toBe(1000 + 3 * 100);
    expect(shippingCents(rates, '110000', 100, 0)).toBe(1000);
  });
  it('is free at or above freeAboveCents, compared with the goods total', () => {
    const rates = [rate({ provinceCode: '*', baseCents: 800, perKgCents: 100, freeAboveCents: 10_000 })];
    expect(shippingCents(rates, '110000', 9_999, 500)).toBe(900);
    expect(shippingCents(rates, '110000', 10_000, 500)).toBe(0);
  });
  it('null when the seller does not deliver there; free when no rate matches and there is no * rate', () => {
    const rates = [rate({ provinceCode: '650000', noDelivery: true }), rate({ provinceCode: '520000', baseCents: 300 })];
    expect(shippingCents(rates, '650000', 100, 100)).toBeNull();
    expect(shippingCents(rates, '110000', 100, 100)).toBe(0);
  });
  it("a market's own first-level codes work the same (a Kenyan county, KE-30)", () => {
    const rates = [rate({ provinceCode: 'KE-01', noDelivery: true }), rate({ provinceCode: 'KE-30', baseCents: 20000, perKgCents: 5000 })];
    expect(shippingCents(rates, 'KE-30', 100, 2500)).toBe(35000);
    expect(shippingCents(rates, 'KE-01', 100, 100)).toBeNull();
  });
});
