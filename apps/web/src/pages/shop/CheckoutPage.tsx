import { DEFAULT_MARKET, isAddressPhone, PHONE_PATTERN } from '@farmlink/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { account, ApiError, checkouts, type Address, type Checkout } from '../../api';
import { RegionPicker } from '../../components/RegionPicker';
import { Field, FormNotice, LineItems, PageTitle } from '../../components/ui';
import { errorText, fieldFlags, newIdempotencyKey } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';
import { useCart } from '../../state/cart';
import { addressesIn, chosenCountyIn, EmptyCart, groupBySeller, parcelTitle, useShippingQuote } from './CartPage';
import { CountyName } from '../account/AccountPage';

export const CHECKOUT_STORAGE_PREFIX = 'farmlink.checkout.';

type Errors = Partial<Record<'name' | 'phone' | 'countyCode' | 'line1' | 'form', string>>;

export default function CheckoutPage() {
  const { t, money } = useI18n();
  const { user } = useAuth();
  const cart = useCart();
  const navigate = useNavigate();
  const [name, setName] = useState(user?.displayName ?? '');
  const [phone, setPhone] = useState(user?.phone ?? '');
  const [countyCode, setCountyCode] = useState('');
  const [line1, setLine1] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  // The address book: the default fills the form; "a new address" (``) clears it, with a tick to save it.
  const [saved, setSaved] = useState<Address[]>([]);
  const [savedId, setSavedId] = useState('');
  const [saveIt, setSaveIt] = useState(false);
  const fillFrom = (a: Address | undefined) => {
    setSavedId(a?.id ?? '');
    setName(a?.name ?? user?.displayName ?? '');
    setPhone(a?.phone ?? user?.phone ?? '');
    setCountyCode(a?.countyCode ?? '');
    setLine1(a?.line1 ?? '');
  };
  useEffect(() => {
    let live = true;
    // Only addresses in the cart's market: a checkout's address is in its listings' market.
    addressesIn(cart.market)
      .then(async (list) => {
        if (!live) return;
        setSaved(list);
        const preferred = list.find((a) => a.isDefault);
        if (preferred) return fillFrom(preferred);
        const chosen = await chosenCountyIn(cart.market); // the county chosen on the cart page
        if (live && chosen) setCountyCode((c) => c || chosen);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Each seller's shipping for this cart and county, from the server (the checkout charges the same computation).
  const quote = useShippingQuote(countyCode, true);
  const totalCents = quote?.deliverable ? quote.totalCents : cart.totalCents;
  const currency = cart.lines[0]?.currency; // one market per checkout (the API refuses a mix)
  // One key per attempt at this cart: a retry after a lost answer is recognised, not charged twice.
  const key = useRef(newIdempotencyKey());

  if (cart.lines.length === 0) return <EmptyCart title={t('checkout.title')} />;

  const validate = (): Errors => {
    const e: Errors = {};
    if (!name.trim()) e.name = t('validation.required');
    if (!PHONE_PATTERN.test(phone.trim())) e.phone = t('validation.phone');
    else if (!savedId && saveIt && !isAddressPhone(phone.trim(), cart.market ?? DEFAULT_MARKET)) e.phone = t('validation.mobile'); // cn's address book keeps mobile numbers
    if (!countyCode) e.countyCode = t('validation.county');
    if (line1.trim().length < 2) e.line1 = t('validation.required');
    return e;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      if (!savedId && saveIt) {
        const added = await account.addAddress({ name: name.trim(), phone: phone.trim(), countyCode, line1: line1.trim() });
        setSaved((list) => [...list, added]);
        setSavedId(added.id);
        setSaveIt(false);
      }
      const result: Checkout = await checkouts.create(
        {
          items: cart.lines.map((l) => ({ listingId: l.listingId, quantity: l.quantity })),
          shippingAddress: { name: name.trim(), phone: phone.trim(), countyCode, line1: line1.trim() },
        },
        key.current,
      );
      sessionStorage.setItem(CHECKOUT_STORAGE_PREFIX + result.payment.id, JSON.stringify(result));
      cart.clear();
      navigate(`/pay/${result.payment.id}`, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const ids = (err.body?.listingIds as string[] | undefined) ?? [];
        const titles = cart.lines.filter((l) => ids.includes(l.listingId)).map((l) => l.title);
        setErrors({ form: titles.length ? t('checkout.shortOfStock', { titles: titles.join('、') }) : errorText(err, t) });
        key.current = newIdempotencyKey();
      } else if (err instanceof ApiError && err.status === 400) {
        const f = fieldFlags(err, t);
        setErrors({ name: f.name, phone: f.phone, countyCode: f.countyCode, line1: f.line1, form: errorText(err, t) });
        key.current = newIdempotencyKey();
      } else {
        setErrors({ form: errorText(err, t) });
      }
    } finally {
      setBusy(false);
    }
  };

  const groups = groupBySeller(cart.lines);
  return (
    <div className="checkout">
      <PageTitle back={{ to: '/cart', label: t('cart.title') }}>{t('checkout.title')}</PageTitle>
      <div className="two-col">
        <form className="card form" onSubmit={submit} noValidate aria-describedby={errors.form ? 'checkout-error' : undefined}>
          <h2>{t('checkout.shippingAddress')}</h2>
          {saved.length > 0 && (
            <fieldset className="saved-addresses">
              <legend>{t('checkout.savedAddress')}</legend>
              {saved.map((a) => (
                <label key={a.id} className="radio-card">
                  <input type="radio" name="saved-address" checked={savedId === a.id} onChange={() => fillFrom(a)} />
                  <span>
                    <strong>{a.name}</strong> {a.phone}
                    <br />
                    <span className="muted">
                      <CountyName code={a.countyCode} /> {a.line1}
                    </span>
                  </span>
                </label>
              ))}
              <label className="radio-card">
                <input type="radio" name="saved-address" checked={savedId === ''} onChange={() => fillFrom(undefined)} />
                <span>{t('checkout.newAddress')}</span>
              </label>
            </fieldset>
          )}
          <Field label={t('checkout.recipient')} error={errors.name}>
            <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" maxLength={100} />
          </Field>
          <Field label={t('checkout.phone')} error={errors.phone}>
            <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="tel" inputMode="tel" />
          </Field>
          <RegionPicker legend={t('checkout.county')} value={countyCode} market={cart.market} onChange={setCountyCode} error={errors.countyCode} />
          <Field label={t('checkout.line1')} error={errors.line1} hint={t('checkout.line1Hint')}>
            <input value={line1} onChange={(e) => setLine1(e.target.value)} autoComplete="street-address" maxLength={200} />
          </Field>
          {!savedId && (
            <label className="checkbox">
              <input type="checkbox" checked={saveIt} onChange={(e) => setSaveIt(e.target.checked)} /> {t('checkout.saveAddress')}
            </label>
          )}
          <FormNotice id="checkout-error" text={errors.form} />
          <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
            {busy ? t('common.working') : t('checkout.placeOrder', { total: money(totalCents, currency) })}
          </button>
        </form>
        <aside className="card">
          <h2>{t('checkout.summary')}</h2>
          <p className="muted">{t('checkout.ordersWillBe', { n: groups.length })}</p>
          {groups.map((group, gi) => {
            const q = quote?.orders.find((o) => o.listingIds.includes(group[0].listingId));
            return (
              <div key={group[0].sellerKey} className="checkout-parcel" data-testid="checkout-parcel">
                <h3 className="checkout-parcel__title">{parcelTitle(group, gi + 1, t)}</h3>
                <LineItems lines={group.map((l) => ({ key: l.listingId, title: l.title, quantity: l.quantity, totalCents: l.priceCents * l.quantity }))} currency={currency} />
                {q && q.shippingCents === null && <p className="notice notice--error checkout-parcel__shipping" data-testid="parcel-no-delivery">{t('shipping.noDeliveryHere', { seller: q.sellerName })}</p>}
                {q && q.shippingCents !== null && (
                  <p className="row-between checkout-parcel__shipping" data-testid="parcel-shipping">
                    <span>{t('shipping.fee')}</span>
                    <span>{q.shippingCents > 0 ? money(q.shippingCents, currency) : t('shipping.free')}</span>
                  </p>
                )}
              </div>
            );
          })}
          {!quote && <p className="muted">{t('shipping.chooseCounty')}</p>}
          {quote && (
            <>
              <p className="row-between">
                <span>{t('checkout.goods')}</span>
                <span>{money(quote.goodsCents, currency)}</span>
              </p>
              <p className="row-between" data-testid="checkout-shipping">
                <span>{t('shipping.fee')}</span>
                <span>{quote.shippingCents > 0 ? money(quote.shippingCents, currency) : t('shipping.free')}</span>
              </p>
            </>
          )}
          <p className="row-between summary__total">
            <span>{t('cart.total')}</span>
            <strong data-testid="checkout-total">{money(totalCents, currency)}</strong>
          </p>
        </aside>
      </div>
    </div>
  );
}
