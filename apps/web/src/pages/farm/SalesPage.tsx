import { useCallback, useState, type FormEvent } from 'react';
import { orders, type Order, type OrderStatus } from '../../api';
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

export default function SalesPage() {
  const { t, date } = useI18n();
  // The tab and the page live in the URL, so reload and Back keep them.
  const { status, page, setStatus, setPage } = useListParams(TABS);
  const list = useAsync(() => orders.list({ status: status || undefined, page, pageSize: 20 }), [status, page]);
  const [shipped, setShipped] = useState('');
  const clearShipped = useCallback(() => setShipped(''), []);
  return (
    <div>
      <PageTitle>{t('nav.mySales')}</PageTitle>
      <Toast text={shipped ? t('sales.shippedNotice', { no: shipped }) : ''} onDone={clearShipped} />
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
                {t('sales.shipTo')}: {o.shippingAddress.name} {o.shippingAddress.phone} · <RegionName code={o.shippingAddress.countyCode} /> {o.shippingAddress.line1}
              </p>
            )
          }
        >
          {o.status === 'paid' && (
            <ShipForm
              order={o}
              onShipped={() => {
                setShipped(orderNumber(o.id));
                list.reload();
              }}
            />
          )}
        </OrderCard>
      )} />
    </div>
  );
}
