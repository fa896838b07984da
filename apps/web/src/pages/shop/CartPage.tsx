import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { account, checkouts, regions, type Address, type CheckoutQuote } from '../../api';
import { RegionPicker } from '../../components/RegionPicker';
import { listingPath } from '../../components/links';
import { Empty, PageTitle, ProduceImage } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';
import { useCart, type CartLine } from '../../state/cart';

/** "Parcel 2 · 桐梓县方竹笋合作社": a parcel's heading, with its seller's name when the cart knows it. */
export function parcelTitle(group: CartLine[], n: number, t: ReturnType<typeof useI18n>['t']): string {
  const seller = group.find((l) => l.sellerName)?.sellerName;
  return seller ? t('cart.shipmentFrom', { n, seller }) : t('cart.shipment', { n });
}

export function groupBySeller(lines: CartLine[]): CartLine[][] {
  const groups = new Map<string, CartLine[]>();
  for (const l of lines) groups.set(l.sellerKey, [...(groups.get(l.sellerKey) ?? []), l]);
  return [...groups.values()];
}

/** The cart page's and the checkout's answer to an empty cart. */
export function EmptyCart({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Empty>
        {t('cart.empty')} <Link to="/">{t('nav.backToShop')}</Link>
      </Empty>
    </>
  );
}

/** The buyer's saved addresses in `market` (a checkout's address is in its listings' market); all of them without one. */
export async function addressesIn(market: string | undefined): Promise<Address[]> {
  const list = await account.addresses();
  if (!market) return list;
  const inMarket = await Promise.all(list.map((a) => regions.inMarket(a.countyCode, market)));
  return list.filter((_, i) => inMarket[i]);
}

/** The county a buyer chose on the cart page for the shipping estimate (the checkout starts from it when there is no saved address). */
export const CART_COUNTY_KEY = 'farmlink.cart.county';

/** The county chosen on the cart page when it is in `market` (a cart of another market's may have been there before), else ''. */
export async function chosenCountyIn(market: string | undefined): Promise<string> {
  const chosen = sessionStorage.getItem(CART_COUNTY_KEY);
  return chosen && (!market || (await regions.inMarket(chosen, market))) ? chosen : '';
}

/**
 * Each seller's shipping for the cart to `countyCode`, from the server (POST /api/checkouts/quote, the same
 * computation the checkout charges): null until a county is known, and for anyone but a buyer.
 */
