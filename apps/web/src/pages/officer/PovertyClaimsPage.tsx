import { useState } from 'react';
import { poverty, type PovertyClaim, type PovertyClaimStatus, type PovertyDecision } from '../../api';
import { RegionName } from '../../components/RegionPicker';
import { Empty, ErrorNotice, Loading, PageTitle, Pager } from '../../components/ui';
import { errorText, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';

const PAGE_SIZE = 20;

/** One claim waiting (or decided): who, where, the number they gave, and the officer's decision. */
function ClaimItem({ claim, onDecided }: { claim: PovertyClaim; onDecided(): void }) {
  const { t, date } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const decide = async (decision: PovertyDecision) => {
    setBusy(true);
    setError('');
    try {
      await poverty.decide(claim.farmerId, decision, note.trim() || undefined);
      onDecided();
    } catch (err) {
      setError(errorText(err, t));
      setBusy(false);
    }
  };
  const noteId = `note-${claim.farmerId}`;
  return (
    <li className="card poverty-claim" data-testid="poverty-claim" data-farmer-id={claim.farmerId}>
      <div className="row-between">
        <strong>{claim.displayName}</strong>
        <span className="badge" data-status={claim.status}>
          {t(`poverty.status.${claim.status}`)}
        </span>
      </div>
      <p className="muted">
        <RegionName code={claim.countyCode} />
      </p>
      <dl className="facts">
        <dt>{t('poverty.registrationNo')}</dt>
        <dd>{claim.registrationNo ?? t('poverty.noNumber')}</dd>
        <dt>{t('poverty.claimedAt')}</dt>
        <dd>{date(claim.claimedAt)}</dd>
        {claim.decidedAt && (
          <>
            <dt>{t('poverty.decidedAt')}</dt>
            <dd>
              {date(claim.decidedAt)}
              {claim.decidedByName ? ` · ${claim.decidedByName}` : ''}
            </dd>
          </>
        )}
        {claim.note && (
          <>
            <dt>{t('poverty.note')}</dt>
            <dd>{claim.note}</dd>
          </>
        )}
      </dl>
      <div className="form">
        <label htmlFor={noteId}>{t('poverty.note')}</label>
        <input id={noteId} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder={t('poverty.notePlaceholder')} />
        {error && (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <div className="actions">
          {claim.status !== 'verified' && (
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => decide('verified')}>
              {t('poverty.verify')}
            </button>
          )}
          {claim.status !== 'rejected' && (
            <button type="button" className="btn btn--ghost" disabled={busy} onClick={() => decide('rejected')}>
              {t('poverty.reject')}
            </button>
          )}
        </div>
      </div>
    </li>
  );
}

/** Officers: the poverty claims of farmers in their jurisdiction, waiting ones first. */
export default function PovertyClaimsPage() {
  const { t } = useI18n();
  const [status, setStatus] = useState<PovertyClaimStatus>('claimed');
  const [page, setPage] = useState(1);
  const [done, setDone] = useState('');
  const list = useAsync(() => poverty.list({ status, page, pageSize: PAGE_SIZE }), [status, page]);
  return (
    <div>
      <PageTitle>{t('poverty.officerTitle')}</PageTitle>
      <p className="muted">{t('poverty.officerHint')}</p>
      <div className="form-row poverty-filter">
        <label>
          {t('poverty.show')}{' '}
          <select
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as PovertyClaimStatus);
              setPage(1);
            }}
          >
            {(['claimed', 'verified', 'rejected'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`poverty.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {done && (
        <p className="notice notice--ok" role="status">
          {done}
        </p>
      )}
      {list.loading && !list.data ? (
        <Loading />
      ) : list.error ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : !list.data || list.data.items.length === 0 ? (
        <Empty>{t(status === 'claimed' ? 'poverty.noneWaiting' : 'poverty.noneFound')}</Empty>
      ) : (
        <>
          <ul className="plain-list poverty-claims">
            {list.data.items.map((c) => (
              <ClaimItem
                key={`${c.farmerId}-${c.status}`}
                claim={c}
                onDecided={() => {
                  setDone(t('poverty.decided', { name: c.displayName }));
                  list.reload();
                }}
              />
            ))}
          </ul>
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
        </>
      )}
    </div>
  );
}
