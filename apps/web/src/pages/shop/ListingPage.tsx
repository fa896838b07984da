import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { cooperativePath, farmPath, listingPath, routeKey } from '../../components/links';
import { listings } from '../../api';
import { RegionName } from '../../components/RegionPicker';
import { ErrorNotice, Loading, PageTitle, ProduceImage } from '../../components/ui';
import { useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useAuth } from '../../state/auth';
import { useCart } from '../../state/cart';

export default function ListingPage() {
  // The listing's slug (readable link) or, from older links, its id.
  const key = routeKey(useParams().id);
  const navigate = useNavigate();
  const { t, money, date, number, unit } = useI18n();
  const { user } = useAuth();
  const cart = useCart();
  const state = useAsync(() => listings.get(key), [key]);
  const [photoIndex, setPhotoIndex] = useState(0);
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState(false);
  // An id or an old slug (the listing was renamed): show the current, readable address.
  const canonical = state.data?.slug;
  useEffect(() => {
    if (canonical && canonical !== key) navigate(listingPath({ id: state.data!.id, slug: canonical }) + window.location.search, { replace: true });
  }, [canonical, key]); // eslint-disable-line react-hooks/exhaustive-deps

  if (state.error) return <ErrorNotice error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Loading />;
  const l = state.data;
  const photo = l.photos?.[photoIndex] ?? l.photos?.[0];
  const canBuy = (!user || user.role === 'buyer') && l.status === 'active' && l.stock > 0;
  const inCart = cart.lines.find((c) => c.listingId === l.id);

  return (
    <article className="listing-page">
      <PageTitle back={{ to: '/', label: t('nav.backToShop') }}>{l.title}</PageTitle>
      <div className="listing-page__layout">
        <div className="gallery">
          <ProduceImage photo={photo} alt={l.title} sizes="(max-width: 800px) 100vw, 520px" className="gallery__main" eager />
          {l.photos.length > 1 && (
            <div className="gallery__thumbs" role="list">
              {l.photos.map((p, i) => (
                <button key={p.url} type="button" role="listitem" className={i === photoIndex ? 'is-current' : ''} aria-label={t('listing.photoN', { n: i + 1 })} aria-pressed={i === photoIndex} onClick={() => setPhotoIndex(i)}>
                  <ProduceImage photo={p} alt="" sizes="64px" />
                </button>
              ))}
            </div>
          )}
        </div>
        <div className="listing-page__info">
          <p className="price-big">
            {money(l.priceCents, l.currency)} <span className="muted">/ {unit(l.unit)}</span>
          </p>
          <p className="price-kg">{t('listing.perKg', { price: money(l.unitPriceCentsPerKg, l.currency) })}</p>
          <dl className="facts">
            <dt>{t('listing.category')}</dt>
            <dd>{t(`category.${l.category}`)}</dd>
            <dt>{t('listing.netWeight')}</dt>
            <dd>{t('listing.kg', { kg: number(l.netWeightGrams / 1000, 3) })}</dd>
            <dt>{t('listing.stock')}</dt>
            <dd>{l.stock > 0 ? t('listing.stockLeft', { n: l.stock, unit: unit(l.unit) }) : t('listing.soldOut')}</dd>
            {l.harvestDate && (
              <>
                <dt>{t('listing.harvestDate')}</dt>
                <dd>{date(l.harvestDate)}</dd>
              </>
            )}
            <dt>{t('listing.origin')}</dt>
            <dd>
              <RegionName code={l.countyCode} />
            </dd>
            <dt>{t('listing.seller')}</dt>
            <dd>
              {l.cooperativeName && l.cooperativeId ? (
                <Link to={cooperativePath({ id: l.cooperativeId, slug: l.cooperativeSlug })}>{t('listing.viaCooperative', { name: l.cooperativeName })}</Link>
              ) : (
                <Link to={farmPath({ id: l.farmerId, slug: l.farmerSlug })}>{l.farmerName ?? t('listing.farmer')}</Link>
              )}
            </dd>
          </dl>
          {l.status === 'removed' ? (
            <p className="notice notice--error">{t('farm.removedNotice', { reason: l.removalReason ?? '' })}</p>
          ) : (
            l.status !== 'active' && <p className="notice">{t('listing.notAvailable')}</p>
          )}
          {canBuy && (
            <form
              className="buy-box"
              onSubmit={(e) => {
                e.preventDefault();
                cart.add(l, quantity);
                setAdded(true);
              }}
            >
              <div className="field field--inline">
                <label htmlFor="qty">{t('cart.quantity')}</label>
                <div className="stepper">
                  <button type="button" aria-label={t('cart.less')} onClick={() => setQuantity((q) => Math.max(1, q - 1))}>
                    −
                  </button>
                  <input id="qty" type="number" inputMode="numeric" min={1} max={l.stock} value={quantity} onChange={(e) => setQuantity(Math.min(l.stock, Math.max(1, Math.floor(Number(e.target.value)) || 1)))} />
                  <button type="button" aria-label={t('cart.more')} onClick={() => setQuantity((q) => Math.min(l.stock, q + 1))}>
                    +
                  </button>
                </div>
              </div>
              <button type="submit" className="btn btn--primary btn--block">
                {t('listing.addToCart')}
              </button>
              {(added || inCart) && (
                <p className="ok" role="status">
                  {t('listing.inCart', { n: inCart?.quantity ?? quantity })} <Link to="/cart">{t('cart.goToCart')}</Link>
                </p>
              )}
            </form>
          )}
          {l.description && (
            <section className="description">
              <h2>{t('listing.description')}</h2>
              <p>{l.description}</p>
            </section>
          )}
        </div>
      </div>
    </article>
  );
}
