import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { moneyMapper } from '@farmlink/database';

/** One order in the reconciliation's scope, with what payments, refunds and the ledger say about it. */
export interface ReconOrderRow {
  orderId: string;
  checkoutId: string;
  status: string;
  sellerType: string;
  sellerId: string;
  totalCents: number;
  refundedCents: number;
  paid: boolean;
  paymentId: string | null;
  paymentStatus: string | null;
  paymentAmountCents: number;
  paymentInRange: boolean;
  refundsCents: number;
  failedRefunds: number;
  ledgerSaleCents: number;
  ledgerSales: number;
  ledgerRefundCents: number;
  ledgerFeeCents: number;
  ledgerEntries: number;
  ledgerOtherSeller: number;
  feeBps: number | null;
  /** The checkout's currency (its market's): reconciliation covers one currency at a time. */
  currency: string;
}

/** What orders tell reconciliation about one order (through the PaymentOutcomePort). */
export type ReconOrderFacts = Pick<ReconOrderRow, 'orderId' | 'checkoutId' | 'status' | 'sellerType' | 'sellerId' | 'totalCents' | 'refundedCents' | 'paid'>;

type PaymentSideRow = Omit<ReconOrderRow, keyof ReconOrderFacts> & { orderId: string };

const toPaymentSide = moneyMapper<PaymentSideRow>('paymentAmountCents', 'refundsCents', 'ledgerSaleCents', 'ledgerRefundCents', 'ledgerFeeCents');

const BOUNDS = `SELECT ($1::date::timestamp AT TIME ZONE $3) AS lo, (($2::date + 1)::timestamp AT TIME ZONE $3) AS hi`;

/**
 * Read-only SQL for reconciliation over payments, refunds and the seller
 * ledger. What it needs of orders comes from orders, through the port
 * (`reconciliationOrders`): this file never reads the orders table.
 */
@Injectable()
export class ReconciliationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A market's currency and report zone (null for a market this deployment does not serve). */
  async market(code: string): Promise<{ currency: string; timeZone: string } | null> {
    const [row] = await this.db.query(`SELECT currency, time_zone AS "timeZone" FROM markets WHERE code = $1`, [code]);
    return row ?? null;
  }

  /** Checkouts whose payment succeeded in [from, to], and orders with ledger entries written in it (calendar dates in `timeZone`). */
  async scope(from: string, to: string, timeZone: string): Promise<{ checkoutIds: string[]; orderIds: string[] }> {
    const rows: { kind: 'checkout' | 'order'; id: string }[] = await this.db.query(
      `WITH bounds AS (${BOUNDS})
       SELECT DISTINCT 'checkout' AS kind, p.checkout_id AS id FROM payments p, bounds b
        WHERE p.status = 'succeeded' AND p.succeeded_at >= b.lo AND p.succeeded_at < b.hi
       UNION
       SELECT DISTINCT 'order', e.order_id FROM seller_ledger_entries e, bounds b WHERE e.created_at >= b.lo AND e.created_at < b.hi`,
      [from, to, timeZone],
    );
    return {
      checkoutIds: rows.filter((r) => r.kind === 'checkout').map((r) => r.id),
      orderIds: rows.filter((r) => r.kind === 'order').map((r) => r.id),
    };
  }

  /** For each order: its checkout's payment, its refunds and its seller-ledger entries, side by side. */
  async paymentSide(orders: ReconOrderFacts[], from: string, to: string, timeZone: string): Promise<Map<string, PaymentSideRow>> {
    if (orders.length === 0) return new Map();
    const rows: PaymentSideRow[] = await this.db.query(
      `WITH bounds AS (${BOUNDS})
       SELECT o.order_id AS "orderId",
              p.id AS "paymentId", p.status AS "paymentStatus", coalesce(p.amount_cents, 0) AS "paymentAmountCents",
              coalesce(p.status = 'succeeded' AND p.succeeded_at >= b.lo AND p.succeeded_at < b.hi, false) AS "paymentInRange",
              coalesce(r.ok_cents, 0)::bigint AS "refundsCents", coalesce(r.failed, 0)::int AS "failedRefunds",
              coalesce(l.sale_cents, 0)::bigint AS "ledgerSaleCents", coalesce(l.sales, 0)::int AS "ledgerSales",
              coalesce(l.refund_cents, 0)::bigint AS "ledgerRefundCents", coalesce(l.fee_cents, 0)::bigint AS "ledgerFeeCents",
              coalesce(l.entries, 0)::int AS "ledgerEntries", coalesce(l.other_seller, 0)::int AS "ledgerOtherSeller", l.fee_bps AS "feeBps",
              ck.currency
         FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::uuid[]) AS o(order_id, checkout_id, seller_type, seller_id)
         CROSS JOIN bounds b
         JOIN checkouts ck ON ck.id = o.checkout_id
         LEFT JOIN payments p ON p.checkout_id = o.checkout_id
         LEFT JOIN LATERAL (
           SELECT sum(amount_cents) FILTER (WHERE status <> 'failed') AS ok_cents, count(*) FILTER (WHERE status = 'failed') AS failed
             FROM refunds WHERE order_id = o.order_id
         ) r ON true
         LEFT JOIN LATERAL (
           SELECT sum(amount_cents) FILTER (WHERE kind IN ('sale', 'shipping')) AS sale_cents,
                  count(*) FILTER (WHERE kind = 'sale') AS sales,
                  sum(amount_cents) FILTER (WHERE kind = 'refund') AS refund_cents,
                  sum(amount_cents) FILTER (WHERE kind IN ('fee', 'fee_refund')) AS fee_cents,
                  count(*) AS entries,
                  count(*) FILTER (WHERE seller_type <> o.seller_type OR seller_id <> o.seller_id) AS other_seller,
                  max(fee_bps) FILTER (WHERE kind = 'sale') AS fee_bps
             FROM seller_ledger_entries WHERE order_id = o.order_id
         ) l ON true`,
      [from, to, timeZone, orders.map((o) => o.orderId), orders.map((o) => o.checkoutId), orders.map((o) => o.sellerType), orders.map((o) => o.sellerId)],
    );
    return new Map(rows.map((r) => [r.orderId, toPaymentSide(r)]));
  }
}
