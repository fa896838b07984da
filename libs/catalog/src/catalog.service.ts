import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { DEFAULT_PAGE_SIZE, mulDivRound, pageOf, type Page } from '@farmlink/shared';
import { CooperativesService } from '@farmlink/cooperatives';
import { assertMayChangeListing, assertMayReadStockHistory, mayReadListing, type ListingChange } from './listing.access';
import { RegionsService } from '@farmlink/regions';
import { type AuthUser, type PageQueryDto } from '@farmlink/common';
import { UnknownRegionError } from '@farmlink/identity';
import type { CreateListingDto, ImportResultDto, ListingDto, ListingQueryDto, PhotoDto, StockChangeDto, UpdateListingDto } from './dto/listing.dto';
import {
  ImportTooLargeError,
  ListingNotFoundError,
  UnreadableImportError,
  NotCooperativeMemberError,
  PhotoNotFoundError,
  TooManyPhotosError,
  UnreadablePhotoError,
  UnsupportedPhotoTypeError,
} from './catalog.errors';
import { ListingAccess, ListingChanges, ListingRepository, ListingRow, PhotoRow } from './listing.repository';
import { MAX_PHOTOS_PER_LISTING, PHOTO_WIDTHS, processPhoto, sniffImageType } from './photo-processor';
import { PHOTO_STORAGE, type PhotoStorage } from './photo-storage';
import { TtlCache } from './ttl-cache';
import { CatalogEvents } from './catalog-events';
import { CachedListing, etagOf, ListingCache } from './listing-cache';
import { ImportFileError, readImportFile, validateImportRows } from './listing-import';

/** Keys of a photo's sized files: `<storageKey>-<width>.webp`. */
export function photoKeys(storageKey: string): string[] {
  return PHOTO_WIDTHS.map((w) => `${storageKey}-${w}.webp`);
}

@Injectable()
export class CatalogService {
  constructor(
    private readonly listings: ListingRepository,
    private readonly cooperatives: CooperativesService,
    private readonly regions: RegionsService,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
    private readonly events: CatalogEvents,
    config: ConfigService,
    private readonly listingCache: ListingCache,
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
    const id = await this.listings.insert({
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
    });
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
    const row = await this.listings.findById(id);
    if (!row) throw new ListingNotFoundError(id);
    // Public listings need no second look; the others ask who manages the cooperative (listing.access.ts).
    const isPublic = row.status === 'active' || row.status === 'paused';
    const facts = isPublic ? { ...row, cooperativeManagerId: null } : await this.listings.findAccess(id);
    if (!facts || !mayReadListing(caller, facts)) throw new ListingNotFoundError(id);
    const json = JSON.stringify(this.toDto(row));
    const answer = { json, etag: etagOf(json) };
    if (isPublic) this.listingCache.set(id, answer);
    return { ...answer, isPublic };
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
    };
    await this.listings.update(id, changes, caller.id);
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
   * Bulk import (CSV or XLSX): every row is checked by POST /api/listings's rules; the valid ones are
   * created in one transaction (none with allOrNothing and a bad row, none in a dry run); bad rows are named.
   */
  async importListings(caller: AuthUser, bytes: Buffer, opts: { dryRun?: boolean; allOrNothing?: boolean }): Promise<ImportResultDto> {
    let read;
    try {
      read = await readImportFile(bytes);
    } catch (err) {
      if (err instanceof ImportFileError) throw err.kind === 'too_many_rows' ? new ImportTooLargeError(err.message) : new UnreadableImportError(err.message);
      throw err;
    }
    const rows = await validateImportRows(read.headers, read.records);
    const valid = rows.filter((r) => r.listing);
    const create = !opts.dryRun && valid.length > 0 && !(opts.allOrNothing && valid.length < rows.length);
    const ids = create
      ? await this.listings.insertAll(valid.map(({ listing: d }) => ({
          farmerId: caller.id,
          cooperativeId: null,
          title: d!.title,
          description: d!.description ?? '',
          category: d!.category,
          unit: d!.unit,
          netWeightGrams: d!.netWeightGrams,
          priceCents: d!.priceCents,
          stock: d!.stock,
          harvestDate: d!.harvestDate ?? null,
          status: 'active',
        })))
      : [];
    if (create) this.changed();
    const idOf = new Map(valid.map((r, i) => [r.row, ids[i] ?? null]));
    return {
      dryRun: !!opts.dryRun,
      total: rows.length,
      valid: valid.length,
      created: ids.length,
      rows: rows.map((r) => ({
        row: r.row,
        title: r.title,
        ok: r.errors.length === 0,
        errors: r.errors,
        listingId: idOf.get(r.row) ?? null,
        ...(r.listing
          ? { category: r.listing.category, unit: r.listing.unit, netWeightGrams: r.listing.netWeightGrams, priceCents: r.listing.priceCents, stock: r.listing.stock, harvestDate: r.listing.harvestDate ?? null }
          : {}),
      })),
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
    };
    const sort = query.sort ?? 'newest';
    const filterKey = JSON.stringify(filter);
    const pageKey = `${filterKey}|${sort}|${page}|${pageSize}`;
    const cachedPage = this.pages.get(pageKey);
    if (cachedPage !== undefined) return { json: cachedPage };

    const cachedTotal = this.totals.get(filterKey);
    const generation = this.generation;
    const { items, total } = await this.listings.search(
      { ...filter, sort, offset: (page - 1) * pageSize, limit: pageSize },
      cachedTotal === undefined,
      Date.now() - this.changedAt < 2000,
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
      photos: r.photos.map((p) => this.photoDto(p)),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  }
}
