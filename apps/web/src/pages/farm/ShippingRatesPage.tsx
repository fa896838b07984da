import { useEffect, useState, type FormEvent } from 'react';
import { cooperatives, regions, sellers, type ShippingRate } from '../../api';
import { ErrorNotice, FormNotice, Loading, PageTitle } from '../../components/ui';
import { centsToYuanInput, errorText, parseYuan, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';

interface Row {
  provinceCode: string;
  base: string;
  perKg: string;
  freeAbove: string;
  noDelivery: boolean;
}

const toRow = (r: ShippingRate): Row => ({
  provinceCode: r.provinceCode,
  base: centsToYuanInput(r.baseCents),
  perKg: centsToYuanInput(r.perKgCents),
  freeAbove: r.freeAboveCents === null ? '' : centsToYuanInput(r.freeAboveCents),
  noDelivery: r.noDelivery,
});

/**
 * The seller's shipping rates by destination province ('*': every other province): a base fee, a
 * fee per started kg, free from an order value, or no delivery. No rates: shipping is free.
 * A cooperative's manager sets the cooperative's rates here too.
 */
export default function ShippingRatesPage() {
  const { t, money } = useI18n();
  const { user } = useAuth();
  const provinces = useAsync(() => regions.list({ level: 'province' }), []);
  const managed = useAsync(() => cooperatives.mine().then((list) => list.filter((c) => c.managerId === user?.id)).catch(() => []), [user?.id]);
  const [sellerId, setSellerId] = useState(''); // '' = myself, else a cooperative id
  const current = useAsync(() => sellers.shippingRates(sellerId || undefined), [sellerId]);
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (current.data) setRows(current.data.rates.map(toRow));
  }, [current.data]);

  if (current.error) return <ErrorNotice error={current.error} onRetry={current.reload} />;
  if (!current.data || !provinces.data) return <Loading />;

  const set = (i: number, patch: Partial<Row>) => {
    setSaved('');
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  const used = new Set(rows.map((r) => r.provinceCode));
  const addRow = () => {
    const next = used.has('*') ? provinces.data!.find((p) => !used.has(p.code))?.code : '*';
    if (next) setRows((rs) => [...rs, { provinceCode: next, base: '0.00', perKg: '0.00', freeAbove: '', noDelivery: false }]);
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError('');
    setSaved('');
    const body = [];
    for (const r of rows) {
      const baseCents = parseYuan(r.base || '0');
      const perKgCents = parseYuan(r.perKg || '0');
      const freeAboveCents = r.freeAbove.trim() ? parseYuan(r.freeAbove) : null;
      if (baseCents === null || perKgCents === null || (r.freeAbove.trim() && freeAboveCents === null)) {
        setError(t('shipping.badAmount'));
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
      setRows(answer.rates.map(toRow));
      setSaved(t('shipping.saved'));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  const provinceName = (code: string) => (code === '*' ? t('shipping.otherProvinces') : provinces.data!.find((p) => p.code === code)?.name ?? code);
  return (
    <div className="narrow narrow--wide shipping-rates">
      <PageTitle back={{ to: '/farm', label: t('nav.farm') }}>{t('shipping.title')}</PageTitle>
      <p className="muted">{t('shipping.intro')}</p>
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
              <span>{t('shipping.province')}</span>
              <select value={r.provinceCode} onChange={(e) => set(i, { provinceCode: e.target.value })} name={`province-${i}`}>
                <option value="*">{t('shipping.otherProvinces')}</option>
                {provinces.data!.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={r.noDelivery} onChange={(e) => set(i, { noDelivery: e.target.checked })} name={`no-delivery-${i}`} /> {t('shipping.noDelivery')}
            </label>
            {!r.noDelivery && (
              <div className="shipping-rate__money">
                <label className="field">
                  <span>{t('shipping.base')}</span>
                  <input inputMode="decimal" value={r.base} onChange={(e) => set(i, { base: e.target.value })} name={`base-${i}`} />
                </label>
                <label className="field">
                  <span>{t('shipping.perKg')}</span>
                  <input inputMode="decimal" value={r.perKg} onChange={(e) => set(i, { perKg: e.target.value })} name={`per-kg-${i}`} />
                </label>
                <label className="field">
                  <span>{t('shipping.freeAbove')}</span>
                  <input inputMode="decimal" value={r.freeAbove} placeholder={t('shipping.freeAboveNone')} onChange={(e) => set(i, { freeAbove: e.target.value })} name={`free-above-${i}`} />
                </label>
              </div>
            )}
            {!r.noDelivery && parseYuan(r.base || '0') !== null && parseYuan(r.perKg || '0') !== null && (
              <p className="muted">{t('shipping.example', { fee: money(parseYuan(r.base || '0')! + 3 * parseYuan(r.perKg || '0')!) })}</p>
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
