import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { orders as ordersApi, payments, type Checkout, type Order } from '../../api';
import { orderNumber } from '../../components/OrderCard';
import { ErrorNotice } from '../../components/ui';
import { useAsync } from '../../components/util';
import { Loading, PageTitle, StatusBadge } from '../../components/ui';
import { errorText } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { CHECKOUT_STORAGE_PREFIX } from './CheckoutPage';

// @stripe/stripe-js is loaded only when the checkout says Stripe is the provider.
const StripePayment = lazy(() => import('./StripePayment'));

function loadCheckout(paymentId: string): Checkout | null {
  try {
    return JSON.parse(sessionStorage.getItem(CHECKOUT_STORAGE_PREFIX + paymentId) ?? 'null');
  } catch {
    return null;
  }
}

export default function PaymentPage() {
  const { paymentId = '' } = useParams();
  const { t, money } = useI18n();
  const navigate = useNavigate();
  const checkout = loadCheckout(paymentId);
  // The payment itself (provider, status, client secret) comes from the API; the stored checkout only adds the orders.
  const payment = useAsync(() => payments.get(paymentId), [paymentId]);
  // The orders this payment pays for, from the API (so a reload or another device shows them too).
  const checkoutId = payment.data?.checkoutId;
  const paidOrders = useAsync<Order[] | null>(
    () => (checkoutId ? ordersApi.list({ checkoutId, pageSize: 100 }).then((p) => p.items) : Promise.resolve(null)),
    [checkoutId],
  );
  type Row = { id: string; seller?: string; lines: string; totalCents: number; status: Order['status'] };
  const rows: Row[] | null = paidOrders.data
    ? paidOrders.data.map((o) => ({ id: o.id, orderNo: o.orderNo, seller: o.sellerName, lines: o.lines.map((l) => `${l.title} × ${l.quantity}`).join('，'), totalCents: o.totalCents, status: o.status }))
    : checkout
      ? checkout.orders.map((o) => ({ id: o.id, orderNo: o.orderNo, lines: o.lines.map((l) => `${l.title} × ${l.quantity}`).join('，'), totalCents: o.totalCents, status: o.status }))
      : null;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  const simulate = async (outcome: 'succeeded' | 'failed') => {
    setBusy(true);
    setMessage(null);
    try {
      const result = (await payments.simulate(paymentId, outcome)) as { status?: string };
      if (outcome === 'succeeded' && result?.status !== 'failed') {
        sessionStorage.removeItem(CHECKOUT_STORAGE_PREFIX + paymentId);
        navigate('/orders?paid=1', { replace: true });
      } else {
        setMessage({ kind: 'error', text: t('pay.failed') });
      }
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err, t) });
    } finally {
      setBusy(false);
    }
  };

  if (payment.error) return <ErrorNotice error={payment.error} onRetry={payment.reload} />;
  if (!payment.data) return <Loading />;
  const p = payment.data;
  const stripe = p.provider === 'stripe' && p.status === 'pending' && p.clientSecret;
  return (
    <div className="payment">
      <PageTitle>{t('pay.title')}</PageTitle>
      <div className="card">
        <p className="row-between summary__total">
          <span>{t('pay.amount')}</span>
          <strong data-testid="pay-total">{money(p.amountCents ?? checkout?.totalCents, p.currency)}</strong>
        </p>
        {rows && (
          <ul className="plain-list pay-orders" data-testid="pay-orders">
            {rows.map((o, i) => (
              <li key={o.id} className="pay-order">
                <span className="pay-order__what">
                  <strong>{o.seller ? t('pay.orderFrom', { n: i + 1, seller: o.seller }) : t('pay.orderPlain', { n: i + 1 })}</strong>
                  <span className="muted"> {t('orders.orderNo', { no: orderNumber(o) })}</span>
                  <span className="pay-order__lines">{o.lines}</span>
                </span>
                <span className="pay-order__amount">{money(o.totalCents, p.currency)}</span>
                <StatusBadge status={o.status} />
              </li>
            ))}
          </ul>
        )}
      </div>
      {p.status === 'succeeded' ? (
        <p className="notice notice--ok" role="status">
          {t('pay.alreadyPaid')}
        </p>
      ) : p.status === 'cancelled' ? (
        <p className="notice">{t('pay.cancelled')}</p>
      ) : stripe ? (
        <Suspense fallback={<Loading label={t('pay.loadingStripe')} />}>
          <StripePayment clientSecret={p.clientSecret!} />
        </Suspense>
      ) : p.provider === 'stripe' ? (
        <p className="notice">{t('pay.failed')}</p>
      ) : (
        <section className="card simulated" aria-labelledby="sim-title">
          <p className="simulated__ribbon" id="sim-title">
            {t('pay.simulatedTitle')}
          </p>
          <p>{t('pay.simulatedExplain')}</p>
          <div className="button-row">
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => simulate('succeeded')}>
              {t('pay.simulateSuccess')}
            </button>
            <button type="button" className="btn btn--ghost" disabled={busy} onClick={() => simulate('failed')}>
              {t('pay.simulateFailure')}
            </button>
          </div>
        </section>
      )}
      {message && (
        <p className={`notice notice--${message.kind}`} role="alert">
          {message.text}
        </p>
      )}
      <p>
        <Link to="/orders">{t('nav.myOrders')}</Link>
      </p>
    </div>
  );
}
