import { useCallback, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { listings, orders, type Order, type OrderStatus } from '../../api';
import { RegionName } from '../../components/RegionPicker';
import { OrderCard, OrderPages, orderNumber, Toast, useListParams } from '../../components/OrderCard';
import { Field, FormNotice, PageTitle } from '../../components/ui';
import { errorText, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';

const TABS: (OrderStatus | '')[] = ['', 'paid', 'shipped', 'delivered', 'pending_payment', 'cancelled'];

function ShipForm({ order, onShipped }: { order: Order; onShipped(): void }) {
  const { t } = useI18n();
  const [carrier, setCarrier] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (trackingNo.trim() && !/^[A-Za-z0-9-]{4,40}$/.test(trackingNo.trim())) {
      setError(t('validation.trackingNo'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await orders.ship(order.id, { ...(carrier.trim() ? { carrier: carrier.trim() } : {}), ...(trackingNo.trim() ? { trackingNo: trackingNo.trim() } : {}) });
      onShipped();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="ship-form" onSubmit={submit} noValidate aria-label={t('sales.shipOrder')}>
      <div className="form-row">
        <Field label={t('sales.carrier')} optional>
          <input name="carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)} list="carriers" maxLength={50} />
        </Field>
        <Field label={t('sales.trackingNo')} optional error={error && error === t('validation.trackingNo') ? error : undefined}>
          <input name="trackingNo" value={trackingNo} onChange={(e) => setTrackingNo(e.target.value)} maxLength={40} />
        </Field>
      </div>
      <datalist id="carriers">
        {['顺丰速运', '中国邮政 EMS', '中通快递', '圆通速递', '韵达快递', '京东物流'].map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <FormNotice text={error !== t('validation.trackingNo') ? error : undefined} />
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {t('sales.markShipped')}
      </button>
    </form>
  );
}

/** The search fields kept in the URL besides the tab and the page. */
const FILTER_KEYS = ['from', 'to', 'buyer', 'q', 'listingId'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Search by dates, buyer, order number and product; what is applied lives in the URL (`?from=…&buyer=…`). */
function FilterForm({ applied, onApply }: { applied: Filters; onApply(f: Filters): void }) {
  const { t } = useI18n();
  const mine = useAsync(() => listings.mine(), []);
  const [draft, setDraft] = useState<Filters>(applied);
  const [error, setError] = useState('');
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setError(t('sales.badRange'));
      return;
    }
    setError('');
    onApply(Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v?.trim()]).filter(([, v]) => v)) as Filters);
  };
  return (
    <form className="card sales-filter" role="search" aria-label={t('sales.search')} onSubmit={submit} noValidate>
      <div className="form-row">
        <Field label={t('sales.from')} optional error={error || undefined}>
          <input type="date" name="from" value={draft.from ?? ''} onChange={set('from')} />
        </Field>
        <Field label={t('sales.to')} optional>
          <input type="date" name="to" value={draft.to ?? ''} onChange={set('to')} />
        </Field>
      </div>
      <div className="form-row">
        <Field label={t('sales.buyer')} optional>
          <input name="buyer" value={draft.buyer ?? ''} onChange={set('buyer')} maxLength={100} />
        </Field>
        <Field label={t('sales.orderNoSearch')} optional>
          <input name="q" value={draft.q ?? ''} onChange={set('q')} maxLength={20} placeholder="FL-7K3M9-Q" autoCapitalize="characters" />
        </Field>
      </div>
      <Field label={t('sales.listing')} optional>
        <select name="listingId" value={draft.listingId ?? ''} onChange={set('listingId')}>
          <option value="">{t('sales.anyListing')}</option>
          {(mine.data ?? []).map((l) => (
            <option key={l.id} value={l.id}>
              {l.title}
            </option>
          ))}
        </select>
      </Field>
      <div className="row-actions">
        <button type="submit" className="btn btn--primary">
          {t('sales.applyFilter')}
        </button>
        <button
          type="button"
          className="btn btn--ghost"
          onClick={() => {
            setDraft({});
            setError('');
            onApply({});
          }}
        >
          {t('sales.clearFilter')}
        </button>
      </div>
    </form>
  );
}

export default function SalesPage() {
  const { t, date, lang } = useI18n();
  // The tab, the page and the search live in the URL, so reload and Back keep them.
  const { status, page, setStatus, setPage } = useListParams(TABS);
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? '']).filter(([, v]) => v));
  const filterKey = FILTER_KEYS.map((k) => params.get(k) ?? '').join('|');
  const list = useAsync(() => orders.list({ status: status || undefined, ...filters, page, pageSize: 20 }), [status, page, filterKey]);
  const [shipped, setShipped] = useState('');
  const clearShipped = useCallback(() => setShipped(''), []);
  const [selected, setSelected] = useState<string[]>([]);
  const [exportError, setExportError] = useState('');
  const [exporting, setExporting] = useState('');
  const apply = (f: Filters) => {
    setSelected([]);
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      for (const k of FILTER_KEYS) {
        if (f[k]) p.set(k, f[k]!);
        else p.delete(k);
      }
      p.delete('page');
      return p;
    });
  };
  const exportAs = async (format: 'csv' | 'xlsx') => {
    setExportError('');
    setExporting(format);
    try {
      const { blob, filename } = await orders.download({ status: status || undefined, ...filters }, format, lang === 'zh' ? 'zh-CN' : 'en');
      saveBlob(blob, filename);
    } catch (err) {
      setExportError(errorText(err, t));
    } finally {
      setExporting('');
    }
  };
  const printQuery = new URLSearchParams(
    selected.length > 0 ? { ids: selected.join(',') } : { ...(status ? { status } : {}), ...(filters as Record<string, string>) },
  ).toString();
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <div>
      <PageTitle>{t('nav.mySales')}</PageTitle>
      <Toast text={shipped ? t('sales.shippedNotice', { no: shipped }) : ''} onDone={clearShipped} />
      <FilterForm key={filterKey} applied={filters} onApply={apply} />
      <div className="row-actions sales-tools">
        <button type="button" className="btn btn--small" onClick={() => exportAs('csv')} disabled={!!exporting}>
          {t('sales.exportCsv')}
        </button>
        <button type="button" className="btn btn--small" onClick={() => exportAs('xlsx')} disabled={!!exporting}>
          {t('sales.exportXlsx')}
        </button>
        <Link className="btn btn--small" to={`/farm/orders/print${printQuery ? `?${printQuery}` : ''}`} data-testid="print-slips">
          {selected.length > 0 ? t('sales.printSelected', { count: selected.length }) : t('sales.printAll')}
        </Link>
      </div>
      <FormNotice text={exportError || undefined} />
      <div className="tabs" role="group" aria-label={t('sales.filter')}>
        {TABS.map((s) => (
          <button
            key={s || 'all'}
            type="button"
            className={`tab${status === s ? ' is-current' : ''}`}
            aria-pressed={status === s}
            onClick={() => {
              setShipped('');
              setStatus(s);
            }}
          >
            {s ? (s === 'paid' ? t('sales.toShip') : t(`status.${s}`)) : t('sales.all')}
          </button>
        ))}
      </div>
      <OrderPages state={list} empty={t('sales.none')} onPage={setPage} card={(o) => (
        <OrderCard
          key={o.id}
          order={o}
          link
          meta={o.paidAt ? ` · ${t('sales.paidAt', { date: date(o.paidAt, true) })}` : ''}
          details={
            o.shippingAddress && (
              <p className="address">
                <label className="select-order">
                  <input type="checkbox" checked={selected.includes(o.id)} onChange={() => toggle(o.id)} aria-label={t('sales.select', { no: orderNumber(o) })} />
                </label>{' '}
                {t('sales.shipTo')}: {o.shippingAddress.name} {o.shippingAddress.phone} · <RegionName code={o.shippingAddress.countyCode} /> {o.shippingAddress.line1}
              </p>
            )
          }
        >
          {o.status === 'paid' && (
            <ShipForm
              order={o}
              onShipped={() => {
                setShipped(orderNumber(o));
                list.reload();
              }}
            />
          )}
        </OrderCard>
      )} />
    </div>
  );
}
