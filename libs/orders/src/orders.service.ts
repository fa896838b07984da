import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { actorOf, AuditService } from '@farmlink/audit';
import { ListingStockRepository } from '@farmlink/catalog';
import { inTransaction } from '@farmlink/database';
import type { AuthUser } from '@farmlink/common';
import {
  PaymentsService,
  type PaymentOutcomePort,
  type PaymentSucceededEvent,
  type PaymentSucceededResult,
  type ReconOrderFacts,
  type RefundRow,
} from '@farmlink/payments';
import { BadRequestError, DEFAULT_MARKET, DEFAULT_PAGE_SIZE, ForbiddenError, orderNoPrefix, UnprocessableError, OrderStateMachine, type OrderStatus, type Page } from '@farmlink/shared';
import { MarketsService } from '@farmlink/regions';
import type { CreateRefundDto, OrderDto, OrderExportQueryDto, OrderQueryDto, RefundDto, ShipOrderDto } from './dto/order.dto';
import { forCaller, mayActOnOrder, type OrderAction } from './order.access';
import { toOrderDto } from './order.mapper';
import { isMailedMove, OrderNotifications } from './order-notifications';
import { ordersToCsv, ordersToXlsx } from './order-export';
import { OrderRepository, OrderRow, type OrderFilter } from './order.repository';
import { OrderNotFoundError, OrderNotPaidError, OrderStateConflictError, RefundTooLargeError } from './orders.errors';

type Actor = { id: string | null; role: string };

const SYSTEM: Actor = { id: null, role: 'system' };

/**
 * Orders after checkout: who sees them, their state machine (every change goes
 * through `transition()`, which writes the history row in the same
 * transaction), cancellations that return stock, refunds, the payment
 * timeout, and the PaymentOutcomePort that payments calls.
 */
@Injectable()
export class OrdersService implements PaymentOutcomePort {
  private readonly logger = new Logger(OrdersService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orders: OrderRepository,
    private readonly stock: ListingStockRepository,
    private readonly payments: PaymentsService,
    private readonly config: ConfigService,
    private readonly audit: AuditService,
    private readonly notify: OrderNotifications,
    private readonly markets: MarketsService,
  ) {}

  // ---- reading -------------------------------------------------------------

