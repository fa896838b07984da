import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { moneyMapper, preparedQuery } from '@farmlink/database';
import type { SellerType } from '@farmlink/shared';
import type { ShippingRate } from './shipping';

export interface SellerKey {
  sellerType: SellerType;
  sellerId: string;
}

const RATE_COLUMNS = `province_code AS "provinceCode", base_cents AS "baseCents", per_kg_cents AS "perKgCents",
  free_above_cents AS "freeAboveCents", no_delivery AS "noDelivery"`;
const toMoney = moneyMapper<ShippingRate>('baseCents', 'perKgCents');
/** freeAboveCents stays null when the rate is never free (the money mapper would read null as 0). */
const toRate = (row: ShippingRate): ShippingRate => ({
  ...toMoney(row),
  freeAboveCents: row.freeAboveCents === null ? null : moneyMapper<ShippingRate>('freeAboveCents')(row).freeAboveCents,
});

/** All SQL about sellers' shipping rates (seller_shipping_rates). */
@Injectable()
export class ShippingRateRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One seller's rates, '*' last. */
  async ratesOf(seller: SellerKey): Promise<ShippingRate[]> {
    const rows = await this.db.query(
      `SELECT ${RATE_COLUMNS} FROM seller_shipping_rates WHERE seller_type = $1 AND seller_id = $2
        ORDER BY province_code = '*', province_code`,
      [seller.sellerType, seller.sellerId],
    );
    return rows.map(toRate);
  }

  /** The seller's market and its currency (a farmer's or a cooperative's own); null for an unknown seller. */
  async marketOf(seller: SellerKey): Promise<{ marketCode: string; currency: string } | null> {
    const [row] = await this.db.query(
      `SELECT m.code AS "marketCode", m.currency
         FROM markets m
        WHERE m.code = CASE $1::text WHEN 'cooperative' THEN (SELECT c.market_code FROM cooperatives c WHERE c.id = $2)
                                     ELSE (SELECT u.market_code FROM users u WHERE u.id = $2) END`,
      [seller.sellerType, seller.sellerId],
    );
    return row ?? null;
  }

  /** Replaces one seller's rates (delete then insert, in the caller's transaction). */
  async replace(m: EntityManager, seller: SellerKey, rates: ShippingRate[]): Promise<void> {
    await m.query(`DELETE FROM seller_shipping_rates WHERE seller_type = $1 AND seller_id = $2`, [seller.sellerType, seller.sellerId]);
    if (rates.length === 0) return;
    await m.query(
      `INSERT INTO seller_shipping_rates (seller_type, seller_id, province_code, base_cents, per_kg_cents, free_above_cents, no_delivery)
       SELECT $1, $2, * FROM unnest($3::text[], $4::bigint[], $5::bigint[], $6::bigint[], $7::boolean[])`,
      [
        seller.sellerType,
        seller.sellerId,
        rates.map((r) => r.provinceCode),
        rates.map((r) => r.baseCents),
        rates.map((r) => r.perKgCents),
        rates.map((r) => r.freeAboveCents),
        rates.map((r) => r.noDelivery),
      ],
    );
  }

  /**
   * A quote's one read of rates: for every seller of the cart, the rate for the
   * destination province and the '*' rate (nothing else is needed), keyed "type:id".
   */
  async ratesForSellers(m: EntityManager, sellers: SellerKey[], provinceCode: string): Promise<Map<string, { sellerName: string; rates: ShippingRate[] }>> {
    if (sellers.length === 0) return new Map();
    const rows: (ShippingRate & { sellerType: string; sellerId: string; sellerName: string })[] = await preparedQuery(m, 'shipping_rates_for_checkout',
      `SELECT r.seller_type AS "sellerType", r.seller_id AS "sellerId", ${RATE_COLUMNS},
              CASE r.seller_type WHEN 'cooperative' THEN (SELECT c.name FROM cooperatives c WHERE c.id = r.seller_id)
                   ELSE (SELECT u.display_name FROM users u WHERE u.id = r.seller_id) END AS "sellerName"
         FROM seller_shipping_rates r
        WHERE (seller_type, seller_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
          AND province_code IN ($3, '*')`,
      [sellers.map((s) => s.sellerType), sellers.map((s) => s.sellerId), provinceCode],
    );
    return byRateSeller(rows);
  }

  /**
   * The same read for a checkout, by its listings (their sellers of record: the cooperative when a
   * listing is sold through one, else its farmer). It needs nothing from the stock statement, so the
   * checkout sends it in the same round trip (pipelined behind it, it sees the listings as locked).
   * Writes its statement synchronously (it may be pipelined).
   */
  ratesForListings(m: EntityManager, listingIds: string[], provinceCode: string): Promise<Map<string, { sellerName: string; rates: ShippingRate[] }>> {
    if (listingIds.length === 0) return Promise.resolve(new Map());
    return preparedQuery<ShippingRate & { sellerType: string; sellerId: string; sellerName: string }>(m, 'shipping_rates_for_listings',
      `WITH sellers AS (
         SELECT DISTINCT CASE WHEN l.cooperative_id IS NULL THEN 'farmer' ELSE 'cooperative' END AS seller_type,
                coalesce(l.cooperative_id, l.farmer_id) AS seller_id
           FROM listings l WHERE l.id = ANY($1::uuid[])
       )
       SELECT r.seller_type AS "sellerType", r.seller_id AS "sellerId", ${RATE_COLUMNS},
              CASE r.seller_type WHEN 'cooperative' THEN (SELECT c.name FROM cooperatives c WHERE c.id = r.seller_id)
                   ELSE (SELECT u.display_name FROM users u WHERE u.id = r.seller_id) END AS "sellerName"
         FROM sellers s
         JOIN seller_shipping_rates r ON r.seller_type = s.seller_type AND r.seller_id = s.seller_id
        WHERE r.province_code IN ($2, '*')`,
      [listingIds, provinceCode],
    ).then(byRateSeller);
  }

  /** The names of sellers, keyed "type:id" (for a quote). */
  async sellerNames(sellers: SellerKey[]): Promise<Map<string, string>> {
    if (sellers.length === 0) return new Map();
    const rows: { key: string; name: string }[] = await this.db.query(
      `SELECT s.t || ':' || s.id AS key,
              CASE s.t WHEN 'cooperative' THEN (SELECT c.name FROM cooperatives c WHERE c.id = s.id)
                   ELSE (SELECT u.display_name FROM users u WHERE u.id = s.id) END AS name
         FROM unnest($1::text[], $2::uuid[]) AS s(t, id)`,
      [sellers.map((s) => s.sellerType), sellers.map((s) => s.sellerId)],
    );
    return new Map(rows.map((r) => [r.key, r.name]));
  }
}

/** Rate rows grouped by seller, keyed "type:id". */
function byRateSeller(rows: (ShippingRate & { sellerType: string; sellerId: string; sellerName: string })[]): Map<string, { sellerName: string; rates: ShippingRate[] }> {
  const out = new Map<string, { sellerName: string; rates: ShippingRate[] }>();
  for (const r of rows) {
    const { sellerType, sellerId, sellerName, ...rate } = r;
    const key = `${sellerType}:${sellerId}`;
    const entry = out.get(key) ?? { sellerName, rates: [] };
    entry.rates.push(toRate(rate as ShippingRate));
    out.set(key, entry);
  }
  return out;
}
