import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseMinorUnits } from '@farmlink/shared';

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
}

const MONEY_FIELDS = ['totalCents', 'refundedCents', 'paymentAmountCents', 'refundsCents', 'ledgerSaleCents', 'ledgerRefundCents', 'ledgerFeeCents'] as const;

/**
 * Read-only SQL for reconciliation. It reads orders, payments, refunds and
 * the ledger side by side (a read across tables, not an import of orders).
 */
@Injectable()
export class ReconciliationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Orders of payments that succeeded in [from, to] (calendar dates in `timeZone`),
   * orders paid in that range, and orders with ledger entries written in it.
   */
  async ordersInScope(from: string, to: string, timeZone: string): Promise<ReconOrderRow[]> {
    const rows = await this.db.query(
      `WITH bounds AS (
         SELECT ($1::date::timestamp AT TIME ZONE $3) AS lo, (($2::date + 1)::timestamp AT TIME ZONE $3) AS hi
       ),
       scope AS (
         SELECT o.id FROM orders o JOIN payments p ON p.checkout_id = o.checkout_id, bounds b
          WHERE p.status = 'succeeded' AND p.succeeded_at >= b.lo AND p.succeeded_at < b.hi
         UNION
         SELECT o.id FROM orders o, bounds b WHERE o.paid_at >= b.lo AND o.paid_at < b.hi
         UNION
         SELECT e.order_id FROM seller_ledger_entries e, bounds b WHERE e.created_at >= b.lo AND e.created_at < b.hi
       )
       SELECT o.id AS "orderId", o.checkout_id AS "checkoutId", o.status, o.seller_type AS "sellerType", o.seller_id AS "sellerId",
              o.total_cents AS "totalCents", o.refunded_cents AS "refundedCents", o.paid_at IS NOT NULL AS paid,
              p.id AS "paymentId", p.status AS "paymentStatus", coalesce(p.amount_cents, 0) AS "paymentAmountCents",
              coalesce(p.status = 'succeeded' AND p.succeeded_at >= b.lo AND p.succeeded_at < b.hi, false) AS "paymentInRange",
              coalesce(r.ok_cents, 0)::bigint AS "refundsCents", coalesce(r.failed, 0)::int AS "failedRefunds",
              coalesce(l.sale_cents, 0)::bigint AS "ledgerSaleCents", coalesce(l.sales, 0)::int AS "ledgerSales",
              coalesce(l.refund_cents, 0)::bigint AS "ledgerRefundCents", coalesce(l.fee_cents, 0)::bigint AS "ledgerFeeCents",
              coalesce(l.entries, 0)::int AS "ledgerEntries", coalesce(l.other_seller, 0)::int AS "ledgerOtherSeller", l.fee_bps AS "feeBps"
         FROM scope s
         JOIN orders o ON o.id = s.id
         CROSS JOIN bounds b
         LEFT JOIN payments p ON p.checkout_id = o.checkout_id
         LEFT JOIN LATERAL (
           SELECT sum(amount_cents) FILTER (WHERE status <> 'failed') AS ok_cents, count(*) FILTER (WHERE status = 'failed') AS failed
             FROM refunds WHERE order_id = o.id
         ) r ON true
         LEFT JOIN LATERAL (
           SELECT sum(amount_cents) FILTER (WHERE kind = 'sale') AS sale_cents,
                  count(*) FILTER (WHERE kind = 'sale') AS sales,
                  sum(amount_cents) FILTER (WHERE kind = 'refund') AS refund_cents,
                  sum(amount_cents) FILTER (WHERE kind IN ('fee', 'fee_refund')) AS fee_cents,
                  count(*) AS entries,
                  count(*) FILTER (WHERE seller_type <> o.seller_type OR seller_id <> o.seller_id) AS other_seller,
                  max(fee_bps) FILTER (WHERE kind = 'sale') AS fee_bps
             FROM seller_ledger_entries WHERE order_id = o.id
         ) l ON true
        ORDER BY o.checkout_id, o.id`,
      [from, to, timeZone],
    );
    return rows.map((r: ReconOrderRow) => {
      const out = { ...r };
      for (const f of MONEY_FIELDS) (out as Record<string, unknown>)[f] = parseMinorUnits(r[f] as unknown as string);
      return out;
    });
  }
}
