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
}

/** The SQL of order notifications (read on the transaction of the event). */
@Injectable()
export class OrderNotificationRepository {
  recipients(m: EntityManager, orderIds: string[]): Promise<OrderRecipients[]> {
    return m.query(
      `SELECT o.id AS "orderId", b.email AS "buyerEmail", b.display_name AS "buyerName", b.locale AS "buyerLocale",
              s.email AS "sellerEmail", s.display_name AS "sellerName", s.locale AS "sellerLocale", s.phone AS "sellerPhone",
              (SELECT concat_ws(' ', pr.name, p.name, r.name) FROM regions r
                 LEFT JOIN regions p ON p.code = r.parent_code LEFT JOIN regions pr ON pr.code = p.parent_code
                WHERE r.code = o.shipping_address->>'countyCode') AS "shipCounty"
         FROM orders o
         JOIN users b ON b.id = o.buyer_id
         LEFT JOIN cooperatives c ON o.seller_type = 'cooperative' AND c.id = o.seller_id
         JOIN users s ON s.id = CASE WHEN o.seller_type = 'cooperative' THEN c.manager_id ELSE o.seller_id END
        WHERE o.id = ANY($1::uuid[])`,
      [orderIds],
    );
  }

  lines(m: EntityManager, orderIds: string[]): Promise<{ orderId: string; title: string; quantity: number }[]> {
    return m.query(`SELECT order_id AS "orderId", title, quantity FROM order_lines WHERE order_id = ANY($1::uuid[]) ORDER BY order_id, position`, [orderIds]);
  }
}
