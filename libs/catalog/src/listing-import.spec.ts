import { priceToMinor, validateImportRows } from './listing-import';

describe('Listing import: prices in the farmer\'s currency', () => {
  it('reads a price by the currency\'s decimals (yuan and KES two, UGX none)', () => {
    expect(priceToMinor('48.00')).toBe(4800);
    expect(priceToMinor('¥48')).toBe(4800);
    expect(priceToMinor('48.5', 'KES')).toBe(4850);
    expect(priceToMinor('25000', 'UGX')).toBe(25000);
    for (const [text, currency] of [['48.005', 'CNY'], ['12.5', 'UGX'], ['-3', 'KES'], ['1e3', 'CNY'], ['', 'CNY'], ['48,00', 'CNY']]) {
      expect(priceToMinor(text, currency)).toBeNull();
    }
  });

  it('says what a refused price should hold, in the currency\'s words (cn keeps its own)', async () => {
    const headers = ['title', 'category', 'unit', 'netWeightGrams', 'price', 'stock'];
    const row = (price: string) => [{ row: 2, cells: ['Matooke', 'vegetables', 'bunch', '10000', price, '5'] }];
    const [ugOk] = await validateImportRows(headers, row('25000'), 'UGX');
    expect(ugOk.listing).toMatchObject({ priceCents: 25000 });
    const [ugBad] = await validateImportRows(headers, row('12.5'), 'UGX');
    expect(ugBad.errors).toEqual([{ field: 'price', message: 'price must be a whole number of UGX, e.g. 48' }]);
    const [keBad] = await validateImportRows(headers, row('1.234'), 'KES');
    expect(keBad.errors).toEqual([{ field: 'price', message: 'price must be in KES with at most 2 decimals, e.g. 48.00' }]);
    const [cnBad] = await validateImportRows(headers, row('1.234'));
    expect(cnBad.errors).toEqual([{ field: 'price', message: 'price must be in yuan with at most two decimals, e.g. 48.00' }]);
  });
});
