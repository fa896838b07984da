import { Link } from 'react-router-dom';
import type { Listing } from '../api';
import { useI18n } from '../i18n/i18n';
import { listingPath } from './links';
import { RegionName } from './RegionPicker';
import { ProduceImage } from './ui';

export function ListingCard({ listing, eager }: { listing: Listing; eager?: boolean }) {
  const { t, money, unit } = useI18n();
  return (
    <article className="card listing-card" data-listing-id={listing.id}>
      <Link to={listingPath(listing)} className="listing-card__link">
        <ProduceImage
          photo={listing.photos?.[0]}
          alt={listing.title}
          sizes="(max-width: 600px) 50vw, (max-width: 1000px) 33vw, 240px"
          className="listing-card__img"
          eager={eager}
        />
        <div className="listing-card__body">
          <h3 className="listing-card__title">{listing.title}</h3>
          <p className="listing-card__price">
            <strong>{money(listing.priceCents, listing.currency)}</strong>
            <span className="muted"> / {unit(listing.unit)}</span>
          </p>
          <p className="listing-card__meta">
            <span>{t('listing.perKg', { price: money(listing.unitPriceCentsPerKg, listing.currency) })}</span>
            {listing.stock > 0 ? <span className="ok">{t('listing.inStock')}</span> : <span className="warn">{t('listing.soldOut')}</span>}
          </p>
          <p className="listing-card__place muted">{listing.countyName ?? <RegionName code={listing.countyCode} short />}</p>
        </div>
      </Link>
    </article>
  );
}
