import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@farmlink/database';
import { NotificationsService, orderMail, type OrderMailKind, type OutboxEntry } from '@farmlink/notifications';
import { formatMoney, type OrderStatus } from '@farmlink/shared';
import { OrderNotificationRepository, type PendingOrderMail } from './order-notification.repository';
import type { OrderRow } from './order.repository';

/** An amount in its currency's own minor units (UGX and RWF have none): ¥79.80, KES 1,234.56, UGX 1,500. */
const money = (minor: number, currency: string) => formatMoney(minor, currency);

/** The mails of a move from `from` to `to` (none for the others, e.g. delivered). */
export function mailsOfMove(from: OrderStatus | null, to: OrderStatus | null): OrderMailKind[] {
  if (to === 'paid') return ['seller_paid', 'buyer_paid'];
  if (to === 'shipped') return ['buyer_shipped'];
  if (to === 'cancelled') return from === 'paid' ? ['buyer_cancelled', 'seller_cancelled'] : ['buyer_cancelled'];
  return [];
}

/** Whether a move to `to` is mailed (OrdersService.transition queues it with the move). */
export const isMailedMove = (to: OrderStatus): boolean => mailsOfMove('paid', to).length > 0;

/** Events rendered per relay transaction. */
const RENDER_BATCH = 500;

/**
 * The mails an order's events cause: to the seller a new paid order (what to ship and where), a
 * cancellation of a paid order, a refund; to the buyer the payment received, the shipment
 * (carrier, tracking number), a cancellation (by the seller or the payment timeout), a refund.
 *
 * An event only queues a row on its own transaction (order_mail_pending: the statement that moves
 * the orders writes it, or `refunded` for a refund), so the paying transaction neither reads
 * recipients nor renders templates. The outbox relay (NotificationsService.relay, every
 * OUTBOX_RELAY_MS, one process in the cluster) calls `renderPending` first: it turns the queued
 * events into outbox messages in batches, each batch on one transaction with the deletion of its
 * rows, so every event is mailed exactly once, in its recipients' languages.
 */
@Injectable()
export class OrderNotifications implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: OrderNotificationRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.notifications.addSource(() => this.renderPending());
  }

  /** A refund's mails to the buyer and the seller, queued on the refund's transaction. */
  async refunded(m: EntityManager, order: OrderRow, amountCents: number): Promise<void> {
    await this.repo.queueRefund(m, order.id, amountCents);
  }

  /** Renders every queued event into the outbox; answers how many events. */
  async renderPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await inTransaction(this.db, async (m) => {
        const events = await this.repo.claimPending(m, RENDER_BATCH);
        await this.notifications.enqueueAll(m, events.flatMap(messagesOf));
        await this.repo.deletePending(m, events.map((e) => e.id));
        return events.length;
      });
      total += n;
      if (n < RENDER_BATCH) return total;
    }
  }
}

/** One event's messages: a mail to each recipient it concerns, and an SMS where a phone is known. */
function messagesOf(e: PendingOrderMail): OutboxEntry[] {
  const kinds: OrderMailKind[] = e.refundCents !== null ? ['buyer_refunded', 'seller_refunded'] : mailsOfMove(e.fromStatus, e.toStatus);
  if (!e.orderId) return [];
  const a = e.shippingAddress ?? {};
  const common = {
    orderNo: e.orderNo || e.orderId.slice(0, 8), // the readable number (migration 077); older rows fall back to the id's start
    total: money(e.totalCents, e.currency),
    lines: e.lines,
    shipTo: [a.name, a.phone, e.shipCounty ?? a.countyCode, a.line1].filter(Boolean).join(' '),
    carrier: e.carrier,
    trackingNo: e.trackingNo,
    reason: e.note,
    ...(e.refundCents !== null ? { refund: money(e.refundCents, e.currency) } : {}),
  };
  const messages: OutboxEntry[] = [];
  for (const kind of kinds) {
    const toSeller = kind.startsWith('seller_');
    const to = toSeller ? e.sellerEmail : e.buyerEmail;
    if (!to) continue;
    const mail = orderMail(kind, toSeller ? e.sellerLocale : e.buyerLocale, { ...common, name: toSeller ? e.sellerName : e.buyerName });
    messages.push({ channel: 'email', to, template: `order.${kind}`, mail });
    // By SMS too: every seller event to a seller with a phone (often a farmer's only address), and the
    // shipment (carrier and tracking number) to the phone the buyer gave for the delivery.
    const phone = toSeller ? e.sellerPhone : kind === 'buyer_shipped' ? a.phone : null;
    if (phone) messages.push({ channel: 'sms', to: phone, template: `order.${kind}`, text: smsText(kind, mail.subject, common) });
  }
  return messages;
}

/** The SMS: the mail's subject and what matters most in a line (the goods to ship, or the tracking number). */
function smsText(kind: OrderMailKind, subject: string, facts: { lines: { title: string; quantity: number }[]; carrier?: string | null; trackingNo?: string | null }): string {
  if (kind === 'seller_paid') return `${subject}. ${facts.lines.map((l) => `${l.title} × ${l.quantity}`).join(', ')}`;
  if (kind === 'buyer_shipped') return `${subject}: ${[facts.carrier, facts.trackingNo].filter(Boolean).join(' ')}`;
  return subject;
}
