import { formatMoney, unitName } from '@farmlink/shared';
import { CARD_WIDTH, CatalogService, ListingNotFoundError, type ListingDto, type ListingQueryDto, type PhotoDto } from '@farmlink/catalog';
import { CooperativeNotFoundError, CooperativesService } from '@farmlink/cooperatives';
import type { FirstScreenLang } from './first-screen';
import { clip, LINK_TEXT, priceAmount, type LinkKind, type PageMeta, linkPath } from './link-pages';

/**
 * What the server answers for a readable link (serve-web-app.ts):
 * - `page`: the canonical link of a public entity, with the head tags to put in index.html;
 * - `redirect`: an id or an old slug: 301 to the current slug;
 * - `plain`: the entity exists but is not public (an archived listing its farmer may still open):
 *   the app's index.html as it is, no redirect and nothing about it in the head;
 * - `notFound`: nothing has this id or slug (index.html as for any client route; the app says so).
 */
export type LinkPage =
  | { kind: 'page'; meta: PageMeta }
  | { kind: 'redirect'; slug: string }
  | { kind: 'plain' }
  | { kind: 'notFound' };

export type LinkPageSource = (kind: LinkKind, key: string, lang: FirstScreenLang) => Promise<LinkPage>;

/**
 * The first photo's card: its 640-pixel JPEG (cardUrl; the WebP sizes are not shown by WeChat or
 * older WhatsApp), with its size — 640 wide, or the photo's own width when smaller (photos are
 * never enlarged).
 */
function cardImage(photo: PhotoDto | undefined): Pick<PageMeta, 'image' | 'imageType' | 'imageWidth' | 'imageHeight'> {
  if (!photo) return {};
  const width = photo.width > 0 ? Math.min(CARD_WIDTH, photo.width) : CARD_WIDTH;
  const height = photo.width > 0 ? Math.round((width * photo.height) / photo.width) : photo.height;
  return { image: photo.cardUrl, imageType: 'image/jpeg', imageWidth: width, imageHeight: height };
}

/** The readable-link pages, from the catalog and the cooperatives (composition root: apps/api). */
export function linkPageSource(catalog: CatalogService, cooperatives: CooperativesService): LinkPageSource {
  const firstOf = async (filter: Pick<ListingQueryDto, 'farmerId' | 'cooperativeId'>): Promise<{ total: number; first?: ListingDto }> => {
    const page = await catalog.search({ ...filter, page: 1, pageSize: 1, sort: 'newest' } as ListingQueryDto);
    return { total: page.total, first: page.items[0] };
  };

  return async (kind, key, lang) => {
    const words = LINK_TEXT[lang];
    const target = await catalog.resolveLink(kind, key);
    if (!target) return { kind: 'notFound' };

    if (kind === 'listing') {
      let listing: ListingDto;
      try {
        listing = await catalog.get(undefined, target.id);
      } catch (err) {
        if (err instanceof ListingNotFoundError) return { kind: 'plain' };
        throw err;
      }
      if (!target.canonical) return { kind: 'redirect', slug: target.slug };
      const seller = listing.cooperativeName ?? listing.farmerName;
      const summary = `${formatMoney(listing.priceCents, listing.currency)} ${words.perUnit} ${unitName(listing.unit, lang)} · ${listing.countyName} · ${seller}`;
      return {
        kind: 'page',
        meta: {
          type: 'product',
          title: listing.title,
          description: clip(listing.description ? `${summary} · ${listing.description}` : summary, 200),
          path: linkPath('listing', target.slug),
          price: { amount: priceAmount(listing.priceCents, listing.currency), currency: listing.currency },
          availability: listing.stock > 0 && listing.status === 'active' ? 'in stock' : 'out of stock',
          ...cardImage(listing.photos[0]),
        },
      };
    }

    if (kind === 'farm') {
      let farm;
      try {
        farm = await catalog.getFarm(target.id);
      } catch {
        return { kind: 'plain' };
      }
      if (!target.canonical) return { kind: 'redirect', slug: target.slug };
      const { total, first } = await firstOf({ farmerId: farm.id });
      return {
        kind: 'page',
        meta: {
          type: 'profile',
          title: farm.displayName,
          description: words.farm(farm.countyName ?? farm.countyCode ?? '', total),
          path: linkPath('farm', target.slug),
          ...cardImage(first?.photos[0]),
        },
      };
    }

    let cooperative;
    try {
      cooperative = await cooperatives.get(target.id);
    } catch (err) {
      if (err instanceof CooperativeNotFoundError) return { kind: 'notFound' };
      throw err;
    }
    if (!target.canonical) return { kind: 'redirect', slug: target.slug };
    const { total, first } = await firstOf({ cooperativeId: cooperative.id });
    return {
      kind: 'page',
      meta: {
        type: 'profile',
        title: cooperative.name,
        description: words.cooperative(cooperative.countyName, cooperative.memberCount, total),
        path: linkPath('cooperative', target.slug),
        ...cardImage(first?.photos[0]),
      },
    };
  };
}
