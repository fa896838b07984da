import { loadStripe, type Stripe, type StripeElements } from '@stripe/stripe-js';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormNotice } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';

/** Stripe's Payment Element; this module (and js.stripe.com) loads only when Stripe is configured. */
export default function StripePayment({ clientSecret }: { clientSecret: string }) {
  const { t, lang } = useI18n();
  const mountRef = useRef<HTMLDivElement>(null);
  const [stripe, setStripe] = useState<Stripe | null>(null);
  const [elements, setElements] = useState<StripeElements | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The API does not hand out the publishable key; it is set when the web app is built.
  const key = import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY as string | undefined;

  useEffect(() => {
    if (!key) {
      setError(t('pay.stripeNotConfigured'));
      return;
    }
    let live = true;
    loadStripe(key, { locale: lang === 'zh' ? 'zh' : 'en' })
      .then((s) => {
        if (!live || !s || !mountRef.current) return;
        const els = s.elements({ clientSecret, appearance: { theme: 'stripe', variables: { colorPrimary: '#2f6b3a' } } });
        els.create('payment').mount(mountRef.current);
        setStripe(s);
        setElements(els);
      })
      .catch(() => live && setError(t('pay.stripeLoadFailed')));
    return () => {
      live = false;
    };
  }, [clientSecret, key, lang, t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    const result = await stripe.confirmPayment({ elements, confirmParams: { return_url: `${window.location.origin}/orders?paid=1` } });
    if (result.error) setError(result.error.message ?? t('pay.failed'));
    setBusy(false);
  };

  return (
    <form className="card" onSubmit={submit}>
      <div ref={mountRef} className="stripe-element" />
      <FormNotice text={error} />
      <button type="submit" className="btn btn--primary btn--block" disabled={!stripe || busy}>
        {busy ? t('common.working') : t('pay.payNow')}
      </button>
    </form>
  );
}
