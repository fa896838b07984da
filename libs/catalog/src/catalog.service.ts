import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DEFAULT_PAGE_SIZE, mulDivRound, pageOf, type Page } from '@farmlink/shared';
import { CooperativesService } from '@farmlink/cooperatives';
import { assertMayChangeListing, assertMayReadStockHistory, mayReadListing, type ListingChange } from './listing.access';
import { MarketsService, RegionsService } from '@farmlink/regions';
import { type AuthUser, type PageQueryDto } from '@farmlink/common';
import { UnknownRegionError } from '@farmlink/identity';
import type { CreateListingDto, FarmDto, ImportResultDto, ListingDto, ListingQueryDto, PhotoDto, StockChangeDto, UpdateListingDto } from './dto/listing.dto';
import { isUniqueViolation } from '@farmlink/database';
import {
  DuplicateSkuError,
  FarmNotFoundError,
  ImportTooLargeError,
  ListingNotFoundError,
  UnreadableImportError,
  NotCooperativeMemberError,
  PhotoNotFoundError,
  TooManyPhotosError,
  UnreadablePhotoError,
  UnsupportedPhotoTypeError,
} from './catalog.errors';
import { ListingAccess, ListingChanges, ListingRepository, ListingRow, ListingSearch, PhotoRow, type SlugKind } from './listing.repository';
import { CARD_WIDTH, cardJpeg, MAX_PHOTOS_PER_LISTING, PHOTO_WIDTHS, processPhoto, sniffImageType } from './photo-processor';
import { PHOTO_KEY_PATTERN, PHOTO_STORAGE, type PhotoStorage } from './photo-storage';
import { SingleFlight, TtlCache } from './ttl-cache';
import { CatalogEvents } from './catalog-events';
import { CachedListing, etagOf, ListingCache } from './listing-cache';
import { ImportFileError, readImportFile, validateImportRows } from './listing-import';

