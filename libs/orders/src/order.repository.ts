import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '@farmlink/common';
import { moneyMapper, preparedQuery, uuidV7 } from '@farmlink/database';
import type { ReconOrderFacts } from '@farmlink/payments';
import { DEFAULT_CURRENCY, DEFAULT_MARKET, type OrderStatus, type SellerType } from '@farmlink/shared';
import { CALLER_IS_SELLER_SQL, orderVisibleSql } from './order.access';

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
  /** The readable order number, e.g. FL-7K3M9-Q (migration 1780000000077). */
  orderNo: string;
  checkoutId: string;
  buyerId: string;
  sellerType: SellerType;
  sellerId: string;
  countyCode: string;
  status: OrderStatus;
  /** Σ line totals + shippingCents. */
  totalCents: number;
  shippingCents: number;
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
  /** Only from reads for people (findVisibleOrder, page): the farm's or the cooperative's name. */
  sellerName?: string;
}

export interface NewOrder {
  sellerType: SellerType;
  sellerId: string;
  countyCode: string;
  /** Σ line totals + shippingCents. */
  totalCents: number;
  shippingCents: number;
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

/** Order numbers drawn from the sequence at a time (nextOrderNos). */
const ORDER_NO_BLOCK = 64;

const ORDER_COLUMNS = `o.id, o.order_no AS "orderNo", o.checkout_id AS "checkoutId", o.buyer_id AS "buyerId", o.seller_type AS "sellerType",
  o.seller_id AS "sellerId", o.county_code AS "countyCode", o.status, o.total_cents AS "totalCents", o.shipping_cents AS "shippingCents",
  o.refunded_cents AS "refundedCents", o.currency, o.shipping_address AS "shippingAddress", o.carrier,
  o.tracking_no AS "trackingNo", o.placed_at AS "placedAt", o.paid_at AS "paidAt", o.shipped_at AS "shippedAt",
  o.delivered_at AS "deliveredAt", o.cancelled_at AS "cancelledAt", o.cancel_reason AS "cancelReason",
  o.updated_at AS "updatedAt"`;

/** The seller of record's name for people: the farmer's display name or the cooperative's name. */
const SELLER_NAME_SQL = `CASE o.seller_type
    WHEN 'cooperative' THEN (SELECT c.name FROM cooperatives c WHERE c.id = o.seller_id)
    ELSE (SELECT u.display_name FROM users u WHERE u.id = o.seller_id) END AS "sellerName"`;

const LINE_COLUMNS = `order_id AS "orderId", listing_id AS "listingId", title, unit, category,
  net_weight_grams AS "netWeightGrams", quantity, unit_price_cents AS "unitPriceCents",
  line_total_cents AS "lineTotalCents", producer_id AS "producerId", producer_county_code AS "producerCountyCode",
  producer_poverty_registered AS "producerPovertyRegistered"`;

const toOrder = moneyMapper<OrderRow>('totalCents', 'shippingCents', 'refundedCents');
const toLine = moneyMapper<OrderLineRow>('unitPriceCents', 'lineTotalCents');
const toCheckout = moneyMapper<CheckoutRow>('totalCents');
const toReconOrder = moneyMapper<ReconOrderFacts>('totalCents', 'refundedCents');

/** What a list of orders may be narrowed by (each only narrows what the caller may see). */
export interface OrderFilter {
  status?: OrderStatus;
  checkoutId?: string;
  /** Calendar dates in `timeZone`, both inclusive, on placed_at. */
  from?: string;
  to?: string;
  timeZone: string;
  /** Part of the buyer's shipping name or display name. */
  buyer?: string;
  listingId?: string;
  /** The beginning of an order number in its written form (FL-7K3M…). */
  orderNoPrefix?: string;
}

/** The WHERE of a list of orders: who may see them (order.access.ts, caller's id as $1), then the filter. */
function filterSql(caller: AuthUser, f: OrderFilter): { whereSql: string; params: unknown[] } {
  const where = [orderVisibleSql(caller.role)];
  const params: unknown[] = [caller.id];
  const add = (value: unknown, sql: (p: string) => string) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (f.status) add(f.status, (p) => `o.status = ${p}`);
  if (f.checkoutId) add(f.checkoutId, (p) => `o.checkout_id = ${p}`);
  if (f.from || f.to) params.push(f.timeZone);
  const zone = `$${params.length}`;
  if (f.from) add(f.from, (p) => `o.placed_at >= (${p}::date::timestamp AT TIME ZONE ${zone})`);
  if (f.to) add(f.to, (p) => `o.placed_at < ((${p}::date + 1)::timestamp AT TIME ZONE ${zone})`);
  if (f.buyer) {
    add(`%${f.buyer.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, (p) => `(o.shipping_address->>'name' ILIKE ${p}
      OR EXISTS (SELECT 1 FROM users bu WHERE bu.id = o.buyer_id AND bu.display_name ILIKE ${p}))`);
  }
  if (f.listingId) add(f.listingId, (p) => `EXISTS (SELECT 1 FROM order_lines fl WHERE fl.order_id = o.id AND fl.listing_id = ${p})`);
  if (f.orderNoPrefix) add(`${f.orderNoPrefix}%`, (p) => `o.order_no LIKE ${p}`);
  return { whereSql: where.join(' AND '), params };
}

/**
 * All SQL about checkouts, orders, order lines and order history. Methods
 * whose first parameter is a manager run inside the caller's transaction;
 * the others are plain reads (or single writes after a commit) on the pool.
 * Who may see an order is decided in order.access.ts.
 */
@Injectable()
export class OrderRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Claims (buyer, idempotency key). Returns the new checkout id, or null when
   * the key is taken; if another transaction holds it uncommitted, PostgreSQL
   * makes this wait until that one commits or rolls back.
   */
  /**
   * Checkout's first statement: claims the buyer's idempotency key with a new checkout row (null when
   * the key is taken: a replay), and for a new one takes the buyer's checkout lock and counts the
   * checkouts they still hold unpaid — checkout_lock_buyer_count_unpaid (migration 083): an advisory
   * lock held until the transaction ends, so one buyer's concurrent checkouts cannot both pass on the
   * same count, then a count with a fresh snapshot that sees a checkout committed while we waited,
   * read through orders_unpaid_buyer_idx (060). One round trip; CheckoutLimits decides on the count.
   */
  async claimCheckout(
    m: EntityManager,
    c: { id: string; buyerId: string; idempotencyKey: string; requestHash: string; currency: string; marketCode: string; shippingAddress: ShippingAddress },
  ): Promise<{ id: string; createdAt: Date; unpaidCheckouts: number } | null> {
    const rows = await preparedQuery<{ id: string; createdAt: Date; unpaidCheckouts: number }>(m, 'checkouts_claim_lock_count',
      `WITH claimed AS (
         INSERT INTO checkouts (id, buyer_id, idempotency_key, request_hash, total_cents, currency, shipping_address, market_code)
         VALUES ($6, $1, $2, $3, 0, $4, $5, $7)
         ON CONFLICT (buyer_id, idempotency_key) DO NOTHING
         RETURNING id, created_at
       )
       SELECT id, created_at AS "createdAt", checkout_lock_buyer_count_unpaid($1) AS "unpaidCheckouts" FROM claimed`,
      [c.buyerId, c.idempotencyKey, c.requestHash, c.currency, JSON.stringify(c.shippingAddress), c.id, c.marketCode],
    );
    return rows[0] ?? null;
  }

  async ordersOfCheckout(checkoutId: string): Promise<OrderRow[]> {
    const rows = await this.db.query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.checkout_id = $1 ORDER BY o.id`, [checkoutId]);
    return rows.map(toOrder);
  }

  async findCheckoutByKey(buyerId: string, idempotencyKey: string): Promise<CheckoutRow | null> {
    const rows = await this.db.query(
      `SELECT c.id, c.buyer_id AS "buyerId", c.request_hash AS "requestHash", coalesce(a.total_cents, c.total_cents) AS "totalCents",
              c.currency, coalesce(a.response, c.response) AS response, c.created_at AS "createdAt"
         FROM checkouts c LEFT JOIN checkout_answers a ON a.checkout_id = c.id
        WHERE c.buyer_id = $1 AND c.idempotency_key = $2`,
      [buyerId, idempotencyKey],
    );
    return rows[0] ? toCheckout(rows[0]) : null;
  }

  /** After the checkout committed and the provider answered: the stored answer for replays. */
  async finishCheckout(id: string, totalCents: number, response: unknown | null): Promise<void> {
    await this.db.query(
      `INSERT INTO checkout_answers (checkout_id, total_cents, response) VALUES ($1, $2, $3)
       ON CONFLICT (checkout_id) DO UPDATE SET total_cents = EXCLUDED.total_cents, response = EXCLUDED.response`, [
      id,
      totalCents,
      response === null ? null : JSON.stringify(response),
    ]);
  }

  /**
   * Inserts the orders, their lines and their first history rows, and
   * appends the checkout's total and stored answer to checkout_answers (the
   * checkout row itself is written once, by the claim) — one statement, so
   * one round trip. Order ids are made here, so lines can refer to them.
   */
  async insertOrders(
    m: EntityManager,
    checkout: { id: string; buyerId: string; currency: string; marketCode: string; shippingAddress: ShippingAddress },
    orders: NewOrder[],
    finish: { totalCents: number; response: unknown | null; orderIds?: string[]; orderNos?: string[] },
  ): Promise<string[]> {
    const ids = finish.orderIds ?? orders.map(() => uuidV7());
    const lines = orders.flatMap((o, i) => o.lines.map((l, position) => ({ ...l, orderId: ids[i], position })));
    await preparedQuery(m, 'orders_insert_checkout_market',
      `WITH new_orders AS (
         INSERT INTO orders (id, checkout_id, buyer_id, seller_type, seller_id, county_code, total_cents, shipping_cents, currency, shipping_address, order_no, market_code)
         SELECT t.id, $1, $2, t.seller_type, t.seller_id, t.county_code, t.total_cents, t.shipping_cents, $3, $4,
                COALESCE(t.order_no, order_no_of(nextval('order_no_seq'))), $28
           FROM unnest($5::uuid[], $6::text[], $7::uuid[], $8::text[], $9::bigint[], $26::text[], $27::bigint[])
                AS t(id, seller_type, seller_id, county_code, total_cents, order_no, shipping_cents)
         RETURNING id
       ), new_lines AS (
         INSERT INTO order_lines (order_id, position, listing_id, title, unit, category, net_weight_grams, unit_price_cents,
                                  quantity, line_total_cents, producer_id, producer_county_code, producer_poverty_registered, id)
         SELECT * FROM unnest($10::uuid[], $11::int[], $12::uuid[], $13::text[], $14::text[], $15::text[], $16::int[],
                              $17::bigint[], $18::int[], $19::bigint[], $20::uuid[], $21::text[], $22::boolean[], $25::uuid[])
       ), new_history AS (
         INSERT INTO order_history (order_id, from_status, to_status, actor_id, actor_role)
         SELECT id, NULL, 'pending_payment', $2, 'buyer' FROM new_orders
       )
       INSERT INTO checkout_answers (checkout_id, total_cents, response) VALUES ($1, $23, $24)`,
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
        finish.orderNos ?? orders.map(() => null),
        orders.map((o) => o.shippingCents),
        checkout.marketCode,
      ],
    );
    return ids;
  }

