import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { beforeCommit, inTransaction, uuidV7 } from '@farmlink/database';
import { allocateProportionally, type PaymentProviderName, type PaymentStatus, type SellerType } from '@farmlink/shared';
import { LedgerService } from './ledger.service';
import { outcomePort, type PaymentOutcomePort, type PaymentSucceededResult } from './payment-outcome.port';
import { PAYMENT_PROVIDER, PaymentProvider } from './payment-provider';
import { PaymentRepository, PaymentRow, RefundRow } from './payment.repository';
import { PaymentNotFoundError } from './payments.errors';
import { PaymentProviderUnavailableError } from './providers/stripe-payment.provider';

/** What the checkout answer shows of its payment. */
export interface PaymentSummary {
  id: string;
  checkoutId: string;
  provider: PaymentProviderName;
  status: PaymentStatus;
  amountCents: number;
  currency: string;
  clientSecret?: string;
}

/** A checkout's payment, prepared by PaymentsService.prepareForCheckout and not yet written. */
export interface CheckoutPayment {
  summary: PaymentSummary;
  /** An external provider (Stripe) is called once the checkout has committed. */
  needsInitiation: boolean;
  row: Parameters<PaymentRepository['insert']>[1];
}

export interface NewRefund {
  orderId: string;
  /** The order's seller of record (for the seller ledger). */
  sellerType: SellerType;
  sellerId: string;
  paymentId: string;
  amountCents: number;
  currency: string;
  reason: string;
  source: RefundRow['source'];
  createdBy?: string | null;
}

/** A refund as the provider reports it (e.g. from Stripe's charge.refunded). */
export interface ProviderRefund {
  providerRef: string;
  amountCents: number;
  status: RefundRow['status'];
  /** Our refund id, when we created it (Stripe metadata.refund_id). */
  ourRefundId: string | null;
}

@Injectable()
export class PaymentsService {
  private readonly logger = new Logger(PaymentsService.name);
  private port?: PaymentOutcomePort;

  constructor(
    private readonly payments: PaymentRepository,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly moduleRef: ModuleRef,
    @InjectDataSource() private readonly db: DataSource,
    private readonly ledger: LedgerService,
  ) {}

  /** The port that orders binds (resolved lazily: payments never imports orders). */
  private get outcome(): PaymentOutcomePort {
    this.port ??= outcomePort(this.moduleRef);
    return this.port;
  }

  get providerName(): PaymentProviderName {
    return this.provider.name;
  }

  /**
   * The checkout's payment, before it is written: a local provider is initiated at once (its
   * reference is known now); an external one (Stripe) is initiated by `initiate()` after the
   * checkout's transaction commits. No statement is sent: `insertForCheckout` writes it.
   */
  async prepareForCheckout(input: { checkoutId: string; amountCents: number; currency: string }): Promise<CheckoutPayment> {
    const id = uuidV7();
    const summary: PaymentSummary = { id, checkoutId: input.checkoutId, provider: this.provider.name, status: 'pending', amountCents: input.amountCents, currency: input.currency };
    if (this.provider.external) return { summary, needsInitiation: true, row: { id, ...input, provider: this.provider.name } };
    const intent = await this.provider.createIntent({ paymentId: id, ...input });
    return { summary, needsInitiation: false, row: { id, ...input, provider: this.provider.name, providerRef: intent.providerRef, clientSecret: intent.clientSecret } };
  }

  /** Writes the prepared payment in the checkout's transaction (one INSERT, sent at once: it may be pipelined). */
  insertForCheckout(m: EntityManager, payment: CheckoutPayment): Promise<string> {
    return this.payments.insert(m, payment.row);
  }

  /** Calls the external provider for a payment written by insertForCheckout (idempotent: safe to repeat). */
  async initiate(paymentId: string): Promise<PaymentSummary> {
    const payment = await this.payments.find(paymentId);
    if (!payment) throw new PaymentNotFoundError(paymentId);
    if (!payment.providerRef || !payment.clientSecret) {
      const intent = await this.provider.createIntent({
        paymentId: payment.id,
        checkoutId: payment.checkoutId,
        amountCents: payment.amountCents,
        currency: payment.currency,
      });
      await this.payments.setProviderRef(payment.id, intent.providerRef, intent.clientSecret);
      payment.providerRef = intent.providerRef;
      payment.clientSecret = intent.clientSecret;
    }
    return PaymentsService.summary(payment);
  }

