import { formatMoney, unitName, type Page } from '@farmlink/shared';

/**
 * The shop's first screen as plain HTML, put inside index.html's root element
 * so that a phone on a slow connection reads the first listings (title, price,
 * photo with its size) as soon as the HTML arrives, seconds before the
 * JavaScript does. The markup copies the React app's (Layout, ShopPage,
 * ListingCard: same elements and classes, so the inlined stylesheet lays it
 * out the same and nothing jumps when the app replaces it). The same page goes
 * along as JSON (FIRST_PAGE_ELEMENT_ID) so the app starts from it without
 * asking the API again.
 *
 * Everything that comes from users (titles, units, county names, photo URLs)
 * goes through escapeHtml; the JSON through jsonForScript.
 */

/** The id of the `<script type="application/json">` holding the first page (apps/web/src/api/first-page.ts reads it). */
export const FIRST_PAGE_ELEMENT_ID = 'farmlink-first-page';

/** What ShopPage asks for when nothing is filtered (apps/web/src/pages/shop/ShopPage.tsx: PAGE_SIZE, sort newest). */
export const FIRST_PAGE_QUERY = { page: 1, pageSize: 24, sort: 'newest' } as const;

/** The first page's query, of one market where the shop shows one (a deployment of several markets). */
export type FirstPageQuery = typeof FIRST_PAGE_QUERY & { market?: string };

/**
 * The market whose shop the app will show: the one the app keeps in the `farmlink.market` cookie
 * when the deployment serves several (apps/web/src/state/market.tsx); undefined otherwise (every
 * market's listings, as the app asks with one market).
 */
export function firstScreenMarket(headers: { cookie?: string }): string | undefined {
  return /(?:^|;\s*)farmlink\.market=([a-z]{2,8})(?:;|$)/.exec(headers.cookie ?? '')?.[1];
}

export type FirstScreenLang = 'zh' | 'en';

/**
 * The few words of the first screen, copied from apps/web/src/i18n/{zh,en}.ts
 * (the API cannot import the web app's ES modules); test/web/first-screen.e2e-spec.ts
 * fails when they drift apart.
 */
export const FIRST_SCREEN_TEXT: Record<FirstScreenLang, Record<FirstScreenKey, string>> = {
  zh: {
    'app.name': '农链 FarmLink',
    'app.title': '农链 FarmLink — 农产品产地直发',
    'nav.skip': '跳到正文',
    'nav.main': '主导航',
    'nav.shop': '商城',
    'nav.myOrders': '我的订单',
    'nav.register': '注册',
    'nav.signIn': '登录',
    'shop.headline': '产地直发，新鲜到家',
    'shop.subline': '直接向县域农户和合作社购买农产品。',
    'shop.searchLabel': '搜索农产品',
    'shop.searchPlaceholder': '搜索：猕猴桃、茶叶、大米…',
    'shop.search': '搜索',
    'shop.filters': '筛选',
    'shop.resultCount': '共 {count} 件商品',
    'listing.inStock': '有货',
    'listing.soldOut': '已售罄',
    'listing.perKg': '折合 {price}/公斤',
    'nav.language': '切换语言',
    'nav.cartCount': '购物车，{count} 件',
    'shop.sort': '排序',
    'shop.sortNewest': '最新上架',
    'shop.sortPriceAsc': '价格从低到高',
    'shop.sortPriceDesc': '价格从高到低',
    'shop.noResults': '没有找到商品。试试减少筛选条件或换个词。',
  },
  en: {
    'app.name': 'FarmLink',
    'app.title': 'FarmLink — produce straight from the farm',
    'nav.skip': 'Skip to content',
    'nav.main': 'Main',
    'nav.shop': 'Shop',
    'nav.myOrders': 'My orders',
    'nav.register': 'Register',
    'nav.signIn': 'Sign in',
    'shop.headline': 'Fresh from the farm, straight to you',
    'shop.subline': 'Buy directly from farmers and cooperatives in rural counties.',
    'shop.searchLabel': 'Search produce',
    'shop.searchPlaceholder': 'Search: kiwi, tea, rice…',
    'shop.search': 'Search',
    'shop.filters': 'Filters',
    'shop.resultCount': '{count} items',
    'listing.inStock': 'In stock',
    'listing.soldOut': 'Sold out',
    'listing.perKg': '{price}/kg',
    'nav.language': 'Switch language',
    'nav.cartCount': 'Cart, {count} items',
    'shop.sort': 'Sort',
    'shop.sortNewest': 'Newest',
    'shop.sortPriceAsc': 'Price: low to high',
    'shop.sortPriceDesc': 'Price: high to low',
    'shop.noResults': 'Nothing found. Try fewer filters or another word.',
  },
};

