import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LedgerController } from './ledger.controller';
import { LedgerRepository } from './ledger.repository';
import { LedgerService } from './ledger.service';
import { PAYMENT_PROVIDER, PaymentProvider } from './payment-provider';
import { PaymentRepository } from './payment.repository';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { SimulatedPaymentProvider } from './providers/simulated-payment.provider';
import { StripePaymentProvider } from './providers/stripe-payment.provider';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationRepository } from './reconciliation.repository';
import { ReconciliationService } from './reconciliation.service';
import { StripeWebhookController } from './stripe-webhook.controller';
import { StripeWebhookService } from './stripe-webhook.service';

/** Stripe when STRIPE_SECRET_KEY is set, else the simulated provider. */
export function paymentProviderFactory(config: ConfigService, simulated: SimulatedPaymentProvider): PaymentProvider {
  const secretKey = config.get<string>('STRIPE_SECRET_KEY');
  if (!secretKey) return simulated;
  return new StripePaymentProvider({
    secretKey,
    webhookSecret: config.getOrThrow<string>('STRIPE_WEBHOOK_SECRET'),
    apiBase: config.get<string>('STRIPE_API_BASE') || undefined,
    paymentMethods: String(config.get('STRIPE_PAYMENT_METHODS') ?? 'card')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  });
}

/**
 * Payments: the provider (simulated unless Stripe is configured), payment and
 * refund records, Stripe's webhook, the seller ledger and reconciliation. The
 * outcome of a payment reaches orders through the PAYMENT_OUTCOME_PORT token,
 * which the orders module binds.
 */
@Module({
  controllers: [PaymentsController, StripeWebhookController, LedgerController, ReconciliationController],
  providers: [
    PaymentRepository,
    PaymentsService,
    LedgerRepository,
    LedgerService,
    ReconciliationRepository,
    ReconciliationService,
    StripeWebhookService,
    SimulatedPaymentProvider,
    { provide: PAYMENT_PROVIDER, inject: [ConfigService, SimulatedPaymentProvider], useFactory: paymentProviderFactory },
  ],
  exports: [PaymentsService, LedgerService],
})
export class PaymentsModule {}
