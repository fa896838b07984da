import { Injectable } from '@nestjs/common';
import { preparedQuery, uuidV7 } from '@farmlink/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { parseMinorUnits, type OrderStatus, type Role } from '@farmlink/shared';

export type SellerType = 'farmer' | 'cooperative';

export interface ShippingAddress {
  name: string;
  phone: string;
  countyCode: string;
  line1: string;
}

export interface OrderLineRow {
  orderId: string;
  listingId: string;
  title: string;
  unit: string;
  category: string;
  netWeightGrams: number;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
  producerId: string;
  producerCountyCode: string;
  producerPovertyRegistered: boolean;
}

export interface OrderRow {
  id: string;
  checkoutId: string;
  buyerId: string;
  sellerType: SellerType;
  sellerId: string;
  countyCode: string;
  status: OrderStatus;
  totalCents: number;
  refundedCents: number;
  currency: string;
  shippingAddress: ShippingAddress;
  carrier: string | null;
  trackingNo: string | null;
  placedAt: Date;
  paidAt: Date | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  updatedAt: Date;
}

export interface NewOrder {
  sellerType: SellerType;
  sellerId: string;
  countyCode: string;
  totalCents: number;
  lines: Omit<OrderLineRow, 'orderId'>[];
}

export interface CheckoutRow {
  id: string;
  buyerId: string;
  requestHash: string;
  totalCents: number;
  currency: string;
  response: unknown | null;
  createdAt: Date;
}

const ORDER_COLUMNS = `o.id, o.checkout_id AS "checkoutId", o.buyer_id AS "buyerId", o.seller_type AS "sellerType",
  o.seller_id AS "sellerId", o.county_code AS "countyCode", o.status, o.total_cents AS "totalCents",
  o.refunded_cents AS "refundedCents", o.currency, o.shipping_address AS "shippingAddress", o.carrier,
  o.tracking_no AS "trackingNo", o.placed_at AS "placedAt", o.paid_at AS "paidAt", o.shipped_at AS "shippedAt",
  o.delivered_at AS "deliveredAt", o.cancelled_at AS "cancelledAt", o.cancel_reason AS "cancelReason",
  o.updated_at AS "updatedAt"`;

const LINE_COLUMNS = `order_id AS "orderId", listing_id AS "listingId", title, unit, category,
  net_weight_grams AS "netWeightGrams", quantity, unit_price_cents AS "unitPriceCents",
  line_total_cents AS "lineTotalCents", producer_id AS "producerId", producer_county_code AS "producerCountyCode",
  producer_poverty_registered AS "producerPovertyRegistered"`;

function toOrder(r: OrderRow): OrderRow {
  return { ...r, totalCents: parseMinorUnits(r.totalCents), refundedCents: parseMinorUnits(r.refundedCents) };
}

function toLine(r: OrderLineRow): OrderLineRow {
  return { ...r, unitPriceCents: parseMinorUnits(r.unitPriceCents), lineTotalCents: parseMinorUnits(r.lineTotalCents) };
}

/** Who may see an order, as SQL over `o` with the caller's id in $1. */
function visibilityClause(role: Role): string {
  switch (role) {
    case 'buyer':
      return `o.buyer_id = $1`;
    case 'farmer':
      return `(o.seller_id = $1 OR o.seller_id IN (SELECT id FROM cooperatives WHERE manager_id = $1))`;
    default:
      return `$1::uuid IS NOT NULL`; // officers and admins see every order
  }
}

