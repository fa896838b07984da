import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { orders } from '../../api';
import { orderNumber, Toast } from '../../components/OrderCard';
import { RegionName } from '../../components/RegionPicker';
import { ErrorNotice, FormNotice, Loading, PageTitle, StatusBadge } from '../../components/ui';
import { useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';
import { OrderActions, useOrderActions } from './OrdersPage';

/** One order: seller, lines with units and prices, where it goes, tracking, and every change of state. */
export default function OrderDetailPage() {
  const { id = '' } = useParams();
  const { t, money, date, unit } = useI18n();
  const { user } = useAuth();
  const order = useAsync(() => orders.get(id), [id]);
  const [done, setDone] = useState('');
  const clearDone = useCallback(() => setDone(''), []);
  const { act, busyId, actionError } = useOrderActions((o, action) => {
    setDone(t(action === 'deliver' ? 'orders.receivedNotice' : 'orders.cancelledNotice', { no: orderNumber(o) }));
    order.reload();
  });

  if (order.error) return <ErrorNotice error={order.error} onRetry={order.reload} />;
  if (!order.data) return <Loading />;
  const o = order.data;
  const back = user?.role === 'farmer' ? { to: '/farm/sales', label: t('nav.mySales') } : { to: '/orders', label: t('nav.myOrders') };
  return (
    <div className="narrow narrow--wide order-detail" data-order-id={o.id}>
      <PageTitle back={back}>{t('orders.orderNo', { no: orderNumber(o) })}</PageTitle>
      <Toast text={done} onDone={clearDone} />
      <section className="card">
        <div className="row-between">
          <StatusBadge status={o.status} />
          <span className="muted">{t('orders.placedAt', { date: date(o.placedAt, true) })}</span>
        </div>
        {o.sellerName && (
          <p data-testid="order-seller">
            {t('orders.seller', { name: o.sellerName })}
          </p>
        )}
        <table className="order-detail__lines">
          <thead>
            <tr>
              <th scope="col">{t('orders.item')}</th>
              <th scope="col" className="num">{t('orders.unitPrice')}</th>
              <th scope="col" className="num">{t('cart.quantity')}</th>
              <th scope="col" className="num">{t('orders.lineTotal')}</th>
            </tr>
          </thead>
          <tbody>
            {o.lines.map((l) => (
              <tr key={l.listingId}>
                <td>
                  <Link to={`/listings/${l.listingId}`}>{l.title}</Link>
                </td>
                <td className="num">
                  {money(l.unitPriceCents, o.currency)} / {unit(l.unit)}
                </td>
                <td className="num">{l.quantity}</td>
                <td className="num">{money(l.lineTotalCents, o.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="row-between" data-testid="order-shipping">
          <span>{t('shipping.fee')}</span>
          <span>{o.shippingCents > 0 ? money(o.shippingCents, o.currency) : t('shipping.free')}</span>
        </p>
        <p className="row-between summary__total">
          <span>{t('cart.total')}</span>
          <strong>{money(o.totalCents, o.currency)}</strong>
        </p>
        {o.refundedCents > 0 && <p className="muted">{t('orders.refunded', { amount: money(o.refundedCents, o.currency) })}</p>}
        {(o.carrier || o.trackingNo) && <p>{t('orders.tracking', { carrier: o.carrier ?? '', no: o.trackingNo ?? '' })}</p>}
        {o.shippingAddress && (
          <p className="address">
            {t('sales.shipTo')}: {o.shippingAddress.name} {o.shippingAddress.phone} · <RegionName code={o.shippingAddress.countyCode} /> {o.shippingAddress.line1}
          </p>
        )}
        {user?.role === 'buyer' && <OrderActions order={o} act={act} busy={busyId === o.id} />}
        <FormNotice text={actionError?.text} />
      </section>
      {o.history && o.history.length > 0 && (
        <section className="card">
          <h2>{t('orders.history')}</h2>
          <ol className="plain-list order-history">
            {o.history.map((h, i) => (
              <li key={i} className="row-between">
                <span>{t(`status.${h.toStatus}`)}</span>
                <span className="muted">{date(h.createdAt, true)}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
