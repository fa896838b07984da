import { CATEGORIES } from '@farmlink/shared';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listings, type ListingQuery } from '../../api';
import { prerenderedSearch, takeFirstPage } from '../../api/first-page';
import { ListingCard } from '../../components/ListingCard';
import { MarketSwitcher } from '../../components/MarketSelect';
import { RegionPicker } from '../../components/RegionPicker';
import { Options, PagedList } from '../../components/ui';
import { minorToInput, parseAmount, useAsync } from '../../components/util';
import { useI18n } from '../../i18n/i18n';
import { useMarket } from '../../state/market';

const PAGE_SIZE = 24;

/** The shop's front page: search and filters live in the address, so back/forward and sharing work. */
export function ShopPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const regionCode = params.get('region') ?? '';
  const minPrice = params.get('min') ?? '';
  const maxPrice = params.get('max') ?? '';
  const inStock = params.get('inStock') === '1';
  const sort = (params.get('sort') as ListingQuery['sort']) ?? 'newest';
  const page = Math.max(1, Number(params.get('page')) || 1);
  // With several markets the shop shows one at a time (the visitor's choice); with one, every listing is in it.
  const { several, current, ready } = useMarket();
  const market = several ? current.code : undefined;

  // Words typed into the prerendered search box while the app was on its way are kept.
  const [typed] = useState(prerenderedSearch);
  const [draftQ, setDraftQ] = useState(q || typed.text);
  const [draftMin, setDraftMin] = useState(minPrice ? minorToInput(Number(minPrice), current.currency) : '');
  const [draftMax, setDraftMax] = useState(maxPrice ? minorToInput(Number(maxPrice), current.currency) : '');
  const mounted = useRef(false);
  useEffect(() => {
    // On mount draftQ is already q (or what was typed before the app came); later it follows the address.
    if (mounted.current) setDraftQ(q);
    mounted.current = true;
  }, [q]);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  // The API puts the unfiltered first page into index.html: start from it instead of asking again.
  // (With several markets, known from the last visit, it must be of the shop's market: the app keeps it in a cookie for the API.)
  const [firstPage] = useState(() =>
    !q && !category && !regionCode && !minPrice && !maxPrice && !inStock && sort === 'newest' && page === 1 ? takeFirstPage({ page, pageSize: PAGE_SIZE, sort, market }) : undefined,
  );
  const result = useAsync(
    // The first search waits for the list of markets: with several, it is one market's.
    () =>
      ready.then(() =>
        listings.search({
          q: q || undefined,
          category: (category || undefined) as ListingQuery['category'],
          regionCode: regionCode || undefined,
          minPriceCents: minPrice ? Number(minPrice) : undefined,
          maxPriceCents: maxPrice ? Number(maxPrice) : undefined,
          inStock: inStock || undefined,
          sort,
          page,
          pageSize: PAGE_SIZE,
          market,
        }),
      ),
    [q, category, regionCode, minPrice, maxPrice, inStock, sort, page, market],
    firstPage,
  );

  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    update({ q: draftQ.trim() });
  };
  const minCents = draftMin ? parseAmount(draftMin, current.currency) : null;
  const maxCents = draftMax ? parseAmount(draftMax, current.currency) : null;
  const priceError = (draftMin && minCents === null) || (draftMax && maxCents === null) ? t('validation.money') : minCents !== null && maxCents !== null && minCents > maxCents ? t('validation.priceRange') : '';
  const applyPrice = (e: FormEvent) => {
    e.preventDefault();
    if (priceError) return;
    update({ min: minCents !== null ? String(minCents) : null, max: maxCents !== null ? String(maxCents) : null });
  };

  const filterCount = [category, regionCode, minPrice || maxPrice, inStock ? '1' : ''].filter(Boolean).length;

  return (
    <div className="shop">
      <section className="hero">
        <h1>{t('shop.headline')}</h1>
        <p>{t('shop.subline')}</p>
        <form className="searchbar" role="search" onSubmit={onSearch}>
          <label htmlFor="shop-q" className="visually-hidden">
            {t('shop.searchLabel')}
          </label>
          <input id="shop-q" type="search" name="q" value={draftQ} placeholder={t('shop.searchPlaceholder')} onChange={(e) => setDraftQ(e.target.value)} enterKeyHint="search" autoFocus={typed.focused || undefined} />
          <button type="submit" className="btn">
            {t('shop.search')}
          </button>
        </form>
        {/* Another market's regions are not this one's: its origin filter starts afresh. */}
        <MarketSwitcher onSwitch={() => update({ region: null })} />
      </section>

      <div className="shop__layout">
        <details className="filters" open={filterCount > 0 || undefined}>
          <summary>
            {t('shop.filters')}
            {filterCount > 0 && <span className="badge badge--info">{filterCount}</span>}
          </summary>
          <div className="filters__body">
            <div className="field">
              <label htmlFor="f-category">{t('listing.category')}</label>
              <select id="f-category" value={category} onChange={(e) => update({ category: e.target.value })}>
                <Options empty={t('shop.allCategories')} options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
              </select>
            </div>
            <RegionPicker legend={t('shop.origin')} value={regionCode} market={current.code} mode="any" compact onChange={(code) => update({ region: code })} />
            <form className="price-filter" onSubmit={applyPrice} noValidate>
              <fieldset>
                <legend>{current.currency === 'CNY' ? t('shop.priceRange') : t('shop.priceRangeIn', { currency: current.currency })}</legend>
                <div className="price-filter__row">
                  <div className="field">
                    <label htmlFor="f-min">{t('shop.minPrice')}</label>
                    <input id="f-min" inputMode="decimal" value={draftMin} onChange={(e) => setDraftMin(e.target.value)} placeholder="0.00" aria-invalid={priceError ? true : undefined} />
                  </div>
                  <div className="field">
                    <label htmlFor="f-max">{t('shop.maxPrice')}</label>
                    <input id="f-max" inputMode="decimal" value={draftMax} onChange={(e) => setDraftMax(e.target.value)} placeholder="999.00" aria-invalid={priceError ? true : undefined} />
                  </div>
                </div>
                {priceError && (
                  <p className="field__error" role="alert">
                    {priceError}
                  </p>
                )}
                <button type="submit" className="btn btn--ghost btn--small">
                  {t('shop.applyPrice')}
                </button>
              </fieldset>
            </form>
            <label className="checkbox">
              <input type="checkbox" checked={inStock} onChange={(e) => update({ inStock: e.target.checked ? '1' : null })} />
              {t('shop.inStockOnly')}
            </label>
            {filterCount > 0 && (
              <button
                type="button"
                className="btn btn--ghost btn--small"
                onClick={() => {
                  setDraftMin('');
                  setDraftMax('');
                  update({ category: null, region: null, min: null, max: null, inStock: null });
                }}
              >
                {t('shop.clearFilters')}
              </button>
            )}
          </div>
        </details>

        <section className="results" aria-labelledby="results-heading" aria-busy={result.loading}>
          <div className="results__bar">
            <h2 id="results-heading" className="results__count" aria-live="polite">
              {result.data ? t('shop.resultCount', { count: result.data.total }) : t('shop.results')}
            </h2>
            <div className="field field--inline">
              <label htmlFor="f-sort">{t('shop.sort')}</label>
              <select id="f-sort" value={sort} onChange={(e) => update({ sort: e.target.value === 'newest' ? null : e.target.value })}>
                <option value="newest">{t('shop.sortNewest')}</option>
                <option value="price_asc">{t('shop.sortPriceAsc')}</option>
                <option value="price_desc">{t('shop.sortPriceDesc')}</option>
              </select>
            </div>
          </div>
          <PagedList state={result} empty={t('shop.noResults')} onPage={(p) => update({ page: String(p) })}>
            {(items) => (
              <div className="grid">
                {items.map((l, i) => (
                  <ListingCard key={l.id} listing={l} eager={i < 2} />
                ))}
              </div>
            )}
          </PagedList>
        </section>
      </div>
    </div>
  );
}