/** All SQL about checkouts, orders, order lines and order history. */
@Injectable()
export class OrderRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Claims (buyer, idempotency key). Returns the new checkout id, or null when
   * the key is taken; if another transaction holds it uncommitted, PostgreSQL
   * makes this wait until that one commits or rolls back.
   */
  async claimCheckout(
    m: EntityManager,
    c: { buyerId: string; idempotencyKey: string; requestHash: string; currency: string; shippingAddress: ShippingAddress },
  ): Promise<{ id: string; createdAt: Date } | null> {
    const rows = await preparedQuery<{ id: string; createdAt: Date }>(m, 'checkouts_claim',
      `INSERT INTO checkouts (id, buyer_id, idempotency_key, request_hash, total_cents, currency, shipping_address)
       VALUES ($6, $1, $2, $3, 0, $4, $5)
       ON CONFLICT (buyer_id, idempotency_key) DO NOTHING
       RETURNING id, created_at AS "createdAt"`,
      [c.buyerId, c.idempotencyKey, c.requestHash, c.currency, JSON.stringify(c.shippingAddress), uuidV7()],
    );
    return rows[0] ?? null;
  }

  async ordersOfCheckout(checkoutId: string, m?: EntityManager): Promise<OrderRow[]> {
    const rows = await (m ?? this.db).query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.checkout_id = $1 ORDER BY o.id`, [checkoutId]);
    return rows.map(toOrder);
  }

  async findCheckoutByKey(buyerId: string, idempotencyKey: string): Promise<CheckoutRow | null> {
    const rows = await this.db.query(
      `SELECT id, buyer_id AS "buyerId", request_hash AS "requestHash", total_cents AS "totalCents", currency, response,
              created_at AS "createdAt"
         FROM checkouts WHERE buyer_id = $1 AND idempotency_key = $2`,
      [buyerId, idempotencyKey],
    );
    return rows[0] ? { ...rows[0], totalCents: parseMinorUnits(rows[0].totalCents) } : null;
  }

  async finishCheckout(m: EntityManager | undefined, id: string, totalCents: number, response: unknown | null): Promise<void> {
    await (m ?? this.db).query(`UPDATE checkouts SET total_cents = $2, response = $3 WHERE id = $1`, [
      id,
      totalCents,
      response === null ? null : JSON.stringify(response),
    ]);
  }

  /**
   * Inserts the orders, their lines and their first history rows, and
   * completes the checkout row (total and stored answer) — one statement, so
   * one round trip. Order ids are made here, so lines can refer to them.
   */
  async insertOrders(
    m: EntityManager,
    checkout: { id: string; buyerId: string; currency: string; shippingAddress: ShippingAddress },
    orders: NewOrder[],
    finish: { totalCents: number; response: unknown | null; orderIds?: string[] },
  ): Promise<string[]> {
    const ids = finish.orderIds ?? orders.map(() => uuidV7());
    const lines = orders.flatMap((o, i) => o.lines.map((l, position) => ({ ...l, orderId: ids[i], position })));
    await preparedQuery(m, 'orders_insert_checkout',
      `WITH new_orders AS (
         INSERT INTO orders (id, checkout_id, buyer_id, seller_type, seller_id, county_code, total_cents, currency, shipping_address)
         SELECT t.id, $1, $2, t.seller_type, t.seller_id, t.county_code, t.total_cents, $3, $4
           FROM unnest($5::uuid[], $6::text[], $7::uuid[], $8::char(6)[], $9::bigint[])
                AS t(id, seller_type, seller_id, county_code, total_cents)
         RETURNING id
       ), new_lines AS (
         INSERT INTO order_lines (order_id, position, listing_id, title, unit, category, net_weight_grams, unit_price_cents,
                                  quantity, line_total_cents, producer_id, producer_county_code, producer_poverty_registered, id)
         SELECT * FROM unnest($10::uuid[], $11::int[], $12::uuid[], $13::text[], $14::text[], $15::text[], $16::int[],
                              $17::bigint[], $18::int[], $19::bigint[], $20::uuid[], $21::char(6)[], $22::boolean[], $25::uuid[])
       ), new_history AS (
         INSERT INTO order_history (order_id, from_status, to_status, actor_id, actor_role)
         SELECT id, NULL, 'pending_payment', $2, 'buyer' FROM new_orders
       )
       UPDATE checkouts SET total_cents = $23, response = $24 WHERE id = $1`,
      [
        checkout.id,
        checkout.buyerId,
        checkout.currency,
        JSON.stringify(checkout.shippingAddress),
        ids,
        orders.map((o) => o.sellerType),
        orders.map((o) => o.sellerId),
        orders.map((o) => o.countyCode),
        orders.map((o) => o.totalCents),
        lines.map((l) => l.orderId),
        lines.map((l) => l.position),
        lines.map((l) => l.listingId),
        lines.map((l) => l.title),
        lines.map((l) => l.unit),
        lines.map((l) => l.category),
        lines.map((l) => l.netWeightGrams),
        lines.map((l) => l.unitPriceCents),
        lines.map((l) => l.quantity),
        lines.map((l) => l.lineTotalCents),
        lines.map((l) => l.producerId),
        lines.map((l) => l.producerCountyCode),
        lines.map((l) => l.producerPovertyRegistered),
        finish.totalCents,
        finish.response === null ? null : JSON.stringify(finish.response),
        lines.map(() => uuidV7()),
      ],
    );
    return ids;
  }

  async findOrders(ids: string[], m?: EntityManager): Promise<OrderRow[]> {
    if (ids.length === 0) return [];
    const rows = await (m ?? this.db).query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.id = ANY($1::uuid[]) ORDER BY o.placed_at, o.id`, [ids]);
    return rows.map(toOrder);
  }

  async findOrder(id: string, m?: EntityManager): Promise<OrderRow | null> {
    const rows = await (m ?? this.db).query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.id = $1`, [id]);
    return rows[0] ? toOrder(rows[0]) : null;
  }

  async findVisibleOrder(id: string, caller: { id: string; role: Role }): Promise<OrderRow | null> {
    const rows = await this.db.query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.id = $2 AND ${visibilityClause(caller.role)}`, [caller.id, id]);
    return rows[0] ? toOrder(rows[0]) : null;
  }

  /** Locks an order for a state change. */
  async lockOrder(m: EntityManager, id: string): Promise<OrderRow | null> {
    const rows = await m.query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toOrder(rows[0]) : null;
  }

  /** Locks every order of a checkout, in id order (the same order everywhere, so no deadlocks). */
  async lockCheckoutOrders(m: EntityManager, checkoutId: string): Promise<OrderRow[]> {
    const rows = await m.query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.checkout_id = $1 ORDER BY o.id FOR UPDATE`, [checkoutId]);
    return rows.map(toOrder);
  }

  async linesOf(orderIds: string[], m?: EntityManager): Promise<OrderLineRow[]> {
    if (orderIds.length === 0) return [];
    const rows = await (m ?? this.db).query(
      `SELECT ${LINE_COLUMNS} FROM order_lines WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, position`,
      [orderIds],
    );
    return rows.map(toLine);
  }

  async page(
    caller: { id: string; role: Role },
    filter: { status?: OrderStatus; page: number; pageSize: number },
  ): Promise<{ items: OrderRow[]; total: number }> {
    const where = [visibilityClause(caller.role)];
    const params: unknown[] = [caller.id];
    if (filter.status) {
      params.push(filter.status);
      where.push(`o.status = $${params.length}`);
    }
    const whereSql = where.join(' AND ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM orders o WHERE ${whereSql}`, params);
    const rows = await this.db.query(
      `SELECT ${ORDER_COLUMNS} FROM orders o WHERE ${whereSql} ORDER BY o.placed_at DESC, o.id DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { items: rows.map(toOrder), total };
  }

  /** Writes the new state, its timestamp column and the history row. */
  async setStatus(
    m: EntityManager,
    order: { id: string; from: OrderStatus; to: OrderStatus },
    actor: { id: string | null; role: string },
    extra: { at?: Date; carrier?: string | null; trackingNo?: string | null; cancelReason?: string | null; note?: string | null } = {},
  ): Promise<void> {
    const stamp: Partial<Record<OrderStatus, string>> = {
      paid: 'paid_at',
      shipped: 'shipped_at',
      delivered: 'delivered_at',
      cancelled: 'cancelled_at',
    };
    const column = stamp[order.to];
    await m.query(
      `UPDATE orders SET status = $2, ${column ? `${column} = $3,` : ''} carrier = COALESCE($4, carrier),
              tracking_no = COALESCE($5, tracking_no), cancel_reason = COALESCE($6, cancel_reason), updated_at = now()
        WHERE id = $1`,
      [order.id, order.to, extra.at ?? new Date(), extra.carrier ?? null, extra.trackingNo ?? null, extra.cancelReason ?? null],
    );
    await m.query(
      `INSERT INTO order_history (order_id, from_status, to_status, actor_id, actor_role, note) VALUES ($1, $2, $3, $4, $5, $6)`,
      [order.id, order.from, order.to, actor.id, actor.role, extra.note ?? extra.cancelReason ?? null],
    );
  }

  /**
   * Marks several orders paid with ONE statement (and their history rows with
   * another): the report rollups are kept by a statement-level trigger that
   * then takes its row locks in one sorted pass.
   */
  async markPaid(m: EntityManager, orderIds: string[], at: Date, actor: { id: string | null; role: string }): Promise<void> {
    if (orderIds.length === 0) return;
    // History first: the UPDATE's trigger takes the report rows every payment to the same county
    // shares, and they are held until commit — the less that follows, the shorter the wait.
    await m.query(
      `INSERT INTO order_history (order_id, from_status, to_status, actor_id, actor_role)
       SELECT id, 'pending_payment', 'paid', $2, $3 FROM unnest($1::uuid[]) AS id`,
      [orderIds, actor.id, actor.role],
    );
    await m.query(
      `UPDATE orders SET status = 'paid', paid_at = $2, updated_at = now() WHERE id = ANY($1::uuid[]) AND status = 'pending_payment'`,
      [orderIds, at],
    );
  }

  async addRefunded(m: EntityManager, orderId: string, amountCents: number): Promise<void> {
    await m.query(`UPDATE orders SET refunded_cents = refunded_cents + $2, updated_at = now() WHERE id = $1`, [orderId, amountCents]);
  }

  async history(orderId: string): Promise<{ fromStatus: string | null; toStatus: string; actorId: string | null; actorRole: string; note: string | null; createdAt: Date }[]> {
    return this.db.query(
      `SELECT from_status AS "fromStatus", to_status AS "toStatus", actor_id AS "actorId", actor_role AS "actorRole", note,
              created_at AS "createdAt"
         FROM order_history WHERE order_id = $1 ORDER BY id`,
      [orderId],
    );
  }

  /** Unpaid orders older than the timeout, locked; rows other sweepers hold are skipped. */
  async lockExpiredUnpaid(m: EntityManager, olderThanMinutes: number, limit: number): Promise<OrderRow[]> {
    const rows = await m.query(
      `SELECT ${ORDER_COLUMNS} FROM orders o
        WHERE o.status = 'pending_payment' AND o.placed_at < now() - make_interval(mins => $1)
        ORDER BY o.placed_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [olderThanMinutes, limit],
    );
    return rows.map(toOrder);
  }

  /** Is `userId` the seller of record of the order (the farmer, or the cooperative's manager)? */
  async isSeller(order: OrderRow, userId: string, m?: EntityManager): Promise<boolean> {
    if (order.sellerType === 'farmer') return order.sellerId === userId;
    const rows = await (m ?? this.db).query(`SELECT 1 FROM cooperatives WHERE id = $1 AND manager_id = $2`, [order.sellerId, userId]);
    return rows.length > 0;
  }
}
