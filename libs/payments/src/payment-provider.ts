import type { PaymentProviderName } from '@farmlink/shared';

/** Injection token of the active PaymentProvider (Stripe when STRIPE_SECRET_KEY is set, else simulated). */
export const PAYMENT_PROVIDER = Symbol('PAYMENT_PROVIDER');

export interface CreateIntentInput {
  paymentId: string;
  checkoutId: string;
  amountCents: number;
  currency: string;
}

export interface RefundInput {
  refundId: string;
  orderId?: string;
  paymentId: string;
  paymentProviderRef: string | null;
  amountCents: number;
  currency: string;
  reason: string;
}

/**
 * A payment service provider. Orders never talk to one directly: they go
 * through PaymentsService, which picks the configured provider.
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /**
   * True when creating a payment needs a network call. Such calls are made
   * after the checkout transaction commits, never while it holds row locks.
   */
  readonly external: boolean;
  createIntent(input: CreateIntentInput): Promise<{ providerRef: string | null; clientSecret: string | null }>;
  refund(input: RefundInput): Promise<{ providerRef: string | null; status: 'succeeded' | 'pending' | 'failed' }>;
}
