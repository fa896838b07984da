import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Who is told about an order: its buyer, and its seller (the farmer, or the cooperative's manager). */
export interface OrderRecipients {
  orderId: string;
  buyerEmail: string;
  buyerName: string;
  buyerLocale: 'zh-CN' | 'en';
  sellerEmail: string;
  sellerName: string;
  sellerLocale: 'zh-CN' | 'en';
  sellerPhone: string | null;
  /** Province, prefecture and county of the delivery address, by name. */
  shipCounty: string | null;
  /** What the order holds, in its lines' order. */
  lines: { title: string; quantity: number }[];
}

/** The SQL of order notifications (read on the transaction of the event). */
@Injectable()
export class OrderNotificationRepository {
  /**
   * Who is told about each order, and what it holds: one statement (it runs in the paying transaction).
   * The county is looked up by its code with the column's own type (text since migration 090): while
   * regions.code was char(6), comparing it with the address's text kept the index out and every lookup
   * read the whole regions table (31 ms per payment under load, the payment's costliest statement).
   */
  recipients(m: EntityManager, orderIds: string[]): Promise<OrderRecipients[]> {
    return m.query(
      `SELECT o.id AS "orderId", b.email AS "buyerEmail", b.display_name AS "buyerName", b.locale AS "buyerLocale",
              s.email AS "sellerEmail", s.display_name AS "sellerName", s.locale AS "sellerLocale", s.phone AS "sellerPhone",
              (SELECT concat_ws(' ', pr.name, p.name, r.name) FROM regions r
                 LEFT JOIN regions p ON p.code = r.parent_code LEFT JOIN regions pr ON pr.code = p.parent_code
                WHERE r.code = o.shipping_address->>'countyCode') AS "shipCounty",
              (SELECT coalesce(json_agg(json_build_object('title', l.title, 'quantity', l.quantity) ORDER BY l.position), '[]')
                 FROM order_lines l WHERE l.order_id = o.id) AS lines
         FROM orders o
         JOIN users b ON b.id = o.buyer_id
         LEFT JOIN cooperatives c ON o.seller_type = 'cooperative' AND c.id = o.seller_id
         JOIN users s ON s.id = CASE WHEN o.seller_type = 'cooperative' THEN c.manager_id ELSE o.seller_id END
        WHERE o.id = ANY($1::uuid[])`,
      [orderIds],
    );
  }
}