export type FirstScreenKey =
  | 'app.name'
  | 'app.title'
  | 'nav.skip'
  | 'nav.main'
  | 'nav.shop'
  | 'nav.myOrders'
  | 'nav.register'
  | 'nav.signIn'
  | 'shop.headline'
  | 'shop.subline'
  | 'shop.searchLabel'
  | 'shop.searchPlaceholder'
  | 'shop.search'
  | 'shop.filters'
  | 'shop.resultCount'
  | 'listing.inStock'
  | 'listing.soldOut'
  | 'listing.perKg'
  | 'nav.language'
  | 'nav.cartCount'
  | 'shop.sort'
  | 'shop.sortNewest'
  | 'shop.sortPriceAsc'
  | 'shop.sortPriceDesc'
  | 'shop.noResults';

/** The listing fields the first screen shows (a subset of ListingDto). */
export interface FirstScreenListing {
  id: string;
  /** The readable link's slug (as ListingCard links it: listingPath in apps/web/src/components/links.ts). */
  slug?: string | null;
  title: string;
  unit: string;
  priceCents: number;
  currency?: string;
  unitPriceCentsPerKg: number;
  stock: number;
  countyCode: string;
  countyName?: string | null;
  photos?: { url: string; width?: number; height?: number; sizes?: { url: string; width: number }[] }[];
}

/** Text and attribute values: & < > " ' become entities. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * JSON text that is safe inside `<script type="application/json">`: no `<`
 * (so no `</script>` or `<!--`), `>` or `&`, and no U+2028/U+2029; JSON.parse
 * reads it back unchanged.
 */
