import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { auth } from '../../api';
import { FormNotice, Loading, PageTitle } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';

/** The page the mailed verification link opens: confirms the address at once. */
export default function VerifyEmailPage() {
  const { t } = useI18n();
  const { user, updateUser } = useAuth();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [state, setState] = useState<'working' | 'done' | 'bad'>(token ? 'working' : 'bad');
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true; // once, even under StrictMode's double effect: the token is single-use
    auth
      .verifyEmail(token)
      .then((verified) => {
        if (user && user.id === verified.id) updateUser(verified);
        setState('done');
      })
      .catch(() => setState('bad'));
  }, [token, user, updateUser]);
  return (
    <div className="narrow">
      <PageTitle>{t('verify.title')}</PageTitle>
      <div className="card form">
        {state === 'working' && <Loading label={t('verify.working')} />}
        {state === 'done' && <FormNotice ok text={t('verify.done')} />}
        {state === 'bad' && <FormNotice text={t('reset.badLink')} />}
        <p className="center"><Link to="/">{t('nav.backToShop')}</Link></p>
      </div>
    </div>
  );
}
