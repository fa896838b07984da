import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { escapeLike, moneyMapper, readQuery } from '@farmlink/database';
import type { Category, ListingStatus } from '@farmlink/shared';
import { DEFAULT_CURRENCY } from '@farmlink/shared';
import type { ListingSort } from './dto/listing.dto';
import { stockContextCte, stockContextParams, type StockReason } from './listing-stock-context';

export interface StockChangeRow {
  id: string;
  at: Date;
  delta: number;
  stockAfter: number;
  reason: StockReason;
  actorId: string | null;
  actorName: string | null;
  refId: string | null;
}

export interface PhotoRow {
  id: string;
  position: number;
  storageKey: string;
  contentType: string;
  width: number;
  height: number;
}

export interface ListingRow {
  id: string;
  title: string;
  description: string;
  category: Category;
  unit: string;
  netWeightGrams: number;
  priceCents: number;
  currency: string;
  /** The market the listing is in (its farmer's); priceCents are minor units of the market's currency. */
  marketCode: string;
  stock: number;
  harvestDate: string | null;
  status: ListingStatus;
  /** Why an admin took it down (status `removed`), else null. */
  removalReason: string | null;
  farmerId: string;
  farmerName: string;
  cooperativeId: string | null;
  cooperativeName: string | null;
  countyCode: string;
  countyName: string;
  /** The current slugs (readable links): the listing's, its farm's and its cooperative's. */
  slug: string | null;
  farmerSlug: string | null;
  cooperativeSlug: string | null;
  photos: PhotoRow[];
  createdAt: Date;
  updatedAt: Date;
  /** The seller's own code (SKU), unique per seller of record among listings not archived. */
  sku: string | null;
}

/** A listing found by its SKU for a bulk import. */
export interface SkuMatch {
  id: string;
  sku: string;
  status: ListingStatus;
  stock: number;
}

export type SlugKind = 'listing' | 'farm' | 'cooperative';

/** A farm's public page (a farmer's shop). */
export interface FarmRow {
  id: string;
  displayName: string;
  countyCode: string | null;
  countyName: string | null;
  slug: string | null;
  activeListings: number;
}

/** Who may see and change a listing. */
export interface ListingAccess {
  id: string;
  farmerId: string;
  cooperativeId: string | null;
  cooperativeManagerId: string | null;
  status: ListingStatus;
}

export type NewListing = Pick<
  ListingRow,
  'farmerId' | 'cooperativeId' | 'title' | 'description' | 'category' | 'unit' | 'netWeightGrams' | 'priceCents' | 'stock' | 'harvestDate'
>
  & { status?: 'active' | 'paused'; sku?: string | null };

export type ListingChanges = Partial<Omit<NewListing, 'farmerId'> & { status: 'active' | 'paused' }>;

export interface ListingSearch {
  q?: string;
  category?: Category;
  countyCode?: string;
  /** Inclusive range of county codes (a province or prefecture), or one county. */
  countyRange?: { from: string; to: string };
  farmerId?: string;
  cooperativeId?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  inStock?: boolean;
  /** Only listings of this market. */
  market?: string;
  sort: ListingSort;
  offset: number;
  limit: number;
}

const COLUMN_OF: Record<keyof ListingChanges, string> = {
  cooperativeId: 'cooperative_id',
  title: 'title',
  description: 'description',
  category: 'category',
  unit: 'unit',
  netWeightGrams: 'net_weight_grams',
  priceCents: 'price_cents',
  stock: 'stock',
  harvestDate: 'harvest_date',
  status: 'status',
  sku: 'sku',
};

const ORDER_BY: Record<ListingSort, string> = {
  newest: 'l.created_at DESC, l.id DESC',
  price_asc: 'l.price_cents ASC, l.id ASC',
  price_desc: 'l.price_cents DESC, l.id DESC',
};

