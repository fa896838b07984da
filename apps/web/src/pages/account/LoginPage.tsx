import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, auth, type User } from '../../api';
import { Field, FormNotice, PageTitle } from '../../components/ui';
import { errorText, useFormSubmit } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';

export function homeFor(user: User, next?: string | null): string {
  if (next && next.startsWith('/') && !next.startsWith('//')) return next;
  if (user.role === 'farmer') return '/farm';
  if (user.role === 'officer' || user.role === 'admin') return '/officer';
  return '/';
}

export default function LoginPage() {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, busy, onSubmit } = useFormSubmit<'email' | 'password'>(
    t,
    () => ({ email: email.trim() ? undefined : t('validation.required'), password: password ? undefined : t('validation.required') }),
    async () => {
      const result = await auth.login(email.trim(), password);
      signIn(result);
      navigate(homeFor(result.user, params.get('next')), { replace: true });
    },
    (err) => ({ form: err instanceof ApiError && err.status === 401 ? t('login.wrong') : errorText(err, t) }),
  );

  return (
    <div className="narrow">
      <PageTitle>{t('login.title')}</PageTitle>
      <form className="card form" onSubmit={onSubmit} noValidate>
        <Field label={t('account.email')} error={errors.email}>
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" inputMode="email" />
        </Field>
        <Field label={t('account.password')} error={errors.password}>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </Field>
        <FormNotice text={errors.form} />
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? t('common.working') : t('login.submit')}
        </button>
        <p className="center">
          <Link to="/forgot-password">{t('login.forgot')}</Link>
        </p>
        <p className="muted center">
          {t('login.noAccount')} <Link to={`/register${params.get('next') ? `?next=${encodeURIComponent(params.get('next')!)}` : ''}`}>{t('nav.register')}</Link>
        </p>
      </form>
    </div>
  );
}
