import { runRegionsCommand } from '../../libs/regions/src/regions-cli';
import { createListing, createUser } from '@farmlink/testing';
import { PHONE, screenshot, useBrowserApp } from './browser';

/*
 * A second market in the shop (#17): a Kenyan listing shows its price in KES on its page, in the
 * cart (lines and total) — never as ¥, which is the China market's.
 */
describe('Browser: amounts in the listing market’s currency', () => {
  const { t, open } = useBrowserApp(['GET /api/markets']);

  it('a Kenyan listing is priced in KES on its page and in the cart', async () => {
    const quiet = () => undefined;
    expect(await runRegionsCommand(t.db, ['add-market', 'ke', 'KE', 'KES', 'Africa/Nairobi', 'en,sw', 'county=county'], quiet)).toBe(0);
    expect(await runRegionsCommand(t.db, ['import', 'ke', 'libs/regions/data/ke-iso-3166-2.csv'], quiet)).toBe(0);
    const farmer = await createUser(t, 'farmer', { countyCode: 'KE-32', displayName: 'Wanjiru' }); // Nandi
    const listing = await createListing(t, farmer, { title: 'Nandi tea', priceCents: 45000, stock: 20 }); // KES 450.00
    const buyer = await createUser(t, 'buyer');

    const { page } = await open({ viewport: PHONE, lang: 'en', user: buyer });
    await page.goto(`/listings/${listing.id}`);
    await page.getByRole('heading', { name: 'Nandi tea' }).waitFor();
    await page.getByText(/KES\s?450\.00/).first().waitFor();
    expect(await page.getByText('¥').count()).toBe(0);
    await page.getByRole('button', { name: 'Add to cart' }).click();

    await page.goto('/cart');
    await page.getByTestId('cart-total').getByText(/KES\s?450\.00/).waitFor();
    expect(await page.locator('main').getByText('¥').count()).toBe(0);
    await screenshot(page, 'market-currency-cart-en-phone');
  });
});
