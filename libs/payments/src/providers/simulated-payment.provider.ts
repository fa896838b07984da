import { Injectable } from '@nestjs/common';
import type { CreateIntentInput, PaymentProvider, RefundInput } from '../payment-provider';

/**
 * Used when Stripe is not configured (development, demos, tests). The buyer
 * "pays" with POST /api/payments/:id/simulate, which drives exactly the code
 * path a Stripe webhook drives.
 */
@Injectable()
export class SimulatedPaymentProvider implements PaymentProvider {
  readonly name = 'simulated' as const;
  readonly external = false;

  async createIntent(input: CreateIntentInput) {
    return { providerRef: `sim_pi_${input.paymentId}`, clientSecret: null };
  }

  async refund(input: RefundInput) {
    return { providerRef: `sim_re_${input.refundId}`, status: 'succeeded' as const };
  }
}
