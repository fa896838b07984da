import { useState, type FormEvent } from 'react';
import { ApiError, poverty, type PovertyStatus } from '../../api';
import { Field } from '../../components/ui';
import { errorText, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';

const BADGE: Record<PovertyStatus, string> = { none: 'badge--muted', claimed: 'badge--warn', verified: 'badge--ok', rejected: 'badge--muted' };

/**
 * The farmer's poverty registration: where their claim stands, and a form to
 * claim (when they have none, or it was rejected). Read fresh from /api/me,
 * since an officer may have decided since the farmer signed in.
 */
export function PovertyCard() {
  const { t } = useI18n();
  const me = useAsync(() => poverty.me(), []);
  const [registrationNo, setRegistrationNo] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const status = me.data?.povertyStatus;
  if (!status) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await poverty.claim(registrationNo.trim() || undefined);
      setRegistrationNo('');
      me.reload();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? t('poverty.alreadyClaimed') : errorText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="poverty-title">
      <h2 id="poverty-title">{t('poverty.title')}</h2>
      <p>
        <span className={`badge ${BADGE[status]}`} data-testid="poverty-status" data-status={status}>
          {t(`poverty.status.${status}`)}
        </span>
      </p>
      <p className="muted">{t(`poverty.explain.${status}`)}</p>
      {(status === 'none' || status === 'rejected') && (
        <form className="form" onSubmit={submit} noValidate>
          <Field label={t('poverty.registrationNo')} hint={t('register.povertyHint')} error={error || undefined} optional>
            <input name="registrationNo" value={registrationNo} onChange={(e) => setRegistrationNo(e.target.value)} maxLength={50} />
          </Field>
          <button type="submit" className="btn" disabled={busy}>
            {t('poverty.claim')}
          </button>
        </form>
      )}
    </section>
  );
}
