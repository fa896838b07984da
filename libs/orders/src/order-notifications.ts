import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotificationsService, orderMail, type OrderMailKind, type OutboxEntry } from '@farmlink/notifications';
import { formatMoney, type OrderStatus } from '@farmlink/shared';
import { OrderNotificationRepository } from './order-notification.repository';
import type { OrderRow } from './order.repository';

/** An amount in its currency's own minor units (UGX and RWF have none): ¥79.80, KES 1,234.56, UGX 1,500. */
const money = (minor: number, currency: string) => formatMoney(minor, currency);

/**
 * The mails an order's events cause, written to the outbox on the event's own
 * transaction (called from OrdersService.transition and from refunds): to the
 * seller a new paid order (what to ship and where), a cancellation of a paid
 * order, a refund; to the buyer the payment received, the shipment (carrier,
 * tracking number), a cancellation (by the seller or the payment timeout), a refund.
 */
@Injectable()
export class OrderNotifications {
  constructor(
    private readonly repo: OrderNotificationRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** `orders` as they were before moving to `to` (their old status tells a paid cancellation from an unpaid one). */
  async moved(m: EntityManager, orders: OrderRow[], to: OrderStatus, extra: { carrier?: string | null; trackingNo?: string | null; cancelReason?: string | null }): Promise<void> {
    const kinds = (o: OrderRow): OrderMailKind[] => {
      if (to === 'paid') return ['seller_paid', 'buyer_paid'];
      if (to === 'shipped') return ['buyer_shipped'];
      if (to === 'cancelled') return o.status === 'paid' ? ['buyer_cancelled', 'seller_cancelled'] : ['buyer_cancelled'];
      return [];
    };
    const wanted = orders.filter((o) => kinds(o).length > 0);
    if (wanted.length === 0) return;
    await this.send(m, wanted, (o) => kinds(o), () => ({ carrier: extra.carrier, trackingNo: extra.trackingNo, reason: extra.cancelReason }));
  }

  async refunded(m: EntityManager, order: OrderRow, amountCents: number): Promise<void> {
    await this.send(m, [order], () => ['buyer_refunded', 'seller_refunded'], (o) => ({ refund: money(amountCents, o.currency) }));
  }

  private async send(
    m: EntityManager,
    orders: OrderRow[],
    kinds: (o: OrderRow) => OrderMailKind[],
    facts: (o: OrderRow) => { carrier?: string | null; trackingNo?: string | null; reason?: string | null; refund?: string },
  ): Promise<void> {
    const recipients = await this.repo.recipients(m, orders.map((o) => o.id));
    const messages: OutboxEntry[] = [];
    for (const o of orders) {
      const r = recipients.find((x) => x.orderId === o.id);
      if (!r) continue;
      const a = o.shippingAddress as unknown as { name?: string; phone?: string; countyCode?: string; line1?: string };
      const common = {
        orderNo: o.orderNo || o.id.slice(0, 8), // the readable number (migration 077); rows locked without it fall back to the id's start
        total: money(o.totalCents, o.currency),
        lines: r.lines,
        shipTo: [a.name, a.phone, r.shipCounty ?? a.countyCode, a.line1].filter(Boolean).join(' '),
        ...facts(o),
      };
      for (const kind of kinds(o)) {
        const toSeller = kind.startsWith('seller_');
        const mail = orderMail(kind, toSeller ? r.sellerLocale : r.buyerLocale, { ...common, name: toSeller ? r.sellerName : r.buyerName });
        messages.push({ channel: 'email', to: toSeller ? r.sellerEmail : r.buyerEmail, template: `order.${kind}`, mail });
        // By SMS too: every seller event to a seller with a phone (often a farmer's only address), and the
        // shipment (carrier and tracking number) to the phone the buyer gave for the delivery.
        const phone = toSeller ? r.sellerPhone : kind === 'buyer_shipped' ? a.phone : null;
        if (phone) messages.push({ channel: 'sms', to: phone, template: `order.${kind}`, text: smsText(kind, mail.subject, common) });
      }
    }
    // Every message of the event in one statement: 2 round trips on the event's transaction however many orders it moves.
    await this.notifications.enqueueAll(m, messages);
  }
}

/** The SMS: the mail's subject and what matters most in a line (the goods to ship, or the tracking number). */
function smsText(kind: OrderMailKind, subject: string, facts: { lines: { title: string; quantity: number }[]; carrier?: string | null; trackingNo?: string | null }): string {
  if (kind === 'seller_paid') return `${subject}. ${facts.lines.map((l) => `${l.title} × ${l.quantity}`).join(', ')}`;
  if (kind === 'buyer_shipped') return `${subject}: ${[facts.carrier, facts.trackingNo].filter(Boolean).join(' ')}`;
  return subject;
}
