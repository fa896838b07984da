import { Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { moneyMapper, preparedQuery } from '@farmlink/database';
import type { ListingStatus } from '@farmlink/shared';
import { ListingCache } from './listing-cache';
import { stockContextCte, stockContextParams, type StockContext } from './listing-stock-context';

/** What checkout needs to know about a listing, read inside the checkout transaction. */
export interface CheckoutListing {
  id: string;
  title: string;
  unit: string;
  category: string;
  netWeightGrams: number;
  priceCents: number;
  currency: string;
  /** The listing's market (its farmer's; it never changes). */
  marketCode: string;
  stock: number;
  /** Only `active` listings are sold; `removed` and `suspended` are moderation's (see ModerationService). */
  status: ListingStatus;
  farmerId: string;
  cooperativeId: string | null;
  countyCode: string;
  farmerCountyCode: string | null;
  /** The farmer's poverty registration is verified (not merely claimed) when the order is placed. */
  farmerPovertyRegistered: boolean;
  cooperativeCountyCode: string | null;
}

const toCheckoutListing = moneyMapper<CheckoutListing>('priceCents');

export interface StockItem {
  listingId: string;
  quantity: number;
}

/**
 * Stock and checkout reads for the orders lib. It holds no connection of its
 * own: every method runs on the caller's EntityManager, so it joins the
 * caller's transaction (a global repository there would take a second pool
 * connection and can deadlock the pool under load).
 */
@Injectable()
export class ListingStockRepository {
  constructor(@Optional() private readonly cache?: ListingCache) {}

  /**
   * Checkout's one round trip: locks the listings in id order (so concurrent
   * checkouts cannot deadlock), takes the stock of every active listing that
   * has enough, and answers the snapshot of each listing found with whether its
   * stock was taken. The caller rolls back unless every item was taken. The same statement sets
   * the stock history's reason (`context`, read by the trigger on listings.stock).
   */
  async takeForCheckout(
    manager: EntityManager,
    items: StockItem[],
    context: StockContext = { reason: 'checkout' },
  ): Promise<{ listings: CheckoutListing[]; taken: Set<string> }> {
    const merged = mergeItems(items).filter(([, q]) => Number.isSafeInteger(q) && q > 0);
    if (merged.length === 0) return { listings: [], taken: new Set() };
    // Written for a generic plan (the checkout transaction plans its statements once per connection,
    // inTransaction's genericPlans): listings are found by `id = ANY($1)`, whose estimate (a few rows)
    // keeps them on the primary key, and read once — the locked rows carry every column the answer
    // needs. Joined to the unnest() instead (estimated at 100 rows), the generic plan scanned listings.
    const rows: Record<string, unknown>[] = await preparedQuery(manager, 'listings_take_for_checkout_v4',
      `WITH ${stockContextCte(3)}, req AS (
         SELECT r.id, r.qty FROM unnest($1::uuid[], $2::int[]) AS r(id, qty)
       ), locked AS (
         SELECT l.id, l.title, l.unit, l.category, l.net_weight_grams, l.price_cents, l.currency, l.market_code, l.stock, l.status,
                l.farmer_id, l.cooperative_id, l.county_code
           FROM listings l WHERE l.id = ANY($1::uuid[]) ORDER BY l.id FOR UPDATE OF l
       ), taken AS (
         UPDATE listings l SET stock = l.stock - req.qty, updated_at = now()
           FROM req, locked, stock_ctx
          WHERE l.id = ANY($1::uuid[]) AND l.id = req.id AND locked.id = l.id AND locked.status = 'active' AND locked.stock >= req.qty
         RETURNING l.id
       )
       SELECT l.id, l.title, l.unit, l.category, l.net_weight_grams AS "netWeightGrams", l.price_cents AS "priceCents",
              l.currency, l.market_code AS "marketCode", l.stock, l.status, l.farmer_id AS "farmerId", l.cooperative_id AS "cooperativeId",
              l.county_code AS "countyCode", u.county_code AS "farmerCountyCode",
              -- Poor only when an officer has verified the farmer's claim by now (a claim alone never counts).
              EXISTS (SELECT 1 FROM poverty_claims pc WHERE pc.farmer_id = l.farmer_id AND pc.status = 'verified') AS "farmerPovertyRegistered",
              c.county_code AS "cooperativeCountyCode",
              EXISTS (SELECT 1 FROM taken WHERE taken.id = l.id) AS taken
         FROM locked l
         JOIN users u ON u.id = l.farmer_id
         LEFT JOIN cooperatives c ON c.id = l.cooperative_id
        ORDER BY l.id`,
      [merged.map(([id]) => id), merged.map(([, q]) => q), ...stockContextParams(context)],
    );
    const taken = new Set<string>();
    const listings = rows.map((r) => {
      if (r.taken) taken.add(r.id as string);
      const { taken: _t, ...rest } = r;
      return toCheckoutListing(rest as unknown as CheckoutListing);
    });
    this.cache?.forget(taken); // the product page shows the new stock
    return { listings, taken };
  }

  /** The same snapshot as takeForCheckout, read without locking or taking anything (for a checkout quote). */
  async snapshot(manager: EntityManager, listingIds: string[]): Promise<CheckoutListing[]> {
    if (listingIds.length === 0) return [];
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT l.id, l.title, l.unit, l.category, l.net_weight_grams AS "netWeightGrams", l.price_cents AS "priceCents",
              l.currency, l.market_code AS "marketCode", l.stock, l.status, l.farmer_id AS "farmerId", l.cooperative_id AS "cooperativeId",
              l.county_code AS "countyCode", u.county_code AS "farmerCountyCode",
              EXISTS (SELECT 1 FROM poverty_claims pc WHERE pc.farmer_id = l.farmer_id AND pc.status = 'verified') AS "farmerPovertyRegistered",
              c.county_code AS "cooperativeCountyCode"
         FROM listings l
         JOIN users u ON u.id = l.farmer_id
         LEFT JOIN cooperatives c ON c.id = l.cooperative_id
        WHERE l.id = ANY($1::uuid[])
        ORDER BY l.id`,
      [listingIds],
    );
    return rows.map((r) => toCheckoutListing(r as unknown as CheckoutListing));
  }

  /**
   * Locks listings in id order (as checkout does), for a caller that then returns stock to them in
   * several statements (one per order, for the history's reference) without risking a deadlock.
   */
  async lockInOrder(manager: EntityManager, listingIds: string[]): Promise<void> {
    const ids = [...new Set(listingIds.map((id) => id.toLowerCase()))].sort();
    if (ids.length === 0) return;
    await manager.query(`SELECT id FROM listings WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [ids]);
  }

  /**
   * Puts stock back (a cancelled or expired order), whatever the listing's status is now: one
   * statement, locking in id order like checkout, with the stock history's reason (`context`).
   */
  async returnStock(manager: EntityManager, items: StockItem[], context: StockContext): Promise<void> {
    const merged = mergeItems(items).filter(([, q]) => Number.isSafeInteger(q) && q > 0);
    if (merged.length === 0) return;
    await manager.query(
      `WITH ${stockContextCte(3)}, req AS (
         SELECT r.id, r.qty FROM unnest($1::uuid[], $2::int[]) AS r(id, qty)
       ), locked AS (
         SELECT l.id FROM listings l JOIN req ON req.id = l.id ORDER BY l.id FOR UPDATE OF l
       )
       UPDATE listings l SET stock = l.stock + req.qty, updated_at = now()
         FROM req, locked, stock_ctx
        WHERE l.id = req.id AND locked.id = l.id`,
      [merged.map(([id]) => id), merged.map(([, q]) => q), ...stockContextParams(context)],
    );
    this.cache?.forget(merged.map(([id]) => id));
  }
}

/** Sums quantities per listing and sorts by listing id. */
function mergeItems(items: StockItem[]): [string, number][] {
  const byId = new Map<string, number>();
  for (const { listingId, quantity } of items) {
    const id = listingId.toLowerCase();
    byId.set(id, (byId.get(id) ?? 0) + quantity);
  }
  return [...byId.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
