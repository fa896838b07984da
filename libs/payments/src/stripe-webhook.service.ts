import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Stripe from 'stripe';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '@farmlink/database';
import { BadRequestError, NotFoundError } from '@farmlink/shared';
import { PAYMENT_PROVIDER, PaymentProvider } from './payment-provider';
import { PaymentRepository, type PaymentRow, type RefundRow } from './payment.repository';
import { PaymentsService, ProviderRefund } from './payments.service';
import { refundStatusOf, StripePaymentProvider } from './providers/stripe-payment.provider';

export interface WebhookResult {
  received: true;
  /** False when this event id was acted on before (a redelivery). */
  processed: boolean;
  outcome: string;
}

type Intent = Pick<Stripe.PaymentIntent, 'id' | 'amount' | 'amount_received' | 'currency' | 'metadata' | 'status'> & {
  last_payment_error?: { message?: string } | null;
  cancellation_reason?: string | null;
};

/**
 * Stripe's webhooks. The signature over the raw body is checked before
 * anything else; then, in one transaction, the event id is recorded under its
 * unique key (a redelivery finds it and does nothing) and the event is acted
 * on. Events may come twice, late or out of order: each handler moves state
 * only forward, so the outcome is the same.
 */
@Injectable()
export class StripeWebhookService {
  private readonly logger = new Logger(StripeWebhookService.name);

