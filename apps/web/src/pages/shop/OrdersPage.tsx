import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { orders, type Order } from '../../api';
import { Empty, ErrorNotice, Loading, PageTitle, Pager, StatusBadge } from '../../components/ui';
import { errorText, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';

export function OrderLines({ order }: { order: Order }) {
  const { money } = useI18n();
  return (
    <ul className="plain-list order-lines">
      {order.lines.map((l) => (
        <li key={l.listingId} className="row-between">
          <span>
            {l.title} × {l.quantity}
          </span>
          <span>{money(l.lineTotalCents)}</span>
        </li>
      ))}
    </ul>
  );
}

export default function OrdersPage() {
  const { t, money, date } = useI18n();
  const [params] = useSearchParams();
  const [page, setPage] = useState(1);
  const list = useAsync(() => orders.list({ page, pageSize: 20 }), [page]);
  const [busyId, setBusyId] = useState('');
  const [actionError, setActionError] = useState<{ id: string; text: string } | null>(null);

  const act = async (order: Order, action: 'deliver' | 'cancel') => {
    if (action === 'cancel' && !window.confirm(t('orders.confirmCancel'))) return;
    setBusyId(order.id);
    setActionError(null);
    try {
      await (action === 'deliver' ? orders.deliver(order.id) : orders.cancel(order.id));
      list.reload();
    } catch (err) {
      setActionError({ id: order.id, text: errorText(err, t) });
    } finally {
      setBusyId('');
    }
  };

  return (
    <div className="orders">
      <PageTitle>{t('orders.title')}</PageTitle>
      {params.get('paid') === '1' && (
        <p className="notice notice--ok" role="status">
          {t('orders.paidThanks')}
        </p>
      )}
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('orders.none')}</Empty>
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
                  {o.sellerName ? ` · ${o.sellerName}` : ''}
                </p>
                <OrderLines order={o} />
                <p className="row-between">
                  <span>{t('cart.total')}</span>
                  <strong>{money(o.totalCents, o.currency)}</strong>
                </p>
                {o.refundedCents > 0 && <p className="muted">{t('orders.refunded', { amount: money(o.refundedCents) })}</p>}
                {o.status === 'shipped' && (o.carrier || o.trackingNo) && <p>{t('orders.tracking', { carrier: o.carrier ?? '', no: o.trackingNo ?? '' })}</p>}
                <div className="button-row">
                  {o.status === 'shipped' && (
                    <button type="button" className="btn btn--primary" disabled={busyId === o.id} onClick={() => act(o, 'deliver')}>
                      {t('orders.confirmDelivery')}
                    </button>
                  )}
                  {(o.status === 'pending_payment' || o.status === 'paid') && (
                    <button type="button" className="btn btn--ghost" disabled={busyId === o.id} onClick={() => act(o, 'cancel')}>
                      {t('orders.cancel')}
                    </button>
                  )}
                </div>
                {actionError?.id === o.id && (
                  <p className="notice notice--error" role="alert">
                    {actionError.text}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <Pager page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
