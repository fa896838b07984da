import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { orders, type Order } from '../../api';
import { OrderCard, OrderPages } from '../../components/OrderCard';
import { FormNotice, PageTitle } from '../../components/ui';
import { errorText, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';

export default function OrdersPage() {
  const { t, money } = useI18n();
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
      <FormNotice ok text={params.get('paid') === '1' ? t('orders.paidThanks') : undefined} />
      <OrderPages state={list} empty={t('orders.none')} onPage={setPage} card={(o) => (
        <OrderCard
          key={o.id}
          order={o}
          details={o.refundedCents > 0 && <p className="muted">{t('orders.refunded', { amount: money(o.refundedCents) })}</p>}
        >
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
          <FormNotice text={actionError?.id === o.id ? actionError.text : undefined} />
        </OrderCard>
      )} />
    </div>
  );
}