/** The columns of a listing as the API shows it; `l` is a listings row (or a subquery of them). */
const LISTING_COLUMNS = `l.id, l.title, l.description, l.category, l.unit, l.net_weight_grams AS "netWeightGrams",
  l.price_cents AS "priceCents", l.currency, l.market_code AS "marketCode", l.stock, to_char(l.harvest_date, 'YYYY-MM-DD') AS "harvestDate", l.status, l.removal_reason AS "removalReason",
  l.farmer_id AS "farmerId", u.display_name AS "farmerName", l.cooperative_id AS "cooperativeId", c.name AS "cooperativeName",
  l.county_code AS "countyCode", r.name AS "countyName", l.created_at AS "createdAt", l.updated_at AS "updatedAt", l.sku,
  ls.slug, fs.slug AS "farmerSlug", cs.slug AS "cooperativeSlug",
  COALESCE((SELECT json_agg(json_build_object('id', p.id, 'position', p.position, 'storageKey', p.storage_key,
              'contentType', p.content_type, 'width', p.width, 'height', p.height) ORDER BY p.position)
            FROM listing_photos p WHERE p.listing_id = l.id), '[]'::json) AS photos`;
const LISTING_JOINS = `JOIN users u ON u.id = l.farmer_id
  JOIN regions r ON r.code = l.county_code
  LEFT JOIN cooperatives c ON c.id = l.cooperative_id
  LEFT JOIN slugs ls ON ls.entity_type = 'listing' AND ls.entity_id = l.id AND ls.is_current
  LEFT JOIN slugs fs ON fs.entity_type = 'farm' AND fs.entity_id = l.farmer_id AND fs.is_current
  LEFT JOIN slugs cs ON cs.entity_type = 'cooperative' AND cs.entity_id = l.cooperative_id AND cs.is_current`;

const toRow = moneyMapper<ListingRow>('priceCents');

