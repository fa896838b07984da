import { Module } from '@nestjs/common';
import { PAYMENT_PROVIDER } from './payment-provider';
import { PaymentRepository } from './payment.repository';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { SimulatedPaymentProvider } from './providers/simulated-payment.provider';

/**
 * Payments: the provider (simulated unless Stripe is configured), payment and
 * refund records. The outcome of a payment reaches orders through the
 * PAYMENT_OUTCOME_PORT token, which the orders module binds.
 */
@Module({
  controllers: [PaymentsController],
  providers: [
    PaymentRepository,
    PaymentsService,
    SimulatedPaymentProvider,
    { provide: PAYMENT_PROVIDER, useExisting: SimulatedPaymentProvider },
  ],
  exports: [PaymentsService],
})
export class PaymentsModule {}
