import { Logger } from '@nestjs/common';
import Stripe from 'stripe';
import { DomainError } from '@farmlink/shared';
import type { CreateIntentInput, PaymentProvider, RefundInput } from '../payment-provider';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** e.g. http://127.0.0.1:12111 — another host for the SDK (tests, staging). */
  apiBase?: string;
  /** PaymentIntent payment_method_types, e.g. ['card', 'alipay', 'wechat_pay']. */
  paymentMethods: string[];
}

/** The provider is unreachable or failed: 503, and the client may retry (the same Idempotency-Key finishes the checkout). */
export class PaymentProviderUnavailableError extends DomainError {
  constructor() {
    super('unavailable', 'The payment provider is unavailable; please retry in a moment');
  }
}

/** Maps a Stripe refund status to ours. */
export function refundStatusOf(status: string | null | undefined): 'pending' | 'succeeded' | 'failed' {
  if (status === 'succeeded') return 'succeeded';
  if (status === 'failed' || status === 'canceled') return 'failed';
  return 'pending';
}

/**
 * Stripe through its official SDK. Every call that creates something carries
 * an idempotency key derived from our own ids, so a retry (by the SDK, or by
 * us after a crash) never creates a second PaymentIntent or refund.
 */
export class StripePaymentProvider implements PaymentProvider {
  readonly name = 'stripe' as const;
  readonly external = true;
  readonly stripe: Stripe;
  private readonly logger = new Logger(StripePaymentProvider.name);

  constructor(private readonly settings: StripeSettings) {
    const base = settings.apiBase ? new URL(settings.apiBase) : null;
    this.stripe = new Stripe(settings.secretKey, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      telemetry: false,
      appInfo: { name: 'FarmLink' },
      ...(base
        ? {
            host: base.hostname,
            port: base.port || (base.protocol === 'https:' ? 443 : 80),
            protocol: base.protocol === 'http:' ? 'http' : 'https',
          }
        : {}),
    });
  }

  async createIntent(input: CreateIntentInput): Promise<{ providerRef: string; clientSecret: string | null }> {
    const methods = this.settings.paymentMethods;
    const params: Stripe.PaymentIntentCreateParams = {
      amount: input.amountCents,
      currency: input.currency.toLowerCase(),
      allowed_payment_method_types: methods as Stripe.PaymentIntentCreateParams.AllowedPaymentMethodType[],
      metadata: { checkout_id: input.checkoutId, payment_id: input.paymentId },
      description: `FarmLink checkout ${input.checkoutId}`,
      ...(methods.includes('wechat_pay') ? { payment_method_options: { wechat_pay: { client: 'web' } } } : {}),
    };
    const intent = await this.call(() =>
      this.stripe.paymentIntents.create(params, {
        idempotencyKey: `farmlink-pi-${input.checkoutId}-${input.amountCents}-${input.currency.toLowerCase()}`,
      }),
    );
    return { providerRef: intent.id, clientSecret: intent.client_secret ?? null };
  }

  async refund(input: RefundInput): Promise<{ providerRef: string | null; status: 'succeeded' | 'pending' | 'failed' }> {
    if (!input.paymentProviderRef) throw new Error(`payment ${input.paymentId} has no Stripe PaymentIntent`);
    const refund = await this.call(() =>
      this.stripe.refunds.create(
        {
          payment_intent: input.paymentProviderRef!,
          amount: input.amountCents,
          reason: 'requested_by_customer',
          metadata: { refund_id: input.refundId, payment_id: input.paymentId, ...(input.orderId ? { order_id: input.orderId } : {}) },
        },
        { idempotencyKey: `farmlink-refund-${input.refundId}` },
      ),
    );
    return { providerRef: refund.id, status: refundStatusOf(refund.status) };
  }

  /** All refunds of a PaymentIntent (for charge.refunded events that do not carry the list). */
  async refundsOfIntent(paymentIntentId: string): Promise<Stripe.Refund[]> {
    const out: Stripe.Refund[] = [];
    await this.call(() => this.stripe.refunds.list({ payment_intent: paymentIntentId, limit: 100 }).autoPagingEach((r) => void out.push(r)));
    return out;
  }

  /** Verifies the Stripe-Signature over the raw body (throws Stripe's SignatureVerificationError) and parses the event. */
  constructEvent(rawBody: Buffer | string, signature: string): Stripe.Event {
    return this.stripe.webhooks.constructEvent(rawBody, signature, this.settings.webhookSecret);
  }

  /** Network trouble and Stripe's own 5xx become a 503 for our client; request errors stay errors (a bug of ours). */
  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof Stripe.errors.StripeConnectionError || err instanceof Stripe.errors.StripeAPIError || (err as { statusCode?: number }).statusCode === 429) {
        this.logger.warn(`Stripe unavailable: ${(err as Error).message}`);
        throw new PaymentProviderUnavailableError();
      }
      throw err;
    }
  }
}
