import { useState } from 'react';
import { Link } from 'react-router-dom';
import { auth } from '../../api';
import { Field, FormNotice, PageTitle } from '../../components/ui';
import { useFormSubmit } from '../../components/util';
import { useI18n } from '../../i18n/i18n';

/** "Forgot password": asks for the account's email; the answer never says whether the address is registered. */
export default function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { errors, busy, onSubmit } = useFormSubmit<'email'>(
    t,
    () => ({ email: /^\S+@\S+\.\S+$/.test(email.trim()) ? undefined : t('validation.email') }),
    async () => {
      await auth.requestPasswordReset(email.trim());
      setSentTo(email.trim());
    },
  );
  return (
    <div className="narrow">
      <PageTitle>{t('forgot.title')}</PageTitle>
      {sentTo ? (
        <div className="card form">
          <FormNotice ok text={t('forgot.sent', { email: sentTo })} />
          <p className="center"><Link to="/login">{t('forgot.backToLogin')}</Link></p>
        </div>
      ) : (
        <form className="card form" onSubmit={onSubmit} noValidate>
          <p className="muted">{t('forgot.intro')}</p>
          <Field label={t('account.email')} error={errors.email}>
            <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" inputMode="email" />
          </Field>
          <FormNotice text={errors.form} />
          <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
            {busy ? t('common.working') : t('forgot.submit')}
          </button>
          <p className="center"><Link to="/login">{t('forgot.backToLogin')}</Link></p>
        </form>
      )}
    </div>
  );
}
