import { domainToASCII } from 'node:url';
import { escapeHtml, type FirstScreenLang } from './first-screen';

/**
 * Readable links (issue #17 item 4). `/listings/<slug>`, `/farms/<slug>` and `/cooperatives/<slug>`
 * are the canonical addresses of a listing, a farm and a cooperative: the slug is the name in its
 * own script (雷山银球茶-8f3a2c), percent-encoded UTF-8 on the wire, shown decoded by browsers and
 * chat apps. The server answers them itself, so that
 *  - a crawler that runs no JavaScript (a chat app unfurling a shared link) finds Open Graph tags
 *    (title, description, photo, price) in the head of the HTML: `withPageHead` below;
 *  - an id or an old slug (kept after a rename) answers 301 to the current slug's URL.
 * The body stays the web app's (index.html), which renders the page as before.
 */

export type LinkKind = 'listing' | 'farm' | 'cooperative';

/** URL path prefix of each kind's page. */
export const LINK_PREFIX: Record<LinkKind, string> = { listing: '/listings/', farm: '/farms/', cooperative: '/cooperatives/' };

/** The canonical path of an entity: its prefix and its slug, percent-encoded (UTF-8). */
export function linkPath(kind: LinkKind, slug: string): string {
  return LINK_PREFIX[kind] + encodeURIComponent(slug);
}

/** What the head of a shared page says about it. */
export interface PageMeta {
  title: string;
  description: string;
  /** Absolute or root-relative; made absolute against the site's origin. */
  image?: string;
  /** The image's type (og:image:type): the card is a JPEG. */
  imageType?: string;
  imageWidth?: number;
  imageHeight?: number;
  /** The canonical path (linkPath). */
  path: string;
  type: 'product' | 'profile' | 'website';
  price?: { amount: string; currency: string };
  availability?: 'in stock' | 'out of stock';
}

/** Minor units as the decimal amount Open Graph's product:price:amount wants ("38.00"). */
export function priceAmount(minorUnits: number, currency: string): string {
  const digits = ZERO_DECIMAL.has(currency.toUpperCase()) ? 0 : 2;
  const sign = minorUnits < 0 ? '-' : '';
  const abs = Math.abs(minorUnits);
  if (digits === 0) return `${sign}${abs}`;
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'CLP', 'ISK', 'UGX', 'XAF', 'XOF', 'RWF', 'PYG']);

/**
 * The site's origin for absolute links (og:url, og:image, canonical): PUBLIC_WEB_URL when it is set
 * (an IDN such as https://农场.中国 is kept in its ASCII form, https://xn--...), else the request's
 * own scheme and host. A host that is not a plain DNS name (with a port) is not trusted:
 * `fallback` is used instead. A Unicode host is turned into punycode.
 */
export function siteOrigin(configured: string | undefined, request: { protocol?: string; host?: string }, fallback = 'http://localhost:3000'): string {
  if (configured) return new URL(configured).origin;
  const raw = request.host ?? '';
  const [, name, port] = /^([^:]+)(:\d{1,5})?$/.exec(raw) ?? [];
  const ascii = name ? domainToASCII(name) : '';
  if (!ascii || !/^[a-z0-9.-]+$/i.test(ascii)) return new URL(fallback).origin;
  const protocol = request.protocol === 'https' ? 'https' : 'http';
  return `${protocol}://${ascii.toLowerCase()}${port ?? ''}`;
}

/** A path or URL made absolute against `origin`. */
function absolute(origin: string, pathOrUrl: string): string {
  return new URL(pathOrUrl, origin + '/').href;
}

/** The `<head>` tags of a shared page: title, description, canonical link, Open Graph and Twitter card. */
export function headTags(origin: string, meta: PageMeta, siteName: string): string {
  const url = absolute(origin, meta.path);
  const tag = (property: string, content: string | number | undefined) =>
    content === undefined || content === '' ? '' : `<meta property="${property}" content="${escapeHtml(content)}">`;
  const image = meta.image ? absolute(origin, meta.image) : undefined;
  return [
    `<meta name="description" content="${escapeHtml(meta.description)}">`,
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    tag('og:site_name', siteName),
    tag('og:type', meta.type),
    tag('og:title', meta.title),
    tag('og:description', meta.description),
    tag('og:url', url),
    tag('og:image', image),
    image ? tag('og:image:type', meta.imageType) : '',
    image ? tag('og:image:width', meta.imageWidth) : '',
    image ? tag('og:image:height', meta.imageHeight) : '',
    image ? tag('og:image:alt', meta.title) : '',
    meta.price ? tag('product:price:amount', meta.price.amount) : '',
    meta.price ? tag('product:price:currency', meta.price.currency) : '',
    meta.price ? tag('og:price:amount', meta.price.amount) : '',
    meta.price ? tag('og:price:currency', meta.price.currency) : '',
    meta.availability ? tag('product:availability', meta.availability) : '',
    `<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">`,
    `<meta name="twitter:title" content="${escapeHtml(meta.title)}">`,
    `<meta name="twitter:description" content="${escapeHtml(meta.description)}">`,
    image ? `<meta name="twitter:image" content="${escapeHtml(image)}">` : '',
  ]
    .filter(Boolean)
    .join('');
}

/** index.html with the page's title, language and head tags (the body stays the app's). */
export function withPageHead(indexHtml: string, lang: FirstScreenLang, origin: string, meta: PageMeta, siteName: string): string {
  return indexHtml
    .replace(/<html lang="[^"]*"/, `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"`)
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(`${meta.title} · ${siteName}`)}</title>`)
    // The page's own description replaces the app's generic one.
    .replace(/<meta name="description"[^>]*>\s*/g, '')
    .replace('</head>', () => `${headTags(origin, meta, siteName)}</head>`);
}

/** A text cut to at most `max` characters (by code point), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** The words of the shared pages' descriptions (the API cannot import the web app's messages). */
export const LINK_TEXT: Record<FirstScreenLang, { siteName: string; farm: (county: string, n: number) => string; cooperative: (county: string, members: number, n: number) => string; perUnit: string }> = {
  zh: {
    siteName: '农链 FarmLink',
    farm: (county, n) => `${county}的农场 · 在售 ${n} 件农产品 · 农链产地直发`,
    cooperative: (county, members, n) => `${county}的农民专业合作社 · ${members} 位成员 · 在售 ${n} 件农产品`,
    perUnit: '/',
  },
  en: {
    siteName: 'FarmLink',
    farm: (county, n) => `A farm in ${county} · ${n} products for sale on FarmLink`,
    cooperative: (county, members, n) => `A farmer cooperative in ${county} · ${members} members · ${n} products for sale`,
    perUnit: '/',
  },
};