/** All SQL about listings and their photos. */
@Injectable()
export class ListingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The currency of the farmer's market (their listings' currency); the default market's for an unknown user. */
  async currencyOfFarmer(farmerId: string): Promise<string> {
    const [row] = await this.db.query(`SELECT m.currency FROM users u JOIN markets m ON m.code = u.market_code WHERE u.id = $1`, [farmerId]);
    return (row?.currency as string | undefined) ?? DEFAULT_CURRENCY;
  }

  /** Inserts a listing; its county, market and currency are the farmer's, read in the same statement. */
  async insert(l: NewListing, m?: EntityManager, reason: 'created' | 'import' = 'created'): Promise<string> {
    // The stock history's first row (trigger on listings) says who listed it and how.
    const [{ id }] = await (m ?? this.db).query(
      `WITH ${stockContextCte(12)}
       INSERT INTO listings (farmer_id, cooperative_id, county_code, title, description, category, unit,
                             net_weight_grams, price_cents, stock, harvest_date, status, sku, market_code, currency)
       SELECT u.id, $2, u.county_code, $3, $4, $5, $6, $7, $8, $9, $10, $11, $15, u.market_code, mk.currency
         FROM users u JOIN markets mk ON mk.code = u.market_code, stock_ctx WHERE u.id = $1
       RETURNING id`,
      [l.farmerId, l.cooperativeId, l.title, l.description, l.category, l.unit, l.netWeightGrams, l.priceCents, l.stock, l.harvestDate, l.status ?? 'active',
        ...stockContextParams({ reason, actorId: l.farmerId }), l.sku ?? null],
    );
    return id;
  }

  /** Runs `work` in one transaction (a bulk import: all its rows or none). */
  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * The listings not archived whose seller of record is `sellerId` (sold alone by that farmer)
   * with one of `skus`; with `m`, locked for the rest of that transaction.
   */
  async findBySkus(sellerId: string, skus: string[], m?: EntityManager): Promise<SkuMatch[]> {
    if (skus.length === 0) return [];
    return (m ?? this.db).query(
      `SELECT id, sku, status, stock FROM listings
        WHERE coalesce(cooperative_id, farmer_id) = $1 AND sku = ANY($2::text[]) AND status <> 'archived'
        ${m ? 'ORDER BY id FOR UPDATE' : ''}`,
      [sellerId, skus],
    );
  }

  async findById(id: string): Promise<ListingRow | null> {
    const rows = await this.db.query(`SELECT ${LISTING_COLUMNS} FROM listings l ${LISTING_JOINS} WHERE l.id = $1`, [id]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  /**
   * What a slug names, and whether it is exactly the entity's current slug (an old one, kept after
   * a rename, or one typed differently — upper case, full-width, decomposed — redirects to it).
   * Primary-key lookups in slugs: the slug as given, else as farmlink_slugify writes it.
   */
  async findSlug(kind: SlugKind, slug: string): Promise<{ id: string; isCurrent: boolean; current: string } | null> {
    const rows = await this.db.query(
      `SELECT s.entity_id AS id, (s.is_current AND s.slug = $2) AS "isCurrent", c.slug AS current
         FROM slugs s JOIN slugs c ON c.entity_type = s.entity_type AND c.entity_id = s.entity_id AND c.is_current
        WHERE s.entity_type = $1 AND s.slug IN ($2, farmlink_slugify($2))
        ORDER BY s.slug = $2 DESC
        LIMIT 1`,
      [kind, slug],
    );
    return rows[0] ?? null;
  }

  /** The current slug of a listing, farm or cooperative (null for an unknown id). */
  async currentSlug(kind: SlugKind, id: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT slug FROM slugs WHERE entity_type = $1 AND entity_id = $2 AND is_current`, [kind, id]);
    return rows[0]?.slug ?? null;
  }

  /** A farmer's public page: name, county and current slug; null for an unknown id or a user who is not a farmer. */
  async findFarm(id: string): Promise<FarmRow | null> {
    const rows = await this.db.query(
      `SELECT u.id, u.display_name AS "displayName", u.county_code AS "countyCode", r.name AS "countyName", s.slug,
              (SELECT count(*)::int FROM listings l WHERE l.farmer_id = u.id AND l.status = 'active') AS "activeListings"
         FROM users u
         LEFT JOIN regions r ON r.code = u.county_code
         LEFT JOIN slugs s ON s.entity_type = 'farm' AND s.entity_id = u.id AND s.is_current
        WHERE u.id = $1 AND u.role = 'farmer' AND u.suspended_at IS NULL`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findAccess(id: string): Promise<ListingAccess | null> {
    const rows = await this.db.query(
      `SELECT l.id, l.farmer_id AS "farmerId", l.cooperative_id AS "cooperativeId", c.manager_id AS "cooperativeManagerId", l.status
         FROM listings l LEFT JOIN cooperatives c ON c.id = l.cooperative_id
        WHERE l.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Changes a listing; a change of stock is recorded in its stock history as an edit (or `reason`) by `actorId`. */
  async update(id: string, changes: ListingChanges, actorId: string, m?: EntityManager, reason: 'edit' | 'import' = 'edit'): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [id, ...stockContextParams({ reason, actorId })];
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${COLUMN_OF[key as keyof ListingChanges]} = $${params.length}`);
    }
    if (sets.length === 0) return;
    // Only active and paused listings are changed (checked again here against a race with DELETE or a takedown).
    await (m ?? this.db).query(
      `WITH ${stockContextCte(2)}
       UPDATE listings SET ${sets.join(', ')}, updated_at = now() FROM stock_ctx WHERE listings.id = $1 AND listings.status IN ('active', 'paused')`,
      params,
    );
  }

  /** One listing's stock history, newest first, with the page's total. */
  async stockHistory(id: string, limit: number, offset: number): Promise<{ rows: StockChangeRow[]; total: number }> {
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(
        `SELECT c.id::text AS id, c.created_at AS at, c.delta, c.stock_after AS "stockAfter", c.reason,
                c.actor_id AS "actorId", u.display_name AS "actorName", c.ref_id AS "refId"
           FROM listing_stock_changes c LEFT JOIN users u ON u.id = c.actor_id
          WHERE c.listing_id = $1 ORDER BY c.id DESC LIMIT $2 OFFSET $3`,
        [id, limit, offset],
      ),
      this.db.query(`SELECT count(*)::int AS total FROM listing_stock_changes WHERE listing_id = $1`, [id]),
    ]);
    return { rows, total };
  }

  async archive(id: string): Promise<void> {
    await this.db.query(`UPDATE listings SET status = 'archived', updated_at = now() WHERE id = $1 AND status IN ('active', 'paused')`, [id]);
  }

  // ---- moderation (on the caller's transaction) ----

  /** Locks a listing for a takedown; answers its status and farmer, or null when unknown. */
  async lockForModeration(m: EntityManager, id: string): Promise<{ id: string; status: ListingStatus; farmerId: string; title: string } | null> {
    const rows = await m.query(`SELECT id, status, farmer_id AS "farmerId", title FROM listings WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** Takes a listing down: status `removed` for good, with the reason its farmer sees. */
  async remove(m: EntityManager, id: string, reason: string, adminId: string): Promise<{ removedAt: Date; previousStatus: ListingStatus }> {
    const [row] = await m.query(
      `WITH old AS (SELECT id, status FROM listings WHERE id = $1), changed AS (
         UPDATE listings l SET status = 'removed', removal_reason = $2, removed_at = now(), removed_by = $3, held_status = NULL, updated_at = now()
           FROM old
          WHERE l.id = old.id
          RETURNING l.removed_at AS "removedAt", old.status AS "previousStatus")
       SELECT * FROM changed`,
      [id, reason, adminId],
    );
    return row;
  }

  /** Hides the active and paused listings of a farmer being suspended, keeping their status in held_status; answers how many. */
  async holdForSuspension(m: EntityManager, farmerId: string): Promise<number> {
    const [{ n }] = await m.query(
      `WITH held AS (
         UPDATE listings SET held_status = status, status = 'suspended', updated_at = now()
          WHERE farmer_id = $1 AND status IN ('active', 'paused')
          RETURNING 1)
       SELECT count(*)::int AS n FROM held`,
      [farmerId],
    );
    return n;
  }

  /** Gives a reinstated farmer's listings back the status they had; answers how many. */
  async releaseAfterSuspension(m: EntityManager, farmerId: string): Promise<number> {
    const [{ n }] = await m.query(
      `WITH released AS (
         UPDATE listings SET status = held_status, held_status = NULL, updated_at = now()
          WHERE farmer_id = $1 AND status = 'suspended'
          RETURNING 1)
       SELECT count(*)::int AS n FROM released`,
      [farmerId],
    );
    return n;
  }

  /**
   * Active listings matching the filters: one page, and (unless `withTotal`
   * is false) how many there are in all. The WHERE clause is built so the
   * partial indexes on active listings serve it: `status = 'active'` always,
   * categories and counties by equality, regions as a range of county codes
   * (listings_active_category_county_idx), text through the trigram index on
   * `title || ' ' || description`. The page's ids are chosen first (often from
   * the index alone), then only those rows are read and joined. Ties are broken
   * by id, so pages are stable. Read from a replica when there are some
   * (DATABASE_REPLICA_URLS), unless `onPrimary` (just after a change).
   */
  async search(s: ListingSearch, withTotal = true, onPrimary = false): Promise<{ items: ListingRow[]; total: number | null }> {
    const read = onPrimary ? (sql: string, params: unknown[]) => this.db.query(sql, params) : (sql: string, params: unknown[]) => readQuery(this.db, sql, params);
    const where = [`l.status = 'active'`];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (s.q) add((p) => `(l.title || ' ' || l.description) ILIKE ${p} ESCAPE '\\'`, `%${escapeLike(s.q)}%`);
    if (s.category) add((p) => `l.category = ${p}`, s.category);
    if (s.countyCode) add((p) => `l.county_code = ${p}`, s.countyCode);
    if (s.countyRange) {
      if (s.countyRange.from === s.countyRange.to) add((p) => `l.county_code = ${p}`, s.countyRange.from);
      else {
        add((p) => `l.county_code >= ${p}`, s.countyRange.from);
        add((p) => `l.county_code <= ${p}`, s.countyRange.to);
      }
    }
    if (s.farmerId) add((p) => `l.farmer_id = ${p}`, s.farmerId);
    if (s.cooperativeId) add((p) => `l.cooperative_id = ${p}`, s.cooperativeId);
    if (s.minPriceCents !== undefined) add((p) => `l.price_cents >= ${p}`, s.minPriceCents);
    if (s.maxPriceCents !== undefined) add((p) => `l.price_cents <= ${p}`, s.maxPriceCents);
    if (s.inStock) where.push('l.stock > 0');
    if (s.market) add((p) => `l.market_code = ${p}`, s.market);
    const whereSql = where.join(' AND ');
    const order = ORDER_BY[s.sort];

    const [rows, counted] = await Promise.all([
      read(
        `WITH page AS (
           SELECT l.id, l.created_at, l.price_cents FROM listings l WHERE ${whereSql}
            ORDER BY ${order} LIMIT $${params.length + 1} OFFSET $${params.length + 2})
         SELECT ${LISTING_COLUMNS}
           FROM page JOIN listings l ON l.id = page.id
           ${LISTING_JOINS}
          ORDER BY ${order}`,
        [...params, s.limit, s.offset],
      ),
      withTotal ? read(`SELECT count(*)::int AS total FROM listings l WHERE ${whereSql}`, params) : Promise.resolve(null),
    ]);
    return { items: rows.map(toRow), total: counted ? (counted[0].total as number) : null };
  }

  /** A farmer's own listings that are not archived (active, paused, removed with its reason, suspended), newest first. */
  async ofFarmer(farmerId: string): Promise<ListingRow[]> {
    const rows = await this.db.query(
      `SELECT ${LISTING_COLUMNS} FROM listings l ${LISTING_JOINS}
        WHERE l.farmer_id = $1 AND l.status <> 'archived'
        ORDER BY l.created_at DESC, l.id DESC
        LIMIT 500`,
      [farmerId],
    );
    return rows.map(toRow);
  }

  // ---- photos ----

  async photoCount(listingId: string): Promise<number> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM listing_photos WHERE listing_id = $1`, [listingId]);
    return n;
  }

  /**
   * Adds a photo at the first free position, with the listing row locked so
   * concurrent uploads take different positions. Answers null when all
   * `maxPhotos` positions are taken.
   */
  async insertPhoto(
    photo: { id: string; listingId: string; storageKey: string; contentType: string; width: number; height: number; bytes: number },
    maxPhotos: number,
  ): Promise<PhotoRow | null> {
    return this.db.transaction(async (m: EntityManager) => {
      await m.query(`SELECT 1 FROM listings WHERE id = $1 FOR UPDATE`, [photo.listingId]);
      const taken: { position: number }[] = await m.query(`SELECT position FROM listing_photos WHERE listing_id = $1`, [photo.listingId]);
      const used = new Set(taken.map((t) => t.position));
      let position = 0;
      while (used.has(position)) position++;
      if (position >= maxPhotos) return null;
      const [row] = await m.query(
        `INSERT INTO listing_photos (id, listing_id, position, storage_key, content_type, width, height, bytes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         RETURNING id, position, storage_key AS "storageKey", content_type AS "contentType", width, height`,
        [photo.id, photo.listingId, position, photo.storageKey, photo.contentType, photo.width, photo.height, photo.bytes],
      );
      await m.query(`UPDATE listings SET updated_at = now() WHERE id = $1`, [photo.listingId]);
      return row as PhotoRow;
    });
  }

  /** Deletes the photo; answers its storage key, or null when the listing has no such photo. */
  async deletePhoto(listingId: string, photoId: string): Promise<string | null> {
    const rows = await this.db.query(
      `WITH gone AS (DELETE FROM listing_photos WHERE listing_id = $1 AND id = $2 RETURNING storage_key)
       SELECT storage_key AS "storageKey" FROM gone`,
      [listingId, photoId],
    );
    return rows[0]?.storageKey ?? null;
  }
}