  /**
   * Readable numbers for `count` new orders (order_no_of, migration 1780000000077), taken before the
   * insert so the first answer carries them. Drawn from the sequence ORDER_NO_BLOCK at a time and
   * handed out from memory, so most checkouts pay no round trip for them (a sequence is not
   * transactional: numbers are unique across processes, and gaps — a restart, a rolled-back
   * checkout — do no harm). The refill runs on the checkout's own connection, never a second one.
   */
  async nextOrderNos(m: EntityManager, count: number): Promise<string[]> {
    if (this.spareOrderNos.length < count) {
      const rows = await preparedQuery<{ no: string }>(m, 'orders_next_order_nos',
        `SELECT order_no_of(nextval('order_no_seq')) AS no FROM generate_series(1, $1)`, [Math.max(count, ORDER_NO_BLOCK)]);
      this.spareOrderNos.push(...rows.map((r) => r.no));
    }
    return this.spareOrderNos.splice(0, count);
  }

  private readonly spareOrderNos: string[] = [];

  /** The order, if the caller may see it (order.access.ts). */
  async findVisibleOrder(id: string, caller: AuthUser): Promise<OrderRow | null> {
    const rows = await this.db.query(
      `SELECT ${ORDER_COLUMNS}, ${SELLER_NAME_SQL} FROM orders o WHERE o.id = $2 AND ${orderVisibleSql(caller.role)}`,
      [caller.id, id],
    );
    return rows[0] ? toOrder(rows[0]) : null;
  }

