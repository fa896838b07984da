import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { cooperatives, farms, listings } from '../../api';
import { cooperativePath, farmPath, routeKey } from '../../components/links';
import { ListingCard } from '../../components/ListingCard';
import { Empty, ErrorNotice, Loading, PageTitle } from '../../components/ui';
import { useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';

/**
 * A seller's shop page, at its readable link: /farms/<slug> (a farmer) or /cooperatives/<slug>.
 * Its name, county and what it has for sale. An id or an old slug shows the current address.
 */
export default function SellerPage({ kind }: { kind: 'farm' | 'cooperative' }) {
  const key = routeKey(useParams().slug);
  const navigate = useNavigate();
  const { t } = useI18n();
  const seller = useAsync(async () => {
    if (kind === 'farm') {
      const f = await farms.get(key);
      return { id: f.id, slug: f.slug, name: f.displayName, line: t('seller.farmIn', { county: f.countyName ?? f.countyCode ?? '' }) };
    }
    const c = await cooperatives.get(key);
    return { id: c.id, slug: c.slug, name: c.name, line: t('seller.cooperativeIn', { county: c.countyName, members: c.memberCount }) };
  }, [kind, key]);
  const id = seller.data?.id;
  const items = useAsync(
    async () => (id ? listings.search(kind === 'farm' ? { farmerId: id, pageSize: 48 } : { cooperativeId: id, pageSize: 48 }) : undefined),
    [kind, id],
  );
  const slug = seller.data?.slug;
  useEffect(() => {
    if (slug && id && slug !== key) navigate((kind === 'farm' ? farmPath : cooperativePath)({ id, slug }), { replace: true });
  }, [slug, id, key, kind]); // eslint-disable-line react-hooks/exhaustive-deps

  if (seller.error) return <ErrorNotice error={seller.error} onRetry={seller.reload} />;
  if (!seller.data) return <Loading />;
  return (
    <section className="seller-page">
      <PageTitle back={{ to: '/', label: t('nav.backToShop') }}>{seller.data.name}</PageTitle>
      <p className="muted">{seller.data.line}</p>
      {items.error ? (
        <ErrorNotice error={items.error} onRetry={items.reload} />
      ) : !items.data ? (
        <Loading />
      ) : items.data.items.length === 0 ? (
        <Empty>{t('seller.none')}</Empty>
      ) : (
        <>
          <h2>{t('seller.forSale', { count: items.data.total })}</h2>
          <div className="grid">
            {items.data.items.map((l, i) => (
              <ListingCard key={l.id} listing={l} eager={i < 2} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