/** A unique violation of the seller's SKUs becomes a 409 naming the SKU; anything else is thrown as it is. */
const skuClash = (sku: string | null | undefined) => (err: unknown): never => {
  if (isUniqueViolation(err, 'listings_seller_sku_key')) throw new DuplicateSkuError(sku ?? '');
  throw err;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path segment is an id (else it is read as a slug). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** A slug as it can be stored: not empty, at most 100 characters, no U+0000 (otherwise nothing has it). */
function plausibleSlug(value: string): boolean {
  return value.length > 0 && value.length <= 100 && !value.includes('\u0000');
}

/** What a readable link (/listings/…, /farms/…, /cooperatives/…) names. */
export interface SlugTarget {
  id: string;
  /** The entity's current slug: the canonical link. */
  slug: string;
  /** Whether the link used is that canonical one (else: an id or an old slug, to be redirected). */
  canonical: boolean;
}

/** Keys of a photo's sized files: `<storageKey>-<width>.webp`, and its link-preview JPEG (when made) `<storageKey>-640.jpg`. */
export function photoKeys(storageKey: string): string[] {
  return [...PHOTO_WIDTHS.map((w) => `${storageKey}-${w}.webp`), cardKey(storageKey)];
}

/** The key of a photo's link-preview JPEG. */
export const cardKey = (storageKey: string) => `${storageKey}-${CARD_WIDTH}.jpg`;

/** Where the link-preview JPEG is served: always the API (it is made there on first request), whatever serves the WebP sizes. */
export const cardUrl = (storageKey: string) => `/api/photos/${cardKey(storageKey).replace(/^listings\//, '')}`;

@Injectable()
export class CatalogService {
  private readonly logger = new Logger(CatalogService.name);
  constructor(
    private readonly listings: ListingRepository,
    private readonly cooperatives: CooperativesService,
    private readonly regions: RegionsService,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    private readonly events: CatalogEvents,
    config: ConfigService,
    private readonly listingCache: ListingCache,
    private readonly markets: MarketsService,
  ) {
    this.totals = new TtlCache(Number(config.get('CATALOG_COUNT_CACHE_MS') ?? 10_000), 5000);
    this.pages = new TtlCache(Number(config.get('CATALOG_SEARCH_CACHE_MS') ?? 1_000), 2000);
    events.onChange(() => this.clearCaches());
  }

  /**
   * Bumped by every clear: a search that started before a change does not
   * cache what it read (it may predate the change).
   */
  private generation = 0;
  /**
   * When the catalog last changed: for a moment after a change, search reads the primary, so a
   * replica a few milliseconds behind does not put the old answer back in the caches.
   */
  private changedAt = 0;

  /**
   * Search totals, by filter (not page or sort): counting thousands of
   * matches costs far more than reading a page, and a total a few seconds old
   * is fine for a shop. Cleared on every change made through this service.
   */
  private readonly totals: TtlCache<number>;
  /**
   * Whole public search pages for a second, kept as the JSON text sent: popular
   * pages are asked for many times a second, and serialising them again was a
   * fifth of the CPU of a cached page.
   */
  private readonly pages: TtlCache<string>;
  /** Concurrent misses of one search page, or of one listing, share one query. */
  private readonly searching = new SingleFlight<Awaited<ReturnType<ListingRepository['search']>>>();
  private readonly reading = new SingleFlight<Awaited<ReturnType<ListingRepository['findById']>>>();

  /**
   * Forget cached search results after a change, here at once and in every other API process
   * within milliseconds (CatalogEvents: PostgreSQL LISTEN/NOTIFY). Moderation calls it too.
   */
  changed(): void {
    this.clearCaches();
    this.events.announce();
  }

  private clearCaches(): void {
    this.generation++;
    this.changedAt = Date.now();
    this.totals.clear();
    this.pages.clear();
    this.listingCache.clear();
  }

  async create(caller: AuthUser, dto: CreateListingDto): Promise<ListingDto> {
    const cooperativeId = dto.cooperativeId ?? null;
    if (cooperativeId) await this.assertMember(cooperativeId, caller.id);
    const id = await this.listings
      .insert({
        farmerId: caller.id,
        cooperativeId,
        title: dto.title,
        description: dto.description ?? '',
        category: dto.category,
        unit: dto.unit,
        netWeightGrams: dto.netWeightGrams,
        priceCents: dto.priceCents,
        stock: dto.stock,
        harvestDate: dto.harvestDate ?? null,
        status: dto.status ?? 'active',
        sku: dto.sku ?? null,
      })
      .catch(skuClash(dto.sku));
    this.changed();
    return this.toDto((await this.listings.findById(id))!);
  }

  /**
   * One listing. Active and paused listings are public; an archived one, or
   * one hidden while its farmer is suspended, is 404 except for its farmer,
   * its cooperative's manager and admins; a removed (taken down) one is 404
   * to all but its farmer, who sees `removalReason`.
   */
  async get(caller: AuthUser | undefined, id: string): Promise<ListingDto> {
    return JSON.parse((await this.getJson(caller, id)).json) as ListingDto;
  }

  /**
   * The product page: one listing as the JSON text sent, with its ETag, and whether it is public
   * (active or paused: the same answer for everyone, cached for a second in ListingCache; others
   * only for their farmer, cooperative manager or an admin, never cached).
   */
  async getJson(caller: AuthUser | undefined, id: string): Promise<CachedListing & { isPublic: boolean }> {
    const hit = this.listingCache.get(id);
    if (hit) return { ...hit, isPublic: true };
    const ticket = this.listingCache.ticket();
    const row = await this.reading.run(id, () => this.listings.findById(id));
    if (!row) throw new ListingNotFoundError(id);
    // Public listings need no second look; the others ask who manages the cooperative (listing.access.ts).
    const isPublic = row.status === 'active' || row.status === 'paused';
    const facts = isPublic ? { ...row, cooperativeManagerId: null } : await this.listings.findAccess(id);
    if (!facts || !mayReadListing(caller, facts)) throw new ListingNotFoundError(id);
    const json = JSON.stringify(this.toDto(row));
    const answer = { json, body: Buffer.from(json, 'utf8'), etag: etagOf(json) };
    if (isPublic) this.listingCache.set(id, answer, ticket);
    return { ...answer, isPublic };
  }

  /**
   * GET /api/listings/:idOrSlug: an id takes the fast path above (cached answer, ETag); a slug,
   * current or old (kept after a rename), costs one primary-key lookup in slugs first.
   */
  async getJsonByIdOrSlug(caller: AuthUser | undefined, idOrSlug: string): Promise<CachedListing & { isPublic: boolean }> {
    if (isUuid(idOrSlug)) return this.getJson(caller, idOrSlug);
    const target = plausibleSlug(idOrSlug) ? await this.listings.findSlug('listing', idOrSlug) : null;
    if (!target) throw new ListingNotFoundError(idOrSlug);
    return this.getJson(caller, target.id);
  }

  /**
   * What a readable link names: an id or a slug (current or old) of a listing, farm or
   * cooperative, with the current slug; null when nothing has it. Access is not decided here:
   * callers show only what is public.
   */
  async resolveLink(kind: SlugKind, idOrSlug: string): Promise<SlugTarget | null> {
    if (isUuid(idOrSlug)) {
      const slug = await this.listings.currentSlug(kind, idOrSlug);
      return slug ? { id: idOrSlug.toLowerCase(), slug, canonical: false } : null;
    }
    if (!plausibleSlug(idOrSlug)) return null;
    const found = await this.listings.findSlug(kind, idOrSlug);
    return found ? { id: found.id, slug: found.current, canonical: found.isCurrent } : null;
  }

  /** A farm (a farmer's public shop page) by the farmer's id or the farm's slug (current or old). */
  async getFarm(idOrSlug: string): Promise<FarmDto> {
    const target = await this.resolveLink('farm', idOrSlug);
    const farm = target ? await this.listings.findFarm(target.id) : null;
    if (!farm) throw new FarmNotFoundError(idOrSlug);
    return { ...farm, slug: farm.slug ?? farm.id };
  }

  /** The farmer or the cooperative's manager changes a listing; only the farmer may move it to another cooperative. */
  async update(caller: AuthUser, id: string, dto: UpdateListingDto): Promise<ListingDto> {
    const access = await this.changeable(caller, id, 'edit');
    if (dto.cooperativeId !== undefined && dto.cooperativeId !== access.cooperativeId) {
      assertMayChangeListing(caller, access, 'move');
      if (dto.cooperativeId !== null) await this.assertMember(dto.cooperativeId, access.farmerId);
    }
    const changes: ListingChanges = {
      title: dto.title,
      description: dto.description,
      category: dto.category,
      unit: dto.unit,
      netWeightGrams: dto.netWeightGrams,
      priceCents: dto.priceCents,
      stock: dto.stock,
      harvestDate: dto.harvestDate,
      cooperativeId: dto.cooperativeId,
      status: dto.status,
      sku: dto.sku,
    };
    await this.listings.update(id, changes, caller.id).catch(skuClash(dto.sku));
    this.changed();
    return this.toDto((await this.listings.findById(id))!);
  }

  /** A listing's stock history, newest first: for its farmer and its cooperative's manager (and admins). */
  async stockHistory(caller: AuthUser, id: string, query: PageQueryDto): Promise<Page<StockChangeDto>> {
    const access = await this.listings.findAccess(id);
    if (!access) throw new ListingNotFoundError(id);
    assertMayReadStockHistory(caller, access);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { rows, total } = await this.listings.stockHistory(id, pageSize, (page - 1) * pageSize);
    return pageOf(rows.map((r) => ({ ...r, at: r.at.toISOString() })), total, page, pageSize);
  }

  /**
   * Bulk import (CSV or XLSX): every row is checked by POST /api/listings's rules. A valid row whose SKU
   * names one of the caller's listings (sold alone, not archived) updates it; any other valid row creates
   * a listing. All valid rows are written in one transaction (none with allOrNothing and a bad row, none
   * in a dry run), stock changes recorded in the stock history as 'import'; bad rows are named.
   */
  async importListings(caller: AuthUser, bytes: Buffer, opts: { dryRun?: boolean; allOrNothing?: boolean }): Promise<ImportResultDto> {
    let read;
    try {
      read = await readImportFile(bytes);
    } catch (err) {
      if (err instanceof ImportFileError) throw err.kind === 'too_many_rows' ? new ImportTooLargeError(err.message) : new UnreadableImportError(err.message);
      throw err;
    }
    // Prices are read in the farmer's market's currency (its decimals: KES 2, UGX none).
    const checked = await validateImportRows(read.headers, read.records, await this.listings.currencyOfFarmer(caller.id));
    const skus = [...new Set(checked.flatMap((r) => (r.listing?.sku ? [r.listing.sku] : [])))];

    /** Each row's plan against the caller's listings with those SKUs (locked when `m` is given): what it does, or why it cannot. */
    const plan = async (m?: EntityManager) => {
      const bySku = new Map((await this.listings.findBySkus(caller.id, skus, m)).map((x) => [x.sku, x]));
      const rows = checked.map((r) => {
        const match = r.listing?.sku ? bySku.get(r.listing.sku) : undefined;
        if (match && match.status !== 'active' && match.status !== 'paused') {
          const why = match.status === 'removed' ? 'was taken down by an administrator' : 'is hidden while your account is suspended';
          return { ...r, listing: null, errors: [...r.errors, { field: 'sku', message: `The listing with sku ${match.sku} ${why} and cannot be changed` }] };
        }
        return { ...r, updates: match?.id ?? null };
      });
      const valid = rows.filter((r) => r.listing);
      const apply = !opts.dryRun && valid.length > 0 && !(opts.allOrNothing && valid.length < rows.length);
      return { rows, valid, apply };
    };

    const write = async (m: EntityManager, p: Awaited<ReturnType<typeof plan>>) => {
      const ids = new Map<number, string>();
      for (const r of p.valid) {
        const d = r.listing!;
        if ('updates' in r && r.updates) {
          // Blank optional cells leave what the listing has; status stays as it is (a paused listing stays paused).
          await this.listings.update(
            r.updates,
            { title: d.title, category: d.category, unit: d.unit, netWeightGrams: d.netWeightGrams, priceCents: d.priceCents, stock: d.stock, description: d.description, harvestDate: d.harvestDate ?? undefined },
            caller.id,
            m,
            'import',
          );
          ids.set(r.row, r.updates);
        } else {
          const id = await this.listings.insert(
            { farmerId: caller.id, cooperativeId: null, title: d.title, description: d.description ?? '', category: d.category, unit: d.unit,
              netWeightGrams: d.netWeightGrams, priceCents: d.priceCents, stock: d.stock, harvestDate: d.harvestDate ?? null, status: 'active', sku: d.sku ?? null },
            m,
            'import',
          );
          ids.set(r.row, id);
        }
      }
      return ids;
    };

    let planned = await plan();
    let ids = new Map<number, string>();
    if (planned.apply) {
      // Planned again inside the transaction, on the locked listings: what is written is what was checked.
      [planned, ids] = await this.listings
        .transaction(async (m) => {
          const p = await plan(m);
          return [p, p.apply ? await write(m, p) : new Map<number, string>()] as const;
        })
        .catch(skuClash(undefined));
      if (ids.size > 0) this.changed();
    }
    const updatedRows = planned.rows.filter((r) => 'updates' in r && r.updates && ids.has(r.row)).length;
    return {
      dryRun: !!opts.dryRun,
      total: planned.rows.length,
      valid: planned.valid.length,
      created: ids.size - updatedRows,
      updated: updatedRows,
      rows: planned.rows.map((r) => {
        const updates = 'updates' in r ? r.updates : null;
        return {
          row: r.row,
          title: r.title,
          ok: r.errors.length === 0,
          errors: r.errors,
          listingId: ids.get(r.row) ?? updates ?? null,
          sku: r.sku,
          ...(r.listing
            ? {
                action: updates ? ('update' as const) : ('create' as const),
                category: r.listing.category, unit: r.listing.unit, netWeightGrams: r.listing.netWeightGrams, priceCents: r.listing.priceCents, stock: r.listing.stock, harvestDate: r.listing.harvestDate ?? null,
              }
            : {}),
        };
      }),
    };
  }

  /** The farmer archives the listing: it leaves the shop but the row stays (orders point at it). */
  async archive(caller: AuthUser, id: string): Promise<void> {
    await this.changeable(caller, id, 'archive');
    await this.listings.archive(id);
    this.changed();
  }

  /** The caller's own listings, paused ones included (search shows only active ones). */
  async mine(caller: AuthUser): Promise<ListingDto[]> {
    return (await this.listings.ofFarmer(caller.id)).map((r) => this.toDto(r));
  }

  /** A search page as JSON text (what GET /api/listings sends). */
  async searchJson(query: ListingQueryDto): Promise<string> {
    return (await this.searchPage(query)).json;
  }

  async search(query: ListingQueryDto): Promise<Page<ListingDto>> {
    const { page, json } = await this.searchPage(query);
    return page ?? JSON.parse(json);
  }

  private async searchPage(query: ListingQueryDto): Promise<{ page?: Page<ListingDto>; json: string }> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    let countyRange: { from: string; to: string } | undefined;
    if (query.market) await this.markets.get(query.market); // 400 UNKNOWN_MARKET for a market not served here
    if (query.regionCode) {
      const region = await this.regions.find(query.regionCode);
      if (!region) throw new UnknownRegionError('regionCode', query.regionCode);
      // The level comes from the regions table, not from the code's zeros:
      // 441900, 442000 and 460400 end in 00 but are counties.
      const code = region.code;
      countyRange =
        region.level === 'province'
          ? { from: `${code.slice(0, 2)}0000`, to: `${code.slice(0, 2)}9999` }
          : region.level === 'prefecture'
            ? { from: `${code.slice(0, 4)}00`, to: `${code.slice(0, 4)}99` }
            : { from: code, to: code };
    }
    const filter = {
      q: query.q || undefined,
      category: query.category,
      countyCode: query.countyCode,
      countyRange,
      farmerId: query.farmerId,
      cooperativeId: query.cooperativeId,
      minPriceCents: query.minPriceCents,
      maxPriceCents: query.maxPriceCents,
      inStock: query.inStock || undefined,
      market: query.market,
    };
    const sort = query.sort ?? 'newest';
    const filterKey = JSON.stringify(filter);
    const pageKey = `${filterKey}|${sort}|${page}|${pageSize}`;
    const cachedPage = this.pages.peek(pageKey);
    if (cachedPage?.fresh) return { json: cachedPage.value };
    const load = this.loadPage(filter, sort, page, pageSize, pageKey);
    if (cachedPage) {
      // Expired within the last TTL: answer it now, while one query (shared by every such caller) refreshes it.
      load.catch((err: Error) => this.logger.warn(`search page refresh failed: ${err.message}`));
      return { json: cachedPage.value };
    }
    return load;
  }

  /** One search page from the database (concurrent callers of the same page share the query), into the caches. */
  private async loadPage(
    filter: Omit<ListingSearch, 'sort' | 'offset' | 'limit'>,
    sort: ListingSearch['sort'],
    page: number,
    pageSize: number,
    pageKey: string,
  ): Promise<{ page: Page<ListingDto>; json: string }> {
    const filterKey = JSON.stringify(filter);
    const cachedTotal = this.totals.get(filterKey);
    const generation = this.generation;
    const primary = Date.now() - this.changedAt < 2000;
    const { items, total } = await this.searching.run(`${generation}|${cachedTotal === undefined}|${primary}|${pageKey}`, () =>
      this.listings.search({ ...filter, sort, offset: (page - 1) * pageSize, limit: pageSize }, cachedTotal === undefined, primary),
    );
    const fresh = generation === this.generation;
    if (total !== null && fresh) this.totals.set(filterKey, total);
    const result = pageOf(
      items.map((r) => this.toDto(r)),
      total ?? cachedTotal!,
      page,
      pageSize,
    );
    const json = JSON.stringify(result);
    if (fresh) this.pages.set(pageKey, json);
    return { page: result, json };
  }

  // ---- photos ----

  /**
   * Checks the caller may add a photo and that there is room, before the
   * upload is read (so a refused upload costs nothing).
   */
  async assertCanAddPhoto(caller: AuthUser, listingId: string): Promise<void> {
    await this.changeable(caller, listingId, 'edit');
    if ((await this.listings.photoCount(listingId)) >= MAX_PHOTOS_PER_LISTING) throw new TooManyPhotosError(MAX_PHOTOS_PER_LISTING);
  }

  /** Checks the bytes (magic numbers), makes the web sizes, stores them and records the photo. */
  async addPhoto(caller: AuthUser, listingId: string, bytes: Buffer): Promise<PhotoDto> {
    await this.assertCanAddPhoto(caller, listingId);
    if (!sniffImageType(bytes)) throw new UnsupportedPhotoTypeError();
    let processed;
    try {
      processed = await processPhoto(bytes);
    } catch {
      throw new UnreadablePhotoError();
    }
    const photoId = randomUUID();
    const storageKey = `listings/${listingId}/${photoId}`;
    const keys = photoKeys(storageKey);
    await Promise.all(processed.variants.map((v, i) => this.storage.put(keys[i], v.data, 'image/webp')));
    let row: PhotoRow | null;
    try {
      row = await this.listings.insertPhoto(
        { id: photoId, listingId, storageKey, contentType: 'image/webp', width: processed.width, height: processed.height, bytes: bytes.length },
        MAX_PHOTOS_PER_LISTING,
      );
    } catch (err) {
      await this.storage.delete(keys);
      throw err;
    }
    if (!row) {
      await this.storage.delete(keys);
      throw new TooManyPhotosError(MAX_PHOTOS_PER_LISTING);
    }
    this.changed();
    return this.photoDto(row);
  }

  /**
   * A photo's link-preview JPEG (`<photoId>-640.jpg`, for og:image): read from the photo storage, or
   * made from its 640-pixel WebP on the first request and stored there (every process and host then
   * serves the same bytes; two first requests at once write the same file). Null when there is no
   * such photo. A photo's deletion removes it with the WebP sizes (photoKeys).
   */
  async cardJpeg(listingId: string, file: string): Promise<Buffer | null> {
    const key = `listings/${listingId}/${file}`;
    const m = /^(listings\/[0-9a-f-]{36}\/[0-9a-f-]{36})-(\d+)\.jpg$/.exec(key);
    if (!m || Number(m[2]) !== CARD_WIDTH || !PHOTO_KEY_PATTERN.test(key)) return null;
    const stored = await this.storage.get(key);
    if (stored) return stored;
    const webp = await this.storage.get(`${m[1]}-${CARD_WIDTH}.webp`);
    if (!webp) return null;
    const { data } = await cardJpeg(webp);
    await this.storage.put(key, data, 'image/jpeg');
    return data;
  }

  async deletePhoto(caller: AuthUser, listingId: string, photoId: string): Promise<void> {
    await this.changeable(caller, listingId, 'edit');
    const storageKey = await this.listings.deletePhoto(listingId, photoId);
    if (!storageKey) throw new PhotoNotFoundError(photoId);
    this.changed();
    await this.storage.delete(photoKeys(storageKey));
  }

  // ---- helpers ----

  /** The listing's access facts, once listing.access.ts allows the caller this change (else 404, 403, 409 or 422). */
  private async changeable(caller: AuthUser, id: string, change: ListingChange): Promise<ListingAccess> {
    const access = await this.listings.findAccess(id);
    if (!access) throw new ListingNotFoundError(id);
    assertMayChangeListing(caller, access, change);
    return access;
  }

  private async assertMember(cooperativeId: string, farmerId: string): Promise<void> {
    if (!(await this.cooperatives.memberRole(cooperativeId, farmerId))) throw new NotCooperativeMemberError(cooperativeId);
  }

  private photoDto(p: PhotoRow): PhotoDto {
    const sizes = PHOTO_WIDTHS.map((width) => ({ width, url: this.storage.urlFor(`${p.storageKey}-${width}.webp`) }));
    return {
      id: p.id,
      position: p.position,
      url: sizes[sizes.length - 1].url,
      thumbnailUrl: sizes[0].url,
      sizes,
      cardUrl: cardUrl(p.storageKey),
      width: p.width,
      height: p.height,
      contentType: p.contentType,
    };
  }

  private toDto(r: ListingRow): ListingDto {
    return {
      id: r.id,
      title: r.title,
      description: r.description,
      category: r.category,
      unit: r.unit,
      netWeightGrams: r.netWeightGrams,
      priceCents: r.priceCents,
      currency: r.currency,
      marketCode: r.marketCode,
      unitPriceCentsPerKg: mulDivRound(r.priceCents, 1000, r.netWeightGrams),
      stock: r.stock,
      harvestDate: r.harvestDate,
      status: r.status,
      removalReason: r.removalReason,
      farmerId: r.farmerId,
      farmerName: r.farmerName,
      cooperativeId: r.cooperativeId,
      cooperativeName: r.cooperativeName,
      countyCode: r.countyCode,
      countyName: r.countyName,
      slug: r.slug ?? r.id,
      farmerSlug: r.farmerSlug,
      cooperativeSlug: r.cooperativeSlug,
      photos: r.photos.map((p) => this.photoDto(p)),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      sku: r.sku,
    };
  }
}
