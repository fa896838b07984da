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
  type RefundRow,
} from '@farmlink/payments';
import { DEFAULT_PAGE_SIZE, ForbiddenError, OrderStateMachine, type OrderStatus, type Page } from '@farmlink/shared';
import type { CreateRefundDto, OrderDto, OrderQueryDto, RefundDto, ShipOrderDto } from './dto/order.dto';
import { toOrderDto } from './order.mapper';
import { OrderRepository, OrderRow } from './order.repository';
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
  ) {}

  // ---- reading -------------------------------------------------------------

  async list(caller: AuthUser, query: OrderQueryDto): Promise<Page<OrderDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const { items, total } = await this.orders.page(caller, { status: query.status, page, pageSize });
    const lines = await this.orders.linesOf(items.map((o) => o.id));
    return { items: items.map((o) => toOrderDto(o, lines.filter((l) => l.orderId === o.id))), total, page, pageSize };
  }

  async get(caller: AuthUser, id: string): Promise<OrderDto> {
    const order = await this.orders.findVisibleOrder(id, caller);
    if (!order) throw new OrderNotFoundError(id);
    const [lines, history] = await Promise.all([this.orders.linesOf([id]), this.orders.history(id)]);
    return { ...toOrderDto(order, lines), history };
  }

  // ---- the state machine ---------------------------------------------------

  /** Where an order's state changes (with markPaid for a payment's orders at once): checks the move, writes the state and the history row. */
  private async transition(
    m: EntityManager,
    order: OrderRow,
    to: OrderStatus,
    actor: Actor,
    extra: { at?: Date; carrier?: string | null; trackingNo?: string | null; cancelReason?: string | null } = {},
  ): Promise<void> {
    if (!OrderStateMachine.canMove(order.status, to)) throw new OrderStateConflictError(order.id, order.status, `moved to ${to}`);
    await this.orders.setStatus(m, { id: order.id, from: order.status, to }, actor, extra);
    if (to === 'cancelled') {
      // Cancellation is the only way stock comes back, and an order is cancelled at most once.
      const lines = await this.orders.linesOf([order.id], m);
      await this.stock.returnStock(m, lines.map((l) => ({ listingId: l.listingId, quantity: l.quantity })));
    }
  }

  /** Locks the order and checks the caller may see it (404) and act on it (403). */
  private async lockForActor(m: EntityManager, caller: AuthUser, id: string, may: (o: OrderRow, isSeller: boolean) => boolean): Promise<{ order: OrderRow; isSeller: boolean }> {
    const order = await this.orders.lockOrder(m, id);
    if (!order) throw new OrderNotFoundError(id);
    const isBuyer = order.buyerId === caller.id;
    const isSeller = caller.role === 'farmer' && (await this.orders.isSeller(order, caller.id, m));
    const staff = caller.role === 'officer' || caller.role === 'admin';
    if (!isBuyer && !isSeller && !staff) throw new OrderNotFoundError(id);
    if (!may(order, isSeller)) throw new ForbiddenError('You may not do this to this order');
    return { order, isSeller };
  }

  async cancel(caller: AuthUser, id: string, reason?: string): Promise<OrderDto> {
    const refunds: RefundRow[] = [];
    await inTransaction(this.db, async (m) => {
      refunds.length = 0;
      const { order, isSeller } = await this.lockForActor(m, caller, id, (o, seller) => o.buyerId === caller.id || seller || caller.role === 'admin');
      if (order.status !== 'pending_payment' && order.status !== 'paid') throw new OrderStateConflictError(id, order.status, 'cancelled');
      const role = order.buyerId === caller.id ? 'buyer' : isSeller ? 'seller' : caller.role;
      await this.transition(m, order, 'cancelled', { id: caller.id, role }, { cancelReason: reason ?? `Cancelled by the ${role}` });
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
      const { order } = await this.lockForActor(m, caller, id, (_o, seller) => seller);
      if (order.status !== 'paid') throw new OrderStateConflictError(id, order.status, 'shipped');
      await this.transition(m, order, 'shipped', { id: caller.id, role: 'seller' }, { carrier: dto.carrier ?? null, trackingNo: dto.trackingNo ?? null });
    });
    return this.get(caller, id);
  }

  async deliver(caller: AuthUser, id: string): Promise<OrderDto> {
    await inTransaction(this.db, async (m) => {
      const { order } = await this.lockForActor(m, caller, id, (o) => o.buyerId === caller.id);
      if (order.status !== 'shipped') throw new OrderStateConflictError(id, order.status, 'marked delivered');
      await this.transition(m, order, 'delivered', { id: caller.id, role: 'buyer' });
    });
    return this.get(caller, id);
  }

  // ---- refunds -------------------------------------------------------------

  async refund(caller: AuthUser, id: string, dto: CreateRefundDto): Promise<RefundDto> {
    const refund = await inTransaction(this.db, async (m) => {
      const { order, isSeller } = await this.lockForActor(m, caller, id, (_o, seller) => seller || caller.role === 'admin');
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
    const payment = await this.payments.findByCheckout(order.checkoutId, m);
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
    return refund;
  }

  // ---- PaymentOutcomePort (called by payments inside its transaction) -------

  async onPaymentSucceeded(m: EntityManager, event: PaymentSucceededEvent): Promise<PaymentSucceededResult> {
    const orders = await this.orders.lockCheckoutOrders(m, event.checkoutId);
    const result: PaymentSucceededResult = { paid: [], refundable: [] };
    for (const order of orders) {
      const seller = { orderId: order.id, sellerType: order.sellerType, sellerId: order.sellerId };
      if (order.status === 'pending_payment') {
        // The state machine's move, applied below to all of them at once (see markPaid).
        if (!OrderStateMachine.canMove(order.status, 'paid')) throw new OrderStateConflictError(order.id, order.status, 'paid');
        result.paid.push({ ...seller, amountCents: order.totalCents });
      } else if (order.status === 'cancelled' && !order.paidAt) {
        // Cancelled (e.g. by the timeout) before the money came: it must go back.
        result.refundable.push({ ...seller, amountCents: order.totalCents - order.refundedCents });
      }
    }
    await this.orders.markPaid(m, result.paid.map((p) => p.orderId), event.succeededAt, { id: null, role: 'payment' });
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
        for (const order of expired) {
          await this.transition(m, order, 'cancelled', SYSTEM, { cancelReason: `Not paid within ${minutes} minutes` });
        }
        return expired.length;
      });
      total += n;
      if (n < batchSize) break;
    }
    if (total > 0) this.logger.log(`cancelled ${total} unpaid orders after ${minutes} minutes`);
    return total;
  }
}
