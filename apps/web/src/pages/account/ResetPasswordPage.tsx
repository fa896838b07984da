import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, auth } from '../../api';
import { Field, FormNotice, PageTitle } from '../../components/ui';
import { errorText, useFormSubmit } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';

/** The page the mailed reset link opens: a new password, twice. */
export default function ResetPasswordPage() {
  const { t } = useI18n();
  const { user, signOut } = useAuth();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [done, setDone] = useState(false);
  const [badLink, setBadLink] = useState(!token);
  const { errors, busy, onSubmit } = useFormSubmit<'password' | 'again'>(
    t,
    () => ({
      password: password.length >= 8 ? undefined : t('validation.passwordLength'),
      again: again === password ? undefined : t('reset.mismatch'),
    }),
    async () => {
      await auth.confirmPasswordReset(token, password);
      // Every token of the account ended: a session in this browser would answer 401 from now on.
      if (user) signOut();
      setDone(true);
    },
    (err) => {
      if (err instanceof ApiError && err.status === 400 && !err.fieldMessages().newPassword) {
        setBadLink(true);
        return {};
      }
      return { form: errorText(err, t) };
    },
  );

  return (
    <div className="narrow">
      <PageTitle>{t('reset.title')}</PageTitle>
      {done ? (
        <div className="card form">
          <FormNotice ok text={t('reset.done')} />
          <Link className="btn btn--primary btn--block" to="/login">{t('reset.signIn')}</Link>
        </div>
      ) : badLink ? (
        <div className="card form">
          <FormNotice text={t('reset.badLink')} />
          <Link className="btn btn--block" to="/forgot-password">{t('reset.askAgain')}</Link>
        </div>
      ) : (
        <form className="card form" onSubmit={onSubmit} noValidate>
          <Field label={t('reset.newPassword')} error={errors.password} hint={t('register.passwordHint')}>
            <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
          </Field>
          <Field label={t('reset.confirmPassword')} error={errors.again}>
            <input type="password" value={again} onChange={(e) => setAgain(e.target.value)} autoComplete="new-password" />
          </Field>
          <FormNotice text={errors.form} />
          <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
            {busy ? t('common.working') : t('reset.submit')}
          </button>
        </form>
      )}
    </div>
  );
}
