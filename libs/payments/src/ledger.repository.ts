import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { moneyMapper, preparedQuery } from '@farmlink/database';
import type { SellerType } from '@farmlink/shared';
export type LedgerKind = 'sale' | 'shipping' | 'fee' | 'refund' | 'fee_refund';

export interface SellerRef {
  sellerType: SellerType;
  sellerId: string;
}

export interface NewLedgerEntry extends SellerRef {
  kind: LedgerKind;
  /** Signed: credits positive, debits negative. */
  amountCents: number;
  currency: string;
  feeBps: number;
  orderId: string;
  paymentId: string;
  refundId?: string | null;
  createdAt?: Date;
}

export interface LedgerEntryRow extends SellerRef {
  id: string;
  kind: LedgerKind;
  amountCents: number;
  currency: string;
  orderId: string;
  orderNo: string;
  paymentId: string;
  refundId: string | null;
  createdAt: Date;
}

/** What the ledger knows of one paid order: its sale, and what was refunded so far. */
export interface LedgerOrder extends SellerRef {
  orderId: string;
  saleCents: number;
  refundedCents: number;
  feeBps: number;
  currency: string;
}

const ENTRY_COLUMNS = `id, seller_type AS "sellerType", seller_id AS "sellerId", kind, amount_cents AS "amountCents", currency,
  order_id AS "orderId", (SELECT o.order_no FROM orders o WHERE o.id = seller_ledger_entries.order_id) AS "orderNo",
  payment_id AS "paymentId", refund_id AS "refundId", created_at AS "createdAt"`;

/** Keeps only sellers of the given list, as SQL over seller_type/seller_id with the arrays in $1, $2. */
const SELLERS_CLAUSE = `(seller_type, seller_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))`;

const toLedgerOrder = moneyMapper<LedgerOrder>('saleCents', 'refundedCents');
const toEntry = moneyMapper<LedgerEntryRow>('amountCents');
const toBalance = moneyMapper<SellerRef & { balanceCents: number; currency: string }>('balanceCents');

