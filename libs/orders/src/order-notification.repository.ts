import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { OrderStatus } from '@farmlink/shared';

/** One queued order mail event (order_mail_pending) with what its mails say and who gets them. */
export interface PendingOrderMail {
  id: string;
  /** Null only if the order is gone (never, orders are kept): the event is then dropped. */
  orderId: string | null;
  /** Who is told: the buyer, and the seller (the farmer, or the cooperative's manager; null when it has none). */
  buyerEmail: string | null;
  buyerName: string;
  buyerLocale: 'zh-CN' | 'en';
  sellerEmail: string | null;
  sellerName: string;
  sellerLocale: 'zh-CN' | 'en';
  sellerPhone: string | null;
  /** Province, prefecture and county of the delivery address, by name. */
  shipCounty: string | null;
  /** What the order holds, in its lines' order. */
  lines: { title: string; quantity: number }[];
  orderNo: string;
  totalCents: number;
  currency: string;
  shippingAddress: { name?: string; phone?: string; countyCode?: string; line1?: string };
  carrier: string | null;
  trackingNo: string | null;
  /** A move: its statuses and note (a cancellation's reason); null for a refund. */
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  note: string | null;
  /** A refund: its amount in minor units; null for a move. */
  refundCents: number | null;
}

/**
 * The SQL of order notifications. Events queue one row each (order_mail_pending: a move, from the
 * statement that moves the orders, or a refund); the outbox relay claims them in batches, off the
 * event's transaction, reads each one's order, history and recipients in one statement, and deletes them.
 */
@Injectable()
export class OrderNotificationRepository {
  /** A refund's mails, queued on the refund's transaction. */
  async queueRefund(m: EntityManager, orderId: string, refundCents: number): Promise<void> {
    await m.query(`INSERT INTO order_mail_pending (order_id, refund_cents) VALUES ($1, $2)`, [orderId, refundCents]);
  }

  /**
   * Up to `limit` queued events, oldest first, locked (rows another relay holds are skipped), each with its
   * order, its move or refund, its buyer and seller (the farmer, or the cooperative's manager) and its lines
   * (every claimed row is answered: one whose seller has no account, e.g. a cooperative without a manager,
   * has no seller e-mail, and the caller skips that mail).
   * The delivery county is looked up by its code with the column's own type (text since migration 090):
   * while regions.code was char(6), comparing it with the address's text read the whole regions table.
   */
  async claimPending(m: EntityManager, limit: number): Promise<PendingOrderMail[]> {
    const rows: PendingOrderMail[] = await m.query(
      `WITH pending AS (
         SELECT id, order_id, history_id, refund_cents FROM order_mail_pending ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
       )
       SELECT p.id::text AS id, o.id AS "orderId", o.order_no AS "orderNo", o.total_cents AS "totalCents", o.currency,
              o.shipping_address AS "shippingAddress", o.carrier, o.tracking_no AS "trackingNo",
              h.from_status AS "fromStatus", h.to_status AS "toStatus", h.note, p.refund_cents AS "refundCents",
              b.email AS "buyerEmail", b.display_name AS "buyerName", b.locale AS "buyerLocale",
              s.email AS "sellerEmail", s.display_name AS "sellerName", s.locale AS "sellerLocale", s.phone AS "sellerPhone",
              (SELECT concat_ws(' ', pr.name, pa.name, r.name) FROM regions r
                 LEFT JOIN regions pa ON pa.code = r.parent_code LEFT JOIN regions pr ON pr.code = pa.parent_code
                WHERE r.code = o.shipping_address->>'countyCode') AS "shipCounty",
              (SELECT coalesce(json_agg(json_build_object('title', l.title, 'quantity', l.quantity) ORDER BY l.position), '[]')
                 FROM order_lines l WHERE l.order_id = o.id) AS lines
         FROM pending p
         LEFT JOIN orders o ON o.id = p.order_id
         LEFT JOIN order_history h ON h.id = p.history_id
         LEFT JOIN users b ON b.id = o.buyer_id
         LEFT JOIN cooperatives c ON o.seller_type = 'cooperative' AND c.id = o.seller_id
         LEFT JOIN users s ON s.id = CASE WHEN o.seller_type = 'cooperative' THEN c.manager_id ELSE o.seller_id END
        ORDER BY p.id`,
      [limit],
    );
    return rows.map((r) => ({ ...r, totalCents: Number(r.totalCents), refundCents: r.refundCents === null ? null : Number(r.refundCents) }));
  }

  async deletePending(m: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await m.query(`DELETE FROM order_mail_pending WHERE id = ANY($1::bigint[])`, [ids]);
  }
}