  async list(caller: AuthUser, query: OrderQueryDto): Promise<Page<OrderDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await this.orders.page(caller, { ...(await this.filterOf(caller, query)), checkoutId: query.checkoutId, page, pageSize });
    const lines = await this.orders.linesOf(items.map((o) => o.id));
    return { items: items.map((o) => forCaller(caller, toOrderDto(o, lines.filter((l) => l.orderId === o.id)))), total, page, pageSize };
  }

  /** The most orders one export holds; a larger selection is 422 (narrow the dates). */
  static readonly EXPORT_LIMIT = 5000;

  /** The seller's own sales under the list's filters, as CSV or XLSX (headers in `lang`). Farmers only: their sales, or their cooperatives'. */
  async export(caller: AuthUser, query: OrderExportQueryDto): Promise<{ body: string | Buffer; contentType: string; fileName: string }> {
    if (caller.role !== 'farmer') throw new ForbiddenError('Only sellers export their orders');
    const market = await this.orders.marketOfUser(caller.id);
    const filter = await this.filterOf(caller, query, market.marketCode);
    const rows = await this.orders.sellerExport(caller, filter, OrdersService.EXPORT_LIMIT);
    if (rows.length > OrdersService.EXPORT_LIMIT) {
      throw new UnprocessableError(`More than ${OrdersService.EXPORT_LIMIT} orders: narrow the dates`, { maxOrders: OrdersService.EXPORT_LIMIT });
    }
    const lines = await this.orders.linesOf(rows.map((o) => o.id));
    // The file holds buyers' names, phones and addresses: who took which, on the audit trail.
    await this.audit.recordAlone({
      ...actorOf(caller),
      action: 'order.export',
      targetType: 'user',
      targetId: caller.id,
      details: { format: query.format, orders: rows.length, status: filter.status ?? null, from: filter.from ?? null, to: filter.to ?? null, listingId: filter.listingId ?? null },
    });
    const lang = query.lang ?? 'zh-CN';
    // Amounts in the orders' currency (the seller's market's); an empty file names the seller's. Times in the market's zone.
    const currency = rows[0]?.currency ?? market.currency;
    const fileName = `orders-${query.from ?? 'all'}-${query.to ?? 'now'}.${query.format}`;
    return query.format === 'csv'
      ? { body: ordersToCsv(rows, lines, lang, filter.timeZone, currency), contentType: 'text/csv; charset=utf-8', fileName }
      : {
          body: await ordersToXlsx(rows, lines, lang, filter.timeZone, currency),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          fileName,
        };
  }

  /**
   * The list's and the export's filters, checked: from ≤ to, and `q` readable as (the beginning of) an
   * order number. Dates (and the export's times) are in the zone of the caller's market (cn's is
   * REPORT_TIME_ZONE), looked up only when dates are given or the market is known.
   */
  private async filterOf(caller: AuthUser, query: Omit<OrderQueryDto, 'page' | 'pageSize' | 'checkoutId'>, marketCode?: string): Promise<OrderFilter> {
    if (query.from && query.to && query.from > query.to) throw new BadRequestError('from must be on or before to');
    let prefix: string | undefined;
    if (query.q) {
      prefix = orderNoPrefix(query.q) ?? undefined;
      if (!prefix) throw new BadRequestError('q must be an order number such as FL-7K3M9-Q (or its beginning)');
    }
    const market = marketCode ?? (query.from || query.to ? (await this.orders.marketOfUser(caller.id)).marketCode : DEFAULT_MARKET);
    return {
      status: query.status,
      from: query.from,
      to: query.to,
      timeZone: (await this.markets.get(market)).timeZone,
      buyer: query.buyer,
      listingId: query.listingId,
      orderNoPrefix: prefix,
    };
  }

  async get(caller: AuthUser, id: string): Promise<OrderDto> {
    const order = await this.orders.findVisibleOrder(id, caller);
    if (!order) throw new OrderNotFoundError(id);
    const [lines, history] = await Promise.all([this.orders.linesOf([id]), this.orders.history(id)]);
    return { ...forCaller(caller, toOrderDto(order, lines)), history };
  }

  // ---- the state machine ---------------------------------------------------

  /**
   * Where an order's state changes — one order or many (a payment's orders move together): checks every
   * move in the transition table, writes the states and the history rows, and returns stock on cancellation.
   */
  private async transition(
    m: EntityManager,
    orders: OrderRow[],
    to: OrderStatus,
    actor: Actor,
    extra: { at?: Date; carrier?: string | null; trackingNo?: string | null; cancelReason?: string | null } = {},
  ): Promise<void> {
    for (const from of new Set(orders.map((o) => o.status))) {
      const moving = orders.filter((o) => o.status === from);
      if (!OrderStateMachine.canMove(from, to)) throw new OrderStateConflictError(moving[0].id, from, `moved to ${to}`);
      // The same statement queues the move's mails (rendered off this transaction: order-notifications.ts).
      await this.orders.setStatus(m, { ids: moving.map((o) => o.id), from, to }, actor, extra, isMailedMove(to));
    }
    if (to === 'cancelled') {
      // Cancellation is the only way stock comes back, and an order is cancelled at most once.
      // Each order's stock goes back with its own history rows (reason, who, which order).
      const lines = await this.orders.linesIn(m, orders.map((o) => o.id));
      const reason = actor.role === 'system' ? 'payment_timeout' : 'cancellation';
      // Several orders (the timeout's batch): lock all their listings in id order first, as checkout does.
      if (orders.length > 1) await this.stock.lockInOrder(m, lines.map((l) => l.listingId));
      for (const o of orders) {
        const mine = lines.filter((l) => l.orderId === o.id).map((l) => ({ listingId: l.listingId, quantity: l.quantity }));
        await this.stock.returnStock(m, mine, { reason, actorId: actor.id, refId: o.id });
      }
    }
  }

  /** Locks the order and checks (order.access.ts) that the caller may see it (404) and do this to it (403). */
  private async lockForActor(m: EntityManager, caller: AuthUser, id: string, action: OrderAction): Promise<{ order: OrderRow; isSeller: boolean }> {
    const found = await this.orders.lockVisibleOrder(m, id, caller);
    if (!found) throw new OrderNotFoundError(id);
    if (!mayActOnOrder(caller, found.order, found.isSeller, action)) throw new ForbiddenError('You may not do this to this order');
    return found;
  }

  async cancel(caller: AuthUser, id: string, reason?: string): Promise<OrderDto> {
    const refunds: RefundRow[] = [];
    await inTransaction(this.db, async (m) => {
      refunds.length = 0;
      const { order, isSeller } = await this.lockForActor(m, caller, id, 'cancel');
      if (order.status !== 'pending_payment' && order.status !== 'paid') throw new OrderStateConflictError(id, order.status, 'cancelled');
      const role = order.buyerId === caller.id ? 'buyer' : isSeller ? 'seller' : caller.role;
      await this.transition(m, [order], 'cancelled', { id: caller.id, role }, { cancelReason: reason ?? `Cancelled by the ${role}` });
      if (order.status === 'paid') {
        const amount = order.totalCents - order.refundedCents;
        if (amount > 0) refunds.push(await this.refundInTransaction(m, order, amount, `Order cancelled: ${reason ?? `by the ${role}`}`, role === 'admin' ? 'admin' : role === 'seller' ? 'seller' : 'system', caller.id));
      }
    });
    for (const r of refunds) await this.payments.completeRefund(r);
    return this.get(caller, id);
  }

  async ship(caller: AuthUser, id: string, dto: ShipOrderDto): Promise<OrderDto> {
    await inTransaction(this.db, async (m) => {
      const { order } = await this.lockForActor(m, caller, id, 'ship');
      if (order.status !== 'paid') throw new OrderStateConflictError(id, order.status, 'shipped');
      await this.transition(m, [order], 'shipped', { id: caller.id, role: 'seller' }, { carrier: dto.carrier ?? null, trackingNo: dto.trackingNo ?? null });
    });
    return this.get(caller, id);
  }

  async deliver(caller: AuthUser, id: string): Promise<OrderDto> {
    await inTransaction(this.db, async (m) => {
      const { order } = await this.lockForActor(m, caller, id, 'deliver');
      if (order.status !== 'shipped') throw new OrderStateConflictError(id, order.status, 'marked delivered');
      await this.transition(m, [order], 'delivered', { id: caller.id, role: 'buyer' });
    });
    return this.get(caller, id);
  }

  // ---- refunds -------------------------------------------------------------

  async refund(caller: AuthUser, id: string, dto: CreateRefundDto): Promise<RefundDto> {
    const refund = await inTransaction(this.db, async (m) => {
      const { order, isSeller } = await this.lockForActor(m, caller, id, 'refund');
      if (!order.paidAt) throw new OrderNotPaidError(id);
      const left = order.totalCents - order.refundedCents;
      if (dto.amountCents > left) throw new RefundTooLargeError(left);
      const made = await this.refundInTransaction(m, order, dto.amountCents, dto.reason, isSeller ? 'seller' : 'admin', caller.id);
      if (!isSeller) {
        // An admin's refund is a staff action: audited in the same transaction.
        await this.audit.record(m, {
          ...actorOf(caller),
          action: 'order.refund',
          targetType: 'order',
          targetId: order.id,
          details: { refundId: made.id, amountCents: dto.amountCents, currency: order.currency, reason: dto.reason },
        });
      }
      return made;
    });
    await this.payments.completeRefund(refund);
    return {
      id: refund.id,
      orderId: refund.orderId,
      amountCents: refund.amountCents,
      currency: refund.currency,
      reason: refund.reason,
      status: refund.status,
      createdAt: refund.createdAt,
    };
  }

  private async refundInTransaction(m: EntityManager, order: OrderRow, amountCents: number, reason: string, source: RefundRow['source'], actorId: string | null): Promise<RefundRow> {
    const payment = await this.payments.findByCheckoutIn(m, order.checkoutId);
    if (!payment) throw new OrderNotPaidError(order.id);
    const refund = await this.payments.createRefund(m, {
      orderId: order.id,
      sellerType: order.sellerType,
      sellerId: order.sellerId,
      paymentId: payment.id,
      amountCents,
      currency: order.currency,
      reason,
      source,
      createdBy: actorId,
    });
    await this.orders.addRefunded(m, order.id, amountCents);
    await this.notify.refunded(m, order, amountCents);
    return refund;
  }

  // ---- PaymentOutcomePort (called by payments inside its transaction) -------

  async onPaymentSucceeded(m: EntityManager, event: PaymentSucceededEvent): Promise<PaymentSucceededResult> {
    // One statement: lock the checkout's orders, move those awaiting payment to paid (history, queued mails).
    if (!OrderStateMachine.canMove('pending_payment', 'paid')) throw new Error('the order state machine no longer lets a payment pay an order');
    const orders = await this.orders.payCheckoutOrders(m, event.checkoutId ? { checkoutId: event.checkoutId } : { paymentId: event.paymentId }, event.succeededAt);
    const result: PaymentSucceededResult = { paid: [], refundable: [] };
    for (const order of orders) {
      const seller = { orderId: order.id, sellerType: order.sellerType, sellerId: order.sellerId };
      if (order.status === 'pending_payment') {
        result.paid.push({ ...seller, amountCents: order.totalCents, shippingCents: order.shippingCents });
      } else if (order.status === 'cancelled' && !order.paidAt) {
        // Cancelled (e.g. by the timeout) before the money came: it must go back.
        result.refundable.push({ ...seller, amountCents: order.totalCents - order.refundedCents });
      }
    }
    return result;
  }

  async onPaymentFailed(): Promise<void> {
    // The orders stay payable until the payment timeout cancels them.
  }

  async onRefundRecorded(m: EntityManager, refund: { refundId: string; orderId: string; amountCents: number }): Promise<void> {
    const order = await this.orders.lockOrder(m, refund.orderId);
    if (!order) throw new OrderNotFoundError(refund.orderId);
    await this.orders.addRefunded(m, refund.orderId, refund.amountCents);
  }

  async lockOrdersOfCheckout(m: EntityManager, checkoutId: string): Promise<void> {
    await this.orders.lockCheckoutOrders(m, checkoutId);
  }

  reconciliationOrders(range: { from: string; to: string; timeZone: string }, also: { checkoutIds: string[]; orderIds: string[] }): Promise<ReconOrderFacts[]> {
    return this.orders.reconciliationOrders(range, also);
  }

  // ---- payment timeout -----------------------------------------------------

  /**
   * Cancels unpaid orders older than PAYMENT_TIMEOUT_MINUTES and returns their
   * stock. Safe with several API processes sweeping at once: rows another
   * sweeper (or a payment, or a cancel) holds are skipped (SKIP LOCKED).
   */
  async expireUnpaidOrders(batchSize = 200): Promise<number> {
    const minutes = Number(this.config.get('PAYMENT_TIMEOUT_MINUTES') ?? 30);
    let total = 0;
    for (;;) {
      const n = await inTransaction(this.db, async (m) => {
        const expired = await this.orders.lockExpiredUnpaid(m, minutes, batchSize);
        await this.transition(m, expired, 'cancelled', SYSTEM, { cancelReason: `Not paid within ${minutes} minutes` });
        return expired.length;
      });
      total += n;
      if (n < batchSize) break;
    }
    if (total > 0) this.logger.log(`cancelled ${total} unpaid orders after ${minutes} minutes`);
    return total;
  }
}
