import { useState, type FormEvent } from 'react';
import { orders, type Order, type OrderStatus } from '../../api';
import { RegionName } from '../../components/RegionPicker';
import { Empty, ErrorNotice, Field, Loading, PageTitle, Pager, StatusBadge } from '../../components/ui';
import { errorText, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { OrderLines } from '../shop/OrdersPage';

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
      {error && error !== t('validation.trackingNo') && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {t('sales.markShipped')}
      </button>
    </form>
  );
}

export default function SalesPage() {
  const { t, money, date } = useI18n();
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [page, setPage] = useState(1);
  const list = useAsync(() => orders.list({ status: status || undefined, page, pageSize: 20 }), [status, page]);
  return (
    <div>
      <PageTitle>{t('nav.mySales')}</PageTitle>
      <div className="tabs" role="group" aria-label={t('sales.filter')}>
        {TABS.map((s) => (
          <button
            key={s || 'all'}
            type="button"
            className={`tab${status === s ? ' is-current' : ''}`}
            aria-pressed={status === s}
            onClick={() => {
              setStatus(s);
              setPage(1);
            }}
          >
            {s ? (s === 'paid' ? t('sales.toShip') : t(`status.${s}`)) : t('sales.all')}
          </button>
        ))}
      </div>
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('sales.none')}</Empty>
      ) : (
        <>
          <ul className="order-list">
            {list.data.items.map((o) => (
              <li key={o.id} className="card order-card" data-order-id={o.id} data-status={o.status}>
                <div className="row-between">
                  <h2 className="order-card__title">{t('orders.orderNo', { no: o.id.slice(0, 8).toUpperCase() })}</h2>
                  <StatusBadge status={o.status} />
                </div>
                <p className="muted">
                  {t('orders.placedAt', { date: date(o.placedAt, true) })}
                  {o.paidAt ? ` · ${t('sales.paidAt', { date: date(o.paidAt, true) })}` : ''}
                </p>
                <OrderLines order={o} />
                <p className="row-between">
                  <span>{t('cart.total')}</span>
                  <strong>{money(o.totalCents, o.currency)}</strong>
                </p>
                {o.shippingAddress && (
                  <p className="address">
                    {t('sales.shipTo')}: {o.shippingAddress.name} {o.shippingAddress.phone} · <RegionName code={o.shippingAddress.countyCode} /> {o.shippingAddress.line1}
                  </p>
                )}
                {o.status === 'shipped' && (o.carrier || o.trackingNo) && <p>{t('orders.tracking', { carrier: o.carrier ?? '', no: o.trackingNo ?? '' })}</p>}
                {o.status === 'paid' && <ShipForm order={o} onShipped={list.reload} />}
              </li>
            ))}
          </ul>
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