  constructor(
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly payments: PaymentsService,
    private readonly repo: PaymentRepository,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  private get stripe(): StripePaymentProvider {
    if (!(this.provider instanceof StripePaymentProvider)) throw new NotFoundError('Stripe is not configured here: the webhook');
    return this.provider;
  }

  /** Verifies, records and acts on one delivery. */
  async receive(rawBody: Buffer | string | undefined, signature: string | undefined): Promise<WebhookResult> {
    const stripe = this.stripe;
    if (!rawBody || !signature) throw new BadRequestError('A Stripe-Signature header and a raw body are required');
    let event: Stripe.Event;
    try {
      event = stripe.constructEvent(rawBody, signature);
    } catch (err) {
      this.logger.warn(`rejected a Stripe webhook: ${(err as Error).message}`);
      throw new BadRequestError('The Stripe-Signature does not match this body (or is too old)');
    }
    if (typeof event?.id !== 'string' || typeof event.type !== 'string' || !event.data?.object) {
      throw new BadRequestError('Not a Stripe event');
    }

    // Network calls happen before the transaction, never while it holds locks.
    const reported = event.type === 'charge.refunded' || event.type.startsWith('refund.') ? await this.reportedRefunds(event) : [];

    const { result, refunds } = await inTransaction(this.db, async (m) => {
      const object = event.data.object as { id?: string };
      const fresh = await this.repo.claimWebhookEvent(m, { id: event.id, provider: 'stripe', type: event.type, objectRef: object.id ?? null });
      if (!fresh) return { result: { received: true as const, processed: false, outcome: 'already processed' }, refunds: [] as RefundRow[] };
      const done = await this.act(m, event, reported);
      await this.repo.setWebhookOutcome(m, event.id, done.outcome);
      return { result: { received: true as const, processed: true, outcome: done.outcome }, refunds: done.refunds };
    }, { genericPlans: true });
    // Refunds the event caused (money for cancelled orders) go to Stripe once they are committed.
    await this.payments.completeRefunds(refunds);
    return result;
  }

  private async act(m: EntityManager, event: Stripe.Event, reported: ProviderRefund[]): Promise<{ outcome: string; refunds: RefundRow[] }> {
    const at = event.created ? new Date(event.created * 1000) : new Date();
    switch (event.type) {
      case 'payment_intent.succeeded': {
        const intent = event.data.object as Intent;
        const payment = await this.paymentOf(m, intent.id, intent.metadata);
        if (!payment) return this.unknown(event, intent.id);
        const received = intent.amount_received || intent.amount;
        if (received !== payment.amountCents || intent.currency?.toLowerCase() !== payment.currency.toLowerCase()) {
          this.logger.error(`payment ${payment.id}: Stripe says ${received} ${intent.currency}, the checkout is ${payment.amountCents} ${payment.currency}`);
          return { outcome: `amount mismatch: received ${received} ${intent.currency}`, refunds: [] };
        }
        const done = await this.payments.recordSucceeded(m, payment.id, at);
        return { outcome: done.changed ? `payment ${payment.id} succeeded` : `payment ${payment.id} was already succeeded`, refunds: done.refunds };
      }
      case 'payment_intent.payment_failed': {
        const intent = event.data.object as Intent;
        const payment = await this.paymentOf(m, intent.id, intent.metadata);
        if (!payment) return this.unknown(event, intent.id);
        const done = await this.payments.recordFailed(m, payment.id, intent.last_payment_error?.message ?? 'Payment failed at Stripe');
        return { outcome: done.changed ? `payment ${payment.id} failed` : `ignored: payment ${payment.id} is ${payment.status}`, refunds: [] };
      }
      case 'payment_intent.canceled': {
        const intent = event.data.object as Intent;
        const payment = await this.paymentOf(m, intent.id, intent.metadata);
        if (!payment) return this.unknown(event, intent.id);
        const done = await this.payments.recordCancelled(m, payment.id, `Cancelled at Stripe${intent.cancellation_reason ? `: ${intent.cancellation_reason}` : ''}`);
        return { outcome: done.changed ? `payment ${payment.id} cancelled` : `ignored: payment ${payment.id} is ${payment.status}`, refunds: [] };
      }
      case 'charge.refunded':
      case 'refund.created':
      case 'refund.updated': {
        const object = event.data.object as { id: string; payment_intent?: string | { id: string } | null; paid?: boolean; status?: string };
        const intentId = typeof object.payment_intent === 'string' ? object.payment_intent : object.payment_intent?.id;
        const payment = intentId ? await this.paymentOf(m, intentId, null) : null;
        if (!payment) return this.unknown(event, intentId ?? object.id);
        let refunds: RefundRow[] = [];
        if (payment.status !== 'succeeded' && event.type === 'charge.refunded' && (object.paid || object.status === 'succeeded')) {
          // The refund overtook payment_intent.succeeded: a refunded charge was paid, so record the payment first.
          refunds = (await this.payments.recordSucceeded(m, payment.id, at)).refunds;
        }
        const done = await this.payments.recordProviderRefunds(m, payment.id, reported);
        return { outcome: `refunds of payment ${payment.id}: ${done.recorded} recorded, ${done.updated} updated`, refunds };
      }
      default:
        return { outcome: `ignored: ${event.type} is not handled`, refunds: [] };
    }
  }

  /** Our payment for a PaymentIntent: by provider_ref, or by the payment id we put in its metadata. */
  private async paymentOf(m: EntityManager, intentId: string, metadata: Record<string, string> | null | undefined): Promise<PaymentRow | null> {
    const byRef = await this.repo.findByProviderRefIn(m, intentId);
    if (byRef) return byRef;
    const id = metadata?.payment_id;
    if (id && /^[0-9a-f-]{36}$/i.test(id)) {
      const byId = await this.repo.findIn(m, id);
      if (byId && byId.provider === 'stripe' && (!byId.providerRef || byId.providerRef === intentId)) return byId;
    }
    return null;
  }

  private unknown(event: Stripe.Event, ref: string): { outcome: string; refunds: RefundRow[] } {
    this.logger.warn(`Stripe event ${event.id} (${event.type}) is about ${ref}, which is not one of our payments`);
    return { outcome: `unknown payment intent ${ref}`, refunds: [] };
  }

  /** The refunds a refund event reports: the object itself, the charge's list, or (newer API versions) a fetch. */
  private async reportedRefunds(event: Stripe.Event): Promise<ProviderRefund[]> {
    let list: Stripe.Refund[];
    if (event.type.startsWith('refund.')) {
      list = [event.data.object as Stripe.Refund];
    } else {
      const charge = event.data.object as Stripe.Charge & { refunds?: { data?: Stripe.Refund[]; has_more?: boolean } | null };
      const intentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
      if (charge.refunds?.data && !charge.refunds.has_more) list = charge.refunds.data;
      else if (intentId) list = await this.stripe.refundsOfIntent(intentId);
      else list = [];
    }
    return list
      .filter((r) => r && typeof r.id === 'string' && Number.isSafeInteger(r.amount))
      .map((r) => ({
        providerRef: r.id,
        amountCents: r.amount,
        status: refundStatusOf(r.status),
        ourRefundId: typeof r.metadata?.refund_id === 'string' && /^[0-9a-f-]{36}$/i.test(r.metadata.refund_id) ? r.metadata.refund_id : null,
      }));
  }
}
