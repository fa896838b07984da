import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { orders, type Order, type OrderStatus } from '../../api';
import { OrderCard, OrderPages, orderNumber, Toast, useListParams } from '../../components/OrderCard';
import { FormNotice, PageTitle } from '../../components/ui';
import { errorText, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';

const TABS: (OrderStatus | '')[] = ['', 'pending_payment', 'paid', 'shipped', 'delivered', 'cancelled'];

/** The buyer's two actions on an order, each confirmed first; shared with the order's own page. */
export function useOrderActions(onDone: (order: Order, action: 'deliver' | 'cancel') => void) {
  const { t } = useI18n();
  const [busyId, setBusyId] = useState('');
  const [actionError, setActionError] = useState<{ id: string; text: string } | null>(null);
  const act = async (order: Order, action: 'deliver' | 'cancel') => {
    const question = action === 'cancel' ? t('orders.confirmCancel') : t('orders.confirmReceived', { no: orderNumber(order) });
    if (!window.confirm(question)) return;
    setBusyId(order.id);
    setActionError(null);
    try {
      await (action === 'deliver' ? orders.deliver(order.id) : orders.cancel(order.id));
      onDone(order, action);
    } catch (err) {
      setActionError({ id: order.id, text: errorText(err, t) });
    } finally {
      setBusyId('');
    }
  };
  return { act, busyId, actionError };
}

/** "I received it" for a shipped order, "Cancel" before shipping. */
export function OrderActions({ order, act, busy }: { order: Order; act(o: Order, a: 'deliver' | 'cancel'): void; busy: boolean }) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      {order.status === 'shipped' && (
        <button type="button" className="btn btn--primary" disabled={busy} onClick={() => act(order, 'deliver')}>
          {t('orders.confirmDelivery')}
        </button>
      )}
      {(order.status === 'pending_payment' || order.status === 'paid') && (
        <button type="button" className="btn btn--ghost" disabled={busy} onClick={() => act(order, 'cancel')}>
          {t('orders.cancel')}
        </button>
      )}
    </div>
  );
}

export default function OrdersPage() {
  const { t, money } = useI18n();
  const [params] = useSearchParams();
  // Filter and page in the URL: reload and Back keep them.
  const { status, page, setStatus, setPage } = useListParams(TABS);
  const list = useAsync(() => orders.list({ status: status || undefined, page, pageSize: 20 }), [status, page]);
  const [done, setDone] = useState('');
  const clearDone = useCallback(() => setDone(''), []);
  const { act, busyId, actionError } = useOrderActions((o, action) => {
    setDone(t(action === 'deliver' ? 'orders.receivedNotice' : 'orders.cancelledNotice', { no: orderNumber(o) }));
    list.reload();
  });

  return (
    <div className="orders">
      <PageTitle>{t('orders.title')}</PageTitle>
      <FormNotice ok text={params.get('paid') === '1' ? t('orders.paidThanks') : undefined} />
      <Toast text={done} onDone={clearDone} />
      <div className="tabs" role="group" aria-label={t('orders.filter')}>
        {TABS.map((s) => (
          <button
            key={s || 'all'}
            type="button"
            className={`tab${status === s ? ' is-current' : ''}`}
            aria-pressed={status === s}
            onClick={() => {
              setDone('');
              setStatus(s);
            }}
          >
            {s ? t(`status.${s}`) : t('sales.all')}
          </button>
        ))}
      </div>
      <OrderPages
        state={list}
        empty={t('orders.none')}
        onPage={setPage}
        card={(o) => (
          <OrderCard
            key={o.id}
            order={o}
            link
            details={o.refundedCents > 0 && <p className="muted">{t('orders.refunded', { amount: money(o.refundedCents, o.currency) })}</p>}
          >
            <OrderActions order={o} act={act} busy={busyId === o.id} />
            <FormNotice text={actionError?.id === o.id ? actionError.text : undefined} />
          </OrderCard>
        )}
      />
    </div>
  );
}
