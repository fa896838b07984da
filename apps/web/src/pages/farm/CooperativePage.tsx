import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, cooperatives, listings } from '../../api';
import { ListingCard } from '../../components/ListingCard';
import { RegionName } from '../../components/RegionPicker';
import { ErrorNotice, Field, Loaded, Loading, PageTitle } from '../../components/ui';
import { errorText, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function CooperativePage() {
  const { id = '' } = useParams();
  const { t, date } = useI18n();
  const { user } = useAuth();
  const coop = useAsync(() => cooperatives.get(id), [id]);
  const isManager = coop.data?.managerId === user?.id;
  const canSeeMembers = isManager || user?.role === 'officer' || user?.role === 'admin';
  const members = useAsync(() => (canSeeMembers ? cooperatives.members(id) : Promise.resolve([])), [id, canSeeMembers]);
  const coopListings = useAsync(() => listings.search({ cooperativeId: id, pageSize: 12 }), [id]);
  const [farmerId, setFarmerId] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    if (!UUID.test(farmerId.trim())) {
      setError(t('validation.memberId'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await cooperatives.addMember(id, farmerId.trim());
      setFarmerId('');
      members.reload();
      coop.reload();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? t('coop.alreadyMember') : errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (memberId: string) => {
    if (!window.confirm(t('coop.confirmRemove'))) return;
    try {
      await cooperatives.removeMember(id, memberId);
      members.reload();
      coop.reload();
    } catch (err) {
      setError(errorText(err, t));
    }
  };

  if (coop.error) return <ErrorNotice error={coop.error} onRetry={coop.reload} />;
  if (!coop.data) return <Loading />;
  const c = coop.data;
  return (
    <div>
      <PageTitle back={{ to: '/farm/cooperatives', label: t('nav.cooperatives') }}>{c.name}</PageTitle>
      <p className="muted">
        <RegionName code={c.countyCode} /> · {t('coop.members', { n: c.memberCount ?? 1 })}
        {c.registrationNo ? ` · ${t('coop.registrationNo')} ${c.registrationNo}` : ''}
      </p>
      {user?.role === 'farmer' && (
        <p>
          <Link className="btn btn--primary" to={`/farm/listings/new?cooperativeId=${c.id}`}>
            {t('coop.listThrough')}
          </Link>
        </p>
      )}
      {canSeeMembers && (
        <section className="card">
          <h2>{t('coop.memberList')}</h2>
          <Loaded state={members}>
            {(items) => (
              <ul className="plain-list">
                {items.map((m) => (
                  <li key={m.farmerId} className="row-between">
                    <span>
                      {m.displayName ?? m.farmerId}
                      {m.farmerId === c.managerId && <span className="badge badge--info">{t('coop.manager')}</span>}
                      {m.joinedAt && <span className="muted"> · {date(m.joinedAt)}</span>}
                    </span>
                    {isManager && m.farmerId !== c.managerId && (
                      <button type="button" className="btn btn--ghost btn--small" onClick={() => remove(m.farmerId)}>
                        {t('coop.remove')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Loaded>
          {isManager && (
            <form className="form" onSubmit={add} noValidate>
              <Field label={t('coop.addMember')} hint={t('coop.addMemberHint')} error={error || undefined}>
                <input name="farmerId" value={farmerId} onChange={(e) => setFarmerId(e.target.value)} autoComplete="off" spellCheck={false} />
              </Field>
              <button type="submit" className="btn" disabled={busy}>
                {t('coop.add')}
              </button>
            </form>
          )}
        </section>
      )}
      <section>
        <h2>{t('coop.listings')}</h2>
        {coopListings.data && coopListings.data.items.length > 0 ? (
          <div className="grid">
            {coopListings.data.items.map((l) => (
              <ListingCard key={l.id} listing={l} />
            ))}
          </div>
        ) : (
          <p className="muted">{t('coop.noListings')}</p>
        )}
      </section>
    </div>
  );
}
