import { useEffect, useState, type FormEvent } from 'react';
import { DEFAULT_CURRENCY, DEFAULT_MARKET, REGION_LEVELS } from '@farmlink/shared';
import { cooperatives, regions, sellers, type Region, type ShippingRate } from '../../api';
import { ErrorNotice, FormNotice, Loading, PageTitle } from '../../components/ui';
import { errorText, minorToInput, parseAmount, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';

interface Row {
  provinceCode: string;
  base: string;
  perKg: string;
  freeAbove: string;
  noDelivery: boolean;
}

const toInput = minorToInput;

const toRow = (r: ShippingRate, currency: string): Row => ({
  provinceCode: r.provinceCode,
  base: toInput(r.baseCents, currency),
  perKg: toInput(r.perKgCents, currency),
  freeAbove: r.freeAboveCents === null ? '' : toInput(r.freeAboveCents, currency),
  noDelivery: r.noDelivery,
});

/**
 * A market's first-level regions (no parent), which rates are set for: cn's provinces, Kenya's
 * counties. The highest level the market has (one request for cn, as before).
 */
async function firstLevelRegions(market: string): Promise<Region[]> {
  for (const level of REGION_LEVELS) {
    const found = (await regions.list({ market, level })).filter((r) => r.parentCode === null);
    if (found.length > 0) return found;
  }
  return [];
}

/**
 * The seller's shipping rates by destination province ('*': every other province): a base fee, a
 * fee per started kg, free from an order value, or no delivery. No rates: shipping is free.
 * A cooperative's manager sets the cooperative's rates here too. "Province" is a first-level
 * region of the seller's market (cn: a province; ke: a county), amounts are in its currency.
 * China keeps its wording (provinces, yuan); another market's page speaks of regions and its currency.
 */
export default function ShippingRatesPage() {
  const { t, money } = useI18n();
  const { user } = useAuth();
  const managed = useAsync(() => cooperatives.mine().then((list) => list.filter((c) => c.managerId === user?.id)).catch(() => []), [user?.id]);
  const [sellerId, setSellerId] = useState(''); // '' = myself, else a cooperative id
  const current = useAsync(() => sellers.shippingRates(sellerId || undefined), [sellerId]);
  const market = current.data?.marketCode ?? user?.marketCode ?? DEFAULT_MARKET;
  const currency = current.data?.currency ?? DEFAULT_CURRENCY;
  const provinces = useAsync(() => firstLevelRegions(market), [market]);
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (current.data) setRows(current.data.rates.map((r) => toRow(r, current.data!.currency)));
  }, [current.data]);

  if (current.error) return <ErrorNotice error={current.error} onRetry={current.reload} />;
  if (provinces.error) return <ErrorNotice error={provinces.error} onRetry={provinces.reload} />;
  if (!current.data || !provinces.data) return <Loading />;

  const cn = market === DEFAULT_MARKET && currency === 'CNY';
  const parse = (text: string) => parseAmount(text, currency);
  const zero = toInput(0, currency);
  const words = {
    intro: cn ? t('shipping.intro') : t('shipping.introRegion'),
    province: cn ? t('shipping.province') : t('shipping.region'),
    others: cn ? t('shipping.otherProvinces') : t('shipping.otherRegions'),
    noDelivery: cn ? t('shipping.noDelivery') : t('shipping.noDeliveryRegion'),
    base: cn ? t('shipping.base') : t('shipping.baseIn', { currency }),
    perKg: cn ? t('shipping.perKg') : t('shipping.perKgIn', { currency }),
    freeAbove: cn ? t('shipping.freeAbove') : t('shipping.freeAboveIn', { currency }),
    badAmount: cn ? t('shipping.badAmount') : t('shipping.badAmountIn', { currency, example: toInput(800, currency) }),
  };

  const set = (i: number, patch: Partial<Row>) => {
    setSaved('');
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const used = new Set(rows.map((r) => r.provinceCode));
  const addRow = () => {
    const next = used.has('*') ? provinces.data!.find((p) => !used.has(p.code))?.code : '*';
    if (next) setRows((rs) => [...rs, { provinceCode: next, base: zero, perKg: zero, freeAbove: '', noDelivery: false }]);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError('');
    setSaved('');
    const body = [];
    for (const r of rows) {
      const baseCents = parse(r.base || '0');
      const perKgCents = parse(r.perKg || '0');
      const freeAboveCents = r.freeAbove.trim() ? parse(r.freeAbove) : null;
      if (baseCents === null || perKgCents === null || (r.freeAbove.trim() && freeAboveCents === null)) {
        setError(words.badAmount);
        return;
      }
      body.push({ provinceCode: r.provinceCode, baseCents, perKgCents, freeAboveCents, noDelivery: r.noDelivery });
    }
    if (new Set(body.map((b) => b.provinceCode)).size !== body.length) {
      setError(t('shipping.duplicate'));
      return;
    }
    setBusy(true);
    try {
      const answer = await sellers.setShippingRates(body, sellerId || undefined);
      setRows(answer.rates.map((r) => toRow(r, answer.currency)));
      setSaved(t('shipping.saved'));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const provinceName = (code: string) => (code === '*' ? words.others : provinces.data!.find((p) => p.code === code)?.name ?? code);
  return (
    <div className="narrow narrow--wide shipping-rates" data-market={market} data-currency={currency}>
      <PageTitle back={{ to: '/farm', label: t('nav.farm') }}>{t('shipping.title')}</PageTitle>
      <p className="muted">{words.intro}</p>
      {managed.data && managed.data.length > 0 && (
        <label className="field">
          <span>{t('shipping.seller')}</span>
          <select value={sellerId} onChange={(e) => setSellerId(e.target.value)} data-testid="shipping-seller">
            <option value="">{t('shipping.myself')}</option>
            {managed.data.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <form className="card form" onSubmit={submit} noValidate>
        {rows.length === 0 && <p data-testid="shipping-free">{t('shipping.noneFree')}</p>}
        {rows.map((r, i) => (
          <fieldset key={i} className="shipping-rate" data-testid="shipping-rate">
            <legend>{provinceName(r.provinceCode)}</legend>
            <label className="field">
              <span>{words.province}</span>
              <select value={r.provinceCode} onChange={(e) => set(i, { provinceCode: e.target.value })} name={`province-${i}`}>
                <option value="*">{words.others}</option>
                {provinces.data!.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={r.noDelivery} onChange={(e) => set(i, { noDelivery: e.target.checked })} name={`no-delivery-${i}`} /> {words.noDelivery}
            </label>
            {!r.noDelivery && (
              <div className="shipping-rate__money">
                <label className="field">
                  <span>{words.base}</span>
                  <input inputMode="decimal" value={r.base} onChange={(e) => set(i, { base: e.target.value })} name={`base-${i}`} />
                </label>
                <label className="field">
                  <span>{words.perKg}</span>
                  <input inputMode="decimal" value={r.perKg} onChange={(e) => set(i, { perKg: e.target.value })} name={`per-kg-${i}`} />
                </label>
                <label className="field">
                  <span>{words.freeAbove}</span>
                  <input inputMode="decimal" value={r.freeAbove} placeholder={t('shipping.freeAboveNone')} onChange={(e) => set(i, { freeAbove: e.target.value })} name={`free-above-${i}`} />
                </label>
              </div>
            )}
            {!r.noDelivery && parse(r.base || '0') !== null && parse(r.perKg || '0') !== null && (
              <p className="muted" data-testid="shipping-example">{t('shipping.example', { fee: money(parse(r.base || '0')! + 3 * parse(r.perKg || '0')!, currency) })}</p>
            )}
            <button type="button" className="btn btn--small" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
              {t('shipping.remove')}
            </button>
          </fieldset>
        ))}
        <button type="button" className="btn" onClick={addRow} data-testid="shipping-add">
          {t('shipping.add')}
        </button>
        <FormNotice text={error} />
        <FormNotice text={saved} ok />
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? t('common.working') : t('common.save')}
        </button>
      </form>
    </div>
  );
}