export function useShippingQuote(countyCode: string, enabled: boolean): CheckoutQuote | null {
  const cart = useCart();
  const [quote, setQuote] = useState<CheckoutQuote | null>(null);
  const items = cart.lines.map((l) => `${l.listingId}:${l.quantity}`).join(',');
  useEffect(() => {
    setQuote(null);
    if (!enabled || !countyCode || cart.lines.length === 0) return;
    let live = true;
    checkouts
      .quote({ items: cart.lines.map((l) => ({ listingId: l.listingId, quantity: l.quantity })), shippingAddress: { countyCode } })
      .then((q) => live && setQuote(q))
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [countyCode, items, enabled]);
  return quote;
}

export default function CartPage() {
  const { t, money, unit } = useI18n();
  const cart = useCart();
  const { user } = useAuth();
  const navigate = useNavigate();
  const isBuyer = user?.role === 'buyer';
  // Where to: the county chosen here before, else the buyer's default saved address (either in the cart's market).
  const [countyCode, setCountyCode] = useState('');
  useEffect(() => {
    let live = true;
    const market = cart.market;
    (async () => (await chosenCountyIn(market)) || (isBuyer ? ((await addressesIn(market)).find((a) => a.isDefault)?.countyCode ?? '') : ''))()
      .then((code) => live && code && setCountyCode((c) => c || code))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [isBuyer, cart.market]);
  const chooseCounty = (code: string) => {
    setCountyCode(code);
    if (code) sessionStorage.setItem(CART_COUNTY_KEY, code);
    else sessionStorage.removeItem(CART_COUNTY_KEY);
  };
  const quote = useShippingQuote(countyCode, isBuyer);
  if (cart.lines.length === 0) return <EmptyCart title={t('cart.title')} />;
  const groups = groupBySeller(cart.lines);
  return (
    <div className="cart">
      <PageTitle>{t('cart.title')}</PageTitle>
      {groups.length > 1 && <p className="notice notice--info">{t('cart.severalSellers', { n: groups.length })}</p>}
      {groups.map((group, gi) => (
        <section key={group[0].sellerKey} className="card cart-group" aria-label={parcelTitle(group, gi + 1, t)}>
          <h2 className="cart-group__title">{parcelTitle(group, gi + 1, t)}</h2>
          <ul className="cart-lines">
            {group.map((l) => (
              <li key={l.listingId} className="cart-line">
                <ProduceImage photo={l.photoUrl ? { url: l.photoUrl, width: 96, height: 96 } : undefined} alt="" sizes="64px" className="cart-line__img" />
                <div className="cart-line__info">
                  <Link to={listingPath({ id: l.listingId, slug: l.slug })}>{l.title}</Link>
                  <span className="muted">
                    {money(l.priceCents, l.currency)} / {unit(l.unit)}
                  </span>
                  {l.stock > 0 && l.quantity >= l.stock && (
                    <span className="cart-line__stock" role="status">
                      {t('cart.onlyLeft', { n: l.stock, unit: unit(l.unit) })}
                    </span>
                  )}
                </div>
                <div className="cart-line__qty">
                  <label className="visually-hidden" htmlFor={`q-${l.listingId}`}>
                    {t('cart.quantityOf', { title: l.title })}
                  </label>
                  <input id={`q-${l.listingId}`} type="number" inputMode="numeric" min={1} max={Math.max(l.stock, 1)} value={l.quantity} onChange={(e) => cart.setQuantity(l.listingId, Number(e.target.value))} />
                  <button type="button" className="btn btn--ghost btn--small" onClick={() => cart.remove(l.listingId)} aria-label={t('cart.removeItem', { title: l.title })}>
                    {t('cart.remove')}
                  </button>
                </div>
                <strong className="cart-line__total">{money(l.priceCents * l.quantity, l.currency)}</strong>
              </li>
            ))}
          </ul>
          {(() => {
            const q = quote?.orders.find((o) => o.listingIds.includes(group[0].listingId));
            if (!q) return null;
            if (q.shippingCents === null)
              return (
                <p className="notice notice--error" data-testid="cart-parcel-no-delivery">
                  {t('shipping.noDeliveryHere', { seller: q.sellerName })}
                </p>
              );
            return (
              <p className="row-between" data-testid="cart-parcel-shipping">
                <span>{t('shipping.fee')}</span>
                <span>{q.shippingCents > 0 ? money(q.shippingCents, cart.lines[0]?.currency) : t('shipping.free')}</span>
              </p>
            );
          })()}
        </section>
      ))}
      <div className="card summary">
        {isBuyer ? (
          <div data-testid="cart-destination">
            <RegionPicker legend={t('cart.shipTo')} value={countyCode} market={cart.market} onChange={chooseCounty} compact />
            {!countyCode && <p className="muted">{t('shipping.chooseCounty')}</p>}
          </div>
        ) : (
          !user && <p className="muted">{t('cart.shippingAfterSignIn')}</p>
        )}
        {quote && (
          <>
            <p className="row-between">
              <span>{t('checkout.goods')}</span>
              <span>{money(quote.goodsCents, cart.lines[0]?.currency)}</span>
            </p>
            <p className="row-between" data-testid="cart-shipping">
              <span>{t('shipping.fee')}</span>
              <span>{quote.shippingCents > 0 ? money(quote.shippingCents, cart.lines[0]?.currency) : t('shipping.free')}</span>
            </p>
          </>
        )}
        <p className="summary__total">
          {t('cart.total')} <strong data-testid="cart-total">{money(quote?.deliverable ? quote.totalCents : cart.totalCents, cart.lines[0]?.currency)}</strong>
        </p>
        {user && user.role !== 'buyer' ? (
          <p className="notice">{t('cart.buyersOnly')}</p>
        ) : (
          <button type="button" className="btn btn--primary btn--block" onClick={() => navigate(user ? '/checkout' : '/login?next=%2Fcheckout')}>
            {user ? t('cart.checkout') : t('cart.signInToCheckout')}
          </button>
        )}
      </div>
    </div>
  );
}
