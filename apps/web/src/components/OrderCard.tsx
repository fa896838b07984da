import type { ReactNode } from 'react';
import type { Order, Page } from '../api';
import { useI18n } from '../i18n/i18n';
import { LineItems, PagedList, StatusBadge } from './ui';
import type { AsyncState } from './util';

/** A page of orders as a list of cards (`card` draws one), with the pager. */
export function OrderPages({ state, empty, onPage, card }: { state: AsyncState<Page<Order>>; empty: string; onPage(p: number): void; card(o: Order): ReactNode }) {
  return (
    <PagedList state={state} empty={empty} onPage={onPage}>
      {(items) => <ul className="order-list">{items.map(card)}</ul>}
    </PagedList>
  );
}

/**
 * One order as the buyer (shop/OrdersPage) and the seller (farm/SalesPage) see
 * it: number, state, date, lines, total and tracking. `meta` follows the date,
 * `details` stands above the tracking line, `children` (actions) below it.
 */
export function OrderCard({ order, meta, details, children }: { order: Order; meta?: ReactNode; details?: ReactNode; children?: ReactNode }) {
  const { t, money, date } = useI18n();
  return (
    <li className="card order-card" data-order-id={order.id} data-status={order.status}>
      <div className="row-between">
        <h2 className="order-card__title">{t('orders.orderNo', { no: orderNumber(order.id) })}</h2>
        <StatusBadge status={order.status} />
      </div>
      <p className="muted">
        {t('orders.placedAt', { date: date(order.placedAt, true) })}
        {meta}
      </p>
      <LineItems className="order-lines" lines={order.lines.map((l) => ({ key: l.listingId, title: l.title, quantity: l.quantity, totalCents: l.lineTotalCents }))} />
      <p className="row-between">
        <span>{t('cart.total')}</span>
        <strong>{money(order.totalCents, order.currency)}</strong>
      </p>
      {details}
      {order.status === 'shipped' && (order.carrier || order.trackingNo) && (
        <p>{t('orders.tracking', { carrier: order.carrier ?? '', no: order.trackingNo ?? '' })}</p>
      )}
      {children}
    </li>
  );
}

/** A short order number for people: the id's random tail (ids are UUIDv7, whose head is the time, the same for every order of one checkout). */
export function orderNumber(id: string): string {
  return id.replace(/-/g, '').slice(-8).toUpperCase();
}
