import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { listingPath } from '../../components/links';
import { listings, type Listing } from '../../api';
import { Empty, ErrorNotice, FormNotice, Loading, PageTitle, ProduceImage } from '../../components/ui';
import { errorText, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';

export default function MyListingsPage() {
  const { t, money, unit } = useI18n();
  const { user } = useAuth();
  const list = useAsync(() => listings.mine(), [user?.id]);
  const [busy, setBusy] = useState('');
  const [error, setError] = useState('');
  // The form sends the farmer here with ?saved=<id>: say that it worked, and which listing.
  const [params] = useSearchParams();
  const savedId = params.get('saved');

  const setStatus = async (l: Listing, status: 'active' | 'paused') => {
    setBusy(l.id);
    setError('');
    try {
      await listings.update(l.id, { status });
      list.reload();
    } catch (err) {
      setError(errorText(err, t));
    } finally {
      setBusy('');
    }
  };

  // Active and paused alike (GET /api/listings/mine); the public search shows only active ones.
  const items: Listing[] = list.data ?? [];
  return (
    <div>
      <PageTitle>{t('nav.myListings')}</PageTitle>
      <p>
        <Link className="btn btn--primary" to="/farm/listings/new">
          + {t('farm.newListing')}
        </Link>{' '}
        <Link className="btn" to="/farm/listings/import">
          {t('import.link')}
        </Link>
      </p>
      <FormNotice text={error} />
      <FormNotice ok text={savedId && list.data ? t('farm.savedNotice', { title: list.data.find((l) => l.id === savedId)?.title ?? '' }) : undefined} />
      {list.error ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>{t('farm.noListings')}</Empty>
      ) : (
        <ul className="my-listings">
          {items.map((l) => (
            <li key={l.id} className="card my-listing" data-listing-id={l.id}>
              <ProduceImage photo={l.photos?.[0]} alt="" sizes="72px" className="my-listing__img" />
              <div className="my-listing__info">
                <Link to={listingPath(l)}>
                  <strong>{l.title}</strong>
                </Link>
                <span>
                  {money(l.priceCents, l.currency)} / {unit(l.unit)} · {t('listing.stockLeft', { n: l.stock, unit: unit(l.unit) })}
                </span>
                <span className={`badge ${l.status === 'active' ? 'badge--ok' : l.status === 'removed' || l.status === 'suspended' ? 'badge--warn' : 'badge--muted'}`}>
                  {t(`listingStatus.${l.status}`)}
                </span>
                {l.status === 'removed' && (
                  <p className="notice notice--error my-listing__removed" role="note">
                    {t('farm.removedNotice', { reason: l.removalReason ?? '' })}
                  </p>
                )}
                {l.status === 'suspended' && <p className="notice my-listing__removed">{t('farm.suspendedNotice')}</p>}
              </div>
              {l.status === 'removed' || l.status === 'suspended' ? null : (
              <div className="button-row">
                <Link className="btn btn--ghost btn--small" to={`/farm/listings/${l.id}/edit`}>
                  {t('common.edit')}
                </Link>
                {l.status === 'active' ? (
                  <button type="button" className="btn btn--ghost btn--small" disabled={busy === l.id} onClick={() => setStatus(l, 'paused')}>
                    {t('farm.pause')}
                  </button>
                ) : (
                  <button type="button" className="btn btn--ghost btn--small" disabled={busy === l.id} onClick={() => setStatus(l, 'active')}>
                    {t('farm.resume')}
                  </button>
                )}
              </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