  static summary(p: PaymentRow): PaymentSummary {
    return {
      id: p.id,
      checkoutId: p.checkoutId,
      provider: p.provider,
      status: p.status,
      amountCents: p.amountCents,
      currency: p.currency,
      ...(p.clientSecret ? { clientSecret: p.clientSecret } : {}),
    };
  }

  async get(paymentId: string): Promise<PaymentRow | null> {
    return this.payments.find(paymentId);
  }

  /** The checkout's payment (a plain read). */
  findByCheckout(checkoutId: string): Promise<PaymentRow | null> {
    return this.payments.findByCheckout(checkoutId);
  }

  /** The checkout's payment, read in the caller's transaction. */
  findByCheckoutIn(m: EntityManager, checkoutId: string): Promise<PaymentRow | null> {
    return this.payments.findByCheckoutIn(m, checkoutId);
  }

  /**
   * The simulated provider's "pay" button: drives the same path as a Stripe webhook. The answer is
   * built from what the transaction read and wrote (the locked payment and its new status), never
   * read again after the commit: a pool timeout or a database blip then cannot turn a payment that
   * succeeded into a 503.
   */
  async simulate(paymentId: string, buyerId: string, outcome: 'succeeded' | 'failed'): Promise<PaymentSummary> {
    const { summary, refunds } = await inTransaction(this.db, async (m) => {
      if (outcome === 'succeeded') {
        const at = new Date();
        // One round trip (pipelined): lock and mark the payment, only when it is this buyer's simulated
        // payment; and move its checkout's orders to paid. The orders statement finds them through the
        // payment marked succeeded at `at`, so it does nothing when the first statement did not mark it.
        const [found, orders] = await Promise.all([
          this.payments.lockAndMarkSucceeded(m, paymentId, at, { buyerId, provider: 'simulated' }),
          this.outcome.onPaymentSucceeded(m, { paymentId, succeededAt: at }),
        ]);
        const payment = found?.payment;
        // Someone else's payment, or a real provider's: 404, so ids do not leak.
        if (!payment || payment.buyerId !== buyerId || payment.provider !== 'simulated') throw new PaymentNotFoundError(paymentId);
        const r = found.marked ? await this.settleSucceeded(m, payment, at, orders) : { refunds: [] as RefundRow[] };
        return { summary: PaymentsService.summary({ ...payment, status: 'succeeded' }), refunds: r.refunds };
      }
      const payment = await this.payments.lock(m, paymentId);
      if (!payment || payment.buyerId !== buyerId || payment.provider !== 'simulated') throw new PaymentNotFoundError(paymentId);
      const r = await this.recordFailed(m, paymentId, 'Simulated payment failure', payment);
      return { summary: PaymentsService.summary(r.changed ? { ...payment, status: 'failed' } : payment), refunds: [] as RefundRow[] };
    }, { genericPlans: true });
    await this.completeRefunds(refunds);
    return summary;
  }

  /**
   * The money arrived. Acted on once: a second call (a webhook delivered
   * twice) finds the payment succeeded and does nothing. The orders become
   * paid and their sales are credited in the seller ledger, in the caller's
   * transaction. Orders that can no longer be paid are refunded automatically
   * and recorded; the caller sends the returned refunds to an external
   * provider with completeRefunds() once the transaction has committed.
   * `locked`: the payment, when the caller has already locked it in `m` (as it was before this
   * call; `marked`: the caller has also marked it succeeded, lockAndMarkSucceeded).
   */
  async recordSucceeded(
    m: EntityManager,
    paymentId: string,
    at: Date,
    locked?: PaymentRow,
    { marked = false }: { marked?: boolean } = {},
  ): Promise<{ changed: boolean; refunds: RefundRow[] }> {
    const payment = locked ?? (await this.payments.lock(m, paymentId));
    if (!payment) throw new PaymentNotFoundError(paymentId);
    if (!marked) {
      if (payment.status === 'succeeded') return { changed: false, refunds: [] };
      await this.payments.markSucceeded(m, paymentId, at);
    }
    const orders = await this.outcome.onPaymentSucceeded(m, {
      paymentId,
      checkoutId: payment.checkoutId,
      amountCents: payment.amountCents,
      currency: payment.currency,
      succeededAt: at,
    });
    return this.settleSucceeded(m, payment, at, orders);
  }

