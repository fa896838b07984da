import { useCallback, useEffect, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
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
 * A confirmation that stays in view wherever the page is scrolled (the order that moved may have
 * left the list): announced politely, gone after 8 seconds or when `onDone` clears the text.
 */
export function Toast({ text, onDone }: { text: string; onDone(): void }) {
  useEffect(() => {
    if (!text) return;
    const timer = setTimeout(onDone, 8000);
    return () => clearTimeout(timer);
  }, [text, onDone]);
  if (!text) return null;
  return (
    <p className="notice notice--ok toast" role="status">
      {text}
    </p>
  );
}

/**
 * An order list's status filter and page, kept in the URL (`?status=shipped&page=2`) so a reload
 * and the browser's Back return to the same place. Each change is a new history entry.
 */
export function useListParams<S extends string>(statuses: readonly (S | '')[]) {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? '';
  const status = (statuses.includes(raw as S) ? raw : '') as S | '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const update = useCallback(
    (next: { status?: S | ''; page?: number }) =>
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        p.delete('paid');
        if (next.status !== undefined) {
          if (next.status) p.set('status', next.status);
          else p.delete('status');
        }
        if (next.page !== undefined) {
          if (next.page > 1) p.set('page', String(next.page));
          else p.delete('page');
        }
        return p;
      }),
    [setParams],
  );
  return {
    status,
    page,
    setStatus: (s: S | '') => update({ status: s, page: 1 }),
    setPage: (n: number) => {
      update({ page: n });
      window.scrollTo(0, 0);
    },
  };
}

/**
 * One order as the buyer (shop/OrdersPage) and the seller (farm/SalesPage) see
 * it: number, state, date, lines, total and tracking. `meta` follows the date,
 * `details` stands above the tracking line, `children` (actions) below it.
 */
export function OrderCard({ order, meta, details, children, link }: { order: Order; meta?: ReactNode; details?: ReactNode; children?: ReactNode; link?: boolean }) {
  const { t, money, date } = useI18n();
  const title = <KeepTogether text={t('orders.orderNo', { no: orderNumber(order) })} part={orderNumber(order)} />;
  return (
    <li className="card order-card" data-order-id={order.id} data-order-no={order.orderNo} data-status={order.status}>
      <div className="row-between">
        <h2 className="order-card__title">{link ? <Link to={`/orders/${order.id}`}>{title}</Link> : title}</h2>
        <StatusBadge status={order.status} />
      </div>
      {order.sellerName && (
        <p className="order-card__seller" data-testid="order-seller">
          {t('orders.seller', { name: order.sellerName })}
        </p>
      )}
      <p className="muted">
        {t('orders.placedAt', { date: date(order.placedAt, true) })}
        {meta}
      </p>
      <LineItems className="order-lines" lines={order.lines.map((l) => ({ key: l.listingId, title: l.title, quantity: l.quantity, totalCents: l.lineTotalCents }))} currency={order.currency} />
      {order.shippingCents > 0 && (
        <p className="row-between muted" data-testid="order-shipping">
          <span>{t('shipping.fee')}</span>
          <span>{money(order.shippingCents, order.currency)}</span>
        </p>
      )}
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

/** `text` with `part` (e.g. an order number) kept on one line: a phone never breaks "FL-P25TR-3" after its first dash. */
export function KeepTogether({ text, part }: { text: string; part: string }) {
  const at = text.indexOf(part);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span className="nowrap">{part}</span>
      {text.slice(at + part.length)}
    </>
  );
}

/**
 * The order number people read and say: the API's `orderNo` (FL-7K3M9-Q, unique, with a check
 * symbol); for an answer without it (an old stored checkout answer), the id's random tail.
 */
export function orderNumber(order: { id: string; orderNo?: string }): string {
  return order.orderNo || order.id.replace(/-/g, '').slice(-8).toUpperCase();
}
