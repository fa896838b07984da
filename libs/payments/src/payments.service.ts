import { Inject, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@farmlink/database';
import type { PaymentProviderName, PaymentStatus } from '@farmlink/shared';
import { PAYMENT_OUTCOME_PORT, PaymentOutcomePort } from './payment-outcome.port';
import { PAYMENT_PROVIDER, PaymentProvider } from './payment-provider';
import { PaymentRepository, PaymentRow, RefundRow } from './payment.repository';
import { PaymentNotFoundError } from './payments.errors';

/** What the checkout answer shows of its payment. */
export interface PaymentSummary {
  id: string;
  provider: PaymentProviderName;
  status: PaymentStatus;
  amountCents: number;
  currency: string;
  clientSecret?: string;
}

export interface NewRefund {
  orderId: string;
  /** The order's seller of record (for the seller ledger). */
  sellerType: 'farmer' | 'cooperative';
  sellerId: string;
  paymentId: string;
  amountCents: number;
  currency: string;
  reason: string;
  source: RefundRow['source'];
  createdBy?: string | null;
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
  ) {}

  /** The port that orders binds (resolved lazily: payments never imports orders). */
  private get outcome(): PaymentOutcomePort {
    this.port ??= this.moduleRef.get<PaymentOutcomePort>(PAYMENT_OUTCOME_PORT, { strict: false });
    return this.port;
  }

  get providerName(): PaymentProviderName {
    return this.provider.name;
  }

  /**
   * Creates the checkout's payment inside the checkout transaction. A local
   * provider is initiated at once; an external one (Stripe) is initiated by
   * `initiate()` after the transaction commits.
   */
  async createForCheckout(
    m: EntityManager,
    input: { checkoutId: string; amountCents: number; currency: string },
  ): Promise<{ summary: PaymentSummary; needsInitiation: boolean }> {
    const id = await this.payments.insert(m, { ...input, provider: this.provider.name });
    const summary: PaymentSummary = { id, provider: this.provider.name, status: 'pending', amountCents: input.amountCents, currency: input.currency };
    if (this.provider.external) return { summary, needsInitiation: true };
    const intent = await this.provider.createIntent({ paymentId: id, ...input });
    await this.payments.setProviderRef(m, id, intent.providerRef, intent.clientSecret);
    return { summary, needsInitiation: false };
  }

  /** Calls the external provider for a payment created by createForCheckout (idempotent: safe to repeat). */
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
      await this.payments.setProviderRef(undefined, payment.id, intent.providerRef, intent.clientSecret);
      payment.providerRef = intent.providerRef;
      payment.clientSecret = intent.clientSecret;
    }
    return PaymentsService.summary(payment);
  }

  static summary(p: PaymentRow): PaymentSummary {
    return {
      id: p.id,
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

  findByCheckout(checkoutId: string, m?: EntityManager): Promise<PaymentRow | null> {
    return this.payments.findByCheckout(checkoutId, m);
  }

  /** The simulated provider's "pay" button: drives the same path as a Stripe webhook. */
  async simulate(paymentId: string, buyerId: string, outcome: 'succeeded' | 'failed'): Promise<PaymentSummary> {
    const payment = await this.payments.find(paymentId);
    // Someone else's payment, or a real provider's: 404, so ids do not leak.
    if (!payment || payment.buyerId !== buyerId || payment.provider !== 'simulated') throw new PaymentNotFoundError(paymentId);
    await inTransaction(this.db, async (m) => {
      if (outcome === 'succeeded') await this.recordSucceeded(m, paymentId, new Date());
      else await this.recordFailed(m, paymentId, 'Simulated payment failure');
    });
    return PaymentsService.summary((await this.payments.find(paymentId))!);
  }

  /**
   * The money arrived. Acted on once: a second call (a webhook delivered
   * twice) finds the payment succeeded and does nothing. Orders that can no
   * longer be paid are refunded automatically, and recorded.
   */
  async recordSucceeded(m: EntityManager, paymentId: string, at: Date): Promise<{ changed: boolean }> {
    const payment = await this.payments.lock(m, paymentId);
    if (!payment) throw new PaymentNotFoundError(paymentId);
    if (payment.status === 'succeeded') return { changed: false };
    await this.payments.markSucceeded(m, paymentId, at);
    const { refundable } = await this.outcome.onPaymentSucceeded(m, {
      paymentId,
      checkoutId: payment.checkoutId,
      amountCents: payment.amountCents,
      currency: payment.currency,
      succeededAt: at,
    });
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
      this.logger.warn(`payment ${paymentId} arrived for cancelled order ${r.orderId}: refunded ${r.amountCents}`);
    }
    return { changed: true };
  }

  /** A payment attempt failed. Ignored once the payment has succeeded (events may arrive out of order). */
  async recordFailed(m: EntityManager, paymentId: string, reason: string): Promise<{ changed: boolean }> {
    const payment = await this.payments.lock(m, paymentId);
    if (!payment) throw new PaymentNotFoundError(paymentId);
    if (payment.status !== 'pending') return { changed: false };
    await this.payments.markFailed(m, paymentId, reason);
    await this.outcome.onPaymentFailed(m, { paymentId, checkoutId: payment.checkoutId, reason });
    return { changed: true };
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
    if (!this.provider.external) {
      const payment = await this.payments.find(input.paymentId, m);
      const result = await this.provider.refund({
        refundId: refund.id,
        paymentId: input.paymentId,
        paymentProviderRef: payment?.providerRef ?? null,
        amountCents: input.amountCents,
        currency: input.currency,
        reason: input.reason,
      });
      await this.payments.setRefundResult(m, refund.id, result.providerRef, result.status);
      return { ...refund, providerRef: result.providerRef, status: result.status };
    }
    return refund;
  }

  /** Sends a pending refund to an external provider (after the transaction that recorded it committed). */
  async completeRefund(refund: RefundRow): Promise<void> {
    if (!this.provider.external || refund.status !== 'pending') return;
    const payment = await this.payments.find(refund.paymentId);
    const result = await this.provider.refund({
      refundId: refund.id,
      paymentId: refund.paymentId,
      paymentProviderRef: payment?.providerRef ?? null,
      amountCents: refund.amountCents,
      currency: refund.currency,
      reason: refund.reason,
    });
    await this.payments.setRefundResult(undefined, refund.id, result.providerRef, result.status);
  }

  refundsOfOrder(orderId: string, m?: EntityManager): Promise<RefundRow[]> {
    return this.payments.refundsOfOrder(orderId, m);
  }
}