  /**
   * After the orders moved: credits the sales in the seller ledger (a write nobody waits for: it goes
   * out with COMMIT, beforeCommit) and refunds the orders that could no longer be paid.
   */
  private async settleSucceeded(m: EntityManager, payment: PaymentRow, at: Date, { paid, refundable }: PaymentSucceededResult): Promise<{ changed: boolean; refunds: RefundRow[] }> {
    const paymentId = payment.id;
    await beforeCommit(m, this.ledger.recordSales(m, { paymentId, currency: payment.currency, at, paid }));
    const refunds: RefundRow[] = [];
    for (const r of refundable) {
      if (r.amountCents <= 0) continue;
      const refund = await this.createRefund(m, {
        orderId: r.orderId,
        sellerType: r.sellerType,
        sellerId: r.sellerId,
        paymentId,
        amountCents: r.amountCents,
        currency: payment.currency,
        reason: 'Automatic refund: the order was cancelled before the payment arrived',
        source: 'system',
      });
      await this.outcome.onRefundRecorded(m, { refundId: refund.id, orderId: r.orderId, amountCents: r.amountCents });
      refunds.push(refund);
      this.logger.warn(`payment ${paymentId} arrived for cancelled order ${r.orderId}: refunded ${r.amountCents}`);
    }
    return { changed: true, refunds };
  }

  /** A payment attempt failed. Ignored once the payment has succeeded (events may arrive out of order). */
  async recordFailed(m: EntityManager, paymentId: string, reason: string, locked?: PaymentRow): Promise<{ changed: boolean }> {
    const payment = locked ?? (await this.payments.lock(m, paymentId));
    if (!payment) throw new PaymentNotFoundError(paymentId);
    if (payment.status !== 'pending') return { changed: false };
    await this.payments.markFailed(m, paymentId, reason);
    await this.outcome.onPaymentFailed(m, { paymentId, checkoutId: payment.checkoutId, reason });
    return { changed: true };
  }

  /** The provider cancelled the payment attempt. Ignored once the payment has succeeded; the orders wait for the timeout. */
  async recordCancelled(m: EntityManager, paymentId: string, reason: string): Promise<{ changed: boolean }> {
    const payment = await this.payments.lock(m, paymentId);
    if (!payment) throw new PaymentNotFoundError(paymentId);
    if (payment.status === 'succeeded' || payment.status === 'cancelled') return { changed: false };
    await this.payments.markCancelled(m, paymentId, reason);
    await this.outcome.onPaymentFailed(m, { paymentId, checkoutId: payment.checkoutId, reason });
    return { changed: true };
  }

  /**
   * Refunds the provider reports for a payment (Stripe's charge.refunded).
   * Ours (matched by provider ref or by our id in the metadata) get their
   * status; refunds nobody here knew (made in Stripe's dashboard) are
   * recorded with source 'provider', shared among the payment's paid orders
   * in proportion to what is left to refund on each, reported to orders, and
   * debited in the ledger. Acted on once per provider refund, whatever the
   * number of deliveries.
   */
  async recordProviderRefunds(m: EntityManager, paymentId: string, reported: ProviderRefund[]): Promise<{ recorded: number; updated: number }> {
    const payment = await this.payments.lock(m, paymentId);
    if (!payment) throw new PaymentNotFoundError(paymentId);
    const known = await this.payments.refundsOfPayment(m, paymentId);
    let recorded = 0;
    let updated = 0;
    for (const r of reported) {
      const mine = known.filter((k) => k.providerRef === r.providerRef || (r.ourRefundId !== null && k.id === r.ourRefundId));
      if (mine.length > 0) {
        for (const k of mine) {
          if (k.status === 'succeeded' || (k.status === r.status && k.providerRef === r.providerRef)) continue;
          await this.payments.setRefundResult(m, k.id, r.providerRef, r.status);
          k.status = r.status;
          k.providerRef = r.providerRef;
          updated++;
        }
        continue;
      }
      if (r.status === 'failed' || r.amountCents <= 0) continue; // no money moved
      // Lock the payment's orders (through orders, in id order) so what is left to refund cannot change underneath.
      await this.outcome.lockOrdersOfCheckout(m, payment.checkoutId);
      const orders = await this.ledger.ordersOfPayment(m, paymentId);
      const left = orders.map((o) => o.saleCents - o.refundedCents);
      const leftTotal = left.reduce((a, b) => a + b, 0);
      const amount = Math.min(r.amountCents, leftTotal);
      if (amount < r.amountCents) {
        this.logger.error(`provider refund ${r.providerRef} of ${r.amountCents} on payment ${paymentId} exceeds what is left to refund (${leftTotal})`);
      }
      if (amount <= 0) continue;
      const shares = allocateProportionally(amount, left);
      for (let i = 0; i < orders.length; i++) {
        if (shares[i] <= 0) continue;
        const refund = await this.payments.insertRefund(m, {
          orderId: orders[i].orderId,
          paymentId,
          amountCents: shares[i],
          currency: payment.currency,
          reason: `Refunded at the payment provider (${r.providerRef})`,
          status: r.status,
          source: 'provider',
          providerRef: r.providerRef,
        });
        known.push(refund);
        // Orders first (it locks the order), then the ledger: the same lock order as a seller's refund.
        await this.outcome.onRefundRecorded(m, { refundId: refund.id, orderId: refund.orderId, amountCents: refund.amountCents });
        await this.ledger.recordRefund(m, { refundId: refund.id, orderId: refund.orderId, paymentId, amountCents: refund.amountCents, currency: refund.currency });
        recorded++;
      }
    }
    return { recorded, updated };
  }