/** All SQL about the seller ledger (append-only: there is no update or delete here, and a trigger refuses them). */
@Injectable()
export class LedgerRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(m: EntityManager, entries: NewLedgerEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await preparedQuery(m, 'ledger_insert',
      `INSERT INTO seller_ledger_entries (seller_type, seller_id, kind, amount_cents, currency, fee_bps, order_id, payment_id, refund_id, created_at)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::bigint[], $5::char(3)[], $6::int[], $7::uuid[], $8::uuid[], $9::uuid[], $10::timestamptz[])`,
      [
        entries.map((e) => e.sellerType),
        entries.map((e) => e.sellerId),
        entries.map((e) => e.kind),
        entries.map((e) => e.amountCents),
        entries.map((e) => e.currency),
        entries.map((e) => e.feeBps),
        entries.map((e) => e.orderId),
        entries.map((e) => e.paymentId),
        entries.map((e) => e.refundId ?? null),
        entries.map((e) => e.createdAt ?? new Date()),
      ],
    );
  }

  /**
   * The order's sale and refunds so far, with its sale entry locked (so two
   * refunds of one order compute their fee returns one after the other).
   * Null when the order was never credited (never paid).
   */
  async lockOrder(m: EntityManager, orderId: string): Promise<LedgerOrder | null> {
    const sale = await m.query(
      `SELECT seller_type AS "sellerType", seller_id AS "sellerId", fee_bps AS "feeBps", currency,
              -- what the order credited the seller: the sale (goods) and its shipping entry
              amount_cents + coalesce((SELECT x.amount_cents FROM seller_ledger_entries x WHERE x.order_id = $1 AND x.kind = 'shipping'), 0) AS "saleCents"
         FROM seller_ledger_entries WHERE order_id = $1 AND kind = 'sale' FOR UPDATE`,
      [orderId],
    );
    if (!sale[0]) return null;
    const [{ refunded }] = await m.query(
      `SELECT coalesce(-sum(amount_cents), 0)::bigint AS refunded FROM seller_ledger_entries WHERE order_id = $1 AND kind = 'refund'`,
      [orderId],
    );
    return toLedgerOrder({
      orderId,
      sellerType: sale[0].sellerType,
      sellerId: sale[0].sellerId,
      saleCents: sale[0].saleCents,
      refundedCents: refunded,
      feeBps: sale[0].feeBps,
      currency: sale[0].currency,
    });
  }

  /** The paid orders of a payment, as the ledger knows them, in order id order. */
  async ordersOfPayment(m: EntityManager, paymentId: string): Promise<LedgerOrder[]> {
    const rows = await m.query(
      `SELECT s.order_id AS "orderId", s.seller_type AS "sellerType", s.seller_id AS "sellerId",
              s.amount_cents + coalesce((SELECT x.amount_cents FROM seller_ledger_entries x WHERE x.order_id = s.order_id AND x.kind = 'shipping'), 0) AS "saleCents",
              s.fee_bps AS "feeBps", s.currency,
              coalesce((SELECT -sum(r.amount_cents) FROM seller_ledger_entries r WHERE r.order_id = s.order_id AND r.kind = 'refund'), 0)::bigint
                AS "refundedCents"
         FROM seller_ledger_entries s
        WHERE s.payment_id = $1 AND s.kind = 'sale'
        ORDER BY s.order_id`,
      [paymentId],
    );
    return rows.map(toLedgerOrder);
  }

  /** The sellers a farmer acts for: themself, and every cooperative they manage. */
  /** The currency of the user's market: a seller's ledger is in it (a seller sells in one market). */
  async currencyOf(userId: string): Promise<string | null> {
    const [row] = await this.db.query(`SELECT mk.currency FROM users u JOIN markets mk ON mk.code = u.market_code WHERE u.id = $1`, [userId]);
    return row?.currency ?? null;
  }

  async sellersOf(userId: string): Promise<SellerRef[]> {
    const rows = await this.db.query(`SELECT id FROM cooperatives WHERE manager_id = $1 ORDER BY id`, [userId]);
    return [{ sellerType: 'farmer', sellerId: userId }, ...rows.map((r: { id: string }) => ({ sellerType: 'cooperative' as const, sellerId: r.id }))];
  }

  async page(sellers: SellerRef[], page: number, pageSize: number): Promise<{ items: LedgerEntryRow[]; total: number }> {
    const params = [sellers.map((s) => s.sellerType), sellers.map((s) => s.sellerId)];
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM seller_ledger_entries WHERE ${SELLERS_CLAUSE}`, params);
    const rows = await this.db.query(
      `SELECT ${ENTRY_COLUMNS} FROM seller_ledger_entries WHERE ${SELLERS_CLAUSE} ORDER BY created_at DESC, seq DESC LIMIT $3 OFFSET $4`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { items: rows.map(toEntry), total };
  }

  /**
   * The balance of each seller in each currency it has entries in (sellers without entries
   * included, at 0 in `currency`): amounts of different currencies are never added.
   */
  async balances(sellers: SellerRef[], currency: string): Promise<(SellerRef & { balanceCents: number; currency: string })[]> {
    const rows = await this.db.query(
      `SELECT s.seller_type AS "sellerType", s.seller_id AS "sellerId", coalesce(e.currency, $3) AS currency,
              coalesce(sum(e.amount_cents), 0)::bigint AS "balanceCents"
         FROM unnest($1::text[], $2::uuid[]) WITH ORDINALITY AS s(seller_type, seller_id, n)
         LEFT JOIN seller_ledger_entries e ON e.seller_type = s.seller_type AND e.seller_id = s.seller_id
        GROUP BY s.seller_type, s.seller_id, s.n, coalesce(e.currency, $3) ORDER BY s.n, coalesce(e.currency, $3) <> $3, 3`,
      [sellers.map((s) => s.sellerType), sellers.map((s) => s.sellerId), currency],
    );
    return rows.map(toBalance);
  }
}
