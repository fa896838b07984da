import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, cooperatives, listings, type Candidate } from '../../api';
import { ListingCard } from '../../components/ListingCard';
import { RegionName } from '../../components/RegionPicker';
import { ErrorNotice, Field, FormNotice, Loaded, Loading, PageTitle } from '../../components/ui';
import { errorText, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';

export default function CooperativePage() {
  const { id = '' } = useParams();
  const { t, date } = useI18n();
  const { user } = useAuth();
  const coop = useAsync(() => cooperatives.get(id), [id]);
  const isManager = coop.data?.managerId === user?.id;
  const canSeeMembers = isManager || user?.role === 'officer' || user?.role === 'admin';
  const members = useAsync(() => (canSeeMembers ? cooperatives.members(id) : Promise.resolve([])), [id, canSeeMembers]);
  const coopListings = useAsync(() => listings.search({ cooperativeId: id, pageSize: 12 }), [id]);
  // The manager finds farmers of the cooperative's county by name or phone digits, and adds one with a click.
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Candidate[] | null>(null);
  const [error, setError] = useState('');
  const [added, setAdded] = useState('');
  const [busy, setBusy] = useState(false);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setAdded('');
    if (!q.trim()) {
      setError(t('coop.searchFirst'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      setFound(await cooperatives.candidates(id, q.trim()));
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const add = async (farmer: Candidate) => {
    setBusy(true);
    setError('');
    try {
      await cooperatives.addMember(id, farmer.id);
      setFound((list) => list?.filter((f) => f.id !== farmer.id) ?? null);
      setAdded(t('coop.added', { name: farmer.displayName }));
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
            <div className="member-search">
              <form className="form" onSubmit={search} noValidate role="search" aria-label={t('coop.addMember')}>
                <Field label={t('coop.searchFarmer', { county: c.countyName })} hint={t('coop.searchHint')} error={error || undefined}>
                  <input name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" maxLength={50} />
                </Field>
                <button type="submit" className="btn" disabled={busy}>
                  {t('coop.search')}
                </button>
              </form>
              <FormNotice ok text={added || undefined} />
              {found && found.length === 0 && <p className="muted" role="status">{t('coop.noCandidates')}</p>}
              {found && found.length > 0 && (
                <ul className="plain-list candidates" aria-label={t('coop.addMember')}>
                  {found.map((f) => (
                    <li key={f.id} className="row-between">
                      <span>
                        <strong>{f.displayName}</strong>
                        {f.phoneMasked && <span className="muted"> · {f.phoneMasked}</span>}
                        {f.village && <span className="muted"> · {f.village}</span>}
                      </span>
                      <button type="button" className="btn btn--small" disabled={busy} onClick={() => add(f)}>
                        {t('coop.addNamed', { name: f.displayName })}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
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
