import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { payments, type Checkout } from '../../api';
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
        {checkout && (
          <ul className="plain-list">
            {checkout.orders.map((o, i) => (
              <li key={o.id} className="row-between">
                <span>{t('pay.orderN', { n: i + 1, lines: o.lines.map((l) => `${l.title} × ${l.quantity}`).join('，') })}</span>
                <span>
                  {money(o.totalCents)} <StatusBadge status={o.status} />
                </span>
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