  /** Locks the order for a change by the caller, if they may see it; says whether they are its seller of record. */
  async lockVisibleOrder(m: EntityManager, id: string, caller: AuthUser): Promise<{ order: OrderRow; isSeller: boolean } | null> {
    const rows = await m.query(
      `SELECT ${ORDER_COLUMNS}, ${CALLER_IS_SELLER_SQL} AS "callerIsSeller"
         FROM orders o WHERE o.id = $2 AND ${orderVisibleSql(caller.role)} FOR UPDATE OF o`,
      [caller.id, id],
    );
    if (!rows[0]) return null;
    const { callerIsSeller, ...order } = rows[0];
    return { order: toOrder(order), isSeller: caller.role === 'farmer' && callerIsSeller === true };
  }

  /** Locks an order for a change made by the system (a payment, a provider's refund). */
  async lockOrder(m: EntityManager, id: string): Promise<OrderRow | null> {
    const rows = await m.query(`SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toOrder(rows[0]) : null;
  }

  /** Locks every order of a checkout, in id order (the same order everywhere, so no deadlocks). */
  async lockCheckoutOrders(m: EntityManager, checkoutId: string): Promise<OrderRow[]> {
    const rows = await preparedQuery<OrderRow>(m, 'orders_lock_checkout', `SELECT ${ORDER_COLUMNS} FROM orders o WHERE o.checkout_id = $1 ORDER BY o.id FOR UPDATE`, [checkoutId]);
    return rows.map(toOrder);
  }

  /**
   * The payment's one statement on orders: locks the checkout's orders (in id order, as
   * lockCheckoutOrders), moves those awaiting payment to paid with their history rows and queued
   * mails (what setStatus does for one move), and answers every order as it was before. The caller
   * (OrdersService.onPaymentSucceeded) tells the paid from those cancelled before the money came.
   * `{ paymentId }`: the checkout of that payment, only if it is marked succeeded at `at` — so the
   * statement can be pipelined behind the one that marks it, and does nothing if that did not.
   */
  async payCheckoutOrders(m: EntityManager, of: { checkoutId: string } | { paymentId: string }, at: Date): Promise<OrderRow[]> {
    const byCheckout = 'checkoutId' in of;
    const rows = await preparedQuery<OrderRow>(m, byCheckout ? 'orders_pay_checkout' : 'orders_pay_checkout_of_payment',
      `WITH locked AS (
         SELECT o.* FROM orders o
          WHERE o.checkout_id = ${byCheckout ? '$1' : `(SELECT p.checkout_id FROM payments p WHERE p.id = $1 AND p.status = 'succeeded' AND p.succeeded_at = $2)`}
          ORDER BY o.id FOR UPDATE
       ), payable AS (
         SELECT id FROM locked WHERE status = 'pending_payment'
       ), history AS (
         INSERT INTO order_history (order_id, from_status, to_status, actor_id, actor_role)
         SELECT id, 'pending_payment', 'paid', NULL, 'payment' FROM payable
         RETURNING id, order_id
       ), mails AS (
         INSERT INTO order_mail_pending (order_id, history_id) SELECT order_id, id FROM history
       ), paid AS (
         UPDATE orders SET status = 'paid', paid_at = $2, updated_at = now()
           FROM payable WHERE orders.id = payable.id
       )
       SELECT ${ORDER_COLUMNS} FROM locked o ORDER BY o.id`,
      [byCheckout ? of.checkoutId : of.paymentId, at],
    );
    return rows.map(toOrder);
  }

  linesOf(orderIds: string[]): Promise<OrderLineRow[]> {
    return this.linesIn(this.db.manager, orderIds);
  }

  async linesIn(m: EntityManager, orderIds: string[]): Promise<OrderLineRow[]> {
    if (orderIds.length === 0) return [];
    const rows = await m.query(
      `SELECT ${LINE_COLUMNS} FROM order_lines WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, position`,
      [orderIds],
    );
    return rows.map(toLine);
  }

  async page(caller: AuthUser, filter: OrderFilter & { page: number; pageSize: number }): Promise<{ items: OrderRow[]; total: number }> {
    const { whereSql, params } = filterSql(caller, filter);
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM orders o WHERE ${whereSql}`, params);
    const rows = await this.db.query(
      `SELECT ${ORDER_COLUMNS}, ${SELLER_NAME_SQL} FROM orders o WHERE ${whereSql} ORDER BY o.placed_at DESC, o.id DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return { items: rows.map(toOrder), total };
  }

  /** The seller's export: the caller's sales (never another role's view) under the filter, newest first, at most `limit` (+1 to tell there are more), with the buyer's display name. */
  /** The currency of a user's market (an export's currency when it holds no order). */
  /** The user's market and its currency (the default market's for an unknown user). */
  async marketOfUser(userId: string): Promise<{ marketCode: string; currency: string }> {
    const [row] = await this.db.query(`SELECT u.market_code AS "marketCode", m.currency FROM users u JOIN markets m ON m.code = u.market_code WHERE u.id = $1`, [userId]);
    return row ?? { marketCode: DEFAULT_MARKET, currency: DEFAULT_CURRENCY };
  }

  async sellerExport(caller: AuthUser, filter: OrderFilter, limit: number): Promise<(OrderRow & { buyerName: string })[]> {
    const { whereSql, params } = filterSql({ ...caller, role: 'farmer' }, filter);
    const rows = await this.db.query(
      `SELECT ${ORDER_COLUMNS}, (SELECT u.display_name FROM users u WHERE u.id = o.buyer_id) AS "buyerName"
         FROM orders o WHERE ${whereSql} ORDER BY o.placed_at DESC, o.id DESC LIMIT $${params.length + 1}`,
      [...params, limit + 1],
    );
    return rows.map(toOrder) as (OrderRow & { buyerName: string })[];
  }

  /**
   * Writes a state change of one or many orders (all moving from `from` to `to`): the history rows
   * and the state with its timestamp column, in one statement whatever the number of orders.
   * Only OrdersService.transition() calls this, after checking the move in the transition table.
   * Marking orders paid also appends one report_pending row per order (a trigger): the report
   * aggregator does the rest outside the payment (libs/reports/DESIGN.md).
   */
  /**
   * Moves orders from one status to another with their history rows, in one round trip (a prepared
   * statement per target state). With `mailed` the same statement queues the move's mails
   * (order_mail_pending, rendered by the outbox relay off this transaction: order-notifications.ts).
   */
  async setStatus(
    m: EntityManager,
    orders: { ids: string[]; from: OrderStatus; to: OrderStatus },
    actor: { id: string | null; role: string },
    extra: { at?: Date; carrier?: string | null; trackingNo?: string | null; cancelReason?: string | null } = {},
    mailed = false,
  ): Promise<void> {
    if (orders.ids.length === 0) return;
    const stamp: Partial<Record<OrderStatus, string>> = {
      paid: 'paid_at',
      shipped: 'shipped_at',
      delivered: 'delivered_at',
      cancelled: 'cancelled_at',
    };
    const column = stamp[orders.to];
    await preparedQuery(m, `orders_set_status_v2_${orders.to}`,
      `WITH history AS (
         INSERT INTO order_history (order_id, from_status, to_status, actor_id, actor_role, note)
         SELECT id, $7, $2, $8, $9, $6 FROM unnest($1::uuid[]) AS id
         RETURNING id, order_id
       ), mails AS (
         INSERT INTO order_mail_pending (order_id, history_id) SELECT order_id, id FROM history WHERE $10::boolean
       )
       UPDATE orders SET status = $2, ${column ? `${column} = $3,` : ''} carrier = COALESCE($4, carrier),
              tracking_no = COALESCE($5, tracking_no), cancel_reason = COALESCE($6, cancel_reason), updated_at = now()
        WHERE id = ANY($1::uuid[]) AND status = $7`,
      [orders.ids, orders.to, extra.at ?? new Date(), extra.carrier ?? null, extra.trackingNo ?? null, extra.cancelReason ?? null, orders.from, actor.id, actor.role, mailed],
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

  /** For reconciliation: orders paid in [from, to] (calendar dates in `timeZone`), plus every order of the given checkouts and the given orders. */
  async reconciliationOrders(range: { from: string; to: string; timeZone: string }, also: { checkoutIds: string[]; orderIds: string[] }): Promise<ReconOrderFacts[]> {
    const rows = await this.db.query(
      `SELECT o.id AS "orderId", o.checkout_id AS "checkoutId", o.status, o.seller_type AS "sellerType", o.seller_id AS "sellerId",
              o.total_cents AS "totalCents", o.refunded_cents AS "refundedCents", o.paid_at IS NOT NULL AS paid
         FROM orders o
        WHERE (o.paid_at >= ($1::date::timestamp AT TIME ZONE $3) AND o.paid_at < (($2::date + 1)::timestamp AT TIME ZONE $3))
           OR o.checkout_id = ANY($4::uuid[]) OR o.id = ANY($5::uuid[])`,
      [range.from, range.to, range.timeZone, also.checkoutIds, also.orderIds],
    );
    return rows.map(toReconOrder);
  }
}