export function jsonForScript(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The language the app will show: the one the user chose (the app keeps it in
 * the `farmlink.lang` cookie as well as in localStorage), else zh for browsers
 * that ask for Chinese, as the app's initialLang() decides.
 */
export function firstScreenLang(headers: { cookie?: string; 'accept-language'?: string | string[] }): FirstScreenLang {
  const chosen = /(?:^|;\s*)farmlink\.lang=(zh|en)(?:;|$)/.exec(headers.cookie ?? '')?.[1];
  return chosen === 'zh' || chosen === 'en' ? chosen : langFromAcceptLanguage(headers['accept-language']);
}

/** zh for browsers that ask for Chinese, as the web app's initialLang() decides without a saved choice. */
export function langFromAcceptLanguage(header: string | string[] | undefined): FirstScreenLang {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const langs = value
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((l) => l.tag && l.q > 0);
  // The app picks zh when any of the browser's languages is Chinese.
  return langs.some((l) => l.tag.startsWith('zh')) ? 'zh' : 'en';
}

function text(lang: FirstScreenLang, key: FirstScreenKey, params?: Record<string, string | number>): string {
  const value = FIRST_SCREEN_TEXT[lang][key];
  return params ? value.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`)) : value;
}

const BRAND_SVG =
  '<svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true"><rect width="32" height="32" rx="7" fill="#2f6b3a"></rect>' +
  '<path d="M16 6c-5 4-7 9-6 15 5 0 9-3 11-8-3 1-5 3-6 6 0-5 1-9 1-13z" fill="#f4d35e"></path></svg>';
const PLACEHOLDER_SVG =
  '<svg viewBox="0 0 48 48" aria-hidden="true" width="48" height="48"><path d="M24 8c-7 6-10 13-8 22 7 0 13-5 15-12-4 1-7 4-8 9 0-7 1-13 1-19z" fill="currentColor"></path></svg>';
const CART_SVG =
  '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true"><path d="M3 4h2l2.4 10.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 1.9-1.4L21 8H6.2" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"></path>' +
  '<circle cx="10" cy="20" r="1.5" fill="currentColor"></circle><circle cx="17" cy="20" r="1.5" fill="currentColor"></circle></svg>';
const CARD_IMAGE_SIZES = '(max-width: 600px) 50vw, (max-width: 1000px) 33vw, 240px';

/** One card, as ListingCard renders it. */
function card(lang: FirstScreenLang, l: FirstScreenListing, eager: boolean): string {
  const photo = l.photos?.[0];
  let image: string;
  if (!photo) {
    image = `<div class="img-placeholder listing-card__img" role="img" aria-label="${escapeHtml(l.title)}">${PLACEHOLDER_SVG}</div>`;
  } else {
    const srcSet = photo.sizes?.length ? photo.sizes.map((s) => `${s.url} ${s.width}w`).join(', ') : '';
    image =
      `<img class="listing-card__img" src="${escapeHtml(photo.sizes?.[0]?.url ?? photo.url)}"` +
      (srcSet ? ` srcset="${escapeHtml(srcSet)}" sizes="${CARD_IMAGE_SIZES}"` : '') +
      ` width="${Number(photo.width) || 400}" height="${Number(photo.height) || 300}" alt="${escapeHtml(l.title)}"` +
      ` loading="${eager ? 'eager' : 'lazy'}" decoding="async"${eager ? ' fetchpriority="high"' : ''}>`;
  }
  const price = formatMoney(l.priceCents, l.currency);
  const perKg = text(lang, 'listing.perKg', { price: formatMoney(l.unitPriceCentsPerKg, l.currency) });
  const stock = l.stock > 0 ? `<span class="ok">${escapeHtml(text(lang, 'listing.inStock'))}</span>` : `<span class="warn">${escapeHtml(text(lang, 'listing.soldOut'))}</span>`;
  return (
    `<article class="card listing-card" data-listing-id="${escapeHtml(l.id)}">` +
    `<a href="/listings/${escapeHtml(encodeURIComponent(l.slug || l.id))}" class="listing-card__link">${image}` +
    `<div class="listing-card__body">` +
    `<h3 class="listing-card__title">${escapeHtml(l.title)}</h3>` +
    `<p class="listing-card__price"><strong>${escapeHtml(price)}</strong><span class="muted"> / ${escapeHtml(unitName(l.unit, lang))}</span></p>` +
    `<p class="listing-card__meta"><span>${escapeHtml(perKg)}</span>${stock}</p>` +
    `<p class="listing-card__place muted">${escapeHtml(l.countyName ?? l.countyCode)}</p>` +
    `</div></a></article>`
  );
}

/** The shop's first screen (header, search, the first page of listings), to go inside `<div id="root">`. */
export function renderShopFirstScreen(lang: FirstScreenLang, page: Page<FirstScreenListing>): string {
  const t = (key: FirstScreenKey, params?: Record<string, string | number>) => escapeHtml(text(lang, key, params));
  const cards = page.items.map((l, i) => card(lang, l, i < 2)).join('');
  return (
    `<div class="app">` +
    `<a class="skip-link" href="#main">${t('nav.skip')}</a>` +
    `<header class="topbar"><div class="topbar__inner">` +
    `<a href="/" class="brand" aria-label="${t('app.name')}">${BRAND_SVG}<span>${t('app.name')}</span></a>` +
    // The header's controls as the app draws them for a visitor (the language switch works once the app runs).
    `<div class="topbar__actions">` +
    `<button type="button" class="lang-switch" aria-label="${t('nav.language')}" lang="${lang === 'zh' ? 'en' : 'zh-CN'}">${lang === 'zh' ? 'EN' : '中文'}</button>` +
    `<a href="/cart" class="cart-link" aria-label="${t('nav.cartCount', { count: 0 })}">${CART_SVG}</a>` +
    `<a class="btn btn--small" href="/login">${t('nav.signIn')}</a></div>` +
    `</div>` +
    `<nav class="mainnav" aria-label="${t('nav.main')}"><a href="/" class="active" aria-current="page">${t('nav.shop')}</a>` +
    `<a href="/orders">${t('nav.myOrders')}</a><a href="/register">${t('nav.register')}</a></nav>` +
    `</header>` +
    `<main id="main" class="main" tabindex="-1"><div class="shop">` +
    `<section class="hero"><h1>${t('shop.headline')}</h1><p>${t('shop.subline')}</p>` +
    // Without the app a search is a plain GET of /?q=…, which the app reads when it arrives.
    `<form class="searchbar" role="search" action="/" method="get">` +
    `<label for="shop-q" class="visually-hidden">${t('shop.searchLabel')}</label>` +
    `<input id="shop-q" type="search" name="q" value="" data-prerendered="" placeholder="${t('shop.searchPlaceholder')}" enterkeyhint="search">` +
    `<button type="submit" class="btn">${t('shop.search')}</button></form></section>` +
    `<div class="shop__layout">` +
    `<details class="filters"><summary>${t('shop.filters')}</summary></details>` +
    `<section class="results" aria-labelledby="results-heading">` +
    `<div class="results__bar"><h2 id="results-heading" class="results__count">${t('shop.resultCount', { count: page.total })}</h2>` +
    // Sorting without the app: a plain GET of /?sort=…, which the app reads when it arrives.
    `<form class="field field--inline" action="/" method="get"><label for="f-sort">${t('shop.sort')}</label>` +
    `<select id="f-sort" name="sort"><option value="newest" selected>${t('shop.sortNewest')}</option>` +
    `<option value="price_asc">${t('shop.sortPriceAsc')}</option><option value="price_desc">${t('shop.sortPriceDesc')}</option></select></form></div>` +
    (page.items.length > 0 ? `<div class="grid">${cards}</div>` : `<div class="empty">${t('shop.noResults')}</div>`) +
    `</section></div></div></main></div>`
  );
}

/**
 * index.html with the first screen inside the root element, the page's JSON
 * before `</body>`, and the document's language; `undefined` when the
 * template has no empty root element to fill.
 */
export function withFirstScreen(indexHtml: string, lang: FirstScreenLang, pageJson: string, query: FirstPageQuery = FIRST_PAGE_QUERY): string | undefined {
  const root = '<div id="root"></div>';
  if (!indexHtml.includes(root) || !indexHtml.includes('</body>')) return undefined;
  const page = JSON.parse(pageJson) as Page<FirstScreenListing>;
  const data = `<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">${jsonForScript(JSON.stringify({ query, page }))}</script>`;
  return indexHtml
    .replace(/<html lang="[^"]*"/, `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(text(lang, 'app.title'))}</title>`)
    .replace(root, () => `<div id="root">${renderShopFirstScreen(lang, page)}</div>`)
    .replace('</body>', () => `${data}</body>`);
}

/**
 * index.html with its stylesheets inlined (`<style>` in place of each
 * `<link rel="stylesheet" href="/assets/…">`): on a 2 s round trip a
 * stylesheet fetched separately holds back the first paint by another 2 s.
 * `readAsset` gives a built file's text (or undefined: that link stays).
 */
export function inlineStylesheets(indexHtml: string, readAsset: (href: string) => string | undefined, maxBytes = 64 * 1024): string {
  return indexHtml.replace(/<link\b[^>]*\brel="stylesheet"[^>]*>/g, (tag) => {
    const href = /\bhref="(\/assets\/[^"]+\.css)"/.exec(tag)?.[1];
    const css = href ? readAsset(href) : undefined;
    if (css === undefined || css.length > maxBytes || /<\/style/i.test(css)) return tag;
    return `<style data-href="${escapeHtml(href)}">${css}</style>`;
  });
}
