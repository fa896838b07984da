import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MAX_ORDER_TOTAL_CENTS } from '@farmlink/shared';
import type { NewOrder } from './order.repository';
import { OrderTotalTooLargeError, TooManyUnpaidCheckoutsError } from './orders.errors';

export const DEFAULT_MAX_UNPAID_CHECKOUTS = 3;

/**
 * Every order total, and the checkout's total (one payment), is at most
 * MAX_ORDER_TOTAL_CENTS (Stripe's single-charge limit for CNY); else 422.
 * Called inside the checkout transaction, so a refusal takes no stock.
 */
export function assertPayableTotals(orders: Pick<NewOrder, 'totalCents'>[], totalCents: number): void {
  for (const o of orders) {
    if (!(o.totalCents <= MAX_ORDER_TOTAL_CENTS)) throw new OrderTotalTooLargeError(o.totalCents, MAX_ORDER_TOTAL_CENTS);
  }
  if (!(totalCents <= MAX_ORDER_TOTAL_CENTS)) throw new OrderTotalTooLargeError(totalCents, MAX_ORDER_TOTAL_CENTS);
}

/** Limits one buyer can meet at checkout (so one buyer cannot hold the whole stock unpaid). */
@Injectable()
export class CheckoutLimits {
  constructor(private readonly config: ConfigService) {}

  get maxUnpaidCheckouts(): number {
    return Number(this.config.get('MAX_UNPAID_CHECKOUTS') ?? DEFAULT_MAX_UNPAID_CHECKOUTS);
  }

  /**
   * Inside the checkout transaction, before any stock is taken: 409 when the buyer already holds
   * MAX_UNPAID_CHECKOUTS checkouts with unpaid orders. `unpaidCheckouts` is the count the claim
   * statement took under the buyer's lock (OrderRepository.claimCheckout), held until the
   * transaction ends, so two concurrent checkouts of one buyer cannot both pass on the same count.
   */
  assertMayCheckOut(unpaidCheckouts: number): void {
    const limit = this.maxUnpaidCheckouts;
    if (unpaidCheckouts >= limit) throw new TooManyUnpaidCheckoutsError(limit);
  }
}