  /**
   * Records a refund inside the caller's transaction. A local provider
   * refunds at once; with an external one the refund is `pending` until
   * `completeRefund()` (called after commit) or the provider's webhook.
   */
  async createRefund(m: EntityManager, input: NewRefund): Promise<RefundRow> {
    const refund = await this.payments.insertRefund(m, {
      orderId: input.orderId,
      paymentId: input.paymentId,
      amountCents: input.amountCents,
      currency: input.currency,
      reason: input.reason,
      source: input.source,
      createdBy: input.createdBy,
      status: this.provider.external ? 'pending' : 'succeeded',
    });
    await this.ledger.recordRefund(m, { refundId: refund.id, orderId: input.orderId, paymentId: input.paymentId, amountCents: input.amountCents, currency: input.currency });
    if (!this.provider.external) {
      const result = await this.sendRefund(refund, await this.payments.findIn(m, input.paymentId));
      await this.payments.setRefundResult(m, refund.id, result.providerRef, result.status);
      return { ...refund, providerRef: result.providerRef, status: result.status };
    }
    return refund;
  }

  /** The one call that asks the provider to refund (idempotent on our refund id). */
  private sendRefund(refund: RefundRow, payment: PaymentRow | null): Promise<{ providerRef: string | null; status: RefundRow['status'] }> {
    return this.provider.refund({
      refundId: refund.id,
      orderId: refund.orderId,
      paymentId: refund.paymentId,
      paymentProviderRef: payment?.providerRef ?? null,
      amountCents: refund.amountCents,
      currency: refund.currency,
      reason: refund.reason,
    });
  }

  /**
   * Sends a pending refund to an external provider, after the transaction
   * that recorded it committed, and updates `refund` in place with the
   * provider's answer. Safe to repeat: the provider sees the same idempotency
   * key. If the provider is unreachable the refund stays pending and the
   * refund sweeper sends it again; if it refuses, the refund is marked failed
   * (and reconciliation lists it).
   */
  async completeRefund(refund: RefundRow): Promise<void> {
    if (!this.provider.external || refund.status !== 'pending' || refund.providerRef) return;
    try {
      const result = await this.sendRefund(refund, await this.payments.find(refund.paymentId));
      // Not in a transaction: the refund row committed before the provider was called.
      await this.payments.setRefundResult(this.db.manager, refund.id, result.providerRef, result.status);
      refund.providerRef = result.providerRef;
      refund.status = result.status;
    } catch (err) {
      if (err instanceof PaymentProviderUnavailableError) {
        this.logger.warn(`refund ${refund.id} not sent yet (provider unavailable); it will be retried`);
        return;
      }
      this.logger.error(`refund ${refund.id} refused by the provider: ${(err as Error).message}`);
      await this.payments.setRefundResult(this.db.manager, refund.id, null, 'failed');
      refund.status = 'failed';
    }
  }

  async completeRefunds(refunds: RefundRow[]): Promise<void> {
    for (const r of refunds) await this.completeRefund(r);
  }

  /** Sends again refunds an external provider never answered (a crash or an outage between commit and call). */
  async retryUnsentRefunds(olderThanSeconds = 60): Promise<number> {
    if (!this.provider.external) return 0;
    const refunds = await this.payments.unsentRefunds(olderThanSeconds, 100);
    await this.completeRefunds(refunds);
    return refunds.length;
  }
}
